/**
 * crmkit/graph temporalSnapshots (issue 16) on snap-collegemsg (59,835 messages, 29 UTC weeks):
 * the weekly analysis — per window the graph, graphSummary (exact path lengths), PageRank, Louvain
 * and the community matching — beside the same per-window work done with networkx 2.8.8
 * (scripts/reference/graph_temporal.py --bench: DiGraph, summary, pagerank, louvain_communities;
 * one run, CPU time). Monthly and sliding windows without summaries are timed too.
 * Wall time is inflated by other tenants on a shared machine, so CPU time (user + system of this
 * process, per run) is printed beside it; quote `uptime`'s load average with any figure.
 *
 *   npm run bench -- graph-temporal
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporalSnapshots, type TemporalSnapshotsOptions } from '../src/graph/index.js';
import { hasData, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const PY = '/usr/bin/python3';
const DAY = 86_400_000;

if (!hasData('snap-collegemsg', 'CollegeMsg.txt')) {
  console.log('snap-collegemsg not found under ../shared/data: skipped');
  process.exit(0);
}
const messages = readDataText('snap-collegemsg', 'CollegeMsg.txt')
  .split('\n')
  .filter(Boolean)
  .map((l) => {
    const [s, t, ts] = l.split(' ');
    return { source: s!, target: t!, kind: 'message' as const, at: Number(ts) * 1000 };
  });

const rows: Row[] = [];
const cases: [string, TemporalSnapshotsOptions][] = [
  ["weekly (summary, PageRank, Louvain)", { by: 'week' }],
  ["monthly (PageRank, Louvain)", { by: 'month', summary: false }],
  ["14-day windows every 7 days (PageRank, Louvain)", { by: { window: 14 * DAY, step: 7 * DAY }, summary: false }],
];
for (const [name, opts] of cases) {
  let cpu = 0;
  let n = 0;
  const m = await measure(
    () => {
      const c0 = process.cpuUsage();
      const r = temporalSnapshots(messages, opts);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1000;
      n++;
      return r;
    },
    { minRuns: 3, minMs: 2000, maxRuns: 10 },
  );
  rows.push({ case: name, impl: 'crmkit temporalSnapshots', ms: m.ms, heapMB: m.heapMB, note: `CPU ${(cpu / n).toFixed(0)} ms per run (mean of ${n})` });
}
const script = join(here, '..', 'scripts', 'reference', 'graph_temporal.py');
if (existsSync(PY)) {
  const r = spawnSync(PY, [script, '--bench'], { encoding: 'utf8' });
  if (r.status === 0) {
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { windows: number; cpuSeconds: number };
    rows.push({ case: cases[0]![0], impl: 'networkx 2.8.8 (Python)', ms: out.cpuSeconds * 1000, note: `CPU time, one run, ${out.windows} windows` });
  } else rows.push({ case: cases[0]![0], impl: 'networkx 2.8.8 (Python)', ms: null, note: r.stderr.slice(0, 120) });
}
printTable(`temporalSnapshots on CollegeMsg (load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')})`, rows);
