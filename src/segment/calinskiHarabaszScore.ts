import { encodeLabels, type ClusterLabel } from './_labels.js';
import { scaledForRatios, toFlat } from './_matrix.js';
import type { MatrixInput } from './types.js';

/**
 * Calinski–Harabasz index (variance ratio criterion): between-cluster dispersion over within-cluster
 * dispersion, scaled by (n − L)/(L − 1). Higher is better.
 *
 * @remarks O(n·d). Returns 1 when every cluster is a single point repeated (zero within-cluster
 * dispersion), as scikit-learn does.
 * @see scikit-learn 1.2 `sklearn.metrics.calinski_harabasz_score`; Caliński & Harabasz (1974)
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, bad labels, or fewer than 2 or more
 * than n − 1 distinct labels
 * @throws {@link DimensionMismatchError} on ragged rows or a labels length other than n
 * @example
 * ```ts
 * import { calinskiHarabaszScore } from 'crmkit/segment';
 * calinskiHarabaszScore([[0], [2], [10], [12]], [0, 0, 1, 1]); // => 50
 * ```
 * @category Cluster quality
 */
export function calinskiHarabaszScore(X: MatrixInput, labels: ArrayLike<ClusterLabel>): number {
  const fn = 'segment/calinskiHarabaszScore';
  const m = scaledForRatios(toFlat(fn, 'X', X));
  const { rows: n, cols: d, data } = m;
  const { codes, count: L, sizes } = encodeLabels(fn, labels, n, 2, n - 1);
  const mean = new Float64Array(d);
  const cm = new Float64Array(L * d);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    for (let t = 0; t < d; t++) {
      mean[t] = mean[t]! + data[i * d + t]!;
      cm[c * d + t] = cm[c * d + t]! + data[i * d + t]!;
    }
  }
  for (let t = 0; t < d; t++) mean[t] = mean[t]! / n;
  for (let c = 0; c < L; c++) for (let t = 0; t < d; t++) cm[c * d + t] = cm[c * d + t]! / sizes[c]!;
  let extra = 0;
  for (let c = 0; c < L; c++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += (cm[c * d + t]! - mean[t]!) ** 2;
    extra += sizes[c]! * s;
  }
  let intra = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    for (let t = 0; t < d; t++) intra += (data[i * d + t]! - cm[c * d + t]!) ** 2;
  }
  return intra === 0 ? 1 : (extra * (n - L)) / (intra * (L - 1));
}
