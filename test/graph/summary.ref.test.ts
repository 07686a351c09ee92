/**
 * graphSummary and clustering against networkx 2.8.8 (test/fixtures/graph-*.json).
 * Tolerance 1e-9 (relative; all figures are exact computations); counts compared exactly.
 */
import type Graph from 'graphology';
import { beforeAll, expect, it } from 'vitest';
import { clustering, graphSummary } from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { REFERENCE_GRAPHS } from './_data.js';

interface Fixture {
  directed: boolean;
  nodes: string[];
  summary: Record<string, number>;
  clustering: number[];
}
const TOL = { rel: 1e-9, abs: 1e-12 };

for (const [name, spec] of Object.entries(REFERENCE_GRAPHS)) {
  describeWithData(`graphSummary vs networkx on ${name}`, spec.files.map((f) => [...f]), () => {
    let g: Graph;
    let fx: Fixture;
    beforeAll(() => {
      g = spec.build();
      fx = loadFixture<Fixture>(`graph-${name}`);
    });
    it('graphSummary(g) matches every networkx figure', () => {
      const s = graphSummary(g);
      const w = fx.summary;
      expect(s.nodes).toBe(w.nodes);
      expect(s.edges).toBe(w.edges);
      expect(s.selfLoops).toBe(w.selfLoops);
      expectClose(s.averageDegree, (2 * w.edges!) / w.nodes!, TOL, 'averageDegree');
      expectClose(s.density, w.density!, TOL, 'density');
      if (fx.directed) {
        expectClose(s.reciprocity!, w.reciprocity!, TOL, 'reciprocity');
        expect(s.components).toBe(w.weakComponents);
        expect(s.largestComponent).toBe(w.largestWeakComponent);
        expect(s.strongComponents).toBe(w.strongComponents);
        expect(s.largestStrongComponent).toBe(w.largestStrongComponent);
        expect(s.pathLengths.componentSize).toBe(w.largestStrongComponent);
      } else {
        expect(s.reciprocity).toBeUndefined();
        expect(s.components).toBe(w.components);
        expect(s.largestComponent).toBe(w.largestComponent);
      }
      expect(s.pathLengths.method).toBe('exact');
      expectClose(s.averageShortestPathLength, w.averageShortestPathLength!, TOL, 'averageShortestPathLength');
      expect(s.diameter).toBe(w.diameter);
      expectClose(s.averageClustering, w.averageClustering!, TOL, 'averageClustering');
      expectClose(s.transitivity, w.transitivity!, TOL, 'transitivity');
      expectClose(s.degreeAssortativity!, w.degreeAssortativity!, TOL, 'degreeAssortativity');
    });
    it('clustering(g) matches networkx per node', () => {
      const c = clustering(g);
      fx.nodes.forEach((v, i) => expectClose(c[v]!, fx.clustering[i]!, TOL, `clustering ${v}`));
    });
    it('graphSummary(g, { exactLimit: 0 }) samples with a seed and says so', () => {
      const s = graphSummary(g, { exactLimit: 0, samples: 20, seed: 5 });
      expect(s.pathLengths).toMatchObject({ method: 'sampled', sources: 20, seed: 5 });
      expect(s.diameter).toBeLessThanOrEqual(fx.summary.diameter!);
      expect(graphSummary(g, { exactLimit: 0, samples: 20, seed: 5 })).toEqual(s);
      // a 20-source estimate of the mean path length is within 25 % on these small-world graphs
      expectClose(s.averageShortestPathLength, fx.summary.averageShortestPathLength!, { rel: 0.25 }, 'sampled mean');
    });
  });
}
