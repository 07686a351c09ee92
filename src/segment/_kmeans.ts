/**
 * Internal k-means kernels on flat row-major Float64Arrays: k-means++ seeding (scikit-learn's greedy
 * variant), Lloyd and Elkan iterations with scikit-learn's convergence rule and empty-cluster
 * relocation. No per-point objects; every buffer is allocated once per run.
 *
 * @internal
 * @module
 */
import { runSteps, type Steps } from '../core/_steps.js';
import type { Random } from '../core/random.js';

/** Outcome of one k-means run. */
export interface RunResult {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

function sqDist(x: Float64Array, xo: number, c: Float64Array, co: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let t = 0;
  for (; t + 1 < d; t += 2) {
    const a = x[xo + t]! - c[co + t]!;
    const b = x[xo + t + 1]! - c[co + t + 1]!;
    s0 += a * a;
    s1 += b * b;
  }
  if (t < d) {
    const a = x[xo + t]! - c[co + t]!;
    s0 += a * a;
  }
  return s0 + s1;
}

/** Index of the first entry of the non-decreasing `cum` that is >= r (numpy searchsorted 'left'), clipped to n − 1. */
function searchSorted(cum: Float64Array, r: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, cum.length - 1);
}

/**
 * k-means++ seeding with scikit-learn's greedy variant: each new centre is the best of
 * 2 + ⌊ln k⌋ candidates drawn with probability ∝ w·D², "best" meaning the lowest resulting
 * potential Σ w·min D². The first centre is drawn ∝ w (uniformly without weights).
 */
export function kmeansPlusPlus(X: Float64Array, n: number, d: number, k: number, w: Float64Array, rng: Random): Float64Array {
  return runSteps(kmeansPlusPlusSteps(X, n, d, k, w, rng));
}

