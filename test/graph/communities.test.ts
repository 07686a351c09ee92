import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionError, labelPropagation, leiden, louvain, modularity } from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { isConnectedCommunity } from './_nmi.js';

/** Two 5-cliques joined by one edge, plus a ring of 6 (hand-checkable structure). */
function cliques(): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const prefix of ['a', 'b']) {
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) g.mergeEdge(`${prefix}${i}`, `${prefix}${j}`);
  }
  g.mergeEdge('a0', 'b0');
  return g;
}

describe('modularity(graph, partition)', () => {
  it('modularity of two triangles joined by an edge is 5/14 (hand computation)', () => {
    const g = new Graph({ type: 'undirected' });
    for (const [a, b] of [['a', 'b'], ['b', 'c'], ['c', 'a'], ['x', 'y'], ['y', 'z'], ['z', 'x'], ['c', 'x']]) g.mergeEdge(a!, b!);
    // L_c/m = 3/7 each; K_c = 7 each, (7/14)^2 = 1/4 → 2(3/7 − 1/4) = 5/14
    expectClose(modularity(g, [['a', 'b', 'c'], ['x', 'y', 'z']]), 5 / 14, { rel: 1e-12 }, 'Q');
    expectClose(modularity(g, new Map([['a', 'p'], ['b', 'p'], ['c', 'p'], ['x', 'q'], ['y', 'q'], ['z', 'q']])), 5 / 14, { rel: 1e-12 }, 'Map');
  });
  it('rejects partitions that miss, repeat or invent nodes', () => {
    const g = cliques();
    expect(() => modularity(g, [['a0']])).toThrow(/must assign every node/);
    expect(() => modularity(g, [g.nodes(), ['a0']])).toThrow(/names a node twice/);
    expect(() => modularity(g, [[...g.nodes(), 'ghost']])).toThrow(InvalidOptionError);
    expect(() => modularity(new Graph(), [])).toThrow(InvalidInputError);
  });
});

describe('louvain, leiden, labelPropagation', () => {
  it('find the two cliques', () => {
    const g = cliques();
    for (const r of [louvain(g), leiden(g), labelPropagation(g)]) {
      expect(r.count).toBe(2);
      expect(r.communities.a1).toBe(r.communities.a4);
      expect(r.communities.a1).not.toBe(r.communities.b1);
      expect(Object.getPrototypeOf(r.communities)).toBe(null);
    }
  });
  it('a higher resolution gives at least as many communities', () => {
    const g = cliques();
    expect(louvain(g, { resolution: 5 }).count).toBeGreaterThanOrEqual(louvain(g).count);
    expect(leiden(g, { resolution: 5 }).count).toBeGreaterThanOrEqual(leiden(g).count);
  });
  it('leiden keeps communities connected on a graph with isolated nodes and a self-loop', () => {
    const g = cliques();
    g.addNode('lonely');
    const h = new Graph({ allowSelfLoops: true });
    g.forEachEdge((_e, _a, s, t) => h.mergeEdge(s, t));
    h.addNode('lonely');
    h.mergeEdge('a1', 'a1', { weight: 3 });
    const r = leiden(h, { seed: 4 });
    expect(isConnectedCommunity(h, r.communities)).toBe(true);
    expect(r.sizes.at(-1)).toBe(1);
  });
  it('rejects bad options', () => {
    const g = cliques();
    expect(() => louvain(g, { resolution: 0 })).toThrow(InvalidOptionError);
    expect(() => leiden(g, { seed: -1 })).toThrow(InvalidOptionError);
    expect(() => labelPropagation(g, { maxIterations: 0 })).toThrow(InvalidOptionError);
    expect(() => louvain(new Graph())).toThrow(InvalidInputError);
    expect(() => louvain(g, { maxIterations: 0 })).toThrow(InvalidOptionError);
    expect(() => louvain(g, { maxIterations: 1.5 })).toThrow(InvalidOptionError);
  });
});

describe('louvain maxIterations', () => {
  it('a second run from the first partition never lowers modularity, and a run that gains nothing stops', () => {
    // a ring of 12 triangles: many equal-quality partitions, so the seed matters
    const g = new Graph({ type: 'undirected' });
    for (let t = 0; t < 12; t++) {
      const [a, b, c] = [`${t}a`, `${t}b`, `${t}c`];
      g.mergeEdge(a, b);
      g.mergeEdge(b, c);
      g.mergeEdge(c, a);
      g.mergeEdge(c, `${(t + 1) % 12}a`);
    }
    for (let seed = 1; seed <= 10; seed++) {
      const one = louvain(g, { seed, maxIterations: 1 });
      const two = louvain(g, { seed, maxIterations: 2 });
      expect(two.modularity).toBeGreaterThanOrEqual(one.modularity);
      expect(louvain(g, { seed, maxIterations: 50 }).modularity).toBeGreaterThanOrEqual(two.modularity);
      expect(louvain(g, { seed })).toEqual(two);
      // the reported modularity is tracked from the moves' gains: it must equal a recount
      for (const resolution of [0.5, 1, 2]) {
        const r = louvain(g, { seed, resolution });
        expectClose(modularity(g, r.communities, { resolution }), r.modularity, { rel: 1e-9 }, `Q at γ = ${resolution}`);
      }
    }
  });
});

