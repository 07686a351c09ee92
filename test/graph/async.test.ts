import Graph from 'graphology';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  leiden,
  leidenAsync,
  louvain,
  louvainAsync,
  selectInfluencers,
  selectInfluencersAsync,
  simulateIndependentCascade,
  simulateIndependentCascadeAsync,
  simulateLinearThreshold,
  simulateLinearThresholdAsync,
} from 'crmkit/graph';
import { createRandom, type Progress } from 'crmkit';
import { expectSameAsync, expectStopsOnTimer } from '../helpers/longWork.js';

function randomGraph(n: number, m: number, seed: number, type: 'directed' | 'undirected'): Graph {
  const r = createRandom(seed);
  const g = new Graph({ type });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (let e = 0; e < m; e++) {
    const a = r.int(n);
    const b = r.int(n);
    if (a !== b) g.mergeEdge(`n${a}`, `n${b}`);
  }
  return g;
}

describe('awaitable forms of graph', () => {
  test.prop([fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 1e6 })], { numRuns: 20 })(
    'each equals its synchronous form, yielding at every checkpoint',
    async (n, m, seed) => {
      const d = randomGraph(n, m, seed, 'directed');
      const u = randomGraph(n, m, seed, 'undirected');
      await expectSameAsync(simulateIndependentCascade, simulateIndependentCascadeAsync, d, ['n0'], { probability: 0.3, runs: 300, seed });
      await expectSameAsync(simulateLinearThreshold, simulateLinearThresholdAsync, d, ['n0', 'n1'], { runs: 200, seed });
      for (const method of ['imm', 'celf', 'celf++', 'greedy'] as const) {
        await expectSameAsync(selectInfluencers, selectInfluencersAsync, d, Math.min(2, n), { method, probability: 0.2, runs: 50, seed });
      }
      await expectSameAsync(louvain, louvainAsync, u, { seed });
      await expectSameAsync(leiden, leidenAsync, u, { seed });
    },
  );

  it('louvain and leiden take onProgress and signal now, and name their async forms in errors', async () => {
    const g = randomGraph(30, 80, 1, 'undirected');
    const seen: Progress[] = [];
    louvain(g, { onProgress: (p) => seen.push(p) });
    leiden(g, { onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.completed === p.total).map((p) => p.fn)).toEqual(['graph/louvain', 'graph/leiden']);
    await expect(louvainAsync(g, { resolution: -1 })).rejects.toMatchObject({ fn: 'graph/louvainAsync', code: 'INVALID_OPTION' });
    await expect(leidenAsync(g, { signal: 1 as never })).rejects.toMatchObject({ fn: 'graph/leidenAsync', code: 'INVALID_OPTION' });
    await expect(selectInfluencersAsync(g, 0)).rejects.toMatchObject({ fn: 'graph/selectInfluencersAsync', code: 'INVALID_INPUT' });
  });

  it('the simulations and selectInfluencers stop within 100 ms of a real setTimeout abort', async () => {
    const big = randomGraph(20_000, 100_000, 2, 'directed');
    await expectStopsOnTimer('graph/simulateIndependentCascadeAsync', (signal) => simulateIndependentCascadeAsync(big, ['n0', 'n1', 'n2'], { probability: 0.2, runs: 1e6, signal }));
    await expectStopsOnTimer('graph/simulateLinearThresholdAsync', (signal) => simulateLinearThresholdAsync(big, ['n0', 'n1', 'n2'], { runs: 1e6, signal }));
    await expectStopsOnTimer('graph/selectInfluencersAsync', (signal) => selectInfluencersAsync(big, 20, { method: 'imm', epsilon: 0.02, probability: 0.05, signal }));
    await expectStopsOnTimer('graph/selectInfluencersAsync', (signal) => selectInfluencersAsync(big, 20, { method: 'celf', probability: 0.05, runs: 2000, signal }));
  });

  it('louvain and leiden stop within 100 ms of a real setTimeout abort', async () => {
    const u = randomGraph(40_000, 200_000, 3, 'undirected');
    await expectStopsOnTimer('graph/louvainAsync', (signal) => louvainAsync(u, { signal }));
    await expectStopsOnTimer('graph/leidenAsync', (signal) => leidenAsync(u, { signal }));
  });
});
