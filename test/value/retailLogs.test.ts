import { describe, expect, it } from 'vitest';
import { cohortRetention, summarizeTransactions, summarizeTransactionStream, InvalidInputError, InvalidOptionError } from 'crmkit/value';

const base = { customerId: 'c', date: 'd', amount: 'v', product: 'sku', observationEnd: '2024-03-31' } as const;
const log = Object.freeze([
  { c: 'a', d: '2024-01-01', sku: 'X', v: 100 }, // 0: cancelled in full by row 2
  { c: 'a', d: '2024-01-01', sku: 'Y', v: 20 }, // 1
  { c: 'a', d: '2024-01-01', sku: 'X', v: -100 }, // 2: return of row 0 (same day)
  { c: 'a', d: '2024-02-01', sku: 'Z', v: 50 }, // 3: cancelled in part by row 4
  { c: 'a', d: '2024-02-03', sku: 'Z', v: -20 }, // 4
  { c: 'b', d: '2024-01-10', sku: 'X', v: 30 }, // 5: b's only purchase, returned by row 6
  { c: 'b', d: '2024-01-12', sku: 'X', v: -30 }, // 6
  { c: 'c', d: '2024-01-05', sku: 'Q', v: -5 }, // 7: return with no earlier purchase
  { c: 'c', d: '2024-01-06', sku: 'Q', v: 12 }, // 8
  { c: 'd', d: '2024-01-02', sku: 'X', v: 10 }, // 9
  { c: 'd', d: '2024-03-01', sku: 'X', v: 10 }, // 10: two purchases of X, one return of 15 takes the newest first
  { c: 'd', d: '2024-03-02', sku: 'X', v: -15 }, // 11
].map((r) => Object.freeze(r)));

describe("summarizeTransactions returns: 'net' | 'drop' | 'error'", () => {
  it("'net' offsets returns against the latest earlier purchases of the same customer and product, listing every match", () => {
    const s = summarizeTransactions(log, { ...base, returns: 'net' });
    const byId = Object.fromEntries(s.rows.map((r) => [r.customerId, r]));
    // a: day 1 keeps Y (20), day 32 keeps 30 of Z → 2 purchase days, repeat spend 30
    expect(byId.a).toEqual({ customerId: 'a', frequency: 1, recency: 31, T: 90, monetaryValue: 30 });
    expect(byId.b).toBeUndefined(); // every purchase of b was returned
    expect(byId.c).toEqual({ customerId: 'c', frequency: 0, recency: 0, T: 85, monetaryValue: 0 });
    // d: 15 returned → the 2024-03-01 purchase (10) is cancelled, 5 comes off the 2024-01-02 one
    expect(byId.d).toEqual({ customerId: 'd', frequency: 0, recency: 0, T: 89, monetaryValue: 0 });
    const r = s.report.returns!;
    expect(r.matches).toEqual([
      { returnRow: 2, purchaseRow: 0, customerId: 'a', product: 'X', amount: 100 },
      { returnRow: 4, purchaseRow: 3, customerId: 'a', product: 'Z', amount: 20 },
      { returnRow: 6, purchaseRow: 5, customerId: 'b', product: 'X', amount: 30 },
      { returnRow: 11, purchaseRow: 10, customerId: 'd', product: 'X', amount: 10 },
      { returnRow: 11, purchaseRow: 9, customerId: 'd', product: 'X', amount: 5 },
    ]);
    expect([r.rows, r.matched, r.unmatched, r.purchasesCancelled, r.amountNetted, r.amountUnmatched, r.customersAllReturned]).toEqual([5, 4, 1, 3, 165, 0, 1]);
    expect(s.report.dropped.returns).toBe(1);
    const dropped = Object.values(s.report.dropped).reduce((a, b) => a + b, 0);
    expect(s.report.rowsUsed + dropped).toBe(s.report.rowsIn);
  });

  it("a return never matches a purchase dated after it; the excess of a large return is reported, not netted", () => {
    const s = summarizeTransactions([
      { c: 1, d: '2024-01-05', sku: 'A', v: -10 },
      { c: 1, d: '2024-01-06', sku: 'A', v: 10 },
      { c: 1, d: '2024-01-07', sku: 'A', v: 4 },
      { c: 1, d: '2024-01-09', sku: 'A', v: -9 },
    ], { ...base, returns: 'net' });
    const r = s.report.returns!;
    expect(r.unmatched).toBe(1);
    expect(r.matches.map((m) => [m.returnRow, m.purchaseRow, m.amount])).toEqual([[3, 2, 4], [3, 1, 5]]);
    expect(s.rows[0]).toEqual({ customerId: 1, frequency: 0, recency: 0, T: 85, monetaryValue: 0 });
    const big = summarizeTransactions([{ c: 1, d: '2024-01-06', sku: 'A', v: 10 }, { c: 1, d: '2024-01-07', sku: 'A', v: 3 }, { c: 1, d: '2024-01-08', sku: 'A', v: -20 }, { c: 1, d: '2024-01-09', sku: 'B', v: 1 }], { ...base, returns: 'net' });
    expect(big.report.returns!.amountUnmatched).toBe(7);
    expect(big.report.returns!.amountNetted).toBe(13);
  });

  it("'drop' leaves returns out and keeps the purchases; 'error' throws naming the row", () => {
    const s = summarizeTransactions(log, { ...base, returns: 'drop' });
    expect(s.report.dropped.returns).toBe(5);
    expect(s.report.returns!.matches).toEqual([]);
    expect(s.rows.find((r) => r.customerId === 'b')).toBeDefined();
    expect(() => summarizeTransactions(log, { ...base, returns: 'error' })).toThrow(/transactions\[2\] has a negative amount/);
  });

  it('the stream gives the same netting as the array, whatever the batch split', async () => {
    const a = summarizeTransactions(log, { ...base, returns: 'net' });
    const s = await summarizeTransactionStream([log.slice(0, 3), log.slice(3, 7), log.slice(7)], { ...base, returns: 'net' });
    expect(s).toEqual(a);
  });

  it('rejects conflicting or incomplete return options', () => {
    expect(() => summarizeTransactions(log, { ...base, returns: 'net', negativeAmount: 'drop' })).toThrow(InvalidOptionError);
    const { product: _p, ...noProduct } = base;
    expect(() => summarizeTransactions(log, { ...noProduct, returns: 'net' })).toThrow(/needs options.product/);
    const { amount: _a, ...noAmount } = base;
    expect(() => summarizeTransactions(log, { ...noAmount, returns: 'drop' })).toThrow(/needs options.amount/);
    expect(() => summarizeTransactions(log, { ...base, returns: 'keep' as never })).toThrow(InvalidOptionError);
  });
});

