/**
 * Kernels of Louvain and Leiden on an undirected weighted CSR graph with separate self-loop
 * weights. Conventions: k_i = Σ_j w_ij + 2·loop_i, 2m = Σ k_i,
 * Q = Σ_c [ L_c / m − γ (K_c / 2m)² ] (networkx's modularity).
 *
 * @internal
 * @module
 */
import { runSteps, type Steps } from '../core/_steps.js';
import type { Random } from '../core/random.js';
import type { CompiledGraph } from './_compile.js';

export interface CGraph {
  n: number;
  off: Int32Array;
  adj: Int32Array;
  w: Float64Array;
  loop: Float64Array;
  k: Float64Array;
  /** Total edge weight m (Σ k / 2). */
  m: number;
  /** Every arc weighs 1 (kernels may skip reading `w`). */
  unit?: boolean;
}

/** Builds the community graph from a symmetric compiled graph (loops kept in the arrays). */
export function fromCompiled(g: CompiledGraph): CGraph {
  const n = g.n;
  const off = new Int32Array(n + 1);
  const loop = new Float64Array(n);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    for (let j = g.outOffsets[i]!; j < g.outOffsets[i + 1]!; j++) {
      if (g.outTargets[j] === i) loop[i] = loop[i]! + g.outWeights[j]!;
      else nnz++;
    }
    off[i + 1] = nnz;
  }
  const adj = new Int32Array(nnz);
  const w = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = g.outOffsets[i]!; j < g.outOffsets[i + 1]!; j++) {
      if (g.outTargets[j] !== i) {
        adj[p] = g.outTargets[j]!;
        w[p++] = g.outWeights[j]!;
      }
    }
  }
  return withDegrees(n, off, adj, w, loop);
}

function withDegrees(n: number, off: Int32Array, adj: Int32Array, w: Float64Array, loop: Float64Array): CGraph {
  const k = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * loop[i]!;
    for (let j = off[i]!; j < off[i + 1]!; j++) s += w[j]!;
    k[i] = s;
    total += s;
  }
  return { n, off, adj, w, loop, k, m: total / 2 };
}

/** Modularity of a membership vector on `g`. */
export function modularityOf(g: CGraph, memb: Int32Array, count: number, gamma: number): number {
  if (g.m === 0) return 0;
  const inner = new Float64Array(count);
  const tot = new Float64Array(count);
  for (let i = 0; i < g.n; i++) {
    const c = memb[i]!;
    tot[c] = tot[c]! + g.k[i]!;
    let s = g.loop[i]!;
    for (let j = g.off[i]!; j < g.off[i + 1]!; j++) if (memb[g.adj[j]!] === c) s += g.w[j]! / 2;
    inner[c] = inner[c]! + s;
  }
  let q = 0;
  const m2 = 2 * g.m;
  for (let c = 0; c < count; c++) q += inner[c]! / g.m - gamma * (tot[c]! / m2) * (tot[c]! / m2);
  return q;
}

/** Scratch arrays for neighbour-community weights. */
export interface Scratch {
  weight: Float64Array;
  list: Int32Array;
  size: number;
}
export function createScratch(n: number): Scratch {
  return { weight: new Float64Array(n).fill(-1), list: new Int32Array(n), size: 0 };
}

function clearScratch(s: Scratch): void {
  for (let t = 0; t < s.size; t++) s.weight[s.list[t]!] = -1;
  s.size = 0;
}

/**
 * Leiden's fast local moving: a queue of nodes (random initial order); a node that moves puts its
 * neighbours outside its new community back on the queue. Moves into an empty community are allowed.
 * Returns the modularity gained (Σ over moves of (gain in the new community − gain in the old) / m).
 */
export function leidenFastMove(g: CGraph, memb: Int32Array, tot: Float64Array, count: { value: number }, gamma: number, rng: Random, s: Scratch): number {
  return runSteps(leidenFastMoveSteps(g, memb, tot, count, gamma, rng, s));
}

