import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';
import type { CountKeywordsResult } from './countKeywords.js';
import type { DetectSpikesResult } from './detectSpikes.js';

/** Options of {@link keywordSeriesChart}. */
export interface KeywordSeriesChartOptions extends ChartOptions {
  /** Which series to draw, by keyword (or entity). @defaultValue every series */
  keywords?: readonly string[];
  /**
   * Spikes to mark, from `detectSpikes` on one drawn series' counts: its baseline is drawn dashed
   * and its flagged buckets as red points. Needs exactly one drawn series.
   */
  spikes?: DetectSpikesResult;
}

/** One point of {@link keywordSeriesChart}. */
export interface KeywordSeriesPoint {
  keyword: string;
  /** The bucket's label (`'2015-02-17'`). */
  bucket: string;
  /** Bucket start, epoch ms. */
  start: number;
  count: number;
  /** Baseline from `spikes`, or null (unscored bucket, or no spikes given). */
  expected: number | null;
  spike: boolean;
}

/**
 * Mentions over time: the series of {@link countKeywords} as lines, one per keyword, with the spikes
 * of {@link detectSpikes} marked when given. `data.values` hold one point per (keyword, bucket), in
 * the result's order: the counts as they are.
 *
 * @throws {@link InvalidInputError} when `result` is not a countKeywords result or `spikes` does not fit it; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { countKeywords, detectSpikes, keywordSeriesChart } from 'crmkit/text';
 * const posts = [1, 1, 2, 1, 9, 1].flatMap((n, day) => Array.from({ length: n }, () => ({ text: 'lost bag', createdAt: Date.UTC(2024, 0, day + 1, 12) })));
 * const daily = countKeywords(posts, { keywords: ['bag'], by: 'day' });
 * const spikes = detectSpikes(daily.series[0]!.counts, { method: 'poisson', window: 3 });
 * const spec = keywordSeriesChart(daily, { spikes });
 * spec.data?.values.filter((p) => p.spike).map((p) => p.bucket); // => ['2024-01-05']
 * ```
 * @category Charts
 */
export function keywordSeriesChart(result: CountKeywordsResult, options?: KeywordSeriesChartOptions): VegaLiteSpec {
  const fn = 'text/keywordSeriesChart';
  if (result === null || typeof result !== 'object' || !Array.isArray(result.series) || !Array.isArray(result.labels) || !Array.isArray(result.buckets)) {
    throw new InvalidInputError(fn, 'result must be a countKeywords result', result);
  }
  const o = checkOptions(fn, options, ['title', 'width', 'height', 'keywords', 'spikes']) as KeywordSeriesChartOptions;
  let series = result.series;
  if (o.keywords !== undefined) {
    if (!Array.isArray(o.keywords) || o.keywords.some((k) => typeof k !== 'string')) throw new InvalidOptionError(fn, 'options.keywords must be an array of strings', o.keywords);
    const want = o.keywords;
    series = want.map((k) => {
      const s = result.series.find((x) => x.keyword === k);
      if (!s) throw new InvalidOptionError(fn, 'options.keywords names a keyword the result does not count', k);
      return s;
    });
  }
  if (series.length === 0) throw new InvalidInputError(fn, 'result has no series to draw', result.series.length);
  const n = result.labels.length;
  const spikes = o.spikes;
  if (spikes !== undefined) {
    if (spikes === null || typeof spikes !== 'object' || !Array.isArray(spikes.flagged) || !Array.isArray(spikes.expected)) throw new InvalidOptionError(fn, 'options.spikes must be a detectSpikes result', spikes);
    if (series.length !== 1) throw new InvalidOptionError(fn, 'options.spikes needs exactly one drawn series (pick it with options.keywords)', series.length);
    if (spikes.flagged.length !== n || spikes.expected.length !== n) throw new InvalidOptionError(fn, `options.spikes covers ${spikes.flagged.length} buckets, the result ${n}`, spikes.flagged.length);
  }
  const points: KeywordSeriesPoint[] = [];
  for (const s of series) {
    if (s === null || typeof s !== 'object' || !Array.isArray(s.counts) || s.counts.length !== n) throw new InvalidInputError(fn, 'each result series must have one count per bucket', s);
    for (let i = 0; i < n; i++) {
      const count = s.counts[i];
      if (typeof count !== 'number' || !Number.isFinite(count)) throw new InvalidInputError(fn, `series '${s.keyword}' counts[${i}] must be a finite number`, count);
      const e = spikes?.expected[i];
      points.push({ keyword: s.keyword, bucket: result.labels[i]!, start: result.buckets[i]!, count, expected: typeof e === 'number' ? e : null, spike: spikes?.flagged[i] === true });
    }
  }
  const x = { field: 'bucket', type: 'ordinal', title: null, sort: null, axis: { labelAngle: -45, labelOverlap: true } };
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'line' }, encoding: { y: { field: 'count', type: 'quantitative', title: 'posts' }, color: { field: 'keyword', type: 'nominal', title: null } } },
  ];
  if (spikes !== undefined) {
    layer.push(
      { transform: [{ filter: 'datum.expected != null' }], mark: { type: 'line', strokeDash: [4, 3], color: '#9aa5b1' }, encoding: { y: { field: 'expected', type: 'quantitative' } } },
      { transform: [{ filter: 'datum.spike' }], mark: { type: 'point', filled: true, size: 80, color: '#d62728' }, encoding: { y: { field: 'count', type: 'quantitative' }, tooltip: [{ field: 'bucket' }, { field: 'count', type: 'quantitative' }, { field: 'expected', type: 'quantitative', format: '.1f' }] } },
    );
  }
  return chartSpec(fn, { data: { values: points }, encoding: { x }, layer }, { title: spikes ? `Mentions of "${series[0]!.keyword}", spikes in red` : 'Mentions over time', width: 520, height: 200 }, o, ['keywords', 'spikes']);
}
