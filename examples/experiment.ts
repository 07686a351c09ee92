/**
 * crmkit/experiment end to end: plan a test, check the split, test the result three ways
 * (frequentist, Bayesian, sequential) and read the verdict. Run: npx tsx examples/experiment.ts
 */
import {
  analyzeExperiment,
  bayesianBetaBinomial,
  estimateDuration,
  sampleRatioMismatchTest,
  sampleSizeForProportions,
  sequentialTest,
  twoProportionZTest,
} from 'crmkit/experiment';

// 1. Plan: detect a lift from 0.57% to 0.88% conversion with 80% power at alpha 0.05
const plan = sampleSizeForProportions({ baseline: 0.0057, mde: 0.0031 });
console.log(`users per arm: ${plan.nControl}; total ${plan.total}`);
console.log(`days at 10,000 eligible users/day, 30% enrolled: ${estimateDuration({ totalSampleSize: plan.total, dailyUsers: 10000 }, { trafficFraction: 0.3 }).days}`);

// 2. Guard: did the arms get the planned split?
console.log('SRM p-value:', sampleRatioMismatchTest([21306, 21387]).pValue.toFixed(4));

// 3. Test: the hillstrom Womens e-mail vs no e-mail
const control = { n: 21306, conversions: 122 };
const treatment = { n: 21387, conversions: 189 };
const z = twoProportionZTest(control, treatment);
console.log(`z = ${z.statistic.toFixed(3)}, p = ${z.pValue.toExponential(3)}, Newcombe 95% CI [${z.newcombeInterval.lower.toFixed(5)}, ${z.newcombeInterval.upper.toFixed(5)}]`);
const b = bayesianBetaBinomial(control, treatment);
console.log(`P(treatment beats control) = ${b.probabilityTreatmentBeatsControl.toFixed(6)} (± ${b.probabilityError.toExponential(1)})`);
const s = sequentialTest(control, treatment, { tuning: 40000 });
console.log(`always-valid p = ${s.pValue.toExponential(3)} (safe to peek)`);

// 4. The campaign-page summary
const r = analyzeExperiment(
  {
    summaries: [
      { arm: 'No E-Mail', users: 21306, metrics: { conversion: { conversions: 122 } } },
      { arm: 'Womens E-Mail', users: 21387, metrics: { conversion: { conversions: 189 } } },
    ],
  },
  { metrics: [{ name: 'conversion', type: 'binomial' }] },
);
console.log(r.verdict.headline);
