/**
 * crmkit/graph benchmarks on snap-ego-facebook, lastfm-asia and github-social: our time beside
 * graphology-metrics 2.4.2 / graphology-communities-louvain 2.0.2 in the same run, and beside
 * networkx 2.8.8 / igraph 0.10.2 (scripts/reference/graph.py --bench) when /usr/bin/python3 has them.
 *
 *   npm run bench -- graph                          # all three graphs
 *   npx tsx bench/graph.bench.ts ego-facebook       # one graph
 *   GRAPH_BENCH_QUICK=1 npm run bench -- graph      # skip exact betweenness on github-social (minutes)
 *   GRAPH_BENCH_ONLY=pagerank,eigenvector,louvain npm run bench -- graph   # only these cases
 *
 * GRAPH_BENCH_ONLY takes a comma-separated list of: build, compile, degree, betweenness, closeness,
 * harmonic, pagerank, eigenvector, summary, louvain, leiden, labelPropagation (the Python peers
 * honour it too).
 *
 * Peers that take longer than 60 s (measured in issue 6) are skipped and marked so in the table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import louvainPeer from 'graphology-communities-louvain';
import betweennessPeer from 'graphology-metrics/centrality/betweenness.js';
import closenessPeer from 'graphology-metrics/centrality/closeness.js';
import { degreeCentrality as degreePeer } from 'graphology-metrics/centrality/degree.js';
import eigenvectorPeer from 'graphology-metrics/centrality/eigenvector.js';
import pagerankPeer from 'graphology-metrics/centrality/pagerank.js';
import modularityPeer from 'graphology-metrics/graph/modularity.js';
import {
  betweennessCentrality,
  buildInteractionGraph,
  closenessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  graphSummary,
  harmonicCentrality,
  labelPropagation,
  leiden,
  louvain,
  pagerank,
} from '../src/graph/index.js';
import { compile } from '../src/graph/_compile.js';
import { hasData, readDataCsv, readDataText } from '../scripts/lib/data.js';
import { measure as measureWall, printTable, type Row } from './lib.js';
import { mulberry32 } from '../scripts/lib/mulberry32.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.env.GRAPH_BENCH_QUICK === '1';
const only = (process.env.GRAPH_BENCH_ONLY ?? '')
  .split(',')
  .map((t) => t.trim())
  .filter(Boolean);
/** Whether the case `task` runs (GRAPH_BENCH_ONLY unset: all). */
const want = (task: string): boolean => only.length === 0 || only.includes(task);
type Edge = [string, string];

const SETS: { name: string; file: string[]; load: () => Edge[] }[] = [
  {
    name: 'ego-facebook',
    file: ['snap-ego-facebook', 'facebook_combined.txt'],
    load: () =>
      readDataText('snap-ego-facebook', 'facebook_combined.txt')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ') as Edge),
  },
  {
    name: 'lastfm-asia',
    file: ['lastfm-asia', 'lastfm_asia_edges.csv'],
    load: () => readDataCsv(['lastfm-asia', 'lastfm_asia_edges.csv']).map((r) => [r.id_1!, r.id_2!] as Edge),
  },
  {
    name: 'github-social',
    file: ['github-social', 'musae_git_edges.csv.gz'],
    load: () => readDataCsv(['github-social', 'musae_git_edges.csv.gz']).map((r) => [r.id_1!, r.id_2!] as Edge),
  },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const slow = { minRuns: 1, maxRuns: 1, minMs: 0 };
const medium = { minRuns: 3, maxRuns: 5, minMs: 0 };
/** Cases of a few to a few hundred ms: enough runs (≥ 7, ≥ 0.4 s in all) for a stable median on a shared machine. */
const fast = { minRuns: 7, maxRuns: 40, minMs: 400 };

/**
 * `measure` from bench/lib.ts plus the median CPU time of the runs (process.cpuUsage): on a shared
 * machine wall-clock time mostly measures the other tenants, CPU time measures the code. Cases
 * measured several times get one untimed warm-up run first; single-run (slow) cases do not.
 */
async function measure<T>(fn: () => T, opts: { minRuns: number; maxRuns: number; minMs: number }): Promise<{ ms: number; heapMB: number; cpuMs: number }> {
  const cpu: number[] = [];
  if (opts.maxRuns > 1) fn(); // one untimed warm-up run (JIT), for every implementation alike
  const m = await measureWall(() => {
    const c0 = process.cpuUsage();
    const r = fn();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    return r;
  }, opts);
  cpu.sort((a, b) => a - b);
  return { ...m, cpuMs: cpu[Math.floor(cpu.length / 2)]! };
}

/**
 * Ours and a peer timed in alternation (after one warm-up run of each): both see the same machine
 * load, heap state and GC pressure, which on this shared machine moved a back-to-back median by up
 * to 2× (louvain on ego-Facebook: 31 ms measured right after the eigenvector cases, 13 ms alone).
 * Medians of CPU and wall time over `runs` pairs (at least 0.4 s of work per side); heap growth as
 * in bench/lib.ts, from three extra runs of each that start from a forced collection.
 */
function measurePair(a: () => unknown, b: () => unknown, minRuns = 9): [{ ms: number; heapMB: number; cpuMs: number }, { ms: number; heapMB: number; cpuMs: number }] {
  const gc = (globalThis as { gc?: () => void }).gc;
  const fns = [a, b];
  const wall: number[][] = [[], []];
  const cpu: number[][] = [[], []];
  for (const f of fns) f();
  let total = 0;
  for (let r = 0; r < 60 && (r < minRuns || total < 800); r++) {
    for (let i = 0; i < 2; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fns[i]!();
      const dt = performance.now() - t0;
      const c = process.cpuUsage(c0);
      wall[i]!.push(dt);
      cpu[i]!.push((c.user + c.system) / 1000);
      total += dt;
    }
  }
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [0, 1].map((i) => {
    let heap = 0;
    for (let k = 0; k < 3; k++) {
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const result = fns[i]!();
      heap = Math.max(heap, (process.memoryUsage().heapUsed - before) / 1048576);
      if (result === undefined) void 0;
    }
    return { ms: med(wall[i]!), cpuMs: med(cpu[i]!), heapMB: heap };
  }) as [{ ms: number; heapMB: number; cpuMs: number }, { ms: number; heapMB: number; cpuMs: number }];
}

interface PyRow {
  graph: string;
  impl: string;
  task: string;
  ms: number | null;
  note?: string;
}

function python(name: string): PyRow[] {
  const py = '/usr/bin/python3';
  if (!existsSync(py)) return [];
  const r = spawnSync(py, [join(here, '..', 'scripts', 'reference', 'graph.py'), '--bench', name], {
    encoding: 'utf8',
    timeout: 900_000,
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.log(`python peers unavailable for ${name}: ${(r.stderr ?? '').split('\n').slice(-3).join(' ')}`);
    return [];
  }
  return JSON.parse(r.stdout) as PyRow[];
}

function undirectedGraph(edges: Edge[]): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const [a, b] of edges) g.mergeEdge(a, b);
  return g;
}

