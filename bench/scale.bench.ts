/**
 * Scale: the RFM summary of a large transaction log, DuckDB running crmkit's SQL straight on the
 * gzip CSV (connectors/node openDuckDb + runRfmSummary) beside the in-memory streaming path (Node
 * streams the gzip file through crmkit's readCsv in batches into value's summarizeTransactionStream). Each case
 * runs once in a fresh process; we report wall time and that process's peak RSS.
 *
 *   npx tsx scripts/gen-scale-log.ts            # the seeded 10× log, /tmp/crmkit-scale/retail-10x.csv.gz
 *   npm run bench -- scale
 *
 * Cases: UCI Online Retail (541,909 lines) and, when generated, the 10× synthetic log (5.4 M lines).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runRfmSummary } from 'crmkit/connectors';
import { openDuckDb, readCsv } from 'crmkit/connectors/node';
import { summarizeTransactionStream, type SummarizeTransactionsResult } from 'crmkit/value';
import { dataPath } from '../scripts/lib/data.js';

const OPTIONS = { observationEnd: '2011-12-09', calibrationEnd: '2011-06-30', missingCustomerId: 'drop', negativeAmount: 'drop', zeroAmount: 'drop' } as const;

interface Txn { id: string; date: number; amount: number }

/** The log streamed through crmkit's readCsv (gzip, typed columns, UTC as the engines read it) in batches. */
async function* batches(file: string): AsyncGenerator<Txn[]> {
  for await (const b of readCsv(file, { columns: { Quantity: 'integer', UnitPrice: 'number', InvoiceDate: 'date' }, timeZone: 'UTC', batchSize: 50_000 })) {
    yield b.map((r) => ({ id: r.CustomerID as string, date: r.InvoiceDate as number, amount: (r.Quantity as number) * (r.UnitPrice as number) }));
  }
}

async function runCase(which: string, file: string): Promise<SummarizeTransactionsResult> {
  if (which === 'stream') return summarizeTransactionStream(batches(file), { customerId: 'id', date: 'date', amount: 'amount', ...OPTIONS });
  const db = await openDuckDb({ threads: 2, memoryLimit: '1GB' });
  try {
    await db.attachFile('log', file);
    return await runRfmSummary(db, { table: 'log', customerId: 'CustomerID', date: 'InvoiceDate', amount: ['Quantity', 'UnitPrice'], ...OPTIONS });
  } finally {
    db.close();
  }
}

const caseArg = process.argv.indexOf('--case');
if (caseArg >= 0) {
  const t0 = performance.now();
  const s = await runCase(process.argv[caseArg + 1]!, process.argv[caseArg + 3]!);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, customers: s.report.customers, rowsUsed: s.report.rowsUsed, rowsIn: s.report.rowsIn }));
  process.exit(0);
}

const files: [string, string][] = [['UCI Online Retail (541,909 lines, .csv.gz)', dataPath('uci-online-retail', 'online_retail.csv.gz')]];
const big = process.env.CRMKIT_SCALE_LOG ?? '/tmp/crmkit-scale/retail-10x.csv.gz';
if (existsSync(big)) files.push(['synthetic 10× (5,419,090 lines, .csv.gz)', big]);
const bigParquet = big.replace(/\.csv\.gz$/, '.parquet');
if (existsSync(bigParquet)) files.push(['synthetic 10× (5,419,090 rows, Parquet)', bigParquet]);
else console.log(`(no ${big}: run npx tsx scripts/gen-scale-log.ts for the 10× case)`);

const self = fileURLToPath(import.meta.url);
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| log | path | wall s | peak RSS MB | customers | rows used |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const [label, file] of files) {
  for (const which of file.endsWith('.parquet') ? ['duckdb'] : ['duckdb', 'stream']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', which, '--file', file], { encoding: 'utf8', timeout: 900_000 });
    if (r.status !== 0) {
      console.log(`| ${label} | ${which} | failed: ${r.stderr.slice(-300)} |`);
      continue;
    }
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; peakMB: number; customers: number; rowsUsed: number };
    const path = which === 'duckdb' ? 'DuckDB SQL straight on the file, one scan (threads 2, 1GB)' : 'Node readCsv stream → summarizeTransactionStream';
    console.log(`| ${label} | ${path} | ${(m.ms / 1000).toFixed(2)} | ${m.peakMB.toFixed(0)} | ${m.customers} | ${m.rowsUsed} |`);
  }
}
console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
