/**
 * Diffusion kernels shared by the cascade simulations, exact spread and influencer selection: a
 * CSR of arcs carrying activation probabilities (independent cascade) or influence weights (linear
 * threshold), and live-edge worlds drawn by a counter-based hash so world r is the same whichever
 * seed set is simulated in it (common random numbers: greedy and CELF then see one objective).
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import { checkGraph, NodeIndex, type EdgeWeight } from './_compile.js';
import { hasEscapedKeys, unescapeKey } from './_keys.js';

/** How independent-cascade activation probabilities are read. */
export type CascadeProbability = number | 'weightedCascade' | 'trivalency' | string | ((attributes: Record<string, unknown>, source: string, target: string) => number);

/** A diffusion model compiled to CSR: out-arcs (u influences v) and the same arcs seen from v. */
export interface DiffusionGraph {
  readonly n: number;
  readonly keys: string[];
  readonly index: NodeIndex;
  readonly model: 'ic' | 'lt';
  readonly outOff: Int32Array;
  readonly outAdj: Int32Array;
  /** IC: activation probability of the arc; LT: its influence weight b(u, v). */
  readonly outP: Float64Array;
  /** IC: the probability scaled to 2^32 (a coin shows heads when a uniform uint32 is below it). LT: start of the arc's slice of [0, 2^32) in its head's live-edge draw. */
  readonly outLo: Float64Array;
  /** LT only: end of the arc's slice (outLo + b·2^32). IC: unused (empty). */
  readonly outHi: Float64Array;
  readonly inOff: Int32Array;
  readonly inAdj: Int32Array;
  readonly inP: Float64Array;
  /** LT: each node's total incoming weight (≤ 1). */
  readonly inSum: Float64Array;
}

const TWO32 = 4294967296;

/** Murmur3's 32-bit finalizer: a bijection with full avalanche. */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The key of world `r` under `seed`. */
export function worldKey(seed: number, r: number): number {
  return fmix32(fmix32(seed ^ 0x5bd1e995) ^ Math.imul(r + 1, 0x9e3779b1));
}

/** A uniform uint32 for item `j` (an arc or a node) in the world with key `key`. */
export function coin(key: number, j: number): number {
  return fmix32(key ^ Math.imul(j + 0x27d4eb2f, 0x165667b1));
}

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

const TRIVALENCY = [0.1, 0.01, 0.001];

export interface BuildOptions {
  model: 'ic' | 'lt';
  /** IC only. */
  probability?: unknown;
  /** weightedCascade and LT weights. */
  weight?: EdgeWeight;
  /** LT: divide each node's incoming weights by their sum. */
  normalize?: boolean;
}

/**
 * Compiles `graph` for diffusion. Undirected edges act both ways; self-loops are dropped. Parallel
 * arcs merge: IC probabilities as independent attempts (1 − Π(1 − p)), weights by summing.
 */
