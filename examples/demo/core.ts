/**
 * Demo step: the core on a real transaction log (CDNOW master, 69,659 purchases): compensated sums,
 * Welford moments and a seeded bootstrap of the mean order value.
 */
import { createRandom, meanVariance, sum } from 'crmkit';
import { readDataText } from '../../scripts/lib/data.js';

export async function run(): Promise<void> {
  // CDNOW_master.txt: a header line, then customer id, date (YYYYMMDD), number of CDs, dollar value, whitespace-separated, CRLF
  const amounts: number[] = [];
  for (const line of readDataText('cdnow', 'CDNOW_master.txt').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 4 && /^\d+$/.test(parts[0]!)) amounts.push(Number(parts[3]));
  }
  const mv = meanVariance(amounts);
  const rng = createRandom(2024);
  const boots = new Float64Array(1000);
  const sample = new Float64Array(amounts.length);
  for (let b = 0; b < boots.length; b++) {
    for (let i = 0; i < sample.length; i++) sample[i] = amounts[rng.int(amounts.length)]!;
    boots[b] = sum(sample) / sample.length;
  }
  boots.sort();
  console.log(`CDNOW master log: ${amounts.length} purchases, revenue $${sum(amounts).toFixed(2)}`);
  console.log(`mean order $${mv.mean.toFixed(3)} (sd ${Math.sqrt(mv.variance).toFixed(3)}); seeded bootstrap 95% interval $${boots[24]!.toFixed(3)}–$${boots[974]!.toFixed(3)}`);
}
