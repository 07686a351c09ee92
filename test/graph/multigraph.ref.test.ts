/**
 * Distance-based measures on weighted multigraphs against networkx 2.8.8
 * (scripts/reference/graph_multigraph.py → test/fixtures/graph-multigraph.json): parallel edges are
 * one tie whose length is the shortest of them, never the sum.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweennessCentrality, closenessCentrality, harmonicCentrality } from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

const EXACT = { rel: 1e-9, abs: 1e-12 };

interface Case {
  nodes: string[];
  edges: [string, string, number][];
  betweenness: Record<string, number>;
  betweennessRaw: Record<string, number>;
  betweennessUnweighted: Record<string, number>;
  closeness: Record<string, number>;
  harmonic: Record<string, number>;
}
const fx = loadFixture<Record<'issue' | 'randomUndirected' | 'randomDirected', Case>>('graph-multigraph');

function build(c: Case, type: 'directed' | 'undirected'): Graph {
  const g = new Graph({ type, multi: true });
  for (const v of c.nodes) g.addNode(v);
  for (const [s, t, w] of c.edges) g.addEdge(s, t, { length: w });
  return g;
}
function expectScores(got: Record<string, number>, want: Record<string, number>, label: string): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want)) expectClose(got[k]!, want[k]!, EXACT, `${label} ${k}`);
}

describe('distance-based measures on weighted multigraphs', () => {
  it("betweennessCentrality(g, { weight }) takes the shortest parallel edge (the issue's example: b scores 1)", () => {
    const g = build(fx.issue, 'undirected');
    expect(betweennessCentrality(g, { weight: 'length' }).b).toBe(1);
    expectScores(betweennessCentrality(g, { weight: 'length', normalized: false }), fx.issue.betweennessRaw, 'issue raw');
  });
  for (const [name, type] of [
    ['issue', 'undirected'],
    ['randomUndirected', 'undirected'],
    ['randomDirected', 'directed'],
  ] as const) {
    it(`betweenness, closeness and harmonic centrality match networkx on the ${name} multigraph`, () => {
      const c = fx[name];
      const g = build(c, type);
      expectScores(betweennessCentrality(g, { weight: 'length' }), c.betweenness, `${name} betweenness`);
      expectScores(betweennessCentrality(g, { weight: 'length', normalized: false }), c.betweennessRaw, `${name} betweenness raw`);
      expectScores(betweennessCentrality(g), c.betweennessUnweighted, `${name} betweenness unweighted`);
      expectScores(closenessCentrality(g, { weight: 'length' }), c.closeness, `${name} closeness`);
      expectScores(harmonicCentrality(g, { weight: 'length' }), c.harmonic, `${name} harmonic`);
    });
  }
});
