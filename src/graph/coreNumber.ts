/**
 * k-core decomposition.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { compile, scoresObject } from './_compile.js';

const FN = 'graph/coreNumber';

/**
 * The core number of every node: the largest k such that the node belongs to a k-core (a maximal
 * subgraph in which every node has degree ≥ k). High-core accounts form the engaged centre of a
 * network; a dense block of equal high cores among new accounts can flag a coordinated (bot) ring.
 *
 * @remarks
 * Batagelj and Zaversnik's bucket algorithm, O(n + m). Degrees as networkx counts them: on directed
 * graphs in-degree + out-degree (a reciprocal pair counts twice), parallel edges each count,
 * self-loops are ignored (networkx refuses graphs with self-loops).
 * @see networkx `core_number`; V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores
 * decomposition of networks", 2003.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty or mixes edge kinds
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { coreNumber } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('c', 'a');
 * g.mergeEdge('c', 'd');
 * coreNumber(g); // => { a: 2, b: 2, c: 2, d: 1 }
 * ```
 * @category Structure
 */
export function coreNumber(graph: Graph, options?: Record<string, never>): Record<string, number> {
  checkOptions(FN, options, []);
  const g = compile(FN, graph, { nonEmpty: true }); // merged weights = edge multiplicities
  const n = g.n;
  const deg = new Int32Array(n);
  const lists: [Int32Array, Int32Array, Float64Array][] = [[g.outOffsets, g.outTargets, g.outWeights]];
  if (g.directed) lists.push([g.inOffsets, g.inSources, g.inWeights]);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    let d = 0;
    for (const [off, , w] of lists) for (let j = off[v]!; j < off[v + 1]!; j++) d += w[j]!;
    deg[v] = d;
    if (d > maxDeg) maxDeg = d;
  }
  // bucket sort by degree: pos[v] in vert, bin[d] = start of degree d
  const bin = new Int32Array(maxDeg + 2);
  for (let v = 0; v < n; v++) bin[deg[v]! + 1]!++;
  for (let d = 0; d <= maxDeg; d++) bin[d + 1] = bin[d + 1]! + bin[d]!;
  const vert = new Int32Array(n);
  const pos = new Int32Array(n);
  const fill = bin.slice();
  for (let v = 0; v < n; v++) {
    pos[v] = fill[deg[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (const [off, adj, w] of lists) {
      for (let j = off[v]!; j < off[v + 1]!; j++) {
        const u = adj[j]!;
        for (let times = w[j]!; times > 0 && deg[u]! > deg[v]!; times--) {
          // move u one bucket down: swap it with the first node of its bucket
          const du = deg[u]!;
          const pu = pos[u]!;
          const pw = bin[du]!;
          const x = vert[pw]!;
          if (u !== x) {
            vert[pu] = x;
            pos[x] = pu;
            vert[pw] = u;
            pos[u] = pw;
          }
          bin[du] = bin[du]! + 1;
          deg[u] = du - 1;
        }
      }
    }
  }
  return scoresObject(g.keys, deg);
}
