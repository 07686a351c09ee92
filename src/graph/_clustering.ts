/**
 * Triangle counts and clustering coefficients on compiled graphs (self-loops excluded).
 *
 * @internal
 * @module
 */
import type { CompiledGraph } from './_compile.js';

/**
 * Undirected: triangles through each node, by the degree-ordered "forward" algorithm
 * (O(m·√m) time, O(n) extra memory). `g` must be undirected (symmetric) without self-loops.
 */
export function undirectedTriangles(g: CompiledGraph): Float64Array {
  const n = g.n;
  const off = g.outOffsets;
  const adj = g.outTargets;
  // rank nodes by (degree, index)
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const deg = (v: number): number => off[v + 1]! - off[v]!;
  order.sort((a, b) => deg(a) - deg(b) || a - b);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]!] = i;
  // forward adjacency: neighbours of higher rank
  const fOff = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    let c = 0;
    for (let j = off[v]!; j < off[v + 1]!; j++) if (rank[adj[j]!]! > rank[v]!) c++;
    fOff[v + 1] = fOff[v]! + c;
  }
  const fAdj = new Int32Array(fOff[n]!);
  for (let v = 0; v < n; v++) {
    let p = fOff[v]!;
    for (let j = off[v]!; j < off[v + 1]!; j++) if (rank[adj[j]!]! > rank[v]!) fAdj[p++] = adj[j]!;
  }
  const tri = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const end = fOff[u + 1]!;
    for (let j = fOff[u]!; j < end; j++) mark[fAdj[j]!] = u;
    for (let j = fOff[u]!; j < end; j++) {
      const v = fAdj[j]!;
      const vend = fOff[v + 1]!;
      for (let k = fOff[v]!; k < vend; k++) {
        const w = fAdj[k]!;
        if (mark[w] === u) {
          tri[u] = tri[u]! + 1;
          tri[v] = tri[v]! + 1;
          tri[w] = tri[w]! + 1;
        }
      }
    }
  }
  return tri;
}

/** Undirected clustering per node: 2·T(v) / (d(d − 1)), 0 when d < 2 or T = 0. */
export function undirectedClustering(g: CompiledGraph, tri: Float64Array): Float64Array {
  const c = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    const d = g.outOffsets[v + 1]! - g.outOffsets[v]!;
    const t = 2 * tri[v]!;
    c[v] = t === 0 ? 0 : t / (d * (d - 1));
  }
  return c;
}

/**
 * Directed clustering per node (Fagiolo 2007, as networkx): T(v) / (2·(d_tot(d_tot − 1) − 2 d_↔)),
 * with T the number of directed triangles. O(Σ_v Σ_{u∈N(v)} d(u)) time. `g` directed, no loops.
 */
export function directedClustering(g: CompiledGraph): Float64Array {
  const n = g.n;
  const mark = new Uint8Array(n);
  const c = new Float64Array(n);
  const { outOffsets: oo, outTargets: ot, inOffsets: io, inSources: is } = g;
  for (let v = 0; v < n; v++) {
    for (let j = io[v]!; j < io[v + 1]!; j++) mark[is[j]!]! |= 1;
    for (let j = oo[v]!; j < oo[v + 1]!; j++) mark[ot[j]!]! |= 2;
    const dIn = io[v + 1]! - io[v]!;
    const dOut = oo[v + 1]! - oo[v]!;
    let bi = 0;
    for (let j = oo[v]!; j < oo[v + 1]!; j++) if (mark[ot[j]!] === 3) bi++;
    let t = 0;
    const count = (u: number): number => {
      let s = 0;
      for (let k = io[u]!; k < io[u + 1]!; k++) {
        const m = mark[is[k]!]!;
        s += (m & 1) + (m >> 1);
      }
      for (let k = oo[u]!; k < oo[u + 1]!; k++) {
        const m = mark[ot[k]!]!;
        s += (m & 1) + (m >> 1);
      }
      return s;
    };
    for (let j = io[v]!; j < io[v + 1]!; j++) t += count(is[j]!);
    for (let j = oo[v]!; j < oo[v + 1]!; j++) t += count(ot[j]!);
    for (let j = io[v]!; j < io[v + 1]!; j++) mark[is[j]!] = 0;
    for (let j = oo[v]!; j < oo[v + 1]!; j++) mark[ot[j]!] = 0;
    const dt = dIn + dOut;
    c[v] = t === 0 ? 0 : t / ((dt * (dt - 1) - 2 * bi) * 2);
  }
  return c;
}
