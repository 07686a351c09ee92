import { expect, it } from 'vitest';
import { conditionalExpectedPurchases, expectedPurchases, expectedRepeatCurve, fitBetaGeo, holdoutComparison, summarizeTransactions, DimensionMismatchError, ModelFormatError } from 'crmkit/value';
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

  it('rejects mismatched holdout rows and discrete models', () => {
    expect(() => holdoutComparison(model, s.rows, s.holdout!.slice(1))).toThrow(DimensionMismatchError);
    expect(() => expectedRepeatCurve({ kind: 'betaGeoBetaBinom', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } } as never, [0], [1])).toThrow(ModelFormatError);
  });
});