/** {@link leidenFastMove} as a kernel: yields every 4096 nodes taken from the queue (core/_steps). */
export function* leidenFastMoveSteps(g: CGraph, memb: Int32Array, tot: Float64Array, count: { value: number }, gamma: number, rng: Random, s: Scratch): Steps<number> {
  const { n, off, adj, w, k } = g;
  const unit = g.unit === true;
  const m2 = 2 * g.m;
  const weight = s.weight;
  const list = s.list;
  const queue = new Int32Array(n);
  const inQueue = new Uint8Array(n).fill(1);
  queue.set(rng.permutation(n));
  let head = 0;
  let len = n;
  // empty community ids available
  const sizes = new Int32Array(Math.max(count.value, n));
  for (let i = 0; i < n; i++) sizes[memb[i]!]!++;
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (sizes[c] === 0) empty.push(c);
  let gained = 0;
  let pops = 0;
  while (len > 0) {
    if ((++pops & 4095) === 0) yield;
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    len--;
    inQueue[i] = 0;
    const ci = memb[i]!;
    const ki = k[i]!;
    const start = off[i]!;
    const end = off[i + 1]!;
    const scale = (gamma * ki) / m2;
    // Fast path for a node whose neighbours are all in its own community (most nodes once the
    // partition is good): its only alternative is an empty community (gain 0), so it stays unless
    // its gain in its own community is negative. Same decision as the general path below, at a
    // fraction of its cost (no scratch map).
    let inner = 0;
    let scan = start;
    if (unit) {
      while (scan < end && memb[adj[scan]!] === ci) scan++;
      inner = scan - start;
    } else {
      for (; scan < end; scan++) {
        if (memb[adj[scan]!] !== ci) break;
        inner += w[scan]!;
      }
    }
    if (scan === end && (sizes[ci]! === 1 || empty.length === 0 || inner - scale * (tot[ci]! - ki) >= 0)) continue;
    // weight from i to each neighbouring community (weight[c] = -1 marks "not seen")
    let size = 0;
    for (let j = start; j < end; j++) {
      const c = memb[adj[j]!]!;
      const x = weight[c]!;
      const wj = unit ? 1 : w[j]!;
      if (x === -1) {
        weight[c] = wj;
        list[size++] = c;
      } else {
        weight[c] = x + wj;
      }
    }
    tot[ci] = tot[ci]! - ki;
    sizes[ci]!--;
    const own = weight[ci]! > 0 ? weight[ci]! : 0;
    let best = ci;
    const ownGain = own - scale * tot[ci]!;
    let bestGain = ownGain;
    for (let u = 0; u < size; u++) {
      const c = list[u]!;
      const x = weight[c]!;
      weight[c] = -1;
      if (c === ci) continue;
      const gain = x - scale * tot[c]!;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    // an empty community (gain 0) when i's own community is not empty without it
    if (sizes[ci]! > 0 && bestGain < 0 && empty.length > 0) {
      best = empty.pop()!;
      bestGain = 0;
    }
    tot[best] = tot[best]! + ki;
    if (sizes[ci] === 0 && best !== ci) empty.push(ci);
    sizes[best]!++;
    if (best !== ci) {
      gained += bestGain - ownGain;
      memb[i] = best;
      for (let j = start; j < end; j++) {
        const v = adj[j]!;
        if (inQueue[v] === 0 && memb[v] !== best) {
          inQueue[v] = 1;
          let p = head + len;
          if (p >= n) p -= n;
          queue[p] = v;
          len++;
        }
      }
    }
  }
  return g.m === 0 ? 0 : gained / g.m;
}

/**
 * Leiden refinement: inside each community of `memb`, merge singletons into well-connected
 * sub-communities (randomized with θ), so every refined community is connected.
 */
export function leidenRefine(g: CGraph, memb: Int32Array, tot: Float64Array, gamma: number, theta: number, rng: Random, s: Scratch): Int32Array {
  return runSteps(leidenRefineSteps(g, memb, tot, gamma, theta, rng, s));
}

/** {@link leidenRefine} as a kernel: yields every 4096 nodes (core/_steps). */
export function* leidenRefineSteps(g: CGraph, memb: Int32Array, tot: Float64Array, gamma: number, theta: number, rng: Random, s: Scratch): Steps<Int32Array> {
  const n = g.n;
  const m2 = 2 * g.m;
  const ref = new Int32Array(n);
  for (let i = 0; i < n; i++) ref[i] = i;
  const rtot = Float64Array.from(g.k);
  const singleton = new Uint8Array(n).fill(1);
  // external weight of each refined community towards the rest of its community: E(S, C − S)
  const ext = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let j = g.off[i]!; j < g.off[i + 1]!; j++) if (memb[g.adj[j]!] === memb[i]) e += g.w[j]!;
    ext[i] = e;
  }
  const order = rng.permutation(n);
  const cand: number[] = [];
  const gains: number[] = [];
  for (let t = 0; t < n; t++) {
    if ((t & 4095) === 4095) yield;
    const v = order[t]!;
    if (!singleton[v]) continue;
    const C = memb[v]!;
    const kv = g.k[v]!;
    // v well connected to C − v?
    if (ext[v]! < (gamma * kv * (tot[C]! - kv)) / m2) continue;
    // neighbouring refined communities inside C
    s.size = 0;
    for (let j = g.off[v]!; j < g.off[v + 1]!; j++) {
      const u = g.adj[j]!;
      if (memb[u] !== C) continue;
      const r = ref[u]!;
      if (s.weight[r] === -1) {
        s.weight[r] = 0;
        s.list[s.size++] = r;
      }
      s.weight[r] = s.weight[r]! + g.w[j]!;
    }
    const rv = ref[v]!;
    cand.length = 0;
    gains.length = 0;
    let maxGain = 0;
    for (let u = 0; u < s.size; u++) {
      const r = s.list[u]!;
      if (r === rv) continue;
      // sub-community well connected to C − S?
      if (ext[r]! < (gamma * rtot[r]! * (tot[C]! - rtot[r]!)) / m2) continue;
      const gain = s.weight[r]! - (gamma * kv * rtot[r]!) / m2;
      if (gain < 0) continue;
      cand.push(r);
      gains.push(gain);
      if (gain > maxGain) maxGain = gain;
    }
    if (cand.length > 0) {
      // choose r with probability ∝ exp(ΔQ / θ), ΔQ = gain / m in modularity units (Traag et al.)
      const scale = theta * g.m;
      let z = 0;
      for (let u = 0; u < cand.length; u++) {
        gains[u] = Math.exp((gains[u]! - maxGain) / scale);
        z += gains[u]!;
      }
      let x = rng.uniform() * z;
      let pick = cand.length - 1;
      for (let u = 0; u < cand.length; u++) {
        x -= gains[u]!;
        if (x < 0) {
          pick = u;
          break;
        }
      }
      const r = cand[pick]!;
      // move v into r: update ext of r (edges v–r become internal, v's other edges inside C external)
      const wvr = s.weight[r]!;
      ext[r] = ext[r]! + ext[v]! - 2 * wvr;
      rtot[r] = rtot[r]! + kv;
      rtot[rv] = rtot[rv]! - kv;
      ref[v] = r;
      singleton[r] = 0;
      singleton[v] = 0;
    }
    clearScratch(s);
  }
  return ref;
}

