/**
 * Connected, weakly and strongly connected components on a compiled graph.
 *
 * @internal
 * @module
 */
import type { CompiledGraph } from './_compile.js';

/** Component label per node (0-based, in order of first node) and the number of components. */
export interface Components {
  label: Int32Array;
  count: number;
  sizes: number[];
}

/** Connected components of the undirected view (weak components of a directed graph). */
export function weakComponents(g: CompiledGraph): Components {
  const n = g.n;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = count;
    while (head < tail) {
      const v = queue[head++]!;
      for (let j = g.outOffsets[v]!; j < g.outOffsets[v + 1]!; j++) {
        const w = g.outTargets[j]!;
        if (label[w] === -1) {
          label[w] = count;
          queue[tail++] = w;
        }
      }
      if (g.directed) {
        for (let j = g.inOffsets[v]!; j < g.inOffsets[v + 1]!; j++) {
          const w = g.inSources[j]!;
          if (label[w] === -1) {
            label[w] = count;
            queue[tail++] = w;
          }
        }
      }
    }
    sizes.push(tail);
    count++;
  }
  return { label, count, sizes };
}

/** Strongly connected components (iterative Tarjan). On an undirected graph, the connected ones. */
export function strongComponents(g: CompiledGraph): Components {
  if (!g.directed) return weakComponents(g);
  const n = g.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const label = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  let sp = 0;
  let next = 0;
  let count = 0;
  const off = g.outOffsets;
  const adj = g.outTargets;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = off[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < off[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = adj[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = off[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          label[w] = count;
          size++;
        } while (w !== v);
        sizes.push(size);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { label, count, sizes };
}

/** Label of the largest component (the first one found on ties). */
export function largest(c: Components): number {
  let best = 0;
  for (let i = 1; i < c.count; i++) if (c.sizes[i]! > c.sizes[best]!) best = i;
  return best;
}
