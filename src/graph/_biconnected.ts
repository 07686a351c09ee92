/**
 * Bridges and articulation points of an undirected compiled graph: one iterative depth-first search
 * with Hopcroft–Tarjan low points.
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';
import type { CompiledGraph } from './_compile.js';

/** Arcs (as endpoint index pairs) that are bridges, and a flag per node for articulation points. */
export function biconnected(fn: string, g: CompiledGraph): { bridges: [number, number][]; cut: Uint8Array } {
  if (g.directed) throw new InvalidInputError(fn, 'graph must be undirected (use an undirected view of a directed graph)', 'a directed graph');
  const n = g.n;
  const off = g.outOffsets;
  const adj = g.outTargets;
  const mult = g.outWeights; // merged unit weights: the number of parallel edges
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const cut = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let rootChildren = 0;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = off[root]!;
    disc[root] = low[root] = time++;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < off[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = adj[e]!;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          if (v === root) rootChildren++;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = off[w]!;
        } else if ((w !== parent[v] || mult[e]! > 1) && disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
        if (low[v]! > disc[u]!) {
          // the tree edge u–v is a bridge unless it is doubled
          let single = true;
          for (let j = off[u]!; j < off[u + 1]!; j++) if (adj[j] === v) single = mult[j] === 1;
          if (single) bridges.push([u, v]);
        }
        if (u !== root && low[v]! >= disc[u]!) cut[u] = 1;
      }
    }
    if (rootChildren > 1) cut[root] = 1;
  }
  return { bridges, cut };
}
