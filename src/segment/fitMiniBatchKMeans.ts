import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom, type Random } from '../core/random.js';
import { integerInRange, numberInRange, oneOf, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { assignLabels, kmeansPlusPlusSteps } from './_kmeans.js';
import { toFlat, toRows } from './_matrix.js';
import { _absoluteTolerance, _checkK, _givenCentroids, _weights } from './fitKMeans.js';
import type { MatrixInput } from './types.js';

/** Options of {@link fitMiniBatchKMeans}. */
export interface FitMiniBatchKMeansOptions extends LongRunOptions {
  /**
   * Number of clusters, an integer in [1, number of distinct points].
   * @defaultValue 8
   */
  k?: number;
  /**
   * Initial centroids: `'k-means++'` or `'random'` on a random subset of 3 × batchSize rows, or a
   * k × d array.
   * @defaultValue 'k-means++'
   */
  init?: 'k-means++' | 'random' | readonly (readonly number[])[];
  /**
   * Initializations tried; the one with the lowest inertia on a random validation subset is kept.
   * @defaultValue 3 (1 with given centroids)
   */
  nInit?: number;
  /**
   * Rows per mini-batch.
   * @defaultValue 1024
   */
  batchSize?: number;
  /**
   * Passes over the data (the number of steps is ⌈maxIterations · n / batchSize⌉).
   * @defaultValue 100
   */
  maxIterations?: number;
  /**
   * Stop when the squared centre movement of a step is ≤ tolerance × mean column variance; 0
   * disables this rule (as in scikit-learn).
   * @defaultValue 0
   */
  tolerance?: number;
  /**
   * Stop after this many steps without improvement of the smoothed batch inertia.
   * @defaultValue 10
   */
  maxNoImprovement?: number;
  /**
   * Centres whose accumulated weight is below this fraction of the largest are moved to random batch
   * rows (keeps clusters from dying).
   * @defaultValue 0.01
   */
  reassignmentRatio?: number;
  /**
   * Seed of all random choices.
   * @defaultValue 0
   */
  seed?: number;
  /**
   * Non-negative weight per row.
   * @defaultValue every row weighs 1
   */
  sampleWeight?: ArrayLike<number>;
}

/** A mini-batch k-means model (JSON-ready); feed it to {@link partialFitMiniBatchKMeans} to keep learning. */
export interface MiniBatchKMeansModel {
  readonly kind: 'miniBatchKMeans';
  readonly formatVersion: 1;
  readonly params: {
    readonly k: number;
    readonly batchSize: number;
    readonly reassignmentRatio: number;
    readonly seed: number;
  };
  readonly nFeatures: number;
  /** k × d cluster centres. */
  readonly centroids: number[][];
  /** Accumulated weight of every centre (its learning rate is weight / accumulated weight). */
  readonly counts: number[];
  /** Mini-batch steps taken so far. */
  readonly steps: number;
  /** Rows seen so far (with repetition). */
  readonly samplesSeen: number;
  /** Cluster of each row of the last call's data (all of X for a fit, the batch for a partial fit). */
  readonly labels: number[];
  /** Σ w·‖x − centre‖² over the last call's data. */
  readonly inertia: number;
  /** Whether the fit stopped early (tolerance or no improvement) rather than at maxIterations; true after a partial fit. */
  readonly converged: boolean;
  /** Generator state, so the next partial fit continues the random stream. */
  readonly randomState: [number, number, number, number];
  /** Rows seen since the last reassignment check. */
  readonly sinceReassign: number;
}

/** @internal One mini-batch step (scikit-learn's `_mini_batch_step`); returns Σ w·d² of the batch before the update and the squared centre movement. */
export function _miniBatchStep(
  X: Float64Array,
  rows: Int32Array | null,
  b: number,
  d: number,
  k: number,
  w: Float64Array,
  centers: Float64Array,
  counts: Float64Array,
  reassign: boolean,
  ratio: number,
  rng: Random,
  labels: Int32Array,
): { inertia: number; shift: number } {
  // gather the batch
  const B = rows === null ? X : new Float64Array(b * d);
  const bw = rows === null ? w : new Float64Array(b);
  if (rows !== null) {
    for (let i = 0; i < b; i++) {
      B.set(X.subarray(rows[i]! * d, rows[i]! * d + d), i * d);
      bw[i] = w[rows[i]!]!;
    }
  }
  const inertia = assignLabels(B, b, d, centers, k, bw, labels);
  const old = centers.slice();
  const sums = new Float64Array(k * d);
  const wsum = new Float64Array(k);
  for (let i = 0; i < b; i++) {
    const l = labels[i]!;
    wsum[l] = wsum[l]! + bw[i]!;
    for (let t = 0; t < d; t++) sums[l * d + t] = sums[l * d + t]! + B[i * d + t]! * bw[i]!;
  }
  for (let j = 0; j < k; j++) {
    if (!(wsum[j]! > 0)) continue;
    const total = counts[j]! + wsum[j]!;
    for (let t = 0; t < d; t++) centers[j * d + t] = (old[j * d + t]! * counts[j]! + sums[j * d + t]!) / total;
    counts[j] = total;
  }
  if (reassign && ratio > 0) {
    let max = 0;
    for (let j = 0; j < k; j++) if (counts[j]! > max) max = counts[j]!;
    const low: number[] = [];
    for (let j = 0; j < k; j++) if (counts[j]! < ratio * max) low.push(j);
    const cap = Math.floor(0.5 * b);
    if (low.length > cap) {
      low.sort((a, c) => counts[a]! - counts[c]! || a - c);
      low.length = cap;
    }
    if (low.length > 0) {
      const lowSet = new Set(low);
      let minKept = Infinity;
      for (let j = 0; j < k; j++) if (!lowSet.has(j) && counts[j]! < minKept) minKept = counts[j]!;
      const picks = rng.sample(b, low.length);
      low.forEach((j, r) => {
        centers.set(B.subarray(picks[r]! * d, picks[r]! * d + d), j * d);
        counts[j] = minKept;
      });
    }
  }
  let shift = 0;
  for (let t = 0; t < k * d; t++) shift += (centers[t]! - old[t]!) ** 2;
  return { inertia, shift };
}

const FN = 'segment/fitMiniBatchKMeans';

/**
 * Mini-batch k-means: each step assigns a random batch of rows and moves every centre toward its
 * batch members with a per-centre learning rate (weight / accumulated weight), as scikit-learn's
 * `MiniBatchKMeans`. Much cheaper per pass than {@link fitKMeans} on large n, at a slightly higher
 * inertia. Continue with {@link partialFitMiniBatchKMeans} on new batches.
 *
 * @remarks O(steps · batchSize · k · d) plus one final O(n·k·d) labelling pass. Early stop: smoothed
 * (exponentially weighted) batch inertia without improvement for `maxNoImprovement` steps, or
 * squared centre movement ≤ tolerance × mean column variance. Low-weight centres are moved to random
 * batch rows (`reassignmentRatio`). Random choices come from `createRandom(seed)`.
 * @see scikit-learn 1.2 `sklearn.cluster.MiniBatchKMeans`; Sculley (2010) "Web-scale k-means clustering"
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes or an empty X
 * @throws {@link DimensionMismatchError} on ragged rows, or weights/centroids of the wrong shape
 * @throws {@link InvalidOptionError} when k < 1 or k > the number of distinct rows, or on other bad options
 * @example
 * ```ts
 * import { fitMiniBatchKMeans } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]];
 * const model = fitMiniBatchKMeans(X, { k: 2, batchSize: 4, seed: 3 });
 * model.labels[0] !== model.labels[3]; // => true
 * ```
 * @category Clustering
 */
export function fitMiniBatchKMeans(X: MatrixInput, options?: FitMiniBatchKMeansOptions): MiniBatchKMeansModel {
  return runSteps(fitMiniBatchKMeansSteps(FN, X, options));
}

/**
 * {@link fitMiniBatchKMeans} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (between mini-batch steps and k-means++ centres), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link fitMiniBatchKMeans} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitMiniBatchKMeansAsync } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]];
 * const model = await fitMiniBatchKMeansAsync(X, { k: 2, batchSize: 4, seed: 3 });
 * model.labels[0] !== model.labels[3]; // => true
 * ```
 * @category Clustering
 */
export function fitMiniBatchKMeansAsync(X: MatrixInput, options?: FitMiniBatchKMeansOptions): Promise<MiniBatchKMeansModel> {
  return runStepsAsync(`${FN}Async`, fitMiniBatchKMeansSteps(`${FN}Async`, X, options), options);
}

/** The kernel of {@link fitMiniBatchKMeans} and {@link fitMiniBatchKMeansAsync}: yields at checkpoints (core/_steps). */
function* fitMiniBatchKMeansSteps(FN: string, X: MatrixInput, options?: FitMiniBatchKMeansOptions): Steps<MiniBatchKMeansModel> {
  const o = checkOptions(FN, options, [
    'k', 'init', 'nInit', 'batchSize', 'maxIterations', 'tolerance', 'maxNoImprovement', 'reassignmentRatio', 'seed', 'sampleWeight', 'signal', 'onProgress',
  ]);
  const m = toFlat(FN, 'X', X);
  const { rows: n, cols: d } = m;
  const k = _checkK(FN, o.k === undefined ? 8 : o.k, m);
  const given = typeof o.init === 'object' && o.init !== null;
  const initKind = o.init === undefined ? 'k-means++' : given ? 'given' : oneOf(FN, 'options.init', o.init, ['k-means++', 'random'] as const);
  const nInit = o.nInit === undefined ? (given ? 1 : 3) : integerInRange(FN, 'options.nInit', o.nInit, { min: 1, max: 10000 });
  if (given && nInit !== 1) throw new InvalidOptionError(FN, 'options.nInit must be 1 when options.init holds centroids', nInit);
  const batchSize = o.batchSize === undefined ? 1024 : integerInRange(FN, 'options.batchSize', o.batchSize, { min: 1, max: 2 ** 31 - 1 });
  const maxIterations = o.maxIterations === undefined ? 100 : integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1, max: 1e7 });
  const tolerance = o.tolerance === undefined ? 0 : numberInRange(FN, 'options.tolerance', o.tolerance, { min: 0 });
  const maxNoImprovement = o.maxNoImprovement === undefined ? 10 : integerInRange(FN, 'options.maxNoImprovement', o.maxNoImprovement, { min: 1, max: 1e9 });
  const ratio = o.reassignmentRatio === undefined ? 0.01 : numberInRange(FN, 'options.reassignmentRatio', o.reassignmentRatio, { min: 0, max: 1 });
  const seed = checkSeed(FN, o.seed);
  const w = _weights(FN, o.sampleWeight, n) ?? new Float64Array(n).fill(1);
  const task = taskControl(FN, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  const rng = createRandom(seed);
  const tol = _absoluteTolerance(m, tolerance);
  const b = Math.min(batchSize, n);
  // initialization on a random subset, chosen by inertia on a random validation subset
  let initSize = Math.min(3 * batchSize, n);
  if (initSize < k) initSize = Math.min(3 * k, n);
  const gather = (idx: Int32Array): { data: Float64Array; weights: Float64Array } => {
    const data = new Float64Array(idx.length * d);
    const weights = new Float64Array(idx.length);
    idx.forEach((r, i) => {
      data.set(m.data.subarray(r * d, r * d + d), i * d);
      weights[i] = w[r]!;
    });
    return { data, weights };
  };
  const randomRows = (count: number): Int32Array => {
    const idx = new Int32Array(count);
    for (let i = 0; i < count; i++) idx[i] = rng.int(n);
    return idx;
  };
  const valid = gather(randomRows(initSize));
  let centers: Float64Array | null = null;
  let bestInertia = Infinity;
  const validLabels = new Int32Array(initSize);
  for (let r = 0; r < nInit; r++) {
    let c: Float64Array;
    if (initKind === 'given') c = _givenCentroids(FN, o.init, k, d);
    else {
      const sub = initSize === n ? { data: m.data, weights: w } : gather(rng.sample(n, initSize));
      if (initKind === 'random') {
        c = new Float64Array(k * d);
        const pick = rng.sample(initSize, k);
        for (let j = 0; j < k; j++) c.set(sub.data.subarray(pick[j]! * d, pick[j]! * d + d), j * d);
      } else c = yield* kmeansPlusPlusSteps(sub.data, initSize, d, k, sub.weights, rng);
    }
    const inertia = assignLabels(valid.data, initSize, d, c, k, valid.weights, validLabels);
    if (inertia < bestInertia || centers === null) {
      bestInertia = inertia;
      centers = c;
    }
  }
  const C = centers!;
  const counts = new Float64Array(k);
  const nSteps = Math.ceil((maxIterations * n) / b);
  const batchLabels = new Int32Array(b);
  let ewa = NaN;
  let ewaMin = Infinity;
  let noImprovement = 0;
  let sinceReassign = 0;
  let converged = false;
  let steps = 0;
  const alpha = Math.min(1, (b * 2) / (n + 1));
  for (let s = 0; s < nSteps; s++) {
    if (s % 64 === 0) task.checkpoint(s, nSteps);
    yield;
    sinceReassign += b;
    let reassign = false;
    let anyZero = false;
    for (let j = 0; j < k; j++) if (counts[j] === 0) anyZero = true;
    if (anyZero || sinceReassign >= 10 * k) {
      reassign = true;
      sinceReassign = 0;
    }
    const { inertia, shift } = _miniBatchStep(m.data, randomRows(b), b, d, k, w, C, counts, reassign, ratio, rng, batchLabels);
    steps = s + 1;
    if (s === 0) {
      ewa = inertia / b;
      continue;
    }
    ewa = ewa * (1 - alpha) + (inertia / b) * alpha;
    if (tol > 0 && shift <= tol) {
      converged = true;
      break;
    }
    if (ewa < ewaMin) {
      noImprovement = 0;
      ewaMin = ewa;
    } else if (++noImprovement >= maxNoImprovement) {
      converged = true;
      break;
    }
  }
  task.checkpoint(nSteps, nSteps);
  const labels = new Int32Array(n);
  const inertia = assignLabels(m.data, n, d, C, k, w, labels);
  const st = rng.state();
  return {
    kind: 'miniBatchKMeans',
    formatVersion: 1,
    params: { k, batchSize, reassignmentRatio: ratio, seed },
    nFeatures: d,
    centroids: toRows(C, k, d),
    counts: Array.from(counts),
    steps,
    samplesSeen: steps * b,
    labels: Array.from(labels),
    inertia,
    converged,
    randomState: [st[0], st[1], st[2], st[3]],
    sinceReassign,
  };
}
