import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { DimensionMismatchError, InvalidInputError, InvalidOptionError, NotConvergedError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom } from '../core/random.js';
import { boolean, finiteArray, integerInRange, numberInRange, oneOf, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { isSameClustering, kmeansPlusPlusSteps, refineHartiganSteps, runElkanSteps, runLloydSteps, type RunResult } from './_kmeans.js';
import { countDistinctRows, toFlat, toRows } from './_matrix.js';
import { columnMeanVar } from './_stats.js';
import type { FlatMatrix, MatrixInput } from './types.js';

/** Options of {@link fitKMeans}. */
export interface FitKMeansOptions extends LongRunOptions {
  /**
   * Number of clusters, an integer in [1, number of distinct points].
   * @defaultValue 8
   */
  k?: number;
  /**
   * Initial centroids: `'k-means++'` (scikit-learn's greedy variant, 2 + ⌊ln k⌋ candidates per
   * centre), `'random'` (k distinct rows drawn uniformly), or a k × d array of centroids.
   * @defaultValue 'k-means++'
   */
  init?: 'k-means++' | 'random' | readonly (readonly number[])[];
  /**
   * Number of restarts; the run with the lowest inertia is kept (the earlier one on ties or on the
   * same partition found again, as in scikit-learn). Must be 1 with given centroids.
   * @defaultValue 10 (1 with given centroids)
   */
  nInit?: number;
  /**
   * Cap on iterations per run.
   * @defaultValue 300
   */
  maxIterations?: number;
  /**
   * Relative tolerance: a run stops when Σ‖centre shift‖² ≤ tolerance × (mean of the column
   * variances of X), scikit-learn's rule. A run also stops when no label changes.
   * @defaultValue 1e-4
   */
  tolerance?: number;
  /**
   * Seed of the random initialization (all restarts draw from one stream).
   * @defaultValue 0
   */
  seed?: number;
  /**
   * `'lloyd'` (assign, then update) or `'elkan'` (same result, skips distances with triangle-inequality
   * bounds; faster on well-separated clusters, O(n·k) extra memory).
   * @defaultValue 'lloyd'
   */
  algorithm?: 'lloyd' | 'elkan';
  /**
   * `'hartigan'` finishes every restart with Hartigan's single-point transfers: a point moves to
   * another cluster whenever that lowers the inertia once both means are updated (a test Lloyd's
   * step does not make), until no point moves (at most `maxIterations` passes). Never worse than
   * `'none'` for the same seed and usually better (wholesale customers, k = 8, best of 10 over 100
   * seeds: median inertia 1028.1 → 1022.6, scikit-learn's 1027.9). `'none'` is scikit-learn's
   * algorithm (plain Lloyd / Elkan). Costs one O(n·k·d) pass per sweep, most rows skipped by a
   * triangle-inequality bound.
   * @defaultValue 'hartigan' after k-means++ or random starts (the lowest inertia); 'none' when `init`
   * holds centroids (Lloyd from those centroids gives scikit-learn's labels exactly)
   */
  refine?: 'none' | 'hartigan';
  /**
   * Non-negative weight per row (for example the number of customers a row stands for).
   * @defaultValue every row weighs 1
   */
  sampleWeight?: ArrayLike<number>;
  /**
   * Throw {@link NotConvergedError} when the kept run stopped at `maxIterations`.
   * @defaultValue false
   */
  strict?: boolean;
}

/** A fitted k-means model (JSON-ready). */
export interface KMeansModel {
  readonly kind: 'kmeans';
  readonly formatVersion: 1;
  /** The resolved options (given centroids are kept under `init`). */
  readonly params: {
    readonly k: number;
    readonly init: 'k-means++' | 'random' | number[][];
    readonly nInit: number;
    readonly maxIterations: number;
    readonly tolerance: number;
    readonly seed: number;
    readonly algorithm: 'lloyd' | 'elkan';
    /** Absent in models saved before the option existed (read as `'none'`). */
    readonly refine?: 'none' | 'hartigan';
    readonly weighted: boolean;
  };
  readonly nFeatures: number;
  /** k × d cluster centres. */
  readonly centroids: number[][];
  /** Cluster of each training row, in [0, k). */
  readonly labels: number[];
  /** Σ w·‖x − centre‖² of the kept run. */
  readonly inertia: number;
  /** Iterations of the kept run. */
  readonly iterations: number;
  /** Whether the kept run met the tolerance before `maxIterations`. */
  readonly converged: boolean;
  /** Rows per cluster. */
  readonly clusterSizes: number[];
  /**
   * Inertia of every restart, in order. The kept run has the smallest; on ties, or when a later run
   * finds the same partition again with an inertia lower only by rounding, the earlier run is kept
   * (scikit-learn's rule).
   */
  readonly runInertias: number[];
}

const FN = 'segment/fitKMeans';
const KEYS = ['k', 'init', 'nInit', 'maxIterations', 'tolerance', 'seed', 'algorithm', 'refine', 'sampleWeight', 'strict', 'signal', 'onProgress'];

/** @internal Validated sample weights (all ones when absent). */
export function _weights(fn: string, w: unknown, n: number): Float64Array | null {
  if (w === undefined) return null;
  const out = finiteArray(fn, 'options.sampleWeight', w);
  if (out.length !== n) throw new DimensionMismatchError(fn, `options.sampleWeight must have one weight per row of X (${n})`, out.length);
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (out[i]! < 0) throw new InvalidOptionError(fn, `options.sampleWeight[${i}] must be >= 0`, out[i]);
    s += out[i]!;
  }
  if (!(s > 0)) throw new InvalidOptionError(fn, 'options.sampleWeight must not be all zero', w);
  return out;
}

