import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { finiteArray } from '../core/validate.js';

/** Result of {@link findKnee}. */
export interface FindKneeResult {
  /** The x at the knee. */
  x: number;
  /** Its index in the input. */
  index: number;
  /**
   * How far the knee lies below the straight line from the first to the last point, in units of the
   * normalized curve (0 … 1). Near 0 means the curve has no clear knee.
   */
  strength: number;
}

/**
 * Finds the knee (elbow) of a decreasing, convex curve such as inertia by k: the point farthest
 * below the straight line joining the first and last points, after scaling both axes to [0, 1]
 * (the "Kneedle" difference curve of Satopää et al.).
 *
 * @remarks O(m). The x values must be strictly increasing; y should fall with x (inertia, error).
 * When the curve is a straight line (or bends the other way) every point scores ≤ 0; the result is
 * still the highest-scoring point, with `strength` ≤ 0 telling you there is no knee.
 * @see Satopää, Albrecht, Irwin & Raghavan (2011) "Finding a 'Kneedle' in a haystack"
 * @throws {@link InvalidInputError} on NaN, ±Infinity, fewer than 3 points, or x not strictly increasing
 * @throws {@link DimensionMismatchError} when x and y differ in length
 * @example
 * ```ts
 * import { findKnee } from 'crmkit/segment';
 * findKnee([1, 2, 3, 4, 5], [100, 40, 30, 25, 22]).x; // => 2
 * ```
 * @category Cluster quality
 */
export function findKnee(x: ArrayLike<number>, y: ArrayLike<number>): FindKneeResult {
  const fn = 'segment/findKnee';
  const xs = finiteArray(fn, 'x', x, 3);
  const ys = finiteArray(fn, 'y', y);
  if (ys.length !== xs.length) throw new DimensionMismatchError(fn, `y must have the same length as x (${xs.length})`, ys.length);
  for (let i = 1; i < xs.length; i++) if (!(xs[i]! > xs[i - 1]!)) throw new InvalidInputError(fn, `x must be strictly increasing; x[${i}] is not`, xs[i]);
  const m = xs.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of ys) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  const x0 = xs[0]!;
  const xr = xs[m - 1]! - x0;
  const yn = (i: number): number => (span === 0 ? 0 : (ys[i]! - lo) / span);
  const y0 = yn(0);
  const y1 = yn(m - 1);
  let best = 0;
  let bestS = -Infinity;
  for (let i = 0; i < m; i++) {
    const t = (xs[i]! - x0) / xr;
    const s = y0 + (y1 - y0) * t - yn(i);
    if (s > bestS) {
      bestS = s;
      best = i;
    }
  }
  return { x: xs[best]!, index: best, strength: bestS };
}
