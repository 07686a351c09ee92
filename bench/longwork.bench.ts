/**
 * Long work, sync and awaitable (core/_steps). Run: `npm run bench -- longwork`.
 *
 * 1. Cost of the checkpoints on the synchronous path: each long-running function of this branch
 *    beside the same function from the commit before the kernels became generators (extracted with
 *    `git archive` into .tmp/longwork-base; override with LONGWORK_BASE=<commit>). Runs alternate
 *    (base, ours, base, ours, …) so load changes hit both alike; medians of process CPU time.
 * 2. The awaitable form beside the sync form (wall time, same process), and what a real
 *    `setTimeout` abort sees: the timer's lateness, the time from the abort to the rejection, and the
 *    largest gap between two turns of a `setTimeout(0)` ticker while the work runs.
 *
 * The peer of row set 1 is our own previous code: there is no other library with these kernels in
 * both forms. Quote the load average printed by `npm run bench` with any figure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Graph from 'graphology';
import { createRandom } from '../src/core/random.js';
import { printTable, type Row } from './lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baseCommit = process.env.LONGWORK_BASE ?? execFileSync('git', ['-C', root, 'merge-base', 'HEAD', 'main']).toString().trim();
const baseDir = join(root, '.tmp', 'longwork-base');
rmSync(baseDir, { recursive: true, force: true });
mkdirSync(baseDir, { recursive: true });
execFileSync('sh', ['-c', `git -C '${root}' archive ${baseCommit} src | tar -x -C '${baseDir}'`]);

type Mod = Record<string, (...a: never[]) => unknown>;
const load = async (dir: string, sub: string): Promise<Mod> => (await import(pathToFileURL(join(dir, 'src', sub, 'index.ts')).href)) as Mod;
const subs = ['core', 'segment', 'experiment', 'graph', 'classify', 'text'] as const;
const ours: Record<string, Mod> = {};
const base: Record<string, Mod> = {};
for (const s of subs) {
  ours[s] = await load(root, s);
  base[s] = await load(baseDir, s);
}

const r = createRandom(1);
const blobs = Array.from({ length: 10_000 }, (_, i) => Array.from({ length: 8 }, () => (i % 5) * 3 + r.normal()));
const arm = (shift: number) => Array.from({ length: 2000 }, () => Math.exp(r.normal() + shift));
const control = arm(0);
const treatment = arm(0.1);
const graph = (n: number, m: number, type: 'directed' | 'undirected'): Graph => {
  const g = new Graph({ type });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (let e = 0; e < m; e++) {
    const a = r.int(n);
    const b = r.int(n);
    if (a !== b) g.mergeEdge(`n${a}`, `n${b}`);
  }
  return g;
};
const dg = graph(2000, 10_000, 'directed');
const ug = graph(10_000, 50_000, 'undirected');
const WORDS = Array.from({ length: 2000 }, (_, i) => `w${i}`);
const docs = Array.from({ length: 5000 }, (_, i) => Array.from({ length: 5 + (i % 20) }, () => WORDS[Math.floor(WORDS.length * r.uniform() ** 2)]!));
const cls = { X: blobs.slice(0, 5000), y: blobs.slice(0, 5000).map((_, i) => i % 2) };
const rosen = (x: Float64Array): number => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return s;
};

interface Case {
  name: string;
  run: (m: Record<string, Mod>) => unknown;
  /** The awaitable form on this branch, for part 2. */
  async?: (signal?: AbortSignal) => Promise<unknown>;
}
const call = (m: Record<string, Mod>, sub: string, fn: string, ...args: unknown[]): unknown => (m[sub]![fn] as (...a: unknown[]) => unknown)(...args);
let counts: unknown;
const cases: Case[] = [
  { name: 'minimize, Rosenbrock 2-D (≈40 tiny iterations: worst case per yield)', run: (m) => call(m, 'core', 'minimize', rosen, [-1.2, 1]) },
  { name: 'fitKMeans 10k × 8, k = 8', run: (m) => call(m, 'segment', 'fitKMeans', blobs, { k: 8, seed: 1 }), async: (signal) => call(ours, 'segment', 'fitKMeansAsync', blobs, { k: 8, seed: 1, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'bootstrapDifference 2 × 2000, 2000 resamples', run: (m) => call(m, 'experiment', 'bootstrapDifference', control, treatment, { seed: 1 }), async: (signal) => call(ours, 'experiment', 'bootstrapDifferenceAsync', control, treatment, { seed: 1, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'simulateIndependentCascade 10k arcs, 1000 runs', run: (m) => call(m, 'graph', 'simulateIndependentCascade', dg, ['n0', 'n1'], { probability: 0.1, runs: 1000 }), async: (signal) => call(ours, 'graph', 'simulateIndependentCascadeAsync', dg, ['n0', 'n1'], { probability: 0.1, runs: 1000, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'selectInfluencers IMM, 10k arcs, k = 10', run: (m) => call(m, 'graph', 'selectInfluencers', dg, 10, { probability: 0.05, runs: 200 }), async: (signal) => call(ours, 'graph', 'selectInfluencersAsync', dg, 10, { probability: 0.05, runs: 200, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'louvain 50k edges', run: (m) => call(m, 'graph', 'louvain', ug, { seed: 1 }), async: (signal) => call(ours, 'graph', 'louvainAsync', ug, { seed: 1, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'leiden 50k edges', run: (m) => call(m, 'graph', 'leiden', ug, { seed: 1 }), async: (signal) => call(ours, 'graph', 'leidenAsync', ug, { seed: 1, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'fitLogisticRegression 5000 × 8', run: (m) => call(m, 'classify', 'fitLogisticRegression', cls.X, cls.y, {}), async: (signal) => call(ours, 'classify', 'fitLogisticRegressionAsync', cls.X, cls.y, { ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'fitRandomForest 5000 × 8, 20 trees', run: (m) => call(m, 'classify', 'fitRandomForest', cls.X, cls.y, { nEstimators: 20, seed: 1 }), async: (signal) => call(ours, 'classify', 'fitRandomForestAsync', cls.X, cls.y, { nEstimators: 20, seed: 1, ...(signal && { signal }) }) as Promise<unknown> },
  { name: 'fitTfidf 5000 documents', run: (m) => call(m, 'text', 'fitTfidf', docs), async: (signal) => call(ours, 'text', 'fitTfidfAsync', docs, { ...(signal && { signal }) }) as Promise<unknown> },
  {
    name: 'fitLda 5000 documents, 10 topics, 5 passes',
    run: (m) => {
      counts ??= call(ours, 'text', 'transformTfidf', call(ours, 'text', 'fitTfidf', docs, { useIdf: false, norm: null }), docs);
      return call(m, 'text', 'fitLda', counts, { nTopics: 10, maxIterations: 5, seed: 1 });
    },
    async: (signal) => call(ours, 'text', 'fitLdaAsync', counts, { nTopics: 10, maxIterations: 5, seed: 1, ...(signal && { signal }) }) as Promise<unknown>,
  },
];

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (a: number[]): number => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const reps = Number(process.env.LONGWORK_REPS ?? 5);

const overhead: Row[] = [];
for (const c of cases) {
  for (let w = 0; w < 3; w++) {
    c.run(base);
    c.run(ours); // warm both: one cold call of a generator kernel runs a few ms slower before V8 optimizes it
  }
  const tb: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < reps; i++) {
    for (const [m, t] of [[base, tb], [ours, to]] as const) {
      const c0 = cpu();
      c.run(m);
      t.push(cpu() - c0);
    }
  }
  const b = median(tb);
  const o = median(to);
  process.stderr.write(`${c.name}: before ${b.toFixed(1)} ms, after ${o.toFixed(1)} ms CPU\n`);
  overhead.push({ case: c.name, impl: `before (${baseCommit.slice(0, 7)})`, ms: b, note: 'CPU ms' });
  overhead.push({ case: c.name, impl: 'crmkit (generator kernel, sync)', ms: o, note: `CPU ms; ${((o / b - 1) * 100).toFixed(1)} % vs before` });
}
printTable('longwork: synchronous forms before and after the checkpoints (median CPU ms, alternating runs)', overhead);

const awaitable: Row[] = [];
for (const c of cases) {
  if (!c.async) continue;
  const ws: number[] = [];
  const wa: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    c.run(ours);
    ws.push(performance.now() - t0);
    t0 = performance.now();
    await c.async();
    wa.push(performance.now() - t0);
  }
  // a real timer abort at 60 % of the sync time, with a setTimeout(0) ticker
  const ac = new AbortController();
  const due = performance.now() + median(ws) * 0.6;
  let abortedAt = NaN;
  setTimeout(() => {
    abortedAt = performance.now();
    ac.abort();
  }, median(ws) * 0.6);
  let last = performance.now();
  let maxGap = 0;
  let running = true;
  const tick = (): void => {
    if (!running) return;
    const t = performance.now();
    maxGap = Math.max(maxGap, t - last);
    last = t;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  let outcome = 'finished before the abort';
  try {
    await c.async(ac.signal);
  } catch (e) {
    outcome = (e as { code?: string }).code ?? String(e);
  }
  const settled = performance.now();
  running = false;
  awaitable.push({ case: c.name, impl: 'sync', ms: median(ws) });
  awaitable.push({
    case: c.name,
    impl: 'awaitable',
    ms: median(wa),
    note: `${((median(wa) / median(ws) - 1) * 100).toFixed(1)} %; abort: ${outcome}, timer late ${(abortedAt - due).toFixed(1)} ms, abort → reject ${(settled - abortedAt).toFixed(1)} ms, max loop gap ${maxGap.toFixed(1)} ms`,
  });
}
printTable('longwork: awaitable beside sync (median wall ms), and a setTimeout abort at 60 % of the sync time', awaitable);
