/**
 * crmkit/segment benchmark: k-means (k = 8, nInit = 10) on the wholesale customers (440 × 6,
 * log-spend standardized), the online-retail RFM table (4,338 × 3, log, standardized) and a seeded
 * synthetic 200,000 × 8 blob set; beside ml-kmeans 7.0.1 in the same process and scikit-learn 1.2.1
 * (OMP_NUM_THREADS=1) from scripts/reference/segment.py --bench when /usr/bin/python3 is present.
 * ml-kmeans has no restarts, so its "per run" time is one run and its inertia the best of its runs.
 * "lloyd + hartigan" is the default after k-means++ starts (`refine: 'hartigan'`, not scikit-learn's algorithm; lower inertia); "refine none" is scikit-learn's algorithm.
 * Also: exact silhouette on 20,000 points (blockwise, no n × n matrix).
 * Besides wall-clock medians, the notes give process CPU time per run (per fit for Python), which
 * stays meaningful when other processes share the cores.
 *
 *   npm run bench -- segment              (SEGMENT_BENCH_QUICK=1 skips the 200,000-row set)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { createRandom } from '../src/core/random.js';
import { fitKMeans, silhouetteScore, type FlatMatrix } from '../src/segment/index.js';
import { hasData } from '../scripts/lib/data.js';
import { RETAIL, WHOLESALE, rfmMatrix, wholesaleMatrix } from '../test/segment/_data.js';
import { measure, printTable, type Row } from './lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const K = 8;
const N_INIT = 10;
const quick = process.env.SEGMENT_BENCH_QUICK === '1';

function blobSet(rows: number, cols: number, seed: number): FlatMatrix {
  const rng = createRandom(seed);
  const centres = Array.from({ length: K }, () => Array.from({ length: cols }, () => 10 * (rng.uniform() * 2 - 1)));
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const c = centres[rng.int(K)]!;
    for (let j = 0; j < cols; j++) data[i * cols + j] = c[j]! + rng.normal();
  }
  return { data, rows, cols };
}

function toRows(m: FlatMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

function inertiaOf(X: number[][], centroids: number[][], labels: number[]): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) {
    const c = centroids[labels[i]!]!;
    for (let j = 0; j < c.length; j++) s += (X[i]![j]! - c[j]!) ** 2;
  }
  return s;
}

const sets: { name: string; X: number[][]; flat: FlatMatrix; mlRuns: number }[] = [];
const addSet = (name: string, X: number[][], mlRuns: number): void => {
  sets.push({ name, X, flat: { data: Float64Array.from(X.flat()), rows: X.length, cols: X[0]!.length }, mlRuns });
};
if (hasData(...WHOLESALE)) addSet('wholesale 440×6', wholesaleMatrix(), 10);
if (hasData(...RETAIL)) addSet('rfm 4338×3', rfmMatrix(), 10);
const blobs = blobSet(200_000, 8, 2024);
if (!quick) sets.push({ name: 'blobs 200000×8', X: toRows(blobs), flat: blobs, mlRuns: 1 });

// scikit-learn peer
let sk: Record<string, { ms: number; cpuMs: number; inertia: number }> | null = null;
if (existsSync('/usr/bin/python3')) {
  try {
    const args = [join(root, 'scripts/reference/segment.py'), '--bench'];
    if (!quick) {
      mkdirSync(join(root, '.tmp'), { recursive: true });
      const file = join(root, '.tmp', 'segment-blobs.f64');
      writeFileSync(file, Buffer.from(blobs.data.buffer));
      args.push('--blobs', file, '--rows', String(blobs.rows), '--cols', String(blobs.cols));
    }
    sk = JSON.parse(execFileSync('/usr/bin/python3', args, { env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' }, encoding: 'utf8', maxBuffer: 1 << 20 }));
  } catch (e) {
    console.log('scikit-learn peer failed:', (e as Error).message.split('\n')[0]);
  }
}
const skKey: Record<string, string> = { 'wholesale 440×6': 'wholesale', 'rfm 4338×3': 'rfm', 'blobs 200000×8': 'blobs' };

/** measure() plus the process CPU time per call, taken inside the call (so the harness's gc() between runs is not counted). */
async function timed<T>(fn: () => T, opts: Parameters<typeof measure>[1]): Promise<Awaited<ReturnType<typeof measure>> & { cpuMs: number }> {
  let calls = 0;
  let cpu = 0;
  const m = await measure(() => {
    calls++;
    const c0 = process.cpuUsage();
    const r = fn();
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    return r;
  }, opts);
  return { ...m, cpuMs: cpu / calls };
}