/** {@link kmeansPlusPlus} as a kernel that yields once per outer iteration (see core/_steps). */
export function* kmeansPlusPlusSteps(X: Float64Array, n: number, d: number, k: number, w: Float64Array, rng: Random): Steps<Float64Array> {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const cum = new Float64Array(n);
  const pick = (values: Float64Array | null): number => {
    // draw an index with probability ∝ w_i · values_i (or ∝ w_i when values is null)
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += values === null ? w[i]! : w[i]! * values[i]!;
      cum[i] = s;
    }
    return searchSorted(cum, rng.uniform() * s);
  };
  const first = pick(null);
  centers.set(X.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(X, i * d, centers, 0, d);
    pot += w[i]! * closest[i]!;
  }
  const cand = Array.from({ length: trials }, () => new Float64Array(n));
  const candId = new Int32Array(trials);
  const candPot = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    yield;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += w[i]! * closest[i]!;
      cum[i] = s;
    }
    for (let t = 0; t < trials; t++) candId[t] = searchSorted(cum, rng.uniform() * pot);
    // Candidates in groups of up to four, one pass over the rows per group: each row of X is read
    // once per group (not once per candidate) and the four potentials stay in locals. Every
    // distance is summed exactly as sqDist does (even dimensions, odd dimensions, then their sum)
    // and every potential over i in order, so the result is bit-identical to one candidate at a time.
    for (let g = 0; g < trials; g += 4) {
      const m = Math.min(4, trials - g);
      const o0 = candId[g]! * d;
      const o1 = candId[g + (m > 1 ? 1 : 0)]! * d;
      const o2 = candId[g + (m > 2 ? 2 : 0)]! * d;
      const o3 = candId[g + (m > 3 ? 3 : 0)]! * d;
      const a0 = cand[g]!;
      const a1 = cand[g + (m > 1 ? 1 : 0)]!;
      const a2 = cand[g + (m > 2 ? 2 : 0)]!;
      const a3 = cand[g + (m > 3 ? 3 : 0)]!;
      let p0 = 0;
      let p1 = 0;
      let p2 = 0;
      let p3 = 0;
      for (let i = 0; i < n; i++) {
        const xo = i * d;
        let e0 = 0;
        let f0 = 0;
        let e1 = 0;
        let f1 = 0;
        let e2 = 0;
        let f2 = 0;
        let e3 = 0;
        let f3 = 0;
        let u = 0;
        for (; u + 1 < d; u += 2) {
          const x = X[xo + u]!;
          const y = X[xo + u + 1]!;
          let q = x - X[o0 + u]!;
          let r = y - X[o0 + u + 1]!;
          e0 += q * q;
          f0 += r * r;
          q = x - X[o1 + u]!;
          r = y - X[o1 + u + 1]!;
          e1 += q * q;
          f1 += r * r;
          q = x - X[o2 + u]!;
          r = y - X[o2 + u + 1]!;
          e2 += q * q;
          f2 += r * r;
          q = x - X[o3 + u]!;
          r = y - X[o3 + u + 1]!;
          e3 += q * q;
          f3 += r * r;
        }
        if (u < d) {
          const x = X[xo + u]!;
          let q = x - X[o0 + u]!;
          e0 += q * q;
          q = x - X[o1 + u]!;
          e1 += q * q;
          q = x - X[o2 + u]!;
          e2 += q * q;
          q = x - X[o3 + u]!;
          e3 += q * q;
        }
        const ci = closest[i]!;
        const wi = w[i]!;
        const v0 = Math.min(ci, e0 + f0);
        const v1 = Math.min(ci, e1 + f1);
        const v2 = Math.min(ci, e2 + f2);
        const v3 = Math.min(ci, e3 + f3);
        // a group of fewer than four repeats candidate g in the spare slots; the real candidates'
        // writes come last, so every array ends up right
        a3[i] = v3;
        a2[i] = v2;
        a1[i] = v1;
        a0[i] = v0;
        p0 += wi * v0;
        p1 += wi * v1;
        p2 += wi * v2;
        p3 += wi * v3;
      }
      candPot[g] = p0;
      if (m > 1) candPot[g + 1] = p1;
      if (m > 2) candPot[g + 2] = p2;
      if (m > 3) candPot[g + 3] = p3;
    }
    let best = 0;
    let bestPot = Infinity;
    for (let t = 0; t < trials; t++) {
      if (candPot[t]! < bestPot) {
        bestPot = candPot[t]!;
        best = t;
      }
    }
    const chosen = cand[best]!;
    cand[best] = closest;
    closest = chosen;
    pot = bestPot;
    const id = candId[best]!;
    centers.set(X.subarray(id * d, id * d + d), c * d);
  }
  return centers;
}

/**
 * scikit-learn's `_is_same_clustering`: whether labels b are labels a up to a renaming of clusters
 * (checked one way, as scikit-learn does: each cluster of a must map to a single cluster of b).
 */
export function isSameClustering(a: Int32Array, b: Int32Array, k: number): boolean {
  const map = new Int32Array(k).fill(-1);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (map[x] === -1) map[x] = b[i]!;
    else if (map[x] !== b[i]) return false;
  }
  return true;
}

/**
 * Nearest centre of every point (first one on ties); returns the inertia Σ w_i·min D² (w = null: all
 * ones). With `sums` (k × d) and `weightIn` (k), also adds sw_i·x_i and sw_i to the sums and weight of
 * the point's cluster, in row order, in the same pass over X (Lloyd's update fused into the
 * assignment, so X is read once per iteration).
 */
