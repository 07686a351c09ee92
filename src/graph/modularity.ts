/**
 * Modularity of a partition (networkx semantics).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { numberInRange, options as checkOptions } from '../core/validate.js';
import { checkGraph, checkWeightOption, compile, type EdgeWeight, type NodeIndex } from './_compile.js';

/** A partition: community label by node key (object or Map), or a list of communities (arrays of node keys). */
export type Partition =
  | Readonly<Record<string, number | string>>
  | ReadonlyMap<string, number | string>
  | readonly (readonly string[])[];

/** Options of {@link modularity}. */
export interface ModularityOptions {
  /**
   * Resolution γ.
   * @defaultValue 1
   */
  resolution?: number;
  /**
   * Edge weights: an attribute name (missing → 1), a function, or `null` (networkx's default is `'weight'`).
   * @defaultValue 'weight'
   */
  weight?: EdgeWeight;
}

const FN = 'graph/modularity';

/**
 * Newman–Girvan modularity of a partition of the nodes.
 *
 * @remarks
 * Undirected: Q = Σ_c [L_c/m − γ(K_c/2m)²] with L_c the weight of edges inside c, K_c the summed
 * weighted degrees (a self-loop adds 2w) and m the total weight. Directed (Leicht–Newman):
 * Q = Σ_c [L_c/m − γ K_c^out K_c^in / m²]. Exactly networkx's `modularity`. Cost O(n + m).
 * @see networkx `community.modularity(G, communities, weight, resolution)`; M. E. J. Newman, "Networks:
 * An Introduction", 2010, §7.7.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, has no edge
 * weight, or a weight is not a finite number ≥ 0
 * @throws {@link InvalidOptionError} when the partition misses a node, names a node twice or an
 * unknown node
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { modularity } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * for (const [a, b] of [['a', 'b'], ['b', 'c'], ['c', 'a'], ['x', 'y'], ['y', 'z'], ['z', 'x'], ['c', 'x']]) g.mergeEdge(a, b);
 * modularity(g, [['a', 'b', 'c'], ['x', 'y', 'z']]); // => 0.35714285714285715
 * modularity(g, { a: 0, b: 0, c: 0, x: 1, y: 1, z: 1 }); // => 0.35714285714285715
 * ```
 * @category Communities
 */
export function modularity(graph: Graph, partition: Partition, options?: ModularityOptions): number {
  const o = checkOptions(FN, options, ['resolution', 'weight']);
  const gamma = o.resolution === undefined ? 1 : numberInRange(FN, 'options.resolution', o.resolution, { min: 0 });
  const weight = o.weight === undefined ? 'weight' : checkWeightOption(FN, o.weight);
  const g = compile(FN, graph, { weight, keepLoops: true, nonEmpty: true, scale: true });
  const memb = membership(g.keys, g.index, partition);
  const n = g.n;
  const kOut = new Float64Array(n);
  const kIn = new Float64Array(n);
  const inner = new Map<number, number>();
  let total = 0;
  checkGraph(FN, graph).forEachEdge((_e, attr, s, t) => {
    const raw = typeof weight === 'string' ? ((attr[weight] as number | undefined) ?? 1) : typeof weight === 'function' ? weight(attr, s, t) : 1;
    // the same power-of-two scaling compile applied to extreme weights (Q is scale-invariant)
    const w = g.weightScale === 1 ? raw : raw / g.weightScale;
    const i = g.keyIndex.get(s)!;
    const j = g.keyIndex.get(t)!;
    kOut[i] = kOut[i]! + w;
    kIn[j] = kIn[j]! + w;
    total += w;
    if (memb[i] === memb[j]) inner.set(memb[i]!, (inner.get(memb[i]!) ?? 0) + w);
  });
  if (total === 0) throw new InvalidInputError(FN, 'graph must have a positive total edge weight', total);
  const labels = new Set(memb);
  const outSum = new Map<number, number>();
  const inSum = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = memb[i]!;
    const ko = g.directed ? kOut[i]! : kOut[i]! + kIn[i]!;
    const ki = g.directed ? kIn[i]! : ko;
    outSum.set(c, (outSum.get(c) ?? 0) + ko);
    inSum.set(c, (inSum.get(c) ?? 0) + ki);
  }
  const m = total;
  const norm = g.directed ? 1 / (m * m) : 1 / (4 * m * m);
  let q = 0;
  for (const c of labels) q += (inner.get(c) ?? 0) / m - gamma * outSum.get(c)! * inSum.get(c)! * norm;
  return q;
}

/** Dense community ids from any accepted partition form; every node exactly once. */
export function membership(keys: readonly string[], index: NodeIndex, partition: unknown): Int32Array {
  const n = keys.length;
  const memb = new Int32Array(n).fill(-1);
  const ids = new Map<unknown, number>();
  const put = (key: unknown, label: unknown): void => {
    const i = typeof key === 'string' ? index.get(key) : undefined;
    if (i === undefined) throw new InvalidOptionError(FN, 'partition names a node that is not in the graph', key);
    if (memb[i] !== -1) throw new InvalidOptionError(FN, 'partition names a node twice', key);
    if (!(typeof label === 'number' || typeof label === 'string')) {
      throw new InvalidOptionError(FN, `partition label of node ${String(key)} must be a number or string`, label);
    }
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
    }
    memb[i] = id;
  };
  if (Array.isArray(partition)) {
    partition.forEach((community, c) => {
      if (!Array.isArray(community)) throw new InvalidOptionError(FN, `partition[${c}] must be an array of node keys`, community);
      for (const key of community) put(key, c);
    });
  } else if (partition instanceof Map) {
    for (const [key, label] of partition) put(key, label);
  } else if (partition !== null && typeof partition === 'object') {
    for (const key of Object.keys(partition)) put(key, (partition as Record<string, unknown>)[key]);
  } else {
    throw new InvalidOptionError(FN, 'partition must be an object, a Map or an array of communities', partition);
  }
  for (let i = 0; i < n; i++) if (memb[i] === -1) throw new InvalidOptionError(FN, 'partition must assign every node', keys[i]);
  return memb;
}
