import { describe, expect, it } from 'vitest';
import { summarizeTransactions, InvalidInputError, InvalidOptionError } from 'crmkit/value';

const log = Object.freeze([
  Object.freeze({ c: 'x', d: '2024-01-01 09:00:00', v: 10 }),
  Object.freeze({ c: 'x', d: '2024-01-01 18:30:00', v: 5 }),
  Object.freeze({ c: 'x', d: '2024-01-04', v: 20 }),
  Object.freeze({ c: 'x', d: '2024-01-10', v: 40 }),
  Object.freeze({ c: 'y', d: '20240105', v: 7 }),
  Object.freeze({ c: 'y', d: Date.UTC(2024, 0, 12), v: 0 }),
  Object.freeze({ c: 'z', d: '2024-01-11', v: 3 }),
]);
const base = { customerId: 'c', date: 'd', amount: 'v', observationEnd: '2024-01-14', zeroAmount: 'keep', timeZone: 'UTC' } as const;

describe('summarizeTransactions(rows, options)', () => {
  it('computes lifetimes-style frequency, recency, T and repeat-only monetary value', () => {
    const s = summarizeTransactions(log, base);
    expect(s.rows).toEqual([
      { customerId: 'x', frequency: 2, recency: 9, T: 13, monetaryValue: 30 },
      { customerId: 'y', frequency: 1, recency: 7, T: 9, monetaryValue: 0 },
      { customerId: 'z', frequency: 0, recency: 0, T: 3, monetaryValue: 0 },
    ]);
    expect(s.report).toMatchObject({ rowsIn: 7, rowsUsed: 7, mergedIntoSamePeriod: 1, customers: 3, kept: { zeroAmount: 1, negativeAmount: 0 } });
  });
  it('weekly periods merge purchases in the same ISO week', () => {
    const s = summarizeTransactions(log, { ...base, period: 'week' });
    // x: weeks of Jan 1 and Jan 8 → 1 repeat; T from week of Jan 1 to week of Jan 8 = 1
    expect(s.rows[0]).toEqual({ customerId: 'x', frequency: 1, recency: 1, T: 1, monetaryValue: 40 });
  });
  it('splits calibration and holdout', () => {
    const s = summarizeTransactions(log, { ...base, calibrationEnd: '2024-01-08' });
    expect(s.rows.map((r) => r.customerId)).toEqual(['x', 'y']);
    expect(s.holdout).toEqual([
      { customerId: 'x', frequency: 1, monetaryValue: 40, duration: 6 },
      { customerId: 'y', frequency: 1, monetaryValue: 0, duration: 6 },
    ]);
    expect(s.report.customersOnlyInHoldout).toBe(1);
    expect(s.rows[0]!.T).toBe(7);
  });
  it('never drops a row silently: each policy throws by default and counts under drop', () => {
    const dirty = [...log, { c: null, d: '2024-01-02', v: 1 }, { c: 'q', d: 'yesterday', v: 1 }, { c: 'q', d: '2024-01-02', v: -4 }, { c: 'q', d: '2024-01-02', v: NaN }, { c: 'q', d: '2024-02-01', v: 1 }];
    expect(() => summarizeTransactions(dirty, base)).toThrow(/transactions\[7\] has no customer id/);
    expect(() => summarizeTransactions(dirty, { ...base, missingCustomerId: 'drop' })).toThrow(/transactions\[8\] has an unreadable date/);
    expect(() => summarizeTransactions(dirty, { ...base, missingCustomerId: 'drop', invalidDate: 'drop' })).toThrow(/negative amount/);
    expect(() => summarizeTransactions(log, { ...base, zeroAmount: 'error' })).toThrow(/zero amount/);
    const s = summarizeTransactions(dirty, { ...base, missingCustomerId: 'drop', invalidDate: 'drop', negativeAmount: 'drop', invalidAmount: 'drop' });
    expect(s.report.dropped).toEqual({ missingCustomerId: 1, invalidDate: 1, invalidAmount: 1, zeroAmount: 0, negativeAmount: 1, afterObservationEnd: 1, returns: 0 });
    const d = s.report.dropped;
    expect(s.report.rowsUsed + d.missingCustomerId + d.invalidDate + d.invalidAmount + d.zeroAmount + d.negativeAmount + d.afterObservationEnd).toBe(dirty.length);
    expect(() => summarizeTransactions(dirty.slice(-1), { ...base, afterObservationEnd: 'error' })).toThrow(/after options.observationEnd/);
  });
  it('keeps returns netted into their period under negativeAmount: keep', () => {
    const s = summarizeTransactions([{ c: 1, d: '2024-01-01', v: 5 }, { c: 1, d: '2024-01-03', v: 9 }, { c: 1, d: '2024-01-03', v: -4 }], { ...base, negativeAmount: 'keep' });
    expect(s.rows[0]!.monetaryValue).toBe(5);
    expect(s.report.kept.negativeAmount).toBe(1);
  });
  it('without amount there is no monetary value', () => {
    const s = summarizeTransactions(log, { customerId: 'c', date: 'd', observationEnd: '2024-01-14', timeZone: 'UTC' });
    expect('monetaryValue' in s.rows[0]!).toBe(false);
  });
  it('keys like __proto__ are ordinary ids', () => {
    const s = summarizeTransactions([{ c: '__proto__', d: '2024-01-01' }, { c: 'constructor', d: '2024-01-02' }], { customerId: 'c', date: 'd', observationEnd: '2024-01-02' });
    expect(s.rows.map((r) => r.customerId)).toEqual(['__proto__', 'constructor']);
  });
  it('rejects empty logs and bad options', () => {
    expect(() => summarizeTransactions([], base)).toThrow(InvalidInputError);
    expect(() => summarizeTransactions(log, { ...base, observationEnd: 'soon' })).toThrow(InvalidOptionError);
    expect(() => summarizeTransactions(log, { ...base, calibrationEnd: '2025-01-01' })).toThrow(/calibrationEnd must not be after/);
    expect(() => summarizeTransactions(log, { ...base, period: 'year' as never })).toThrow(InvalidOptionError);
    expect(() => summarizeTransactions(log, { ...base, periodsPerUnit: 0 })).toThrow(InvalidOptionError);
    expect(() => summarizeTransactions(log, { date: 'd', observationEnd: '2024-01-14' } as never)).toThrow(/customerId is required/);
  });
});

