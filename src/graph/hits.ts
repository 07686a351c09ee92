/**
 * HITS hubs and authorities.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { checkWeightOption, compile, scoresObject, type EdgeWeight } from './_compile.js';
import { iterativeSettings, notConverged } from './_iterative.js';

/** Options of {@link hits}. */
export interface HitsOptions {
  /**
   * Edge weights (entries of the adjacency matrix): an attribute name (missing → 1), a function,
   * or `null` for 1. As in networkx, the `weight` attribute is used by default.
   * @defaultValue 'weight'
   */
  weight?: EdgeWeight;
  /** @defaultValue 1000 */
  maxIterations?: number;
  /**
   * Stop when the L1 change of the authority vector is below n · tolerance (networkx's rule).
   * @defaultValue 1e-10
   */
  tolerance?: number;
  /** Throw {@link NotConvergedError} instead of returning `converged: false`. @defaultValue false */
  strict?: boolean;
}

/** Result of {@link hits}. */
export interface HitsResult {
  /** Hub score of each node (sums to 1), keyed by node: accounts that point to good authorities. */
  hubs: Record<string, number>;
  /** Authority score of each node (sums to 1), keyed by node: accounts that good hubs point to. */
  authorities: Record<string, number>;
  converged: boolean;
  iterations: number;
}

const FN = 'graph/hits';

/**
 * Kleinberg's hubs and authorities: in a mention or retweet graph, hubs are the amplifiers that
 * point at many sources, authorities the original sources that amplifiers point at.
 *
 * @remarks
 * The authority vector is the principal right singular vector of the weighted adjacency matrix A
 * (a ∝ AᵀA a), hubs h ∝ A a, each normalized to sum 1 — networkx's definition (which computes
 * them with a sparse SVD); here by power iteration on the CSR arrays, O(m) per iteration.
 * Parallel edges add their weights; self-loops are kept (they are entries of A). On undirected
 * graphs hubs equal authorities.
 * @see networkx `hits`; J. Kleinberg, "Authoritative sources in a hyperlinked environment", JACM 46(5), 1999.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds,
 * or has a negative weight (a graph without edges gets uniform scores, `converged: false`)
 * @throws {@link InvalidOptionError} on unknown or ill-typed options
 * @throws {@link NotConvergedError} with `strict` when `maxIterations` is reached
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { hits } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('fan1', 'brand');
 * g.mergeEdge('fan2', 'brand');
 * g.mergeEdge('fan2', 'news');
 * const r = hits(g);
 * r.authorities.brand > r.authorities.news; // => true
 * r.hubs.fan2 > r.hubs.fan1; // => true
 * ```
 * @category Centrality
 */
export function hits(graph: Graph, options?: HitsOptions): HitsResult {
  const o = checkOptions(FN, options, ['weight', 'maxIterations', 'tolerance', 'strict']);
  const weight = o.weight === undefined ? 'weight' : checkWeightOption(FN, o.weight);
  const it = iterativeSettings(FN, o, { maxIterations: 1000, tolerance: 1e-10 });
  const g = compile(FN, graph, { weight, keepLoops: true, nonEmpty: true, scale: true });
  const n = g.n;
  const { outOffsets: off, outTargets: adj, outWeights: w } = g;
  let a = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const h = new Float64Array(n);
  const hubsOf = (auth: Float64Array): void => {
    for (let u = 0; u < n; u++) {
      let s = 0;
      for (let j = off[u]!; j < off[u + 1]!; j++) s += w[j]! * auth[adj[j]!]!;
      h[u] = s;
    }
  };
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= it.maxIterations; iter++) {
    iterations = iter;
    hubsOf(a);
    next.fill(0);
    for (let u = 0; u < n; u++) {
      const hu = h[u]!;
      if (hu === 0) continue;
      for (let j = off[u]!; j < off[u + 1]!; j++) next[adj[j]!] = next[adj[j]!]! + w[j]! * hu;
    }
    let s = 0;
    for (let v = 0; v < n; v++) s += next[v]!;
    if (!(s > 0)) break; // no edges of positive weight: nothing to rank
    let err = 0;
    for (let v = 0; v < n; v++) {
      next[v] = next[v]! / s;
      err += Math.abs(next[v]! - a[v]!);
    }
    const tmp = a;
    a = next;
    next = tmp;
    if (err < n * it.tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged && it.strict) notConverged(FN, it);
  hubsOf(a);
  let hs = 0;
  for (let u = 0; u < n; u++) hs += h[u]!;
  if (hs > 0) for (let u = 0; u < n; u++) h[u] = h[u]! / hs;
  return { hubs: scoresObject(g.keys, h), authorities: scoresObject(g.keys, a), converged, iterations };
}
