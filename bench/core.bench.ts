/**
 * Core kernels beside their peers: minimize (Rosenbrock, 2-D and 10-D) and csrFromTriplets
 * (1e6 triplets). Run: `npm run bench -- core`.
 *
 * JS peers: there is no bounded quasi-Newton (L-BFGS-B-like) minimizer on npm that we could find, so
 * the minimize rows compare against unconstrained peers: `numeric` 1.2.6 (`uncmin`, BFGS with a
 * numeric gradient) and `fmin` 0.0.4 (`conjugateGradient` with an analytic gradient, `nelderMead`).
 * They are optional (not in package.json): install with `npm install --no-save numeric@1.2.6 fmin@0.0.4`;
 * missing peers print n/a. CSR has no maintained JS peer with a triplet builder; the row "naive Map"
 * is a Map-of-Maps accumulation + per-row sort written here, to show what the counting sort saves.
 * Python rows call scripts/reference/{optimize,sparse}.py --bench with /usr/bin/python3 (scipy 1.10.1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/core/random.js';
import { csrFromTriplets, minimize } from '../src/core/index.js';
import { measure, printTable, type Row } from './lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function rosenbrock(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return s;
}
function rosenbrockGradient(x: ArrayLike<number>, g: { [i: number]: number; length: number }): void {
  for (let i = 0; i < x.length; i++) g[i] = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const t = x[i + 1]! - x[i]! ** 2;
    g[i] = g[i]! - 400 * t * x[i]! - 2 * (1 - x[i]!);
    g[i + 1] = g[i + 1]! + 200 * t;
  }
}
const start = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
const err = (x: ArrayLike<number>): string => `max |x − 1| = ${Math.max(...Array.from(x, (v) => Math.abs(v - 1))).toExponential(1)}`;

function python(script: string): Record<string, number> | null {
  if (!existsSync('/usr/bin/python3')) return null;
  const r = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'reference', script), '--bench'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
  } catch {
    return null;
  }
}

async function optional<T>(name: string): Promise<T | null> {
  try {
    const mod = (await import(name)) as { default?: unknown };
    if (mod.default !== undefined) return mod.default as T;
    if (Object.keys(mod).length > 0) return mod as T;
    // fmin 0.0.4 ships a UMD build under "type": "module": imported as ESM it exports nothing and
    // registers itself on globalThis instead.
    return ((globalThis as Record<string, unknown>)[name] as T | undefined) ?? null;
  } catch {
    try {
      return require(name) as T;
    } catch {
      return null;
    }
  }
}

interface NumericLib {
  uncmin(f: (x: number[]) => number, x0: number[], tol?: number, gradient?: unknown, maxit?: number): { solution: number[]; iterations: number };
}
interface FminLib {
  nelderMead(f: (x: number[]) => number, x0: number[], params?: object): { x: number[]; fx: number };
  conjugateGradient(f: (x: number[], g: number[]) => number, x0: number[], params?: object): { x: number[]; fx: number };
}

const rows: Row[] = [];
const numericLib = await optional<NumericLib>('numeric');
const fminLib = await optional<FminLib>('fmin');

for (const n of [2, 10]) {
  const x0 = start(n);
  let last = minimize(rosenbrock, x0);
  let m = await measure(() => (last = minimize(rosenbrock, x0)), { minMs: 300 });
  rows.push({ case: `Rosenbrock ${n}-D`, impl: 'crmkit minimize (numeric ∇)', ms: m.ms, heapMB: m.heapMB, note: `${last.evaluations} f calls, ${err(last.x)}` });
  last = minimize(rosenbrock, x0, { gradient: rosenbrockGradient });
  m = await measure(() => (last = minimize(rosenbrock, x0, { gradient: rosenbrockGradient })), { minMs: 300 });
  rows.push({ case: `Rosenbrock ${n}-D`, impl: 'crmkit minimize (analytic ∇)', ms: m.ms, heapMB: m.heapMB, note: `${last.iterations} iterations, ${err(last.x)}` });
  if (numericLib) {
    let r = numericLib.uncmin(rosenbrock, x0, 1e-8, undefined, 10000);
    m = await measure(() => (r = numericLib.uncmin(rosenbrock, x0, 1e-8, undefined, 10000)), { minMs: 300 });
    rows.push({ case: `Rosenbrock ${n}-D`, impl: 'numeric 1.2.6 uncmin (BFGS, numeric ∇, no bounds)', ms: m.ms, heapMB: m.heapMB, note: err(r.solution) });
  } else rows.push({ case: `Rosenbrock ${n}-D`, impl: 'numeric uncmin', ms: null, note: 'not installed' });
  if (fminLib) {
    const fg = (x: number[], g: number[]): number => {
      rosenbrockGradient(x, g);
      return rosenbrock(x);
    };
    let r = fminLib.conjugateGradient(fg, x0, { maxIterations: 10000 });
    m = await measure(() => (r = fminLib.conjugateGradient(fg, x0, { maxIterations: 10000 })), { minMs: 300 });
    rows.push({ case: `Rosenbrock ${n}-D`, impl: 'fmin 0.0.4 conjugateGradient (analytic ∇, no bounds)', ms: m.ms, heapMB: m.heapMB, note: err(r.x) });
    let nm = fminLib.nelderMead(rosenbrock, x0, { maxIterations: 100000 });
    m = await measure(() => (nm = fminLib.nelderMead(rosenbrock, x0, { maxIterations: 100000 })), { minMs: 300 });
    rows.push({ case: `Rosenbrock ${n}-D`, impl: 'fmin 0.0.4 nelderMead (no ∇, no bounds)', ms: m.ms, heapMB: m.heapMB, note: err(nm.x) });
  } else rows.push({ case: `Rosenbrock ${n}-D`, impl: 'fmin', ms: null, note: 'not installed' });
}
const py = python('optimize.py');
rows.push({ case: 'Rosenbrock 2-D', impl: 'scipy 1.10.1 L-BFGS-B (numeric ∇)', ms: py?.rosenbrock2NumericMs ?? null, note: 'python, in-process time' });
rows.push({ case: 'Rosenbrock 2-D', impl: 'scipy 1.10.1 L-BFGS-B (analytic ∇)', ms: py?.rosenbrock2AnalyticMs ?? null, note: 'python, in-process time' });

// ---- CSR from 1e6 triplets (100,000 × 50,000) ----
const nnz = 1_000_000;
const R = 100_000;
const C = 50_000;
const rnd = createRandom(7);
const ri = new Int32Array(nnz);
const ci = new Int32Array(nnz);
const vs = new Float64Array(nnz);
for (let k = 0; k < nnz; k++) {
  ri[k] = rnd.int(R);
  ci[k] = rnd.int(C);
  vs[k] = rnd.normal();
}
let csrNnz = 0;
const mc = await measure(() => (csrNnz = csrFromTriplets(R, C, ri, ci, vs).data.length), { minRuns: 5, minMs: 1000, maxRuns: 20 });
rows.push({ case: 'CSR from 1e6 triplets', impl: 'crmkit csrFromTriplets', ms: mc.ms, heapMB: mc.heapMB, note: `nnz ${csrNnz}` });
const naive = (): number => {
  const byRow = new Map<number, Map<number, number>>();
  for (let k = 0; k < nnz; k++) {
    let row = byRow.get(ri[k]!);
    if (!row) byRow.set(ri[k]!, (row = new Map()));
    row.set(ci[k]!, (row.get(ci[k]!) ?? 0) + vs[k]!);
  }
  let count = 0;
  for (const row of byRow.values()) count += [...row.keys()].sort((a, b) => a - b).length;
  return count;
};
const mn = await measure(naive, { minRuns: 3, minMs: 1000, maxRuns: 5 });
rows.push({ case: 'CSR from 1e6 triplets', impl: 'naive Map-of-Maps + sort (baseline)', ms: mn.ms, heapMB: mn.heapMB });
const pys = python('sparse.py');
rows.push({ case: 'CSR from 1e6 triplets', impl: 'scipy 1.10.1 csr_matrix + sum_duplicates', ms: pys?.csrFromTriplets1e6Ms ?? null, note: 'python, in-process time' });

printTable('core: minimize and csrFromTriplets', rows);
