/**
 * Louvain community detection.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { createRandom } from '../core/random.js';
import { numberInRange } from '../core/validate.js';
import { aggregate, createScratch, leidenFastMove, modularityOf, relabel } from './_community.js';
import { checkOptions, finish, prepare, type CommunitiesResult, type CommunityOptions } from './_partition.js';

/** Options of {@link louvain}. */
export interface LouvainOptions extends CommunityOptions {
  /**
   * Stop adding levels when a level improves modularity by no more than this (networkx's `threshold`).
   * @defaultValue 1e-7
   */
  threshold?: number;
}

const FN = 'graph/louvain';

/**
 * Communities by the Louvain method: greedy local moving of nodes between communities, then
 * aggregation of each community into one node, repeated while modularity improves.
 *
 * @remarks
 * Maximizes Q = Σ_c [L_c/m − γ(K_c/2m)²]. Directed graphs are treated as undirected with the weights
 * of u→v and v→u summed. Each level moves nodes greedily from a queue (seeded random order; a node
 * that moves puts its neighbours in other communities back on the queue — the "fast local moving"
 * of Leiden and of graphology-communities-louvain; about 5× less CPU than full sweeps on
 * ego-Facebook, 130 → 25 ms, at equal modularity) until the queue is empty; a level that merges nothing ends the
 * run, and levels stop when Q improves by ≤ `threshold` (networkx's rule). Louvain can leave a community internally
 * disconnected; use {@link leiden} when that matters.
 *
 * Cost: O(m) per sweep, typically a few sweeps per level and O(log n) levels; O(n + m) memory.
 * @see networkx `louvain_communities(G, weight, resolution, threshold, seed)`; V. D. Blondel et al.,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. 2008.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge
 * kinds, or a weight is not a finite number ≥ 0
 * @throws {@link InvalidOptionError} on unknown options, resolution ≤ 0, a bad seed
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { louvain } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * for (const [a, b] of [['a', 'b'], ['b', 'c'], ['c', 'a'], ['x', 'y'], ['y', 'z'], ['z', 'x'], ['c', 'x']]) g.mergeEdge(a, b);
 * const r = louvain(g, { seed: 1 });
 * r.sizes; // => [3, 3]
 * r.communities.a === r.communities.b; // => true
 * r.modularity; // => 0.3571428571428571
 * ```
 * @category Communities
 */
export function louvain(graph: Graph, options?: LouvainOptions): CommunitiesResult {
  const o = checkOptions(FN, options, ['resolution', 'weight', 'seed', 'threshold']);
  const threshold = o.threshold === undefined ? 1e-7 : numberInRange(FN, 'options.threshold', o.threshold, { min: 0 });
  const { g, cg, gamma, seed } = prepare(FN, graph, o);
  const rng = createRandom(seed);
  const n = g.n;
  const node = new Int32Array(n);
  for (let i = 0; i < n; i++) node[i] = i;
  let level = cg;
  const scratch = createScratch(n);
  let q = modularityOf(cg, node, n, gamma);
  let levels = 0;
  for (;;) {
    const memb = new Int32Array(level.n);
    for (let i = 0; i < level.n; i++) memb[i] = i;
    const tot = Float64Array.from(level.k);
    leidenFastMove(level, memb, tot, { value: level.n }, gamma, rng, scratch);
    const count = relabel(memb);
    if (count === level.n) break;
    for (let i = 0; i < n; i++) node[i] = memb[node[i]!]!;
    levels++;
    const newQ = modularityOf(level, memb, count, gamma);
    if (newQ - q <= threshold) break;
    q = newQ;
    level = aggregate(level, memb, count);
  }
  const count = relabel(node);
  return finish(g, node, modularityOf(cg, node, count, gamma), levels);
}
