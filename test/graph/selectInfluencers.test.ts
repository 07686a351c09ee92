/**
 * selectInfluencers: CELF / CELF++ pick exactly the seeds of plain greedy for the same seed; IMM
 * meets its (1 − 1/e − ε) bound against the true optimum found by exhaustive search with
 * exactSpread; budgets, candidates and exclusions are respected; bad input throws typed errors.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { AbortError, exactSpread, InvalidInputError, InvalidOptionError, selectInfluencers } from 'crmkit/graph';
import { createRandom } from 'crmkit';
import { describeWithData } from '../helpers/data.js';
import { karateGraph, lesmisGraph } from './_data.js';
import { readDataCsv } from '../helpers/data.js';

function randomGraph(type: 'directed' | 'undirected', seed: number, nodes: number, edges: number): Graph {
  const g = new Graph({ type });
  const rnd = createRandom(seed);
  for (let i = 0; i < nodes; i++) g.addNode(`v${i}`);
  for (let e = 0; e < edges; e++) {
    const s = rnd.int(nodes);
    let t = rnd.int(nodes - 1);
    if (t >= s) t++;
    g.mergeEdge(`v${s}`, `v${t}`, { w: 1 + rnd.int(3), p: 0.05 + 0.4 * rnd.uniform() });
  }
  return g;
}

describe('selectInfluencers: lazy greedy is greedy', () => {
  const graphs: [string, Graph][] = [
    ['random directed', randomGraph('directed', 1, 60, 240)],
    ['random undirected', randomGraph('undirected', 2, 50, 120)],
  ];
  for (const [name, g] of graphs) {
    for (const model of ['ic', 'lt'] as const) {
      it(`celf and celf++ pick the same seeds as plain greedy (${name}, ${model})`, () => {
        const opts = { model, probability: 'p' as const, weight: 'w', runs: 300, seed: 11 };
        const plain = selectInfluencers(g, 6, { ...opts, method: 'greedy' });
        const lazy = selectInfluencers(g, 6, { ...opts, method: 'celf' });
        const plus = selectInfluencers(g, 6, { ...opts, method: 'celf++' });
        expect(plain.seeds).toHaveLength(6);
        expect(lazy.seeds).toEqual(plain.seeds);
        expect(plus.seeds).toEqual(plain.seeds);
        expect(lazy.spread).toBe(plain.spread);
      });
    }
  }
  it('the cost-aware rule agrees too and respects the budget', () => {
    const g = randomGraph('directed', 3, 40, 160);
    const costs: Record<string, number> = {};
    g.forEachNode((v, _a) => (costs[v] = 1 + (Number(v.slice(1)) % 4)));
    const opts = { probability: 'p' as const, runs: 200, seed: 5, costs, budget: 7 };
    const plain = selectInfluencers(g, 10, { ...opts, method: 'greedy' });
    const lazy = selectInfluencers(g, 10, { ...opts, method: 'celf' });
    expect(lazy.seeds).toEqual(plain.seeds);
    expect(lazy.totalCost).toBeLessThanOrEqual(7);
    expect(lazy.totalCost).toBe(lazy.seeds.reduce((s, v) => s + costs[v]!, 0));
    expect(lazy.approximation).toBeCloseTo((1 - 1 / Math.E) / 2, 12);
    for (const method of ['imm', 'degreeDiscount', 'pagerank'] as const) {
      expect(selectInfluencers(g, 10, { ...opts, method }).totalCost).toBeLessThanOrEqual(7);
    }
  });
});

describe('selectInfluencers: IMM against the exhaustive optimum', () => {
  // a graph small enough for exactSpread (≤ 20 uncertain arcs) and every pair of seeds
  const g = new Graph({ type: 'directed' });
  const rnd = createRandom(21);
  for (let i = 0; i < 9; i++) g.addNode(`n${i}`);
  for (let e = 0; e < 15; e++) {
    const s = rnd.int(9);
    let t = rnd.int(8);
    if (t >= s) t++;
    g.mergeEdge(`n${s}`, `n${t}`, { p: Math.round(100 * (0.2 + 0.6 * rnd.uniform())) / 100 });
  }
  it('spread ≥ (1 − 1/e − ε)·OPT, and the greedy methods reach it too', () => {
    const nodes = g.nodes();
    let opt = 0;
    for (let a = 0; a < nodes.length; a++) {
      for (let b = a + 1; b < nodes.length; b++) opt = Math.max(opt, exactSpread(g, [nodes[a]!, nodes[b]!], { probability: 'p' }).mean);
    }
    const r = selectInfluencers(g, 2, { probability: 'p', method: 'imm', epsilon: 0.2, seed: 4 });
    expect(r.approximation).toBeCloseTo(1 - 1 / Math.E - 0.2, 12);
    expect(r.rrSets).toBeGreaterThan(0);
    expect(r.lowerBound).toBeGreaterThan(0);
    const exact = exactSpread(g, r.seeds, { probability: 'p' }).mean;
    expect(exact).toBeGreaterThanOrEqual(r.approximation! * opt);
    expect(Math.abs(r.spread - exact)).toBeLessThanOrEqual(4 * r.standardError + 1e-12);
    const c = selectInfluencers(g, 2, { probability: 'p', method: 'celf', runs: 4000, seed: 4 });
    expect(exactSpread(g, c.seeds, { probability: 'p' }).mean).toBeGreaterThanOrEqual((1 - 1 / Math.E) * opt);
  });
});

describe('selectInfluencers: candidates, exclusions, results', () => {
  const g = randomGraph('undirected', 9, 30, 60);
  it('chooses only candidates and never excluded nodes', () => {
    const candidates = g.nodes().slice(0, 12);
    for (const method of ['imm', 'celf', 'degreeDiscount', 'pagerank', 'degree'] as const) {
      const r = selectInfluencers(g, 3, { method, candidates, exclude: ['v0', 'v1'], runs: 100 });
      expect(r.seeds).toHaveLength(3);
      for (const s of r.seeds) {
        expect(candidates).toContain(s);
        expect(['v0', 'v1']).not.toContain(s);
      }
      expect(r.marginalGains).toHaveLength(3);
      expect(r.marginalGains.reduce((a, b) => a + b, 0)).toBeCloseTo(r.spread, 9);
    }
  });
  it('throws typed errors on bad input', () => {
    expect(() => selectInfluencers(g, 31)).toThrow(InvalidInputError);
    expect(() => selectInfluencers(g, 0)).toThrow(InvalidInputError);
    expect(() => selectInfluencers(g, 3, { candidates: ['v0', 'v1'] })).toThrow(/k must be an integer in \[1, 2\]/);
    expect(() => selectInfluencers(g, 2, { exclude: ['nope'] })).toThrow(InvalidOptionError);
    expect(() => selectInfluencers(g, 2, { runs: 0 })).toThrow(InvalidOptionError);
    expect(() => selectInfluencers(g, 2, { epsilon: 0 })).toThrow(InvalidOptionError);
    expect(() => selectInfluencers(g, 2, { probability: 1.2 })).toThrow(InvalidOptionError);
    const costs: Record<string, number> = {};
    g.forEachNode((v) => (costs[v] = 2));
    expect(() => selectInfluencers(g, 2, { costs: { ...costs, v3: 0 } })).toThrow(/costs.v3 must be a finite number > 0/);
    expect(() => selectInfluencers(g, 2, { costs: { ...costs, v3: -1 } })).toThrow(InvalidOptionError);
    const { v4: _dropped, ...missing } = costs;
    expect(() => selectInfluencers(g, 2, { costs: missing })).toThrow(/every eligible node needs a cost/);
    expect(() => selectInfluencers(g, 2, { costs, budget: 1.5 })).toThrow(/below the cheapest/);
    expect(() => selectInfluencers(g, 2, { method: 'celf' as never, model: 'sir' as never })).toThrow(InvalidOptionError);
  });
  it('honours signal', () => {
    const ctl = new AbortController();
    let calls = 0;
    expect(() =>
      selectInfluencers(g, 5, {
        method: 'greedy',
        runs: 5000,
        signal: ctl.signal,
        onProgress: () => {
          if (++calls === 1) ctl.abort();
        },
      }),
    ).toThrow(AbortError);
  });
});

describeWithData('selectInfluencers on karate, les-misérables and lastfm-asia', [
  ['karate-club', 'karate_edges.csv'],
  ['les-miserables', 'lesmis_edges.csv'],
  ['lastfm-asia', 'lastfm_asia_edges.csv'],
], () => {
  it('celf picks the seeds of plain greedy on karate (IC p = 0.1) and les-misérables (weighted LT)', () => {
    const k = karateGraph();
    const a = selectInfluencers(k, 4, { method: 'greedy', probability: 0.1, runs: 500, seed: 2 });
    expect(selectInfluencers(k, 4, { method: 'celf', probability: 0.1, runs: 500, seed: 2 }).seeds).toEqual(a.seeds);
    const l = lesmisGraph();
    const b = selectInfluencers(l, 3, { method: 'greedy', model: 'lt', weight: 'weight', runs: 300, seed: 2 });
    expect(selectInfluencers(l, 3, { method: 'celf', model: 'lt', weight: 'weight', runs: 300, seed: 2 }).seeds).toEqual(b.seeds);
  });
  it("IMM's spread is within its ε of CELF's on lastfm-asia (weighted cascade, k = 5)", () => {
    const g = new Graph({ type: 'undirected' });
    for (const r of readDataCsv(['lastfm-asia', 'lastfm_asia_edges.csv'])) {
      g.mergeNode(r.id_1!);
      g.mergeNode(r.id_2!);
      g.mergeEdge(r.id_1!, r.id_2!);
    }
    const epsilon = 0.1;
    const imm = selectInfluencers(g, 5, { method: 'imm', epsilon, runs: 1000, seed: 1 });
    const celf = selectInfluencers(g, 5, { method: 'celf', runs: 200, seed: 1 });
    const se = Math.hypot(imm.standardError, celf.standardError);
    expect(imm.spread).toBeGreaterThanOrEqual((1 - epsilon) * celf.spread - 3 * se);
  });
});
