/**
 * UCI Online Retail as it is: cancelled invoices (`C…`, negative quantities) offset the purchases they
 * cancel before the models see the log. Prints the top-10 CLV table with returns dropped (the
 * cancellations ignored, the cancelled purchases still counted) and with returns netted.
 *
 *   npx tsx examples/value-retail-returns.ts
 */
import { fitBetaGeo, fitGammaGamma, scoreCustomers, summarizeTransactions, type SummarizeTransactionsOptions } from 'crmkit/value';
import { readCsv } from 'crmkit/connectors/node';
import { dataPath } from '../scripts/lib/data.js';

interface Line { invoice: string; stockCode: string; customer: string; at: string; amount: number }

// Streamed from the gzip file; Quantity and UnitPrice typed while reading, InvoiceDate kept as
// the shop's wall-clock text ('2010-12-01 08:26:00', UK time, no zone) for summarizeTransactions.
const log: Line[] = [];
for await (const batch of readCsv(dataPath('uci-online-retail', 'online_retail.csv.gz'), { columns: { Quantity: 'integer', UnitPrice: 'number' } })) {
  for (const r of batch) {
    log.push({ invoice: r.InvoiceNo as string, stockCode: r.StockCode as string, customer: r.CustomerID as string, at: r.InvoiceDate as string, amount: (r.Quantity as number) * (r.UnitPrice as number) });
  }
}

const common: SummarizeTransactionsOptions<Line> = {
  customerId: 'customer', date: 'at', amount: 'amount', observationEnd: '2011-12-09', periodsPerUnit: 7,
  timeZone: 'Europe/London', missingCustomerId: 'drop', zeroAmount: 'drop',
};

for (const returns of ['drop', 'net'] as const) {
  const s = summarizeTransactions(log, { ...common, returns, product: 'stockCode' });
  const { matches: _m, ...r } = s.report.returns!;
  console.log(`\nreturns: '${returns}'`, { rowsUsed: s.report.rowsUsed, dropped: s.report.dropped, customers: s.report.customers, returns: r });
  const bg = fitBetaGeo(s.rows);
  const gg = fitGammaGamma(s.rows);
  const p = bg.params;
  console.log(`BG/NBD r ${p.r.toPrecision(4)} α ${p.alpha.toPrecision(4)} a ${p.a.toPrecision(4)} b ${p.b.toPrecision(4)}; Gamma-Gamma p ${gg.params.p.toPrecision(4)} q ${gg.params.q.toPrecision(4)} γ ${gg.params.gamma.toPrecision(4)}`);
  const table = scoreCustomers(s.rows, { purchases: bg, spend: gg, timeUnit: 'week' });
  console.log('| rank | customer | x | mean spend (£) | P(alive) | 12-month CLV (£) |');
  console.log('|---:|---|---:|---:|---:|---:|');
  for (const c of table.rows.slice(0, 10)) {
    console.log(`| ${c.rank} | ${String(c.customerId)} | ${c.frequency} | ${c.monetaryValue!.toFixed(2)} | ${c.probabilityAlive.toFixed(3)} | ${c.clv!.toFixed(0)} |`);
  }
}
