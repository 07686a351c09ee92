/**
 * Edge betweenness centrality.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { boolean, options as checkOptions } from '../core/validate.js';
import { checkWeightOption, compile, type EdgeWeight } from './_compile.js';
import { bfs, createWorkspace, dijkstra } from './_paths.js';

/** Options of {@link edgeBetweennessCentrality}. */
export interface EdgeBetweennessCentralityOptions extends LongRunOptions {
  /** Divide by n(n − 1), as networkx does. @defaultValue true */
  normalized?: boolean;
  /**
   * Edge lengths: an attribute name (missing → 1), a function, or `null` for hops. Lengths must be
   * > 0; parallel edges count as one tie of the shortest length.
   * @defaultValue null
   */
  weight?: EdgeWeight;
}

/** The score of one tie (one per pair of adjacent nodes; parallel edges merged). */
export interface EdgeScore {
  source: string;
  target: string;
  score: number;
}

const FN = 'graph/edgeBetweennessCentrality';

/**
 * Edge betweenness of every tie: the share of shortest paths between all pairs of nodes that run
 * along it. The ties with the highest scores bridge communities (Girvan and Newman).
 *
 * @remarks
 * Brandes' accumulation with the dependency of each predecessor arc credited to its edge: one BFS
 * (Dijkstra with `weight`) per source, O(n·m) time (O(n·m·log n) weighted), O(n + m) memory.
 * Normalized by n(n − 1); unnormalized scores of undirected graphs are halved (each pair is found
 * from both ends), as in networkx. Self-loops are ignored; parallel edges are one tie (shortest
 * length). Undirected ties are reported once, source before target in graph order.
 * @see networkx `edge_betweenness_centrality(G, normalized, weight)`; U. Brandes, "On variants of
 * shortest-path betweenness centrality and their generic computation", Social Networks 30, 2008.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds,
 * or an edge length is not a finite number > 0
 * @throws {@link InvalidOptionError} on unknown or ill-typed options
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { edgeBetweennessCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * edgeBetweennessCentrality(g, { normalized: false });
 * // => [{ source: 'a', target: 'b', score: 2 }, { source: 'b', target: 'c', score: 2 }]
 * ```
 * @category Centrality
 */
export function edgeBetweennessCentrality(graph: Graph, options?: EdgeBetweennessCentralityOptions): EdgeScore[] {
  const o = checkOptions(FN, options, ['normalized', 'weight', 'signal', 'onProgress']);
  const normalized = o.normalized === undefined ? true : boolean(FN, 'options.normalized', o.normalized);
  const weight = o.weight === undefined ? null : checkWeightOption(FN, o.weight);
  const task = taskControl(FN, o);
  const g = compile(FN, graph, { weight, positive: true, nonEmpty: true, scale: true });
  const n = g.n;
  const { outOffsets, outTargets, inOffsets, inSources, inWeights } = g;
  // edge id of every out-arc (undirected: both arcs of a tie share one id) and of every in-arc
  const ids = new Map<number, number>();
  const sources: number[] = [];
  const targets: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let j = outOffsets[u]!; j < outOffsets[u + 1]!; j++) {
      const v = outTargets[j]!;
      const a = g.directed || u < v ? u : v;
      const b = a === u ? v : u;
      if (!ids.has(a * n + b)) {
        ids.set(a * n + b, sources.length);
        sources.push(a);
        targets.push(b);
      }
    }
  }
  const inId = new Int32Array(inSources.length);
  for (let w = 0; w < n; w++) {
    for (let r = inOffsets[w]!; r < inOffsets[w + 1]!; r++) {
      const v = inSources[r]!;
      inId[r] = ids.get(g.directed || v < w ? v * n + w : w * n + v)!;
    }
  }
  const score = new Float64Array(sources.length);
  const delta = new Float64Array(n);
  const ws = createWorkspace(n);
  for (let s = 0; s < n; s++) {
    if (weight === null) bfs(g, s, false, ws, true);
    else dijkstra(g, s, false, ws);
    const { dist, hops, sigma, order } = ws;
    for (let i = 0; i < ws.count; i++) delta[order[i]!] = 0;
    for (let i = ws.count - 1; i > 0; i--) {
      const w = order[i]!;
      const coeff = (1 + delta[w]!) / sigma[w]!;
      for (let r = inOffsets[w]!; r < inOffsets[w + 1]!; r++) {
        const v = inSources[r]!;
        const onPath = weight === null ? hops[v] === hops[w]! - 1 : dist[v]! + inWeights[r]! === dist[w];
        if (!onPath) continue;
        const c = sigma[v]! * coeff;
        score[inId[r]!] = score[inId[r]!]! + c;
        delta[v] = delta[v]! + c;
      }
    }
    if ((s & 63) === 63) task.checkpoint(s + 1, n);
  }
  task.checkpoint(n, n);
  const scale = normalized ? (n > 1 ? 1 / (n * (n - 1)) : 1) : g.directed ? 1 : 0.5;
  return sources.map((a, e) => ({ source: g.keys[a]!, target: g.keys[targets[e]!]!, score: score[e]! * scale }));
}
