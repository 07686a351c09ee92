/**
 * Degree centrality.
 *
 * @module
 */
import { oneOf, options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, compile, scoresObject } from './_compile.js';

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
 * 1. Cost O(n + m).
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
export function degreeCentrality(graph: unknown, options?: DegreeCentralityOptions): Record<string, number> {
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
degreeCentrality.assign = function assign(graph: unknown, options?: DegreeCentralityAssignOptions): void {
  const fn = `${FN}.assign`;
  const { attribute, ...rest } = checkOptions(fn, options, [...KEYS, 'attribute']);
  const attr = checkAttribute(fn, attribute, 'degreeCentrality');
  assignScores(graph as never, attr, run(fn, graph, rest, KEYS));
};

function run(fn: string, graph: unknown, options: DegreeCentralityOptions | undefined, keys: string[]): Record<string, number> {
  const o = checkOptions(fn, options, keys);
  const mode = o.mode === undefined ? 'total' : oneOf(fn, 'options.mode', o.mode, ['total', 'in', 'out'] as const);
  const g = compile(fn, graph, { nonEmpty: true, keepLoops: true });
  const n = g.n;
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = 1;
    return scoresObject(g.keys, out);
  }
  // Degrees counted from the edges themselves, so parallel edges and loops count as networkx does.
  const gr = graph as { forEachEdge(cb: (e: string, a: unknown, s: string, t: string) => void): void };
  const idx = g.index;
  gr.forEachEdge((_e, _a, s, t) => {
    const i = idx.get(s)!;
    const j = idx.get(t)!;
    if (!g.directed || mode === 'total') {
      out[i] = out[i]! + 1;
      out[j] = out[j]! + 1;
    } else if (mode === 'out') {
      out[i] = out[i]! + 1;
    } else {
      out[j] = out[j]! + 1;
    }
  });
  const s = 1 / (n - 1);
  for (let i = 0; i < n; i++) out[i] = out[i]! * s;
  return scoresObject(g.keys, out);
}