describe('louvain and leiden on multigraphs, self-loops and reciprocal edges', () => {
  /** Two 5-cliques joined by an edge, with parallel edges, self-loops and weights. */
  function multi(): Graph {
    const g = new Graph({ type: 'undirected', multi: true, allowSelfLoops: true });
    for (const prefix of ['a', 'b']) {
      for (let i = 0; i < 5; i++) {
        for (let j = i + 1; j < 5; j++) {
          g.mergeNode(`${prefix}${i}`);
          g.mergeNode(`${prefix}${j}`);
          g.addEdge(`${prefix}${i}`, `${prefix}${j}`);
        }
      }
    }
    g.addEdge('a0', 'b0', { weight: 2 });
    g.addEdge('a0', 'b0', { weight: 0.5 });
    g.addEdge('a1', 'a2', { weight: 3 });
    g.addEdge('b3', 'b3', { weight: 4 });
    g.addEdge('a4', 'a4');
    return g;
  }
  /** The same graph with parallel edges merged into one edge of summed weight. */
  function merged(g: Graph): Graph {
    const h = new Graph({ type: 'undirected', allowSelfLoops: true });
    g.forEachNode((v) => h.addNode(v));
    g.forEachEdge((_e, a, s, t) => {
      const w = (a.weight as number | undefined) ?? 1;
      if (h.hasEdge(s, t)) h.updateEdgeAttribute(s, t, 'weight', (x: number) => x + w);
      else h.addEdge(s, t, { weight: w });
    });
    return h;
  }
  it('report the modularity that modularity() recounts, on the multigraph and on its merged form', () => {
    const g = multi();
    const h = merged(g);
    for (let seed = 0; seed < 5; seed++) {
      const r1 = louvain(g, { seed });
      expectClose(modularity(g, r1.communities), r1.modularity, { rel: 1e-9 }, 'louvain on the multigraph');
      expectClose(modularity(h, r1.communities), r1.modularity, { rel: 1e-9 }, 'same partition on the merged graph');
      const r2 = louvain(g, { seed, resolution: 1.5 });
      expectClose(modularity(h, r2.communities, { resolution: 1.5 }), r2.modularity, { rel: 1e-9 }, 'γ = 1.5');
      const r3 = leiden(g, { seed });
      expectClose(modularity(h, r3.communities), r3.modularity, { rel: 1e-9 }, 'leiden');
      expect(r1.communities.a1).toBe(r1.communities.a2);
      expect(r1.communities.a1).not.toBe(r1.communities.b1);
    }
  });
  it('treat a directed graph with reciprocal edges as undirected with both weights summed', () => {
    const d = new Graph({ type: 'directed', allowSelfLoops: true });
    const u = new Graph({ type: 'undirected', allowSelfLoops: true });
    const arcs: [string, string, number][] = [['x', 'y', 1], ['y', 'x', 2], ['y', 'z', 1], ['z', 'x', 1], ['z', 'w', 0.5], ['w', 'v', 1], ['v', 'u', 1], ['u', 'w', 1], ['u', 'u', 2]];
    for (const [s, t, w] of arcs) {
      for (const v of [s, t]) {
        d.mergeNode(v);
        u.mergeNode(v);
      }
      d.addEdge(s, t, { weight: w });
      if (u.hasEdge(s, t)) u.updateEdgeAttribute(s, t, 'weight', (x: number) => x + w);
      else u.addEdge(s, t, { weight: w });
    }
    const rd = louvain(d, { seed: 3 });
    expectClose(modularity(u, rd.communities), rd.modularity, { rel: 1e-9 }, 'directed view');
    expect(rd.communities.x).toBe(rd.communities.y);
    expect(rd.communities.x).not.toBe(rd.communities.v);
  });
  it('work on a graph-like object without graphology degree counters (the generic compile path)', () => {
    const g = multi();
    const bare = {
      order: g.order,
      size: g.size,
      type: g.type,
      multi: g.multi,
      directedSize: g.directedSize,
      undirectedSize: g.undirectedSize,
      forEachNode: g.forEachNode.bind(g),
      forEachEdge: g.forEachEdge.bind(g),
      hasNode: g.hasNode.bind(g),
      setNodeAttribute: g.setNodeAttribute.bind(g),
    };
    const r = louvain(bare as unknown as Graph, { seed: 1 });
    expectClose(modularity(g, r.communities), r.modularity, { rel: 1e-9 }, 'generic path');
    expect(r.communities.a1).not.toBe(r.communities.b1);
  });
});
