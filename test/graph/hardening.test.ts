import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  buildInteractionGraph,
  closenessCentrality,
  degreeCentrality,
  edgeBetweennessCentrality,
  egoGraph,
  eigenvectorCentrality,
  harmonicCentrality,
  hits,
  InvalidInputError,
  labelPropagation,
  leiden,
  louvain,
  modularity,
  pagerank,
  shortestPath,
  shortestPathLengths,
  simulateIndependentCascade,
  structuralHoles,
  type EdgeWeight,
} from 'crmkit/graph';
import type { Interaction } from 'crmkit';

const PROTO_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

describe('buildInteractionGraph(records) with account names graphology cannot store', () => {
  const names = [...PROTO_NAMES, 'bob', '\u0000bob', 'ann'];
  const records: Interaction[] = [];
  for (const a of names) for (const b of names) if (a !== b) records.push({ source: a, target: b, kind: 'reply' });

  it('keeps every account and every pair, in both directions, and counts the escaped keys', () => {
    const g = buildInteractionGraph(records);
    expect(g.order).toBe(names.length);
    expect(g.size).toBe(names.length * (names.length - 1));
    expect(g.getAttribute('interactions')).toBe(records.length);
    expect(g.getAttribute('escapedNodeKeys')).toBe(PROTO_NAMES.length + 1);
    expect(g.hasNode('\u0000constructor')).toBe(true);
    expect(g.hasNode('bob')).toBe(true); // ordinary names are stored as they are
    const u = buildInteractionGraph(records, { directed: false });
    expect(u.size).toBe((names.length * (names.length - 1)) / 2);
  });
  it('results are keyed by the account names, and arguments take them', () => {
    const g = buildInteractionGraph(records);
    const pr = pagerank(g).scores;
    expect(Object.keys(pr).sort()).toEqual([...names].sort());
    for (const n of names) expect(pr[n]).toBeCloseTo(1 / names.length, 12);
    expect(Object.keys(degreeCentrality(g)).sort()).toEqual([...names].sort());
    expect(Object.keys(louvain(g).communities).sort()).toEqual([...names].sort());
    expect(shortestPath(g, '__proto__', '\u0000bob')).toEqual({ reachable: true, path: ['__proto__', '\u0000bob'], distance: 1 });
    expect(Object.keys(shortestPathLengths(g, 'constructor')).sort()).toEqual([...names].sort());
    const sim = simulateIndependentCascade(g, ['toString'], { runs: 20, probability: 1, seed: 1 });
    expect(sim.mean).toBe(names.length);
    expect(Object.keys(sim.activationProbability).sort()).toEqual([...names].sort());
    const ego = egoGraph(g, 'valueOf', { radius: 0 });
    expect(ego.nodes()).toEqual(['\u0000valueOf']);
    expect(ego.getAttribute('escapedNodeKeys')).toBe(1);
    expect(modularity(g, Object.fromEntries(names.map((n) => [n, n.length % 2])))).toBeLessThan(0);
    pagerank.assign(g);
    expect(g.getNodeAttribute('\u0000__proto__', 'pagerank')).toBeCloseTo(1 / names.length, 12);
  });
  it('builds from posts by such authors and mentions', () => {
    const g = buildInteractionGraph([
      { id: '1', author: 'constructor', text: 'hi @__proto__ and @hasOwnProperty', createdAt: 0 },
      { id: '2', author: '__proto__', text: 'back', createdAt: 1, replyTo: '1' },
    ]);
    expect(Object.keys(pagerank(g).scores).sort()).toEqual(['__proto__', 'constructor', 'hasownproperty']);
    expect(g.getAttributes()).toEqual({ interactions: 3, skipped: 0, selfLoopsDropped: 0, unresolved: 0, escapedNodeKeys: 2 });
  });
  it('does not add the escapedNodeKeys attribute when nothing was escaped', () => {
    expect(buildInteractionGraph([{ source: 'a', target: 'b', kind: 'reply' }]).getAttributes()).toEqual({
      interactions: 1,
      skipped: 0,
      selfLoopsDropped: 0,
      unresolved: 0,
    });
  });
});

/** A small weighted graph whose weights are `scale` × (1, 2, 3, …). */
function weighted(scale: number, type: 'directed' | 'undirected'): Graph {
  const g = new Graph({ type });
  const edges: [string, string][] = [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
    ['f', 'd'],
    ['b', 'a'],
    ['f', 'e'],
  ];
  edges.forEach(([s, t], i) => {
    if (type === 'undirected' && g.hasEdge(s, t)) return;
    g.mergeEdge(s, t, { weight: scale * (1 + (i % 4)) });
  });
  return g;
}

/** Same keys, finite, and a[k] = b[k] × factor within `tol` relative (1e-9 closed form, 1e-6 iterative). */
const closeAll = (a: Record<string, number>, b: Record<string, number>, factor = 1, tol = 1e-9): void => {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const k of Object.keys(b)) {
    expect(Number.isFinite(a[k]!)).toBe(true);
    expect(Math.abs(a[k]! - b[k]! * factor)).toBeLessThanOrEqual(tol * Math.abs(b[k]! * factor) + 1e-300);
  }
};

