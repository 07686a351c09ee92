/**
 * Influence-maximization kernels: lazy greedy over fixed live-edge worlds (CELF, CELF++, plain
 * greedy), reverse-reachable sets with greedy maximum coverage (IMM), degree discount, and the
 * evaluation of a seed sequence in independent worlds.
 *
 * @internal
 * @module
 */
import { runSteps, type Steps } from '../core/_steps.js';
import type { TaskControl } from '../core/progress.js';
import type { Random } from '../core/random.js';
import { coin, spreadWorld, worldKey, type DiffusionGraph } from './_diffusion.js';

const TWO32 = 4294967296;

/**
 * Coverage state over `R` fixed live-edge worlds: bit (r, v) is set when node v is reached by the
 * chosen seeds in world r. Gains are integer counts summed over worlds, so lazy and plain greedy
 * compare exactly the same numbers.
 */
export class Worlds {
  readonly R: number;
  private readonly g: DiffusionGraph;
  private readonly keys: Int32Array;
  private readonly words: number;
  private readonly bits: Uint32Array;
  private readonly mark: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(g: DiffusionGraph, R: number, seed: number) {
    this.g = g;
    this.R = R;
    this.keys = new Int32Array(R);
    for (let r = 0; r < R; r++) this.keys[r] = worldKey(seed, r) | 0;
    this.words = (g.n + 31) >>> 5;
    this.bits = new Uint32Array(R * this.words);
    this.mark = new Int32Array(g.n).fill(-1);
    this.queue = new Int32Array(g.n);
  }

  /**
   * Nodes newly reached from `u` in world r, summed over worlds. With `first` ≥ 0, the nodes `first`
   * would reach are treated as covered too (CELF++'s gain with respect to S ∪ {first}). With
   * `commit`, the reached nodes become covered.
   */
  gain(u: number, first: number, commit: boolean): number {
    let total = 0;
    for (let r = 0; r < this.R; r++) {
      const s = ++this.stamp;
      if (first >= 0) this.bfs(r, first, s, false);
      total += this.bfs(r, u, s, commit);
    }
    return total;
  }

  private bfs(r: number, from: number, stamp: number, commit: boolean): number {
    const { g, mark, queue, bits } = this;
    const base = r * this.words;
    if (mark[from] === stamp || (bits[base + (from >>> 5)]! >>> (from & 31)) & 1) return 0;
    const key = this.keys[r]! >>> 0;
    const { outOff, outAdj, outLo, outHi } = g;
    const ic = g.model === 'ic';
    mark[from] = stamp;
    queue[0] = from;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const x = queue[head]!;
      const stop = outOff[x + 1]!;
      for (let j = outOff[x]!; j < stop; j++) {
        const v = outAdj[j]!;
        if (mark[v] === stamp) continue;
        if (ic) {
          if (coin(key, j) >= outLo[j]!) continue;
        } else {
          const c = coin(key, v);
          if (c < outLo[j]! || c >= outHi[j]!) continue;
        }
        if ((bits[base + (v >>> 5)]! >>> (v & 31)) & 1) continue;
        mark[v] = stamp;
        queue[tail++] = v;
      }
    }
    if (commit) {
      for (let i = 0; i < tail; i++) {
        const v = queue[i]!;
        const wi = base + (v >>> 5);
        bits[wi] = bits[wi]! | (1 << (v & 31));
      }
    }
    return tail;
  }
}

/** Which nodes may be chosen, their costs, and the limits. */
export interface Selection {
  k: number;
  allowed: Uint8Array;
  /** Per-node cost (all 1 without costs). */
  cost: Float64Array;
  budget: number;
  /** Whether real costs were given (then both greedy rules run and the better one wins). */
  costAware: boolean;
}

/** A chosen sequence with the objective's gains (objective units: summed counts or coverage). */
export interface Picked {
  nodes: number[];
  gains: number[];
}

/**
 * Greedy on the fixed worlds: plain (every candidate re-evaluated each round), CELF (lazy
 * re-evaluation) or CELF++ (also the gain with respect to S ∪ {current best}). Ties go to the
 * smaller node index, so the three agree exactly. With costs, the benefit/cost rule and the plain
 * benefit rule both run under the budget and the better set wins (Leskovec et al. 2007).
 */
