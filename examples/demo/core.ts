/**
 * Demo step: the core on a real transaction log (the CDNOW master log, 69,659 purchases, or the 1/10
 * sample on a fresh clone): compensated sums, Welford moments and a seeded bootstrap of the mean
 * order value.
 */
import { createRandom, meanVariance, sum } from 'crmkit';
import { defaultContext, type DemoContext } from './context.js';
import { progressBar } from './progress.js';

/** Bootstrap resamples (the 2.5% and 97.5% points are the 10th and 390th sorted means). */
const RESAMPLES = 400;

export async function run(ctx: DemoContext = defaultContext()): Promise<void> {
  const { label, amounts } = ctx.data.orderValues();
  const mv = meanVariance(amounts);
  const rng = createRandom(2024);
  const boots = new Float64Array(RESAMPLES);
  const sample = new Float64Array(amounts.length);
  const bar = progressBar('bootstrap', RESAMPLES);
  for (let b = 0; b < boots.length; b++) {
    if (b % 20 === 0) bar.onProgress({ fn: 'demo/bootstrap', completed: b, total: RESAMPLES });
    for (let i = 0; i < sample.length; i++) sample[i] = amounts[rng.int(amounts.length)]!;
    boots[b] = sum(sample) / sample.length;
  }
  bar.done();
  boots.sort();
  console.log(`${label}: ${amounts.length} purchases, revenue $${sum(amounts).toFixed(2)}`);
  console.log(`mean order $${mv.mean.toFixed(3)} (sd ${Math.sqrt(mv.variance).toFixed(3)}); seeded bootstrap (${RESAMPLES} resamples) 95% interval $${boots[9]!.toFixed(3)}–$${boots[390]!.toFixed(3)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
