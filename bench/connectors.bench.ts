/**
 * Connectors: reading UCI Online Retail (541,909 lines, gzip) with readCsv beside Papa Parse 5 and
 * csv-parse 7 used raw (gunzip + parse of the whole text) and beside the hand parser scripts/lib/data.ts
 * had before #13 (copied below; scripts/lib no longer parses). Run: `npm run bench -- connectors`.
 *
 * Peers are devDependencies. The streamed rows are typed (Quantity integer, UnitPrice number,
 * InvoiceDate date in Europe/London); the peers' rows are strings, so they do less work. RSS growth is
 * sampled per batch while streaming without keeping rows: it follows the batch size, not the file.
 *
 * Also: syncPosts / syncTransactions of 100,000 records through the in-memory adapters (target
 * < 1 s) beside copying them into a Map; redactPii on 1 MB of adversarial text (target < 100 ms
 * each) beside one regex pass; pseudonymizing 1,000,000 ids beside a Node `crypto.createHmac` loop.
 * Parts: `CONNECTORS_BENCH=csv|sync|privacy npm run bench -- connectors` (default all);
 * `CONNECTORS_BENCH_IDS=100000` for a quicker pseudonym run.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as csvParse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { createHmac } from 'node:crypto';
import { readCsv } from '../src/connectors/node/index.js';
import { createInMemoryPostSource, createInMemorySink, pseudonymizeIds, redactPii, syncPosts, syncTransactions, type Transaction } from '../src/connectors/index.js';
import { dataPath, hasData } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

/** The hand parser of scripts/lib/data.ts before #13 (per-character string concatenation). */
function handParseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const columns = { Quantity: 'integer', UnitPrice: 'number', InvoiceDate: 'date' } as const;

