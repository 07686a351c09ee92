/**
 * Single-source shortest paths on a compiled graph: BFS (unweighted) and Dijkstra with an indexed
 * binary heap on typed arrays (weighted). One workspace is reused for every source, and only the
 * nodes the previous search touched are reset, so a search costs O(reached nodes + arcs).
 *
 * @internal
 * @module
 */
import type { CompiledGraph } from './_compile.js';

/** Reusable per-search arrays. */
export interface PathWorkspace {
  /** Distance from the source (Dijkstra); Infinity when unreached. */
  readonly dist: Float64Array;
  /** Hop distance from the source (BFS); −1 when unreached. */
  readonly hops: Int32Array;
  /** Number of shortest paths from the source (a double: never wraps, exact below 2^53). */
  readonly sigma: Float64Array;
  /** Reached nodes in non-decreasing distance order (the source first). */
  readonly order: Int32Array;
  /** How many entries of `order` are valid. */
  count: number;
  /** Heap storage for Dijkstra. */
  readonly heap: Int32Array;
  /** Position of each node in `heap`, −1 when absent. */
  readonly pos: Int32Array;
}

export function createWorkspace(n: number): PathWorkspace {
  const dist = new Float64Array(n).fill(Infinity);
  const pos = new Int32Array(n).fill(-1);
  const hops = new Int32Array(n).fill(-1);
  return { dist, hops, sigma: new Float64Array(n), order: new Int32Array(n), count: 0, heap: new Int32Array(n), pos };
}

function reset(ws: PathWorkspace): void {
  const { dist, hops, sigma, order } = ws;
  for (let i = 0; i < ws.count; i++) {
    const v = order[i]!;
    dist[v] = Infinity;
    hops[v] = -1;
    sigma[v] = 0;
  }
  ws.count = 0;
}

/**
 * Breadth-first search from `s` along out-arcs (`reverse` false) or in-arcs (`reverse` true),
 * filling `hops` (not `dist`) and, with `countPaths`, the shortest-path counts `sigma`.
 *
 * Direction-optimizing (Beamer, Asanović and Patterson, SC 2012): when the frontier's arcs
 * outnumber the unexplored arcs (÷ 14 when only distances are needed, since a bottom-up scan can
 * stop at the first parent), a level is expanded bottom-up: every unreached node looks for a parent
 * in the frontier. Levels are still appended to `order` in BFS order.
 */
export function bfs(g: CompiledGraph, s: number, reverse: boolean, ws: PathWorkspace, countPaths = true): void {
  reset(ws);
  const off = reverse ? g.inOffsets : g.outOffsets;
  const adj = reverse ? g.inSources : g.outTargets;
  const boff = reverse ? g.outOffsets : g.inOffsets;
  const badj = reverse ? g.outTargets : g.inSources;
  const n = g.n;
  const { hops, sigma, order } = ws;
  hops[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  let level = 0;
  let unexplored = adj.length - (off[s + 1]! - off[s]!);
  const alpha = countPaths ? 1 : 14;
  while (head < tail) {
    let frontierArcs = 0;
    for (let i = head; i < tail; i++) {
      const v = order[i]!;
      frontierArcs += off[v + 1]! - off[v]!;
    }
    const next = level + 1;
    let newTail = tail;
    if (frontierArcs * alpha > unexplored) {
      // bottom-up
      for (let w = 0; w < n; w++) {
        if (hops[w]! >= 0) continue;
        const end = boff[w + 1]!;
        let found = false;
        if (countPaths) {
          let sw = 0;
          for (let j = boff[w]!; j < end; j++) {
            const v = badj[j]!;
            if (hops[v] === level) sw += sigma[v]!;
          }
          if (sw > 0) {
            sigma[w] = sw;
            found = true;
          }
        } else {
          for (let j = boff[w]!; j < end; j++) {
            if (hops[badj[j]!] === level) {
              found = true;
              break;
            }
          }
        }
        if (found) {
          order[newTail++] = w;
          unexplored -= off[w + 1]! - off[w]!;
        }
      }
      for (let i = tail; i < newTail; i++) hops[order[i]!] = next;
    } else if (countPaths) {
      for (let i = head; i < tail; i++) {
        const v = order[i]!;
        const sv = sigma[v]!;
        const end = off[v + 1]!;
        for (let j = off[v]!; j < end; j++) {
          const w = adj[j]!;
          const dw = hops[w]!;
          if (dw < 0) {
            hops[w] = next;
            sigma[w] = sv;
            order[newTail++] = w;
            unexplored -= off[w + 1]! - off[w]!;
          } else if (dw === next) {
            sigma[w] = sigma[w]! + sv;
          }
        }
      }
    } else {
      for (let i = head; i < tail; i++) {
        const v = order[i]!;
        const end = off[v + 1]!;
        for (let j = off[v]!; j < end; j++) {
          const w = adj[j]!;
          if (hops[w]! < 0) {
            hops[w] = next;
            order[newTail++] = w;
            unexplored -= off[w + 1]! - off[w]!;
          }
        }
      }
    }
    head = tail;
    tail = newTail;
    level = next;
  }
  ws.count = tail;
}

/**
 * Dijkstra from `s` along out-arcs or in-arcs with positive weights as lengths, counting shortest
 * paths (ties by exact floating-point equality of the summed lengths, as networkx does).
 */
export function dijkstra(g: CompiledGraph, s: number, reverse: boolean, ws: PathWorkspace): void {
  reset(ws);
  const off = reverse ? g.inOffsets : g.outOffsets;
  const adj = reverse ? g.inSources : g.outTargets;
  const wt = reverse ? g.inWeights : g.outWeights;
  const { dist, sigma, order, heap, pos } = ws;
  let size = 0;
  let count = 0;
  dist[s] = 0;
  sigma[s] = 1;
  heap[0] = s;
  pos[s] = 0;
  size = 1;
  while (size > 0) {
    // pop the minimum
    const v: number = heap[0]!;
    pos[v] = -2; // settled
    size--;
    if (size > 0) {
      const last = heap[size]!;
      siftDown(heap, pos, dist, size, last, 0);
    }
    order[count++] = v;
    const dv = dist[v]!;
    const sv = sigma[v]!;
    const end = off[v + 1]!;
    for (let j: number = off[v]!; j < end; j++) {
      const w = adj[j]!;
      const pw = pos[w]!;
      if (pw === -2) continue;
      const nd = dv + wt[j]!;
      const dw = dist[w]!;
      if (nd < dw) {
        dist[w] = nd;
        sigma[w] = sv;
        if (pw === -1) {
          siftUp(heap, pos, dist, w, size);
          size++;
        } else {
          siftUp(heap, pos, dist, w, pw);
        }
      } else if (nd === dw) {
        sigma[w] = sigma[w]! + sv;
      }
    }
  }
  // settled nodes have pos −2; restore −1 for the next search
  for (let i = 0; i < count; i++) pos[order[i]!] = -1;
  ws.count = count;
}

function siftUp(heap: Int32Array, pos: Int32Array, key: Float64Array, node: number, at: number): void {
  const k = key[node]!;
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (key[p]! <= k) break;
    heap[i] = p;
    pos[p] = i;
    i = parent;
  }
  heap[i] = node;
  pos[node] = i;
}

