/**
 * Bridges.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { compile } from './_compile.js';
import { biconnected } from './_biconnected.js';

const FN = 'graph/bridges';

/**
 * The edges whose removal disconnects their endpoints: the only tie between two parts of the
 * network (a single account pair that carries every message between two groups).
 *
 * @remarks
 * One iterative depth-first search with low points (Hopcroft and Tarjan), O(n + m). Undirected
 * graphs only. Parallel edges are never bridges (removing one leaves the other); self-loops are
 * ignored. Each bridge is `[source, target]` with the endpoint found first by the search as source.
 * @see networkx `bridges`; R. Tarjan, "A note on finding the bridges of a graph", 1974.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, or is directed
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { bridges } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('c', 'a');
 * g.mergeEdge('c', 'd');
 * bridges(g); // => [['c', 'd']]
 * ```
 * @category Structure
 */
export function bridges(graph: Graph, options?: Record<string, never>): [string, string][] {
  checkOptions(FN, options, []);
  const g = compile(FN, graph, { nonEmpty: true });
  return biconnected(FN, g).bridges.map(([u, v]) => [g.keys[u]!, g.keys[v]!]);
}