export function assignLabels(
  X: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  w: Float64Array | null,
  labels: Int32Array,
  sums: Float64Array | null = null,
  sw: Float64Array | null = null,
  weightIn: Float64Array | null = null,
): number {
  if (d === 3) return assign3(X, n, centers, k, w, labels, sums, sw, weightIn);
  if (d <= 4) return assignPadded4(X, n, d, centers, k, w, labels, sums, sw, weightIn);
  if (d <= 8) return assignPadded8(X, n, d, centers, k, w, labels, sums, sw, weightIn);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let best = 0;
    let bestD = Infinity;
    for (let j = 0, co = 0; j < k; j++, co += d) {
      const dist = sqDist(X, xo, centers, co, d);
      if (dist < bestD) {
        bestD = dist;
        best = j;
      }
    }
    labels[i] = best;
    inertia += (w === null ? 1 : w[i]!) * bestD;
    if (sums !== null) {
      const wi = sw![i]!;
      weightIn![best] = weightIn![best]! + wi;
      const co = best * d;
      for (let t = 0; t < d; t++) sums[co + t] = sums[co + t]! + X[xo + t]! * wi;
    }
  }
  return inertia;
}

/** d = 3 (RFM tables): as {@link assignPadded4} without the padded fourth column (same sums, ~13% faster). */
function assign3(X: Float64Array, n: number, c: Float64Array, k: number, w: Float64Array | null, labels: Int32Array, sums: Float64Array | null, sw: Float64Array | null, weightIn: Float64Array | null): number {
  let inertia = 0;
  for (let i = 0, xo = 0; i < n; i++, xo += 3) {
    const x0 = X[xo]!;
    const x1 = X[xo + 1]!;
    const x2 = X[xo + 2]!;
    let best = 0;
    let bestD = Infinity;
    for (let j = 0, co = 0; j < k; j++, co += 3) {
      const a0 = x0 - c[co]!;
      const a1 = x1 - c[co + 1]!;
      const a2 = x2 - c[co + 2]!;
      const dist = a0 * a0 + a1 * a1 + a2 * a2;
      if (dist < bestD) {
        bestD = dist;
        best = j;
      }
    }
    labels[i] = best;
    inertia += (w === null ? 1 : w[i]!) * bestD;
    if (sums !== null) {
      const wi = sw![i]!;
      weightIn![best] = weightIn![best]! + wi;
      const co = best * 3;
      sums[co] = sums[co]! + x0 * wi;
      sums[co + 1] = sums[co + 1]! + x1 * wi;
      sums[co + 2] = sums[co + 2]! + x2 * wi;
    }
  }
  return inertia;
}

/** Copies k × d centres into a zero-padded k × p buffer. */
function padCenters(centers: Float64Array, k: number, d: number, p: number): Float64Array {
  const out = new Float64Array(k * p);
  for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) out[j * p + t] = centers[j * d + t]!;
  return out;
}

/** Adds a zero-padded k × p accumulator into the k × d sums. */
function unpadSums(padded: Float64Array, sums: Float64Array, k: number, d: number, p: number): void {
  for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) sums[j * d + t] = sums[j * d + t]! + padded[j * p + t]!;
}

/*
 * Small-d kernels: the point's coordinates live in locals and the centres sit in a buffer padded with
 * zeros to 4 or 8 columns, so the inner loop has no loop over dimensions. Padding adds exact zeros
 * ((0 − 0)² = 0), which leaves every distance unchanged.
 */
