/**
 * Compiles a graphology graph into compressed sparse rows (typed arrays) for the kernels.
 *
 * @internal
 * @module
 */
import type { Attributes } from 'graphology-types';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import type { CGraph } from './_community.js';
import { escapeKey, hasEscapedKeys, unescapeKey } from './_keys.js';

/** The structural part of a graphology graph the kernels read (so any conforming implementation works). */
export interface GraphLike {
  readonly order: number;
  readonly size: number;
  readonly type: string;
  readonly multi: boolean;
  readonly directedSize: number;
  readonly undirectedSize: number;
  forEachNode(cb: (node: string, attributes: Attributes) => void): void;
  forEachEdge(
    cb: (edge: string, attributes: Attributes, source: string, target: string, sa: Attributes, ta: Attributes, undirected: boolean) => void,
  ): void;
  hasNode(node: unknown): boolean;
  setNodeAttribute(node: string, name: string, value: unknown): unknown;
  getAttribute?(name: string): unknown;
}

/**
 * How an edge's weight is read: the name of a numeric edge attribute (edges without it weigh 1),
 * a function of the edge's attributes, or `null` for every edge weighing 1.
 */
export type EdgeWeight = string | null | ((attributes: Attributes, source: string, target: string) => number);

/**
 * Node key → index. A null-prototype object inside rather than a `Map`: on graphology's string
 * keys its lookups are 1.5–2× faster, and compiling does two per edge.
 */
export class NodeIndex {
  private readonly ids: Record<string, number>;
  constructor(ids: Record<string, number>) {
    this.ids = ids;
  }
  /** The index of node `key`, or undefined when `key` is not a node. */
  get(key: string): number | undefined {
    return this.ids[key];
  }
}

/** A graph in CSR form. For undirected graphs the in-arrays are the out-arrays (symmetric). */
export interface CompiledGraph {
  readonly n: number;
  readonly directed: boolean;
  /**
   * Node names by index (graphology's node order): the graphology keys, mapped back to the account
   * names when the graph stores escaped keys (see `_keys.ts`). Results and user arguments use these.
   */
  readonly keys: string[];
  /** Node name (as in `keys`) → index. */
  readonly index: NodeIndex;
  /** graphology node key → index (the same as `index` unless keys are escaped); for keys read from graphology. */
  readonly keyIndex: NodeIndex;
  /**
   * The power of two the weights in the arrays were divided by (`scale` option; 1 when not scaled):
   * stored weight = edge weight / weightScale.
   */
  readonly weightScale: number;
  /** Number of edges of the graphology graph (self-loops and parallel edges included). */
  readonly edgeCount: number;
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  readonly inWeights: Float64Array;
  /** Summed weight of each node's self-loops (0 when none), whether or not they are in the arrays. */
  readonly loopWeight: Float64Array;
  /** Number of self-loop edges. */
  readonly loops: number;
  /** Whether self-loops are kept in the adjacency arrays. */
  readonly keepLoops: boolean;
  /** Every weight in the adjacency arrays is 1 (kernels may then skip reading them). */
  readonly unitWeights: boolean;
}

export interface CompileOptions {
  /** How to read weights; see {@link EdgeWeight}. */
  weight?: EdgeWeight;
  /** Keep self-loops in the adjacency arrays (pagerank, eigenvector); shortest-path kernels drop them. */
  keepLoops?: boolean;
  /** Require a non-empty graph. */
  nonEmpty?: boolean;
  /** Treat a directed graph as undirected (weights of u→v and v→u summed). */
  undirected?: boolean;
  /**
   * Weights are distances: each must be > 0 (a zero-length edge makes shortest paths ambiguous),
   * and parallel edges (and, with `undirected`, reciprocal arcs) merge to the shortest one instead
   * of summing (summing is right for strengths, wrong for lengths).
   */
  positive?: boolean;
  /**
   * The kernel is invariant to multiplying every weight by a constant (or rescales its output by
   * `weightScale`): when the largest weight is above 2^100 or below 2^-100 every weight is divided
   * by a power of two (exact) that brings the largest into [0.5, 2), so sums, squares and products
   * of weights neither overflow to Infinity/NaN nor underflow to 0. A positive weight that would
   * then be subnormal (weights spanning more than 2^1022) throws.
   */
  scale?: boolean;
}

