/**
 * Monte Carlo spread against an independent Python simulation (scripts/reference/graph_diffusion.py,
 * networkx 2.8.8 graphs, Python's random generator, 20,000 runs per case → test/fixtures/graph-diffusion.json).
 * The two estimates are independent, so their difference has standard error √(se₁² + se₂²); means
 * must agree within 3 of those, each node's activation probability within 4.5 (34–77 nodes are
 * compared at once), and the activation curve within 4.5 (√2 × the Python standard error at that step) at every step.
 */
import { expect, it } from 'vitest';
import { simulateIndependentCascade, simulateLinearThreshold } from 'crmkit/graph';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { karateGraph, lesmisGraph } from './_data.js';

interface Case {
  graph: 'karate' | 'lesmis';
  model: 'ic' | 'lt';
  seeds: string[];
  probability: number | 'weightedCascade' | null;
  weight: string | null;
  runs: number;
  mean: number;
  standardError: number;
  curve: number[];
  curveStandardError: number[];
  activationProbability: Record<string, number>;
}
const cases = loadFixture<Case[]>('graph-diffusion');
const RUNS = 20000;

describeWithData(
  'simulateIndependentCascade / simulateLinearThreshold vs an independent Python simulation',
  [
    ['karate-club', 'karate_edges.csv'],
    ['les-miserables', 'lesmis_edges.csv'],
  ],
  () => {
    const graphs = { karate: karateGraph(), lesmis: lesmisGraph() };
    for (const c of cases) {
      it(`${c.model} on ${c.graph} from ${c.seeds.join(', ')} (${String(c.probability ?? 'uniform thresholds')}, weight ${String(c.weight)})`, () => {
        expect(c.runs).toBeGreaterThanOrEqual(10000);
        const g = graphs[c.graph];
        const r =
          c.model === 'ic'
            ? simulateIndependentCascade(g, c.seeds, { probability: c.probability!, weight: c.weight, runs: RUNS, seed: 7 })
            : simulateLinearThreshold(g, c.seeds, { weight: c.weight, runs: RUNS, seed: 7 });
        const se = Math.hypot(r.standardError, c.standardError);
        expect(Math.abs(r.mean - c.mean), `mean ${r.mean} vs ${c.mean} (se ${se})`).toBeLessThanOrEqual(3 * se);
        for (const [node, p] of Object.entries(c.activationProbability)) {
          const q = r.activationProbability[node]!;
          const pooled = (p + q) / 2;
          const seNode = Math.sqrt((2 * pooled * (1 - pooled)) / RUNS) + 1e-12;
          expect(Math.abs(q - p), `node ${node}: ${q} vs ${p}`).toBeLessThanOrEqual(4.5 * seNode + 1 / RUNS);
        }
        const steps = Math.min(r.curve.length, c.curve.length);
        for (let t = 1; t < steps; t++) {
          // both estimates of the count after t steps have about the Python run's standard error
          expect(Math.abs(r.curve[t]! - c.curve[t]!), `curve[${t}]`).toBeLessThanOrEqual(4.5 * Math.SQRT2 * c.curveStandardError[t]! + 1e-9);
        }
      });
    }
  },
);
