import { InvalidInputError } from '../core/errors.js';
import { csrFromTriplets, type CsrMatrix } from '../core/sparse.js';
import type { Timestamp } from '../core/types.js';
import { arrayLike, numberInRange, options as checkOptions, timestamp } from '../core/validate.js';
import { checkCsr } from './recommendContent.js';

/** One thing a customer wrote or engaged with: a row of a TF-IDF matrix, at a time. */
export interface ContentEvent {
  readonly customer: string;
  /** Row of `X` (the TF-IDF of posts, ads or products) the customer wrote or engaged with. */
  readonly row: number;
  /** When; recent events weigh more. */
  readonly at: Timestamp;
}

/** Options of {@link buildContentProfiles}. */
export interface BuildContentProfilesOptions {
  /** An event this many days old weighs half as much as one at `now`. @defaultValue 30 */
  halfLifeDays?: number;
  /** The reference instant. @defaultValue the latest event */
  now?: Timestamp;
}

/** Customer profiles: one L2-normalized TF-IDF row per customer, keyed by `ids`. */
export interface ContentProfiles {
  /** Customer ids, in order of first appearance; row i of `matrix` is `ids[i]`'s profile. */
  ids: string[];
  matrix: CsrMatrix;
}

const FN = 'text/buildContentProfiles';

/**
 * Builds each customer's content profile: the recency-weighted sum of the TF-IDF rows they wrote or
 * engaged with, L2-normalized, ready for {@link recommendContent}.
 *
 * @remarks Weight of an event: 2^(−age / halfLife), with age = now − at in days (events after
 * `now` weigh 1). Cost O(events × row length).
 * @throws {@link InvalidInputError} on an event without a string customer, a row outside X or an invalid time
 * @throws {@link InvalidOptionError} on a non-positive half-life
 * @example
 * ```ts
 * import { buildContentProfiles, fitTfidf, transformTfidf } from 'crmkit/text';
 * const posts = ['cheap flights to paris', 'lost my bag', 'paris hotels'];
 * const X = transformTfidf(fitTfidf(posts), posts);
 * const p = buildContentProfiles([
 *   { customer: 'ann', row: 0, at: '2024-01-01' },
 *   { customer: 'ann', row: 2, at: '2024-03-01' },
 *   { customer: 'bob', row: 1, at: '2024-03-01' },
 * ], X);
 * p.ids; // => ['ann', 'bob']
 * p.matrix.rows; // => 2
 * ```
 * @category Recommendation
 */
export function buildContentProfiles(events: readonly ContentEvent[], X: CsrMatrix, options?: BuildContentProfilesOptions): ContentProfiles {
  const list = arrayLike<unknown>(FN, 'events', events);
  const m = checkCsr(FN, 'X', X);
  const o = checkOptions(FN, options, ['halfLifeDays', 'now']);
  const halfLife = o.halfLifeDays === undefined ? 30 : numberInRange(FN, 'options.halfLifeDays', o.halfLifeDays, { min: 0, minExclusive: true });
  const times = new Float64Array(list.length);
  let latest = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ContentEvent | undefined;
    if (typeof e !== 'object' || e === null || typeof e.customer !== 'string') throw new InvalidInputError(FN, `events[${i}] must have a string customer`, e);
    if (!Number.isInteger(e.row) || e.row < 0 || e.row >= m.rows) throw new InvalidInputError(FN, `events[${i}].row must be a row of X (0..${m.rows - 1})`, e.row);
    times[i] = timestamp(FN, `events[${i}].at`, e.at);
    if (times[i]! > latest) latest = times[i]!;
  }
  const now = o.now === undefined ? latest : timestamp(FN, 'options.now', o.now);
  const index = new Map<string, number>();
  const ids: string[] = [];
  const ri: number[] = [];
  const ci: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ContentEvent;
    let c = index.get(e.customer);
    if (c === undefined) {
      c = ids.length;
      index.set(e.customer, c);
      ids.push(e.customer);
    }
    const ageDays = Math.max(0, (now - times[i]!) / 86_400_000);
    const w = Math.pow(2, -ageDays / halfLife);
    for (let j = m.indptr[e.row]!; j < m.indptr[e.row + 1]!; j++) {
      ri.push(c);
      ci.push(m.indices[j]!);
      vals.push(w * m.data[j]!);
    }
  }
  const summed = csrFromTriplets(ids.length, m.cols, ri, ci, vals); // inputs checked above: no error can name core
  const data = new Float64Array(summed.data);
  for (let r = 0; r < summed.rows; r++) {
    let ss = 0;
    for (let j = summed.indptr[r]!; j < summed.indptr[r + 1]!; j++) ss += data[j]! * data[j]!;
    const n = Math.sqrt(ss);
    if (n > 0) for (let j = summed.indptr[r]!; j < summed.indptr[r + 1]!; j++) data[j] = data[j]! / n;
  }
  return { ids, matrix: { rows: summed.rows, cols: summed.cols, indptr: summed.indptr, indices: summed.indices, data } };
}