/** Throws unless `graph` looks like a graphology graph. */
export function checkGraph(fn: string, graph: unknown): GraphLike {
  const g = graph as GraphLike | null;
  if (
    g === null ||
    typeof g !== 'object' ||
    typeof g.forEachEdge !== 'function' ||
    typeof g.forEachNode !== 'function' ||
    typeof g.order !== 'number'
  ) {
    throw new InvalidInputError(fn, 'graph must be a graphology Graph', graph);
  }
  return g;
}

/** Validates an `options.weight` value. */
export function checkWeightOption(fn: string, weight: unknown, name = 'options.weight'): EdgeWeight {
  if (weight === null || typeof weight === 'string' || typeof weight === 'function') return weight as EdgeWeight;
  throw new InvalidOptionError(fn, `${name} must be an edge attribute name, a function or null`, weight);
}

/** Compiles `graph` to CSR, validating weights (finite, ≥ 0) and the graph type. O(n + m) (O(m log m) for multigraphs). */
export function compile(fn: string, graphIn: unknown, opts: CompileOptions = {}): CompiledGraph {
  const graph = checkGraph(fn, graphIn);
  const weight = opts.weight ?? null;
  const keepLoops = opts.keepLoops ?? false;
  const positive = opts.positive ?? false;
  if (graph.type === 'mixed' && graph.directedSize > 0 && graph.undirectedSize > 0) {
    throw new InvalidInputError(
      fn,
      `graph must not mix directed and undirected edges (${graph.directedSize} directed, ${graph.undirectedSize} undirected); convert it first`,
      graph.type,
    );
  }
  const directedGraph = graph.type === 'directed' || (graph.type === 'mixed' && graph.directedSize > 0);
  const directed = directedGraph && opts.undirected !== true;
  const n = graph.order;
  if (opts.nonEmpty && n === 0) throw new InvalidInputError(fn, 'graph must have at least one node', 'an empty graph');
  const keys: string[] = new Array<string>(n);
  const ids: Record<string, number> = Object.create(null);
  let k = 0;
  graph.forEachNode((node) => {
    keys[k] = node;
    ids[node] = k;
    k++;
  });
  const keyIndex = new NodeIndex(ids);
  const index = hasEscapedKeys(graph) ? nameIndex(keys) : keyIndex;
  const m = graph.size;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wts = new Float64Array(m);
  const loopWeight = new Float64Array(n);
  let loops = 0;
  let e = 0;
  const bad = (w: unknown, source: string, target: string): never => {
    const what = positive ? 'a finite number > 0 (it is used as a distance)' : 'a finite number >= 0';
    throw new InvalidInputError(fn, `the weight of edge ${source} -> ${target} must be ${what}`, w);
  };
  // one callback per weight mode, so the unweighted pass reads no attributes and checks nothing
  // Edge lists usually come grouped by source (graphology iterates edges in insertion order), so
  // the source's index is reused while the source repeats: a string identity test instead of a lookup.
  let lastSource = '';
  let lastIndex = -1;
  if (weight === null) {
    graph.forEachEdge((_edge, _attr, source, target) => {
      let s = lastIndex;
      if (source !== lastSource) {
        s = lastIndex = ids[source]!;
        lastSource = source;
      }
      const t = ids[target]!;
      if (s === t) {
        loops++;
        loopWeight[s] = loopWeight[s]! + 1;
      }
      src[e] = s;
      dst[e] = t;
      e++;
    });
    wts.fill(1);
  } else {
    const attrName = typeof weight === 'string' ? weight : null;
    const read = typeof weight === 'function' ? weight : null;
    graph.forEachEdge((_edge, attr, source, target) => {
      let w: number;
      if (attrName !== null) {
        const v = attr[attrName] as number | undefined;
        w = v === undefined ? 1 : v;
      } else {
        w = read!(attr, source, target);
      }
      if (typeof w !== 'number' || !(w >= 0) || w === Infinity || (positive && w === 0)) bad(w, source, target);
      let s = lastIndex;
      if (source !== lastSource) {
        s = lastIndex = ids[source]!;
        lastSource = source;
      }
      const t = ids[target]!;
      if (s === t) {
        loops++;
        loopWeight[s] = loopWeight[s]! + w;
      }
      src[e] = s;
      dst[e] = t;
      wts[e] = w;
      e++;
    });
  }
  const weightScale = weight !== null && opts.scale === true ? scaleWeights(fn, wts, positive) : 1;
  if (weightScale !== 1) {
    // self-loop sums again from the scaled weights (the unscaled sums may have overflowed)
    loopWeight.fill(0);
    for (let i = 0; i < m; i++) if (src[i] === dst[i]) loopWeight[src[i]!] = loopWeight[src[i]!]! + wts[i]!;
  }
  const mergeNeeded = graph.multi || (directedGraph && !directed);
  // unweighted and nothing merged: all ones without looking
  const unitWeights = (w: Float64Array): boolean => {
    if (weight === null && !mergeNeeded) return true;
    for (let i = 0; i < w.length; i++) if (w[i] !== 1) return false;
    return true;
  };
  const build = (from: Int32Array, to: Int32Array, both: boolean): { off: Int32Array; adj: Int32Array; w: Float64Array } => {
    const off = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      const a = from[i]!;
      const b = to[i]!;
      if (a === b) {
        if (keepLoops) off[a + 1]!++;
        continue;
      }
      off[a + 1]!++;
      if (both) off[b + 1]!++;
    }
    for (let i = 0; i < n; i++) off[i + 1] = off[i + 1]! + off[i]!;
    const fill = off.slice(0, n);
    const adj = new Int32Array(off[n]!);
    const w = new Float64Array(off[n]!);
    for (let i = 0; i < m; i++) {
      const a = from[i]!;
      const b = to[i]!;
      if (a === b) {
        if (keepLoops) {
          const p = fill[a]!++;
          adj[p] = b;
          w[p] = wts[i]!;
        }
        continue;
      }
      let p = fill[a]!++;
      adj[p] = b;
      w[p] = wts[i]!;
      if (both) {
        p = fill[b]!++;
        adj[p] = a;
        w[p] = wts[i]!;
      }
    }
    return mergeNeeded ? merge(n, off, adj, w, positive) : { off, adj, w };
  };
  if (directed) {
    const out = build(src, dst, false);
    const inn = build(dst, src, false);
    return {
      n,
      directed,
      keys,
      index,
      keyIndex,
      weightScale,
      edgeCount: m,
      outOffsets: out.off,
      outTargets: out.adj,
      outWeights: out.w,
      inOffsets: inn.off,
      inSources: inn.adj,
      inWeights: inn.w,
      loopWeight,
      loops,
      keepLoops,
      unitWeights: unitWeights(out.w),
    };
  }
  const sym = build(src, dst, true);
  return {
    n,
    directed,
    keys,
    index,
    keyIndex,
    weightScale,
    edgeCount: m,
    outOffsets: sym.off,
    outTargets: sym.adj,
    outWeights: sym.w,
    inOffsets: sym.off,
    inSources: sym.adj,
    inWeights: sym.w,
    loopWeight,
    loops,
    keepLoops,
    unitWeights: unitWeights(sym.w),
  };
}

