/**
 * `npm run demo` step for crmkit/classify: a depth-5 tree on the bank-marketing campaign, its
 * held-out AUC and the rules with the highest subscription rate.
 */
import { fitDecisionTree, predictProbaDecisionTree, rocAucScore, trainTestSplit, treeToRules } from 'crmkit/classify';
import { BANK_LEVELS, hasConversionData, loadBank } from '../classify-data.js';

export async function run(): Promise<void> {
  if (!hasConversionData()) {
    console.log('classify: shared data not found; skipped');
    return;
  }
  const bank = loadBank();
  const split = trainTestSplit(bank.X, bank.y, { testSize: 0.3, seed: 42 });
  const model = fitDecisionTree(split.XTrain, split.yTrain, { maxDepth: 5, minSamplesLeaf: 50, featureNames: bank.featureNames });
  const p = predictProbaDecisionTree(model, split.XTest).map((q) => q[1]!);
  console.log(`classify: bank-marketing term deposits, depth-5 tree, test AUC ${rocAucScore(split.yTest, p).toFixed(3)} on ${split.yTest.length} held-out customers`);
  const top = treeToRules(model, { decimals: 1, categories: BANK_LEVELS })
    .sort((a, b) => b.classShares[1]! - a.classShares[1]!)
    .slice(0, 3);
  for (const r of top) console.log(`  ${r.text}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
