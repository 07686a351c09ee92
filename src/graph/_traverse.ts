/**
 * Shared loop of closeness and harmonic centrality: a search from every node along in-arcs.
 *
 * @internal
 * @module
 */
import { taskControl, type LongRunOptions } from '../core/progress.js';
import type { CompiledGraph } from './_compile.js';
import { bfs, createWorkspace, dijkstra } from './_paths.js';

/**
 * Calls `visit(u, dist, order, count)` after the search of incoming distances to each node u;
 * `dist` is the workspace's `hops` (Int32Array) for BFS and `dist` (Float64Array) for Dijkstra.
 */
export function forEachIncomingSearch(
  fn: string,
  g: CompiledGraph,
  weighted: boolean,
  control: LongRunOptions,
  visit: (u: number, dist: Float64Array | Int32Array, order: Int32Array, count: number) => void,
): void {
  const task = taskControl(fn, control);
  const ws = createWorkspace(g.n);
  for (let u = 0; u < g.n; u++) {
    if (weighted) {
      dijkstra(g, u, true, ws);
      visit(u, ws.dist, ws.order, ws.count);
    } else {
      bfs(g, u, true, ws, false);
      visit(u, ws.hops, ws.order, ws.count);
    }
    if ((u & 63) === 63) task.checkpoint(u + 1, g.n);
  }
  task.checkpoint(g.n, g.n);
}
