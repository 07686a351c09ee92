/**
 * `npm run demo` step for crmkit/experiment: the hillstrom e-mail campaign (64,000 customers,
 * 3 arms) analyzed from raw rows, printed as a campaign page would show it.
 */
import { analyzeExperiment } from 'crmkit/experiment';
import { hasData, readDataCsv } from '../../scripts/lib/data.js';

export async function run(): Promise<void> {
  if (!hasData('hillstrom-email', 'hillstrom.csv.gz')) {
    console.log('experiment: shared data hillstrom-email not found; skipped');
    return;
  }
  const rows = readDataCsv(['hillstrom-email', 'hillstrom.csv.gz']);
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
  console.log('## Campaign: Hillstrom e-mail test');
  console.log(`arms: ${result.arms.map((a) => `${a.name} (${a.users})`).join(', ')}`);
  console.log(`SRM: χ² = ${result.srm.statistic.toFixed(5)}, p = ${result.srm.pValue.toFixed(5)}${result.srm.mismatch ? ' — MISMATCH' : ' (ok)'}`);
  for (const c of result.comparisons) {
    const lift = (c.relativeLift * 100).toFixed(1);
    console.log(
      `${c.metric.padEnd(10)} ${c.arm.padEnd(14)} lift ${lift.padStart(6)}%  p = ${c.pValue.toExponential(2)}  adj = ${c.adjustedPValue.toExponential(2)}  P(beat) = ${c.chanceToBeatControl.toFixed(4)}  ${c.outcome}`,
    );
  }
  console.log(`verdict: ${result.verdict.status} → ${result.verdict.recommendedArm}`);
  console.log(result.verdict.headline);
  for (const c of result.verdict.caveats) console.log(`  - ${c}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
