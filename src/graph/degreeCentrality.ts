/**
 * Degree centrality.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { oneOf, options as checkOptions } from '../core/validate.js';
import { InvalidInputError } from '../core/errors.js';
import { assignScores, checkAttribute, checkGraph, type GraphLike } from './_compile.js';
import { hasEscapedKeys, unescapeKey } from './_keys.js';

/** Options of {@link degreeCentrality}. */
export interface DegreeCentralityOptions {
  /**
   * Which degree: `'total'` (in + out on directed graphs), `'in'` or `'out'` (directed graphs; on
   * undirected graphs all three are the degree).
   * @defaultValue 'total'
   */
  mode?: 'total' | 'in' | 'out';
}

/** Options of `degreeCentrality.assign`. */
export interface DegreeCentralityAssignOptions extends DegreeCentralityOptions {
  /**
   * Node attribute that receives the score.
   * @defaultValue 'degreeCentrality'
   */
  attribute?: string;
}

const FN = 'graph/degreeCentrality';
const KEYS = ['mode'];

/**
 * Degree centrality of every node: its degree divided by n − 1.
 *
 * @remarks
 * As in networkx: a self-loop adds 2 to the degree of an undirected node (1 to the in- and 1 to the
 * out-degree of a directed one), parallel edges count separately, and a graph of one node gives it
 * 1. Cost O(n) (graphology keeps degrees).
 * @see networkx `degree_centrality`, `in_degree_centrality`, `out_degree_centrality`
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, or mixes edge kinds
 * @throws {@link InvalidOptionError} on an unknown `mode`
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { degreeCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('ann', 'bob');
 * g.mergeEdge('cat', 'bob');
 * degreeCentrality(g, { mode: 'in' }); // => { ann: 0, bob: 1, cat: 0 }
 * degreeCentrality(g); // => { ann: 0.5, bob: 1, cat: 0.5 }
 * ```
 * @category Centrality
 */
export function degreeCentrality(graph: Graph, options?: DegreeCentralityOptions): Record<string, number> {
  return run(FN, graph, options, KEYS);
}

/**
 * Computes {@link degreeCentrality} and writes it to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { degreeCentrality } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * degreeCentrality.assign(g);
 * g.getNodeAttribute('a', 'degreeCentrality'); // => 1
 * ```
 */
degreeCentrality.assign = function assign(graph: Graph, options?: DegreeCentralityAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'degreeCentrality');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS));
};

function run(fn: string, graph: unknown, options: DegreeCentralityOptions | undefined, keys: string[]): Record<string, number> {
  const o = checkOptions(fn, options, keys);
  const mode = o.mode === undefined ? 'total' : oneOf(fn, 'options.mode', o.mode, ['total', 'in', 'out'] as const);
  const g = checkGraph(fn, graph) as GraphLike & DegreeSource;
  if (g.type === 'mixed' && g.directedSize > 0 && g.undirectedSize > 0) {
    throw new InvalidInputError(fn, 'graph must not mix directed and undirected edges; convert it first', g.type);
  }
  const n = g.order;
  if (n === 0) throw new InvalidInputError(fn, 'graph must have at least one node', 'an empty graph');
  const directed = g.directedSize > 0;
  const out: Record<string, number> = Object.create(null);
  const s = n === 1 ? 0 : 1 / (n - 1);
  // graphology's degrees count a self-loop twice (undirected) or once each way, and parallel edges
  // separately, exactly as networkx does.
  const escaped = hasEscapedKeys(g); // results keyed by account name (see _keys.ts)
  g.forEachNode((node) => {
    const name = escaped ? unescapeKey(node) : node;
    if (n === 1) out[name] = 1;
    else if (!directed || mode === 'total') out[name] = g.degree(node) * s;
    else out[name] = (mode === 'in' ? g.inDegree(node) : g.outDegree(node)) * s;
  });
  return out;
}

interface DegreeSource {
  degree(node: string): number;
  inDegree(node: string): number;
  outDegree(node: string): number;
}
