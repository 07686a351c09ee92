import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { bucketLabel, bucketStart, type BucketOptions } from '../../core/time.js';
import type { Timestamp } from '../../core/types.js';
import { arrayLike, oneOf, options as checkOptions } from '../../core/validate.js';
import { bucketAxis, postTimes } from '../_timed.js';
import { resolveSentimentOptions, sentimentWith, type SentimentOptions } from './sentiment.js';

/** A post as sentimentSeries needs it (crmkit's `Post` fits). */
export interface SentimentPost {
  readonly text: string;
  readonly createdAt: Timestamp;
}

/** Options of {@link sentimentSeries}: the bucketing plus the options of {@link sentiment}. */
export interface SentimentSeriesOptions extends SentimentOptions {
  /** Bucket size. @defaultValue 'day' */
  by?: 'hour' | 'day';
  /** IANA time zone of the buckets. @defaultValue 'UTC' */
  timeZone?: string;
  /** First bucket of the series (posts before it are left out). @defaultValue the earliest post */
  from?: Timestamp;
  /** Last bucket of the series (posts after it are left out). @defaultValue the latest post */
  to?: Timestamp;
}

/** Result of {@link sentimentSeries}: dense arrays aligned with `buckets`, empty buckets zero-filled. */
export interface SentimentSeriesResult {
  /** Bucket start instants (epoch ms), every bucket from the first to the last. */
  buckets: number[];
  /** Readable labels (`'2015-02-17'`, `'2015-02-17T08'`). */
  labels: string[];
  /** Posts per bucket. */
  counts: number[];
  /** Posts labelled negative / positive per bucket (integer counts, ready for `detectSpikes`). */
  negative: number[];
  positive: number[];
  /** Mean compound score per bucket; 0 in a bucket without posts (check `counts`). */
  meanCompound: number[];
  /** Share of the bucket's posts labelled negative; 0 in a bucket without posts. */
  negativeShare: number[];
  /** Posts counted (inside the from/to range). */
  posts: number;
}

const FN = 'text/sentimentSeries';
const KEYS = ['by', 'timeZone', 'from', 'to', 'lang', 'threshold', 'lexicon', 'emoticons', 'domain'];

/**
 * Daily (or hourly) sentiment of a stream of posts: counts, mean compound score, negative and
 * positive counts and the negative share per bucket, zero-filled, so "mentions turned negative on
 * Tuesday" is one call away with `detectSpikes(r.negative)` from `crmkit/text`.
 *
 * @remarks Each post is scored by {@link sentiment} with the given options and bucketed in
 * `timeZone` (DST-correct calendar hours or days, core's `bucketStart`); every bucket from the first
 * to the last is present. Cost O(total text length + buckets).
 * @see pandas `df.set_index('created').groupby(pd.Grouper(freq='D'))['compound'].agg(['mean', 'size'])`
 * @throws {@link InvalidInputError} when posts is not an array of `{ text, createdAt }` with string
 *   text and a valid timestamp, or no post falls in the range, or the range spans more than
 *   100,000 buckets (hourly: 11 years)
 * @throws {@link InvalidOptionError} on a bad option (see {@link sentiment} for the scoring options)
 * @example
 * ```ts
 * import { sentimentSeries } from 'crmkit/text/sentiment';
 * const posts = [
 *   { text: 'Great crew, thanks!', createdAt: '2015-02-17T09:00:00Z' },
 *   { text: 'Lost my bag. Worst airline ever.', createdAt: '2015-02-19T10:00:00Z' },
 *   { text: 'Still waiting for my bag, terrible', createdAt: '2015-02-19T18:00:00Z' },
 * ];
 * const r = sentimentSeries(posts, { domain: 'customer-service' });
 * r.labels; // => ['2015-02-17', '2015-02-18', '2015-02-19']
 * r.counts; // => [1, 0, 2]
 * r.negative; // => [0, 0, 2]
 * r.negativeShare; // => [0, 0, 1]
 * // Hourly, on Beijing's clock, over a chosen window:
 * const h = sentimentSeries(posts, { by: 'hour', timeZone: 'Asia/Shanghai', from: '2015-02-19T17:00:00Z', to: '2015-02-19T19:00:00Z', lang: 'en', threshold: 0.1 });
 * h.labels; // => ['2015-02-20T01', '2015-02-20T02', '2015-02-20T03']
 * h.counts; // => [0, 1, 0]
 * ```
 * @category Sentiment
 */
export function sentimentSeries(posts: readonly SentimentPost[], options?: SentimentSeriesOptions): SentimentSeriesResult {
  const list = arrayLike<unknown>(FN, 'posts', posts);
  const o = checkOptions(FN, options, KEYS);
  const { by, timeZone, from: fromOpt, to: toOpt, ...scoring } = o;
  const cfg = resolveSentimentOptions(FN, scoring);
  const unit = by === undefined ? 'day' : oneOf(FN, 'options.by', by, ['hour', 'day'] as const);
  const bucketOpts: BucketOptions = { unit };
  if (timeZone !== undefined) bucketOpts.timeZone = timeZone;
  try {
    bucketStart(0, bucketOpts);
  } catch (e) {
    if (e instanceof InvalidOptionError) throw new InvalidOptionError(FN, 'options.timeZone must be an IANA time zone name', timeZone);
    throw e;
  }
  const times = postTimes(FN, list);
  const { buckets, index } = bucketAxis(FN, times, fromOpt, toOpt, bucketOpts);
  const n = buckets.length;
  const counts = new Array<number>(n).fill(0);
  const negative = new Array<number>(n).fill(0);
  const positive = new Array<number>(n).fill(0);
  const sums = new Float64Array(n);
  let counted = 0;
  for (let i = 0; i < list.length; i++) {
    const bi = index.get(bucketStart(times[i]!, bucketOpts));
    if (bi === undefined) continue;
    const r = sentimentWith((list[i] as SentimentPost).text, cfg);
    counted++;
    counts[bi]!++;
    sums[bi]! += r.compound;
    if (r.label === 'negative') negative[bi]!++;
    else if (r.label === 'positive') positive[bi]!++;
  }
  if (counted === 0) throw new InvalidInputError(FN, 'no post falls between options.from and options.to', list.length);
  const meanCompound = counts.map((c, i) => (c === 0 ? 0 : sums[i]! / c));
  const negativeShare = counts.map((c, i) => (c === 0 ? 0 : negative[i]! / c));
  return { buckets, labels: buckets.map((b) => bucketLabel(b, bucketOpts)), counts, negative, positive, meanCompound, negativeShare, posts: counted };
}
