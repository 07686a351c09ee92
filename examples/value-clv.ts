/**
 * From a raw transaction log to a ranked CLV list, with the model checks (docs/value.md walks through it).
 *
 *   npx tsx examples/value-clv.ts
 */
import {
  customerLifetimeValue, fitBetaGeo, fitGammaGamma, holdoutComparison, probabilityAlive, rfmScores, summarizeTransactions,
} from 'crmkit/value';
import { readDataText } from '../scripts/lib/data.js';

// 1. The raw log: CDNOW_sample.txt has master id, sample id, YYYYMMDD, CDs, dollars per line.
const log = readDataText('cdnow', 'CDNOW_sample.txt')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const f = line.trim().split(/\s+/);
    return { customer: f[1]!, day: f[2]!, dollars: Number(f[4]) };
  });

// 2. Per-customer summary in weeks, calibration = 1997 Q1–Q3, holdout = the next 39 weeks.
const summary = summarizeTransactions(log, {
  customerId: 'customer',
  date: 'day',
  amount: 'dollars',
  observationEnd: '1998-06-30',
  calibrationEnd: '1997-09-30',
  periodsPerUnit: 7,
  zeroAmount: 'keep', // 8 free items: keep them as purchases, as Fader & Hardie did
});
console.log('report', summary.report);

// 3. Fit the purchase model and the spend model.
const bgnbd = fitBetaGeo(summary.rows);
const spend = fitGammaGamma(summary.rows);
console.log('BG/NBD', bgnbd.params, 'LL', bgnbd.logLikelihood.toFixed(2), 'converged', bgnbd.converged);
console.log('Gamma-Gamma', spend.params, 'corr(frequency, spend) =', spend.frequencyMonetaryCorrelation.toFixed(3));

// 4. Check the model on the holdout weeks before trusting it.
const check = holdoutComparison(bgnbd, summary.rows, summary.holdout!);
console.table(check.buckets.map((b) => ({ ...b, actual: b.actual.toFixed(2), expected: b.expected.toFixed(2) })));
console.log(`holdout repeat purchases: actual ${check.totalActual}, expected ${check.totalExpected.toFixed(0)}`);

// 5. Value every customer (12 months, 1 % per month, the model was fitted in weeks) and rank them.
const customers = summary.rows as { customerId: unknown; frequency: number; recency: number; T: number; monetaryValue: number }[];
const clv = customerLifetimeValue(bgnbd, spend, customers, { months: 12, discountRate: 0.01, timeUnit: 'week' });
const alive = probabilityAlive(bgnbd, customers);
const rfm = rfmScores(customers.map((c) => ({ customerId: c.customerId, recency: c.T - c.recency, frequency: c.frequency, monetary: c.monetaryValue })));
const ranked = customers
  .map((c, i) => ({ customer: c.customerId, x: c.frequency, pAlive: alive[i]!.toFixed(3), segment: rfm.rows[i]!.segment, clv: clv[i]! }))
  .sort((a, b) => b.clv - a.clv);
console.table(ranked.slice(0, 10).map((r) => ({ ...r, clv: r.clv.toFixed(2) })));