/**
 * Maps escaped graphology keys in `keys` (in place) to account names and returns name → index.
 * Only called for graphs that record escaped keys.
 */
function nameIndex(keys: string[]): NodeIndex {
  const ids: Record<string, number> = Object.create(null);
  for (let i = 0; i < keys.length; i++) {
    keys[i] = unescapeKey(keys[i]!);
    ids[keys[i]!] = i;
  }
  return new NodeIndex(ids);
}

const TWO_100 = 2 ** 100;
const MIN_NORMAL = 2 ** -1022;

/**
 * When the largest of `w` is above 2^100 or below 2^-100, divides every weight in place by the
 * power of two c that brings the largest into [0.5, 2) (exact) and returns c; else returns 1.
 * Throws when a positive weight would become subnormal (weights more than 2^1022 apart).
 */
export function scaleWeights(fn: string, w: Float64Array, positive: boolean): number {
  let max = 0;
  for (let i = 0; i < w.length; i++) if (w[i]! > max) max = w[i]!;
  let c = 1;
  if (max > TWO_100 || (max > 0 && max < 1 / TWO_100)) {
    let e = Math.floor(Math.log2(max));
    // Math.log2 may be off by one next to a power of two: settle 2^e <= max < 2^(e+1)
    if (2 ** e > max) e--;
    else if (e < 1023 && 2 ** (e + 1) <= max) e++;
    c = 2 ** Math.min(e + 1, 1023);
  }
  for (let i = 0; i < w.length; i++) {
    const x = c === 1 ? w[i]! : w[i]! / c;
    if (x < MIN_NORMAL && w[i]! > 0) {
      throw new InvalidInputError(
        fn,
        `edge ${positive ? 'lengths' : 'weights'} span more than 2^1022 (largest ${max}), beyond what double precision keeps apart; rescale them or drop the smallest`,
        w[i],
      );
    }
    w[i] = x;
  }
  return c;
}