export function buildDiffusion(fn: string, graphIn: unknown, opts: BuildOptions): DiffusionGraph {
  const graph = checkGraph(fn, graphIn);
  if (graph.type === 'mixed' && graph.directedSize > 0 && graph.undirectedSize > 0) {
    throw new InvalidInputError(fn, 'graph must not mix directed and undirected edges; convert it first', graph.type);
  }
  const n = graph.order;
  if (n === 0) throw new InvalidInputError(fn, 'graph must have at least one node', 'an empty graph');
  const keys: string[] = new Array<string>(n);
  const ids: Record<string, number> = Object.create(null);
  let k = 0;
  graph.forEachNode((node) => {
    keys[k] = node;
    ids[node] = k++;
  });
  // graphs that store escaped keys (see _keys.ts): names for results and arguments; `ids` stays on keys
  const byName = hasEscapedKeys(graph) ? nameIds(keys) : ids;
  const p = opts.probability;
  const ic = opts.model === 'ic';
  // value read per edge: 'p' probability (merge as independent attempts) or 'w' weight (merge by sum)
  let mode: 'const' | 'wc' | 'tri' | 'attr' | 'fn' | 'weight';
  let constP = 0;
  if (!ic) mode = 'weight';
  else if (typeof p === 'number') {
    if (!(p >= 0 && p <= 1)) throw new InvalidOptionError(fn, 'options.probability must be a number in [0, 1]', p);
    mode = 'const';
    constP = p;
  } else if (p === undefined || p === 'weightedCascade') mode = 'wc';
  else if (p === 'trivalency') mode = 'tri';
  else if (typeof p === 'string') mode = 'attr';
  else if (typeof p === 'function') mode = 'fn';
  else {
    throw new InvalidOptionError(
      fn,
      "options.probability must be a number in [0, 1], 'weightedCascade', 'trivalency', an edge attribute name or a function",
      p,
    );
  }
  const weight = opts.weight ?? null;
  if (!(weight === null || typeof weight === 'string' || typeof weight === 'function')) {
    throw new InvalidOptionError(fn, 'options.weight must be an edge attribute name, a function or null', weight);
  }
  const m = graph.size;
  const directed = graph.type === 'directed' || (graph.type === 'mixed' && graph.directedSize > 0);
  const cap = directed ? m : 2 * m;
  const src = new Int32Array(cap);
  const dst = new Int32Array(cap);
  const val = new Float64Array(cap);
  let a = 0;
  const readWeight = (attr: Record<string, unknown>, s: string, t: string): number => {
    if (weight === null) return 1;
    const w = typeof weight === 'string' ? (attr[weight] === undefined ? 1 : attr[weight]) : weight(attr, s, t);
    if (typeof w !== 'number' || !(w >= 0) || w === Infinity) {
      throw new InvalidInputError(fn, `the weight of edge ${s} -> ${t} must be a finite number >= 0`, w);
    }
    return w;
  };
  const readP = (edge: string, attr: Record<string, unknown>, s: string, t: string, rev: boolean): number => {
    let x: unknown;
    if (mode === 'const') return constP;
    if (mode === 'tri') return TRIVALENCY[stringHash(rev ? `${edge}\u0000r` : edge) % 3]!;
    if (mode === 'attr') x = attr[p as string];
    else x = (p as (a: Record<string, unknown>, s: string, t: string) => number)(attr, rev ? t : s, rev ? s : t);
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
      throw new InvalidInputError(fn, `the activation probability of edge ${s} -> ${t} must be a number in [0, 1]`, x);
    }
    return x;
  };
  const byWeight = mode === 'wc' || mode === 'weight';
  graph.forEachEdge((edge, attr, source, target, _sa, _ta, undirected) => {
    const s = ids[source]!;
    const t = ids[target]!;
    const w = byWeight ? readWeight(attr, source, target) : 0;
    if (s === t) {
      if (!byWeight) readP(edge, attr, source, target, false); // validated even though dropped
      return;
    }
    const forward = byWeight ? w : readP(edge, attr, source, target, false);
    src[a] = s;
    dst[a] = t;
    val[a++] = forward;
    if (undirected || !directed) {
      src[a] = t;
      dst[a] = s;
      val[a++] = mode === 'fn' || mode === 'tri' ? readP(edge, attr, source, target, true) : forward;
    }
  });
  // CSR by source, rows sorted by target, parallel arcs merged
  const off = new Int32Array(n + 1);
  for (let i = 0; i < a; i++) off[src[i]! + 1]!++;
  for (let i = 0; i < n; i++) off[i + 1] = off[i + 1]! + off[i]!;
  const fill = off.slice(0, n);
  const adj0 = new Int32Array(a);
  const val0 = new Float64Array(a);
  for (let i = 0; i < a; i++) {
    const q = fill[src[i]!]!++;
    adj0[q] = dst[i]!;
    val0[q] = val[i]!;
  }
  const outOff = new Int32Array(n + 1);
  const outAdj = new Int32Array(a);
  let outP = new Float64Array(a);
  const order: number[] = [];
  let q = 0;
  for (let i = 0; i < n; i++) {
    order.length = 0;
    for (let j = off[i]!; j < off[i + 1]!; j++) order.push(j);
    if (order.length > 1) order.sort((x, y) => adj0[x]! - adj0[y]!);
    let last = -1;
    for (const j of order) {
      const t = adj0[j]!;
      const v = val0[j]!;
      if (t === last) outP[q - 1] = byWeight ? outP[q - 1]! + v : 1 - (1 - outP[q - 1]!) * (1 - v);
      else {
        outAdj[q] = t;
        outP[q++] = v;
        last = t;
      }
    }
    outOff[i + 1] = q;
  }
  const nArcs = q;
  const adjOut = outAdj.slice(0, nArcs);
  outP = outP.slice(0, nArcs);
  // incoming sums (weights) for weighted cascade and LT
  const inSum = new Float64Array(n);
  if (byWeight) for (let j = 0; j < nArcs; j++) inSum[adjOut[j]!] = inSum[adjOut[j]!]! + outP[j]!;
  if (mode === 'wc' || (mode === 'weight' && opts.normalize !== false)) {
    for (let j = 0; j < nArcs; j++) {
      const s = inSum[adjOut[j]!]!;
      outP[j] = s > 0 ? outP[j]! / s : 0;
    }
    for (let v = 0; v < n; v++) inSum[v] = inSum[v]! > 0 ? 1 : 0;
  } else if (mode === 'weight') {
    for (let v = 0; v < n; v++) {
      if (inSum[v]! > 1 + 1e-9) {
        throw new InvalidInputError(fn, `the incoming weights of node ${keys[v]} must sum to at most 1 (or set options.normalize)`, inSum[v]);
      }
    }
  }
  // in-CSR (same arcs, grouped by head), with each out-arc's live-edge slice for LT
  const inOff = new Int32Array(n + 1);
  for (let j = 0; j < nArcs; j++) inOff[adjOut[j]! + 1]!++;
  for (let i = 0; i < n; i++) inOff[i + 1] = inOff[i + 1]! + inOff[i]!;
  const inFill = inOff.slice(0, n);
  const inAdj = new Int32Array(nArcs);
  const inP = new Float64Array(nArcs);
  const outLo = new Float64Array(nArcs);
  const outHi = ic ? new Float64Array(0) : new Float64Array(nArcs);
  const cum = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let j = outOff[u]!; j < outOff[u + 1]!; j++) {
      const v = adjOut[j]!;
      const r = inFill[v]!++;
      inAdj[r] = u;
      inP[r] = outP[j]!;
      if (ic) outLo[j] = outP[j]! * TWO32;
      else {
        outLo[j] = cum[v]! * TWO32;
        cum[v] = cum[v]! + outP[j]!;
        outHi[j] = cum[v]! * TWO32;
      }
    }
  }
  return { n, keys, index: new NodeIndex(byName), model: opts.model, outOff, outAdj: adjOut, outP, outLo, outHi, inOff, inAdj, inP, inSum };
}

