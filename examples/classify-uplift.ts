/**
 * Who should get the e-mail? Uplift models on Hillstrom's randomized e-mail test (Womens E-Mail vs
 * No E-Mail): fit on two thirds of the customers, rank the held-out third by predicted uplift, and
 * compare each approach's Qini coefficient (1 = perfect ranking, 0 = random) for visits and
 * conversions.
 *
 * Run: npx tsx examples/classify-uplift.ts   (needs ../shared/data/hillstrom-email)
 */
import { fitUplift, predictUplift, qiniCoefficient, upliftAtK, upliftAuc, upliftByDecile, type FitUpliftOptions } from 'crmkit/classify';
import { createRandom } from 'crmkit';
import { loadHillstromWomens } from './classify-uplift-data.js';

const d = loadHillstromWomens();
console.log(`Hillstrom Womens E-Mail vs No E-Mail: ${d.XTrain.length} training rows, ${d.XTest.length} held out`);
const approaches: Record<string, FitUpliftOptions> = {
  'two-model, logistic': { method: 'twoModel', learner: 'logisticRegression' },
  'class transformation, logistic': { method: 'classTransformation', learner: 'logisticRegression' },
  'solo model, logistic': { method: 'soloModel', learner: 'logisticRegression' },
  'two-model, forest (100 trees, depth 6)': { method: 'twoModel', learner: 'randomForest', learnerOptions: { nEstimators: 100, maxDepth: 6, minSamplesLeaf: 50, seed: 1 } },
};
const rng = createRandom(7);
const random = d.XTest.map(() => rng.uniform());
for (const outcome of ['visit', 'conversion'] as const) {
  const yTrain = outcome === 'visit' ? d.visitTrain : d.conversionTrain;
  const yTest = outcome === 'visit' ? d.visitTest : d.conversionTest;
  console.log(`\n${outcome}:`);
  console.log('approach'.padEnd(42), 'Qini', '   AUUC', '  uplift@30%');
  for (const [name, options] of Object.entries(approaches)) {
    const model = fitUplift(d.XTrain, yTrain, d.tTrain, options);
    const u = predictUplift(model, d.XTest);
    console.log(name.padEnd(42), qiniCoefficient(yTest, u, d.tTest).toFixed(4), upliftAuc(yTest, u, d.tTest).toFixed(4), upliftAtK(yTest, u, d.tTest, { k: 0.3 }).toFixed(4));
    if (name.startsWith('two-model, logistic')) {
      const bands = upliftByDecile(yTest, u, d.tTest);
      console.log('  observed uplift by decile:', bands.map((b) => (b.uplift === null ? 'n/a' : b.uplift.toFixed(3))).join(' '));
    }
  }
  console.log('random ranking'.padEnd(42), qiniCoefficient(yTest, random, d.tTest).toFixed(4), upliftAuc(yTest, random, d.tTest).toFixed(4), upliftAtK(yTest, random, d.tTest, { k: 0.3 }).toFixed(4));
}
