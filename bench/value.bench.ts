/**
 * crmkit/value benchmarks: BTYD fits on the CDNOW sample and the raw-log → CLV pipeline on UCI Online
 * Retail (541,909 lines) and the CDNOW master log (69,659 lines), beside the scipy reference
 * (scripts/reference/value.py --bench) run in the same process tree when /usr/bin/python3 has scipy.
 *
 *   npm run bench -- value
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';
import {
  customerLifetimeValue, fitBetaGeo, fitBetaGeoBetaBinom, fitGammaGamma, fitModifiedBetaGeo, fitParetoNbd, summarizeTransactions, summarizeTransactionStream,
  type SummarizeTransactionsResult,
} from 'crmkit/value';
import { dataPath, hasData, readDataCsv } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Txn { customerId: string; date: string; amount: number }

/**
 * UCI Online Retail CSV → rows, scanning the text once without splitting it into lines. Columns:
 * InvoiceNo, StockCode, Description (RFC 4180 quoting when it holds a comma or quote), Quantity,
 * InvoiceDate, UnitPrice, CustomerID, Country. Rows without a CustomerID are kept (id '') so the
 * summary counts them under its missing-id policy.
 */
function parseUci(text: string, skipHeader = true): Txn[] {
  const out: Txn[] = [];
  const n = text.length;
  let pos = skipHeader ? text.indexOf('\n') + 1 : 0;
  while (pos < n) {
    const c1 = text.indexOf(',', pos); // end of InvoiceNo
    if (c1 < 0) break;
    const c2 = text.indexOf(',', c1 + 1); // end of StockCode
    let c3: number;
    if (text.charCodeAt(c2 + 1) === 34) {
      let q = text.indexOf('"', c2 + 2);
      while (text.charCodeAt(q + 1) === 34) q = text.indexOf('"', q + 2);
      c3 = q + 1;
    } else c3 = text.indexOf(',', c2 + 1);
    const c4 = text.indexOf(',', c3 + 1); // Quantity
    const c5 = text.indexOf(',', c4 + 1); // InvoiceDate
    const c6 = text.indexOf(',', c5 + 1); // UnitPrice
    const c7 = text.indexOf(',', c6 + 1); // CustomerID
    let eol = text.indexOf('\n', c7 + 1);
    if (eol < 0) eol = n;
    out.push({ customerId: text.slice(c6 + 1, c7), date: text.slice(c4 + 1, c5), amount: Number(text.slice(c3 + 1, c4)) * Number(text.slice(c5 + 1, c6)) });
    pos = eol + 1;
  }
  return out;
}

/** CDNOW_master.txt (whitespace separated, header) → rows. */
function parseCdnowMaster(text: string): Txn[] {
  const out: Txn[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const p = lines[i]!.trim().split(/\s+/);
    if (p.length < 4) continue;
    out.push({ customerId: p[0]!, date: p[1]!, amount: Number(p[3]) });
  }
  return out;
}

const summaryOptions = {
  customerId: 'customerId', date: 'date', amount: 'amount', periodsPerUnit: 7,
  missingCustomerId: 'drop', zeroAmount: 'drop', negativeAmount: 'drop', timeZone: 'UTC',
} as const;

/** UCI Online Retail as batches of rows, gunzipped and parsed chunk by chunk (lines never span a yield). */
async function* uciBatches(): AsyncGenerator<Txn[]> {
  const stream = createReadStream(dataPath('uci-online-retail', 'online_retail.csv.gz')).pipe(createGunzip());
  stream.setEncoding('utf8');
  let carry = '';
  let header = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = carry + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(end + 1);
    yield parseUci(text.slice(0, end + 1), header);
    header = false;
  }
  if (carry.length > 0) yield parseUci(carry, header);
}

function fitAndValue(s: SummarizeTransactionsResult): number {
  const bg = fitBetaGeo(s.rows);
  const gg = fitGammaGamma(s.rows);
  const clv = customerLifetimeValue(bg, gg, s.rows, { timeUnit: 'week' });
  return clv.length;
}

function pipeline(rows: Txn[], observationEnd: string): number {
  return fitAndValue(summarizeTransactions(rows, { ...summaryOptions, observationEnd }));
}

const uciRun = (): number => pipeline(parseUci(gunzipSync(readFileSync(dataPath('uci-online-retail', 'online_retail.csv.gz'))).toString('utf8')), '2011-12-09');
const uciStreamRun = async (): Promise<number> => fitAndValue(await summarizeTransactionStream(uciBatches(), { ...summaryOptions, observationEnd: '2011-12-09' }));
const cdnowRun = (): number => pipeline(parseCdnowMaster(readFileSync(dataPath('cdnow', 'CDNOW_master.txt'), 'utf8')), '1998-06-30');

