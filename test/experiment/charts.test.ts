import { describe, expect, it } from 'vitest';
import { analyzeExperiment, experimentEffectsChart, InvalidInputError, InvalidOptionError } from 'crmkit/experiment';
import { checkChart } from '../helpers/vega.js';

const result = analyzeExperiment(
  { summaries: [
    { arm: 'No E-Mail', users: 21306, metrics: { conversion: { conversions: 122 }, spend: { sum: 21306 * 0.65, sumSquares: 21306 * 240 } } },
    { arm: 'Mens E-Mail', users: 21307, metrics: { conversion: { conversions: 267 }, spend: { sum: 21307 * 1.42, sumSquares: 21307 * 560 } } },
    { arm: 'Womens E-Mail', users: 21387, metrics: { conversion: { conversions: 189 }, spend: { sum: 21387 * 1.08, sumSquares: 21387 * 380 } } },
  ] },
  { control: 'No E-Mail', metrics: [{ name: 'conversion', type: 'binomial' }, { name: 'spend', type: 'mean' }] },
);

describe('experiment charts: schema-valid Vega-Lite, render to SVG without messages, data = the crmkit result', () => {
  it('experimentEffectsChart: one row per comparison with its lift and interval', async () => {
    const spec = experimentEffectsChart(result);
    const rows = spec.data!.values as { label: string; estimate: number; lower: number; upper: number; outcome: string }[];
    expect(rows.length).toBe(result.comparisons.length);
    result.comparisons.forEach((c, i) => expect(rows[i]).toMatchObject({ label: `${c.metric} · ${c.arm}`, estimate: c.relativeLift, lower: c.relativeInterval.lower, upper: c.relativeInterval.upper, outcome: c.outcome }));
    await checkChart(spec);
    const abs = experimentEffectsChart(result, { scale: 'absolute', title: 'Differences' });
    result.comparisons.forEach((c, i) => expect((abs.data!.values as { estimate: number; lower: number }[])[i]).toMatchObject({ estimate: c.difference, lower: c.confidenceInterval.lower }));
    await checkChart(abs);
    expect(() => experimentEffectsChart(result, { scale: 'log' as never })).toThrow(InvalidOptionError);
    expect(() => experimentEffectsChart({ comparisons: 3 } as never)).toThrow(InvalidInputError);
  });
});
