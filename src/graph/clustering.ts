/**
 * Local clustering coefficient.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { assignScores, checkAttribute, compile, scoresObject } from './_compile.js';
import { directedClustering, undirectedClustering, undirectedTriangles } from './_clustering.js';

/** Options of `clustering.assign`. */
export interface ClusteringAssignOptions {
  /**
   * Node attribute that receives the coefficient.
   * @defaultValue 'clustering'
   */
  attribute?: string;
}

const FN = 'graph/clustering';

/**
 * Local clustering coefficient of every node: how close its neighbours are to a clique.
 *
 * @remarks
 * Undirected: c(v) = 2T(v) / (d(d − 1)) with T(v) the triangles through v; directed: Fagiolo's
 * definition T(v) / (2(d_tot(d_tot − 1) − 2d_↔)), as networkx `clustering`. Self-loops are ignored;
 * nodes of degree < 2 score 0. Missing from graphology-metrics.
 *
 * Cost: O(m·√m) undirected (degree-ordered triangle listing), O(Σ d²) directed; O(n + m) memory.
 * @see networkx `clustering(G)`; G. Fagiolo, "Clustering in complex directed networks", Phys. Rev. E
 * 76, 2007.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty or mixes edge kinds
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { clustering } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('c', 'a');
 * g.mergeEdge('c', 'd');
 * clustering(g); // => { a: 1, b: 1, c: 0.3333333333333333, d: 0 }
 * ```
 * @category Summary
 */
export function clustering(graph: Graph): Record<string, number> {
  return run(FN, graph);
}

/**
 * Computes {@link clustering} and writes it to each node's `attribute`.
 *
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { clustering } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * clustering.assign(g);
 * g.getNodeAttribute('a', 'clustering'); // => 0
 * ```
 */
clustering.assign = function assign(graph: Graph, options?: ClusteringAssignOptions): void {
  const fn = `${FN}.assign`;
  const o = checkOptions(fn, options, ['attribute']);
  assignScores(graph as never, checkAttribute(fn, o.attribute, 'clustering'), run(fn, graph));
};

function run(fn: string, graph: unknown): Record<string, number> {
  const g = compile(fn, graph, { nonEmpty: true });
  const c = g.directed ? directedClustering(g) : undirectedClustering(g, undirectedTriangles(g));
  return scoresObject(g.keys, c);
}
