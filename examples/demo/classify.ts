/**
 * `npm run demo` step for crmkit/classify: who subscribes to a term deposit (bank marketing) — a
 * depth-5 tree, its rules with the highest subscription rate, held-out ROC, lift and calibration.
 */
import { calibrationChart, calibrationCurve, fitDecisionTree, liftChart, liftTable, predictProbaDecisionTree, rocAucScore, rocCurve, rocCurveChart, trainTestSplit, treeToRules } from 'crmkit/classify';
import { BANK_LEVELS } from '../classify-data.js';
import { defaultContext, topBy, type DemoContext, type ReportSection } from './context.js';

export async function run(ctx: DemoContext = defaultContext()): Promise<ReportSection> {
  const bank = ctx.data.bank();
  const split = trainTestSplit(bank.X, bank.y, { testSize: 0.3, seed: 42 });
  const leaf = Math.max(10, Math.round(bank.y.length / 900));
  const model = fitDecisionTree(split.XTrain, split.yTrain, { maxDepth: 5, minSamplesLeaf: leaf, featureNames: bank.featureNames });
  const p = predictProbaDecisionTree(model, split.XTest).map((q) => q[1]!);
  const auc = rocAucScore(split.yTest, p);
  console.log(`bank marketing, ${bank.label}: depth-5 tree, test AUC ${auc.toFixed(3)} on ${split.yTest.length} held-out customers`);
  const rules = topBy(treeToRules(model, { decimals: 1, categories: BANK_LEVELS }), (r) => r.classShares[1]!, 3);
  for (const r of rules) console.log(`  ${r.text}`);
  const roc = rocCurve(split.yTest, p);
  const lift = liftTable(split.yTest, p, { nBins: 10 });
  const top = lift[0]!;
  return {
    id: 'classify',
    title: 'Response model: who will subscribe',
    story: [
      `Bank marketing (${bank.label}): a depth-5 decision tree (at least ${leaf} calls per leaf) trained on 70% of the calls and tested on the other ${split.yTest.length}; held-out AUC ${auc.toFixed(3)}. Call duration is left out (it is only known after the call).`,
      `Calling the top 10% by score reaches ${(top.cumulativeGain * 100).toFixed(0)}% of the subscribers (lift ${top.cumulativeLift.toFixed(1)}).`,
    ],
    charts: [
      { spec: rocCurveChart(roc, { auc, title: `ROC on held-out calls (AUC ${auc.toFixed(3)})` }), caption: 'Dashed: a random ranking.' },
      { spec: liftChart(lift), caption: 'Calling customers in score order: how many times the average subscription rate each tenth of the list converts.' },
      { spec: calibrationChart(calibrationCurve(split.yTest, p, { nBins: 8, strategy: 'quantile' })), caption: 'Do the scores mean what they say? Observed subscription share against the predicted probability, per eighth of the calls.' },
    ],
    tables: [{ caption: 'The three rules with the highest subscription rate', header: ['rule', 'calls', 'subscribed'], rows: rules.map((r) => [r.conditions.length > 0 ? r.text.replace(/ then .*$/, '').replace(/^if /, '') : '(all)', r.support, `${(r.classShares[1]! * 100).toFixed(0)}%`]) }],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
