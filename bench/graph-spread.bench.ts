/**
 * crmkit/graph diffusion and influence maximization (issue 16) on snap-ego-facebook, lastfm-asia
 * and github-social:
 *   - 10,000 independent-cascade runs (weighted cascade) from 10 seeds, beside a pure-Python
 *     simulation of the same model (scripts/reference/graph_diffusion.py --bench, 1,000 runs, CPU time);
 *   - k = 50 seeds by IMM (ε = 0.1), CELF (lastfm-asia only: its first round alone is n × runs
 *     searches), top degree, degree-discount and top-PageRank, each seed set then simulated by the same
 *     independent 2,000-run simulation (mean ± standard error).
 * Memory of the selections: the process max RSS printed under each table (a single-run heap delta
 * is noise once the collector runs inside the call).
 * Wall time is inflated by other tenants on a shared machine, so CPU time (user + system of this
 * process) is printed beside it; quote `uptime`'s load average with any figure.
 *
 *   npm run bench -- graph-spread
 *   npx tsx bench/graph-spread.bench.ts lastfm-asia     # one graph
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { selectInfluencers, simulateIndependentCascade, type SelectInfluencersOptions } from '../src/graph/index.js';
import { dataPath, hasData, readDataCsv, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const PY = '/usr/bin/python3';
const SEEDS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

type Edge = [string, string];
const SETS: { name: string; file: string[]; load: () => Edge[]; celf: boolean }[] = [
  {
    name: 'ego-facebook',
    file: ['snap-ego-facebook', 'facebook_combined.txt'],
    load: () =>
      readDataText('snap-ego-facebook', 'facebook_combined.txt')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ') as Edge),
    celf: false,
  },
  {
    name: 'lastfm-asia',
    file: ['lastfm-asia', 'lastfm_asia_edges.csv'],
    load: () => readDataCsv(['lastfm-asia', 'lastfm_asia_edges.csv']).map((r) => [r.id_1!, r.id_2!] as Edge),
    celf: true,
  },
  {
    name: 'github-social',
    file: ['github-social', 'musae_git_edges.csv.gz'],
    load: () => readDataCsv(['github-social', 'musae_git_edges.csv.gz']).map((r) => [r.id_1!, r.id_2!] as Edge),
    celf: false,
  },
];

function build(edges: Edge[]): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const [s, t] of edges) {
    g.mergeNode(s);
    g.mergeNode(t);
    g.mergeEdge(s, t);
  }
  return g;
}

/** Wall and CPU milliseconds of one call. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

const load = (): string => `load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const set of SETS) {
  if (wanted.length > 0 && !wanted.includes(set.name)) continue;
  if (!hasData(...set.file)) {
    console.log(`\n## ${set.name}: shared data missing (${dataPath(...set.file)}), skipped`);
    continue;
  }
  const g = build(set.load());
  const rows: Row[] = [];
  // 1. 10,000 IC runs from 10 seeds
  const sim = timed(() => simulateIndependentCascade(g, SEEDS, { runs: 10000, seed: 1 }));
  const m = await measure(() => simulateIndependentCascade(g, SEEDS, { runs: 10000, seed: 1 }), { minRuns: 1, maxRuns: 2, minMs: 0 });
  rows.push({
    case: '10,000 IC runs (weighted cascade), 10 seeds',
    impl: 'crmkit',
    ms: m.ms,
    heapMB: m.heapMB,
    note: `cpu ${sim.cpu.toFixed(0)} ms; mean ${sim.value.mean.toFixed(2)} ± ${sim.value.standardError.toFixed(2)}; ${load()}`,
  });
  if (existsSync(PY)) {
    const file = dataPath(...set.file);
    const r = spawnSync(PY, [join(here, '..', 'scripts', 'reference', 'graph_diffusion.py'), '--bench', file, '1000', ...SEEDS], { encoding: 'utf8' });
    if (r.status === 0) {
      const out = JSON.parse(r.stdout) as { runs: number; mean: number; cpuSeconds: number };
      rows.push({
        case: '10,000 IC runs (weighted cascade), 10 seeds',
        impl: 'pure Python (networkx graph), 1,000 runs × 10',
        ms: out.cpuSeconds * 1000 * 10,
        note: `cpu time ×10; mean ${out.mean.toFixed(2)}`,
      });
    } else rows.push({ case: '10,000 IC runs', impl: 'pure Python', ms: null, note: r.stderr.slice(0, 120) });
  }
  // 2. k = 50 seeds by each method, evaluated by one independent simulation
  if (set.name !== 'ego-facebook') {
    const methods: [string, SelectInfluencersOptions][] = [
      ['imm', { method: 'imm', epsilon: 0.1, runs: 100 }],
      ['degree', { method: 'degree', runs: 100 }],
      ['degreeDiscount', { method: 'degreeDiscount', runs: 100 }],
      ['pagerank', { method: 'pagerank', runs: 100 }],
    ];
    if (set.celf) methods.push(['celf (200 worlds)', { method: 'celf', runs: 200 }]);
    for (const [name, opts] of methods) {
      const r = timed(() => selectInfluencers(g, 50, { ...opts, seed: 1 }));
      const ev = simulateIndependentCascade(g, r.value.seeds, { runs: 2000, seed: 12345 });
      rows.push({
        case: 'k = 50 seeds (weighted cascade)',
        impl: `crmkit ${name}`,
        ms: r.wall,
        heapMB: null,
        note: `cpu ${r.cpu.toFixed(0)} ms (incl. a 100–200-run evaluation); spread ${ev.mean.toFixed(1)} ± ${ev.standardError.toFixed(1)}${
          r.value.rrSets !== null ? `; ${r.value.rrSets} RR sets, LB ${r.value.lowerBound!.toFixed(0)}` : ''
        }; ${load()}`,
      });
    }
  }
  printTable(`${set.name} (${g.order} nodes, ${g.size} edges)`, rows);
}