function assignPadded4(
  X: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  w: Float64Array | null,
  labels: Int32Array,
  sums: Float64Array | null,
  sw: Float64Array | null,
  weightIn: Float64Array | null,
): number {
  const c = padCenters(centers, k, d, 4);
  const acc = sums === null ? null : new Float64Array(k * 4);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    const x0 = X[xo]!;
    const x1 = d > 1 ? X[xo + 1]! : 0;
    const x2 = d > 2 ? X[xo + 2]! : 0;
    const x3 = d > 3 ? X[xo + 3]! : 0;
    let best = 0;
    let bestD = Infinity;
    for (let j = 0, co = 0; j < k; j++, co += 4) {
      const a0 = x0 - c[co]!;
      const a1 = x1 - c[co + 1]!;
      const a2 = x2 - c[co + 2]!;
      const a3 = x3 - c[co + 3]!;
      const dist = a0 * a0 + a1 * a1 + (a2 * a2 + a3 * a3);
      if (dist < bestD) {
        bestD = dist;
        best = j;
      }
    }
    labels[i] = best;
    inertia += (w === null ? 1 : w[i]!) * bestD;
    if (acc !== null) {
      const wi = sw![i]!;
      weightIn![best] = weightIn![best]! + wi;
      const co = best * 4;
      acc[co] = acc[co]! + x0 * wi;
      acc[co + 1] = acc[co + 1]! + x1 * wi;
      acc[co + 2] = acc[co + 2]! + x2 * wi;
      acc[co + 3] = acc[co + 3]! + x3 * wi;
    }
  }
  if (acc !== null) unpadSums(acc, sums!, k, d, 4);
  return inertia;
}

function assignPadded8(
  X: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  w: Float64Array | null,
  labels: Int32Array,
  sums: Float64Array | null,
  sw: Float64Array | null,
  weightIn: Float64Array | null,
): number {
  const c = padCenters(centers, k, d, 8);
  const acc = sums === null ? null : new Float64Array(k * 8);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    const x0 = X[xo]!;
    const x1 = X[xo + 1]!;
    const x2 = X[xo + 2]!;
    const x3 = X[xo + 3]!;
    const x4 = X[xo + 4]!;
    const x5 = d > 5 ? X[xo + 5]! : 0;
    const x6 = d > 6 ? X[xo + 6]! : 0;
    const x7 = d > 7 ? X[xo + 7]! : 0;
    let best = 0;
    let bestD = Infinity;
    for (let j = 0, co = 0; j < k; j++, co += 8) {
      const a0 = x0 - c[co]!;
      const a1 = x1 - c[co + 1]!;
      const a2 = x2 - c[co + 2]!;
      const a3 = x3 - c[co + 3]!;
      const a4 = x4 - c[co + 4]!;
      const a5 = x5 - c[co + 5]!;
      const a6 = x6 - c[co + 6]!;
      const a7 = x7 - c[co + 7]!;
      const dist = a0 * a0 + a1 * a1 + (a2 * a2 + a3 * a3) + (a4 * a4 + a5 * a5 + (a6 * a6 + a7 * a7));
      if (dist < bestD) {
        bestD = dist;
        best = j;
      }
    }
    labels[i] = best;
    inertia += (w === null ? 1 : w[i]!) * bestD;
    if (acc !== null) {
      const wi = sw![i]!;
      weightIn![best] = weightIn![best]! + wi;
      const co = best * 8;
      acc[co] = acc[co]! + x0 * wi;
      acc[co + 1] = acc[co + 1]! + x1 * wi;
      acc[co + 2] = acc[co + 2]! + x2 * wi;
      acc[co + 3] = acc[co + 3]! + x3 * wi;
      acc[co + 4] = acc[co + 4]! + x4 * wi;
      acc[co + 5] = acc[co + 5]! + x5 * wi;
      acc[co + 6] = acc[co + 6]! + x6 * wi;
      acc[co + 7] = acc[co + 7]! + x7 * wi;
    }
  }
  if (acc !== null) unpadSums(acc, sums!, k, d, 8);
  return inertia;
}

