/**
 * `npm run demo` step for crmkit/value: transactions → RFM → BG/NBD + Gamma-Gamma → ranked CLV, the
 * frequency/recency and P(alive) matrices, and the calibration-vs-holdout check, on the CDNOW 1/10
 * sample (Fader, Hardie & Lee 2005: weeks 1–39 calibration, 40–78 holdout).
 */
import {
  clvDistributionChart,
  fitBetaGeo,
  fitGammaGamma,
  frequencyRecencyChart,
  holdoutComparison,
  holdoutComparisonChart,
  rfmScores,
  scoreCustomers,
  summarizeTransactions,
} from 'crmkit/value';
import { rankedBarChart } from './charts.js';
import { defaultContext, topBy, type DemoContext, type ReportSection } from './context.js';
import { progressBar } from './progress.js';

interface Row { customerId: unknown; frequency: number; recency: number; T: number; monetaryValue: number }

export async function run(ctx: DemoContext = defaultContext()): Promise<ReportSection> {
  const log = ctx.data.cdnowSample();
  const s = summarizeTransactions(log, { customerId: 'customer', date: 'day', amount: 'dollars', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', periodsPerUnit: 7, zeroAmount: 'keep' });
  const rows = s.rows as Row[];
  const bar = progressBar('BG/NBD fit');
  const bg = fitBetaGeo(rows, { onProgress: bar.onProgress });
  bar.done();
  const gg = fitGammaGamma(rows);
  const p = bg.params;
  console.log(`CDNOW: ${log.length} purchases of ${rows.length} customers; BG/NBD (weeks 1–39): r=${p.r.toFixed(4)} alpha=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${bg.logLikelihood.toFixed(1)}`);
  console.log(`Gamma-Gamma on ${gg.nCustomers} repeat buyers: p=${gg.params.p.toFixed(2)} q=${gg.params.q.toFixed(2)} gamma=${gg.params.gamma.toFixed(2)}`);

  const check = holdoutComparison(bg, rows, s.holdout!, { duration: 39 });
  console.log(`holdout weeks 40–78: ${check.totalActual} repeat purchases, model expected ${check.totalExpected.toFixed(1)}`);

  const table = scoreCustomers(rows, { purchases: bg, spend: gg, horizon: 12, discountRate: 0.01, timeUnit: 'week' });
  const ranked = table.rows.slice(0, 10);
  console.log(`top-5 by 12-month CLV: ${ranked.slice(0, 5).map((t) => `#${String(t.customerId)} $${(t.clv ?? 0).toFixed(2)}`).join(', ')}`);

  const rfm = rfmScores(rows.map((r) => ({ customerId: r.customerId, recency: r.T - r.recency, frequency: r.frequency, monetary: r.monetaryValue })));
  const segs = rfm.segmentCounts.filter((c) => c.count > 0);
  console.log(`RFM segments: ${topBy(segs, (c) => c.count, 4).map((c) => `${c.segment} ${c.count}`).join(', ')}`);

  const T = 39;
  return {
    id: 'value',
    title: 'Customer value: RFM, BG/NBD + Gamma-Gamma and CLV',
    story: [
      `${log.length} purchases by ${rows.length} CDNOW customers; the first 39 weeks calibrate, the next 39 test. BG/NBD: r = ${p.r.toFixed(3)}, α = ${p.alpha.toFixed(3)}, a = ${p.a.toFixed(3)}, b = ${p.b.toFixed(3)}; Gamma-Gamma on ${gg.nCustomers} repeat buyers: p = ${gg.params.p.toFixed(2)}, q = ${gg.params.q.toFixed(2)}, γ = ${gg.params.gamma.toFixed(2)}.`,
      `In the holdout weeks the customers made ${check.totalActual} repeat purchases; the model expected ${check.totalExpected.toFixed(0)}.`,
      `RFM: the largest segments are ${topBy(segs, (c) => c.count, 3).map((c) => `${c.segment} (${c.count})`).join(', ')}.`,
    ],
    charts: [
      { spec: frequencyRecencyChart(bg, { T, measure: 'expectedPurchases', t: 13, maxFrequency: 20, title: 'Expected purchases in the next 13 weeks' }), caption: 'Frequency/recency matrix for a customer observed 39 weeks: frequent buyers who bought recently are worth the most.' },
      { spec: frequencyRecencyChart(bg, { T, maxFrequency: 20, title: 'Probability the customer is still active' }), caption: 'A frequent buyer who has been silent for weeks has probably churned; a one-time buyer stays likely alive.' },
      { spec: holdoutComparisonChart(check, { title: 'Calibration vs holdout' }), caption: 'Model check (Fader, Hardie & Lee 2005, Fig. 4): mean holdout purchases by calibration frequency, actual vs BG/NBD.' },
      { spec: clvDistributionChart(table), caption: 'How 12-month CLV is spread over the customers (scoreCustomers): a few customers carry most of the value.' },
      { spec: rankedBarChart(segs.map((c) => ({ label: c.segment, value: c.count })), 'RFM segments', 'customers'), caption: 'Quintile RFM scores mapped to the usual R×F segment grid.' },
    ],
    tables: [
      {
        caption: 'Top customers by 12-month CLV (1% monthly discount)',
        header: ['customer', 'repeat purchases', 'weeks observed', 'mean spend', 'P(alive)', 'CLV'],
        rows: ranked.map((t) => [String(t.customerId), t.frequency, Number(t.T.toFixed(1)), `$${(t.monetaryValue ?? 0).toFixed(2)}`, Number(t.probabilityAlive.toFixed(3)), `$${(t.clv ?? 0).toFixed(2)}`]),
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
