/**
 * crmkit/classify benchmark: fit + predict_proba on bank-full (31,647 training / 13,564 test rows)
 * and online-shoppers (8,631 / 3,699), depth 6 and unlimited, and a 100-tree forest; beside
 * ml-cart 2.1.1 and ml-random-forest 2.1.0 (run in a child process with a time limit and on a
 * bounded training subsample, because ml-cart re-sorts every feature at every node: O(n²)), and
 * scikit-learn 1.2.1 (scripts/reference/classify.py --bench) when /usr/bin/python3 is present.
 *
 * Run: npm run bench -- classify
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitDecisionTree, fitRandomForest, predictProbaDecisionTree, predictProbaRandomForest, rocAucScore } from 'crmkit/classify';
import { hasConversionData, loadBank, loadShoppers, referenceSplit } from '../examples/classify-data.js';
import { measure, printTable, type Measurement, type Row } from './lib.js';

const here = fileURLToPath(import.meta.url);
const ML_CART_ROWS = 2000; // ml-cart training subsample (its fit time grows with n²)
const ML_RF_ROWS = 1000;
const PEER_TIMEOUT_MS = 90_000;

type Split = ReturnType<typeof referenceSplit<boolean>>;

/**
 * One warm-up call (JIT), then `measure`; also returns the process CPU milliseconds per run, which
 * is what to compare on a shared machine (wall time includes waiting for a core).
 */
async function timed<T>(fn: () => T, opts: { minRuns?: number; minMs?: number; maxRuns?: number }, warm = true): Promise<Measurement & { cpuMs: number }> {
  if (warm) fn();
  // CPU is counted inside the calls only (measure's forced gc between runs is left out)
  let cpu = 0;
  const m = await measure(() => {
    const c0 = process.cpuUsage();
    const r = fn();
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    return r;
  }, opts);
  return { ...m, cpuMs: cpu / m.runs };
}

function subsample(s: Split, n: number): { X: number[][]; y: number[] } {
  // every k-th training row: deterministic, keeps the class balance roughly
  const step = Math.max(1, Math.floor(s.XTrain.length / n));
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < s.XTrain.length && X.length < n; i += step) {
    X.push(s.XTrain[i]!);
    y.push(s.yTrain[i]! ? 1 : 0);
  }
  return { X, y };
}

async function peerChild(): Promise<void> {
  // child mode: node bench/classify.bench.ts --peer <lib> <data> <depth|trees> <rows>
  const [, , , lib, data, param, rowsArg] = process.argv;
  const d = data === 'bank-full' ? loadBank() : loadShoppers();
  const s = referenceSplit(d);
  const sub = subsample(s, Number(rowsArg));
  const yTest = s.yTest;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let pred: number[];
  if (lib === 'ml-cart') {
    // @ts-expect-error -- ml-cart 2.1.1 ships no type declarations
    const { DecisionTreeClassifier } = await import('ml-cart');
    const depth = param === 'unlimited' ? Infinity : Number(param);
    const m = new DecisionTreeClassifier({ gainFunction: 'gini', maxDepth: depth, minNumSamples: 1, gainThreshold: 0 });
    m.train(sub.X, sub.y);
    pred = m.predict(s.XTest) as number[];
  } else {
    const { RandomForestClassifier } = await import('ml-random-forest');
    const f = sub.X[0]!.length;
    const m = new RandomForestClassifier({ seed: 1, nEstimators: Number(param), maxFeatures: Math.floor(Math.sqrt(f)) / f, replacement: true, useSampleBagging: true });
    m.train(sub.X, sub.y);
    pred = m.predict(s.XTest) as number[];
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  // ml-cart / ml-random-forest expose no class probabilities: the AUC is that of the hard labels
  const auc = rocAucScore(yTest, pred);
  console.log(JSON.stringify({ ms, cpuMs, auc }));
}

function runPeer(lib: string, data: string, param: string, rows: number): { ms: number | null; note: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', here, '--peer', lib, data, param, String(rows)], { encoding: 'utf8', timeout: PEER_TIMEOUT_MS });
  if (r.status !== 0 || !r.stdout.trim()) return { ms: null, note: `${lib} on ${rows} training rows: did not finish within ${PEER_TIMEOUT_MS / 1000} s` };
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; auc: number };
  return { ms: out.ms, note: `cpu ${out.cpuMs.toFixed(0)} ms; ${rows} training rows; AUC ${out.auc.toFixed(3)} (hard labels)` };
}

