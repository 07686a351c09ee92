/**
 * structuralHoles on a directed graph against networkx 2.8.8 (test/fixtures/graph-holes-directed.json
 * from scripts/reference/graph_holes_directed.py): Burt's constraint and effective size at 1e-9 on
 * the subgraph of email-Eu-core induced by the nodes with id below the fixture's limit (networkx's
 * pure-Python directed version takes hours on the whole graph).
 */
import Graph from 'graphology';
import { expect, it } from 'vitest';
import { structuralHoles } from 'crmkit/graph';
import { expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { emailGraph } from './_data.js';

interface Fixture {
  limit: number;
  nodes: number;
  edges: number;
  constraint: Record<string, number | null>;
  effectiveSize: Record<string, number | null>;
  /** networkx's formulas over all neighbours for nodes with in-arcs only (networkx itself says NaN). */
  constraintInArcsOnly: Record<string, number>;
  effectiveSizeInArcsOnly: Record<string, number>;
}
const EXACT = { rel: 1e-9, abs: 1e-12 };

describeWithData('structuralHoles vs networkx on a directed graph (email-Eu-core, induced subgraph)', [['snap-email-eu-core', 'email-Eu-core.txt']], () => {
  it("Burt's constraint and effective size of every node", () => {
    const fx = loadFixture<Fixture>('graph-holes-directed');
    const full = emailGraph();
    const g = new Graph({ type: 'directed' });
    full.forEachNode((v) => {
      if (Number(v) < fx.limit) g.addNode(v);
    });
    full.forEachEdge((_e, _a, s, t) => {
      if (s !== t && g.hasNode(s) && g.hasNode(t)) g.mergeEdge(s, t);
    });
    expect([g.order, g.size]).toEqual([fx.nodes, fx.edges]);
    const r = structuralHoles(g);
    let checked = 0;
    for (const [v, c] of Object.entries(fx.constraint)) {
      if (c === null) {
        // networkx 2.8.8 gives NaN to a node without successors even when it has predecessors
        // (its check is len(G[v]) == 0); ours, like networkx's formulas, sums over all neighbours
        const ci = fx.constraintInArcsOnly[v];
        if (ci === undefined) expect(r.constraint[v], `isolated ${v}`).toBeUndefined();
        else {
          expectClose(r.constraint[v]!, ci, EXACT, `constraint ${v} (in-arcs only)`);
          expectClose(r.effectiveSize[v]!, fx.effectiveSizeInArcsOnly[v]!, EXACT, `effective size ${v} (in-arcs only)`);
        }
        continue;
      }
      expectClose(r.constraint[v]!, c, EXACT, `constraint ${v}`);
      expectClose(r.effectiveSize[v]!, fx.effectiveSize[v]!, EXACT, `effective size ${v}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
