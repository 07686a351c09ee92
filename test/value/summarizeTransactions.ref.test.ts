import { expect, it } from 'vitest';
import { summarizeTransactions, summarizeTransactionStream } from 'crmkit/value';
import { describeWithData, readDataCsv, readDataText } from '../helpers/data.js';

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars (whitespace separated, no header). */
function readSample(): { id: string; date: string; dollars: number }[] {
  const out: { id: string; date: string; dollars: number }[] = [];
  for (const line of readDataText('cdnow', 'CDNOW_sample.txt').split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    out.push({ id: String(Number(f[1])), date: f[2]!, dollars: Number(f[4]) });
  }
  return out;
}

describeWithData('summarizeTransactions on CDNOW (reference: Hardie / lifetimes summary files)', [['cdnow', 'CDNOW_sample.txt'], ['cdnow', 'cdnow_customers_summary_with_transactions.csv']], () => {
  const log = readSample();
  const ref = readDataCsv(['cdnow', 'cdnow_customers_summary_with_transactions.csv']);
  const common = { customerId: 'id', date: 'date', amount: 'dollars', periodsPerUnit: 7, zeroAmount: 'keep' } as const;

  it('reproduces cdnow_customers_summary_with_transactions.csv (frequency exactly; recency, T, zbar to printed precision)', () => {
    const s = summarizeTransactions(log, { ...common, observationEnd: '1997-09-30' });
    expect(s.rows.length).toBe(2357);
    const byId = new Map(s.rows.map((r) => [r.customerId, r]));
    for (const r of ref) {
      const got = byId.get(r.ID!)!;
      expect(got, `customer ${r.ID}`).toBeDefined();
      expect(got.frequency, `frequency of ${r.ID}`).toBe(Number(r.x));
      // printed to 2 decimals: |error| ≤ 0.005 (+ float slack)
      expect(Math.abs(got.recency - Number(r.t_x)), `recency of ${r.ID}`).toBeLessThanOrEqual(0.005 + 1e-12);
      expect(Math.abs(got.T - Number(r.T)), `T of ${r.ID}`).toBeLessThanOrEqual(0.005 + 1e-12);
      expect(Math.abs(got.monetaryValue! - Number(r.zbar)), `zbar of ${r.ID}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(s.rows.reduce((a, r) => a + r.frequency, 0)).toBe(2457);
    expect(s.report.rowsIn).toBe(6919);
    expect(s.report.rowsUsed + s.report.dropped.afterObservationEnd).toBe(6919);
  });

  it('summarizeTransactionStream in batches of 500 gives the same summary, holdout and report', async () => {
    const opts = { ...common, observationEnd: '1998-06-30', calibrationEnd: '1997-09-30' };
    const batches = Array.from({ length: Math.ceil(log.length / 500) }, (_, b) => log.slice(b * 500, b * 500 + 500));
    expect(await summarizeTransactionStream(batches, opts)).toEqual(summarizeTransactions(log, opts));
  });

  it('calibration / holdout split: 1,882 holdout repeat transactions (README), T as in the calibration file', () => {
    const s = summarizeTransactions(log, { ...common, observationEnd: '1998-06-30', calibrationEnd: '1997-09-30' });
    expect(s.rows.length).toBe(2357);
    expect(s.holdout!.reduce((a, h) => a + h.frequency, 0)).toBe(1882);
    expect(s.report.customersOnlyInHoldout).toBe(0);
    const byId = new Map(ref.map((r) => [r.ID!, r]));
    for (const r of s.rows) expect(Math.abs(r.T - Number(byId.get(r.customerId as string)!.T))).toBeLessThanOrEqual(0.005 + 1e-12);
    // holdout window 1997-10-01 .. 1998-06-30 = 273 days = 39 weeks
    expect(s.holdout![0]!.duration).toBe(273 / 7);
  });
});
