/**
 * Articulation points.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { compile } from './_compile.js';
import { biconnected } from './_biconnected.js';

const FN = 'graph/articulationPoints';

/**
 * The nodes whose removal splits their component: brokers without whom two groups stop hearing
 * from each other.
 *
 * @remarks
 * One iterative depth-first search with low points (Hopcroft and Tarjan), O(n + m). Undirected
 * graphs only; self-loops and parallel edges change nothing. Nodes are returned in graph order.
 * @see networkx `articulation_points`; J. Hopcroft and R. Tarjan, "Efficient algorithms for graph
 * manipulation", CACM 16(6), 1973.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, or is directed
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { articulationPoints } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('c', 'd');
 * articulationPoints(g); // => ['b', 'c']
 * ```
 * @category Structure
 */
export function articulationPoints(graph: Graph, options?: Record<string, never>): string[] {
  checkOptions(FN, options, []);
  const g = compile(FN, graph, { nonEmpty: true });
  const { cut } = biconnected(FN, g);
  const out: string[] = [];
  for (let v = 0; v < g.n; v++) if (cut[v]) out.push(g.keys[v]!);
  return out;
}