export function lazyGreedy(
  g: DiffusionGraph,
  R: number,
  seed: number,
  sel: Selection,
  variant: 'greedy' | 'celf' | 'celf++',
  task: TaskControl,
): Picked & { evaluations: number } {
  return runSteps(lazyGreedySteps(g, R, seed, sel, variant, task));
}

/** {@link lazyGreedy} as a kernel: yields at every gain evaluation round (core/_steps). */
export function* lazyGreedySteps(
  g: DiffusionGraph,
  R: number,
  seed: number,
  sel: Selection,
  variant: 'greedy' | 'celf' | 'celf++',
  task: TaskControl,
): Steps<Picked & { evaluations: number }> {
  const run = function* (ratio: boolean): Steps<Picked & { evaluations: number; value: number }> {
    const w = new Worlds(g, R, seed);
    const r = variant === 'greedy' ? yield* plainGreedy(w, g.n, sel, ratio, task) : yield* celf(w, g.n, sel, ratio, variant === 'celf++', task);
    let value = 0;
    for (const x of r.gains) value += x;
    return { ...r, value };
  };
  const a = yield* run(false);
  if (!sel.costAware) return a;
  const b = yield* run(true);
  return b.value > a.value ? { ...b, evaluations: a.evaluations + b.evaluations } : { ...a, evaluations: a.evaluations + b.evaluations };
}

function* plainGreedy(w: Worlds, n: number, sel: Selection, ratio: boolean, task: TaskControl): Steps<Picked & { evaluations: number }> {
  const chosen = new Uint8Array(n);
  const nodes: number[] = [];
  const gains: number[] = [];
  let spent = 0;
  let evaluations = 0;
  while (nodes.length < sel.k) {
    let best = -1;
    let bestScore = -1;
    let bestGain = 0;
    for (let v = 0; v < n; v++) {
      if (!sel.allowed[v] || chosen[v] || spent + sel.cost[v]! > sel.budget) continue;
      yield;
      const gv = w.gain(v, -1, false);
      evaluations++;
      const score = ratio ? gv / sel.cost[v]! : gv;
      if (score > bestScore) {
        bestScore = score;
        best = v;
        bestGain = gv;
      }
    }
    if (best < 0) break;
    w.gain(best, -1, true);
    chosen[best] = 1;
    spent += sel.cost[best]!;
    nodes.push(best);
    gains.push(bestGain);
    task.checkpoint(nodes.length, sel.k, 'greedy');
  }
  return { nodes, gains, evaluations };
}

