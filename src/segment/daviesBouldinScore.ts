import { encodeLabels, type ClusterLabel } from './_labels.js';
import { scaledForRatios, toFlat } from './_matrix.js';
import type { MatrixInput } from './types.js';

/**
 * Davies–Bouldin index: the mean, over clusters, of the worst ratio (sᵢ + sⱼ) / d(cᵢ, cⱼ), where s is
 * the mean distance of a cluster's members to its centroid. Lower is better; 0 is the minimum.
 *
 * @remarks O(n·d + L²·d). Returns 0 when every sᵢ or every centroid distance is ~0 (below 1e-8),
 * as scikit-learn does; coinciding centroids are treated as infinitely far apart.
 * @see scikit-learn 1.2 `sklearn.metrics.davies_bouldin_score`; Davies & Bouldin (1979)
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, bad labels, or fewer than 2 or more
 * than n − 1 distinct labels
 * @throws {@link DimensionMismatchError} on ragged rows or a labels length other than n
 * @example
 * ```ts
 * import { daviesBouldinScore } from 'crmkit/segment';
 * daviesBouldinScore([[0], [2], [10], [12]], [0, 0, 1, 1]); // => 0.2
 * ```
 * @category Cluster quality
 */
export function daviesBouldinScore(X: MatrixInput, labels: ArrayLike<ClusterLabel>): number {
  const fn = 'segment/daviesBouldinScore';
  const m = scaledForRatios(toFlat(fn, 'X', X));
  const { rows: n, cols: d, data } = m;
  const { codes, count: L, sizes } = encodeLabels(fn, labels, n, 2, n - 1);
  const cm = new Float64Array(L * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) cm[codes[i]! * d + t] = cm[codes[i]! * d + t]! + data[i * d + t]!;
  for (let c = 0; c < L; c++) for (let t = 0; t < d; t++) cm[c * d + t] = cm[c * d + t]! / sizes[c]!;
  const intra = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    let s = 0;
    for (let t = 0; t < d; t++) s += (data[i * d + t]! - cm[c * d + t]!) ** 2;
    intra[c] = intra[c]! + Math.sqrt(s);
  }
  for (let c = 0; c < L; c++) intra[c] = intra[c]! / sizes[c]!;
  const cd = new Float64Array(L * L);
  let allIntraZero = true;
  let allCdZero = true;
  for (let a = 0; a < L; a++) {
    if (Math.abs(intra[a]!) > 1e-8) allIntraZero = false;
    for (let b = 0; b < L; b++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (cm[a * d + t]! - cm[b * d + t]!) ** 2;
      cd[a * L + b] = Math.sqrt(s);
      if (Math.abs(cd[a * L + b]!) > 1e-8) allCdZero = false;
    }
  }
  if (allIntraZero || allCdZero) return 0;
  let total = 0;
  for (let a = 0; a < L; a++) {
    let worst = -Infinity;
    for (let b = 0; b < L; b++) {
      const dist = cd[a * L + b]!;
      const r = dist === 0 ? 0 : (intra[a]! + intra[b]!) / dist;
      if (r > worst) worst = r;
    }
    total += worst;
  }
  return total / L;
}
