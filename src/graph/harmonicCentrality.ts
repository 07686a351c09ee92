/**
 * Harmonic centrality.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { arrayLike, options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, checkWeightOption, compile, nodeIndex, scoresObject, type EdgeWeight } from './_compile.js';
import { distanceSums } from './_msbfs.js';
import { forEachIncomingSearch } from './_traverse.js';

/** Options of {@link harmonicCentrality}. */
export interface HarmonicCentralityOptions extends LongRunOptions {
  /**
   * Edge lengths: an edge attribute name (missing → 1), a function of the edge attributes, or `null`
   * for hop counts (networkx's `distance`). Lengths must be > 0.
   * @defaultValue null
   */
  weight?: EdgeWeight;
  /**
   * Count only distances from these nodes (networkx's `sources`): H(u) = Σ_{v ∈ sources, v ≠ u} 1/d(v, u).
   * @defaultValue every node
   */
  sources?: readonly string[];
}

/** Options of `harmonicCentrality.assign`. */
export interface HarmonicCentralityAssignOptions extends HarmonicCentralityOptions {
  /**
   * Node attribute that receives the score.
   * @defaultValue 'harmonicCentrality'
   */
  attribute?: string;
}

const FN = 'graph/harmonicCentrality';
const KEYS = ['weight', 'sources', 'signal', 'onProgress'];

/**
 * Harmonic centrality of every node: the sum of reciprocal distances from the other nodes to it.
 *
 * @remarks
 * H(u) = Σ_{v ≠ u} 1 / d(v, u), with 1/∞ = 0, so it is well defined on disconnected graphs. Not
 * normalized (divide by n − 1 for a value in [0, 1]), as in networkx. Incoming distances on directed
 * graphs. Self-loops are ignored; parallel edges of a multigraph count as one tie whose length is
 * the shortest of them (as networkx does). Missing from graphology-metrics.
 *
 * Cost: one BFS (Dijkstra with `weight`) per node: O(n·m) time (O(n·m·log n) weighted), O(n + m)
 * memory.
 * @see networkx `harmonic_centrality(G, distance)`; M. Marchiori and V. Latora, "Harmony in the
 * small-world", Physica A 285, 2000.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds, or an
 * edge length is not a finite number > 0
 * @throws {@link InvalidOptionError} on unknown or ill-typed options, or a source that is not a node
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { harmonicCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * harmonicCentrality(g); // => { a: 1.5, b: 2, c: 1.5 }
 * harmonicCentrality(g, { sources: ['a'] }); // => { a: 0, b: 1, c: 0.5 }
 * ```
 * @category Centrality
 */
export function harmonicCentrality(graph: Graph, options?: HarmonicCentralityOptions): Record<string, number> {
  return run(FN, graph, options, KEYS);
}

/**
 * Computes {@link harmonicCentrality} and writes it to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { harmonicCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * harmonicCentrality.assign(g);
 * g.getNodeAttribute('a', 'harmonicCentrality'); // => 1
 * ```
 */
harmonicCentrality.assign = function assign(graph: Graph, options?: HarmonicCentralityAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'harmonicCentrality');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS));
};

function run(fn: string, graph: unknown, options: HarmonicCentralityOptions | undefined, keys: string[]): Record<string, number> {
  const o = checkOptions(fn, options, keys);
  const weight = o.weight === undefined ? null : checkWeightOption(fn, o.weight);
  const g = compile(fn, graph, { weight, positive: true, nonEmpty: true, scale: true });
  let isSource: Uint8Array | null = null;
  if (o.sources !== undefined) {
    const src = arrayLike<unknown>(fn, 'options.sources', o.sources);
    isSource = new Uint8Array(g.n);
    for (let i = 0; i < src.length; i++) isSource[nodeIndex(fn, `options.sources[${i}]`, g, src[i])] = 1;
  }
  const out = new Float64Array(g.n);
  if (weight === null) {
    const all = new Int32Array(g.n);
    for (let i = 0; i < g.n; i++) all[i] = i;
    out.set(distanceSums(g, all, true, isSource, taskControl(fn, o)).inverse);
    return scoresObject(g.keys, out);
  }
  forEachIncomingSearch(fn, g, true, o, (u, dist, order, count) => {
    let h = 0;
    if (isSource === null) {
      for (let i = 1; i < count; i++) h += 1 / dist[order[i]!]!;
    } else {
      for (let i = 1; i < count; i++) if (isSource[order[i]!]) h += 1 / dist[order[i]!]!;
    }
    out[u] = h;
  });
  // lengths were divided by a power of two when extreme (exact): harmonic centrality scales inversely
  if (g.weightScale !== 1) for (let u = 0; u < g.n; u++) out[u] = out[u]! / g.weightScale;
  return scoresObject(g.keys, out);
}
