/**
 * The reference graphs, built exactly as scripts/reference/graph.py builds them (same node order,
 * same weights). Shared by the reference tests and bench/graph.bench.ts.
 */
import Graph from 'graphology';
import { readDataCsv, readDataText } from '../../scripts/lib/data.js';

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

export function karateGraph(): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const r of readDataCsv(['karate-club', 'karate_nodes.csv'])) g.addNode(r.id!);
  for (const r of readDataCsv(['karate-club', 'karate_edges.csv'])) g.addEdge(r.source!, r.target!, { weight: Number(r.weight) });
  return g;
}

export function lesmisGraph(): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const r of readDataCsv(['les-miserables', 'lesmis_edges.csv'])) {
    g.mergeNode(r.source!);
    g.mergeNode(r.target!);
    g.addEdge(r.source!, r.target!, { weight: Number(r.weight) });
  }
  return g;
}

export function emailDepartments(): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines(readDataText('snap-email-eu-core', 'email-Eu-core-department-labels.txt'))) {
    const [a, b] = l.split(' ');
    out.set(a!, Number(b));
  }
  return out;
}

export function emailGraph(): Graph {
  const g = new Graph({ type: 'directed', allowSelfLoops: true });
  for (const node of emailDepartments().keys()) g.addNode(node);
  for (const l of lines(readDataText('snap-email-eu-core', 'email-Eu-core.txt'))) {
    const [s, t] = l.split(' ');
    g.mergeEdge(s!, t!);
  }
  return g;
}

export function collegeGraph(): Graph {
  const g = new Graph({ type: 'directed', allowSelfLoops: true });
  for (const l of lines(readDataText('snap-collegemsg', 'CollegeMsg.txt'))) {
    const [s, t] = l.split(' ');
    g.mergeNode(s!);
    g.mergeNode(t!);
    g.updateEdge(s!, t!, (a) => ({ ...a, weight: ((a.weight as number | undefined) ?? 0) + 1 }));
  }
  return g;
}

export const REFERENCE_GRAPHS = {
  karate: { files: [['karate-club', 'karate_edges.csv']], build: karateGraph },
  lesmis: { files: [['les-miserables', 'lesmis_edges.csv']], build: lesmisGraph },
  email: { files: [['snap-email-eu-core', 'email-Eu-core.txt']], build: emailGraph },
  college: { files: [['snap-collegemsg', 'CollegeMsg.txt']], build: collegeGraph },
} as const;

/** The undirected view louvain/leiden optimize on: u–v weighs w(u→v) + w(v→u) (missing weight → 1). */
export function undirectedView(g: Graph): Graph {
  if (g.type === 'undirected') return g;
  const u = new Graph({ type: 'undirected', allowSelfLoops: true });
  g.forEachNode((v) => u.addNode(v));
  g.forEachEdge((_e, a, s, t) => {
    const w = (a.weight as number | undefined) ?? 1;
    u.updateEdge(s, t, (x) => ({ weight: ((x.weight as number | undefined) ?? 0) + w }));
  });
  return u;
}
