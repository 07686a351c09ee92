/**
 * Component membership (weak or strong).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { oneOf, options as checkOptions } from '../core/validate.js';
import { compile, scoresObject } from './_compile.js';
import { strongComponents, weakComponents } from './_components.js';

/** Options of {@link connectedComponents}. */
export interface ConnectedComponentsOptions {
  /**
   * `'weak'`: ignore edge direction; `'strong'`: mutual reachability along edge direction (the same
   * as weak on undirected graphs).
   * @defaultValue 'weak'
   */
  connection?: 'weak' | 'strong';
}

/** Result of {@link connectedComponents}. */
export interface ConnectedComponentsResult {
  /** Number of components. */
  count: number;
  /** Size of each component, largest first (component i has `sizes[i]` nodes). */
  sizes: number[];
  /** Component of each node (0 = the largest; ties by first node in graph order), keyed by node. */
  membership: Record<string, number>;
}

const FN = 'graph/connectedComponents';

/**
 * Which component each account belongs to: weakly connected (direction ignored) or strongly
 * connected (each reaches every other along edge direction).
 *
 * @remarks
 * Components are numbered from the largest (0) down; equal sizes keep the order of their first node.
 * Self-loops and parallel edges change nothing. Breadth-first search for weak components, Tarjan's
 * algorithm (iterative, no recursion limit) for strong ones. Cost O(n + m).
 * @see networkx `connected_components`, `weakly_connected_components`, `strongly_connected_components`
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty or mixes edge kinds
 * @throws {@link InvalidOptionError} on unknown options or a `connection` other than 'weak' / 'strong'
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { connectedComponents } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'a');
 * g.mergeEdge('b', 'c');
 * connectedComponents(g).membership; // => { a: 0, b: 0, c: 0 }
 * connectedComponents(g, { connection: 'strong' }); // => { count: 2, sizes: [2, 1], membership: { a: 0, b: 0, c: 1 } }
 * ```
 * @category Structure
 */
export function connectedComponents(graph: Graph, options?: ConnectedComponentsOptions): ConnectedComponentsResult {
  const o = checkOptions(FN, options, ['connection']);
  const connection = o.connection === undefined ? 'weak' : oneOf(FN, 'options.connection', o.connection, ['weak', 'strong'] as const);
  const g = compile(FN, graph, { nonEmpty: true });
  const c = connection === 'weak' ? weakComponents(g) : strongComponents(g);
  // renumber: largest first, ties by first node
  const first = new Int32Array(c.count).fill(-1);
  for (let v = 0; v < g.n; v++) if (first[c.label[v]!] === -1) first[c.label[v]!] = v;
  const order = Array.from({ length: c.count }, (_, i) => i).sort((a, b) => c.sizes[b]! - c.sizes[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(c.count);
  order.forEach((old, i) => (rank[old] = i));
  const label = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) label[v] = rank[c.label[v]!]!;
  return { count: c.count, sizes: order.map((i) => c.sizes[i]!), membership: scoresObject(g.keys, label) };
}