/** Σ w_i ‖x_i − c_{label_i}‖². */
export function inertiaOf(X: Float64Array, n: number, d: number, centers: Float64Array, w: Float64Array, labels: Int32Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += w[i]! * sqDist(X, i * d, centers, labels[i]! * d, d);
  return s;
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes the point farthest from
 * its current centre (farthest first; ties to the lower index), moving that point's weighted sum
 * out of its old cluster.
 */
function relocateEmpty(X: Float64Array, n: number, d: number, k: number, w: Float64Array, oldCenters: Float64Array, sums: Float64Array, weightIn: Float64Array, labels: Int32Array): void {
  let nEmpty = 0;
  for (let j = 0; j < k; j++) if (weightIn[j] === 0) nEmpty++;
  if (nEmpty === 0) return;
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) dist[i] = sqDist(X, i * d, oldCenters, labels[i]! * d, d);
  const taken = new Uint8Array(n);
  let e = 0;
  for (let j = 0; j < k; j++) {
    if (weightIn[j] !== 0) continue;
    let far = -1;
    for (let i = 0; i < n; i++) if (taken[i] === 0 && (far < 0 || dist[i]! > dist[far]!)) far = i;
    taken[far] = 1;
    e++;
    const wt = w[far]!;
    const old = labels[far]!;
    for (let t = 0; t < d; t++) {
      const v = X[far * d + t]! * wt;
      sums[old * d + t] = sums[old * d + t]! - v;
      sums[j * d + t] = v;
    }
    weightIn[j] = wt;
    weightIn[old] = weightIn[old]! - wt;
    if (e === nEmpty) break;
  }
}

/** Weighted sums → means (multiplying by 1/weight as scikit-learn does); shift = ‖old − new‖ per centre. */
function finishCenters(k: number, d: number, sums: Float64Array, weightIn: Float64Array, old: Float64Array, shift: Float64Array): void {
  for (let j = 0; j < k; j++) {
    const wj = weightIn[j]!;
    if (wj > 0) {
      const a = 1 / wj;
      for (let t = 0; t < d; t++) sums[j * d + t] = sums[j * d + t]! * a;
    }
    shift[j] = Math.sqrt(sqDist(old, j * d, sums, j * d, d));
  }
}

function sameLabels(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lloyd's algorithm from `init` with scikit-learn's stopping rule (labels unchanged, or Σ shift² ≤ tol). */
export function runLloyd(X: Float64Array, n: number, d: number, k: number, w: Float64Array, init: Float64Array, maxIter: number, tol: number): RunResult {
  return runSteps(runLloydSteps(X, n, d, k, w, init, maxIter, tol));
}

/** {@link runLloyd} as a kernel that yields once per outer iteration (see core/_steps). */
export function* runLloydSteps(X: Float64Array, n: number, d: number, k: number, w: Float64Array, init: Float64Array, maxIter: number, tol: number): Steps<RunResult> {
  let centers = init.slice();
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n).fill(-1);
  const old = new Int32Array(n).fill(-1);
  const weightIn = new Float64Array(k);
  const shift = new Float64Array(k);
  let strict = false;
  let converged = false;
  let iterations = maxIter;
  for (let it = 0; it < maxIter; it++) {
    yield;
    next.fill(0);
    weightIn.fill(0);
    assignLabels(X, n, d, centers, k, null, labels, next, w, weightIn);
    relocateEmpty(X, n, d, k, w, centers, next, weightIn, labels);
    finishCenters(k, d, next, weightIn, centers, shift);
    const tmp = centers;
    centers = next;
    next = tmp;
    if (sameLabels(labels, old)) {
      strict = true;
      converged = true;
      iterations = it + 1;
      break;
    }
    let tot = 0;
    for (let j = 0; j < k; j++) tot += shift[j]! * shift[j]!;
    if (tot <= tol) {
      converged = true;
      iterations = it + 1;
      break;
    }
    old.set(labels);
  }
  if (!strict) assignLabels(X, n, d, centers, k, null, labels);
  return { centers, labels, inertia: inertiaOf(X, n, d, centers, w, labels), iterations, converged };
}

function centerHalfDistances(centers: Float64Array, k: number, d: number, half: Float64Array, next: Float64Array): void {
  for (let a = 0; a < k; a++) {
    half[a * k + a] = 0;
    for (let b = a + 1; b < k; b++) {
      const v = Math.sqrt(sqDist(centers, a * d, centers, b * d, d)) / 2;
      half[a * k + b] = v;
      half[b * k + a] = v;
    }
  }
  for (let a = 0; a < k; a++) {
    let m = Infinity;
    for (let b = 0; b < k; b++) if (b !== a && half[a * k + b]! < m) m = half[a * k + b]!;
    next[a] = m;
  }
}

