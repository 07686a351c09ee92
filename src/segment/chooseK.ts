import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { integerInRange, oneOf, options as checkOptions, rethrowAs, seed as checkSeed } from '../core/validate.js';
import { toFlat } from './_matrix.js';
import { calinskiHarabaszScore } from './calinskiHarabaszScore.js';
import { daviesBouldinScore } from './daviesBouldinScore.js';
import { _kRange } from './elbow.js';
import { findKnee } from './findKnee.js';
import { fitKMeansSteps } from './fitKMeans.js';
import { silhouetteScore } from './silhouetteScore.js';
import type { MatrixInput } from './types.js';

/** Options of {@link chooseK}. */
export interface ChooseKOptions extends LongRunOptions {
  /**
   * Smallest and largest k to try, inclusive (k ≥ 2, since the scores need two clusters).
   * @defaultValue [2, 8]
   */
  kRange?: readonly [number, number];
  /**
   * What picks k: highest `'silhouette'`, highest `'calinskiHarabasz'`, lowest `'daviesBouldin'`, or
   * the knee of inertia (`'elbow'`, needs three or more k).
   * @defaultValue 'silhouette'
   */
  criterion?: 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'elbow';
  /** @defaultValue 0 */
  seed?: number;
  /** @defaultValue 10 */
  nInit?: number;
  /** @defaultValue 'lloyd' */
  algorithm?: 'lloyd' | 'elkan';
  /**
   * Silhouettes are exact up to this many rows and computed on a seeded sample of this size above it.
   * @defaultValue 5000
   */
  silhouetteSampleSize?: number;
}

/** One row of the {@link chooseK} table. */
export interface ChooseKRow {
  k: number;
  inertia: number;
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
}

/** Result of {@link chooseK}. */
export interface ChooseKResult {
  /** The chosen k. */
  k: number;
  criterion: 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'elbow';
  /** Every k tried with all four measures, so the choice can be shown and second-guessed. */
  table: ChooseKRow[];
}

/**
 * Fits k-means for every k in a range and scores each fit by inertia, silhouette, Calinski–Harabasz
 * and Davies–Bouldin; returns the whole table and the k that the chosen criterion prefers (ties go
 * to the smaller k).
 *
 * @remarks Cost: one {@link fitKMeans} per k plus an O(n²) silhouette (or O(s²) on a sample when
 * n > `silhouetteSampleSize`).
 * @throws {@link InvalidOptionError} on a bad kRange (k < 2, or beyond the distinct rows) or options
 * (and everything {@link fitKMeans} throws)
 * @throws {@link AbortError} when `signal` fires (checked between values of k and between restarts)
 * @example
 * ```ts
 * import { chooseK } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9], [20, 0], [20, 1], [21, 0]];
 * const res = chooseK(X, { kRange: [2, 4] });
 * res.k; // => 3
 * res.table.map((r) => r.k); // => [2, 3, 4]
 * ```
 * @category Cluster quality
 */
export function chooseK(X: MatrixInput, options?: ChooseKOptions): ChooseKResult {
  return runSteps(chooseKSteps('segment/chooseK', X, options));
}

/**
 * {@link chooseK} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (between k-means iterations, restarts and values of k), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link chooseK} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { chooseKAsync } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9], [20, 0], [20, 1], [21, 0]];
 * (await chooseKAsync(X, { kRange: [2, 4] })).k; // => 3
 * ```
 * @category Cluster quality
 */
export function chooseKAsync(X: MatrixInput, options?: ChooseKOptions): Promise<ChooseKResult> {
  return runStepsAsync('segment/chooseKAsync', chooseKSteps('segment/chooseKAsync', X, options), options);
}

/** The kernel of {@link chooseK} and {@link chooseKAsync}: yields at checkpoints (core/_steps). */
function* chooseKSteps(fn: string, X: MatrixInput, options?: ChooseKOptions): Steps<ChooseKResult> {
  const o = checkOptions(fn, options, ['kRange', 'criterion', 'seed', 'nInit', 'algorithm', 'silhouetteSampleSize', 'signal', 'onProgress']);
  const task = taskControl(fn, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  const m = toFlat(fn, 'X', X);
  const criterion = o.criterion === undefined ? 'silhouette' : oneOf(fn, 'options.criterion', o.criterion, ['silhouette', 'calinskiHarabasz', 'daviesBouldin', 'elbow'] as const);
  const [kMin, kMax] = _kRange(fn, o.kRange, [2, 8], m.rows, criterion === 'elbow' ? 3 : 1, 2);
  const seed = checkSeed(fn, o.seed);
  const nInit = o.nInit === undefined ? 10 : integerInRange(fn, 'options.nInit', o.nInit, { min: 1, max: 10000 });
  const algorithm = o.algorithm === undefined ? 'lloyd' : oneOf(fn, 'options.algorithm', o.algorithm, ['lloyd', 'elkan'] as const);
  const sampleSize = o.silhouetteSampleSize === undefined ? 5000 : integerInRange(fn, 'options.silhouetteSampleSize', o.silhouetteSampleSize, { min: 2 });
  const table: ChooseKRow[] = [];
  for (let k = kMin; k <= kMax; k++) {
    task.checkpoint(k - kMin, kMax - kMin + 1, `k = ${k}`);
    try {
      const model = yield* fitKMeansSteps('segment/fitKMeans', m, { k, seed, nInit, algorithm, ...(o.signal ? { signal: o.signal } : {}) });
      const silhouette = m.rows > sampleSize ? silhouetteScore(m, model.labels, { sampleSize, seed }) : silhouetteScore(m, model.labels);
      table.push({
        k,
        inertia: model.inertia,
        silhouette,
        calinskiHarabasz: calinskiHarabaszScore(m, model.labels),
        daviesBouldin: daviesBouldinScore(m, model.labels),
      });
    } catch (e) {
      rethrowAs(fn, e);
    }
  }
  task.checkpoint(kMax - kMin + 1, kMax - kMin + 1);
  let k: number;
  if (criterion === 'elbow') k = findKnee(table.map((r) => r.k), table.map((r) => r.inertia)).x;
  else {
    const sign = criterion === 'daviesBouldin' ? -1 : 1;
    let best = table[0]!;
    for (const r of table) if (sign * r[criterion] > sign * best[criterion]) best = r;
    k = best.k;
  }
  return { k, criterion, table };
}