/** @internal Checks k against the rows and distinct rows of X. */
export function _checkK(fn: string, k: unknown, m: FlatMatrix): number {
  const kk = integerInRange(fn, 'options.k', k, { min: 1, max: m.rows });
  const distinct = countDistinctRows(m, kk);
  if (distinct < kk) throw new InvalidOptionError(fn, `options.k must be at most the number of distinct rows of X (${distinct})`, kk);
  return kk;
}

/** @internal scikit-learn's absolute tolerance: tolerance × mean column variance. */
export function _absoluteTolerance(m: FlatMatrix, tolerance: number): number {
  if (tolerance === 0) return 0;
  const { variance } = columnMeanVar(m.data, m.rows, m.cols);
  let s = 0;
  for (let j = 0; j < m.cols; j++) s += variance[j]!;
  return (s / m.cols) * tolerance;
}

/** @internal Given centroids as a flat k × d array. */
export function _givenCentroids(fn: string, init: unknown, k: number, d: number): Float64Array {
  const c = toFlat(fn, 'options.init', init);
  if (c.rows !== k || c.cols !== d) {
    throw new DimensionMismatchError(fn, `options.init must be a ${k} × ${d} array of centroids (k × columns of X)`, `${c.rows} × ${c.cols}`);
  }
  return c.data.slice();
}

