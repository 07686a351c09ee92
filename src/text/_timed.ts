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
import { timestamp } from '../core/validate.js';

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
  const buckets = bucketRange(from, to, bucketOpts);
  const index = new Map<number, number>();
  buckets.forEach((b, i) => index.set(b, i));
  return { buckets, index };
}
