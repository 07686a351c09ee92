/**
 * Shortest paths between chosen accounts.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';
import { checkWeightOption, compile, nodeIndex, type CompiledGraph, type EdgeWeight } from './_compile.js';
import { bfs, createWorkspace, dijkstra, type PathWorkspace } from './_paths.js';

/** Options of {@link shortestPath} and {@link shortestPathLengths}. */
export interface ShortestPathOptions {
  /**
   * Edge lengths: an edge attribute name (missing → 1), a function of the edge attributes, or `null`
   * for hop counts. Lengths must be > 0; parallel edges count as their shortest.
   * @defaultValue null
   */
  weight?: EdgeWeight;
}

/** Result of {@link shortestPath}. */
export interface ShortestPathResult {
  /** Whether `target` can be reached from `source`. */
  reachable: boolean;
  /** The nodes of one shortest path, `source` first and `target` last; empty when unreachable. */
  path: string[];
  /** Its length (hops, or summed edge lengths with `weight`); `Infinity` when unreachable. */
  distance: number;
}

const FN = 'graph/shortestPath';
const FN_LENGTHS = 'graph/shortestPathLengths';

function search(fn: string, graph: unknown, source: unknown, o: ShortestPathOptions): { g: CompiledGraph; ws: PathWorkspace; s: number; weighted: boolean } {
  const weight = o.weight === undefined ? null : checkWeightOption(fn, o.weight);
  const g = compile(fn, graph, { weight, positive: true, nonEmpty: true, scale: true });
  const s = nodeIndex(fn, 'source', g, source);
  const ws = createWorkspace(g.n);
  if (weight === null) bfs(g, s, false, ws, false);
  else dijkstra(g, s, false, ws);
  return { g, ws, s, weighted: weight !== null };
}

/** A length computed on weights divided by `g.weightScale`, in the graph's units (throws past the double range). */
function unscaled(fn: string, g: CompiledGraph, d: number): number {
  if (g.weightScale === 1) return d;
  const x = d * g.weightScale;
  if (x === Infinity) throw new InvalidInputError(fn, 'a path length exceeds the largest double (edge lengths near 1e308)', d);
  return x;
}

/**
 * One shortest path from `source` to `target` (along edge direction on directed graphs) and its
 * length.
 *
 * @remarks
 * Breadth-first search, or Dijkstra with `weight` (indexed binary heap on typed arrays); the path
 * is read back through the in-arcs from `target`. When several shortest paths exist, which one is
 * returned is unspecified (networkx may return another of the same length). Self-loops are ignored.
 * Cost O(n + m), weighted O(m log n).
 * @see networkx `shortest_path(G, source, target, weight)`, `shortest_path_length`
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds,
 * or an edge length is not a finite number > 0
 * @throws {@link InvalidOptionError} when `source` or `target` is not a node, or on unknown options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { shortestPath } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b', { km: 1 });
 * g.mergeEdge('b', 'c', { km: 1 });
 * g.mergeEdge('a', 'c', { km: 5 });
 * shortestPath(g, 'a', 'c'); // => { reachable: true, path: ['a', 'c'], distance: 1 }
 * shortestPath(g, 'a', 'c', { weight: 'km' }); // => { reachable: true, path: ['a', 'b', 'c'], distance: 2 }
 * ```
 * @category Paths
 */
export function shortestPath(graph: Graph, source: string, target: string, options?: ShortestPathOptions): ShortestPathResult {
  const o = checkOptions(FN, options, ['weight']);
  const { g, ws, weighted } = search(FN, graph, source, o);
  const t = nodeIndex(FN, 'target', g, target);
  const d = weighted ? ws.dist[t]! : ws.hops[t]!;
  if (weighted ? d === Infinity : d < 0) return { reachable: false, path: [], distance: Infinity };
  const path = [t];
  let v = t;
  while (weighted ? ws.dist[v] !== 0 : ws.hops[v] !== 0) {
    let prev = -1;
    for (let j = g.inOffsets[v]!; j < g.inOffsets[v + 1]!; j++) {
      const u = g.inSources[j]!;
      if (weighted ? ws.dist[u]! + g.inWeights[j]! === ws.dist[v] : ws.hops[u] === ws.hops[v]! - 1) {
        prev = u;
        break;
      }
    }
    path.push(prev);
    v = prev;
  }
  return { reachable: true, path: path.reverse().map((i) => g.keys[i]!), distance: unscaled(FN, g, d) };
}

/**
 * Shortest-path length from `source` to every node it reaches, keyed by node (itself at 0).
 *
 * @remarks
 * Nodes that cannot be reached are absent, as in networkx. Lengths are hop counts, or summed edge
 * lengths with `weight` (parallel edges count as their shortest). Cost O(n + m), weighted O(m log n).
 * @see networkx `single_source_shortest_path_length`, `single_source_dijkstra_path_length`
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds,
 * or an edge length is not a finite number > 0
 * @throws {@link InvalidOptionError} when `source` is not a node, or on unknown options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { shortestPathLengths } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('d', 'a');
 * shortestPathLengths(g, 'a'); // => { a: 0, b: 1, c: 2 }
 * ```
 * @category Paths
 */
export function shortestPathLengths(graph: Graph, source: string, options?: ShortestPathOptions): Record<string, number> {
  const o = checkOptions(FN_LENGTHS, options, ['weight']);
  const { g, ws, weighted } = search(FN_LENGTHS, graph, source, o);
  const out: Record<string, number> = Object.create(null);
  for (let i = 0; i < ws.count; i++) {
    const v = ws.order[i]!;
    out[g.keys[v]!] = weighted ? unscaled(FN_LENGTHS, g, ws.dist[v]!) : ws.hops[v]!;
  }
  return out;
}
