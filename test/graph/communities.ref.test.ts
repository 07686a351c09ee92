/**
 * Communities against networkx 2.8.8 / igraph 0.10.2 (test/fixtures/graph-*.json).
 * modularity(): 1e-9 relative against networkx's `community.modularity` (a closed-form sum).
 * louvain / leiden: heuristics, so their *quality* is compared: modularity within 0.01 of
 * networkx's Louvain (louvain) and at least igraph's Leiden − 0.005 (leiden), and NMI against
 * email-eu-core's 42 departments within 0.05 of networkx's/igraph's.
 */
import type Graph from 'graphology';
import { beforeAll, expect, it } from 'vitest';
import { labelPropagation, leiden, louvain, modularity } from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { emailDepartments, REFERENCE_GRAPHS, undirectedView } from './_data.js';
import { isConnectedCommunity, nmi } from './_nmi.js';

interface Quality {
  modularity: number;
  communities: number;
  nmi?: number;
}
interface Fixture {
  nodes: string[];
  communities: {
    networkxLouvain: Quality;
    igraphLeiden: Quality;
    departmentModularityUndirected?: number;
    departmentModularityDirected?: number;
  };
}

for (const [name, spec] of Object.entries(REFERENCE_GRAPHS)) {
  describeWithData(`communities vs networkx/igraph on ${name}`, spec.files.map((f) => [...f]), () => {
    let g: Graph;
    let fx: Fixture;
    beforeAll(() => {
      g = spec.build();
      fx = loadFixture<Fixture>(`graph-${name}`);
    });
    it('louvain(g) reaches networkx-Louvain modularity (±0.01) and modularity() agrees with its own report', () => {
      const r = louvain(g, { seed: 1 });
      expect(r.modularity).toBeGreaterThan(fx.communities.networkxLouvain.modularity - 0.01);
      expectClose(modularity(undirectedView(g), r.communities), r.modularity, { rel: 1e-9 }, 'self-consistent');
      expect(louvain(g, { seed: 1 })).toEqual(r);
    });
    it('leiden(g) reaches igraph-Leiden modularity (−0.005) with connected communities', () => {
      const r = leiden(g, { seed: 1 });
      expect(r.modularity).toBeGreaterThan(fx.communities.igraphLeiden.modularity - 0.005);
      expect(isConnectedCommunity(g, r.communities)).toBe(true);
      expect(r.sizes.reduce((a, b) => a + b, 0)).toBe(g.order);
      expect(leiden(g, { seed: 1 })).toEqual(r);
    });
    it('labelPropagation(g) converges to a partition whose every node holds a majority label', () => {
      const r = labelPropagation(g, { seed: 2 });
      expect(r.converged).toBe(true);
      expect(r.sizes.reduce((a, b) => a + b, 0)).toBe(g.order);
    });
  });
}

describeWithData('departments of email-eu-core', [['snap-email-eu-core', 'email-Eu-core-department-labels.txt']], () => {
  let g: Graph;
  let fx: Fixture;
  let depts: Map<string, number>;
  beforeAll(() => {
    g = REFERENCE_GRAPHS.email.build();
    fx = loadFixture<Fixture>('graph-email');
    depts = emailDepartments();
  });
  it('modularity(g, departments) equals networkx (directed formula), 1e-9', () => {
    expectClose(modularity(g, depts), fx.communities.departmentModularityDirected!, { rel: 1e-9 }, 'directed');
    expectClose(modularity(undirectedView(g), depts), fx.communities.departmentModularityUndirected!, { rel: 1e-9 }, 'undirected');
  });
  it('NMI of louvain and leiden against the 42 departments is within 0.05 of networkx / igraph', () => {
    const truth = fx.nodes.map((v) => depts.get(v)!);
    const lv = louvain(g, { seed: 1 });
    const ld = leiden(g, { seed: 1 });
    const nmiL = nmi(truth, fx.nodes.map((v) => lv.communities[v]!));
    const nmiD = nmi(truth, fx.nodes.map((v) => ld.communities[v]!));
    expect(nmiL).toBeGreaterThan(fx.communities.networkxLouvain.nmi! - 0.05);
    expect(nmiD).toBeGreaterThan(fx.communities.igraphLeiden.nmi! - 0.05);
  });
});
