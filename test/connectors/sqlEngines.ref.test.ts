import { afterAll, beforeAll, expect, it } from 'vitest';
import { runArmSums, runEdgeList, runRatioSums, runRfmSummary, runSegmentSums, runTermCounts, type SqlRunner } from 'crmkit/connectors';
import type { DuckDbRunner, PostgresRunner } from 'crmkit/connectors/node';
import { fitTfidf } from 'crmkit/text';
import { fitBetaGeo, summarizeTransactions, type SummarizeTransactionsOptions, type SummarizeTransactionsResult } from 'crmkit/value';
import { dataPath, describeWithData, readDataCsv, readDataText } from '../helpers/data.js';
import { connectPostgres, describeWithPostgres, loadDuck, loadPg, openDuckDb, PG_URL, type Table } from './_engines.js';

/** |a − b| ≤ 1e-9 · max(1, |b|): the 1e-9 for sums, relative for large spends. */
function close9(a: number, b: number, label: string): void {
  if (!(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)))) expect.fail(`${label}: ${a} vs ${b}`);
}

function sameSummary(got: SummarizeTransactionsResult, want: SummarizeTransactionsResult, engine: string): void {
  expect(got.report, `${engine} report`).toEqual(want.report);
  expect(got.rows.length).toBe(want.rows.length);
  const byId = new Map(want.rows.map((r, i) => [String(r.customerId), [r, want.holdout?.[i]] as const]));
  for (const [i, r] of got.rows.entries()) {
    const [w, wh] = byId.get(String(r.customerId))!;
    expect(w, `${engine} customer ${String(r.customerId)}`).toBeDefined();
    expect([r.frequency, r.recency, r.T]).toEqual([w.frequency, w.recency, w.T]);
    close9(r.monetaryValue!, w.monetaryValue!, `${engine} monetary ${String(r.customerId)}`);
    if (wh !== undefined) {
      const h = got.holdout![i]!;
      expect([h.customerId, h.frequency, h.duration]).toEqual([String(wh.customerId), wh.frequency, wh.duration]);
      close9(h.monetaryValue!, wh.monetaryValue!, `${engine} holdout monetary ${String(r.customerId)}`);
    }
  }
}

/**
 * BG/NBD from the SQL summary = BG/NBD from the in-memory summary at 1e-6. Rows are put in the same
 * (id) order first: SQL returns customers by id, memory by first appearance, and on a flat
 * likelihood (UCI's b) the optimizer's path depends on the summation order of the log-likelihood.
 */
