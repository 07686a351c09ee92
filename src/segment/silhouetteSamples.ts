import { encodeLabels, type ClusterLabel } from './_labels.js';
import { toFlat } from './_matrix.js';
import type { MatrixInput } from './types.js';

/**
 * @internal Silhouette of every row, exact, in O(n²·d) time and O(n·L) memory: pairwise distances
 * are summed per (row, cluster) block by block and never stored as an n × n matrix.
 */
export function _silhouette(X: Float64Array, n: number, d: number, codes: Int32Array, L: number, sizes: Float64Array): Float64Array {
  const sums = new Float64Array(n * L);
  const B = 128;
  for (let i0 = 0; i0 < n; i0 += B) {
    const i1 = Math.min(n, i0 + B);
    for (let j0 = i0; j0 < n; j0 += B) {
      const j1 = Math.min(n, j0 + B);
      for (let i = i0; i < i1; i++) {
        const xo = i * d;
        const li = codes[i]!;
        for (let j = j0 === i0 ? i + 1 : j0; j < j1; j++) {
          const yo = j * d;
          let s = 0;
          for (let t = 0; t < d; t++) {
            const v = X[xo + t]! - X[yo + t]!;
            s += v * v;
          }
          const dist = Math.sqrt(s);
          const p = i * L + codes[j]!;
          sums[p] = sums[p]! + dist;
          const q = j * L + li;
          sums[q] = sums[q]! + dist;
        }
      }
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = codes[i]!;
    if (sizes[own]! <= 1) {
      out[i] = 0; // scikit-learn scores members of single-member clusters 0
      continue;
    }
    const a = sums[i * L + own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < L; c++) {
      if (c === own) continue;
      const v = sums[i * L + c]! / sizes[c]!;
      if (v < b) b = v;
    }
    const m = Math.max(a, b);
    out[i] = m > 0 ? (b - a) / m : 0;
  }
  return out;
}

/**
 * The silhouette coefficient of every row: (b − a) / max(a, b), with a the mean distance to the other
 * members of its cluster and b the mean distance to the members of the nearest other cluster.
 * Members of single-member clusters score 0 (scikit-learn's convention).
 *
 * @remarks Exact, O(n²·d) time, O(n·L) memory for L clusters: distances are accumulated block by
 * block, never stored as an n × n matrix (20,000 rows take seconds and a few MB). Euclidean
 * distance. Labels may be any integers or strings; they need not be contiguous.
 * @see scikit-learn 1.2 `sklearn.metrics.silhouette_samples`; Rousseeuw (1987)
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, labels that are not integers or
 * strings, or fewer than 2 or more than n − 1 distinct labels
 * @throws {@link DimensionMismatchError} on ragged rows or a labels length other than n
 * @example
 * ```ts
 * import { silhouetteSamples } from 'crmkit/segment';
 * silhouetteSamples([[0], [1], [10], [30]], [0, 0, 1, 2]); // => [0.9, 0.8888888888888888, 0, 0]
 * ```
 * @category Cluster quality
 */
export function silhouetteSamples(X: MatrixInput, labels: ArrayLike<ClusterLabel>): number[] {
  const fn = 'segment/silhouetteSamples';
  const m = toFlat(fn, 'X', X);
  const enc = encodeLabels(fn, labels, m.rows, 2, m.rows - 1);
  return Array.from(_silhouette(m.data, m.rows, m.cols, enc.codes, enc.count, enc.sizes));
}