/**
 * Clusters the rows of X with k-means: k-means++ (or random, or given) starts, `nInit` restarts
 * keeping the lowest inertia, Lloyd's or Elkan's iterations, empty clusters relocated as scikit-learn
 * does, optional sample weights.
 *
 * @remarks Cost O(nInit · iterations · n · k · d) for Lloyd (Elkan usually far less); memory
 * O(n·d) plus O(n·k) for Elkan. Runs stop when the labels no longer change or when
 * Σ‖shift‖² ≤ tolerance × mean column variance; if a run stops on the tolerance, labels are
 * recomputed against the final centres so that labels and centroids always agree. An empty cluster
 * takes the point farthest from its centre (never `-1`, never a stale centre). k-means++ draws the
 * first centre ∝ w and later candidates ∝ w·D² (scikit-learn 1.2 ignores weights when seeding; 1.3+
 * weights them like this). Randomness comes from `createRandom(seed)`, so results are reproducible
 * but differ from scikit-learn's numpy stream; with the same given centroids they agree. Across
 * seeds the two give the same distributions (seeding potential, one-run and best-of-10 inertia;
 * tested) with `refine: 'none'`. By default, restarts from k-means++ or random starts end with
 * Hartigan's single-point transfers after Lloyd's iterations (`refine: 'hartigan'`): each restart
 * ends no worse than plain Lloyd, usually better, so the kept inertia is usually below
 * scikit-learn's; from given centroids the default is plain Lloyd, identical to scikit-learn.
 * @see scikit-learn 1.2 `sklearn.cluster.KMeans`; Arthur & Vassilvitskii (2007) "k-means++";
 * Hartigan & Wong (1979) "Algorithm AS 136"; Telgarsky & Vattani (2010) "Hartigan's method: k-means
 * clustering without Voronoi";
 * Elkan (2003) "Using the triangle inequality to accelerate k-means"
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes or an empty X
 * @throws {@link DimensionMismatchError} on ragged rows, or weights/centroids of the wrong shape
 * @throws {@link InvalidOptionError} when k < 1, k > n or k > the number of distinct rows; on bad
 * `nInit`, `maxIterations`, `tolerance`, `algorithm`, `refine`, negative weights, or unknown options
 * @throws {@link InvalidInputError} when distinct rows are too close for their squared distance to be
 * nonzero (for example 0 and 5e-324), so that a cluster would stay empty
 * @throws {@link NotConvergedError} with `strict: true` when the kept run hit `maxIterations`
 * @throws {@link AbortError} when `signal` fires (checked between restarts)
 * @example
 * ```ts
 * import { fitKMeans, predictKMeans } from 'crmkit/segment';
 * const X = [[1, 1], [1.2, 0.8], [0.9, 1.1], [8, 8], [8.1, 7.9], [7.8, 8.2]];
 * const model = fitKMeans(X, { k: 2, seed: 1 });
 * model.clusterSizes; // => [3, 3]
 * predictKMeans(model, [[1, 0.9], [8, 8.1]])[0] === model.labels[0]; // => true
 * model.converged; // => true
 * // a Lloyd fixed point that Hartigan's transfers improve: 4 leaves {0, 4} for {5, 9}
 * const Y = [[0], [4], [5], [9]];
 * fitKMeans(Y, { k: 2, init: [[2], [7]] }).inertia; // => 16
 * fitKMeans(Y, { k: 2, init: [[2], [7]], refine: 'hartigan' }).inertia; // => 14
 * fitKMeans(Y, { k: 2, seed: 1 }).params.refine; // => 'hartigan'
 * ```
 * @category Clustering
 */
export function fitKMeans(X: MatrixInput, options?: FitKMeansOptions): KMeansModel {
  return runSteps(fitKMeansSteps(FN, X, options));
}

/**
 * {@link fitKMeans} as an awaitable: the same fit, with the same result, that hands control back
 * to the event loop about every 20 ms (between Lloyd or Elkan iterations, k-means++ centres and
 * restarts), so `signal` fired by a timer or a button stops it within one slice.
 *
 * @remarks Use it for large X in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. Yields cost about 1 µs each (see docs/core.md, "Long
 * work").
 * @throws the errors of {@link fitKMeans} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitKMeansAsync } from 'crmkit/segment';
 * const X = [[1, 1], [1.2, 0.8], [0.9, 1.1], [8, 8], [8.1, 7.9], [7.8, 8.2]];
 * const ac = new AbortController();
 * const model = await fitKMeansAsync(X, { k: 2, seed: 1, signal: ac.signal });
 * model.clusterSizes; // => [3, 3]
 * ```
 * @category Clustering
 */
export function fitKMeansAsync(X: MatrixInput, options?: FitKMeansOptions): Promise<KMeansModel> {
  return runStepsAsync(`${FN}Async`, fitKMeansSteps(`${FN}Async`, X, options), options);
}