async function streamTyped(batchSize: number): Promise<{ rows: number; rssGrowthMB: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  let rows = 0;
  for await (const b of readCsv(dataPath('uci-online-retail', 'online_retail.csv.gz'), { columns, timeZone: 'Europe/London', batchSize })) {
    rows += b.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { rows, rssGrowthMB: (peak - base) / 1048576 };
}

export async function csvBench(): Promise<void> {
  if (!hasData('uci-online-retail', 'online_retail.csv.gz')) {
    console.log('UCI Online Retail not found: skipped');
    return;
  }
  const file = dataPath('uci-online-retail', 'online_retail.csv.gz');
  const text = (): string => gunzipSync(readFileSync(file)).toString('utf8');
  // RSS sweep first, while the process is still small.
  for (const bs of [1_000, 10_000, 100_000]) {
    const r = await streamTyped(bs);
    console.log(`streaming, batchSize ${bs}: ${r.rows} rows, RSS growth ${r.rssGrowthMB.toFixed(0)} MB`);
  }
  const rows: Row[] = [];
  const ours = await measure(() => streamTyped(10_000), { minRuns: 3, maxRuns: 5 });
  rows.push({ case: 'UCI retail, 541,909 rows', impl: 'crmkit readCsv (stream, typed)', ms: ours.ms, heapMB: ours.heapMB });
  const oursStrings = await measure(async () => {
    let n = 0;
    for await (const b of readCsv(file)) n += b.length;
    return n;
  }, { minRuns: 3, maxRuns: 5 });
  rows.push({ case: 'UCI retail, 541,909 rows', impl: 'crmkit readCsv (stream, strings)', ms: oursStrings.ms, heapMB: oursStrings.heapMB });
  const papa = await measure(() => Papa.parse<string[]>(text(), { skipEmptyLines: true }).data.length, { minRuns: 3, maxRuns: 5 });
  rows.push({ case: 'UCI retail, 541,909 rows', impl: 'papaparse 5 raw (gunzip + parse, strings)', ms: papa.ms, heapMB: papa.heapMB });
  const cp = await measure(() => (csvParse(text()) as string[][]).length, { minRuns: 1, maxRuns: 3 });
  rows.push({ case: 'UCI retail, 541,909 rows', impl: 'csv-parse 7 raw (gunzip + parse, strings)', ms: cp.ms, heapMB: cp.heapMB });
  const hand = await measure(() => handParseCsv(text()).length, { minRuns: 1, maxRuns: 2 });
  rows.push({ case: 'UCI retail, 541,909 rows', impl: 'old scripts/lib hand parser (strings)', ms: hand.ms, heapMB: hand.heapMB });
  printTable('CSV reading (gzip file to rows)', rows);
}

export async function syncBench(): Promise<void> {
  const posts = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}`, author: `u${i % 5000}`, text: `post number ${i}`, createdAt: 1_700_000_000_000 + Math.floor(i / 3) * 1000 }));
  const rows: Row[] = [];
  const m = await measure(async () => {
    const r = await syncPosts(createInMemoryPostSource(posts), createInMemorySink(), { batchSize: 1000 });
    if (r.written !== 100_000) throw new Error(`wrote ${r.written}`);
    return r;
  }, { minRuns: 3, maxRuns: 5 });
  rows.push({ case: 'sync 100,000 posts', impl: 'crmkit syncPosts (in-memory source and sink, batch 1000)', ms: m.ms, heapMB: m.heapMB, note: 'target < 1000 ms' });
  const txs = Array.from({ length: 100_000 }, (_, i) => ({ id: `t${i}`, customerId: `c${i % 5000}`, at: 1_700_000_000_000 + Math.floor(i / 3) * 1000, amount: (i % 97) + 0.5 }));
  const t = await measure(async () => {
    const r = await syncTransactions(createInMemoryPostSource(txs), createInMemorySink<Transaction>(), { batchSize: 1000 });
    if (r.written !== 100_000) throw new Error(`wrote ${r.written}`);
    return r;
  }, { minRuns: 3, maxRuns: 5 });
  rows.push({ case: 'sync 100,000 transactions', impl: 'crmkit syncTransactions (in-memory, batch 1000)', ms: t.ms, heapMB: t.heapMB });
  // Baseline in the same run: copying the same records into a Map, the floor any sync pays.
  const floor = await measure(() => {
    const map = new Map<string, unknown>();
    for (const p of posts) map.set(p.id, { ...p });
    return map.size;
  }, { minRuns: 3, maxRuns: 10 });
  rows.push({ case: 'sync 100,000 posts', impl: 'baseline: copy into a Map (no validation, no pages)', ms: floor.ms, heapMB: floor.heapMB });
  printTable('Sync (in-memory adapters)', rows);
}

export async function privacyBench(): Promise<void> {
  const rows: Row[] = [];
  for (const unit of ['a@', '1 ', '12 ', 'x@y.co ', '4111 ', '+1', '@a.', '1'.repeat(17) + 'X ']) {
    const text = unit.repeat(Math.ceil(1_048_576 / unit.length));
    const r = await measure(() => redactPii(text), { minRuns: 3, maxRuns: 10 });
    rows.push({ case: `redactPii 1 MB of ${JSON.stringify(unit)}…`, impl: 'crmkit redactPii', ms: r.ms, heapMB: r.heapMB, note: 'target < 100 ms' });
  }
  // Peer in the same run: one pass of a linear-time regular expression over the same text.
  const text = 'x@y.co '.repeat(Math.ceil(1_048_576 / 7));
  const re = await measure(() => text.replace(/[a-z]+@[a-z]+\.[a-z]+/g, '[email]').length, { minRuns: 3, maxRuns: 10 });
  rows.push({ case: 'redactPii 1 MB of "x@y.co "…', impl: 'baseline: one String.replace with a simple e-mail regex', ms: re.ms, heapMB: re.heapMB });
  const n = Number(process.env.CONNECTORS_BENCH_IDS ?? 1_000_000);
  const ids = Array.from({ length: n }, (_, i) => `customer-${i}`);
  const key = 'a long secret key kept in a vault';
  const label = `pseudonymize ${n.toLocaleString('en')} ids`;
  const ours = await measure(() => pseudonymizeIds(ids, key), { minRuns: 1, maxRuns: 2 });
  rows.push({ case: label, impl: 'crmkit pseudonymizeIds (HMAC-SHA-256)', ms: ours.ms, heapMB: ours.heapMB });
  const node = await measure(() => ids.map((id) => createHmac('sha256', key).update(id).digest('hex')), { minRuns: 1, maxRuns: 2 });
  rows.push({ case: label, impl: 'node crypto.createHmac loop', ms: node.ms, heapMB: node.heapMB });
  printTable('Privacy: redaction and pseudonyms', rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { execSync } = await import('node:child_process');
  console.log(`load average: ${execSync('uptime').toString().trim().split('load average: ')[1]}`);
  const which = process.env.CONNECTORS_BENCH ?? 'all';
  if (which === 'all' || which === 'csv') await csvBench();
  if (which === 'all' || which === 'sync') await syncBench();
  if (which === 'all' || which === 'privacy') await privacyBench();
  console.log(`load average after: ${execSync('uptime').toString().trim().split('load average: ')[1]}`);
}
