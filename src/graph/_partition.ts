/**
 * Shared options and result of the community detectors.
 *
 * @internal
 * @module
 */
import { numberInRange, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { checkWeightOption, compile, compileUndirectedView, type EdgeWeight } from './_compile.js';
import { fromCompiled, type CGraph } from './_community.js';

/** Result of a community detection. */
export interface CommunitiesResult {
  /** Community of each node by key (0 = largest community; a null-prototype object). */
  communities: Record<string, number>;
  /** Number of communities. */
  count: number;
  /** Size of each community, largest first (index = community id). */
  sizes: number[];
  /** Modularity of the partition (on the undirected view for directed graphs), at the given resolution. */
  modularity: number;
  /** Levels of the first run (Louvain) or Leiden iterations run. */
  iterations: number;
}

/** Options shared by louvain and leiden. */
export interface CommunityOptions {
  /**
   * Resolution γ of modularity: above 1 favours smaller communities, below 1 larger ones.
   * @defaultValue 1
   */
  resolution?: number;
  /**
   * Edge weights: an attribute name (missing → 1), a function, or `null` (networkx's default is
   * `'weight'`).
   * @defaultValue 'weight'
   */
  weight?: EdgeWeight;
  /**
   * Seed of the random node orders: the same seed gives the same partition.
   * @defaultValue 0
   */
  seed?: number;
}

export interface Prepared {
  /** Node keys by index. */
  g: { readonly keys: string[]; readonly n: number };
  cg: CGraph;
  gamma: number;
  seed: number;
}

export function prepare(fn: string, graph: unknown, o: CommunityOptions): Prepared {
  const gamma = o.resolution === undefined ? 1 : numberInRange(fn, 'options.resolution', o.resolution, { min: 0, minExclusive: true });
  const weight = o.weight === undefined ? 'weight' : checkWeightOption(fn, o.weight);
  const seed = checkSeed(fn, o.seed);
  const view = compileUndirectedView(fn, graph, weight);
  if (view !== null) {
    const { keys, n, off, adj, w, loop, k, m, unit } = view;
    return { g: { keys, n }, cg: { n, off, adj, w, loop, k, m, unit }, gamma, seed };
  }
  const g = compile(fn, graph, { weight, keepLoops: true, undirected: true, nonEmpty: true, scale: true });
  return { g, cg: fromCompiled(g), gamma, seed };
}

export { checkOptions };

/** Numbers communities by decreasing size (ties: smallest first node) and builds the result. */
export function finish(g: { readonly keys: string[]; readonly n: number }, memb: Int32Array, modularity: number, iterations: number): CommunitiesResult {
  const n = g.n;
  // labels are integers in [0, n): count sizes and first nodes in typed arrays
  let max = -1;
  for (let i = 0; i < n; i++) if (memb[i]! > max) max = memb[i]!;
  const size = new Int32Array(max + 1);
  const first = new Int32Array(max + 1).fill(-1);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = memb[i]!;
    if (first[c] === -1) {
      first[c] = i;
      labels.push(c);
    }
    size[c]!++;
  }
  labels.sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(max + 1);
  labels.forEach((c, i) => (rank[c] = i));
  const communities: Record<string, number> = Object.create(null);
  for (let i = 0; i < n; i++) communities[g.keys[i]!] = rank[memb[i]!]!;
  return { communities, count: labels.length, sizes: labels.map((c) => size[c]!), modularity, iterations };
}
