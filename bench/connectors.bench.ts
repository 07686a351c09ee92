/**
 * Connectors: reading UCI Online Retail (541,909 lines, gzip) with readCsv beside Papa Parse 5 and
 * csv-parse 7 used raw (gunzip + parse of the whole text) and beside the hand parser scripts/lib/data.ts
 * had before #13 (copied below). Run: `npm run bench -- connectors`.
 *
 * Peers are devDependencies. The streamed rows are typed (Quantity integer, UnitPrice number,
 * InvoiceDate date in Europe/London); the peers' rows are strings, so they do less work. RSS growth is
 * sampled per batch while streaming without keeping rows: it follows the batch size, not the file.
 *
 * Also: syncPosts of 100,000 posts through the in-memory adapters (target < 1 s); pseudonymizing
 * 1,000,000 ids (WebCrypto HMAC-SHA-256) beside a Node `crypto.createHmac` loop; redactPii on 1 MB of
 * adversarial text (target < 100 ms each).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as csvParse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { createHmac } from 'node:crypto';
import { readCsv } from '../src/connectors/node/index.js';
import { createInMemoryPostSource, createInMemorySink, pseudonymizeIds, redactPii, syncPosts } from '../src/connectors/index.js';
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
  const ids = Array.from({ length: 1_000_000 }, (_, i) => `customer-${i}`);
  const key = 'a long secret key kept in a vault';
  const ours = await measure(() => pseudonymizeIds(ids, key), { minRuns: 1, maxRuns: 2 });
  rows.push({ case: 'pseudonymize 1,000,000 ids', impl: 'crmkit pseudonymizeIds (WebCrypto HMAC-SHA-256)', ms: ours.ms, heapMB: ours.heapMB });
  const node = await measure(() => ids.map((id) => createHmac('sha256', key).update(id).digest('hex')), { minRuns: 1, maxRuns: 2 });
  rows.push({ case: 'pseudonymize 1,000,000 ids', impl: 'node crypto.createHmac loop', ms: node.ms, heapMB: node.heapMB });
  for (const unit of ['a@', '1 ', '12 ', 'x@y.co ', '4111 ', '+1', '@a.']) {
    const text = unit.repeat(Math.ceil(1_048_576 / unit.length));
    const r = await measure(() => redactPii(text), { minRuns: 3, maxRuns: 10 });
    rows.push({ case: `redactPii 1 MB of ${JSON.stringify(unit)}…`, impl: 'crmkit redactPii', ms: r.ms, heapMB: r.heapMB, note: 'target < 100 ms' });
  }
  printTable('Sync, pseudonyms, redaction', rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { execSync } = await import('node:child_process');
  console.log(`load average: ${execSync('uptime').toString().trim().split('load average: ')[1]}`);
  const which = process.env.CONNECTORS_BENCH ?? 'all';
  if (which === 'all' || which === 'csv') await csvBench();
  if (which === 'all' || which === 'sync') await syncBench();
  console.log(`load average after: ${execSync('uptime').toString().trim().split('load average: ')[1]}`);
}
