/**
 * Unit, edge and error tests of the centralities; the small graphs' expected values come from
 * networkx 2.8.8 (test/fixtures/graph-small.json) or from the issue's statement of them.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  closenessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  harmonicCentrality,
  InvalidInputError,
  InvalidOptionError,
  katzCentrality,
  NotConvergedError,
  pagerank,
} from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

const EXACT = { rel: 1e-9, abs: 1e-12 };
const ITERATIVE = { rel: 1e-6, abs: 1e-9 };

interface Small {
  grid40: { edges: [string, string][]; betweenness: Record<string, number> };
  pathSelfLoop: { edges: [string, string][]; betweenness: Record<string, number>; closeness: Record<string, number>; harmonic: Record<string, number>; pagerank: Record<string, number> };
  twoComponents: { edges: [string, string][]; closeness: Record<string, number> };
  directedToy: {
    edges: [string, string, number][];
    pagerank: Record<string, number>;
    pagerankPersonalized: Record<string, number>;
    pagerankDangling: Record<string, number>;
    betweennessWeighted: Record<string, number>;
    betweennessWeightedEndpoints: Record<string, number>;
    closenessWeighted: Record<string, number>;
    harmonicWeighted: Record<string, number>;
    katz: Record<string, number>;
  };
}
const small = loadFixture<Small>('graph-small');

function undirected(edges: readonly (readonly [string, string])[]): Graph {
  const g = new Graph({ type: 'undirected', allowSelfLoops: true });
  for (const [s, t] of edges) g.mergeEdge(s, t);
  return g;
}
function directedToy(): Graph {
  const g = new Graph({ type: 'directed' });
  for (const [s, t, w] of small.directedToy.edges) g.mergeEdge(s, t, { weight: w });
  return g;
}
function expectScores(got: Record<string, number>, want: Record<string, number>, tol: { rel: number; abs: number }, label: string): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want)) expectClose(got[k]!, want[k]!, tol, `${label} ${k}`);
}

describe('betweennessCentrality', () => {
  it('betweennessCentrality(grid 40×40) does not overflow its path counts (networkx values)', () => {
    const g = undirected(small.grid40.edges);
    expectScores(betweennessCentrality(g), small.grid40.betweenness, EXACT, 'grid');
  });
  it('betweennessCentrality(path 0-1-2-3 + loop 1-1) gives 0, 2/3, 2/3, 0 (no phantom neighbour)', () => {
    const g = undirected(small.pathSelfLoop.edges);
    const bc = betweennessCentrality(g);
    expectScores(bc, small.pathSelfLoop.betweenness, EXACT, 'path');
    expectClose(bc['1']!, 2 / 3, EXACT, 'issue value');
  });
  it('betweennessCentrality(g) ignores a weight attribute unless options.weight names it', () => {
    const g = directedToy();
    expectScores(betweennessCentrality(g, { weight: 'weight' }), small.directedToy.betweennessWeighted, EXACT, 'weighted');
    // triangle a-b (1), b-c (1), a-c (5): b lies on the only shortest a–c path only when weighted
    const t = new Graph({ type: 'undirected' });
    t.mergeEdge('a', 'b', { weight: 1 });
    t.mergeEdge('b', 'c', { weight: 1 });
    t.mergeEdge('a', 'c', { weight: 5 });
    expect(betweennessCentrality(t).b).toBe(0);
    expect(betweennessCentrality(t, { weight: 'weight' }).b).toBe(1);
    expectScores(
      betweennessCentrality(g, { weight: 'weight', endpoints: true, normalized: false }),
      small.directedToy.betweennessWeightedEndpoints,
      EXACT,
      'endpoints',
    );
  });
  it('betweennessCentrality(g, { weight: fn }) reads lengths through a function', () => {
    const g = directedToy();
    const viaFn = betweennessCentrality(g, { weight: (a) => a.weight as number });
    expectScores(viaFn, small.directedToy.betweennessWeighted, EXACT, 'fn');
  });
  it('betweennessCentrality(g, { k: n }) equals the exact scores; same seed, same estimate', () => {
    const g = undirected(small.grid40.edges.slice(0, 400));
    const exact = betweennessCentrality(g);
    const all = betweennessCentrality(g, { k: g.order, seed: 3 });
    for (const k of Object.keys(exact)) expectClose(all[k]!, exact[k]!, EXACT, k);
    expect(betweennessCentrality(g, { k: 20, seed: 9 })).toEqual(betweennessCentrality(g, { k: 20, seed: 9 }));
    expect(betweennessCentrality(g, { k: 20, seed: 9 })).not.toEqual(betweennessCentrality(g, { k: 20, seed: 10 }));
  });
  it('betweennessCentrality.assign(g) writes node attributes', () => {
    const g = undirected(small.pathSelfLoop.edges);
    betweennessCentrality.assign(g, { attribute: 'bc' });
    expectClose(g.getNodeAttribute('2', 'bc') as number, 2 / 3, EXACT, 'assigned');
  });
  it('rejects zero, negative and NaN lengths, unknown options, bad k', () => {
    const g = directedToy();
    g.setEdgeAttribute('a', 'b', 'weight', -1);
    expect(() => betweennessCentrality(g, { weight: 'weight' })).toThrow(InvalidInputError);
    g.setEdgeAttribute('a', 'b', 'weight', 0);
    expect(() => betweennessCentrality(g, { weight: 'weight' })).toThrow(/must be a finite number > 0/);
    g.setEdgeAttribute('a', 'b', 'weight', NaN);
    expect(() => closenessCentrality(g, { weight: 'weight' })).toThrow(/graph\/closenessCentrality: the weight of edge a -> b/);
    expect(() => betweennessCentrality(g, { k: 0 })).toThrow(InvalidOptionError);
    expect(() => betweennessCentrality(g, { k: 99 })).toThrow(InvalidOptionError);
    expect(() => betweennessCentrality(g, { nope: 1 } as never)).toThrow(/unknown option 'nope'/);
    expect(() => betweennessCentrality({} as never)).toThrow(InvalidInputError);
  });
  it('rejects a mixed graph with both kinds of edges', () => {
    const g = new Graph({ type: 'mixed' });
    g.mergeDirectedEdge('a', 'b');
    g.mergeUndirectedEdge('b', 'c');
    expect(() => betweennessCentrality(g)).toThrow(/must not mix directed and undirected edges/);
  });
  it('reports progress and honours an aborted signal', () => {
    const g = undirected(small.grid40.edges.slice(0, 200));
    const seen: number[] = [];
    betweennessCentrality(g, { onProgress: (p) => seen.push(p.completed) });
    expect(seen.at(-1)).toBe(g.order);
    const ac = new AbortController();
    ac.abort();
    expect(() => betweennessCentrality(g, { signal: ac.signal })).toThrow(/aborted/);
  });
});

describe('closenessCentrality and harmonicCentrality', () => {
  it('closenessCentrality(a-b-c, d-e) applies Wasserman–Faust: d and e score 0.25', () => {
    const g = undirected(small.twoComponents.edges);
    expectScores(closenessCentrality(g), small.twoComponents.closeness, EXACT, 'wf');
    expect(closenessCentrality(g).d).toBe(0.25);
  });
  it('closenessCentrality(path + self-loop) gives node 3 0.5', () => {
    const g = undirected(small.pathSelfLoop.edges);
    expectScores(closenessCentrality(g), small.pathSelfLoop.closeness, EXACT, 'loop');
    expectScores(harmonicCentrality(g), small.pathSelfLoop.harmonic, EXACT, 'loop harmonic');
  });
  it('weighted closeness and harmonic use incoming distances on directed graphs', () => {
    const g = directedToy();
    expectScores(closenessCentrality(g, { weight: 'weight' }), small.directedToy.closenessWeighted, EXACT, 'closeness');
    expectScores(harmonicCentrality(g, { weight: 'weight' }), small.directedToy.harmonicWeighted, EXACT, 'harmonic');
  });
  it('throws on an empty-graph-free contract: a single node scores 0', () => {
    const g = new Graph();
    g.addNode('x');
    expect(closenessCentrality(g)).toEqual(Object.assign(Object.create(null), { x: 0 }));
  });
});

describe('pagerank, eigenvectorCentrality, katzCentrality', () => {
  it('pagerank(directed toy) with personalization and dangling (networkx)', () => {
    const g = directedToy();
    expectScores(pagerank(g).scores, small.directedToy.pagerank, ITERATIVE, 'pr');
    expectScores(pagerank(g, { personalization: { a: 1, d: 3 } }).scores, small.directedToy.pagerankPersonalized, ITERATIVE, 'pers');
    expectScores(pagerank(g, { dangling: new Map([['b', 1]]) }).scores, small.directedToy.pagerankDangling, ITERATIVE, 'dangling');
  });
  it('pagerank(path + self-loop) counts the loop once, as networkx', () => {
    expectScores(pagerank(undirected(small.pathSelfLoop.edges)).scores, small.pathSelfLoop.pagerank, ITERATIVE, 'loop');
  });
  it('pagerank rejects unknown personalization keys, negatives, all-zero vectors and bad alpha', () => {
    const g = directedToy();
    expect(() => pagerank(g, { personalization: { zz: 1 } })).toThrow(/options.personalization has a key that is not a node/);
    expect(() => pagerank(g, { personalization: { a: -1 } })).toThrow(InvalidOptionError);
    expect(() => pagerank(g, { personalization: { a: 0 } })).toThrow(/positive sum/);
    expect(() => pagerank(g, { alpha: 1.5 })).toThrow(InvalidOptionError);
    expect(() => pagerank(new Graph())).toThrow(/at least one node/);
  });
  it('pagerank reports non-convergence, and throws with strict', () => {
    const g = directedToy();
    const r = pagerank(g, { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expect(() => pagerank(g, { maxIterations: 2, strict: true })).toThrow(NotConvergedError);
  });
  it('katzCentrality(directed toy, alpha 0.2) matches networkx; divergence throws', () => {
    const g = directedToy();
    expectScores(katzCentrality(g, { alpha: 0.2 }).scores, small.directedToy.katz, ITERATIVE, 'katz');
    expect(() => katzCentrality(undirected(small.grid40.edges), { alpha: 50 })).toThrow(NotConvergedError);
    expect(() => katzCentrality(g, { beta: { a: 1 } })).toThrow(/every node/);
  });
  it('eigenvectorCentrality has unit norm and an assign twin', () => {
    const g = undirected(small.grid40.edges);
    const r = eigenvectorCentrality(g, { maxIterations: 1000 });
    const ss = Object.values(r.scores).reduce((a, b) => a + b * b, 0);
    expectClose(ss, 1, EXACT, 'norm');
    eigenvectorCentrality.assign(g, { attribute: 'ev', maxIterations: 1000 });
    expect(g.getNodeAttribute('0,0', 'ev')).toBe(r.scores['0,0']);
  });
});

describe('degreeCentrality', () => {
  it('counts a self-loop twice on undirected graphs, like networkx', () => {
    const g = undirected(small.pathSelfLoop.edges);
    expect(degreeCentrality(g)).toEqual(Object.assign(Object.create(null), { '0': 1 / 3, '1': 4 / 3, '2': 2 / 3, '3': 1 / 3 }));
  });
  it('rejects an empty graph and a bad mode', () => {
    expect(() => degreeCentrality(new Graph())).toThrow(InvalidInputError);
    expect(() => degreeCentrality(undirected([['a', 'b']]), { mode: 'up' as never })).toThrow(InvalidOptionError);
  });
  it('keys named __proto__ are ordinary keys', () => {
    const g = undirected([['__proto__', 'constructor']]);
    const d = degreeCentrality(g);
    expect(Object.keys(d).sort()).toEqual(['__proto__', 'constructor']);
    expect(d['__proto__']).toBe(1);
  });
});

describe('empty graphs', () => {
  it('every centrality rejects an empty graph with InvalidInputError', () => {
    const g = new Graph();
    for (const f of [degreeCentrality, betweennessCentrality, closenessCentrality, harmonicCentrality]) {
      expect(() => f(g)).toThrow(/must have at least one node/);
    }
    for (const f of [pagerank, eigenvectorCentrality, katzCentrality]) expect(() => f(g)).toThrow(InvalidInputError);
  });
});

describe('harmonicCentrality(g, { sources })', () => {
  it('counts only distances from the sources; all nodes as sources equals the default', () => {
    const g = undirected(small.grid40.edges.slice(0, 300));
    const all = harmonicCentrality(g);
    const viaAll = harmonicCentrality(g, { sources: g.nodes() });
    for (const v of g.nodes()) expectClose(viaAll[v]!, all[v]!, EXACT, v);
    const one = harmonicCentrality(undirected([['a', 'b'], ['b', 'c']]), { sources: ['a'] });
    expect(one).toEqual(Object.assign(Object.create(null), { a: 0, b: 1, c: 0.5 }));
    expect(() => harmonicCentrality(g, { sources: ['nope'] })).toThrow(/options.sources\[0\] must be a node of the graph/);
  });
});