/** Renumbers labels (integers ≥ 0) 0..k−1 in order of first appearance; returns k. */
export function relabel(memb: Int32Array): number {
  let max = -1;
  for (let i = 0; i < memb.length; i++) if (memb[i]! > max) max = memb[i]!;
  const map = new Int32Array(max + 1).fill(-1);
  let count = 0;
  for (let i = 0; i < memb.length; i++) {
    const c = memb[i]!;
    let r = map[c]!;
    if (r === -1) r = map[c] = count++;
    memb[i] = r;
  }
  return count;
}

/** Aggregates `g` by the (relabelled, 0..count−1) membership `memb`. */
export function aggregate(g: CGraph, memb: Int32Array, count: number): CGraph {
  const { off: go, adj: ga, w: gw, loop: gl } = g;
  const unit = g.unit === true;
  // nodes of each community
  const cOff = new Int32Array(count + 1);
  for (let i = 0; i < g.n; i++) cOff[memb[i]! + 1]!++;
  for (let c = 0; c < count; c++) cOff[c + 1] = cOff[c + 1]! + cOff[c]!;
  const fill = cOff.slice(0, count);
  const nodes = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) nodes[fill[memb[i]!]!++] = i;
  const loop = new Float64Array(count);
  const off = new Int32Array(count + 1);
  // at most one arc per arc of g and per ordered pair of communities: fill, then trim
  const cap = Math.min(g.adj.length, count * (count - 1));
  const adj = new Int32Array(cap);
  const w = new Float64Array(cap);
  let nnz = 0;
  const acc = new Float64Array(count).fill(-1);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let nt = 0;
    let l = 0;
    for (let p = cOff[c]!; p < cOff[c + 1]!; p++) {
      const i = nodes[p]!;
      l += gl[i]!;
      const end = go[i + 1]!;
      for (let j = go[i]!; j < end; j++) {
        const d = memb[ga[j]!]!;
        const x = unit ? 1 : gw[j]!;
        if (d === c) {
          l += x / 2;
          continue;
        }
        const y = acc[d]!;
        if (y === -1) {
          acc[d] = x;
          touched[nt++] = d;
        } else {
          acc[d] = y + x;
        }
      }
    }
    loop[c] = l;
    for (let t = 0; t < nt; t++) {
      const d = touched[t]!;
      adj[nnz] = d;
      w[nnz++] = acc[d]!;
      acc[d] = -1;
    }
    off[c + 1] = nnz;
  }
  return withDegrees(count, off, adj.slice(0, nnz), w.slice(0, nnz), loop);
}

/** Splits every community of `memb` (on the original graph) into its connected components. */
export function splitDisconnected(g: CGraph, memb: Int32Array): number {
  const n = g.n;
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (out[s] !== -1) continue;
    const c = memb[s]!;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    out[s] = count;
    while (head < tail) {
      const v = queue[head++]!;
      for (let j = g.off[v]!; j < g.off[v + 1]!; j++) {
        const u = g.adj[j]!;
        if (out[u] === -1 && memb[u] === c) {
          out[u] = count;
          queue[tail++] = u;
        }
      }
    }
    count++;
  }
  memb.set(out);
  return count;
}
