import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../../core/chart.js';
import { InvalidInputError } from '../../core/errors.js';
import type { SentimentSeriesResult } from './sentimentSeries.js';

/** One bucket of {@link sentimentSeriesChart}. */
export interface SentimentSeriesPoint {
  bucket: string;
  start: number;
  count: number;
  negative: number;
  positive: number;
  meanCompound: number;
  negativeShare: number;
}

/**
 * Sentiment over time from {@link sentimentSeries}: posts per bucket as bars, and the negative share
 * as a line on its own axis (drawn only where the bucket has posts). `data.values` hold one point per
 * bucket with the result's fields as they are.
 *
 * @throws {@link InvalidInputError} when `result` is not a sentimentSeries result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { sentimentSeries, sentimentSeriesChart } from 'crmkit/text/sentiment';
 * const posts = [
 *   { text: 'Great crew, thanks!', createdAt: '2015-02-17T09:00:00Z' },
 *   { text: 'Lost my bag. Worst airline ever.', createdAt: '2015-02-18T10:00:00Z' },
 * ];
 * const spec = sentimentSeriesChart(sentimentSeries(posts, { by: 'day' }));
 * spec.data?.values.map((p) => [p.bucket, p.negative]); // => [['2015-02-17', 0], ['2015-02-18', 1]]
 * ```
 * @category Charts
 */
export function sentimentSeriesChart(result: SentimentSeriesResult, options?: ChartOptions): VegaLiteSpec {
  const fn = 'text/sentimentSeriesChart';
  if (result === null || typeof result !== 'object' || !Array.isArray(result.labels) || !Array.isArray(result.counts)) throw new InvalidInputError(fn, 'result must be a sentimentSeries result', result);
  const n = result.labels.length;
  const fields = ['buckets', 'counts', 'negative', 'positive', 'meanCompound', 'negativeShare'] as const;
  for (const f of fields) {
    const a = result[f];
    if (!Array.isArray(a) || a.length !== n) throw new InvalidInputError(fn, `result.${f} must have one entry per bucket`, Array.isArray(a) ? a.length : a);
    for (let i = 0; i < n; i++) if (typeof a[i] !== 'number' || !Number.isFinite(a[i])) throw new InvalidInputError(fn, `result.${f}[${i}] must be a finite number`, a[i]);
  }
  const points: SentimentSeriesPoint[] = result.labels.map((bucket, i) => ({
    bucket, start: result.buckets[i]!, count: result.counts[i]!, negative: result.negative[i]!, positive: result.positive[i]!, meanCompound: result.meanCompound[i]!, negativeShare: result.negativeShare[i]!,
  }));
  return chartSpec(fn, {
    data: { values: points },
    encoding: { x: { field: 'bucket', type: 'ordinal', title: null, sort: null, axis: { labelAngle: -45, labelOverlap: true } } },
    layer: [
      { mark: { type: 'bar', color: '#c6d4e6' }, encoding: { y: { field: 'count', type: 'quantitative', title: 'posts' } } },
      {
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'line', point: true, color: '#d62728' },
        encoding: { y: { field: 'negativeShare', type: 'quantitative', title: 'negative share', axis: { format: '%' }, scale: { domain: [0, 1] } }, tooltip: [{ field: 'bucket' }, { field: 'count', type: 'quantitative' }, { field: 'negativeShare', type: 'quantitative', format: '.0%' }, { field: 'meanCompound', type: 'quantitative', format: '.2f' }] },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  }, { title: 'Sentiment over time: posts (bars) and negative share (line)', width: 520, height: 200 }, options);
}
