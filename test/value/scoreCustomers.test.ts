import { expect, it } from 'vitest';
import {
  conditionalExpectedPurchases, customerLifetimeValue, expectedAverageSpend, fitBetaGeo, fitGammaGamma, probabilityAlive, rfmScores, scoreCustomers,
  summarizeTransactions, InvalidInputError, InvalidOptionError, ModelFormatError,
} from 'crmkit/value';
import { describe } from 'vitest';
import { describeWithData, readDataText } from '../helpers/data.js';

const purchases = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
const spend = { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
const small = Object.freeze([
  { customerId: 'a', frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
  { customerId: 'b', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
  { customerId: 'c', frequency: 9, recency: 37, T: 38, monetaryValue: 41.2 },
  { customerId: 'd', frequency: 1, recency: 2, T: 30, monetaryValue: 12 },
  { customerId: 'e', frequency: 5, recency: 20, T: 25, monetaryValue: 80 },
].map((r) => Object.freeze(r)));

describe('scoreCustomers(summary, options)', () => {
  it('each row equals the single-purpose functions for the same customer, keyed by id', () => {
    const t = scoreCustomers(small, { purchases, spend, timeUnit: 'week', horizon: 6, discountRate: 0.02 });
    const clv = customerLifetimeValue(purchases, spend, small, { months: 6, discountRate: 0.02, timeUnit: 'week' });
    const alive = probabilityAlive(purchases, small);
    const e = conditionalExpectedPurchases(purchases, small, 6 * 4.345);
    const sp = expectedAverageSpend(spend, small);
    const rfm = rfmScores(small.map((c) => ({ customerId: c.customerId, recency: c.T - c.recency, frequency: c.frequency, monetary: c.monetaryValue })));
    for (const row of t.rows) {
      const i = small.findIndex((c) => c.customerId === row.customerId);
      expect(row.clv).toBe(clv[i]);
      expect(row.probabilityAlive).toBe(alive[i]);
      expect(row.expectedPurchases).toBe(e[i]);
      expect(row.expectedAverageSpend).toBe(sp[i]);
      expect(row.rfmCode).toBe(rfm.rows[i]!.code);
      expect(row.segment).toBe(rfm.rows[i]!.segment);
      expect([row.frequency, row.recency, row.T, row.monetaryValue]).toEqual([small[i]!.frequency, small[i]!.recency, small[i]!.T, small[i]!.monetaryValue]);
    }
    expect(t.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    for (let k = 1; k < t.rows.length; k++) expect(t.rows[k - 1]!.clv!).toBeGreaterThanOrEqual(t.rows[k]!.clv!);
    expect(t.totals.clv).toBeCloseTo(clv.reduce((a, b) => a + b, 0), 12);
    expect(t.horizon).toEqual({ months: 6, timeUnit: 'week', units: 6 * 4.345 });
    expect(t.segmentCounts.reduce((a, s) => a + s.count, 0)).toBe(5);
  });

  it('is JSON-ready, independent of row order, and accepts any iterable', () => {
    const t = scoreCustomers(small, { purchases, spend, timeUnit: 'week' });
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
    const rev = scoreCustomers([...small].reverse(), { purchases, spend, timeUnit: 'week' });
    expect(rev.rows).toEqual(t.rows);
    function* gen() { yield* small; }
    expect(scoreCustomers(gen(), { purchases, spend, timeUnit: 'week' }).rows).toEqual(t.rows);
  });

  it('sortBy picks the ranking column; ties keep summary order; no spend model means no clv', () => {
    const byAlive = scoreCustomers(small, { purchases, spend, timeUnit: 'week', sortBy: 'probabilityAlive' });
    expect(byAlive.rows[0]!.customerId).toBe('a'); // P(alive) = 1 for a one-time buyer under BG/NBD
    const noSpend = scoreCustomers(small.map(({ monetaryValue: _m, ...r }) => r), { purchases, timeUnit: 'week' });
    expect(noSpend.sortBy).toBe('expectedPurchases');
    expect(noSpend.rows.every((r) => r.clv === undefined && r.monetaryValue === undefined && r.rfmMonetary === 1)).toBe(true);
    expect(noSpend.totals.clv).toBeUndefined();
    const tied = scoreCustomers([{ customerId: 2, frequency: 1, recency: 1, T: 5 }, { customerId: 1, frequency: 1, recency: 1, T: 5 }], { purchases, timeUnit: 'week' });
    expect(tied.rows.map((r) => r.customerId)).toEqual([2, 1]);
  });

  it('rejects missing and repeated ids, bad rows and options with typed errors', () => {
    const o = { purchases, spend, timeUnit: 'week' } as const;
    expect(() => scoreCustomers([], o)).toThrow(InvalidInputError);
    expect(() => scoreCustomers([small[0]!, { ...small[1]!, customerId: null }], o)).toThrow(/value\/scoreCustomers: summary\[1\]\.customerId is missing/);
    expect(() => scoreCustomers([small[0]!, small[1]!, small[0]!], o)).toThrow(/summary\[2\]\.customerId repeats summary\[0\]/);
    expect(() => scoreCustomers([small[0]!, null as never], o)).toThrow(/summary\[1\] must be an object/);
    expect(() => scoreCustomers([{ ...small[1]!, recency: 50 }], o)).toThrow(/summary\[0\]\.recency must be ≤ T/);
    expect(() => scoreCustomers([{ ...small[1]!, monetaryValue: undefined } as never], o)).toThrow(/summary\[0\]\.monetaryValue/);
    expect(() => scoreCustomers(small, { purchases, spend } as never)).toThrow(InvalidOptionError);
    expect(() => scoreCustomers(small, { purchases, timeUnit: 'week', sortBy: 'clv' })).toThrow(/needs options.spend/);
    expect(() => scoreCustomers(small, { ...o, horizon: 0 })).toThrow(InvalidOptionError);
    expect(() => scoreCustomers(small, { ...o, purchases: { kind: 'gammaGamma' } as never })).toThrow(ModelFormatError);
    expect(() => scoreCustomers(small, { ...o, segments: [{ name: 'x', recency: [1, 1], frequency: [1, 5] }] })).toThrow(/value\/scoreCustomers: options.segments leave/);
  });
});

describeWithData('scoreCustomers on CDNOW', [['cdnow', 'CDNOW_sample.txt']], () => {
  it('ranks the 2,357 customers; the top of the table matches customerLifetimeValue on the same rows', () => {
    const log = readDataText('cdnow', 'CDNOW_sample.txt').split(/\r?\n/).filter((l) => l.trim()).map((l) => {
      const f = l.trim().split(/\s+/);
      return { id: f[1]!, date: f[2]!, dollars: Number(f[4]) };
    });
    const s = summarizeTransactions(log, { customerId: 'id', date: 'date', amount: 'dollars', periodsPerUnit: 7, zeroAmount: 'keep', observationEnd: '1997-09-30' });
    const bg = fitBetaGeo(s.rows);
    const gg = fitGammaGamma(s.rows);
    const t = scoreCustomers(s.rows, { purchases: bg, spend: gg, timeUnit: 'week' });
    expect(t.rows.length).toBe(2357);
    const clv = customerLifetimeValue(bg, gg, s.rows, { timeUnit: 'week' });
    const best = clv.map((v, i) => [v, s.rows[i]!.customerId] as const).sort((a, b) => b[0] - a[0]).slice(0, 10);
    expect(t.rows.slice(0, 10).map((r) => [r.clv, r.customerId])).toEqual(best);
    expect(t.rows[0]!.customerId).toBe('0509');
  });
});