/** Resolves a list of node keys (seeds, candidates, exclusions) to distinct indices. */
export function nodeList(fn: string, name: string, g: DiffusionGraph, list: unknown, minLength = 0): Int32Array {
  const arr = arrayLike<unknown>(fn, name, list, minLength);
  const out = new Int32Array(arr.length);
  const seen = new Uint8Array(g.n);
  const Err = name.startsWith('options.') ? InvalidOptionError : InvalidInputError;
  for (let i = 0; i < arr.length; i++) {
    const key = arr[i];
    const k = typeof key === 'number' ? String(key) : key;
    const v = typeof k === 'string' ? g.index.get(k) : undefined;
    if (v === undefined) throw new Err(fn, `${name}[${i}] must be a node of the graph`, key);
    if (seen[v]) throw new Err(fn, `${name}[${i}] repeats node ${k as string}`, key);
    seen[v] = 1;
    out[i] = v;
  }
  return out;
}

/**
 * Breadth-first spread in the live-edge world `key` from the nodes already queued in
 * `queue[0, tail)` (their `mark` set to `stamp`), stopping at marked nodes. Returns the new tail;
 * `queue[from, tail)` are the nodes reached. With `steps`, counts the newly reached nodes per
 * step (`steps[t]` += reached at hop t, seeds excluded).
 */
export function spreadWorld(
  g: DiffusionGraph,
  key: number,
  queue: Int32Array,
  head: number,
  tail: number,
  mark: Int32Array,
  stamp: number,
  steps: Float64Array | null,
  maxSteps: number,
): number {
  const { outOff, outAdj, outLo, outHi } = g;
  const ic = g.model === 'ic';
  let level = 0;
  while (head < tail && level < maxSteps) {
    const end = tail;
    level++;
    for (let i = head; i < end; i++) {
      const u = queue[i]!;
      const stop = outOff[u + 1]!;
      for (let j = outOff[u]!; j < stop; j++) {
        const v = outAdj[j]!;
        if (mark[v] === stamp) continue;
        if (ic) {
          if (coin(key, j) >= outLo[j]!) continue;
        } else {
          const x = coin(key, v);
          if (x < outLo[j]! || x >= outHi[j]!) continue;
        }
        mark[v] = stamp;
        queue[tail++] = v;
      }
    }
    if (steps !== null) steps[level] = steps[level]! + (tail - end);
    head = end;
  }
  return tail;
}

/** Maps escaped graphology keys in `keys` (in place) to account names; returns name → index. */
function nameIds(keys: string[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  for (let i = 0; i < keys.length; i++) {
    keys[i] = unescapeKey(keys[i]!);
    out[keys[i]!] = i;
  }
  return out;
}