/**
 * Elkan's algorithm (triangle-inequality bounds), following scikit-learn's `_kmeans_single_elkan`:
 * the same labels and centres as Lloyd's in exact arithmetic, with far fewer distance computations
 * when clusters are well separated. Memory O(n·k) for the lower bounds.
 */
export function runElkan(X: Float64Array, n: number, d: number, k: number, w: Float64Array, init: Float64Array, maxIter: number, tol: number): RunResult {
  return runSteps(runElkanSteps(X, n, d, k, w, init, maxIter, tol));
}

/** {@link runElkan} as a kernel that yields once per outer iteration (see core/_steps). */
export function* runElkanSteps(X: Float64Array, n: number, d: number, k: number, w: Float64Array, init: Float64Array, maxIter: number, tol: number): Steps<RunResult> {
  let centers = init.slice();
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const old = new Int32Array(n).fill(-1);
  const weightIn = new Float64Array(k);
  const shift = new Float64Array(k);
  const half = new Float64Array(k * k);
  const nextHalf = new Float64Array(k);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * k);
  centerHalfDistances(centers, k, d, half, nextHalf);
  // initial bounds
  for (let i = 0; i < n; i++) {
    const xo = i * d;
    let best = 0;
    let minD = Math.sqrt(sqDist(X, xo, centers, 0, d));
    lower[i * k] = minD;
    for (let j = 1; j < k; j++) {
      if (minD > half[best * k + j]!) {
        const dist = Math.sqrt(sqDist(X, xo, centers, j * d, d));
        lower[i * k + j] = dist;
        if (dist < minD) {
          minD = dist;
          best = j;
        }
      }
    }
    labels[i] = best;
    upper[i] = minD;
  }
  const step = (update: boolean): void => {
    if (update) {
      next.fill(0);
      weightIn.fill(0);
    }
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      const lo = i * k;
      let ub = upper[i]!;
      let label = labels[i]!;
      if (!(nextHalf[label]! >= ub)) {
        let tight = false;
        for (let j = 0; j < k; j++) {
          if (j !== label && ub > lower[lo + j]! && ub > half[label * k + j]!) {
            if (!tight) {
              ub = Math.sqrt(sqDist(X, xo, centers, label * d, d));
              lower[lo + label] = ub;
              tight = true;
            }
            if (ub > lower[lo + j]! && ub > half[label * k + j]!) {
              const dist = Math.sqrt(sqDist(X, xo, centers, j * d, d));
              lower[lo + j] = dist;
              if (dist < ub) {
                label = j;
                ub = dist;
              }
            }
          }
        }
        labels[i] = label;
        upper[i] = ub;
      }
      if (update) {
        const wi = w[i]!;
        weightIn[label] = weightIn[label]! + wi;
        const co = label * d;
        for (let t = 0; t < d; t++) next[co + t] = next[co + t]! + X[xo + t]! * wi;
      }
    }
    if (!update) return;
    relocateEmpty(X, n, d, k, w, centers, next, weightIn, labels);
    finishCenters(k, d, next, weightIn, centers, shift);
    for (let i = 0; i < n; i++) {
      upper[i] = upper[i]! + shift[labels[i]!]!;
      const lo = i * k;
      for (let j = 0; j < k; j++) {
        const v = lower[lo + j]! - shift[j]!;
        lower[lo + j] = v < 0 ? 0 : v;
      }
    }
  };
  let strict = false;
  let converged = false;
  let iterations = maxIter;
  for (let it = 0; it < maxIter; it++) {
    yield;
    step(true);
    centerHalfDistances(next, k, d, half, nextHalf);
    const tmp = centers;
    centers = next;
    next = tmp;
    if (sameLabels(labels, old)) {
      strict = true;
      converged = true;
      iterations = it + 1;
      break;
    }
    let tot = 0;
    for (let j = 0; j < k; j++) tot += shift[j]! * shift[j]!;
    if (tot <= tol) {
      converged = true;
      iterations = it + 1;
      break;
    }
    old.set(labels);
  }
  if (!strict) step(false);
  return { centers, labels, inertia: inertiaOf(X, n, d, centers, w, labels), iterations, converged };
}

