/**
 * Writes a seeded synthetic transaction log N times the size of UCI Online Retail (default 10×:
 * 5,419,090 lines) as gzip CSV with UCI's columns, for bench/scale.bench.ts. Never committed:
 * written under /tmp by default.
 *
 *   npx tsx scripts/gen-scale-log.ts [--copies 10] [--seed 1] [--out /tmp/crmkit-scale/retail-10x.csv.gz] [--parquet]
 *
 * `--parquet` also writes the same rows as Parquet beside it (`.parquet`), converted by DuckDB.
 *
 * Copy k of every UCI row gets customer id + k·100000 (missing ids stay missing), its date moved by
 * a seeded 0–27 days earlier (so it stays inside the observation window), and its quantity kept,
 * so the log keeps UCI's shape: repeat buyers, same-day baskets, returns, rows without a customer.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGzip, constants } from 'node:zlib';
import { readDataText } from './lib/data.js';
import { mulberry32 } from './lib/mulberry32.js';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const copies = Number(arg('copies', '10'));
const rand = mulberry32(Number(arg('seed', '1')));
const out = arg('out', `/tmp/crmkit-scale/retail-${copies}x.csv.gz`);
mkdirSync(dirname(out), { recursive: true });

const text = readDataText('uci-online-retail', 'online_retail.csv.gz');
const lines = text.split('\n');
const header = lines[0]!;
const body = lines.slice(1).filter((l) => l.length > 0);
const gz = createGzip({ level: constants.Z_BEST_SPEED });
const file = createWriteStream(out);
gz.pipe(file);
const write = async (s: string): Promise<void> => {
  if (!gz.write(s)) await once(gz, 'drain');
};
await write(`${header}\n`);
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
for (let k = 0; k < copies; k++) {
  let buf = '';
  for (const line of body) {
    // The last three fields (UnitPrice, CustomerID, Country) never hold commas; InvoiceDate is the
    // field before UnitPrice. Split from the right so quoted descriptions are left alone.
    const c3 = line.lastIndexOf(',');
    const c2 = line.lastIndexOf(',', c3 - 1);
    const c1 = line.lastIndexOf(',', c2 - 1);
    const c0 = line.lastIndexOf(',', c1 - 1);
    const id = line.slice(c2 + 1, c3);
    const date = line.slice(c0 + 1, c1); // YYYY-MM-DD HH:MM:SS
    const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - Math.floor(rand() * 28) * 86_400_000;
    const d = new Date(t);
    const newDate = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${date.slice(10)}`;
    const newId = id === '' ? '' : String(Number(id) + k * 100_000);
    buf += `${line.slice(0, c0 + 1)}${newDate}${line.slice(c1, c2 + 1)}${newId}${line.slice(c3)}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
}
gz.end();
await once(file, 'finish');
if (process.argv.includes('--parquet')) {
  const { openDuckDb } = await import('../src/connectors/node/index.js');
  const db = await openDuckDb({ threads: 2, memoryLimit: '1GB' });
  const pq = out.replace(/\.csv\.gz$/, '.parquet');
  await db.query({ text: `COPY (SELECT * FROM read_csv('${out}')) TO '${pq}' (FORMAT parquet)`, params: [], columns: [] });
  db.close();
  console.log(JSON.stringify({ parquet: pq }));
}
console.log(JSON.stringify({ out, lines: body.length * copies }));
