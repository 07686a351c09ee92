import * as v from '../core/validate.js';
import { binaryTruth, scores } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link liftTable}. */
export interface LiftTableOptions {
  /** Number of groups (10 = deciles), at most the number of rows. @defaultValue 10 (n when there are fewer rows) */
  nBins?: number;
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
}

/** One row (score group) of {@link liftTable}, best-scored group first. */
export interface LiftTableRow {
  count: number;
  positives: number;
  /** positives / count. */
  responseRate: number;
  /** responseRate / overall positive rate. */
  lift: number;
  cumulativeCount: number;
  cumulativePositives: number;
  /** Share of all positives reached so far: the cumulative gains curve. */
  cumulativeGain: number;
  /** Cumulative response rate / overall rate. */
  cumulativeLift: number;
  minScore: number;
  maxScore: number;
}

/**
 * Lift and cumulative gains by score group: sort customers by score (highest first), cut into
 * `nBins` groups of equal size, and report each group's response rate against the average. "The
 * top 10% contain 35% of the buyers (lift 3.5)" is read from here.
 *
 * @remarks O(n log n). Rows are sorted by score descending, ties in input order (stable); group sizes
 * differ by at most one, larger groups first (numpy `array_split`). With many tied scores (a tree
 * has one score per leaf) a group boundary can cut through a tie; the cumulative figures at the
 * end of a leaf are unaffected.
 * @see the gains/lift chart of direct marketing (e.g. Berry & Linoff, Data Mining Techniques, ch. 5)
 * @throws {@link InvalidInputError} when yTrue has no positives or scores are not finite
 * @example
 * ```ts
 * import { liftTable } from 'crmkit/classify';
 * liftTable([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], { nBins: 2 }).map((r) => r.lift); // => [1, 1]
 * ```
 * @category Metrics
 */
export function liftTable(yTrue: readonly Label[], yScore: readonly number[] | Float64Array, options?: LiftTableOptions): LiftTableRow[] {
  const fn = 'classify/liftTable';
  const o = v.options(fn, options, ['nBins', 'posLabel']);
  const y = binaryTruth(fn, yTrue, o.posLabel, true);
  const s = scores(fn, 'yScore', yScore, y.length);
  const n = y.length;
  const nBins = o.nBins === undefined ? Math.min(10, n) : v.integerInRange(fn, 'options.nBins', o.nBins, { min: 1, max: n });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
  let totalPos = 0;
  for (let i = 0; i < n; i++) totalPos += y[i]!;
  const rate = totalPos / n;
  const base = Math.floor(n / nBins);
  const extra = n % nBins;
  const rows: LiftTableRow[] = [];
  let k = 0;
  let cumN = 0;
  let cumPos = 0;
  for (let b = 0; b < nBins; b++) {
    const size = base + (b < extra ? 1 : 0);
    let pos = 0;
    let minS = Infinity;
    let maxS = -Infinity;
    for (let j = 0; j < size; j++, k++) {
      const i = order[k]!;
      pos += y[i]!;
      if (s[i]! < minS) minS = s[i]!;
      if (s[i]! > maxS) maxS = s[i]!;
    }
    cumN += size;
    cumPos += pos;
    rows.push({
      count: size,
      positives: pos,
      responseRate: pos / size,
      lift: pos / size / rate,
      cumulativeCount: cumN,
      cumulativePositives: cumPos,
      cumulativeGain: cumPos / totalPos,
      cumulativeLift: cumPos / cumN / rate,
      minScore: minS,
      maxScore: maxS,
    });
  }
  return rows;
}
