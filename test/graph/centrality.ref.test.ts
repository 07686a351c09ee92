/**
 * Centralities against networkx 2.8.8 (scripts/reference/graph.py → test/fixtures/graph-*.json).
 * Tolerances: 1e-9 (relative, absolute floor 1e-12) for exact metrics (degree, betweenness,
 * closeness, harmonic); 1e-6 for iterative ones (pagerank, eigenvector, katz).
 */
import type Graph from 'graphology';
import { beforeAll, expect, it } from 'vitest';
import {
  betweennessCentrality,
  closenessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  harmonicCentrality,
  katzCentrality,
  pagerank,
} from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { REFERENCE_GRAPHS } from './_data.js';

interface Fixture {
  directed: boolean;
  nodes: string[];
  katzAlpha: number;
  personalization: Record<string, number> | null;
  metrics: Record<string, number[]>;
}

const EXACT = { rel: 1e-9, abs: 1e-12 };
const ITERATIVE = { rel: 1e-6, abs: 1e-9 };

function compare(name: string, got: Record<string, number>, fx: Fixture, key: string, tol: { rel: number; abs: number }): void {
  const want = fx.metrics[key]!;
  expect(Object.keys(got)).toHaveLength(fx.nodes.length);
  expect(Object.getPrototypeOf(got)).toBe(null);
  fx.nodes.forEach((node, i) => expectClose(got[node]!, want[i]!, tol, `${name} ${key} ${node}`));
}

for (const [name, spec] of Object.entries(REFERENCE_GRAPHS)) {
  describeWithData(`centrality vs networkx on ${name}`, spec.files.map((f) => [...f]), () => {
    let g: Graph;
    let fx: Fixture;
    beforeAll(() => {
      g = spec.build();
      fx = loadFixture<Fixture>(`graph-${name}`);
    });
    const weighted = name !== 'email';

    it('has the fixture graph', () => {
      expect(g.order).toBe(fx.nodes.length);
      expect(g.nodes()).toEqual(fx.nodes);
    });
    it('degreeCentrality(g) and in/out modes', () => {
      compare(name, degreeCentrality(g), fx, 'degree', EXACT);
      if (fx.directed) {
        compare(name, degreeCentrality(g, { mode: 'in' }), fx, 'inDegree', EXACT);
        compare(name, degreeCentrality(g, { mode: 'out' }), fx, 'outDegree', EXACT);
      }
    });
    it('betweennessCentrality(g) normalized, raw and with endpoints', () => {
      compare(name, betweennessCentrality(g), fx, 'betweenness', EXACT);
      compare(name, betweennessCentrality(g, { normalized: false }), fx, 'betweennessRaw', EXACT);
      compare(name, betweennessCentrality(g, { endpoints: true }), fx, 'betweennessEndpoints', EXACT);
    });
    if (name === 'email' || name === 'college') {
      it('betweennessCentrality(g, { k: 500 }) is within the documented 0.01 (absolute) of networkx’s exact scores', () => {
        for (const seed of [1, 2, 3]) {
          const est = betweennessCentrality(g, { k: 500, seed });
          const want = fx.metrics.betweenness!;
          const worst = Math.max(...fx.nodes.map((v, i) => Math.abs(est[v]! - want[i]!)));
          expect(worst).toBeLessThan(0.01);
        }
      });
    }
    it('closenessCentrality(g) with and without the Wasserman–Faust factor', () => {
      compare(name, closenessCentrality(g), fx, 'closeness', EXACT);
      compare(name, closenessCentrality(g, { wfImproved: false }), fx, 'closenessNoWf', EXACT);
    });
    it('harmonicCentrality(g)', () => {
      compare(name, harmonicCentrality(g), fx, 'harmonic', EXACT);
    });
    it('pagerank(g) (weight attribute by default) and unweighted with alpha 0.9', () => {
      const r = pagerank(g);
      expect(r.converged).toBe(true);
      compare(name, r.scores, fx, 'pagerank', ITERATIVE);
      compare(name, pagerank(g, { weight: null, alpha: 0.9 }).scores, fx, 'pagerankUnweighted', ITERATIVE);
      if (fx.personalization) {
        compare(name, pagerank(g, { personalization: fx.personalization }).scores, fx, 'pagerankPersonalized', ITERATIVE);
        compare(name, pagerank(g, { dangling: fx.personalization }).scores, fx, 'pagerankDangling', ITERATIVE);
      }
    });
    it('eigenvectorCentrality(g)', () => {
      const r = eigenvectorCentrality(g, { maxIterations: 1000 });
      expect(r.converged).toBe(true);
      compare(name, r.scores, fx, 'eigenvector', ITERATIVE);
    });
    it('katzCentrality(g, { alpha }) normalized and raw with beta 2', () => {
      compare(name, katzCentrality(g, { alpha: fx.katzAlpha }).scores, fx, 'katz', ITERATIVE);
      compare(name, katzCentrality(g, { alpha: fx.katzAlpha, beta: 2, normalized: false }).scores, fx, 'katzRaw', ITERATIVE);
    });
    if (weighted) {
      it('weighted: betweenness, closeness, harmonic with weight as distance; weighted eigenvector', () => {
        compare(name, betweennessCentrality(g, { weight: 'weight' }), fx, 'betweennessWeighted', EXACT);
        compare(name, closenessCentrality(g, { weight: 'weight' }), fx, 'closenessWeighted', EXACT);
        compare(name, harmonicCentrality(g, { weight: 'weight' }), fx, 'harmonicWeighted', EXACT);
        compare(name, eigenvectorCentrality(g, { weight: 'weight', maxIterations: 1000 }).scores, fx, 'eigenvectorWeighted', ITERATIVE);
      });
    }
  });
}
