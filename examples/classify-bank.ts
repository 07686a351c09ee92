/**
 * Who will subscribe a term deposit? A decision tree on the UCI bank-marketing campaign
 * (bank-full, 45,211 calls), validated on held-out customers, explained as rules, read as a lift
 * table, and drawn as a ROC chart (out/classify-roc.svg).
 *
 * Run: npx tsx examples/classify-bank.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  fitDecisionTree,
  fitRandomForest,
  gridSearch,
  liftTable,
  predictDecisionTree,
  predictProbaDecisionTree,
  predictProbaRandomForest,
  rocAucScore,
  rocCurve,
  trainTestSplit,
  treeToRules,
} from 'crmkit/classify';
import { BANK_LEVELS, hasConversionData, loadBank } from './classify-data.js';

if (!hasConversionData()) {
  console.log('shared data not found (../shared/data); nothing to do');
  process.exit(0);
}

const bank = loadBank();
// 1. Hold out 30% of customers, with the same share of subscribers in both parts.
const split = trainTestSplit(bank.X, bank.y, { testSize: 0.3, seed: 42 });

// 2. Choose depth and leaf size by 5-fold cross-validated AUC on the training part only.
const score = (m: ReturnType<typeof fitDecisionTree>, X: readonly (readonly number[])[]) => predictProbaDecisionTree(m, X as number[][]).map((p) => p[1]!);
const search = gridSearch(
  (X, y, p) => fitDecisionTree(X as number[][], y, { maxDepth: p.maxDepth as number, minSamplesLeaf: p.minSamplesLeaf as number, featureNames: bank.featureNames }),
  predictDecisionTree,
  split.XTrain,
  split.yTrain,
  { grid: { maxDepth: [3, 5, 7], minSamplesLeaf: [50, 200] }, scoring: 'rocAuc', predictScore: score, seed: 1, shuffle: true },
);
console.log('cross-validated AUC:', search.results.map((r) => `${JSON.stringify(r.params)} ${r.mean.toFixed(3)}`).join('; '));
console.log('chosen:', search.bestParams);

// 3. Refit on all training customers and score the held-out ones once.
const model = fitDecisionTree(split.XTrain, split.yTrain, { ...(search.bestParams as { maxDepth: number; minSamplesLeaf: number }), featureNames: bank.featureNames });
const p = score(model, split.XTest);
console.log(`test AUC of the tree: ${rocAucScore(split.yTest, p).toFixed(3)}`);

// 4. The rules a marketer reads: leaves where subscribers are most frequent.
const rules = treeToRules(model, { decimals: 1, categories: BANK_LEVELS })
  .filter((r) => r.prediction === true || r.classShares[1]! > 0.3)
  .sort((a, b) => b.classShares[1]! - a.classShares[1]!);
for (const r of rules.slice(0, 5)) console.log(' ', r.text);

// 5. Lift table: call the best-scored customers first.
console.log('decile | customers | subscribers | rate | lift | cumulative gain');
liftTable(split.yTest, p).forEach((r, i) =>
  console.log(`${String(i + 1).padStart(6)} | ${String(r.count).padStart(9)} | ${String(r.positives).padStart(11)} | ${(100 * r.responseRate).toFixed(1).padStart(4)}% | ${r.lift.toFixed(2)} | ${(100 * r.cumulativeGain).toFixed(1)}%`),
);

// 6. One tree is easy to explain; a forest usually ranks better.
const forest = fitRandomForest(split.XTrain, split.yTrain, { nEstimators: 50, minSamplesLeaf: 5, seed: 7 });
const pf = predictProbaRandomForest(forest, split.XTest).map((q) => q[1]!);
console.log(`test AUC of a 50-tree forest: ${rocAucScore(split.yTest, pf).toFixed(3)}`);

// 7. ROC chart (SVG, no dependencies).
const curves: Array<[string, string, number[]]> = [['tree', '#1f77b4', p], ['forest', '#d62728', pf]];
const W = 360;
const path = (fpr: number[], tpr: number[]) => fpr.map((x, i) => `${i === 0 ? 'M' : 'L'}${(20 + x * W).toFixed(1)},${(20 + (1 - tpr[i]!) * W).toFixed(1)}`).join(' ');
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W + 40}" height="${W + 60}" font-family="sans-serif" font-size="12">`,
  `<rect x="20" y="20" width="${W}" height="${W}" fill="none" stroke="#999"/>`,
  `<path d="M20,${20 + W} L${20 + W},20" stroke="#ccc" stroke-dasharray="4"/>`,
  ...curves.map(([name, color, s], i) => {
    const c = rocCurve(split.yTest, s);
    return `<path d="${path(c.fpr, c.tpr)}" fill="none" stroke="${color}" stroke-width="2"/><text x="${W - 140}" y="${W - 10 - 16 * i}" fill="${color}">${name} AUC ${rocAucScore(split.yTest, s).toFixed(3)}</text>`;
  }),
  `<text x="${20 + W / 2}" y="${W + 45}" text-anchor="middle">false positive rate</text>`,
  `<text x="12" y="15">true positive rate</text>`,
  '</svg>',
].join('\n');
mkdirSync('out', { recursive: true });
writeFileSync('out/classify-roc.svg', svg);
console.log('wrote out/classify-roc.svg');
