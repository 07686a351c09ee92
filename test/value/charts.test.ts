import { describe, expect, it } from 'vitest';
import {
  clvDistributionChart, conditionalExpectedPurchases, periodTransactions, periodTransactionsChart, probabilityOfPurchases, expectedRepeatCurve, frequencyRecencyChart, holdoutComparison, holdoutComparisonChart,
  probabilityAlive, repeatPurchasesChart, scoreCustomers, InvalidInputError, InvalidOptionError,
} from 'crmkit/value';
import { VEGA_LITE_SCHEMA } from 'crmkit';
import { checkChart } from '../helpers/vega.js';

const purchases = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
const spend = { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
const summary = Array.from({ length: 40 }, (_, i) => {
  const x = i % 9;
  return { customerId: `c${i}`, frequency: x, recency: x === 0 ? 0 : 5 + (i % 30), T: 38, monetaryValue: x === 0 ? 0 : 10 + i };
});

describe('value charts: schema-valid Vega-Lite, render to SVG without messages, data = the crmkit result', () => {
  it('frequencyRecencyChart: P(alive) and expected purchases per cell', async () => {
    const spec = frequencyRecencyChart(purchases, { T: 38, maxFrequency: 6, recencySteps: 19 });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    const cells = spec.data!.values as { frequency: number; recency: number; value: number }[];
    expect(cells.length).toBe(7 * 20);
    for (const c of cells) {
      const h = { frequency: c.frequency, recency: c.frequency === 0 ? 0 : c.recency, T: 38 };
      expect(c.value).toBe(probabilityAlive(purchases, [h])[0]);
    }
    await checkChart(spec);
    const e = frequencyRecencyChart(purchases, { T: 38, t: 10, measure: 'expectedPurchases', maxFrequency: 3, recencySteps: 4 });
    for (const c of e.data!.values as { frequency: number; recency: number; value: number }[]) {
      expect(c.value).toBe(conditionalExpectedPurchases(purchases, [{ frequency: c.frequency, recency: c.frequency === 0 ? 0 : c.recency, T: 38 }], 10)[0]);
    }
    await checkChart(e);
    expect(() => frequencyRecencyChart(purchases, { T: 38, measure: 'expectedPurchases' })).toThrow(InvalidOptionError);
    expect(() => frequencyRecencyChart(purchases, {} as never)).toThrow(/options.T/);
  });

  it('holdoutComparisonChart draws the buckets as they are', async () => {
    const cal = summary.map(({ customerId, frequency, recency, T }) => ({ customerId, frequency, recency, T }));
    const hold = summary.map((c, i) => ({ customerId: c.customerId, frequency: (i * 7) % 4, duration: 39 }));
    const result = holdoutComparison(purchases, cal, hold);
    const spec = holdoutComparisonChart(result, { title: 'Check' });
    expect(spec.data!.values).toEqual(result.buckets);
    expect(spec.title).toBe('Check');
    const svg = await checkChart(spec);
    expect(svg).toContain('Check');
    expect(() => holdoutComparisonChart(null as never)).toThrow(InvalidInputError);
  });

  it('clvDistributionChart draws the scored rows', async () => {
    const table = scoreCustomers(summary, { purchases, spend, timeUnit: 'week' });
    const spec = clvDistributionChart(table, { maxBins: 10 });
    expect(spec.data!.values).toEqual(table.rows);
    await checkChart(spec);
    const noSpend = scoreCustomers(summary, { purchases, timeUnit: 'week' });
    expect(() => clvDistributionChart(noSpend)).toThrow(/no clv/);
  });

  it('repeatPurchasesChart: cumulative and incremental, model vs actual', async () => {
    const times = [0, 5, 10, 15, 20, 25, 30, 35, 39];
    const births = summary.map((c) => 39 - c.T + (c.frequency % 3));
    const expected = expectedRepeatCurve(purchases, births, times);
    const actual = [0, 2, 5, 9, 12, 16, 19, 23, 26];
    const cum = repeatPurchasesChart({ times, expected, actual }, { calibrationEnd: 20 });
    const rows = cum.data!.values as { time: number; series: string; purchases: number }[];
    expect(rows.filter((r) => r.series === 'expected').map((r) => r.purchases)).toEqual(expected);
    expect(rows.filter((r) => r.series === 'actual').map((r) => r.purchases)).toEqual(actual);
    await checkChart(cum);
    const inc = repeatPurchasesChart({ times, expected, actual }, { mode: 'incremental' });
    const irows = inc.data!.values as { series: string; purchases: number }[];
    expect(irows.filter((r) => r.series === 'actual').map((r) => r.purchases)).toEqual([0, 2, 3, 4, 3, 4, 3, 4, 3]);
    await checkChart(inc);
    expect(() => repeatPurchasesChart({ times, expected: expected.slice(1) })).toThrow(/one value per time/);
    expect(() => repeatPurchasesChart({ times: [0, 0], expected: [0, 0] })).toThrow(InvalidInputError);
    expect(() => repeatPurchasesChart({ times, expected }, { mode: 'daily' as never })).toThrow(InvalidOptionError);
  });

  it('periodTransactions and its chart: actual vs expected customers per repeat count', async () => {
    const buckets = periodTransactions(purchases, summary, { maxFrequency: 5 });
    expect(buckets.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5+']);
    expect(buckets.reduce((a, b) => a + b.actual, 0)).toBe(40);
    expect(buckets.reduce((a, b) => a + b.expected, 0)).toBeCloseTo(40, 10);
    expect(buckets[2]!.expected).toBeCloseTo(40 * probabilityOfPurchases(purchases, 38, 2), 12);
    expect(buckets[1]!.actual).toBe(summary.filter((c) => c.frequency === 1).length);
    const spec = periodTransactionsChart(buckets);
    expect(spec.data!.values).toEqual(buckets);
    await checkChart(spec);
    expect(() => periodTransactionsChart([])).toThrow(InvalidInputError);
  });
});
