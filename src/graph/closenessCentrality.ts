/**
 * Closeness centrality (networkx semantics: incoming distances, Wasserman–Faust scaling).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { boolean, options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, checkWeightOption, compile, scoresObject, type EdgeWeight } from './_compile.js';
import { distanceSums } from './_msbfs.js';
import { forEachIncomingSearch } from './_traverse.js';

/** Options of {@link closenessCentrality}. */
export interface ClosenessCentralityOptions extends LongRunOptions {
  /**
   * Edge lengths: an edge attribute name (missing → 1), a function of the edge attributes, or `null`
   * for hop counts (networkx's `distance`). Lengths must be > 0.
   * @defaultValue null
   */
  weight?: EdgeWeight;
  /**
   * Wasserman–Faust scaling for graphs that are not connected: multiply by (r − 1)/(n − 1), where r
   * is the number of nodes that can reach the node (networkx's `wf_improved`).
   * @defaultValue true
   */
  wfImproved?: boolean;
}

/** Options of `closenessCentrality.assign`. */
export interface ClosenessCentralityAssignOptions extends ClosenessCentralityOptions {
  /**
   * Node attribute that receives the score.
   * @defaultValue 'closenessCentrality'
   */
  attribute?: string;
}

const FN = 'graph/closenessCentrality';
const KEYS = ['weight', 'wfImproved', 'signal', 'onProgress'];

/**
 * Closeness centrality of every node: the reciprocal of its mean distance from the nodes that can
 * reach it, scaled by the share of nodes that can (Wasserman–Faust).
 *
 * @remarks
 * C(u) = (r − 1) / Σ_v d(v, u) · (r − 1)/(n − 1), where the sum runs over the r − 1 other nodes v
 * that can reach u; 0 when none can. On directed graphs the distances are **incoming** (from v to
 * u), as in networkx. graphology-metrics 2.4.2 skips the Wasserman–Faust factor by default, which on
 * two components a-b-c, d-e scores d and e 1.0 instead of 0.25. Self-loops are ignored; parallel
 * edges of a multigraph count as one tie whose length is the shortest of them (as networkx does).
 *
 * Cost: one BFS (Dijkstra with `weight`) per node: O(n·m) time (O(n·m·log n) weighted), O(n + m)
 * memory.
 * @see networkx `closeness_centrality(G, distance, wf_improved)`; S. Wasserman and K. Faust, "Social
 * Network Analysis", 1994.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds, or an
 * edge length is not a finite number > 0
 * @throws {@link InvalidOptionError} on unknown or ill-typed options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { closenessCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('d', 'e');
 * closenessCentrality(g); // => { a: 0.3333333333333333, b: 0.5, c: 0.3333333333333333, d: 0.25, e: 0.25 }
 * ```
 * @category Centrality
 */
export function closenessCentrality(graph: Graph, options?: ClosenessCentralityOptions): Record<string, number> {
  return run(FN, graph, options, KEYS);
}

/**
 * Computes {@link closenessCentrality} and writes it to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { closenessCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * closenessCentrality.assign(g, { attribute: 'closeness' });
 * g.getNodeAttribute('a', 'closeness'); // => 1
 * ```
 */
closenessCentrality.assign = function assign(graph: Graph, options?: ClosenessCentralityAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'closenessCentrality');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS));
};

function run(fn: string, graph: unknown, options: ClosenessCentralityOptions | undefined, keys: string[]): Record<string, number> {
  const o = checkOptions(fn, options, keys);
  const weight = o.weight === undefined ? null : checkWeightOption(fn, o.weight);
  const wf = o.wfImproved === undefined ? true : boolean(fn, 'options.wfImproved', o.wfImproved);
  const g = compile(fn, graph, { weight, positive: true, nonEmpty: true, scale: true });
  const n = g.n;
  const out = new Float64Array(n);
  if (weight === null) {
    // hop distances: 32 searches at a time, bit-parallel
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    const { reach, sum } = distanceSums(g, all, true, null, taskControl(fn, o));
    for (let u = 0; u < n; u++) {
      const r = reach[u]!;
      const tot = sum[u]!;
      if (tot > 0 && n > 1) out[u] = wf ? (r / tot) * (r / (n - 1)) : r / tot;
    }
    return scoresObject(g.keys, out);
  }
  forEachIncomingSearch(fn, g, true, o, (u, dist, order, count) => {
    let tot = 0;
    for (let i = 1; i < count; i++) tot += dist[order[i]!]!;
    if (tot > 0 && n > 1) {
      let c = (count - 1) / tot;
      if (wf) c *= (count - 1) / (n - 1);
      out[u] = c;
    }
  });
  // lengths were divided by a power of two when extreme (exact): closeness scales inversely
  if (g.weightScale !== 1) for (let u = 0; u < n; u++) out[u] = out[u]! / g.weightScale;
  return scoresObject(g.keys, out);
}