describe('extreme edge weights (1e154 and beyond, or tiny) give the results of weights near 1, never NaN or zeros', () => {
  for (const type of ['undirected', 'directed'] as const) {
    for (const scale of [2 ** -1000, 1e-200, 1e154, 1e200, 1e300, 2 ** 1000]) {
      it(`${type}, weights × ${scale}`, () => {
        const big = weighted(scale, type);
        const unit = weighted(1, type);
        const w: EdgeWeight = 'weight';
        const pb = pagerank(big);
        expect(pb.converged).toBe(true);
        closeAll(pb.scores, pagerank(unit).scores, 1, 1e-6);
        if (type === 'undirected') {
          // the iteration is on A + I (networkx's), whose path depends on the weights' scale; the
          // limit does not: converge tightly on both and compare the eigenvectors
          const tight = { weight: w, tolerance: 1e-14, maxIterations: 10_000 };
          const eb = eigenvectorCentrality(big, tight);
          const eu = eigenvectorCentrality(unit, tight);
          expect(eb.converged && eu.converged).toBe(true);
          expect(Object.values(eb.scores).some((x) => x > 0.1)).toBe(true);
          closeAll(eb.scores, eu.scores, 1, 1e-9);
        }
        const hb = hits(big, { weight: w });
        closeAll(hb.hubs, hits(unit, { weight: w }).hubs, 1, 1e-6);
        const part = { a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 };
        const qb = modularity(big, part);
        expect(Math.abs(qb - modularity(unit, part))).toBeLessThan(1e-12);
        expect(qb).toBeGreaterThan(0.2);
        for (const f of [louvain, leiden]) {
          const r = f(big, { seed: 1 });
          const u = f(unit, { seed: 1 });
          expect(Math.abs(r.modularity - u.modularity)).toBeLessThan(1e-12);
          expect(r.communities).toEqual(u.communities);
        }
        expect(labelPropagation(big, { seed: 1 }).communities).toEqual(labelPropagation(unit, { seed: 1 }).communities);
        closeAll(structuralHoles(big, { weight: w }).constraint, structuralHoles(unit, { weight: w }).constraint);
        if (Number.isInteger(Math.log2(scale))) {
          // shortest-path ties survive only an exact scaling (1e154·1 + 1e154·2 ≠ 1e154·3 in doubles)
          closeAll(betweennessCentrality(big, { weight: w }), betweennessCentrality(unit, { weight: w }));
          const ebc = edgeBetweennessCentrality(big, { weight: w });
          expect(ebc.map((e) => e.score)).toEqual(edgeBetweennessCentrality(unit, { weight: w }).map((e) => e.score));
        } else {
          for (const x of Object.values(betweennessCentrality(big, { weight: w }))) expect(Number.isFinite(x)).toBe(true);
        }
        // distances scale with the weights: closeness and harmonic inversely, path lengths directly
        closeAll(closenessCentrality(big, { weight: w }), closenessCentrality(unit, { weight: w }), 1 / scale);
        closeAll(harmonicCentrality(big, { weight: w }), harmonicCentrality(unit, { weight: w }), 1 / scale);
        closeAll(shortestPathLengths(big, 'a', { weight: w }), shortestPathLengths(unit, 'a', { weight: w }), scale);
        expect(egoGraph(big, 'a', { weight: w, radius: 2 * scale }).order).toBe(egoGraph(unit, 'a', { weight: w, radius: 2 }).order);
      });
    }
  }
  it('throws a typed error when positive weights span more than 2^1022', () => {
    const g = new Graph({ type: 'undirected' });
    g.mergeEdge('a', 'b', { weight: 1e308 });
    g.mergeEdge('b', 'c', { weight: 1e-10 });
    for (const f of [() => pagerank(g), () => eigenvectorCentrality(g, { weight: 'weight' }), () => modularity(g, { a: 0, b: 0, c: 1 }), () => louvain(g)]) {
      expect(f).toThrow(InvalidInputError);
    }
    expect(() => pagerank(g)).toThrow(/graph\/pagerank: edge weights span more than 2\^1022/);
    const tiny = new Graph({ type: 'undirected' });
    tiny.mergeEdge('a', 'b', { weight: 1 });
    tiny.mergeEdge('b', 'c', { weight: 1e-310 }); // subnormal: 1 / w overflows
    expect(() => pagerank(tiny)).toThrow(InvalidInputError);
  });
  it('shortest path lengths beyond the double range throw', () => {
    const g = new Graph({ type: 'undirected' });
    g.mergeEdge('a', 'b', { weight: 1.5e308 });
    g.mergeEdge('b', 'c', { weight: 1.5e308 });
    expect(shortestPath(g, 'a', 'b', { weight: 'weight' }).distance).toBe(1.5e308);
    expect(() => shortestPath(g, 'a', 'c', { weight: 'weight' })).toThrow(InvalidInputError);
  });
});
