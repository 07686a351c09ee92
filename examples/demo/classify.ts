/**
 * `npm run demo` step for crmkit/classify: who subscribes to a term deposit (bank marketing) — a
 * depth-5 tree, its rules with the highest subscription rate, held-out ROC, lift and calibration —
 * and who the e-mail campaign actually changes: an uplift model's Qini curve on the e-mail test.
 */
import { calibrationChart, calibrationCurve, fitDecisionTree, fitUplift, liftChart, liftTable, predictProbaDecisionTree, predictUplift, qiniChart, qiniCoefficient, rocAucScore, rocCurve, rocCurveChart, trainTestSplit, treeToRules } from 'crmkit/classify';
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
  const uplift = upliftSection(ctx);
  return {
    id: 'classify',
    title: 'Response model: who will subscribe',
    story: [
      `Bank marketing (${bank.label}): a depth-5 decision tree (at least ${leaf} calls per leaf) trained on 70% of the calls and tested on the other ${split.yTest.length}; held-out AUC ${auc.toFixed(3)}. Call duration is left out (it is only known after the call).`,
      `Calling the top 10% by score reaches ${(top.cumulativeGain * 100).toFixed(0)}% of the subscribers (lift ${top.cumulativeLift.toFixed(1)}).`,
      uplift.story,
    ],
    charts: [
      { spec: rocCurveChart(roc, { auc, title: `ROC on held-out calls (AUC ${auc.toFixed(3)})` }), caption: 'Dashed: a random ranking.' },
      { spec: liftChart(lift), caption: 'Calling customers in score order: how many times the average subscription rate each tenth of the list converts.' },
      { spec: calibrationChart(calibrationCurve(split.yTest, p, { nBins: 8, strategy: 'quantile' })), caption: 'Do the scores mean what they say? Observed subscription share against the predicted probability, per eighth of the calls.' },
      { spec: uplift.chart, caption: 'Qini curve on held-out customers: incremental visits gained by e-mailing customers in order of predicted uplift. Dashed: random targeting and the perfect ranking.' },
    ],
    tables: [{ caption: 'The three rules with the highest subscription rate', header: ['rule', 'calls', 'subscribed'], rows: rules.map((r) => [r.conditions.length > 0 ? r.text.replace(/ then .*$/, '').replace(/^if /, '') : '(all)', r.support, `${(r.classShares[1]! * 100).toFixed(0)}%`]) }],
  };
}

/** Two-model and class-transformation uplift (logistic) for visits, Womens E-Mail vs No E-Mail, on a held-out third. */
function upliftSection(ctx: DemoContext): { story: string; chart: ReturnType<typeof qiniChart> } {
  const { label, rows } = ctx.data.campaign();
  const kept = rows.filter((r) => r.segment === 'Womens E-Mail' || r.segment === 'No E-Mail');
  const features = (r: Record<string, string>): number[] => [
    Number(r.recency), Number(r.history) / 1000, Number(r.mens), Number(r.womens), Number(r.newbie),
    r.zip_code === 'Urban' ? 1 : 0, r.zip_code === 'Rural' ? 1 : 0, r.channel === 'Web' ? 1 : 0, r.channel === 'Multichannel' ? 1 : 0,
  ];
  const train = kept.filter((_, j) => j % 3 !== 0);
  const test = kept.filter((_, j) => j % 3 === 0);
  const treat = (r: Record<string, string>): 0 | 1 => (r.segment === 'Womens E-Mail' ? 1 : 0);
  const yTest = test.map((r) => Number(r.visit));
  const tTest = test.map(treat);
  const scores: Record<string, number[]> = {};
  for (const method of ['twoModel', 'classTransformation'] as const) {
    const model = fitUplift(train.map(features), train.map((r) => Number(r.visit)), train.map(treat), { method });
    scores[method === 'twoModel' ? 'two-model' : 'class transformation'] = predictUplift(model, test.map(features));
  }
  const q = qiniCoefficient(yTest, scores['two-model']!, tTest);
  console.log(`${label}, Womens E-Mail vs No E-Mail: two-model uplift (logistic) Qini ${q.toFixed(3)} for visits on ${test.length} held-out customers`);
  return {
    story: `Uplift (${label}, Womens E-Mail vs No E-Mail): a two-model logistic uplift model ranks held-out customers by how much the e-mail raises their chance to visit; Qini coefficient ${q.toFixed(3)} (0 = random targeting, 1 = perfect).`,
    chart: qiniChart(yTest, scores, tTest, { title: 'Who the e-mail changes: Qini curve (visits)' }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
