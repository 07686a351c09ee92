/**
 * `npm run demo` step for crmkit/value: BG/NBD + Gamma-Gamma on the CDNOW sample, top-5 customers by CLV.
 */
import { customerLifetimeValue, fitBetaGeo, fitGammaGamma, summarizeTransactions } from 'crmkit/value';
import { readDataText } from '../../scripts/lib/data.js';

export async function run(): Promise<void> {
  const log = readDataText('cdnow', 'CDNOW_sample.txt')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const f = line.trim().split(/\s+/);
      return { customer: f[1]!, day: f[2]!, dollars: Number(f[4]) };
    });
  const s = summarizeTransactions(log, { customerId: 'customer', date: 'day', amount: 'dollars', observationEnd: '1997-09-30', periodsPerUnit: 7, zeroAmount: 'keep' });
  const bg = fitBetaGeo(s.rows);
  const gg = fitGammaGamma(s.rows);
  const p = bg.params;
  console.log(`value: BG/NBD on CDNOW (${bg.nCustomers} customers, weeks): r=${p.r.toFixed(4)} alpha=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${bg.logLikelihood.toFixed(1)}`);
  console.log(`value: Gamma-Gamma on ${gg.nCustomers} repeat buyers: p=${gg.params.p.toFixed(2)} q=${gg.params.q.toFixed(2)} gamma=${gg.params.gamma.toFixed(2)}`);
  const rows = s.rows as { customerId: unknown; frequency: number; recency: number; T: number; monetaryValue: number }[];
  const clv = customerLifetimeValue(bg, gg, rows, { months: 12, discountRate: 0.01, timeUnit: 'week' });
  const top = rows.map((r, i) => ({ id: r.customerId, x: r.frequency, clv: clv[i]! })).sort((a, b) => b.clv - a.clv).slice(0, 5);
  console.log('value: top-5 customers by 12-month CLV:', top.map((t) => `#${String(t.id)} (x=${t.x}) $${t.clv.toFixed(2)}`).join(', '));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
