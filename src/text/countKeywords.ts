import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { bucketLabel, bucketStart, type BucketOptions } from '../core/time.js';
import type { Timestamp } from '../core/types.js';
import { arrayLike, integerInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { compileKeyword, type MatchMode, prepareText } from './_match.js';
import { bucketAxis, MAX_CELLS, postTimes } from './_timed.js';
import { entityToken, normalizeEntity, scanEntities } from './_scan.js';

/** A post as countKeywords needs it (crmkit's `Post` fits). */
export interface TimedText {
  readonly text: string;
  readonly createdAt: Timestamp;
}

/** Options of {@link countKeywords}. Give exactly one of `keywords` and `entities`. */
export interface CountKeywordsOptions {
  /** Keywords to count (case-insensitive, full width folded; Chinese keywords match inside words). */
  keywords?: readonly string[];
  /** How keywords match. @defaultValue 'exact' */
  match?: MatchMode;
  /** Count every hashtag (`#tag`, also `#话题#` and `{%#话题#%}`) or every mention instead of keywords. */
  entities?: 'hashtags' | 'mentions';
  /** Bucket size. @defaultValue 'day' */
  by?: 'hour' | 'day' | 'week';
  /** IANA time zone of the buckets. @defaultValue 'UTC' */
  timeZone?: string;
  /** First day of week buckets: 1 Monday (ISO), 0 Sunday. @defaultValue 1 */
  weekStartsOn?: 0 | 1;
  /** First bucket of the series (posts before it are not counted). @defaultValue the earliest post */
  from?: Timestamp;
  /** Last bucket of the series (posts after it are not counted). @defaultValue the latest post */
  to?: Timestamp;
  /** Keep only the `top` series with the largest totals. @defaultValue all */
  top?: number;
}

/** One keyword's (or entity's) dense series. */
export interface KeywordSeries {
  /** The keyword as given, or the entity in token form (`#united`, `@united`). */
  keyword: string;
  /** Posts mentioning it in each bucket (a post counts once per keyword), aligned with `buckets`. */
  counts: number[];
  total: number;
  /** Epoch ms of the earliest / latest counted post; `null` when it never occurs. */
  firstSeen: number | null;
  lastSeen: number | null;
}

/** Result of {@link countKeywords}: a chart-ready dense table. */
export interface CountKeywordsResult {
  /** Bucket start instants (epoch ms), every bucket from the first to the last, none skipped. */
  buckets: number[];
  /** Readable bucket labels (`'2015-02-17'`, `'2015-02-17T08'`), aligned with `buckets`. */
  labels: string[];
  /** One series per keyword (in the given order) or per entity (by total, then name). */
  series: KeywordSeries[];
  /** Posts counted (inside the from/to range). */
  posts: number;
}

const FN = 'text/countKeywords';
const KEYS = ['keywords', 'match', 'entities', 'by', 'timeZone', 'weekStartsOn', 'from', 'to', 'top'];

/**
 * Counts keywords, hashtags or mentions per time bucket: a dense, zero-filled series per keyword with
 * its total and first/last sighting, ready for a chart or {@link detectSpikes}.
 *
 * @remarks
 * Each post is bucketed with core's `bucketStart` (calendar hour, day or ISO week in `timeZone`,
 * DST-correct), and the series runs over every bucket from the first to the last (core's
 * `bucketRange`), zeros included. Keywords match case-insensitively with word boundaries at Latin
 * edges (`united` matches `#United` and `@united` but not `reunited`; `match: 'prefix'` allows
 * `delay` → `delayed`), and inside Chinese text (`周杰伦` matches `我爱周杰伦`). Entities are counted
 * in their normalized token form, so `#Fail`, `#fail` and `＃FAIL` are one series. Cost O(posts ×
 * keywords × post length + series × buckets).
 *
 * @see pandas `df.groupby([pd.Grouper(freq='D'), 'keyword']).size().unstack(fill_value=0)`
 * @throws {@link InvalidInputError} when posts is not an array of `{ text, createdAt }` with a string
 *   text and a valid timestamp, or no post falls in the range, or the series would be too large for
 *   memory: more than 100,000 buckets (two posts 12 years apart by the hour) or more than 2²⁵
 *   cells (series × buckets)
 * @throws {@link InvalidOptionError} when neither or both of keywords / entities are given, or on
 *   a bad option
 * @example
 * ```ts
 * import { countKeywords } from 'crmkit/text';
 * const posts = [
 *   { text: '@united lost my bag #fail', createdAt: '2015-02-17T09:00:00Z' },
 *   { text: 'United again... #FAIL', createdAt: '2015-02-19T10:00:00Z' },
 * ];
 * const r = countKeywords(posts, { keywords: ['united', 'bag'] });
 * r.labels; // => ['2015-02-17', '2015-02-18', '2015-02-19']
 * r.series[0]!.counts; // => [1, 0, 1]
 * r.series[1]!.total; // => 1
 * countKeywords(posts, { entities: 'hashtags' }).series[0]!.keyword; // => '#fail'
 * ```
 * @category Monitoring
 */
export function countKeywords(posts: readonly TimedText[], options?: CountKeywordsOptions): CountKeywordsResult {
  const list = arrayLike<unknown>(FN, 'posts', posts);
  const o = checkOptions(FN, options, KEYS);
  if ((o.keywords === undefined) === (o.entities === undefined)) {
    throw new InvalidOptionError(FN, 'give exactly one of options.keywords and options.entities', Object.keys(o));
  }
  const unit = o.by === undefined ? 'day' : oneOf(FN, 'options.by', o.by, ['hour', 'day', 'week'] as const);
  const bucketOpts: BucketOptions = { unit };
  if (o.timeZone !== undefined) bucketOpts.timeZone = o.timeZone;
  if (o.weekStartsOn !== undefined) bucketOpts.weekStartsOn = o.weekStartsOn;
  try {
    bucketStart(0, bucketOpts);
  } catch (e) {
    if (e instanceof InvalidOptionError) {
      throw new InvalidOptionError(FN, 'options.timeZone must be an IANA time zone name and options.weekStartsOn 0 or 1', o.timeZone ?? o.weekStartsOn);
    }
    throw e;
  }
  const mode = o.match === undefined ? 'exact' : oneOf(FN, 'options.match', o.match, ['exact', 'prefix', 'phrase'] as const);
  const top = o.top === undefined ? undefined : integerInRange(FN, 'options.top', o.top, { min: 1 });

  const keywords: string[] = [];
  let matchers: RegExp[] = [];
  if (o.keywords !== undefined) {
    const kws = arrayLike<unknown>(FN, 'options.keywords', o.keywords, 1);
    for (let i = 0; i < kws.length; i++) {
      const k = kws[i];
      if (typeof k !== 'string' || k.trim() === '') throw new InvalidOptionError(FN, `options.keywords[${i}] must be a non-empty string`, k);
      keywords.push(k);
    }
    matchers = keywords.map((k) => compileKeyword(k, mode));
  }
  const entityKind = o.entities === undefined ? undefined : oneOf(FN, 'options.entities', o.entities, ['hashtags', 'mentions'] as const);

  // Validate and time-stamp every post first (so a bad post fails before any work).
  const times = postTimes(FN, list);
  const { buckets, index } = bucketAxis(FN, times, o.from, o.to, bucketOpts);
  const firstBucket = buckets[0]!;
  const lastBucket = buckets[buckets.length - 1]!;

  const counts = new Map<string, { counts: Int32Array; first: number; last: number }>();
  const get = (key: string): { counts: Int32Array; first: number; last: number } => {
    let s = counts.get(key);
    if (s === undefined) {
      if ((counts.size + 1) * buckets.length > MAX_CELLS) {
        throw new InvalidInputError(
          FN,
          `${counts.size + 1} series × ${buckets.length} buckets exceed the ${MAX_CELLS} cells supported (a table that large would not fit in memory): use a larger options.by, narrow options.from/options.to, or fewer keywords`,
          counts.size + 1,
        );
      }
      s = { counts: new Int32Array(buckets.length), first: Infinity, last: -Infinity };
      counts.set(key, s);
    }
    return s;
  };
  for (const k of keywords) get(k);
  let counted = 0;
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const t = times[i]!;
    const b = bucketStart(t, bucketOpts);
    if (b < firstBucket || b > lastBucket) continue;
    const bi = index.get(b)!;
    counted++;
    const text = (list[i] as TimedText).text;
    seen.clear();
    if (entityKind === undefined) {
      const prepared = prepareText(text);
      for (let k = 0; k < matchers.length; k++) {
        const re = matchers[k]!;
        re.lastIndex = 0;
        if (re.test(prepared) && !seen.has(keywords[k]!)) seen.add(keywords[k]!);
      }
    } else {
      const want = entityKind === 'hashtags' ? 'hashtag' : 'mention';
      for (const span of scanEntities(text)) {
        if (span.kind === want) seen.add(entityToken(want, normalizeEntity(want, span.body)));
      }
    }
    for (const key of seen) {
      const s = get(key);
      s.counts[bi]!++;
      if (t < s.first) s.first = t;
      if (t > s.last) s.last = t;
    }
  }
  if (counted === 0) throw new InvalidInputError(FN, 'no post falls between options.from and options.to', list.length);

  let series: KeywordSeries[] = [];
  for (const [keyword, s] of counts) {
    let total = 0;
    for (const c of s.counts) total += c;
    series.push({
      keyword,
      counts: Array.from(s.counts),
      total,
      firstSeen: total === 0 ? null : s.first,
      lastSeen: total === 0 ? null : s.last,
    });
  }
  if (entityKind !== undefined) series.sort((a, b) => b.total - a.total || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0));
  if (top !== undefined && series.length > top) {
    series = entityKind === undefined ? [...series].sort((a, b) => b.total - a.total).slice(0, top) : series.slice(0, top);
  }
  return { buckets, labels: buckets.map((b) => bucketLabel(b, bucketOpts)), series, posts: counted };
}
