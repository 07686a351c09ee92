/**
 * PageRank (networkx semantics).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidOptionError } from '../core/errors.js';
import { numberInRange, options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, checkWeightOption, compile, scoresObject, type EdgeWeight } from './_compile.js';
import { iterativeSettings, nodeVector, notConverged } from './_iterative.js';

/** Options of {@link pagerank}. */
export interface PagerankOptions {
  /**
   * Damping factor: the probability of following a link rather than teleporting.
   * @defaultValue 0.85
   */
  alpha?: number;
  /**
   * Teleport weights by node key (missing nodes get 0; normalized to sum 1). Omit for uniform.
   */
  personalization?: Record<string, number> | ReadonlyMap<string, number>;
  /**
   * Where the walk goes from a node without out-links, by node key (missing nodes get 0;
   * normalized). Omit to use the personalization vector, as networkx does.
   */
  dangling?: Record<string, number> | ReadonlyMap<string, number>;
  /**
   * Edge weights (transition probabilities ∝ weight): an attribute name (missing → 1), a function,
   * or `null` for unweighted. networkx's default, `'weight'`, is kept.
   * @defaultValue 'weight'
   */
  weight?: EdgeWeight;
  /**
   * Iteration cap.
   * @defaultValue 100
   */
  maxIterations?: number;
  /**
   * Stop when the L1 change of the score vector is below n · tolerance (networkx's definition).
   * @defaultValue 1e-6
   */
  tolerance?: number;
  /**
   * Throw {@link NotConvergedError} instead of returning `converged: false`.
   * @defaultValue false
   */
  strict?: boolean;
}

/** Options of `pagerank.assign`. */
export interface PagerankAssignOptions extends PagerankOptions {
  /**
   * Node attribute that receives the score.
   * @defaultValue 'pagerank'
   */
  attribute?: string;
}

/** Result of an iterative centrality. */
export interface IterativeCentralityResult {
  /** Score by node key (a null-prototype object). */
  scores: Record<string, number>;
  /** Whether the tolerance was met before `maxIterations`. */
  converged: boolean;
  /** Iterations run. */
  iterations: number;
}

const FN = 'graph/pagerank';
const KEYS = ['alpha', 'personalization', 'dangling', 'weight', 'maxIterations', 'tolerance', 'strict'];

/**
 * PageRank of every node by power iteration, with networkx's options, defaults and stopping rule.
 *
 * @remarks
 * x ← α (xᵀP + (Σ_{dangling} x_i) d) + (1 − α) p, where P is the row-normalized weight matrix, p the
 * personalization and d the dangling distribution; stops when ‖x − x_prev‖₁ < n · tolerance. An
 * undirected edge is a link both ways; a self-loop is one link to itself. Parallel edges are merged
 * (weights summed). The scores sum to 1.
 *
 * Cost: O(m) per iteration on the compiled CSR arrays (pull form over the in-arcs, three reused
 * `Float64Array`s); O(n + m) memory.
 * @see networkx `pagerank(G, alpha, personalization, max_iter, tol, weight, dangling)`; L. Page et al.,
 * "The PageRank citation ranking", 1999.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge
 * kinds, or a weight is not a finite number ≥ 0
 * @throws {@link InvalidOptionError} on unknown options, `alpha` outside [0, 1], a personalization or
 * dangling key that is not a node, a negative value, or an all-zero vector
 * @throws {@link NotConvergedError} with `strict: true` when the cap is reached
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { pagerank } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'a');
 * const r = pagerank(g);
 * r.scores; // => { a: 0.5, b: 0.5 }
 * r.converged; // => true
 * ```
 * @category Centrality
 */
export function pagerank(graph: Graph, options?: PagerankOptions): IterativeCentralityResult {
  return run(FN, graph, options, KEYS);
}

/**
 * Computes {@link pagerank} and writes the scores to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { pagerank } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * pagerank.assign(g);
 * g.getNodeAttribute('a', 'pagerank'); // => 0.5
 * ```
 */
pagerank.assign = function assign(graph: Graph, options?: PagerankAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'pagerank');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS).scores);
};

function normalizeVector(fn: string, name: string, v: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  if (!(s > 0)) throw new InvalidOptionError(fn, `${name} must have a positive sum`, s);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / s;
  return v;
}

function run(fn: string, graph: unknown, options: PagerankOptions | undefined, keys: string[]): IterativeCentralityResult {
  const o = checkOptions(fn, options, keys);
  const alpha = o.alpha === undefined ? 0.85 : numberInRange(fn, 'options.alpha', o.alpha, { min: 0, max: 1 });
  const weight = o.weight === undefined ? 'weight' : checkWeightOption(fn, o.weight);
  const it = iterativeSettings(fn, o, { maxIterations: 100, tolerance: 1e-6 });
  const g = compile(fn, graph, { weight, keepLoops: true, nonEmpty: true, scale: true });
  const n = g.n;
  const p =
    o.personalization === undefined
      ? new Float64Array(n).fill(1 / n)
      : normalizeVector(fn, 'options.personalization', nodeVector(fn, 'options.personalization', g, o.personalization, 0));
  const dw = o.dangling === undefined ? p : normalizeVector(fn, 'options.dangling', nodeVector(fn, 'options.dangling', g, o.dangling, 0));
  const { outOffsets: off, outWeights: w, inOffsets: inOff, inSources: inSrc, inWeights: inW, unitWeights } = g;
  // 1 / out-strength of each node (0 for dangling nodes, whose mass goes to `dw` instead)
  const inv = new Float64Array(n);
  const danglingNodes: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = off[i]!; j < off[i + 1]!; j++) s += w[j]!;
    if (s === 0) danglingNodes.push(i);
    else inv[i] = 1 / s;
  }
  const dangling = Int32Array.from(danglingNodes);
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  const z = new Float64Array(n);
  const limit = n * it.tolerance;
  const oneMinus = 1 - alpha;
  for (let iter = 1; iter <= it.maxIterations; iter++) {
    // pull form: y_i = α (Σ_{j→i} w_ji x_j / s_j + dangling mass · d_i) + (1 − α) p_i, one pass
    // over the in-arcs with sequential writes (no scatter into y, no per-arc probability array)
    for (let i = 0; i < n; i++) z[i] = x[i]! * inv[i]!;
    let ds = 0;
    for (let k = 0; k < dangling.length; k++) ds += x[dangling[k]!]!;
    let err = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      const end = inOff[i + 1]!;
      if (unitWeights) for (let j = inOff[i]!; j < end; j++) acc += z[inSrc[j]!]!;
      else for (let j = inOff[i]!; j < end; j++) acc += inW[j]! * z[inSrc[j]!]!;
      const v = alpha * (acc + ds * dw[i]!) + oneMinus * p[i]!;
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
