/**
 * Burt's structural-hole measures.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import { checkWeightOption, compile, type EdgeWeight } from './_compile.js';

/** Options of {@link structuralHoles}. */
export interface StructuralHolesOptions {
  /** Tie strengths: an edge attribute name (missing → 1), a function, or `null` for 1. @defaultValue null */
  weight?: EdgeWeight;
}

/** Result of {@link structuralHoles}: both measures keyed by node (nodes without neighbours are absent). */
export interface StructuralHolesResult {
  /** Burt's constraint: low for brokers whose contacts are not tied to each other. */
  constraint: Record<string, number>;
  /** Burt's effective size: the number of contacts, less their redundancy. */
  effectiveSize: Record<string, number>;
}

const FN = 'graph/structuralHoles';

/**
 * Burt's constraint and effective size of every node: brokers across structural holes have low
 * constraint and an effective size close to their number of contacts.
 *
 * @remarks
 * With m(u, v) the mutual tie strength (w(u → v) + w(v → u); direction is ignored), p(u, v) =
 * m(u, v) / Σ_x m(u, x) and N(u) the contacts of u:
 * constraint c(u) = Σ_{v ∈ N(u)} (p(u, v) + Σ_{w ∈ N(u)} p(u, w) p(w, v))², effective size
 * E(u) = Σ_{v ∈ N(u)} (1 − Σ_{w ∈ N(u)} p(u, w) m(v, w) / max_x m(v, x)) — networkx's definitions
 * (unweighted undirected: E = n − 2t/n, Borgatti's form). Parallel edges add their weights;
 * self-loops are ignored; nodes without contacts are left out (networkx gives NaN). On directed
 * graphs networkx 2.8.8 also gives NaN to a node with in-arcs but no out-arcs (it tests successors
 * only); here such a node has both measures, from all its contacts, as networkx's formulas define them.
 * Cost O(Σ_u d(u)²).
 * @see networkx `constraint`, `effective_size`; R. Burt, "Structural Holes", 1992; S. Borgatti,
 * "Structural holes: unpacking Burt's redundancy measures", 1997.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge kinds,
 * or a weight is negative
 * @throws {@link InvalidOptionError} on unknown options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { structuralHoles } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('broker', 'a');
 * g.mergeEdge('broker', 'b');
 * g.mergeEdge('a', 'c');
 * const r = structuralHoles(g);
 * r.effectiveSize.broker; // => 2
 * r.constraint.broker; // => 0.5
 * ```
 * @category Centrality
 */
export function structuralHoles(graph: Graph, options?: StructuralHolesOptions): StructuralHolesResult {
  const o = checkOptions(FN, options, ['weight']);
  const weight = o.weight === undefined ? null : checkWeightOption(FN, o.weight);
  // symmetric view, reciprocal and parallel weights summed: m(u, v)
  const g = compile(FN, graph, { weight, undirected: true, nonEmpty: true, scale: true });
  const n = g.n;
  const { outOffsets: off, outTargets: adj, outWeights: m } = g;
  const total = new Float64Array(n);
  const maxW = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let j = off[u]!; j < off[u + 1]!; j++) {
      total[u] = total[u]! + m[j]!;
      if (m[j]! > maxW[u]!) maxW[u] = m[j]!;
    }
  }
  const pu = new Float64Array(n); // p(u, ·) over u's contacts
  const mark = new Int32Array(n).fill(-1); // mark[v] === u: v is a contact of u
  const indirect = new Float64Array(n);
  const constraint: Record<string, number> = Object.create(null);
  const effectiveSize: Record<string, number> = Object.create(null);
  for (let u = 0; u < n; u++) {
    const a = off[u]!;
    const b = off[u + 1]!;
    if (a === b) continue;
    for (let j = a; j < b; j++) {
      mark[adj[j]!] = u;
      pu[adj[j]!] = total[u]! > 0 ? m[j]! / total[u]! : 0;
    }
    let esize = 0;
    for (let j = a; j < b; j++) {
      const v = adj[j]!;
      // redundancy of contact v: Σ_{w ∈ N(u)} p(u, w) m(v, w) / max m(v, ·)
      let red = 0;
      if (maxW[v]! > 0) for (let k = off[v]!; k < off[v + 1]!; k++) if (mark[adj[k]!] === u) red += (pu[adj[k]!]! * m[k]!) / maxW[v]!;
      esize += 1 - red;
      // v passes p(u, v) p(v, x) on to each shared contact x
      if (total[v]! > 0) {
        const pv = pu[v]! / total[v]!;
        for (let k = off[v]!; k < off[v + 1]!; k++) {
          const x = adj[k]!;
          if (mark[x] === u) indirect[x] = indirect[x]! + pv * m[k]!;
        }
      }
    }
    let c = 0;
    for (let j = a; j < b; j++) {
      const v = adj[j]!;
      const x = pu[v]! + indirect[v]!;
      c += x * x;
      indirect[v] = 0;
    }
    constraint[g.keys[u]!] = c;
    effectiveSize[g.keys[u]!] = esize;
  }
  return { constraint, effectiveSize };
}