const rows: Row[] = [];
for (const s of sets) {
  const big = s.X.length > 50_000;
  for (const [algorithm, refine] of [['lloyd', 'hartigan'], ['lloyd', 'none'], ['elkan', 'none']] as const) {
    let inertia = 0;
    let iters = 0;
    const m = await timed(
      () => {
        const model = fitKMeans(s.flat, { k: K, nInit: N_INIT, seed: 0, algorithm, refine });
        inertia = model.inertia;
        iters = model.iterations;
        return model;
      },
      big ? { minRuns: 3, maxRuns: 3, minMs: 0 } : { minRuns: 5, minMs: 300 },
    );
    rows.push({ case: s.name, impl: refine === 'hartigan' ? 'crmkit default: lloyd + hartigan (nInit 10)' : `crmkit ${algorithm}, refine none (nInit 10)`, ms: m.ms, heapMB: m.heapMB, note: `per run ${(m.ms / N_INIT).toFixed(1)} ms, CPU ${(m.cpuMs / N_INIT).toFixed(1)} ms, inertia ${inertia.toFixed(3)}, kept run ${iters} iterations` });
  }
  // ml-kmeans: one run per seed, best inertia over its runs
  let best = Infinity;
  let capped = 0;
  const m = await timed(
    () => {
      let res;
      for (let r = 0; r < s.mlRuns; r++) {
        res = mlKmeans(s.X, K, { initialization: 'kmeans++', seed: r + 1 });
        best = Math.min(best, inertiaOf(s.X, res.centroids, res.clusters));
        if (!res.converged) capped++;
      }
      return res;
    },
    { minRuns: 1, maxRuns: big ? 1 : 3, minMs: 0 },
  );
  rows.push({
    case: s.name,
    impl: `ml-kmeans 7.0.1 (${s.mlRuns} run${s.mlRuns > 1 ? 's' : ''})`,
    ms: m.ms,
    heapMB: m.heapMB,
    note: `per run ${(m.ms / s.mlRuns).toFixed(1)} ms, CPU ${(m.cpuMs / s.mlRuns).toFixed(1)} ms, best inertia ${best.toFixed(3)}${capped ? `, ${capped} runs hit the iteration cap` : ''}`,
  });
  const p = sk?.[skKey[s.name]!];
  rows.push({ case: s.name, impl: 'scikit-learn 1.2.1 (n_init 10, 1 thread)', ms: p ? p.ms : null, note: p ? `per run ${(p.ms / N_INIT).toFixed(1)} ms, CPU ${(p.cpuMs / N_INIT).toFixed(1)} ms, inertia ${p.inertia.toFixed(3)}` : 'python peer not available' });
}
printTable(`k-means, k = ${K}, nInit = ${N_INIT}`, rows);

// exact silhouette on 20,000 points
const sub: FlatMatrix = { data: blobs.data.subarray(0, 20_000 * 8), rows: 20_000, cols: 8 };
const labels = fitKMeans(sub, { k: K, nInit: 1, seed: 0 }).labels;
let score = 0;
const sil = await timed(() => (score = silhouetteScore(sub, labels)), { minRuns: 1, maxRuns: 1, minMs: 0 });
printTable('silhouette, 20,000 × 8, k = 8 (exact, blockwise)', [{ case: '20000×8', impl: 'crmkit silhouetteScore', ms: sil.ms, heapMB: sil.heapMB, note: `score ${score.toFixed(6)}, CPU ${sil.cpuMs.toFixed(0)} ms` }]);
