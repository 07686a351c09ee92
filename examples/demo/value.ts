/**
 * `npm run demo` step for crmkit/value: transactions → RFM → BG/NBD + Gamma-Gamma → ranked CLV, the
 * frequency/recency and P(alive) matrices, and the calibration-vs-holdout check, on the CDNOW 1/10
 * sample (Fader, Hardie & Lee 2005: weeks 1–39 calibration, 40–78 holdout).
 */
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBetaGeo,
  fitGammaGamma,
  holdoutComparison,
  probabilityAlive,
  rfmScores,
  summarizeTransactions,
} from 'crmkit/value';
import { heatmapChart, multiLineChart, rankedBarChart } from './charts.js';
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

  const clv = customerLifetimeValue(bg, gg, rows, { months: 12, discountRate: 0.01, timeUnit: 'week' });
  const alive = probabilityAlive(bg, rows);
  const ranked = topBy(rows.map((r, i) => ({ r, clv: clv[i]!, alive: alive[i]! })), (x) => x.clv, 10);
  console.log(`top-5 by 12-month CLV: ${ranked.slice(0, 5).map((t) => `#${String(t.r.customerId)} $${t.clv.toFixed(2)}`).join(', ')}`);

  const rfm = rfmScores(rows.map((r) => ({ customerId: r.customerId, recency: r.T - r.recency, frequency: r.frequency, monetary: r.monetaryValue })));
  const segs = rfm.segmentCounts.filter((c) => c.count > 0);
  console.log(`RFM segments: ${topBy(segs, (c) => c.count, 4).map((c) => `${c.segment} ${c.count}`).join(', ')}`);

  // Frequency × recency grids for a customer first seen at the start (T = 39 weeks).
  const T = 39;
  const grid: Row[] = [];
  for (let f = 0; f <= 20; f++) for (let r = 0; r <= T; r += 1) if (f === 0 ? r === 0 : r > 0) grid.push({ customerId: `${f}/${r}`, frequency: f, recency: r, T, monetaryValue: 0 });
  const next = conditionalExpectedPurchases(bg, grid, 13);
  const pa = probabilityAlive(bg, grid);
  const cells = grid.map((g, i) => ({ frequency: g.frequency, recency: g.recency, expected: next[i]!, alive: pa[i]! }));
  const calib = check.buckets.flatMap((b) => [
    { x: Number.parseInt(b.frequency, 10), y: b.actual, series: 'actual' },
    { x: Number.parseInt(b.frequency, 10), y: b.expected, series: 'BG/NBD' },
  ]);
  return {
    id: 'value',
    title: 'Customer value: RFM, BG/NBD + Gamma-Gamma and CLV',
    story: [
      `${log.length} purchases by ${rows.length} CDNOW customers; the first 39 weeks calibrate, the next 39 test. BG/NBD: r = ${p.r.toFixed(3)}, α = ${p.alpha.toFixed(3)}, a = ${p.a.toFixed(3)}, b = ${p.b.toFixed(3)}; Gamma-Gamma on ${gg.nCustomers} repeat buyers: p = ${gg.params.p.toFixed(2)}, q = ${gg.params.q.toFixed(2)}, γ = ${gg.params.gamma.toFixed(2)}.`,
      `In the holdout weeks the customers made ${check.totalActual} repeat purchases; the model expected ${check.totalExpected.toFixed(0)}.`,
      `RFM: the largest segments are ${topBy(segs, (c) => c.count, 3).map((c) => `${c.segment} (${c.count})`).join(', ')}.`,
    ],
    charts: [
      { spec: heatmapChart(cells, { x: 'frequency', y: 'recency', value: 'expected', xTitle: 'repeat purchases (frequency)', yTitle: 'week of last purchase (recency)', valueTitle: 'purchases', labelEvery: 5 }, 'Expected purchases in the next 13 weeks'), caption: 'Frequency/recency matrix for a customer observed 39 weeks: frequent buyers who bought recently are worth the most.' },
      { spec: heatmapChart(cells, { x: 'frequency', y: 'recency', value: 'alive', xTitle: 'repeat purchases (frequency)', yTitle: 'week of last purchase (recency)', valueTitle: 'P(alive)', labelEvery: 5 }, 'Probability the customer is still active'), caption: 'A frequent buyer who has been silent for weeks has probably churned; a one-time buyer stays likely alive.' },
      { spec: multiLineChart(calib, { x: 'repeat purchases in weeks 1–39 (7 = 7+)', y: 'mean purchases in weeks 40–78' }, 'Calibration vs holdout'), caption: 'Model check (Fader, Hardie & Lee 2005, Fig. 4): mean holdout purchases by calibration frequency, actual vs BG/NBD.' },
      { spec: rankedBarChart(segs.map((c) => ({ label: c.segment, value: c.count })), 'RFM segments', 'customers'), caption: 'Quintile RFM scores mapped to the usual R×F segment grid.' },
    ],
    tables: [
      {
        caption: 'Top customers by 12-month CLV (1% monthly discount)',
        header: ['customer', 'repeat purchases', 'weeks observed', 'mean spend', 'P(alive)', 'CLV'],
        rows: ranked.map((t) => [String(t.r.customerId), t.r.frequency, Number(t.r.T.toFixed(1)), `$${t.r.monetaryValue.toFixed(2)}`, Number(t.alive.toFixed(3)), `$${t.clv.toFixed(2)}`]),
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
