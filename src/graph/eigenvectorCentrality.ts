/**
 * Eigenvector centrality (networkx semantics).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, checkWeightOption, compile, scoresObject, type EdgeWeight } from './_compile.js';
import { iterativeSettings, notConverged } from './_iterative.js';
import type { IterativeCentralityResult } from './pagerank.js';

/** Options of {@link eigenvectorCentrality}. */
export interface EigenvectorCentralityOptions {
  /**
   * Edge weights: an attribute name (missing → 1), a function, or `null` for unweighted (networkx's
   * default).
   * @defaultValue null
   */
  weight?: EdgeWeight;
  /**
   * Iteration cap.
   * @defaultValue 100
   */
  maxIterations?: number;
  /**
   * Stop when the L1 change of the (L2-normalized) vector is below n · tolerance.
   * @defaultValue 1e-6
   */
  tolerance?: number;
  /**
   * Throw {@link NotConvergedError} instead of returning `converged: false`.
   * @defaultValue false
   */
  strict?: boolean;
}

/** Options of `eigenvectorCentrality.assign`. */
export interface EigenvectorCentralityAssignOptions extends EigenvectorCentralityOptions {
  /**
   * Node attribute that receives the score.
   * @defaultValue 'eigenvectorCentrality'
   */
  attribute?: string;
}

const FN = 'graph/eigenvectorCentrality';
const KEYS = ['weight', 'maxIterations', 'tolerance', 'strict'];

/**
 * Eigenvector centrality of every node: the leading eigenvector of the adjacency matrix (of its
 * transpose on directed graphs, so in-links count), scaled to unit Euclidean norm.
 *
 * @remarks
 * Power iteration on A + I from the uniform vector, exactly as networkx (the shift makes bipartite
 * graphs converge): x ← (Aᵀ + I)x / ‖(Aᵀ + I)x‖₂, stopping when ‖x − x_prev‖₁ < n · tolerance.
 * A self-loop counts once. Cost O(m) per iteration with two reused typed arrays.
 * @see networkx `eigenvector_centrality(G, max_iter, tol, weight)`; P. Bonacich, "Power and
 * centrality", American Journal of Sociology 92(5), 1987.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge
 * kinds, or a weight is not a finite number ≥ 0
 * @throws {@link InvalidOptionError} on unknown or ill-typed options
 * @throws {@link NotConvergedError} with `strict: true` when the cap is reached
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { eigenvectorCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('c', 'a');
 * eigenvectorCentrality(g).scores; // => { a: 0.5773502691896258, b: 0.5773502691896258, c: 0.5773502691896258 }
 * ```
 * @category Centrality
 */
export function eigenvectorCentrality(graph: Graph, options?: EigenvectorCentralityOptions): IterativeCentralityResult {
  return run(FN, graph, options, KEYS);
}

/**
 * Computes {@link eigenvectorCentrality} and writes the scores to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { eigenvectorCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * eigenvectorCentrality.assign(g);
 * g.getNodeAttribute('a', 'eigenvectorCentrality'); // => 0.7071067811865476
 * ```
 */
eigenvectorCentrality.assign = function assign(graph: Graph, options?: EigenvectorCentralityAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'eigenvectorCentrality');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS).scores);
};

function run(fn: string, graph: unknown, options: EigenvectorCentralityOptions | undefined, keys: string[]): IterativeCentralityResult {
  const o = checkOptions(fn, options, keys);
  const weight = o.weight === undefined ? null : checkWeightOption(fn, o.weight);
  const it = iterativeSettings(fn, o, { maxIterations: 100, tolerance: 1e-6 });
  const g = compile(fn, graph, { weight, keepLoops: true, nonEmpty: true, scale: true });
  const n = g.n;
  // pull form over the in-arcs: y_i = x_i + Σ_{j→i} w_ji x_j (sequential writes, one pass that also
  // sums the squares), then one pass to normalize and measure the change
  const { inOffsets: off, inSources: src, inWeights: w, unitWeights } = g;
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  const limit = n * it.tolerance;
  for (let iter = 1; iter <= it.maxIterations; iter++) {
    let ss = 0;
    for (let i = 0; i < n; i++) {
      let acc = x[i]!;
      const end = off[i + 1]!;
      if (unitWeights) for (let j = off[i]!; j < end; j++) acc += x[src[j]!]!;
      else for (let j = off[i]!; j < end; j++) acc += w[j]! * x[src[j]!]!;
      y[i] = acc;
      ss += acc * acc;
    }
    const norm = Math.sqrt(ss) || 1;
    let err = 0;
    for (let i = 0; i < n; i++) {
      const v = y[i]! / norm;
      y[i] = v;
      err += Math.abs(v - x[i]!);
    }
    const tmp = x;
    x = y;
    y = tmp;
    if (err < limit) return { scores: scoresObject(g.keys, x), converged: true, iterations: iter };
  }
  if (it.strict) notConverged(fn, it);
  return { scores: scoresObject(g.keys, x), converged: false, iterations: it.maxIterations };
}
