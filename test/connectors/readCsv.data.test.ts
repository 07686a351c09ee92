import { describe, expect, it } from 'vitest';
import { readCsv } from 'crmkit/connectors/node';
import { summarizeTransactionStream } from 'crmkit/value';
import { dataPath, describeWithData } from '../helpers/data.js';

// Published statistics of UCI Online Retail (the dataset README): 541,909 rows, 25,900 invoices,
// 4,372 customers, sum(Quantity) = 5,176,450, sum(Quantity*UnitPrice) = 9,747,747.93.
describeWithData('readCsv on UCI Online Retail (gzip)', [['uci-online-retail', 'online_retail.csv.gz']], () => {
  it('reads and coerces every row; totals match the published statistics', async () => {
    const reader = readCsv(dataPath('uci-online-retail', 'online_retail.csv.gz'), {
      columns: { Quantity: 'integer', UnitPrice: 'number', InvoiceDate: 'date' },
      timeZone: 'Europe/London',
    });
    let rows = 0;
    let qty = 0;
    let cents = 0;
    let maxBatch = 0;
    const invoices = new Set<string>();
    const customers = new Set<string>();
    let first = Infinity;
    let last = -Infinity;
    for await (const batch of reader) {
      maxBatch = Math.max(maxBatch, batch.length);
      for (const r of batch) {
        rows++;
        qty += r['Quantity'] as number;
        cents += Math.round((r['Quantity'] as number) * (r['UnitPrice'] as number) * 1000);
        invoices.add(r['InvoiceNo'] as string);
        if (r['CustomerID'] !== '') customers.add(r['CustomerID'] as string);
        first = Math.min(first, r['InvoiceDate'] as number);
        last = Math.max(last, r['InvoiceDate'] as number);
      }
    }
    expect(rows).toBe(541_909);
    expect(reader.report).toEqual({ rowsRead: 541_909, rowsSkipped: 0, emptyLines: 0, issues: [] });
    expect(maxBatch).toBe(10_000);
    expect(qty).toBe(5_176_450);
    expect(Math.round(cents / 10) / 100).toBe(9_747_747.93); // published to the penny; a few prices have 3 decimals
    expect(invoices.size).toBe(25_900);
    expect(customers.size).toBe(4_372);
    // Winter dates are GMT (UTC+0): the first and last invoice lines of the log.
    expect(new Date(first).toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(new Date(last).toISOString()).toBe('2011-12-09T12:50:00.000Z');
  });

  it('feeds summarizeTransactionStream directly', async () => {
    const reader = readCsv(dataPath('uci-online-retail', 'online_retail.csv.gz'), {
      columns: { Quantity: 'integer', UnitPrice: 'number', InvoiceDate: 'date', CustomerID: { type: 'string', required: true } },
      timeZone: 'Europe/London',
      onError: 'skip-and-report',
    });
    async function* positive() {
      for await (const batch of reader) yield batch.filter((r) => (r['Quantity'] as number) > 0 && (r['UnitPrice'] as number) > 0).map((r) => ({ id: r['CustomerID'] as string, at: r['InvoiceDate'] as number, amount: (r['Quantity'] as number) * (r['UnitPrice'] as number) }));
    }
    const s = await summarizeTransactionStream(positive(), { customerId: 'id', date: 'at', amount: 'amount', observationEnd: '2011-12-10' });
    expect(reader.report.rowsSkipped).toBe(135_080); // lines without CustomerID, each listed
    expect(reader.report.issues.every((i) => i.column === 'CustomerID')).toBe(true);
    expect(s.rows.length).toBe(4_338);
  });
});

describe('readCsv data helpers', () => {
  it('the data path points at the shared folder', () => {
    expect(dataPath('x')).toMatch(/x$/);
  });
});
