/**
 * Components, core numbers, bridges, articulation points, HITS, shortest paths, ego graphs and link
 * prediction against networkx 2.8.8 on karate, les-misérables (weighted) and email-Eu-core
 * (directed) (scripts/reference/graph_measures.py → test/fixtures/graph-measures.json).
 * Tolerances: 1e-9 relative for closed-form values, 1e-6 for HITS (iterative).
 */
import type Graph from 'graphology';
import { expect, it } from 'vitest';
import {
  articulationPoints,
  bridges,
  connectedComponents,
  coreNumber,
  edgeBetweennessCentrality,
  egoGraph,
  hits,
  linkPrediction,
  shortestPath,
  shortestPathLengths,
  structuralHoles,
} from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { REFERENCE_GRAPHS } from './_data.js';

const EXACT = { rel: 1e-9, abs: 1e-12 };
const ITERATIVE = { rel: 1e-6, abs: 1e-9 };

interface Measures {
  directed: boolean;
  components: { weak: string[][]; strong: string[][] };
  coreNumber: Record<string, number>;
  hits: { hubs: Record<string, number>; authorities: Record<string, number> };
  paths: Record<string, { hops: Record<string, number>; weighted?: Record<string, number> }>;
  ego: { center: string; radius: number; weighted: boolean; undirected?: boolean; nodes: string[]; edges: number }[];
  edgeBetweenness: [string, string, number][];
  edgeBetweennessRaw: [string, string, number][];
  edgeBetweennessWeighted?: [string, string, number][];
  constraint?: Record<string, number>;
  effectiveSize?: Record<string, number>;
  constraintWeighted?: Record<string, number>;
  effectiveSizeWeighted?: Record<string, number>;
  bridges?: [string, string][];
  articulationPoints?: string[];
  linkPrediction?: { pairs: [string, string][] } & Record<'commonNeighbors' | 'jaccard' | 'adamicAdar' | 'resourceAllocation', Record<string, number>>;
}
const fx = loadFixture<Record<'karate' | 'lesmis' | 'email', Measures>>('graph-measures');

