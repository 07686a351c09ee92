import { encodeLabels, type ClusterLabel } from './_labels.js';
import { scaledForRatios, toFlat } from './_matrix.js';
import type { MatrixInput } from './types.js';

/**
 * @internal Silhouette of every row, exact, in O(n²·d) time and O(n·L) memory, never an n × n
 * matrix. Rows are grouped by cluster; each pair (i < j) is measured once, its distance added to
 * i's running sum for j's cluster and to a per-row column buffer that is flushed into j's sum for
 * i's cluster when i's cluster is done.
 */
export function _silhouette(X: Float64Array, n: number, d: number, codes: Int32Array, L: number, sizes: Float64Array): Float64Array {
  // counting sort of rows by cluster
  const start = new Int32Array(L + 1);
  for (let i = 0; i < n; i++) start[codes[i]! + 1]!++;
  for (let c = 0; c < L; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, L);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[codes[i]!]!++] = i;
  const Xs = new Float64Array(n * d);
  for (let p = 0; p < n; p++) Xs.set(X.subarray(order[p]! * d, order[p]! * d + d), p * d);
  const sums = new Float64Array(n * L);
  const col = new Float64Array(n);
  for (let a = 0; a < L; a++) {
    const sa = start[a]!;
    col.fill(0, sa);
    for (let i = sa; i < start[a + 1]!; i++) {
      const xo = i * d;
      for (let c = a; c < L; c++) {
        const end = start[c + 1]!;
        let acc = 0;
        for (let j = c === a ? i + 1 : start[c]!; j < end; j++) {
          const yo = j * d;
          let s = 0;
          for (let t = 0; t < d; t++) {
            const v = Xs[xo + t]! - Xs[yo + t]!;
            s += v * v;
          }
          const dist = Math.sqrt(s);
          acc += dist;
          col[j] = col[j]! + dist;
        }
        sums[i * L + c] = sums[i * L + c]! + acc;
      }
    }
    for (let j = sa; j < n; j++) sums[j * L + a] = sums[j * L + a]! + col[j]!;
  }
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const own = codes[order[p]!]!;
    if (sizes[own]! <= 1) {
      out[order[p]!] = 0; // scikit-learn scores members of single-member clusters 0
      continue;
    }
    const a = sums[p * L + own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < L; c++) {
      if (c === own) continue;
      const v = sums[p * L + c]! / sizes[c]!;
      if (v < b) b = v;
    }
    const m = Math.max(a, b);
    out[order[p]!] = m > 0 ? (b - a) / m : 0;
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
  const m = scaledForRatios(toFlat(fn, 'X', X));
  const enc = encodeLabels(fn, labels, m.rows, 2, m.rows - 1);
  return Array.from(_silhouette(m.data, m.rows, m.cols, enc.codes, enc.count, enc.sizes));
}
