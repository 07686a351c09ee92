import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { InvalidOptionError } from '../core/errors.js';
import { arrayLike, integerInRange, oneOf, options as checkOptions, rethrowAs, seed as checkSeed } from '../core/validate.js';
import { toFlat } from './_matrix.js';
import { fitKMeansSteps } from './fitKMeans.js';
import { findKnee } from './findKnee.js';
import type { MatrixInput } from './types.js';

/** Options of {@link elbow}. */
export interface ElbowOptions extends LongRunOptions {
  /**
   * Smallest and largest k to try, inclusive (at least three values).
   * @defaultValue [1, 10] (capped at the number of distinct rows)
   */
  kRange?: readonly [number, number];
  /** @defaultValue 10 */
  nInit?: number;
  /** @defaultValue 0 */
  seed?: number;
  /** @defaultValue 'lloyd' */
  algorithm?: 'lloyd' | 'elkan';
}

/** Result of {@link elbow}. */
export interface ElbowResult {
  /** Inertia of the best of `nInit` k-means runs for each k. */
  table: { k: number; inertia: number }[];
  /** The k at the knee of the inertia curve. */
  k: number;
  /** Knee strength (see `findKnee`); near 0 means no clear elbow. */
  strength: number;
}

/**
 * The elbow method: fits k-means for each k in `kRange` and finds the knee of inertia by k.
 *
 * @remarks Cost: one {@link fitKMeans} per k. Same seed for every k, so the table is reproducible.
 * @throws {@link InvalidOptionError} on a kRange with fewer than 3 values or beyond the distinct rows
 * (and everything {@link fitKMeans} throws)
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { elbow } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9], [20, 0], [20, 1], [21, 0]];
 * elbow(X, { kRange: [1, 5] }).k; // => 3
 * ```
 * @category Cluster quality
 */
export function elbow(X: MatrixInput, options?: ElbowOptions): ElbowResult {
  return runSteps(elbowSteps('segment/elbow', X, options));
}

/**
 * {@link elbow} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (between k-means iterations, restarts and values of k), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link elbow} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { elbowAsync } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9], [20, 0], [20, 1], [21, 0]];
 * (await elbowAsync(X, { kRange: [1, 5] })).k; // => 3
 * ```
 * @category Cluster quality
 */
export function elbowAsync(X: MatrixInput, options?: ElbowOptions): Promise<ElbowResult> {
  return runStepsAsync('segment/elbowAsync', elbowSteps('segment/elbowAsync', X, options), options);
}

/** The kernel of {@link elbow} and {@link elbowAsync}: yields at checkpoints (core/_steps). */
function* elbowSteps(fn: string, X: MatrixInput, options?: ElbowOptions): Steps<ElbowResult> {
  const o = checkOptions(fn, options, ['kRange', 'nInit', 'seed', 'algorithm', 'signal', 'onProgress']);
  const task = taskControl(fn, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  const m = toFlat(fn, 'X', X);
  const [kMin, kMax] = _kRange(fn, o.kRange, [1, 10], m.rows, 3, 1);
  const nInit = o.nInit === undefined ? 10 : integerInRange(fn, 'options.nInit', o.nInit, { min: 1, max: 10000 });
  const seed = checkSeed(fn, o.seed);
  const algorithm = o.algorithm === undefined ? 'lloyd' : oneOf(fn, 'options.algorithm', o.algorithm, ['lloyd', 'elkan'] as const);
  const table: { k: number; inertia: number }[] = [];
  for (let k = kMin; k <= kMax; k++) {
    task.checkpoint(k - kMin, kMax - kMin + 1, `k = ${k}`);
    let inertia: number;
    try {
      inertia = (yield* fitKMeansSteps('segment/fitKMeans', m, { k, nInit, seed, algorithm, ...(o.signal ? { signal: o.signal } : {}) })).inertia;
    } catch (e) {
      rethrowAs(fn, e);
    }
    table.push({ k, inertia });
  }
  task.checkpoint(kMax - kMin + 1, kMax - kMin + 1);
  const knee = findKnee(table.map((r) => r.k), table.map((r) => r.inertia));
  return { table, k: knee.x, strength: knee.strength };
}

/** @internal Validates a [min, max] k range (max capped at n when taken from the default). */
export function _kRange(fn: string, given: unknown, fallback: [number, number], n: number, minCount: number, minK: number): [number, number] {
  let lo: number;
  let hi: number;
  if (given === undefined) {
    lo = fallback[0];
    hi = Math.min(fallback[1], n - (minK === 2 ? 1 : 0));
  } else {
    const r = arrayLike<unknown>(fn, 'options.kRange', given, 2);
    if (r.length !== 2) throw new InvalidOptionError(fn, 'options.kRange must be [min, max]', given);
    lo = integerInRange(fn, 'options.kRange[0]', r[0], { min: minK });
    hi = integerInRange(fn, 'options.kRange[1]', r[1], { min: minK });
  }
  if (hi - lo + 1 < minCount) throw new InvalidOptionError(fn, `options.kRange must span at least ${minCount} values of k`, [lo, hi]);
  return [lo, hi];
}
