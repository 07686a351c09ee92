/**
 * Link prediction scores.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError } from '../core/errors.js';
import { arrayLike, oneOf, options as checkOptions } from '../core/validate.js';
import { compile, nodeIndex } from './_compile.js';

/** Options of {@link linkPrediction}. */
export interface LinkPredictionOptions {
  /**
   * `'commonNeighbors'` |N(u) ∩ N(v)|; `'jaccard'` |N(u) ∩ N(v)| / |N(u) ∪ N(v)| (0 when both are
   * empty); `'adamicAdar'` Σ_{w ∈ N(u) ∩ N(v)} 1 / log d(w); `'resourceAllocation'` Σ 1 / d(w).
   * @defaultValue 'resourceAllocation'
   */
  method?: 'commonNeighbors' | 'jaccard' | 'adamicAdar' | 'resourceAllocation';
  /** The pairs to score. @defaultValue every pair of distinct nodes that are not adjacent */
  pairs?: readonly (readonly [string, string])[];
}

/** One scored pair. */
export interface LinkScore {
  source: string;
  target: string;
  score: number;
}

const FN = 'graph/linkPrediction';

/**
 * Scores pairs of accounts that are not (yet) connected by how much their neighbourhoods overlap:
 * "who to introduce" and likely next ties.
 *
 * @remarks
 * Undirected graphs; N(x) is the set of x's neighbours and d(w) = |N(w)| (self-loops and parallel
 * edges ignored, so on a multigraph the degree can differ from networkx's). Each pair costs
 * O(d(u) + d(v)); the default, every non-adjacent pair, is O(n² + n·m) — pass `pairs` on large
 * graphs. Results are in the order of `pairs` (default: by first node, then second, graph order).
 * @see networkx `common_neighbors`, `jaccard_coefficient`, `adamic_adar_index`,
 * `resource_allocation_index`; D. Liben-Nowell and J. Kleinberg, "The link-prediction problem for
 * social networks", 2007; T. Zhou, L. Lü and Y.-C. Zhang, 2009 (resource allocation).
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, or is directed
 * @throws {@link InvalidOptionError} when a pair names a node that is not in the graph, or on unknown options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { linkPrediction } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('ann', 'hub');
 * g.mergeEdge('bob', 'hub');
 * g.mergeEdge('bob', 'cat');
 * linkPrediction(g, { method: 'jaccard', pairs: [['ann', 'bob']] }); // => [{ source: 'ann', target: 'bob', score: 0.5 }]
 * linkPrediction(g, { method: 'commonNeighbors' }).length; // => 3
 * ```
 * @category Structure
 */
export function linkPrediction(graph: Graph, options?: LinkPredictionOptions): LinkScore[] {
  const o = checkOptions(FN, options, ['method', 'pairs']);
  const method = o.method === undefined ? 'resourceAllocation' : oneOf(FN, 'options.method', o.method, ['commonNeighbors', 'jaccard', 'adamicAdar', 'resourceAllocation'] as const);
  const g = compile(FN, graph, { nonEmpty: true });
  if (g.directed) throw new InvalidInputError(FN, 'graph must be undirected', 'a directed graph');
  const n = g.n;
  const off = g.outOffsets;
  const adj = g.outTargets;
  const mark = new Int32Array(n).fill(-1);
  const score = (u: number, v: number): number => {
    for (let j = off[u]!; j < off[u + 1]!; j++) mark[adj[j]!] = u;
    let common = 0;
    let sum = 0;
    for (let j = off[v]!; j < off[v + 1]!; j++) {
      const w = adj[j]!;
      if (mark[w] !== u) continue;
      common++;
      const d = off[w + 1]! - off[w]!;
      if (method === 'adamicAdar') sum += 1 / Math.log(d);
      else if (method === 'resourceAllocation') sum += 1 / d;
    }
    for (let j = off[u]!; j < off[u + 1]!; j++) mark[adj[j]!] = -1;
    if (method === 'commonNeighbors') return common;
    if (method === 'jaccard') {
      const union = off[u + 1]! - off[u]! + (off[v + 1]! - off[v]!) - common;
      return union === 0 ? 0 : common / union;
    }
    return sum;
  };
  const out: LinkScore[] = [];
  if (o.pairs !== undefined) {
    const pairs = arrayLike<unknown>(FN, 'options.pairs', o.pairs);
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i] as unknown;
      if (!Array.isArray(p) || p.length !== 2) throw new InvalidInputError(FN, `options.pairs[${i}] must be a [source, target] pair`, p);
      const u = nodeIndex(FN, `options.pairs[${i}][0]`, g, p[0]);
      const v = nodeIndex(FN, `options.pairs[${i}][1]`, g, p[1]);
      out.push({ source: g.keys[u]!, target: g.keys[v]!, score: score(u, v) });
    }
    return out;
  }
  const adjacent = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let j = off[u]!; j < off[u + 1]!; j++) adjacent[adj[j]!] = u;
    for (let v = u + 1; v < n; v++) if (adjacent[v] !== u) out.push({ source: g.keys[u]!, target: g.keys[v]!, score: score(u, v) });
  }
  return out;
}
