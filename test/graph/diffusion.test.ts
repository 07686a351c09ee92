/**
 * Diffusion simulations against exactSpread (live-edge enumeration) on small graphs, exactSpread
 * against hand-derived values, and the bad-input errors of issue 16.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  exactSpread,
  InvalidInputError,
  InvalidOptionError,
  simulateIndependentCascade,
  simulateLinearThreshold,
} from 'crmkit/graph';
import { createRandom } from 'crmkit';

function smallGraph(type: 'directed' | 'undirected', seed: number, nodes: number, edges: number): Graph {
  const g = new Graph({ type, multi: true });
  const rnd = createRandom(seed);
  for (let i = 0; i < nodes; i++) g.addNode(`n${i}`);
  for (let e = 0; e < edges; e++) {
    const s = rnd.int(nodes);
    let t = rnd.int(nodes - 1);
    if (t >= s) t++;
    g.addEdge(`n${s}`, `n${t}`, { w: 1 + rnd.int(4), p: Math.round(rnd.uniform() * 100) / 100 });
  }
  return g;
}

describe('simulations agree with exactSpread within 3 standard errors', () => {
  const RUNS = 40000;
  const within = (sim: { mean: number; standardError: number }, exact: number): void => {
    expect(sim.standardError).toBeGreaterThan(0);
    expect(Math.abs(sim.mean - exact), `${sim.mean} vs ${exact} (se ${sim.standardError})`).toBeLessThanOrEqual(3 * sim.standardError);
  };
  it('simulateIndependentCascade(g, seeds, { probability: 0.3 }) on an undirected graph (7 edges, 14 uncertain arcs)', () => {
    const g = new Graph({ type: 'undirected' });
    for (const [s, t] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'c'], ['d', 'e'], ['b', 'e'], ['e', 'f']] as const) g.mergeEdge(s, t);
    const ex = exactSpread(g, ['a'], { probability: 0.3 });
    expect(ex.worlds).toBe(2 ** 14);
    within(simulateIndependentCascade(g, ['a'], { probability: 0.3, runs: RUNS, seed: 1 }), ex.mean);
  });
  it('simulateIndependentCascade with per-edge probabilities and parallel edges (directed multigraph)', () => {
    const g = smallGraph('directed', 3, 8, 14);
    const ex = exactSpread(g, ['n0', 'n1'], { probability: 'p' });
    const sim = simulateIndependentCascade(g, ['n0', 'n1'], { probability: 'p', runs: RUNS, seed: 2 });
    within(sim, ex.mean);
    for (const k of Object.keys(ex.activationProbability)) {
      const p = ex.activationProbability[k]!;
      expect(Math.abs(sim.activationProbability[k]! - p)).toBeLessThanOrEqual(4.5 * Math.sqrt((p * (1 - p)) / RUNS) + 1e-12);
    }
  });
  it("simulateIndependentCascade with 'weightedCascade' on weights", () => {
    const g = smallGraph('directed', 5, 7, 12);
    const seed = g.nodes().find((v) => g.outDegree(v) >= 2)!;
    const ex = exactSpread(g, [seed], { probability: 'weightedCascade', weight: 'w' });
    within(simulateIndependentCascade(g, [seed], { weight: 'w', runs: RUNS, seed: 3 }), ex.mean);
  });
  it('simulateLinearThreshold (threshold dynamics) matches the live-edge enumeration (Kempe et al.)', () => {
    for (const [type, seed] of [['directed', 7], ['undirected', 8]] as const) {
      const g = smallGraph(type, seed, 7, type === 'directed' ? 12 : 7);
      const ex = exactSpread(g, ['n0'], { model: 'lt', weight: 'w' });
      within(simulateLinearThreshold(g, ['n0'], { weight: 'w', runs: RUNS, seed: 4 }), ex.mean);
    }
  });
  it('simulateLinearThreshold with raw weights (normalize: false) matches the enumeration', () => {
    const g = new Graph({ type: 'directed' });
    g.mergeEdge('a', 'c', { b: 0.3 });
    g.mergeEdge('b', 'c', { b: 0.5 });
    g.mergeEdge('c', 'd', { b: 0.9 });
    g.mergeEdge('a', 'd', { b: 0.1 });
    const ex = exactSpread(g, ['a', 'b'], { model: 'lt', weight: 'b', normalize: false });
    // c: 0.8; d: 1 − (1 − 0.1)… live-edge: d picks a (0.1) or c (0.9, live when c is) → 0.1 + 0.9·0.8
    expect(ex.mean).toBeCloseTo(2 + 0.8 + (0.1 + 0.9 * 0.8), 12);
    within(simulateLinearThreshold(g, ['a', 'b'], { weight: 'b', normalize: false, runs: RUNS, seed: 5 }), ex.mean);
  });
});

describe('exactSpread(graph, seeds, options)', () => {
  it('gives 1 + p + p² on a directed path and the same probability to both arcs of an undirected edge', () => {
    const g = new Graph({ type: 'directed' });
    g.mergeEdge('a', 'b');
    g.mergeEdge('b', 'c');
    expect(exactSpread(g, ['a'], { probability: 0.2 }).mean).toBeCloseTo(1 + 0.2 + 0.04, 14);
    const u = new Graph({ type: 'undirected' });
    u.mergeEdge('a', 'b');
    const p = exactSpread(u, ['b'], { probability: 0.2 }).activationProbability;
    expect(Object.keys(p).sort()).toEqual(['a', 'b']);
    expect(p.a).toBeCloseTo(0.2, 15);
    expect(p.b).toBeCloseTo(1, 15);
  });
  it('merges parallel edges as independent attempts', () => {
    const g = new Graph({ type: 'directed', multi: true });
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { p: 0.5 });
    g.addEdge('a', 'b', { p: 0.5 });
    expect(exactSpread(g, ['a'], { probability: 'p' }).mean).toBe(1.75);
  });
  it('throws on more than 20 uncertain arcs', () => {
    const g = smallGraph('directed', 1, 10, 25);
    expect(() => exactSpread(g, ['n0'], { probability: 0.5 })).toThrow(InvalidInputError);
  });
});

describe('simulations: results and bad input', () => {
  const g = new Graph({ type: 'directed' });
  g.mergeEdge('a', 'b');
  g.mergeEdge('b', 'c');
  it('are deterministic for a seed and report a curve ending at the mean', () => {
    const r1 = simulateIndependentCascade(g, ['a'], { probability: 0.5, runs: 500, seed: 9 });
    const r2 = simulateIndependentCascade(g, ['a'], { probability: 0.5, runs: 500, seed: 9 });
    expect(r1).toEqual(r2);
    expect(r1.curve[0]).toBe(1);
    expect(r1.curve[r1.curve.length - 1]).toBeCloseTo(r1.mean, 12);
    expect(simulateIndependentCascade(g, ['a'], { probability: 0.5, runs: 500, seed: 9, maxSteps: 1 }).curve.length).toBe(2);
  });
  it('throw typed errors on probabilities outside [0, 1], zero runs, unknown or repeated seeds', () => {
    expect(() => simulateIndependentCascade(g, ['a'], { probability: 1.5 })).toThrow(InvalidOptionError);
    expect(() => simulateIndependentCascade(g, ['a'], { probability: -0.1 })).toThrow(InvalidOptionError);
    const h = new Graph({ type: 'directed' });
    h.mergeEdge('a', 'b', { p: 2 });
    expect(() => simulateIndependentCascade(h, ['a'], { probability: 'p' })).toThrow(/activation probability of edge a -> b/);
    expect(() => simulateIndependentCascade(g, ['a'], { runs: 0 })).toThrow(InvalidOptionError);
    expect(() => simulateLinearThreshold(g, ['a'], { runs: 0 })).toThrow(/options.runs/);
    expect(() => simulateIndependentCascade(g, ['z'])).toThrow(InvalidInputError);
    expect(() => simulateIndependentCascade(g, ['a', 'a'])).toThrow(/repeats/);
    expect(() => simulateIndependentCascade(g, [])).toThrow(InvalidInputError);
    expect(() => simulateLinearThreshold(g, ['a'], { thresholds: { b: 2 } })).toThrow(InvalidOptionError);
    const heavy = new Graph({ type: 'directed' });
    heavy.mergeEdge('a', 'c', { w: 0.7 });
    heavy.mergeEdge('b', 'c', { w: 0.7 });
    expect(() => simulateLinearThreshold(heavy, ['a'], { weight: 'w', normalize: false })).toThrow(/sum to at most 1/);
  });
  it('honour signal', () => {
    const ctl = new AbortController();
    ctl.abort();
    expect(() => simulateIndependentCascade(g, ['a'], { signal: ctl.signal })).toThrow(AbortError);
    const late = new AbortController();
    let calls = 0;
    expect(() =>
      simulateLinearThreshold(g, ['a'], {
        runs: 1e6,
        signal: late.signal,
        onProgress: () => {
          if (++calls === 2) late.abort();
        },
      }),
    ).toThrow(AbortError);
  });
});