function groups(membership: Record<string, number>): string[][] {
  const by = new Map<number, string[]>();
  for (const [v, c] of Object.entries(membership)) by.set(c, [...(by.get(c) ?? []), v]);
  return [...by.values()].map((x) => x.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}
const canon = (cs: string[][]): string[][] => cs.map((c) => [...c].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

for (const name of ['karate', 'lesmis', 'email'] as const) {
  const spec = REFERENCE_GRAPHS[name];
  const ref = fx[name];
  describeWithData(`graph measures vs networkx 2.8.8 on ${name}`, spec.files.map((f) => [...f]), () => {
    let g: Graph;
    const graph = (): Graph => (g ??= spec.build());
    it('connectedComponents: weak and strong membership', () => {
      for (const connection of ['weak', 'strong'] as const) {
        const r = connectedComponents(graph(), { connection });
        expect(groups(r.membership)).toEqual(canon(ref.components[connection]));
        expect(r.count).toBe(ref.components[connection].length);
        expect(r.sizes).toEqual(ref.components[connection].map((c) => c.length).sort((a, b) => b - a));
      }
    });
    it('edgeBetweennessCentrality: normalized, raw and weighted, keyed by endpoints', () => {
      const cases: [[string, string, number][] | undefined, Parameters<typeof edgeBetweennessCentrality>[1]][] = [
        [ref.edgeBetweenness, {}],
        [ref.edgeBetweennessRaw, { normalized: false }],
        [ref.edgeBetweennessWeighted, { weight: 'weight' }],
      ];
      for (const [want, opts] of cases) {
        if (want === undefined) continue;
        const key = (a: string, b: string): string => (ref.directed ? `${a}>${b}` : [a, b].sort().join('|'));
        const got = new Map(edgeBetweennessCentrality(graph(), opts).map((e) => [key(e.source, e.target), e.score]));
        expect(got.size).toBe(want.filter(([a, b]) => a !== b).length);
        for (const [a, b, x] of want) if (a !== b) expectClose(got.get(key(a, b))!, x, EXACT, `${JSON.stringify(opts)} ${a}-${b}`);
      }
    });
    if (ref.constraint !== undefined) {
      it("structuralHoles: Burt's constraint and effective size, unweighted and weighted", () => {
        const pairs: [Record<string, number> | undefined, Record<string, number> | undefined, string | null][] = [
          [ref.constraint, ref.effectiveSize, null],
          [ref.constraintWeighted, ref.effectiveSizeWeighted, 'weight'],
        ];
        for (const [c, e, weight] of pairs) {
          if (c === undefined || e === undefined) continue;
          const r = structuralHoles(graph(), { weight });
          for (const [v, x] of Object.entries(c)) {
            if (Number.isNaN(x)) {
              expect(r.constraint[v], `isolated ${v}`).toBeUndefined();
              continue;
            }
            expectClose(r.constraint[v]!, x, EXACT, `constraint ${v} (${String(weight)})`);
            expectClose(r.effectiveSize[v]!, e[v]!, EXACT, `effective size ${v} (${String(weight)})`);
          }
        }
      });
    }
    it('coreNumber', () => {
      expect(coreNumber(graph())).toEqual(ref.coreNumber);
    });
    it('hits (weighted adjacency, 1e-6)', () => {
      const r = hits(graph());
      expect(r.converged).toBe(true);
      for (const v of Object.keys(ref.hits.hubs)) {
        expectClose(r.hubs[v]!, ref.hits.hubs[v]!, ITERATIVE, `hub ${v}`);
        expectClose(r.authorities[v]!, ref.hits.authorities[v]!, ITERATIVE, `authority ${v}`);
      }
    });
    it('shortestPathLengths and shortestPath, unweighted and weighted', () => {
      for (const [source, want] of Object.entries(ref.paths)) {
        expect(shortestPathLengths(graph(), source)).toEqual(want.hops);
        if (want.weighted) {
          const got = shortestPathLengths(graph(), source, { weight: 'weight' });
          expect(Object.keys(got).sort()).toEqual(Object.keys(want.weighted).sort());
          for (const [v, d] of Object.entries(want.weighted)) expectClose(got[v]!, d, EXACT, `${source} → ${v}`);
        }
        // every reachable target: a valid path whose length is the reference distance
        const targets = Object.keys(want.hops).slice(0, 40);
        for (const t of targets) {
          for (const weighted of want.weighted ? [false, true] : [false]) {
            const r = shortestPath(graph(), source, t, weighted ? { weight: 'weight' } : {});
            const d = weighted ? want.weighted![t]! : want.hops[t]!;
            expect(r.reachable).toBe(true);
            expect(r.path[0]).toBe(source);
            expect(r.path[r.path.length - 1]).toBe(t);
            let len = 0;
            for (let i = 1; i < r.path.length; i++) {
              const e = graph().edge(r.path[i - 1]!, r.path[i]!);
              expect(e, `${r.path[i - 1]} → ${r.path[i]}`).toBeDefined();
              len += weighted ? (graph().getEdgeAttribute(e!, 'weight') as number) : 1;
            }
            expectClose(len, d, EXACT, `path ${source} → ${t}`);
            expectClose(r.distance, d, EXACT, `distance ${source} → ${t}`);
          }
        }
      }
    });
    it('egoGraph: nodes and edge count', () => {
      for (const e of ref.ego) {
        const h = egoGraph(graph(), e.center, { radius: e.radius, ...(e.weighted ? { weight: 'weight' } : {}), ...(e.undirected ? { undirected: true } : {}) });
        expect(h.nodes().sort(), `${e.center} r=${e.radius}`).toEqual([...e.nodes].sort());
        expect(h.size).toBe(e.edges);
        expect(h.type).toBe(graph().type);
      }
    });
    if (!ref.directed) {
      it('bridges and articulationPoints', () => {
        const b = bridges(graph()).map((p) => [...p].sort());
        expect(b.sort()).toEqual(ref.bridges!.map((p) => [...p].sort()).sort());
        expect(articulationPoints(graph()).sort()).toEqual([...ref.articulationPoints!].sort());
      });
      it('linkPrediction: common neighbours, Jaccard, Adamic–Adar, resource allocation over every non-edge', () => {
        const lp = ref.linkPrediction!;
        for (const method of ['commonNeighbors', 'jaccard', 'adamicAdar', 'resourceAllocation'] as const) {
          const all = linkPrediction(graph(), { method });
          expect(all.length).toBe(lp.pairs.length);
          const got = new Map(all.map((s) => [[s.source, s.target].sort().join('|'), s.score]));
          for (const [u, v] of lp.pairs) {
            const want = lp[method][`${u}|${v}`]!;
            expectClose(got.get([u, v].sort().join('|'))!, want, EXACT, `${method} ${u}|${v}`);
          }
          const some = linkPrediction(graph(), { method, pairs: lp.pairs.slice(0, 5) });
          some.forEach((s, i) => expectClose(s.score, lp[method][`${lp.pairs[i]![0]}|${lp.pairs[i]![1]}`]!, EXACT, `${method} pair ${i}`));
        }
      });
    }
  });
}