describe('dates: dateFormat and timeZone', () => {
  const opts = { customerId: 'c', date: 'd', observationEnd: '1997-12-31' } as const;
  it("8-digit numbers are an error without dateFormat, calendar dates with 'yyyymmdd' (never epoch ms in 1970)", () => {
    const rows = [{ c: 1, d: 19970101 }, { c: 1, d: 19970115 }];
    expect(() => summarizeTransactions(rows, opts)).toThrow(/transactions\[0\] has the numeric date 19970101.*dateFormat/);
    const s = summarizeTransactions(rows, { ...opts, dateFormat: 'yyyymmdd' });
    expect(s.rows[0]).toEqual({ customerId: 1, frequency: 1, recency: 14, T: 364 });
    expect(summarizeTransactions([{ c: 1, d: 19970230 }, { c: 2, d: 19970101 }], { ...opts, dateFormat: 'yyyymmdd', invalidDate: 'drop' }).report.dropped.invalidDate).toBe(1);
    const ms = summarizeTransactions([{ c: 1, d: Date.UTC(1997, 0, 1) }, { c: 1, d: Date.UTC(1997, 0, 15) }], opts);
    expect(ms.rows[0]!.recency).toBe(14);
    const sec = summarizeTransactions([{ c: 1, d: Date.UTC(1997, 0, 1) / 1000 }, { c: 1, d: Date.UTC(1997, 0, 15) / 1000 }], { ...opts, dateFormat: 'epochSeconds' });
    expect(sec.rows[0]!.recency).toBe(14);
    expect(() => summarizeTransactions(rows, { ...opts, dateFormat: 'YYYYMMDD' as never })).toThrow(InvalidOptionError);
  });

  it('zone-less times need timeZone; the zone decides the day of zoned instants', () => {
    const rows = [{ c: 1, d: '1997-01-01 23:30:00' }, { c: 1, d: '1997-01-02T00:30:00Z' }];
    expect(() => summarizeTransactions(rows, opts)).toThrow(/transactions\[0\] has a time of day without a zone; set options.timeZone/);
    expect(summarizeTransactions(rows, { ...opts, timeZone: 'UTC' }).rows[0]!.frequency).toBe(1);
    // 00:30Z on 2 January is still 1 January in New York: one purchase day
    expect(summarizeTransactions(rows, { ...opts, timeZone: 'America/New_York' }).rows[0]!.frequency).toBe(0);
    // and 23:30 on 1 January in Shanghai wall-clock vs 08:30 on 2 January Shanghai time: two days
    expect(summarizeTransactions(rows, { ...opts, timeZone: 'Asia/Shanghai' }).rows[0]!.frequency).toBe(1);
    expect(summarizeTransactions([{ c: 1, d: '1997-01-01 23:30:00' }, { c: 1, d: '1997-01-01T16:30:00Z' }], { ...opts, timeZone: 'Asia/Shanghai' }).rows[0]!.frequency).toBe(1);
    expect(() => summarizeTransactions(rows, { ...opts, timeZone: 'Mars/Olympus' })).toThrow(InvalidOptionError);
    expect(() => cohortRetention(rows, { customerId: 'c', date: 'd' })).toThrow(/value\/cohortRetention: transactions\[0\] has a time of day/);
    expect(cohortRetention(rows, { customerId: 'c', date: 'd', timeZone: 'UTC' }).sizes).toEqual([1]);
    expect(() => cohortRetention([{ c: 1, d: 19970101 }], { customerId: 'c', date: 'd' })).toThrow(/dateFormat/);
  });
});

describe('null and non-object rows are typed errors with their index', () => {
  const opts = { customerId: 'c', date: 'd', observationEnd: '2024-12-31' } as const;
  const rows = [{ c: 1, d: '2024-01-01' }, null, { c: 2, d: '2024-01-02' }] as never[];
  it('summarizeTransactions, summarizeTransactionStream, cohortRetention', async () => {
    expect(() => summarizeTransactions(rows, opts)).toThrow(InvalidInputError);
    expect(() => summarizeTransactions(rows, opts)).toThrow(/value\/summarizeTransactions: transactions\[1\] must be an object/);
    expect(() => summarizeTransactions([{ c: 1, d: '2024-01-01' }, 7] as never[], opts)).toThrow(/transactions\[1\] must be an object/);
    await expect(summarizeTransactionStream([[rows[0]!], rows.slice(1)], opts)).rejects.toThrow(/value\/summarizeTransactionStream: transactions\[1\] must be an object/);
    expect(() => cohortRetention(rows, { customerId: 'c', date: 'd' })).toThrow(/value\/cohortRetention: transactions\[1\] must be an object/);
  });
});