/**
 * Hartigan's single-point transfers (Hartigan & Wong 1979; Telgarsky & Vattani 2010), started from a
 * Lloyd result. A point x of weight v leaves cluster A (weight W_A, mean μ_A) for B when
 * v·W_B/(W_B + v)·‖x − μ_B‖² < v·W_A/(W_A − v)·‖x − μ_A‖², the exact change of inertia of that one
 * move, and both means are updated at once. Each accepted move lowers the inertia (by more than
 * 1e-12 relative, so rounding cannot make it cycle); a cluster is never emptied. A pass visits the
 * rows in order, then rebuilds the means from scratch (no drift); the refinement stops after a pass
 * without moves, or after `maxPasses`. Every fixed point of this rule is also a fixed point of
 * Lloyd's (each point is nearest its own mean, each mean is its cluster's mean), and many of Lloyd's
 * fixed points are not fixed points of this rule, so the result is never worse and often better.
 */
export function refineHartigan(X: Float64Array, n: number, d: number, k: number, w: Float64Array, start: RunResult, maxPasses: number): RunResult {
  return runSteps(refineHartiganSteps(X, n, d, k, w, start, maxPasses));
}

/** {@link refineHartigan} as a kernel that yields once per outer iteration (see core/_steps). */
export function* refineHartiganSteps(X: Float64Array, n: number, d: number, k: number, w: Float64Array, start: RunResult, maxPasses: number): Steps<RunResult> {
  const labels = start.labels.slice();
  const W = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const mu = start.centers.slice();
  const rebuild = (): void => {
    W.fill(0);
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const l = labels[i]!;
      const wi = w[i]!;
      W[l] = W[l]! + wi;
      for (let t = 0; t < d; t++) sums[l * d + t] = sums[l * d + t]! + X[i * d + t]! * wi;
    }
    for (let j = 0; j < k; j++) {
      if (!(W[j]! > 0)) continue; // keeps the previous centre of a weightless cluster
      const a = 1 / W[j]!;
      for (let t = 0; t < d; t++) mu[j * d + t] = sums[j * d + t]! * a;
    }
  };
  rebuild();
  // Pruning (exact): with r = ‖x − μ_A‖ and D_AB = ‖μ_A − μ_B‖, the triangle inequality gives
  // ‖x − μ_B‖ ≥ D_AB − r, so B can only win when D_AB < r·(1 + √(f_A / f_B)), f_A = W_A/(W_A − v),
  // f_B = W_B/(W_B + v) ≥ Wmin/(Wmin + v). A row whose r·(1 + √(f_A·(Wmin + v)/Wmin)) is at most its
  // centre's nearest other centre is skipped without computing its k − 1 other distances.
  const near = new Float64Array(k); // nearest other centre's distance, per centre
  const cc = new Float64Array(k * k); // squared centre-to-centre distances
  const ccRow = (j: number): void => {
    for (let b = 0; b < k; b++) {
      const v = b === j ? Infinity : sqDist(mu, j * d, mu, b * d, d);
      cc[j * k + b] = v;
      cc[b * k + j] = v;
    }
  };
  const nearFromCc = (): void => {
    for (let j = 0; j < k; j++) {
      let m = Infinity;
      for (let b = 0; b < k; b++) if (cc[j * k + b]! < m) m = cc[j * k + b]!;
      near[j] = Math.sqrt(m);
    }
  };
  const refreshNear = (): void => {
    for (let j = 0; j < k; j++) ccRow(j);
    nearFromCc();
  };
  let wMin = Infinity;
  const refreshWMin = (): void => {
    wMin = Infinity;
    for (let j = 0; j < k; j++) if (W[j]! < wMin) wMin = W[j]!;
  };
  // For rows of weight 1 (the usual case) the bound depends on the row only through r: the squared
  // radius under which a row of cluster j cannot move, refreshed whenever the means or weights change.
  const unitSkip2 = new Float64Array(k);
  const refreshUnitSkip = (): void => {
    for (let j = 0; j < k; j++) {
      const Wj = W[j]!;
      if (!(wMin > 0) || !(Wj > 1)) {
        unitSkip2[j] = -1;
        continue;
      }
      const r = near[j]! / ((1 + Math.sqrt(((Wj / (Wj - 1)) * (wMin + 1)) / wMin)) * (1 + 1e-9));
      unitSkip2[j] = r * r * (1 - 1e-9);
    }
  };
  let converged = false;
  for (let pass = 0; pass < maxPasses; pass++) {
    yield;
    let moves = 0;
    refreshNear();
    refreshWMin();
    refreshUnitSkip();
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const a = labels[i]!;
      const Wa = W[a]!;
      if (!(wi > 0) || !(Wa - wi > 0)) continue;
      const xo = i * d;
      const ra2 = sqDist(X, xo, mu, a * d, d);
      if (wi === 1) {
        if (ra2 <= unitSkip2[a]!) continue;
      } else if (wMin > 0 && Math.sqrt(ra2) * (1 + Math.sqrt(((Wa / (Wa - wi)) * (wMin + wi)) / wMin)) * (1 + 1e-9) <= near[a]!) continue;
      const fa = Wa / (Wa - wi);
      const leave = wi * fa * ra2;
      let to = -1;
      let cost = leave * (1 - 1e-12);
      for (let b = 0; b < k; b++) {
        if (b === a) continue;
        const Wb = W[b]!;
        const join = ((wi * Wb) / (Wb + wi)) * sqDist(X, xo, mu, b * d, d);
        if (join < cost) {
          cost = join;
          to = b;
        }
      }
      if (to < 0) continue;
      moves++;
      const Wb = W[to]!;
      const WaNew = Wa - wi;
      const WbNew = Wb + wi;
      for (let t = 0; t < d; t++) {
        const v = X[xo + t]! * wi;
        sums[a * d + t] = sums[a * d + t]! - v;
        sums[to * d + t] = sums[to * d + t]! + v;
        mu[a * d + t] = sums[a * d + t]! / WaNew;
        mu[to * d + t] = sums[to * d + t]! / WbNew;
      }
      W[a] = WaNew;
      W[to] = WbNew;
      labels[i] = to;
      // two means moved: refresh the bounds that involve them
      ccRow(a);
      ccRow(to);
      nearFromCc();
      if (WaNew < wMin) wMin = WaNew;
      refreshUnitSkip();
    }
    if (moves === 0) {
      converged = true; // the means are those of the last rebuild: nothing moved since
      break;
    }
    rebuild();
  }
  // rows of weight 0 never move (they do not change the inertia); give them their nearest centre so
  // that labels and predictions agree
  for (let i = 0; i < n; i++) {
    if (w[i]! > 0) continue;
    let best = labels[i]!;
    let bestD = sqDist(X, i * d, mu, best * d, d);
    for (let j = 0; j < k; j++) {
      const v = sqDist(X, i * d, mu, j * d, d);
      if (v < bestD || (v === bestD && j < best)) {
        bestD = v;
        best = j;
      }
    }
    labels[i] = best;
  }
  return { centers: mu, labels, inertia: inertiaOf(X, n, d, mu, w, labels), iterations: start.iterations, converged: start.converged && converged };
}
