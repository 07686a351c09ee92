/**
 * Shared by the per-bucket series of text (countKeywords, sentimentSeries): post validation and the
 * dense bucket axis.
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';
import { bucketRange, type BucketOptions } from '../core/time.js';
import type { Timestamp } from '../core/types.js';
import { rethrowAs, timestamp } from '../core/validate.js';

/**
 * Most buckets of one dense series (hourly: 11 years; daily: 273 years). Each bucket costs memory
 * in every series and its label, and with a time zone about 14 µs of Intl calls (core's
 * bucketRange and bucketLabel), so a longer axis is a mistake (two posts centuries apart), not a chart.
 */
export const MAX_BUCKETS = 100_000;
/** Most cells (series × buckets) of one dense table: 2²⁵, about 400 MB as result arrays. */
export const MAX_CELLS = 2 ** 25;
const UNIT_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/** Checks every post is `{ text: string, createdAt }` and returns the epoch-ms times. */
export function postTimes(fn: string, list: ArrayLike<unknown>): Float64Array {
  const times = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as { text?: unknown; createdAt?: unknown } | undefined;
    if (typeof p !== 'object' || p === null) throw new InvalidInputError(fn, `posts[${i}] must be an object with text and createdAt`, p);
    if (typeof p.text !== 'string') throw new InvalidInputError(fn, `posts[${i}].text must be a string`, p.text);
    times[i] = timestamp(fn, `posts[${i}].createdAt`, p.createdAt);
  }
  return times;
}

/** Every bucket from `from` (default: the earliest time) to `to` (default: the latest), with an index. */
export function bucketAxis(fn: string, times: Float64Array, fromOpt: Timestamp | undefined, toOpt: Timestamp | undefined, bucketOpts: BucketOptions): { buckets: number[]; index: Map<number, number> } {
  let from = fromOpt === undefined ? undefined : timestamp(fn, 'options.from', fromOpt);
  let to = toOpt === undefined ? undefined : timestamp(fn, 'options.to', toOpt);
  if (from === undefined || to === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of times) {
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
    from ??= lo;
    to ??= hi;
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new InvalidInputError(fn, 'posts must not be empty (or give options.from and options.to)', times.length);
  // Cap the axis before building it: two posts a millennium apart are 8.8 million hourly buckets.
  const unitMs = UNIT_MS[bucketOpts.unit as 'hour' | 'day' | 'week'];
  const approx = Math.floor((to - from) / unitMs) + 1;
  if (approx > MAX_BUCKETS + 1) {
    throw new InvalidInputError(
      fn,
      `the posts (or options.from … options.to) span about ${approx} ${bucketOpts.unit} buckets; at most ${MAX_BUCKETS} are supported (a longer dense series costs too much memory and time): use a larger options.by or narrow options.from/options.to`,
      approx,
    );
  }
  let buckets: number[];
  try {
    buckets = bucketRange(from, to, bucketOpts);
  } catch (e) {
    rethrowAs(fn, e);
  }
  if (buckets.length > MAX_BUCKETS) {
    throw new InvalidInputError(fn, `the series would have ${buckets.length} buckets; at most ${MAX_BUCKETS} are supported: use a larger options.by or narrow options.from/options.to`, buckets.length);
  }
  const index = new Map<number, number>();
  buckets.forEach((b, i) => index.set(b, i));
  return { buckets, index };
}