/** Sorts each row and merges repeated targets, summing their weights (or keeping the smallest with `shortest`). */
function merge(
  n: number,
  off: Int32Array,
  adj: Int32Array,
  w: Float64Array,
  shortest: boolean,
): { off: Int32Array; adj: Int32Array; w: Float64Array } {
  const newOff = new Int32Array(n + 1);
  const outAdj = new Int32Array(adj.length);
  const outW = new Float64Array(adj.length);
  const order: number[] = [];
  let p = 0;
  for (let i = 0; i < n; i++) {
    order.length = 0;
    for (let j = off[i]!; j < off[i + 1]!; j++) order.push(j);
    order.sort((a, b) => adj[a]! - adj[b]!);
    let last = -1;
    for (const j of order) {
      const t = adj[j]!;
      if (t === last) {
        const x = w[j]!;
        const y = outW[p - 1]!;
        outW[p - 1] = shortest ? (x < y ? x : y) : y + x;
      } else {
        outAdj[p] = t;
        outW[p] = w[j]!;
        p++;
        last = t;
      }
    }
    newOff[i + 1] = p;
  }
  return { off: newOff, adj: outAdj.slice(0, p), w: outW.slice(0, p) };
}

/** A null-prototype object mapping each node key to its score. */
export function scoresObject(keys: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = Object.create(null);
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = values[i]!;
  return out;
}

/** Writes each node's score to the node attribute `attribute`. */
export function assignScores(graph: GraphLike, attribute: string, scores: Record<string, number>): void {
  const escaped = hasEscapedKeys(graph); // scores are keyed by account name: back to graphology keys
  for (const key in scores) graph.setNodeAttribute(escaped ? escapeKey(key) : key, attribute, scores[key]);
}

/** Validates an `attribute` option of an `assign` twin. */
export function checkAttribute(fn: string, attribute: unknown, fallback: string): string {
  if (attribute === undefined) return fallback;
  if (typeof attribute !== 'string' || attribute.length === 0) {
    throw new InvalidOptionError(fn, 'options.attribute must be a non-empty string', attribute);
  }
  return attribute;
}

/** Resolves a node key given in an option (a string, or a number written as its string form). */
export function nodeIndex(fn: string, name: string, g: CompiledGraph, key: unknown): number {
  const k = typeof key === 'number' ? String(key) : key;
  const i = typeof k === 'string' ? g.index.get(k) : undefined;
  if (i === undefined) throw new InvalidOptionError(fn, `${name} must be a node of the graph`, key);
  return i;
}