/** @internal The kernel of {@link fitKMeans} and {@link fitKMeansAsync}: yields at checkpoints (core/_steps). */
export function* fitKMeansSteps(FN: string, X: MatrixInput, options?: FitKMeansOptions): Steps<KMeansModel> {
  const o = checkOptions(FN, options, KEYS);
  const m = toFlat(FN, 'X', X);
  const { rows: n, cols: d } = m;
  const k = _checkK(FN, o.k === undefined ? 8 : o.k, m);
  const given = Array.isArray(o.init) || (typeof o.init === 'object' && o.init !== null);
  const initKind = o.init === undefined ? 'k-means++' : given ? 'given' : oneOf(FN, 'options.init', o.init, ['k-means++', 'random'] as const);
  const nInit = o.nInit === undefined ? (given ? 1 : 10) : integerInRange(FN, 'options.nInit', o.nInit, { min: 1, max: 10000 });
  if (given && nInit !== 1) throw new InvalidOptionError(FN, 'options.nInit must be 1 when options.init holds centroids', nInit);
  const maxIterations = o.maxIterations === undefined ? 300 : integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1, max: 1e7 });
  const tolerance = o.tolerance === undefined ? 1e-4 : numberInRange(FN, 'options.tolerance', o.tolerance, { min: 0 });
  const seed = checkSeed(FN, o.seed);
  const algorithm = o.algorithm === undefined ? 'lloyd' : oneOf(FN, 'options.algorithm', o.algorithm, ['lloyd', 'elkan'] as const);
  const refine = o.refine === undefined ? (given ? 'none' : 'hartigan') : oneOf(FN, 'options.refine', o.refine, ['none', 'hartigan'] as const);
  const strict = o.strict === undefined ? false : boolean(FN, 'options.strict', o.strict);
  const weights = _weights(FN, o.sampleWeight, n);
  const w = weights ?? new Float64Array(n).fill(1);
  const initial = given ? _givenCentroids(FN, o.init, k, d) : null;
  const task = taskControl(FN, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  const tol = _absoluteTolerance(m, tolerance);
  const rng = createRandom(seed);
  const run = algorithm === 'elkan' && k > 1 ? runElkanSteps : runLloydSteps;
  let best: RunResult | null = null;
  const runInertias: number[] = [];
  for (let r = 0; r < nInit; r++) {
    task.checkpoint(r, nInit, `restart ${r + 1} of ${nInit}`);
    let start: Float64Array;
    if (initial !== null) start = initial;
    else if (initKind === 'random') {
      start = new Float64Array(k * d);
      const idx = rng.sample(n, k);
      for (let j = 0; j < k; j++) start.set(m.data.subarray(idx[j]! * d, idx[j]! * d + d), j * d);
    } else start = yield* kmeansPlusPlusSteps(m.data, n, d, k, w, rng);
    const lloyd = yield* run(m.data, n, d, k, w, start, maxIterations, tol);
    const res = refine === 'hartigan' && k > 1 ? yield* refineHartiganSteps(m.data, n, d, k, w, lloyd, maxIterations) : lloyd;
    runInertias.push(res.inertia);
    // scikit-learn's rule: a later run replaces the kept one only with a lower inertia and a different
    // partition (the same partition reached again, with inertia lower by rounding, keeps the earlier run)
    if (best === null || (res.inertia < best.inertia && !isSameClustering(res.labels, best.labels, k))) best = res;
  }
  task.checkpoint(nInit, nInit);
  const b = best!;
  if (strict && !b.converged) throw new NotConvergedError(FN, `k-means did not converge within ${maxIterations} iterations (options.maxIterations)`, b.iterations);
  if (!Number.isFinite(b.inertia)) throw new InvalidInputError(FN, 'X is too large in magnitude: squared distances overflow', b.inertia);
  const clusterSizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) clusterSizes[b.labels[i]!]!++;
  const empty = clusterSizes.indexOf(0);
  if (empty >= 0) {
    // only possible when rows differ by less than the resolution of squared distances (e.g. 0 and 5e-324)
    throw new InvalidInputError(FN, `X has fewer than options.k rows that are apart at floating-point resolution, so cluster ${empty} stays empty; lower k or rescale X`, k);
  }
  return {
    kind: 'kmeans',
    formatVersion: 1,
    params: {
      k,
      init: initial !== null ? toRows(initial, k, d) : (initKind as 'k-means++' | 'random'),
      nInit,
      maxIterations,
      tolerance,
      seed,
      algorithm,
      refine,
      weighted: weights !== null,
    },
    nFeatures: d,
    centroids: toRows(b.centers, k, d),
    labels: Array.from(b.labels),
    inertia: b.inertia,
    iterations: b.iterations,
    converged: b.converged,
    clusterSizes,
    runInertias,
  };
}