function fitsAgree(got: SummarizeTransactionsResult, want: SummarizeTransactionsResult): void {
  const byId = (rows: SummarizeTransactionsResult['rows']) => [...rows].sort((x, y) => (String(x.customerId) < String(y.customerId) ? -1 : String(x.customerId) > String(y.customerId) ? 1 : 0));
  const a = fitBetaGeo(byId(got.rows));
  const b = fitBetaGeo(byId(want.rows));
  for (const k of Object.keys(b.params) as (keyof typeof b.params)[]) {
    const x = a.params[k] as unknown;
    const y = b.params[k] as unknown;
    if (typeof y === 'number') expect(Math.abs((x as number) - y), `BG/NBD ${String(k)}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(y)));
  }
}

// ---- data -------------------------------------------------------------------------------------

function cdnow(): { ids: string[]; dates: string[]; dollars: number[] } {
  const ids: string[] = [];
  const dates: string[] = [];
  const dollars: number[] = [];
  for (const line of readDataText('cdnow', 'CDNOW_master.txt').split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+$/.test(f[0]!)) continue;
    ids.push(String(Number(f[0])));
    dates.push(f[1]!);
    dollars.push(Number(f[3]));
  }
  return { ids, dates, dollars };
}

const CDNOW_OPTS = { periodsPerUnit: 7, zeroAmount: 'keep', observationEnd: '1998-06-30', calibrationEnd: '1997-09-30' } as const;
const RETAIL_OPTS = { observationEnd: '2011-12-09', calibrationEnd: '2011-06-30', missingCustomerId: 'drop', negativeAmount: 'drop', zeroAmount: 'drop' } as const;

interface Fixtures {
  cdnowMem: SummarizeTransactionsResult;
  retailMem: SummarizeTransactionsResult;
  cdnowTable: Table;
  retailTable: Table;
  retailRows: Record<string, string>[];
}

let fx: Fixtures | undefined;
function fixtures(): Fixtures {
  if (fx !== undefined) return fx;
  const c = cdnow();
  const cRows = c.ids.map((id, i) => ({ id, date: c.dates[i]!, dollars: c.dollars[i]! }));
  const cdnowMem = summarizeTransactions(cRows, { customerId: 'id', date: 'date', amount: 'dollars', ...CDNOW_OPTS, timeZone: 'UTC' });
  const retailRows = readDataCsv(['uci-online-retail', 'online_retail.csv.gz']);
  const retailOpts: SummarizeTransactionsOptions<Record<string, string>> = { customerId: 'CustomerID', date: 'InvoiceDate', amount: (r) => Number(r.Quantity) * Number(r.UnitPrice), ...RETAIL_OPTS };
  // the engines read zone-less timestamps as UTC; value asks for the zone explicitly
  const retailMem = summarizeTransactions(retailRows, { ...retailOpts, timeZone: 'UTC' });
  const ymd = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  fx = {
    cdnowMem,
    retailMem,
    retailRows,
    cdnowTable: { name: 'cdnow', columns: [['id', 'text'], ['date', 'date'], ['dollars', 'float']], rows: c.ids.map((id, i) => [id, ymd(c.dates[i]!), c.dollars[i]!]) },
    retailTable: {
      name: 'retail',
      columns: [['InvoiceNo', 'text'], ['StockCode', 'text'], ['Description', 'text'], ['Quantity', 'float'], ['InvoiceDate', 'timestamp'], ['UnitPrice', 'float'], ['CustomerID', 'text'], ['Country', 'text']],
      rows: retailRows.map((r) => [r.InvoiceNo!, r.StockCode!, r.Description!, Number(r.Quantity), r.InvoiceDate!, Number(r.UnitPrice), r.CustomerID === '' ? null : r.CustomerID!, r.Country!]),
    },
  };
  return fx;
}

// ---- the other statements, checked against plain JS over the same rows ---------------------------

async function checkOtherStatements(runner: SqlRunner, f: Fixtures): Promise<void> {
  const rows = f.retailRows;
  const dialect = runner.engine === 'postgres' ? 'postgres' : 'duckdb';
  // Per-arm sums: arm = Country (first letter), metric = Quantity, covariate = UnitPrice.
  const arms = await runArmSums(runner, { table: 'retail', dialect, arm: 'Country', metric: 'Quantity', covariate: 'UnitPrice' });
  const want = new Map<string, number[]>();
  for (const r of rows) {
    const y = Number(r.Quantity);
    const x = Number(r.UnitPrice);
    const s = want.get(r.Country!) ?? [0, 0, 0, 0, 0, 0];
    s[0]! += 1; s[1]! += y; s[2]! += y * y; s[3]! += x; s[4]! += x * x; s[5]! += x * y;
    want.set(r.Country!, s);
  }
  expect(Object.keys(arms).sort()).toEqual([...want.keys()].sort());
  for (const [arm, s] of want) {
    const g = arms[arm]!;
    expect(g.n).toBe(s[0]);
    for (const [j, k] of (['sum', 'sumSquares', 'covariateSum', 'covariateSumSquares', 'sumProducts'] as const).entries()) close9(g[k], s[j + 1]!, `${runner.engine} arm ${arm} ${k}`);
  }
  // Ratio sums per customer unit: revenue / items per customer, arm = Country.
  const ratio = await runRatioSums(runner, { table: 'retail', dialect, arm: 'Country', numerator: 'UnitPrice', denominator: 'Quantity', unit: 'InvoiceNo' });
  const perUnit = new Map<string, [string, number, number]>();
  for (const r of rows) {
    const k = `${r.Country}\u0000${r.InvoiceNo}`;
    const u = perUnit.get(k) ?? [r.Country!, 0, 0];
    u[1] += Number(r.UnitPrice);
    u[2] += Number(r.Quantity);
    perUnit.set(k, u);
  }
  const rw = new Map<string, number[]>();
  for (const [arm, a, b] of perUnit.values()) {
    const s = rw.get(arm) ?? [0, 0, 0, 0, 0, 0];
    s[0]! += 1; s[1]! += a; s[2]! += b; s[3]! += a * a; s[4]! += b * b; s[5]! += a * b;
    rw.set(arm, s);
  }
  for (const [arm, s] of rw) {
    const g = ratio[arm]!;
    expect(g.n).toBe(s[0]);
    for (const [j, k] of (['sumNumerator', 'sumDenominator', 'sumNumeratorSquares', 'sumDenominatorSquares', 'sumProducts'] as const).entries()) close9(g[k], s[j + 1]!, `${runner.engine} ratio ${arm} ${k}`);
  }
  // Weighted, de-duplicated edges customer → product (weight = Quantity), rows with a customer only.
  const edges = await runEdgeList(runner, { table: 'retail_edges', dialect, source: 'CustomerID', target: 'StockCode', weight: 'Quantity' });
  const ew = new Map<string, [number, number]>();
  for (const r of rows) {
    if (r.CustomerID === '' || r.CustomerID === r.StockCode) continue;
    const k = `${r.CustomerID}\u0000${r.StockCode}`;
    const e = ew.get(k) ?? [0, 0];
    e[0] += Number(r.Quantity);
    e[1] += 1;
    ew.set(k, e);
  }
  expect(edges.length).toBe(ew.size);
  for (const e of edges) {
    const w = ew.get(`${e.source}\u0000${e.target}`)!;
    expect(e.count).toBe(w[1]);
    close9(e.weight, w[0], `${runner.engine} edge weight`);
  }
  // Segment sums: segment = Country, features Quantity and UnitPrice.
  const seg = await runSegmentSums(runner, { table: 'retail', dialect, segment: 'Country', features: ['Quantity', 'UnitPrice'] });
  for (const [arm, s] of want) {
    const g = seg[arm]!;
    expect(g.n).toBe(s[0]);
    close9(g.sums[0]!, s[1]!, 'segment sum 0');
    close9(g.sums[1]!, s[3]!, 'segment sum 1');
    close9(g.sumSquares[0]!, s[2]!, 'segment sumsq 0');
    close9(g.sumSquares[1]!, s[4]!, 'segment sumsq 1');
  }
}

/** Tokens of the first 40,000 descriptions, one document per invoice: equals fitTfidf's df / idf. */
function tokenTable(f: Fixtures): { table: Table; docs: string[][] } {
  const byInvoice = new Map<string, string[]>();
  const rows: (string | number | null)[][] = [];
  for (const r of f.retailRows.slice(0, 40_000)) {
    const toks = r.Description!.toLowerCase().split(/\s+/).filter((t) => t !== '');
    if (toks.length === 0) continue;
    const d = byInvoice.get(r.InvoiceNo!) ?? [];
    for (const t of toks) {
      d.push(t);
      rows.push([r.InvoiceNo!, t]);
    }
    byInvoice.set(r.InvoiceNo!, d);
  }
  return { table: { name: 'tokens', columns: [['doc', 'text'], ['term', 'text']], rows }, docs: [...byInvoice.values()] };
}

async function checkTermCounts(runner: SqlRunner, docs: string[][]): Promise<void> {
  const counts = await runTermCounts(runner, { table: 'tokens', document: 'doc', term: 'term', dialect: runner.engine === 'postgres' ? 'postgres' : 'duckdb' });
  const model = fitTfidf(docs);
  expect(counts.nDocuments).toBe(model.nDocuments);
  const vocab = Object.keys(counts.terms).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(vocab).toEqual(model.vocabulary);
  const n = counts.nDocuments;
  for (const [j, t] of model.vocabulary.entries()) {
    const idf = Math.log((1 + n) / (1 + counts.terms[t]!.documentFrequency)) + 1;
    expect(Math.abs(idf - model.idf[j]!), `idf of ${t}`).toBeLessThanOrEqual(1e-12);
  }
}

function edgeTable(f: Fixtures): Table {
  return { name: 'retail_edges', columns: [['CustomerID', 'text'], ['StockCode', 'text'], ['Quantity', 'float']], rows: f.retailTable.rows.filter((r) => r[6] !== null).map((r) => [r[6]!, r[1]!, r[3]!]) };
}

describeWithData('SQL statements on DuckDB = the in-memory functions (CDNOW, UCI Online Retail)', [['cdnow', 'CDNOW_master.txt'], ['uci-online-retail', 'online_retail.csv.gz']], () => {
  let db: DuckDbRunner;
  beforeAll(async () => {
    db = await openDuckDb({ threads: 2 });
  });
  afterAll(() => db?.close());

  it('CDNOW from a file (YYYYMMDD dates through dateFormat): summary, holdout and report equal summarizeTransactions; BG/NBD fits agree at 1e-6', async () => {
    const f = fixtures();
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'crmkit-cdnow-'));
    const c = cdnow();
    writeFileSync(join(dir, 'cdnow.csv'), ['id,date,dollars', ...c.ids.map((id, i) => `${id},${c.dates[i]},${c.dollars[i]}`)].join('\n'));
    await db.attachFile('cdnow_file', join(dir, 'cdnow.csv'), { dateFormat: { column: 'date', format: '%Y%m%d' } });
    const got = await runRfmSummary(db, { table: 'cdnow_file', customerId: 'id', date: 'date', amount: 'dollars', ...CDNOW_OPTS });
    rmSync(dir, { recursive: true, force: true });
    sameSummary(got, f.cdnowMem, 'duckdb');
    fitsAgree(got, f.cdnowMem);
  }, 600_000);

  it('UCI Online Retail straight from the .csv.gz (amount = Quantity × UnitPrice): equal to summarizeTransactions; fits agree', async () => {
    const f = fixtures();
    await db.attachFile('retail_file', dataPath('uci-online-retail', 'online_retail.csv.gz'));
    const got = await runRfmSummary(db, { table: 'retail_file', customerId: 'CustomerID', date: 'InvoiceDate', amount: ['Quantity', 'UnitPrice'], ...RETAIL_OPTS });
    sameSummary(got, f.retailMem, 'duckdb');
    fitsAgree(got, f.retailMem);
  }, 600_000);

  it('per-arm, ratio, edge, segment and term statements equal plain sums over the same rows', async () => {
    const f = fixtures();
    await loadDuck(db, f.retailTable);
    await loadDuck(db, edgeTable(f));
    await checkOtherStatements(db, f);
    const t = tokenTable(f);
    await loadDuck(db, t.table);
    await checkTermCounts(db, t.docs);
  }, 600_000);
});

describeWithPostgres('SQL statements on a real PostgreSQL server = the in-memory functions', () => {
  describeWithData('CDNOW and UCI Online Retail', [['cdnow', 'CDNOW_master.txt'], ['uci-online-retail', 'online_retail.csv.gz']], () => {
    let pg: PostgresRunner;
    beforeAll(async () => {
      pg = await connectPostgres({ connectionString: PG_URL! });
    });
    afterAll(async () => pg?.close());

    it('CDNOW: summary, holdout and report equal summarizeTransactions; BG/NBD fits agree at 1e-6', async () => {
      const f = fixtures();
      await loadPg(pg, f.cdnowTable);
      const got = await runRfmSummary(pg, { table: 'cdnow', customerId: 'id', date: 'date', amount: 'dollars', dialect: 'postgres', ...CDNOW_OPTS });
      sameSummary(got, f.cdnowMem, 'postgres');
      fitsAgree(got, f.cdnowMem);
    }, 600_000);

    it('UCI Online Retail: equal to summarizeTransactions (dropped-row counts included); fits agree', async () => {
      const f = fixtures();
      await loadPg(pg, f.retailTable);
      const got = await runRfmSummary(pg, { table: 'retail', customerId: 'CustomerID', date: 'InvoiceDate', amount: ['Quantity', 'UnitPrice'], dialect: 'postgres', ...RETAIL_OPTS });
      sameSummary(got, f.retailMem, 'postgres');
      fitsAgree(got, f.retailMem);
    }, 600_000);

    it('per-arm, ratio, edge, segment and term statements equal plain sums over the same rows', { timeout: 600_000 }, async () => {
      const f = fixtures();
      await loadPg(pg, f.retailTable);
      await loadPg(pg, edgeTable(f));
      await checkOtherStatements(pg, f);
      const t = tokenTable(f);
      await loadPg(pg, t.table);
      await checkTermCounts(pg, t.docs);
    });
  });
});
