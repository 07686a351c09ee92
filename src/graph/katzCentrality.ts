/**
 * Katz centrality (networkx semantics).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidOptionError, NotConvergedError } from '../core/errors.js';
import { boolean, numberInRange, options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, checkWeightOption, compile, scoresObject, type EdgeWeight } from './_compile.js';
import { iterativeSettings, nodeVector, notConverged } from './_iterative.js';
import type { IterativeCentralityResult } from './pagerank.js';

/** Options of {@link katzCentrality}. */
export interface KatzCentralityOptions {
  /**
   * Attenuation factor; must be below 1/λ_max of the adjacency matrix for the series to converge.
   * @defaultValue 0.1
   */
  alpha?: number;
  /**
   * Baseline score: one number for every node, or a value per node key (every node must be given).
   * @defaultValue 1
   */
  beta?: number | Record<string, number> | ReadonlyMap<string, number>;
  /**
   * Scale the result to unit Euclidean norm.
   * @defaultValue true
   */
  normalized?: boolean;
  /**
   * Edge weights: an attribute name (missing → 1), a function, or `null` for unweighted.
   * @defaultValue null
   */
  weight?: EdgeWeight;
  /**
   * Iteration cap.
   * @defaultValue 1000
   */
  maxIterations?: number;
  /**
   * Stop when the L1 change is below n · tolerance.
   * @defaultValue 1e-6
   */
  tolerance?: number;
  /**
   * Throw {@link NotConvergedError} instead of returning `converged: false`.
   * @defaultValue false
   */
  strict?: boolean;
}

/** Options of `katzCentrality.assign`. */
export interface KatzCentralityAssignOptions extends KatzCentralityOptions {
  /**
   * Node attribute that receives the score.
   * @defaultValue 'katzCentrality'
   */
  attribute?: string;
}

const FN = 'graph/katzCentrality';
const KEYS = ['alpha', 'beta', 'normalized', 'weight', 'maxIterations', 'tolerance', 'strict'];

/**
 * Katz centrality of every node: a weighted count of all walks ending at it, longer walks
 * attenuated by `alpha` per step.
 *
 * @remarks
 * x ← α Aᵀx + β from x = 0 (in-links on directed graphs), stopping when ‖x − x_prev‖₁ < n ·
 * tolerance, then (with `normalized`) scaled to unit L2 norm, exactly as networkx. If `alpha` ≥
 * 1/λ_max the iteration diverges and `converged` is false. Cost O(m) per iteration.
 * @see networkx `katz_centrality(G, alpha, beta, max_iter, tol, normalized, weight)`; L. Katz, "A new
 * status index derived from sociometric analysis", Psychometrika 18, 1953.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge
 * kinds, or a weight is not a finite number ≥ 0
 * @throws {@link InvalidOptionError} on unknown options, a `beta` record missing a node or naming an
 * unknown one
 * @throws {@link NotConvergedError} with `strict: true` when the cap is reached, and always when the
 * iteration overflows (α far above 1/λ_max)
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { katzCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * katzCentrality(g, { normalized: false }).scores; // => { a: 1, b: 1.1 }
 * ```
 * @category Centrality
 */
export function katzCentrality(graph: Graph, options?: KatzCentralityOptions): IterativeCentralityResult {
  return run(FN, graph, options, KEYS);
}

/**
 * Computes {@link katzCentrality} and writes the scores to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { katzCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * katzCentrality.assign(g, { normalized: false });
 * g.getNodeAttribute('b', 'katzCentrality'); // => 1.1
 * ```
 */
katzCentrality.assign = function assign(graph: Graph, options?: KatzCentralityAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'katzCentrality');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS).scores);
};

function run(fn: string, graph: unknown, options: KatzCentralityOptions | undefined, keys: string[]): IterativeCentralityResult {
  const o = checkOptions(fn, options, keys);
  const alpha = o.alpha === undefined ? 0.1 : numberInRange(fn, 'options.alpha', o.alpha, { min: 0 });
  const normalized = o.normalized === undefined ? true : boolean(fn, 'options.normalized', o.normalized);
  const weight = o.weight === undefined ? null : checkWeightOption(fn, o.weight);
  const it = iterativeSettings(fn, o, { maxIterations: 1000, tolerance: 1e-6 });
  const g = compile(fn, graph, { weight, keepLoops: true, nonEmpty: true });
  const n = g.n;
  let b: Float64Array;
  if (o.beta === undefined || typeof o.beta === 'number') {
    const beta = o.beta === undefined ? 1 : numberInRange(fn, 'options.beta', o.beta, {});
    b = new Float64Array(n).fill(beta);
  } else {
    b = nodeVector(fn, 'options.beta', g, o.beta, NaN, true);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(b[i]!)) throw new InvalidOptionError(fn, 'options.beta must give a value for every node', g.keys[i]);
    }
  }
  const { outOffsets: off, outTargets: adj, outWeights: w } = g;
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  const limit = n * it.tolerance;
  for (let iter = 1; iter <= it.maxIterations; iter++) {
    y.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const end = off[i + 1]!;
      for (let j = off[i]!; j < end; j++) {
        const t = adj[j]!;
        y[t] = y[t]! + xi * w[j]!;
      }
    }
    let err = 0;
    for (let i = 0; i < n; i++) {
      const v = alpha * y[i]! + b[i]!;
      y[i] = v;
      err += Math.abs(v - x[i]!);
    }
    const tmp = x;
    x = y;
    y = tmp;
    if (!Number.isFinite(err)) {
      throw new NotConvergedError(fn, `diverged after ${iter} iterations: options.alpha (${alpha}) must be below 1/λ_max of the adjacency matrix`, iter);
    }
    if (err < limit) {
      if (normalized) {
        let ss = 0;
        for (let i = 0; i < n; i++) ss += x[i]! * x[i]!;
        const s = ss > 0 ? 1 / Math.sqrt(ss) : 1;
        for (let i = 0; i < n; i++) x[i] = x[i]! * s;
      }
      return { scores: scoresObject(g.keys, x), converged: true, iterations: iter };
    }
  }
  if (it.strict) notConverged(fn, it);
  return { scores: scoresObject(g.keys, x), converged: false, iterations: it.maxIterations };
}
