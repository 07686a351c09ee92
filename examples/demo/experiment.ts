/**
 * `npm run demo` step for crmkit/experiment: the three-arm e-mail campaign (Hillstrom's test, or the
 * synthetic one on a fresh clone) analyzed from raw rows, printed as a campaign page would show it.
 */
import { analyzeExperiment, experimentEffectsChart } from 'crmkit/experiment';
import { defaultContext, type DemoContext, type ReportSection } from './context.js';

export async function run(ctx: DemoContext = defaultContext()): Promise<ReportSection> {
  const { label, rows } = ctx.data.campaign();
  const result = analyzeExperiment(
    { rows, armColumn: 'segment' },
    {
      control: 'No E-Mail',
      metrics: [
        { name: 'conversion', type: 'binomial' },
        { name: 'visit', type: 'binomial' },
        { name: 'spend', type: 'mean' },
      ],
    },
  );
  const srm = `SRM: χ² = ${result.srm.statistic.toFixed(3)}, p = ${result.srm.pValue.toFixed(3)}${result.srm.mismatch ? ' — MISMATCH' : ' (ok)'}`;
  console.log(`## Campaign: ${label}`);
  console.log(`arms: ${result.arms.map((a) => `${a.name} (${a.users})`).join(', ')}`);
  console.log(srm);
  for (const c of result.comparisons) {
    const lift = (c.relativeLift * 100).toFixed(1);
    console.log(
      `${c.metric.padEnd(10)} ${c.arm.padEnd(14)} lift ${lift.padStart(6)}%  p = ${c.pValue.toExponential(2)}  adj = ${c.adjustedPValue.toExponential(2)}  P(beat) = ${c.chanceToBeatControl.toFixed(4)}  ${c.outcome}`,
    );
  }
  console.log(`verdict: ${result.verdict.status} → ${result.verdict.recommendedArm}`);
  console.log(result.verdict.headline);
  for (const c of result.verdict.caveats) console.log(`  - ${c}`);
  return {
    id: 'experiment',
    title: 'Campaign: did the e-mails work?',
    story: [
      `${label}: ${result.arms.map((a) => `${a.name} ${a.users}`).join(', ')} customers. ${srm}: the split is as randomized.`,
      `Verdict: ${result.verdict.status} → ${result.verdict.recommendedArm}. ${result.verdict.headline}`,
      ...result.verdict.caveats,
    ],
    charts: [{ spec: experimentEffectsChart(result, { title: 'Effect of each e-mail, by metric' }), caption: 'Relative lift over the control with its 95% interval, coloured by outcome after the correction; the dashed line is no effect.' }],
    tables: [
      {
        caption: 'Effects (p-values Holm-adjusted across metrics and arms)',
        header: ['metric', 'arm', 'control', 'e-mail', 'lift', '95% interval', 'adjusted p', 'P(beats control)', 'outcome'],
        rows: result.comparisons.map((c) => [
          c.metric,
          c.arm,
          Number(c.control.mean.toFixed(4)),
          Number(c.treatment.mean.toFixed(4)),
          `${(c.relativeLift * 100).toFixed(1)}%`,
          `${(c.relativeInterval.lower * 100).toFixed(1)}% to ${(c.relativeInterval.upper * 100).toFixed(1)}%`,
          c.adjustedPValue.toExponential(2),
          c.chanceToBeatControl.toFixed(4),
          c.outcome,
        ]),
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
