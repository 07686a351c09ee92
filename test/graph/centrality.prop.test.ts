/**
 * Properties of the kernels on random graphs (fast-check). The BFS kernel switches to bottom-up
 * expansion on large frontiers; it must agree with Dijkstra on unit lengths (1e-9).
 */
import { fc, test } from '@fast-check/vitest';
import Graph from 'graphology';
import { expect } from 'vitest';
import { betweennessCentrality, closenessCentrality, harmonicCentrality, leiden, louvain, pagerank } from 'crmkit/graph';
import { createRandom } from 'crmkit';
import { expectClose } from '../helpers/close.js';

function randomGraph(seed: number, n: number, p: number, directed: boolean): Graph {
  const rng = createRandom(seed);
  const g = new Graph({ type: directed ? 'directed' : 'undirected' });
  for (let i = 0; i < n; i++) g.addNode(`v${i}`);
  for (let i = 0; i < n; i++) {
    for (let j = directed ? 0 : i + 1; j < n; j++) if (i !== j && rng.uniform() < p) g.addEdge(`v${i}`, `v${j}`);
  }
  return g;
}

const graphArb = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  n: fc.integer({ min: 2, max: 160 }),
  p: fc.double({ min: 0.005, max: 0.4, noNaN: true }),
  directed: fc.boolean(),
});
const TOL = { rel: 1e-9, abs: 1e-12 };

test.prop([graphArb], { numRuns: 25 })('BFS (direction-optimizing) and unit-length Dijkstra agree', ({ seed, n, p, directed }) => {
  const g = randomGraph(seed, n, p, directed);
  const unit = { weight: () => 1 };
  const b1 = betweennessCentrality(g);
  const b2 = betweennessCentrality(g, unit);
  const c1 = closenessCentrality(g);
  const c2 = closenessCentrality(g, unit);
  const h1 = harmonicCentrality(g);
  const h2 = harmonicCentrality(g, unit);
  for (const v of g.nodes()) {
    expectClose(b1[v]!, b2[v]!, TOL, `betweenness ${v}`);
    expectClose(c1[v]!, c2[v]!, TOL, `closeness ${v}`);
    expectClose(h1[v]!, h2[v]!, TOL, `harmonic ${v}`);
  }
});

test.prop([graphArb], { numRuns: 25 })('pagerank sums to 1 and does not depend on node order', ({ seed, n, p, directed }) => {
  const g = randomGraph(seed, n, p, directed);
  const r = pagerank(g, { tolerance: 1e-12, maxIterations: 1000 });
  expectClose(Object.values(r.scores).reduce((a, b) => a + b, 0), 1, TOL, 'sum');
  // the same graph with nodes inserted in reverse order
  const h = new Graph({ type: g.type as 'directed' | 'undirected' });
  for (const v of [...g.nodes()].reverse()) h.addNode(v);
  g.forEachEdge((_e, _a, s, t) => h.addEdge(s, t));
  const r2 = pagerank(h, { tolerance: 1e-12, maxIterations: 1000 });
  for (const v of g.nodes()) expectClose(r2.scores[v]!, r.scores[v]!, { rel: 1e-8, abs: 1e-12 }, v);
});

test.prop([graphArb], { numRuns: 15 })('louvain and leiden: same seed, same partition; sizes add up', ({ seed, n, p, directed }) => {
  const g = randomGraph(seed, n, p, directed);
  if (g.size === 0) return;
  for (const f of [louvain, leiden]) {
    const a = f(g, { seed: 7 });
    expect(f(g, { seed: 7 })).toEqual(a);
    expect(a.sizes.reduce((x, y) => x + y, 0)).toBe(n);
    expect(a.modularity).toBeGreaterThanOrEqual(-0.5);
    expect(a.modularity).toBeLessThanOrEqual(1);
  }
});
