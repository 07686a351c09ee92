/**
 * The k-means++ seeding evaluates candidates four at a time in one pass over the rows (a speedup).
 * This checks it bit-for-bit against the plain one-candidate-at-a-time form of the same algorithm
 * (scikit-learn's greedy k-means++: 2 + ⌊ln k⌋ candidates drawn ∝ w·D², keep the lowest potential),
 * written here independently, for several dimensions (odd and even), k (so 2–5 candidates: a full
 * group of four plus a remainder) and weights. Exact equality (the refactor must not change a bit).
 */
import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../src/core/random.js';
import { kmeansPlusPlus } from '../../src/segment/_kmeans.js';

function plainSeeding(X: Float64Array, n: number, d: number, k: number, w: Float64Array, rng: Random): Float64Array {
  const dist2 = (a: number, b: number): number => {
    // the same summation order as the library: even dimensions, odd dimensions, then their sum
    let even = 0;
    let odd = 0;
    for (let t = 0; t < d; t++) {
      const q = X[a + t]! - X[b + t]!;
      if (t % 2 === 0) even += q * q;
      else odd += q * q;
    }
    return even + odd;
  };
  const draw = (weights: number[], total: number): number => {
    const r = rng.uniform() * total;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += weights[i]!;
      if (s >= r) return i;
    }
    return n - 1;
  };
  const ids: number[] = [draw(Array.from(w), Array.from(w).reduce((a, b) => a + b, 0))];
  let closest = Array.from({ length: n }, (_, i) => dist2(i * d, ids[0]! * d));
  let pot = closest.reduce((s, v, i) => s + w[i]! * v, 0);
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    const weighted = closest.map((v, i) => w[i]! * v);
    const picks = Array.from({ length: trials }, () => draw(weighted, pot));
    let best: number[] = [];
    let bestPot = Infinity;
    let bestId = -1;
    for (const id of picks) {
      const next = closest.map((v, i) => Math.min(v, dist2(i * d, id * d)));
      const p = next.reduce((s, v, i) => s + w[i]! * v, 0);
      if (p < bestPot) [best, bestPot, bestId] = [next, p, id];
    }
    closest = best;
    pot = bestPot;
    ids.push(bestId);
  }
  const out = new Float64Array(k * d);
  ids.forEach((id, c) => out.set(X.subarray(id * d, id * d + d), c * d));
  return out;
}

describe('kmeansPlusPlus (grouped candidates) equals the one-at-a-time algorithm bit for bit', () => {
  for (const d of [1, 2, 3, 8, 11]) {
    for (const k of [1, 2, 3, 8, 30]) {
      it(`d = ${d}, k = ${k} (${2 + Math.floor(Math.log(k))} candidates), with and without weights`, () => {
        const n = 600;
        const g = createRandom(100 + d);
        const X = Float64Array.from({ length: n * d }, () => g.normal() + (g.uniform() < 0.3 ? 8 : 0));
        const ones = new Float64Array(n).fill(1);
        const weights = Float64Array.from({ length: n }, () => 0.5 + 2 * g.uniform());
        for (const w of [ones, weights]) {
          for (const seed of [0, 1]) {
            expect(kmeansPlusPlus(X, n, d, k, w, createRandom(seed))).toEqual(plainSeeding(X, n, d, k, w, createRandom(seed)));
          }
        }
      });
    }
  }
});
