/**
 * Internal numeric helpers shared by the scalers and k-means (column moments, numpy-style quantiles).
 *
 * @internal
 * @module
 */
import { sumFloat64 } from '../core/sum.js';

/** Column means and population variances as scikit-learn's `_incremental_mean_and_var` computes them. */
export function columnMeanVar(data: Float64Array, rows: number, cols: number): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(cols);
  const variance = new Float64Array(cols);
  const col = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    let maxAbs = 0;
    for (let i = 0; i < rows; i++) {
      col[i] = data[i * cols + j]!;
      maxAbs = Math.max(maxAbs, Math.abs(col[i]!));
    }
    // Columns whose squares could overflow are summed scaled by an exact power of two (no rounding
    // added) and scaled back; the variance of such a column may then exceed the double range and
    // is returned as Infinity for the caller to report (never NaN).
    const scale = maxAbs > 1e150 ? 2 ** Math.min(1023, Math.ceil(Math.log2(maxAbs))) : 1;
    if (scale !== 1) for (let i = 0; i < rows; i++) col[i] = col[i]! / scale;
    const m = sumFloat64(col, 0, rows) / rows;
    // var = (Σ(x − m)² − (Σ(x − m))² / n) / n: the second term corrects the rounding of m
    for (let i = 0; i < rows; i++) col[i] = col[i]! - m;
    const correction = sumFloat64(col, 0, rows);
    for (let i = 0; i < rows; i++) col[i] = col[i]! * col[i]!;
    const ss = sumFloat64(col, 0, rows);
    mean[j] = m * scale;
    variance[j] = ((ss - (correction * correction) / rows) / rows) * scale * scale;
  }
  return { mean, variance };
}

/**
 * Quantile of sorted values with numpy's default ('linear', type 7) method, written as numpy 1.24
 * computes it, so results agree to the last bit: virtual index n·q + (1 − q) − 1, then
 * a + (b − a)·t for t < 0.5 and b − (b − a)·(1 − t) otherwise.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = n * q + (1 + q * (1 - 1 - 1)) - 1;
  let lo = Math.floor(virtual);
  let t = virtual - lo;
  if (lo < 0) {
    lo = 0;
    t = 0;
  }
  if (lo >= n - 1) return sorted[n - 1]!;
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Median as numpy computes it (mean of the two middle values for even n). */
export function medianSorted(sorted: Float64Array): number {
  const n = sorted.length;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

/** scikit-learn's `_handle_zeros_in_scale` without a constant mask: scales below 10·ε become 1. */
export function handleZeroScale(scale: number): number {
  return scale < 10 * Number.EPSILON ? 1 : scale;
}