async function main(): Promise<void> {
  if (!hasConversionData()) {
    console.log('classify bench: shared data not found; skipped');
    return;
  }
  const sets: Array<[string, Split]> = [
    ['bank-full', referenceSplit(loadBank())],
    ['online-shoppers', referenceSplit(loadShoppers())],
  ];
  let sk: Array<{ data: string; case: string; ms: number; cpuMs: number; testAuc: number }> = [];
  if (existsSync('/usr/bin/python3')) {
    const r = spawnSync('/usr/bin/python3', [fileURLToPath(new URL('../scripts/reference/classify.py', import.meta.url)), '--bench'], { encoding: 'utf8', timeout: 300_000 });
    if (r.status === 0) sk = JSON.parse(r.stdout.trim()) as typeof sk;
  }
  const rows: Row[] = [];
  for (const [name, s] of sets) {
    const cases: Array<[string, number | null]> = [['tree depth 6', 6], ['tree unlimited', null]];
    for (const [label, depth] of cases) {
      let proba: number[][] = [];
      const m = await timed(() => {
        proba = predictProbaDecisionTree(fitDecisionTree(s.XTrain, s.yTrain, { maxDepth: depth }), s.XTest);
        return proba;
      }, { minRuns: 3, minMs: 300, maxRuns: 10 });
      const auc = rocAucScore(s.yTest, proba.map((q) => q[1]!)); // outside the timing, as for scikit-learn
      rows.push({ case: `${name} ${label}`, impl: 'crmkit', ms: m.ms, heapMB: m.heapMB, note: `cpu ${m.cpuMs.toFixed(0)} ms; ${s.XTrain.length} training rows; AUC ${auc.toFixed(3)}` });
      // the same subsample ml-cart gets, for a like-for-like speed ratio
      const sub = subsample(s, ML_CART_ROWS);
      const ms = await timed(() => predictProbaDecisionTree(fitDecisionTree(sub.X, sub.y, { maxDepth: depth }), s.XTest), { minRuns: 3, minMs: 200, maxRuns: 20 });
      rows.push({ case: `${name} ${label}`, impl: 'crmkit (subsample)', ms: ms.ms, heapMB: ms.heapMB, note: `cpu ${ms.cpuMs.toFixed(0)} ms; ${sub.X.length} training rows` });
      const peer = runPeer('ml-cart', name, depth === null ? 'unlimited' : String(depth), ML_CART_ROWS);
      rows.push({ case: `${name} ${label}`, impl: 'ml-cart 2.1.1', ms: peer.ms, note: peer.note });
      const py = sk.find((r) => r.data === name && r.case === label);
      rows.push({ case: `${name} ${label}`, impl: 'scikit-learn 1.2.1', ms: py?.ms ?? null, note: py ? `cpu ${py.cpuMs.toFixed(0)} ms; AUC ${py.testAuc.toFixed(3)}` : 'python not available' });
    }
    let fp: number[][] = [];
    const f = await timed(() => {
      fp = predictProbaRandomForest(fitRandomForest(s.XTrain, s.yTrain, { nEstimators: 100, seed: 1 }), s.XTest);
      return fp;
    }, { minRuns: 1, minMs: 0, maxRuns: 1 }, false);
    const auc = rocAucScore(s.yTest, fp.map((q) => q[1]!));
    rows.push({ case: `${name} forest 100 trees`, impl: 'crmkit', ms: f.ms, heapMB: f.heapMB, note: `cpu ${f.cpuMs.toFixed(0)} ms; AUC ${auc.toFixed(3)}` });
    const sub = subsample(s, ML_RF_ROWS);
    const fs = await timed(() => fitRandomForest(sub.X, sub.y, { nEstimators: 100, seed: 1 }), { minRuns: 1, minMs: 0, maxRuns: 1 }, false);
    rows.push({ case: `${name} forest 100 trees`, impl: 'crmkit (subsample)', ms: fs.ms, heapMB: fs.heapMB, note: `cpu ${fs.cpuMs.toFixed(0)} ms; ${sub.X.length} training rows` });
    const peer = runPeer('ml-random-forest', name, '100', ML_RF_ROWS);
    rows.push({ case: `${name} forest 100 trees`, impl: 'ml-random-forest 2.1.0', ms: peer.ms, note: peer.note });
    const py = sk.find((r) => r.data === name && r.case === 'forest 100 trees');
    rows.push({ case: `${name} forest 100 trees`, impl: 'scikit-learn 1.2.1', ms: py?.ms ?? null, note: py ? `cpu ${py.cpuMs.toFixed(0)} ms; AUC ${py.testAuc.toFixed(3)}` : 'python not available' });
  }
  printTable('classify: fit + predict_proba (ms)', rows);
}

if (process.argv[2] === '--peer') await peerChild();
else await main();