/**
 * The undirected weighted view that Louvain and Leiden work on, built straight from graphology in
 * one pass over the edges: each node's row is sized from graphology's own degree counter, self-loop
 * weights are kept apart (`loop`), and parallel or reciprocal edges stay separate arcs (the community
 * kernels sum arcs by community anyway). Degrees k_i = Σ_j w_ij + 2·loop_i and m = Σ k / 2.
 * Returns `null` when the graph has no `degreeWithoutSelfLoops`, or a weight is above 2^100 or below
 * 2^-100 (then use {@link compile} with `scale`).
 */
export function compileUndirectedView(
  fn: string,
  graphIn: unknown,
  weight: EdgeWeight,
): (CGraph & { keys: string[]; unit: boolean }) | null {
  const graph = checkGraph(fn, graphIn) as GraphLike & { degreeWithoutSelfLoops?: (node: string) => number };
  if (typeof graph.degreeWithoutSelfLoops !== 'function') return null;
  if (graph.type === 'mixed' && graph.directedSize > 0 && graph.undirectedSize > 0) {
    throw new InvalidInputError(
      fn,
      `graph must not mix directed and undirected edges (${graph.directedSize} directed, ${graph.undirectedSize} undirected); convert it first`,
      graph.type,
    );
  }
  const n = graph.order;
  if (n === 0) throw new InvalidInputError(fn, 'graph must have at least one node', 'an empty graph');
  const keys: string[] = new Array<string>(n);
  const ids: Record<string, number> = Object.create(null);
  const off = new Int32Array(n + 1);
  let i = 0;
  graph.forEachNode((node) => {
    keys[i] = node;
    ids[node] = i;
    off[i + 1] = off[i]! + graph.degreeWithoutSelfLoops!(node);
    i++;
  });
  const fill = off.slice(0, n);
  const nnz = off[n]!;
  const adj = new Int32Array(nnz);
  const w = new Float64Array(nnz);
  const loop = new Float64Array(n);
  const k = new Float64Array(n);
  const attrName = typeof weight === 'string' ? weight : null;
  const read = typeof weight === 'function' ? weight : null;
  let lastSource = '';
  let lastIndex = -1;
  let unit = true;
  let maxWeight = 0;
  let minWeight = Infinity;
  graph.forEachEdge((_edge, attr, source, target) => {
    let x = 1;
    // an absent weight attribute is 1 and needs no check; a weight function must return a number
    const v: unknown = attrName !== null ? attr[attrName] : read !== null ? read(attr, source, target) : undefined;
    if (v !== undefined || read !== null) {
      if (typeof v !== 'number' || !(v >= 0) || v === Infinity) {
        throw new InvalidInputError(fn, `the weight of edge ${source} -> ${target} must be a finite number >= 0`, v);
      }
      x = v;
      if (x !== 1) {
        unit = false;
        if (x > maxWeight) maxWeight = x;
        if (x > 0 && x < minWeight) minWeight = x;
      }
    }
    let s = lastIndex;
    if (source !== lastSource) {
      s = lastIndex = ids[source]!;
      lastSource = source;
    }
    const t = ids[target]!;
    if (s === t) {
      loop[s] = loop[s]! + x;
      k[s] = k[s]! + 2 * x;
      return;
    }
    let p = fill[s]!++;
    adj[p] = t;
    w[p] = x;
    p = fill[t]!++;
    adj[p] = s;
    w[p] = x;
    k[s] = k[s]! + x;
    k[t] = k[t]! + x;
  });
  // weights so large or small that sums or products of them leave the normal double range: the
  // caller falls back to compile(), which scales them by a power of two (or throws)
  if (maxWeight > 2 ** 100 || minWeight < 2 ** -100) return null;
  let total = 0;
  for (let j = 0; j < n; j++) {
    if (fill[j] !== off[j + 1]) return null; // degree counters disagree with the edges: not graphology
    total += k[j]!;
  }
  if (hasEscapedKeys(graph)) for (let j = 0; j < n; j++) keys[j] = unescapeKey(keys[j]!);
  return { keys, n, off, adj, w, loop, k, m: total / 2, unit };
}
