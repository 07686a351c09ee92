/**
 * Ego networks.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError } from '../core/errors.js';
import { boolean, numberInRange, options as checkOptions } from '../core/validate.js';
import { checkGraph, checkWeightOption, compile, nodeIndex, type EdgeWeight } from './_compile.js';
import { bfs, createWorkspace, dijkstra } from './_paths.js';
import { ESCAPED_KEYS_ATTRIBUTE, hasEscapedKeys } from './_keys.js';

/** Options of {@link egoGraph}. */
export interface EgoGraphOptions {
  /**
   * Include nodes at distance ≤ radius from the centre.
   * @defaultValue 1
   */
  radius?: number;
  /** Edge lengths for the distance (as in {@link shortestPath}); `null` counts hops. @defaultValue null */
  weight?: EdgeWeight;
  /**
   * On directed graphs, ignore direction when measuring distance (otherwise only nodes the centre
   * reaches along edge direction are included).
   * @defaultValue false
   */
  undirected?: boolean;
}

const FN = 'graph/egoGraph';

/**
 * The ego network of an account: a new graph (same type and options) with the nodes within
 * `radius` of `node` and every edge among them, attributes copied.
 *
 * @remarks
 * Distances along edge direction on directed graphs (set `undirected` to ignore it), hop counts or
 * edge lengths with `weight`. The result is an induced subgraph: parallel edges and self-loops among
 * the chosen nodes are kept, with their keys. Cost O(n + m) (O(m log n) weighted).
 * @see networkx `ego_graph(G, n, radius, center=True, undirected, distance)`
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds,
 * or an edge length is not a finite number > 0
 * @throws {@link InvalidOptionError} when `node` is not a node, `radius` is negative, or on unknown options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { egoGraph } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('me', 'ann');
 * g.mergeEdge('ann', 'bob');
 * g.mergeEdge('bob', 'cat');
 * egoGraph(g, 'me').nodes(); // => ['me', 'ann']
 * egoGraph(g, 'me', { radius: 2 }).size; // => 2
 * ```
 * @category Structure
 */
export function egoGraph<G extends Graph>(graph: G, node: string, options?: EgoGraphOptions): G {
  const o = checkOptions(FN, options, ['radius', 'weight', 'undirected']);
  const radius = o.radius === undefined ? 1 : numberInRange(FN, 'options.radius', o.radius, { min: 0 });
  const weight = o.weight === undefined ? null : checkWeightOption(FN, o.weight);
  const undirected = o.undirected === undefined ? false : boolean(FN, 'options.undirected', o.undirected);
  checkGraph(FN, graph);
  const g = compile(FN, graph, { weight, positive: true, nonEmpty: true, undirected, scale: true });
  const c = nodeIndex(FN, 'node', g, node);
  const ws = createWorkspace(g.n);
  if (weight === null) bfs(g, c, false, ws, false);
  else dijkstra(g, c, false, ws);
  const keep = new Uint8Array(g.n);
  for (let i = 0; i < ws.count; i++) {
    const v = ws.order[i]!;
    // lengths were divided by g.weightScale (a power of two) when extreme: compare in those units
    if ((weight === null ? ws.hops[v]! : ws.dist[v]!) <= (g.weightScale === 1 ? radius : radius / g.weightScale)) keep[v] = 1;
  }
  if (typeof (graph as { nullCopy?: unknown }).nullCopy !== 'function') {
    throw new InvalidInputError(FN, 'graph must be a graphology Graph (nullCopy is missing)', graph);
  }
  const out = graph.nullCopy() as G;
  graph.forEachNode((v, attr) => {
    if (keep[g.keyIndex.get(v)!]) out.addNode(v, { ...attr });
  });
  graph.forEachEdge((edge, attr, s, t, _sa, _ta, isUndirected) => {
    if (!keep[g.keyIndex.get(s)!] || !keep[g.keyIndex.get(t)!]) return;
    if (isUndirected) out.addUndirectedEdgeWithKey(edge, s, t, { ...attr });
    else out.addDirectedEdgeWithKey(edge, s, t, { ...attr });
  });
  if (hasEscapedKeys(graph)) {
    // the copied count of escaped keys (buildInteractionGraph) is recounted for the nodes kept
    let escaped = 0;
    out.forEachNode((v) => {
      if (v.charCodeAt(0) === 0) escaped++;
    });
    out.setAttribute(ESCAPED_KEYS_ATTRIBUTE, escaped);
  }
  return out;
}
