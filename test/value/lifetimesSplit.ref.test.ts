import { describe, expect, it } from 'vitest';
import { summarizeTransactions } from 'crmkit/value';
import { loadFixture } from '../helpers/fixtures.js';

interface SplitRow { customerId: string; frequency: number; recency: number; T: number; monetaryValue: number; holdoutFrequency: number; holdoutMonetaryValue: number; duration: number }
interface SplitFixture { log: { id: string; date: string; amount: number }[]; observationEnd: string; cases: Record<string, SplitRow[]> }
// scripts/reference/value_lifetimes_split.py: lifetimes' calibration_and_holdout_data (freq='W') rebuilt in pandas 1.5.3
const fx = loadFixture<SplitFixture>('value-lifetimes-split');

function crmkit(calibrationEnd: string, holdoutMonetaryValue: 'perPeriod' | 'perRow') {
  const s = summarizeTransactions(fx.log, { customerId: 'id', date: 'date', amount: 'amount', period: 'week', observationEnd: fx.observationEnd, calibrationEnd, holdoutMonetaryValue });
  const hold = new Map(s.holdout!.map((h) => [h.customerId, h]));
  const rows = s.rows.map((r) => {
    const h = hold.get(r.customerId)!;
    return { customerId: String(r.customerId), frequency: r.frequency, recency: r.recency, T: r.T, monetaryValue: r.monetaryValue!, holdoutFrequency: h.frequency, holdoutMonetaryValue: h.monetaryValue!, duration: h.duration };
  });
  return { rows: rows.sort((a, b) => (a.customerId < b.customerId ? -1 : 1)), report: s.report };
}

describe("calibration/holdout split vs lifetimes' calibration_and_holdout_data (period: 'week')", () => {
  it("calibrationEnd on the last day of a week, holdoutMonetaryValue: 'perRow': every column equals lifetimes'", () => {
    const got = crmkit('2024-01-21', 'perRow');
    expect(got.rows).toEqual(fx.cases['2024-01-21']);
  });

  it("'perPeriod' (the default) averages the holdout periods' summed spend: customer a spent 21 and 6 in one week, 27 per period, 9 per row", () => {
    const got = crmkit('2024-01-21', 'perPeriod');
    const a = got.rows.find((r) => r.customerId === 'a')!;
    expect([a.holdoutFrequency, a.holdoutMonetaryValue]).toEqual([1, 27]);
    expect(fx.cases['2024-01-21']!.find((r) => r.customerId === 'a')!.holdoutMonetaryValue).toBe(9);
  });

  it('a mid-week calibrationEnd splits at the end of its week: equal to lifetimes with that Sunday, not with the Wednesday', () => {
    const got = crmkit('2024-01-17', 'perRow');
    expect(got.rows).toEqual(fx.cases['2024-01-21']);
    // lifetimes at the Wednesday itself sends Thu..Sun (a: 2 rows, b: 1, d: 1) to the holdout
    expect(got.rows).not.toEqual(fx.cases['2024-01-17']);
    expect(fx.cases['2024-01-17']!.map((r) => r.customerId)).toEqual(['a', 'b', 'c', 'e']); // d (first seen Saturday) is not a calibration customer there
  });
});
