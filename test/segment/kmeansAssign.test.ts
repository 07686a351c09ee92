/**
 * The assignment step has unrolled kernels for d ≤ 4 and 5 ≤ d ≤ 8 (coordinates in locals, centres
 * zero-padded) and accumulates the new centres' sums in the same pass. This checks them against a
 * plain nearest-centre loop written here independently, for every d from 1 to 11 (padded widths 4 and
 * 8, the d = 3 kernel, and the generic path beyond): labels (first centre on ties) equal exactly; the inertia and the
 * per-cluster weighted sums at 1e-12 relative (the kernels add in a different order than the plain
 * loop, so the last bits may differ); the per-cluster weights exactly.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random.js';
import { assignLabels, isSameClustering } from '../../src/segment/_kmeans.js';
import { expectAllClose, expectClose } from '../helpers/close.js';

function plain(X: Float64Array, n: number, d: number, C: Float64Array, k: number, w: Float64Array) {
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * d);
  const weightIn = new Float64Array(k);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (X[i * d + t]! - C[j * d + t]!) ** 2;
      if (s < bestD) [best, bestD] = [j, s];
    }
    labels[i] = best;
    inertia += w[i]! * bestD;
    weightIn[best] = weightIn[best]! + w[i]!;
    for (let t = 0; t < d; t++) sums[best * d + t] = sums[best * d + t]! + w[i]! * X[i * d + t]!;
  }
  return { labels, sums, weightIn, inertia };
}

describe('assignLabels kernels equal a plain nearest-centre loop', () => {
  for (let d = 1; d <= 11; d++) {
    it(`d = ${d}: labels, inertia, fused centre sums and weights`, () => {
      const g = createRandom(500 + d);
      const n = 700;
      const k = 7;
      // integer-valued coordinates on a coarse grid make exact distance ties common (first centre wins)
      const X = Float64Array.from({ length: n * d }, () => (g.uniform() < 0.5 ? g.int(7) - 3 : 3 * g.normal()));
      const C = Float64Array.from({ length: k * d }, () => g.int(5) - 2);
      C.set(C.subarray(0, d), 3 * d); // a duplicated centre: its points go to the first copy
      const w = Float64Array.from({ length: n }, () => 0.25 + g.uniform());
      const ref = plain(X, n, d, C, k, w);
      const labels = new Int32Array(n);
      const inertia0 = assignLabels(X, n, d, C, k, null, labels);
      expect(Array.from(labels)).toEqual(Array.from(ref.labels));
      const unweighted = plain(X, n, d, C, k, new Float64Array(n).fill(1)).inertia;
      expectClose(inertia0, unweighted, { rel: 1e-12 }, 'unweighted inertia');
      const sums = new Float64Array(k * d);
      const weightIn = new Float64Array(k);
      const labels2 = new Int32Array(n);
      const inertia = assignLabels(X, n, d, C, k, w, labels2, sums, w, weightIn);
      expect(Array.from(labels2)).toEqual(Array.from(ref.labels));
      expectClose(inertia, ref.inertia, { rel: 1e-12 }, 'weighted inertia');
      expectAllClose(Array.from(sums), Array.from(ref.sums), { rel: 1e-12, abs: 1e-12 }, 'centre sums');
      expect(Array.from(weightIn)).toEqual(Array.from(ref.weightIn));
      expect(ref.weightIn[3]).toBe(0);
    });
  }
});

describe('isSameClustering (scikit-learn 1.2.1 _is_same_clustering, which decides whether a later restart may replace the kept one)', () => {
  const L = (a: number[]): Int32Array => Int32Array.from(a);
  it('is true for a renaming of the clusters and false for a different partition', () => {
    expect(isSameClustering(L([0, 0, 1, 2, 2]), L([2, 2, 0, 1, 1]), 3)).toBe(true);
    expect(isSameClustering(L([0, 0, 1, 2, 2]), L([2, 1, 0, 1, 1]), 3)).toBe(false);
    expect(isSameClustering(L([0, 1, 1, 2]), L([0, 1, 2, 2]), 3)).toBe(false);
  });
  it('checks one way only, as scikit-learn does (two clusters of a mapping to one of b pass)', () => {
    expect(isSameClustering(L([0, 0, 1]), L([0, 0, 0]), 2)).toBe(true);
    expect(isSameClustering(L([0, 0, 0]), L([0, 0, 1]), 2)).toBe(false);
  });
});
