import { describe, expect, it } from 'vitest';
import { countKeywords, detectSpikes, keywordSeriesChart, InvalidInputError, InvalidOptionError } from 'crmkit/text';
import { sentimentSeries, sentimentSeriesChart } from 'crmkit/text/sentiment';
import { checkChart } from '../helpers/vega.js';

const perDay = [3, 4, 3, 5, 4, 3, 4, 30, 4, 3];
const posts = perDay.flatMap((n, day) => Array.from({ length: n }, (_, j) => ({
  text: j % 3 === 0 ? '@united lost my bag, worst day' : j % 3 === 1 ? 'great crew on @delta' : '@united and @delta delays',
  createdAt: Date.UTC(2015, 1, 16 + day, 9 + (j % 10)),
})));

describe('text charts: schema-valid Vega-Lite, render to SVG without messages, data = the crmkit result', () => {
  it('keywordSeriesChart: one point per (keyword, bucket) with the counts as they are; spikes marked', async () => {
    const daily = countKeywords(posts, { keywords: ['united', 'delta'], by: 'day' });
    const all = keywordSeriesChart(daily);
    const pts = all.data!.values as { keyword: string; bucket: string; count: number; spike: boolean }[];
    expect(pts.length).toBe(2 * daily.labels.length);
    daily.series.forEach((s, k) => s.counts.forEach((c, i) => expect(pts[k * daily.labels.length + i]).toMatchObject({ keyword: s.keyword, bucket: daily.labels[i], count: c, spike: false })));
    await checkChart(all);
    const spikes = detectSpikes(daily.series[0]!.counts, { method: 'poisson', window: 5 });
    const one = keywordSeriesChart(daily, { keywords: ['united'], spikes });
    const flagged = (one.data!.values as { bucket: string; spike: boolean }[]).filter((p) => p.spike).map((p) => p.bucket);
    expect(flagged).toEqual(spikes.spikes.map((s) => daily.labels[s.index]));
    expect(flagged.length).toBeGreaterThan(0);
    await checkChart(one);
    expect(() => keywordSeriesChart(daily, { spikes })).toThrow(InvalidOptionError);
    expect(() => keywordSeriesChart(daily, { keywords: ['nope'] })).toThrow(/text\/keywordSeriesChart/);
    expect(() => keywordSeriesChart({} as never)).toThrow(InvalidInputError);
  });

  it('sentimentSeriesChart: one point per bucket, the series fields as they are', async () => {
    const r = sentimentSeries(posts, { by: 'day', timeZone: 'UTC' });
    const spec = sentimentSeriesChart(r, { width: 400 });
    expect(spec.width).toBe(400);
    expect(spec.data!.values).toEqual(r.labels.map((bucket, i) => ({ bucket, start: r.buckets[i], count: r.counts[i], negative: r.negative[i], positive: r.positive[i], meanCompound: r.meanCompound[i], negativeShare: r.negativeShare[i] })));
    await checkChart(spec);
    expect(() => sentimentSeriesChart({ ...r, counts: r.counts.slice(1) })).toThrow(InvalidInputError);
  });
});