function siftDown(heap: Int32Array, pos: Int32Array, key: Float64Array, size: number, node: number, at: number): void {
  const k = key[node]!;
  let i = at;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    const r = c + 1;
    if (r < size && key[heap[r]!]! < key[heap[c]!]!) c = r;
    const hc = heap[c]!;
    if (key[hc]! >= k) break;
    heap[i] = hc;
    pos[hc] = i;
    i = c;
  }
  heap[i] = node;
  pos[node] = i;
}

/** Arcs of a shortest-path DAG (tail → head), in the order the BFS found them. */
export interface Dag {
  readonly tail: Int32Array;
  readonly head: Int32Array;
  size: number;
}

export function createDag(g: CompiledGraph): Dag {
  return { tail: new Int32Array(g.outTargets.length), head: new Int32Array(g.outTargets.length), size: 0 };
}

/**
 * BFS from `s` along out-arcs counting shortest paths (`sigma`) and recording every arc of the
 * shortest-path DAG in `dag`, level by level, so Brandes' accumulation is one backward sweep over
 * the recorded arcs (no predecessor lists, no second scan of the adjacency). Direction-optimizing
 * like {@link bfs}: a level with more frontier arcs than unexplored arcs is expanded bottom-up.
 */
export function brandesBfs(g: CompiledGraph, s: number, ws: PathWorkspace, dag: Dag): void {
  reset(ws);
  const off = g.outOffsets;
  const adj = g.outTargets;
  const boff = g.inOffsets;
  const badj = g.inSources;
  const n = g.n;
  const { hops, sigma, order } = ws;
  const { tail: dt, head: dh } = dag;
  let ne = 0;
  hops[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  let level = 0;
  let unexplored = adj.length - (off[s + 1]! - off[s]!);
  while (head < tail) {
    let frontierArcs = 0;
    for (let i = head; i < tail; i++) {
      const v = order[i]!;
      frontierArcs += off[v + 1]! - off[v]!;
    }
    const next = level + 1;
    let newTail = tail;
    if (frontierArcs > unexplored) {
      for (let w = 0; w < n; w++) {
        if (hops[w]! >= 0) continue;
        const end = boff[w + 1]!;
        let sw = 0;
        for (let j = boff[w]!; j < end; j++) {
          const v = badj[j]!;
          if (hops[v] === level) {
            sw += sigma[v]!;
            dt[ne] = v;
            dh[ne++] = w;
          }
        }
        if (sw > 0) {
          sigma[w] = sw;
          order[newTail++] = w;
          unexplored -= off[w + 1]! - off[w]!;
        }
      }
      for (let i = tail; i < newTail; i++) hops[order[i]!] = next;
    } else {
      for (let i = head; i < tail; i++) {
        const v = order[i]!;
        const sv = sigma[v]!;
        const end = off[v + 1]!;
        for (let j = off[v]!; j < end; j++) {
          const w = adj[j]!;
          const dw = hops[w]!;
          if (dw < 0) {
            hops[w] = next;
            sigma[w] = sv;
            order[newTail++] = w;
            unexplored -= off[w + 1]! - off[w]!;
            dt[ne] = v;
            dh[ne++] = w;
          } else if (dw === next) {
            sigma[w] = sigma[w]! + sv;
            dt[ne] = v;
            dh[ne++] = w;
          }
        }
      }
    }
    head = tail;
    tail = newTail;
    level = next;
  }
  ws.count = tail;
  dag.size = ne;
}