function maxAbsDiff(a: Record<string, number>, b: Record<string, number>): number {
  let m = 0;
  for (const k of Object.keys(a)) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

async function main(): Promise<void> {
  for (const set of SETS) {
    if (wanted.length > 0 && !wanted.includes(set.name)) continue;
    if (!hasData(...set.file)) {
      console.log(`skipping ${set.name}: shared data not found`);
      continue;
    }
    const edges = set.load();
    const rows: Row[] = [];
    const add = (c: string, impl: string, m: { ms: number; heapMB: number; cpuMs?: number } | null, note = ''): void => {
      const wall = m === null ? '' : `wall ${m.ms.toFixed(0)} ms`;
      rows.push({ case: c, impl, ms: m === null ? null : (m.cpuMs ?? m.ms), heapMB: m === null ? null : m.heapMB, note: [wall, note].filter(Boolean).join('; ') });
    };
    const big = set.name === 'github-social';

    if (want('build')) {
      add('build', 'graphology mergeEdge loop', await measure(() => undirectedGraph(edges), medium));
      const interactions = edges.map(([source, target]) => ({ source, target, kind: 'follow' as const }));
      add('build', 'crmkit buildInteractionGraph', await measure(() => buildInteractionGraph(interactions, { directed: false }), medium));
    }
    const g = undirectedGraph(edges);
    if (want('compile')) {
      const c = compile('bench', g);
      const csrBytes =
        c.outOffsets.byteLength + c.outTargets.byteLength + c.outWeights.byteLength + c.loopWeight.byteLength;
      add('compile to CSR', 'crmkit', await measure(() => compile('bench', g), fast), `typed arrays ${(csrBytes / 1048576).toFixed(1)} MB + key map`);
    }

    if (want('degree')) {
      add('degree', 'crmkit', await measure(() => degreeCentrality(g), medium));
      add('degree', 'graphology-metrics', await measure(() => degreePeer(g), medium));
    }

    if (want('betweenness')) {
      let exact: Record<string, number> | null = null;
      if (big && quick) {
        add('betweenness exact', 'crmkit', null, 'skipped (GRAPH_BENCH_QUICK=1)');
      } else {
        add('betweenness exact', 'crmkit', await measure(() => (exact = betweennessCentrality(g)), slow));
      }
      if (big) add('betweenness exact', 'graphology-metrics', null, 'skipped: did not finish in 240 s (issue 6)');
      else add('betweenness exact', 'graphology-metrics', await measure(() => betweennessPeer(g), slow));
      let sampled: Record<string, number> = Object.create(null);
      add('betweenness k=500', 'crmkit', await measure(() => (sampled = betweennessCentrality(g, { k: 500, seed: 1 })), slow));
      if (exact !== null) {
        rows[rows.length - 1]!.note += `; max |error| vs exact ${maxAbsDiff(sampled, exact).toExponential(2)}`;
      }
    }

    if (want('closeness')) {
      add('closeness', 'crmkit', await measure(() => closenessCentrality(g), slow));
      if (big) add('closeness', 'graphology-metrics', null, 'skipped: > 60 s expected (6.1 s on ego-facebook, ~30× the work)');
      else add('closeness', 'graphology-metrics (wassermanFaust)', await measure(() => closenessPeer(g, { wassermanFaust: true }), slow));
    }
    if (want('harmonic')) add('harmonic', 'crmkit', await measure(() => harmonicCentrality(g), slow), 'no JS peer');

    if (want('pagerank')) {
      const [ours, peer] = measurePair(() => pagerank(g), () => pagerankPeer(g));
      add('pagerank', 'crmkit', ours);
      add('pagerank', 'graphology-metrics', peer, `crmkit ${(peer.cpuMs / ours.cpuMs).toFixed(1)}× faster`);
    }
    if (want('eigenvector')) {
      const [ours, peer] = measurePair(() => eigenvectorCentrality(g, { maxIterations: 1000 }), () => eigenvectorPeer(g, { maxIterations: 1000 }));
      add('eigenvector', 'crmkit', ours);
      add('eigenvector', 'graphology-metrics', peer, `crmkit ${(peer.cpuMs / ours.cpuMs).toFixed(1)}× faster`);
    }

    if (want('summary')) {
      const sum = graphSummary(g);
      add('graphSummary', 'crmkit', await measure(() => graphSummary(g), slow), `paths ${sum.pathLengths.method} (${sum.pathLengths.sources} sources)`);
    }

    let q = 0;
    if (want('louvain')) {
      // timed at our default seed and at the peer's seeded rng (1); modularity also over seeds 1–10
      // the peer is timed without computing its modularity (ours computes and returns it)
      const [ours, peer] = measurePair(() => (q = louvain(g).modularity), () => louvainPeer(g, { rng: mulberry32(1) }));
      add('louvain', 'crmkit (default seed)', ours, `Q = ${q.toFixed(4)}`);
      add('louvain', 'graphology-communities-louvain (rng seed 1)', peer, `Q = ${peerLouvainQ(g, 1).toFixed(4)}; crmkit ${(peer.cpuMs / ours.cpuMs).toFixed(2)}× as fast`);
      const oursQ: number[] = [];
      const peerQ: number[] = [];
      for (let s = 1; s <= 10; s++) {
        oursQ.push(louvain(g, { seed: s }).modularity);
        peerQ.push(peerLouvainQ(g, s));
      }
      rows.push({ case: 'louvain', impl: 'crmkit, seeds 1–10', ms: null, note: spread(oursQ) });
      rows.push({ case: 'louvain', impl: 'graphology-communities-louvain, seeds 1–10', ms: null, note: spread(peerQ) });
    }
    if (want('leiden')) {
      add('leiden', 'crmkit', await measure(() => (q = leiden(g, { seed: 1 }).modularity), medium));
      rows[rows.length - 1]!.note += `; Q = ${q.toFixed(4)}`;
    }
    if (want('labelPropagation')) {
      add('labelPropagation', 'crmkit', await measure(() => (q = labelPropagation(g, { seed: 1 }).modularity), medium));
      rows[rows.length - 1]!.note += `; Q = ${q.toFixed(4)}`;
    }

    const rename: Record<string, string> = { betweenness: 'betweenness exact', summary: 'graphSummary' };
    for (const r of python(set.name)) rows.push({ case: rename[r.task] ?? r.task, impl: r.impl, ms: r.ms, heapMB: null, note: r.note ?? '' });
    rows.sort((a, b) => order(a.case) - order(b.case));
    printTable(`${set.name}: ${g.order} nodes, ${g.size} edges — the ms column is CPU time (median), wall time in the note`, rows);
  }
}

const ORDER = ['build', 'compile to CSR', 'degree', 'betweenness exact', 'betweenness', 'betweenness k=500', 'closeness', 'harmonic', 'pagerank', 'eigenvector', 'graphSummary', 'summary', 'clustering', 'louvain', 'leiden', 'labelPropagation'];
function order(c: string): number {
  const i = ORDER.indexOf(c);
  return i === -1 ? ORDER.length : i;
}

/** Modularity of graphology-communities-louvain's partition at its defaults with a seeded rng. */
function peerLouvainQ(g: Graph, seed: number): number {
  const comm = louvainPeer(g, { rng: mulberry32(seed) });
  return modularityPeer(g, { getNodeCommunity: (n: string) => comm[n]! });
}

/** "Q median x (min a, max b)" of a list of modularities. */
function spread(qs: number[]): string {
  const s = [...qs].sort((a, b) => a - b);
  const med = (s[4]! + s[5]!) / 2;
  return `Q median ${med.toFixed(4)} (min ${s[0]!.toFixed(4)}, max ${s[s.length - 1]!.toFixed(4)})`;
}


await main();