/** A binary max-heap of node indices ordered by (score desc, index asc). */
class Heap {
  readonly items: number[] = [];
  constructor(private readonly score: Float64Array) {}
  private before(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    return sa > sb || (sa === sb && a < b);
  }
  push(v: number): void {
    const h = this.items;
    h.push(v);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(v, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = v;
  }
  pop(): number {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= h.length) break;
        if (c + 1 < h.length && this.before(h[c + 1]!, h[c]!)) c++;
        if (!this.before(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function* celf(w: Worlds, n: number, sel: Selection, ratio: boolean, plus: boolean, task: TaskControl): Steps<Picked & { evaluations: number }> {
  const mg1 = new Float64Array(n);
  const mg2 = new Float64Array(n);
  const prevBest = new Int32Array(n).fill(-1);
  const round = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  const heap = new Heap(score);
  const nodes: number[] = [];
  const gains: number[] = [];
  let spent = 0;
  let evaluations = 0;
  let curBest = -1;
  let curBestScore = -Infinity;
  const scoreOf = (v: number, x: number): number => (ratio ? x / sel.cost[v]! : x);
  for (let v = 0; v < n; v++) {
    if (!sel.allowed[v] || sel.cost[v]! > sel.budget) continue;
    yield;
    mg1[v] = w.gain(v, -1, false);
    evaluations++;
    if (plus && curBest >= 0) {
      mg2[v] = w.gain(v, curBest, false);
      prevBest[v] = curBest;
    }
    round[v] = 0;
    score[v] = scoreOf(v, mg1[v]!);
    if (score[v]! > curBestScore || (score[v] === curBestScore && v < curBest)) {
      curBestScore = score[v]!;
      curBest = v;
    }
    heap.push(v);
    if ((v & 255) === 255) task.checkpoint(0, sel.k, 'first round');
  }
  let last = -1;
  curBest = -1;
  curBestScore = -Infinity;
  while (nodes.length < sel.k && heap.items.length > 0) {
    yield;
    const u = heap.pop();
    if (spent + sel.cost[u]! > sel.budget) continue; // never affordable again
    const r = nodes.length;
    if (round[u] === r) {
      w.gain(u, -1, true);
      nodes.push(u);
      gains.push(mg1[u]!);
      spent += sel.cost[u]!;
      last = u;
      curBest = -1;
      curBestScore = -Infinity;
      task.checkpoint(nodes.length, sel.k, 'selection');
      continue;
    }
    if (plus && prevBest[u] === last && last >= 0 && round[u] === r - 1) {
      mg1[u] = mg2[u]!;
    } else {
      mg1[u] = w.gain(u, -1, false);
      evaluations++;
      if (plus && curBest >= 0) {
        mg2[u] = w.gain(u, curBest, false);
        evaluations++;
        prevBest[u] = curBest;
      }
    }
    round[u] = r;
    score[u] = scoreOf(u, mg1[u]!);
    if (score[u]! > curBestScore || (score[u] === curBestScore && u < curBest)) {
      curBestScore = score[u]!;
      curBest = u;
    }
    heap.push(u);
  }
  return { nodes, gains, evaluations };
}

/** Reverse-reachable sets in CSR-like growable storage. */
export class RRSets {
  count = 0;
  size = 0;
  off: Int32Array = new Int32Array(1024);
  nodes: Int32Array = new Int32Array(4096);
  private readonly mark: Int32Array;
  private readonly inThr: Float64Array;
  private readonly inHi: Float64Array;
  /** The probability (IC) or weight (LT) shared by all of a node's in-arcs, or −1 when they differ. */
  private readonly same: Float64Array;
  constructor(private readonly g: DiffusionGraph) {
    this.mark = new Int32Array(g.n).fill(-1);
    const { inOff, inP, n } = g;
    this.inThr = new Float64Array(inP.length);
    this.inHi = new Float64Array(inP.length);
    this.same = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      let c = 0;
      const first = inOff[v]! < inOff[v + 1]! ? inP[inOff[v]!]! : 0;
      let same = first;
      for (let r = inOff[v]!; r < inOff[v + 1]!; r++) {
        this.inThr[r] = inP[r]! * TWO32;
        c += inP[r]!;
        this.inHi[r] = c * TWO32;
        if (inP[r] !== first) same = -1;
      }
      this.same[v] = same;
    }
  }

  /** {@link RRSets.extend} as a kernel: yields every 256 sets (core/_steps); the sampling loop stays in `extend`. */
  *extendSteps(target: number, rng: Random, task: TaskControl): Steps<void> {
    while (this.count < target) {
      this.extend(Math.min(target, this.count + 256), rng, task, target);
      yield;
    }
  }

  /** Adds random RR sets until there are `target` (`total`: the target reported to `onProgress`). */
  extend(target: number, rng: Random, task: TaskControl, total = target): void {
    const { g, mark, inThr, inHi, same } = this;
    const { inOff, inAdj, n } = g;
    const ic = g.model === 'ic';
    while (this.count < target) {
      if (this.count + 2 > this.off.length) {
        const o = new Int32Array(this.off.length * 2);
        o.set(this.off);
        this.off = o;
      }
      const id = this.count;
      const root = rng.int(n);
      let start = this.size;
      this.push(root);
      mark[root] = id;
      if (ic) {
        for (let h = start; h < this.size; h++) {
          const v = this.nodes[h]!;
          const end = inOff[v + 1]!;
          const p = same[v]!;
          if (p > 0 && p < 1 && end - inOff[v]! > 4) {
            // every in-arc has probability p: jump straight to the next live arc (geometric gaps),
            // O(1 + p·degree) instead of one draw per arc (weighted cascade: about one live arc)
            const scale = 1 / Math.log1p(-p);
            let r = inOff[v]! - 1;
            for (;;) {
              r += 1 + Math.floor(Math.log(1 - rng.uniform()) * scale);
              if (r >= end) break;
              const u = inAdj[r]!;
              if (mark[u] === id) continue;
              mark[u] = id;
              this.push(u);
            }
            continue;
          }
          for (let r = inOff[v]!; r < end; r++) {
            const u = inAdj[r]!;
            if (mark[u] === id) continue;
            if (rng.nextUint32() >= inThr[r]!) continue;
            mark[u] = id;
            this.push(u);
          }
        }
      } else {
        // LT: a reverse random walk, each node picking at most one in-neighbour
        let v = root;
        for (;;) {
          const x = rng.nextUint32();
          const end = inOff[v + 1]!;
          let u = -1;
          const b = same[v]!;
          if (b > 0) {
            // equal weights: the chosen arc is an index, no scan
            const r = inOff[v]! + Math.floor(x / (b * TWO32));
            if (r < end && x < inHi[r]!) u = inAdj[r]!;
            else if (r < end && r + 1 < end && x < inHi[r + 1]!) u = inAdj[r + 1]!; // rounding at a boundary
          } else {
            for (let r = inOff[v]!; r < end; r++) {
              if (x < inHi[r]!) {
                u = inAdj[r]!;
                break;
              }
            }
          }
          if (u < 0 || mark[u] === id) break;
          mark[u] = id;
          this.push(u);
          v = u;
        }
      }
      start = this.size;
      this.count++;
      this.off[this.count] = start;
      if ((this.count & 4095) === 0) task.checkpoint(this.count, total, 'sampling RR sets');
    }
  }

  private push(v: number): void {
    if (this.size === this.nodes.length) {
      const a = new Int32Array(this.nodes.length * 2);
      a.set(this.nodes);
      this.nodes = a;
    }
    this.nodes[this.size++] = v;
  }

  /** Clears the sets (the storage is kept). */
  clear(): void {
    this.count = 0;
    this.size = 0;
    this.mark.fill(-1);
  }
}

/**
 * Greedy maximum coverage of the RR sets (IMM's NodeSelection). Returns the chosen nodes with the
 * number of newly covered sets for each. With costs, the benefit/cost and plain rules both run and
 * the better coverage wins.
 */
export function nodeSelection(rr: RRSets, n: number, sel: Selection): Picked & { covered: number } {
  // inverted index: node → sets containing it
  const cnt = new Int32Array(n + 1);
  for (let i = 0; i < rr.size; i++) cnt[rr.nodes[i]! + 1]!++;
  for (let v = 0; v < n; v++) cnt[v + 1] = cnt[v + 1]! + cnt[v]!;
  const fill = cnt.slice(0, n);
  const sets = new Int32Array(rr.size);
  for (let s = 0; s < rr.count; s++) for (let i = rr.off[s]!; i < rr.off[s + 1]!; i++) sets[fill[rr.nodes[i]!]!++] = s;
  const run = (ratio: boolean): Picked & { covered: number } => {
    const deg = new Float64Array(n);
    for (let v = 0; v < n; v++) deg[v] = cnt[v + 1]! - cnt[v]!;
    const done = new Uint8Array(rr.count);
    const chosen = new Uint8Array(n);
    const nodes: number[] = [];
    const gains: number[] = [];
    let covered = 0;
    let spent = 0;
    while (nodes.length < sel.k) {
      let best = -1;
      let bestScore = -1;
      for (let v = 0; v < n; v++) {
        if (!sel.allowed[v] || chosen[v] || spent + sel.cost[v]! > sel.budget) continue;
        const s = ratio ? deg[v]! / sel.cost[v]! : deg[v]!;
        if (s > bestScore) {
          bestScore = s;
          best = v;
        }
      }
      if (best < 0) break;
      chosen[best] = 1;
      spent += sel.cost[best]!;
      nodes.push(best);
      gains.push(deg[best]!);
      covered += deg[best]!;
      for (let i = cnt[best]!; i < cnt[best + 1]!; i++) {
        const s = sets[i]!;
        if (done[s]) continue;
        done[s] = 1;
        for (let j = rr.off[s]!; j < rr.off[s + 1]!; j++) deg[rr.nodes[j]!]!--;
      }
    }
    return { nodes, gains, covered };
  };
  const a = run(false);
  if (!sel.costAware) return a;
  const b = run(true);
  return b.covered > a.covered ? b : a;
}

/** Degree discount (Chen, Wang and Yang 2009) with propagation probability `p`. */
export function degreeDiscount(g: DiffusionGraph, sel: Selection, p: number): Picked {
  const n = g.n;
  const d = new Float64Array(n);
  const t = new Float64Array(n);
  const dd = new Float64Array(n);
  for (let v = 0; v < n; v++) dd[v] = d[v] = g.outOff[v + 1]! - g.outOff[v]!;
  const chosen = new Uint8Array(n);
  const nodes: number[] = [];
  const gains: number[] = [];
  let spent = 0;
  while (nodes.length < sel.k) {
    let best = -1;
    let bestScore = -Infinity;
    for (let v = 0; v < n; v++) {
      if (!sel.allowed[v] || chosen[v] || spent + sel.cost[v]! > sel.budget) continue;
      const s = sel.costAware ? dd[v]! / sel.cost[v]! : dd[v]!;
      if (s > bestScore) {
        bestScore = s;
        best = v;
      }
    }
    if (best < 0) break;
    chosen[best] = 1;
    spent += sel.cost[best]!;
    nodes.push(best);
    gains.push(dd[best]!);
    for (let j = g.outOff[best]!; j < g.outOff[best + 1]!; j++) {
      const v = g.outAdj[j]!;
      if (chosen[v]) continue;
      t[v] = t[v]! + 1;
      dd[v] = d[v]! - 2 * t[v]! - (d[v]! - t[v]!) * t[v]! * p;
    }
  }
  return { nodes, gains };
}

/** Top nodes by PageRank of the reversed influence graph (α = 0.85, arcs weighted by probability). */
export function influenceRank(g: DiffusionGraph): Float64Array {
  const n = g.n;
  const { inOff, inP, outOff, outAdj, outP } = g;
  // reversed graph: v → u for each arc u → v, weight p(u, v), normalized over v's in-arcs
  const inTotal = new Float64Array(n);
  for (let v = 0; v < n; v++) for (let r = inOff[v]!; r < inOff[v + 1]!; r++) inTotal[v] = inTotal[v]! + inP[r]!;
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  for (let it = 0; it < 200; it++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (inTotal[v] === 0) dangling += x[v]!;
    let err = 0;
    for (let u = 0; u < n; u++) {
      let acc = 0;
      for (let j = outOff[u]!; j < outOff[u + 1]!; j++) {
        const v = outAdj[j]!;
        acc += (x[v]! * outP[j]!) / inTotal[v]!;
      }
      const val = 0.85 * (acc + dangling / n) + 0.15 / n;
      y[u] = val;
      err += Math.abs(val - x[u]!);
    }
    const tmp = x;
    x = y;
    y = tmp;
    if (err < n * 1e-10) break;
  }
  return x;
}

/**
 * Spread of the seed sequence in `R` independent worlds: the marginal gain of each seed in order
 * and the per-world total's mean and standard error.
 */
export function evaluateSequence(g: DiffusionGraph, seeds: readonly number[], R: number, seed: number, task: TaskControl): { gains: number[]; mean: number; standardError: number } {
  return runSteps(evaluateSequenceSteps(g, seeds, R, seed, task));
}

/** {@link evaluateSequence} as a kernel: yields every 64 worlds, or sooner once 16,384 nodes were reached (core/_steps). */
export function* evaluateSequenceSteps(g: DiffusionGraph, seeds: readonly number[], R: number, seed: number, task: TaskControl): Steps<{ gains: number[]; mean: number; standardError: number }> {
  const n = g.n;
  const mark = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const gains = new Float64Array(seeds.length);
  let sum = 0;
  let sumSq = 0;
  let reached = 0;
  for (let r = 0; r < R; r++) {
    const key = worldKey(seed, r);
    let tail = 0;
    for (let i = 0; i < seeds.length; i++) {
      const s = seeds[i]!;
      if (mark[s] === r) continue;
      const start = tail;
      mark[s] = r;
      queue[tail++] = s;
      tail = spreadWorld(g, key, queue, start, tail, mark, r, null, Infinity);
      gains[i] = gains[i]! + (tail - start);
    }
    sum += tail;
    sumSq += tail * tail;
    if ((r & 63) === 63) task.checkpoint(r + 1, R, 'evaluation');
    reached += tail;
    if ((r & 63) === 63 || reached >= 16384) {
      reached = 0;
      yield;
    }
  }
  const mean = sum / R;
  const variance = R > 1 ? Math.max(0, (sumSq - R * mean * mean) / (R - 1)) : 0;
  return { gains: Array.from(gains, (x) => x / R), mean, standardError: Math.sqrt(variance / R) };
}