// `--rss uci|cdnow`: one pipeline run in this fresh process; prints baseline and peak RSS as JSON.
const rssArg = process.argv.indexOf('--rss');
if (rssArg >= 0) {
  const base = process.resourceUsage().maxRSS / 1024;
  const which = process.argv[rssArg + 1];
  await (which === 'uci' ? uciRun : which === 'uci-stream' ? uciStreamRun : cdnowRun)();
  console.log(JSON.stringify({ baselineMB: base, peakMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const rows: Row[] = [];
/** Peer timings: [wall ms, CPU ms] medians per case. */
let peer: Record<string, [number, number]> = {};
const script = join(here, '..', 'scripts', 'reference', 'value.py');
if (existsSync('/usr/bin/python3')) {
  const r = spawnSync('/usr/bin/python3', [script, '--bench'], { encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0) peer = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, [number, number]>;
  else console.log('scipy peer failed:', r.stderr.slice(-500));
}
/** CPU milliseconds of one run (user + system, all threads): the machine is shared, so wall time is noisy. */
async function cpuMs(f: () => unknown, runs = 7): Promise<number> {
  const v: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    v.push((c.user + c.system) / 1000);
  }
  v.sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)]!;
}
async function ours(name: string, key: string, f: () => unknown, opts: { minRuns?: number; minMs?: number; maxRuns?: number }, peerName: string): Promise<void> {
  const m = await measure(f, opts);
  const cpu = await cpuMs(f);
  const p = peer[key];
  const note = p ? `cpu ${cpu.toFixed(1)} ms; scipy/ours wall ${(p[0] / m.ms).toFixed(1)}×, cpu ${(p[1] / cpu).toFixed(1)}×` : `cpu ${cpu.toFixed(1)} ms`;
  rows.push({ case: name, impl: 'crmkit', ms: m.ms, heapMB: m.heapMB, note });
  rows.push({ case: name, impl: peerName, ms: p ? p[0] : null, note: p ? `cpu ${p[1].toFixed(1)} ms` : 'python3 with scipy not found' });
}

if (hasData('cdnow', 'cdnow_customers_summary_with_transactions.csv')) {
  const cd = readDataCsv(['cdnow', 'cdnow_customers_summary_with_transactions.csv']).map((r) => ({ frequency: Number(r.x), recency: Number(r.t_x), T: Number(r.T), monetaryValue: Number(r.zbar) }));
  const don = readDataCsv(['cdnow', 'donations.csv']).map((r) => ({ frequency: Number(r.frequency), recency: Number(r.recency), periods: Number(r.periods), weight: Number(r.weights) }));
  const cases: [string, string, () => unknown][] = [
    ['BG/NBD fit, CDNOW 2,357', 'betaGeo', () => fitBetaGeo(cd)],
    ['Pareto/NBD fit, CDNOW 2,357', 'paretoNbd', () => fitParetoNbd(cd)],
    ['MBG/NBD fit, CDNOW 2,357', 'modifiedBetaGeo', () => fitModifiedBetaGeo(cd)],
    ['Gamma-Gamma fit, CDNOW 946 repeaters', 'gammaGamma', () => fitGammaGamma(cd)],
    ['BG/BB fit, donations 11,104 (22 patterns)', 'betaGeoBetaBinom', () => fitBetaGeoBetaBinom(don)],
  ];
  for (const [name, key, f] of cases) await ours(name, key, f, { minRuns: 5, minMs: 300 }, 'scipy L-BFGS-B (peer)');
}
if (hasData('cdnow', 'CDNOW_master.txt')) {
  await ours('CDNOW master: read+parse+summary+BG/NBD+GG+CLV', 'cdnowMasterPipeline', cdnowRun, { minRuns: 3, minMs: 500 }, 'pandas+scipy (peer)');
}
if (hasData('uci-online-retail', 'online_retail.csv.gz')) {
  await ours('UCI Online Retail: gunzip+parse+clean+summary+BG/NBD+GG+CLV', 'uciPipeline', uciRun, { minRuns: 3, minMs: 500, maxRuns: 5 }, 'pandas+scipy (peer)');
  await ours('UCI Online Retail, streamed (summarizeTransactionStream)', 'uciPipeline', uciStreamRun, { minRuns: 3, minMs: 500, maxRuns: 5 }, 'pandas+scipy (peer)');
}

/** Peak RSS of one pipeline run in a fresh process, ours and the Python peer's, [baseline, peak] MB. */
function freshRss(which: 'uci' | 'uci-stream' | 'cdnow'): { ours: [number, number] | null; peer: [number, number] | null } {
  const parse = (r: ReturnType<typeof spawnSync>): [number, number] | null => {
    if (r.status !== 0) return null;
    const j = JSON.parse(String(r.stdout).trim().split('\n').pop()!) as { baselineMB: number; peakMB: number };
    return [j.baselineMB, j.peakMB];
  };
  const ours = parse(spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--rss', which], { encoding: 'utf8', timeout: 120_000 }));
  const peer = existsSync('/usr/bin/python3') ? parse(spawnSync('/usr/bin/python3', [script, '--rss', which === 'cdnow' ? 'cdnow' : 'uci'], { encoding: 'utf8', timeout: 180_000 })) : null;
  return { ours, peer };
}
const memRows: Row[] = [];
for (const [which, name, ok] of [
  ['cdnow', 'CDNOW master pipeline, one run', hasData('cdnow', 'CDNOW_master.txt')],
  ['uci', 'UCI Online Retail pipeline, one run', hasData('uci-online-retail', 'online_retail.csv.gz')],
  ['uci-stream', 'UCI Online Retail pipeline, streamed, one run', hasData('uci-online-retail', 'online_retail.csv.gz')],
] as const) {
  if (!ok) continue;
  const r = freshRss(which);
  const fmt = (v: [number, number] | null): string => (v ? `peak RSS ${v[1].toFixed(0)} MB (${v[0].toFixed(0)} MB after imports, +${(v[1] - v[0]).toFixed(0)} MB)` : 'n/a');
  memRows.push({ case: name, impl: 'crmkit (node + tsx)', ms: null, note: fmt(r.ours) });
  memRows.push({ case: name, impl: 'pandas+scipy (peer)', ms: null, note: fmt(r.peer) });
}
printTable('crmkit/value: BTYD fits and raw-log → CLV pipelines (no npm package implements these models)', rows);
if (memRows.length > 0) printTable('Peak memory of one raw-log → CLV run, each in a fresh process (ms column unused)', memRows);
