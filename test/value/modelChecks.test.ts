import { expect, it } from 'vitest';
import { conditionalExpectedPurchases, expectedPurchases, expectedRepeatCurve, fitBetaGeo, holdoutComparison, summarizeTransactions, DimensionMismatchError, InvalidInputError, ModelFormatError } from 'crmkit/value';
import { expectClose } from '../helpers/close.js';
import { describeWithData, readDataText } from '../helpers/data.js';

describeWithData('holdoutComparison / expectedRepeatCurve on CDNOW', [['cdnow', 'CDNOW_sample.txt']], () => {
  const log = readDataText('cdnow', 'CDNOW_sample.txt').split(/\r?\n/).filter((l) => l.trim()).map((l) => {
    const f = l.trim().split(/\s+/);
    return { id: f[1]!, date: f[2]!, dollars: Number(f[4]) };
  });
  const s = summarizeTransactions(log, { customerId: 'id', date: 'date', amount: 'dollars', periodsPerUnit: 7, zeroAmount: 'keep', observationEnd: '1998-06-30', calibrationEnd: '1997-09-30' });
  const model = fitBetaGeo(s.rows);

  it('buckets actual holdout purchases by calibration frequency and sums the model predictions', () => {
    const c = holdoutComparison(model, s.rows, s.holdout!);
    expect(c.totalActual).toBe(1882);
    const pred = conditionalExpectedPurchases(model, s.rows, 39);
    expectClose(c.totalExpected, pred.reduce((a, b) => a + b, 0), { rel: 1e-12 }, 'total expected');
    expect(c.buckets.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(c.buckets.reduce((a, b) => a + b.customers, 0)).toBe(2357);
    const zero = s.rows.map((r, i) => [r, s.holdout![i]!] as const).filter(([r]) => r.frequency === 0);
    expectClose(c.buckets[0]!.actual, zero.reduce((a, [, h]) => a + h.frequency, 0) / zero.length, { rel: 1e-12 }, 'bucket 0 actual');
  });

  it('expectedRepeatCurve sums new-customer expectations over first-purchase times', () => {
    const births = s.rows.map((r) => 39 - r.T);
    const curve = expectedRepeatCurve(model, births, [0, 10, 39, 78]);
    expect(curve[0]).toBe(0);
    let direct = 0;
    for (const b of births) direct += b < 39 ? expectedPurchases(model, 39 - b) : 0;
    expectClose(curve[2]!, direct, { rel: 1e-12 }, 'week 39');
    expect(curve[3]! > curve[2]! && curve[2]! > curve[1]!).toBe(true);
  });

  it('matches holdout rows by customerId: a shuffled holdout gives the same buckets; lost ids are errors', () => {
    const c = holdoutComparison(model, s.rows, s.holdout!);
    // reverse and interleave: every position moves
    const shuffled = s.holdout!.map((h, i, a) => a[(i * 7919) % a.length]!);
    expect(new Set(shuffled.map((h) => h.customerId)).size).toBe(s.holdout!.length);
    const d = holdoutComparison(model, s.rows, shuffled);
    expect(d).toEqual(c);
    // by position the shuffled rows would have been misaligned: the per-customer error differs
    const anonymous = s.rows.map((r) => ({ frequency: r.frequency, recency: r.recency, T: r.T }));
    const byPosition = holdoutComparison(model, anonymous, shuffled.map((h) => ({ frequency: h.frequency, duration: h.duration })));
    expect(byPosition.rmse).not.toBeCloseTo(c.rmse, 3);
    const renamed = s.holdout!.map((h, i) => (i === 5 ? { ...h, customerId: 'nobody' } : h));
    expect(() => holdoutComparison(model, s.rows, renamed)).toThrow(/calibration\[5\]\.customerId has no holdout row/);
    const twice = s.holdout!.map((h, i) => (i === 9 ? { ...h, customerId: s.holdout![3]!.customerId } : h));
    expect(() => holdoutComparison(model, s.rows, twice)).toThrow(/holdout\[9\]\.customerId repeats holdout\[3\]/);
    const partly = s.holdout!.map((h, i) => (i === 2 ? { frequency: h.frequency, duration: h.duration } : h));
    expect(() => holdoutComparison(model, s.rows, partly)).toThrow(InvalidInputError);
  });

  it('rejects mismatched holdout rows and discrete models', () => {
    expect(() => holdoutComparison(model, s.rows, s.holdout!.slice(1))).toThrow(DimensionMismatchError);
    expect(() => expectedRepeatCurve({ kind: 'betaGeoBetaBinom', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } } as never, [0], [1])).toThrow(ModelFormatError);
  });
});
