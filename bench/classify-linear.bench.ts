/**
 * crmkit/classify logistic regression benchmark: fit time with scikit-learn's defaults (L2, C = 1,
 * 100 iterations, tol 1e-4) on bank-full one-hot (45,211 × 41, dense) and on weibo2018 train
 * TF-IDF (10,000 posts, character 1–3-grams, ~630k sparse columns), beside scikit-learn 1.2.1
 * single-threaded (scripts/reference/classify_linear.py --bench, OMP/OpenBLAS threads = 1) and
 * ml-logistic-regression 2.0.0 (dense gradient descent on ml-matrix; given the same 100 steps, it
 * is far from converged, so its row is a lower bound on its cost).
 *
 * Run: npm run bench -- classify-linear
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitLogisticRegression } from 'crmkit/classify';
import { fitTransformTfidf } from 'crmkit/text';
import { Matrix } from 'ml-matrix';
import MlLogisticRegression from 'ml-logistic-regression';
import { loadBankOneHot } from '../examples/classify-linear-data.js';
import { hasData, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const here = fileURLToPath(import.meta.url);

function weiboTrain(): { docs: string[][]; labels: number[] } {
  const docs: string[][] = [];
  const labels: number[] = [];
  for (const line of readDataText('weibo2018', 'train.txt.gz').split('\n')) {
    if (line === '') continue;
    const a = line.indexOf(',');
    const b = line.indexOf(',', a + 1);
    labels.push(Number(line.slice(a + 1, b)));
    docs.push(Array.from(line.slice(b + 1).toLowerCase().replace(/\s\s+/g, ' ')));
  }
  return { docs, labels };
}

async function main(): Promise<void> {
  if (!hasData('uci-bank-marketing', 'bank-full.csv.gz') || !hasData('weibo2018', 'train.txt.gz')) {
    console.log('classify-linear bench: shared data not found, skipped');
    return;
  }
  const rows: Row[] = [];
  let py: Record<string, number> | null = null;
  const script = fileURLToPath(new URL('../scripts/reference/classify_linear.py', import.meta.url));
  if (existsSync('/usr/bin/python3')) {
    const r = spawnSync('/usr/bin/python3', [script, '--bench'], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
    if (r.status === 0) py = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
    else console.log(`scikit-learn bench failed: ${r.stderr.slice(-500)}`);
  }
  const bank = loadBankOneHot();
  let it = 0;
  const m1 = await measure(() => {
    const m = fitLogisticRegression(bank.X, bank.y);
    it = m.iterations;
    return m;
  }, { minRuns: 3, maxRuns: 5 });
  rows.push({ case: 'bank one-hot 45,211 × 41', impl: 'crmkit fitLogisticRegression', ms: m1.ms, heapMB: m1.heapMB, note: `${it} iterations` });
  rows.push({ case: 'bank one-hot 45,211 × 41', impl: 'scikit-learn 1.2.1 lbfgs (1 thread)', ms: py?.bankOnehot ?? null });
  const Xm = new Matrix(bank.X);
  const Ym = Matrix.columnVector(bank.y);
  const m2 = await measure(() => {
    const lr = new MlLogisticRegression({ numSteps: 100, learningRate: 5e-4 });
    lr.train(Xm, Ym);
    return lr;
  }, { minRuns: 1, maxRuns: 2 });
  rows.push({ case: 'bank one-hot 45,211 × 41', impl: 'ml-logistic-regression 2.0.0', ms: m2.ms, heapMB: m2.heapMB, note: '100 gradient steps (not converged)' });

  const w = weiboTrain();
  const { matrix } = fitTransformTfidf(w.docs, { ngramRange: [1, 3] });
  const m3 = await measure(() => {
    const m = fitLogisticRegression(matrix, w.labels);
    it = m.iterations;
    return m;
  }, { minRuns: 2, maxRuns: 3 });
  const shape = `${matrix.rows} × ${matrix.cols}, nnz ${matrix.data.length}`;
  rows.push({ case: `weibo2018 TF-IDF ${shape}`, impl: 'crmkit fitLogisticRegression (CSR)', ms: m3.ms, heapMB: m3.heapMB, note: `${it} iterations` });
  rows.push({ case: `weibo2018 TF-IDF ${shape}`, impl: 'scikit-learn 1.2.1 lbfgs (1 thread)', ms: py?.weiboTfidf ?? null, note: py ? `shape ${String(py.weiboShape)}` : '' });
  rows.push({ case: `weibo2018 TF-IDF ${shape}`, impl: 'ml-logistic-regression 2.0.0', ms: null, note: `dense only: ${matrix.rows} × ${matrix.cols} doubles = ${((matrix.rows * matrix.cols * 8) / 1e9).toFixed(0)} GB` });
  printTable('classify: logistic regression fit (scikit-learn defaults)', rows);
}

if (process.argv[1] === here) await main();