describe('summarizeTransactions date reading', () => {
  const one = (d: unknown) => summarizeTransactions([{ c: 1, d }, { c: 2, d: '2024-01-01' }], { customerId: 'c', date: 'd', observationEnd: '2030-01-01', invalidDate: 'drop', timeZone: 'UTC' }).report.dropped.invalidDate;
  it('reads ISO dates, YYYYMMDD, zoned ISO, Date and epoch ms; rejects impossible and free-form dates', () => {
    for (const ok of ['2024-02-29', '20240229', '2024-02-29 23:59:59', '2024-02-29T23:59', '2024-02-29T23:00:00Z', '2024-03-01T01:00:00+02:00', new Date(Date.UTC(2024, 1, 29)), Date.UTC(2024, 1, 29)]) {
      expect(one(ok), String(ok)).toBe(0);
    }
    for (const bad of ['2023-02-29', '20241301', 'Feb 29 2024', '2024/02/29', '', null, NaN, {}]) expect(one(bad), String(bad)).toBe(1);
  });
  it('an offset moves the purchase to its UTC day', () => {
    const s = summarizeTransactions([{ c: 1, d: '2024-01-01' }, { c: 1, d: '2024-01-02T01:00:00+02:00' }], { customerId: 'c', date: 'd', observationEnd: '2024-01-10' });
    expect(s.rows[0]!.frequency).toBe(0); // 2024-01-01T23:00Z is the same UTC day as the first purchase
  });
});
