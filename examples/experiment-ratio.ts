/**
 * Read an A/B test with a ratio metric and CUPED: the three-arm e-mail campaign (Hillstrom's test
 * with ../shared/data, a seeded synthetic copy otherwise), spend per visiting customer as a ratio
 * metric (delta method), spend with CUPED on last year's spend, the verdict, and the effects chart.
 * Run: npx tsx examples/experiment-ratio.ts
 */
import { analyzeExperiment, experimentEffectsChart } from 'crmkit/experiment';
import { demoData } from './demo/data.js';
import { saveChart } from './demo/save-chart.js';

const { label, rows } = demoData().campaign();
const result = analyzeExperiment(
  { rows, armColumn: 'segment' },
  {
    control: 'No E-Mail',
    metrics: [
      { name: 'conversion', type: 'binomial' },
      { name: 'spend per visitor', type: 'ratio', numerator: 'spend', denominator: 'visit' },
      { name: 'spend', type: 'mean', covariate: 'history' },
    ],
  },
);
console.log(`${label}: ${result.arms.map((a) => `${a.name} ${a.users}`).join(', ')}`);
for (const c of result.comparisons) {
  const cuped = c.cuped ? `; CUPED θ = ${c.cuped.theta.toFixed(4)}, variance −${(100 * c.cuped.varianceReduction).toFixed(1)}%` : '';
  console.log(`${c.metric.padEnd(18)} ${c.arm.padEnd(14)} ${(100 * c.relativeLift).toFixed(1).padStart(6)}% [${(100 * c.relativeInterval.lower).toFixed(1)}%, ${(100 * c.relativeInterval.upper).toFixed(1)}%]  adj p ${c.adjustedPValue.toExponential(2)}  ${c.outcome}${cuped}`);
}
console.log(result.verdict.headline);
const ratio = result.comparisons.filter((c) => c.metric === 'spend per visitor');
if (ratio.length !== 2 || ratio.some((c) => !Number.isFinite(c.relativeLift))) throw new Error('expected a finite ratio effect per e-mail arm');
console.log(`chart: ${await saveChart(experimentEffectsChart(result, { title: `Effects: ${label}` }), 'experiment-ratio')}`);
