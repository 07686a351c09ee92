/** Test helpers: normalized mutual information (arithmetic mean, as scikit-learn's default) and connectivity. */
import type Graph from 'graphology';

export function nmi(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ca = new Map<number, number>();
  const cb = new Map<number, number>();
  const cab = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
    const k = `${a[i]}|${b[i]}`;
    cab.set(k, (cab.get(k) ?? 0) + 1);
  }
  const h = (m: Map<number, number>): number => [...m.values()].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [k, c] of cab) {
    const [x, y] = k.split('|').map(Number);
    mi += (c / n) * Math.log((c * n) / (ca.get(x!)! * cb.get(y!)!));
  }
  const ha = h(ca);
  const hb = h(cb);
  return ha + hb === 0 ? 1 : mi / ((ha + hb) / 2);
}

/** Whether every community induces a connected subgraph (edges taken as undirected). */
export function isConnectedCommunity(g: Graph, communities: Record<string, number>): boolean {
  const seen = new Set<string>();
  const done = new Set<number>();
  for (const start of g.nodes()) {
    const c = communities[start]!;
    if (done.has(c)) {
      if (!seen.has(start)) return false; // a second piece of an already explored community
      continue;
    }
    done.add(c);
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const v = queue.pop()!;
      for (const u of g.neighbors(v)) {
        if (!seen.has(u) && communities[u] === c) {
          seen.add(u);
          queue.push(u);
        }
      }
    }
  }
  return true;
}
