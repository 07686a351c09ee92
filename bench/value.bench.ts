/**
 * crmkit/value benchmarks: BTYD fits on the CDNOW sample and the raw-log → CLV pipeline on UCI Online
 * Retail (541,909 lines) and the CDNOW master log (69,659 lines), beside the scipy reference
 * (scripts/reference/value.py --bench) run in the same process tree when /usr/bin/python3 has scipy.
 *
 *   npm run bench -- value
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  customerLifetimeValue, fitBetaGeo, fitBetaGeoBetaBinom, fitGammaGamma, fitModifiedBetaGeo, fitParetoNbd, summarizeTransactions,
} from 'crmkit/value';
import { dataPath, hasData, readDataCsv } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Txn { customerId: string; date: string; amount: number }

/** UCI Online Retail CSV → rows; quoted fields (descriptions with commas) handled per line. */
function parseUci(text: string): Txn[] {
  const out: Txn[] = [];
  let pos = text.indexOf('\n') + 1;
  const n = text.length;
  const f: string[] = new Array(8);
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (line.length === 0) continue;
    if (line.indexOf('"') < 0) {
      let k = 0;
      let s = 0;
      for (let i = 0; i <= line.length && k < 8; i++) {
        if (i === line.length || line.charCodeAt(i) === 44) {
          f[k++] = line.slice(s, i);
          s = i + 1;
        }
      }
    } else {
      let k = 0;
      let i = 0;
      while (k < 8 && i <= line.length) {
        if (line[i] === '"') {
          let v = '';
          i++;
          for (;;) {
            const q = line.indexOf('"', i);
            v += line.slice(i, q);
            if (line[q + 1] === '"') {
              v += '"';
              i = q + 2;
            } else {
              i = q + 2;
              break;
            }
          }
          f[k++] = v;
        } else {
          let c = line.indexOf(',', i);
          if (c < 0) c = line.length;
          f[k++] = line.slice(i, c);
          i = c + 1;
        }
      }
    }
    out.push({ customerId: f[6]!, date: f[4]!, amount: Number(f[3]) * Number(f[5]) });
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

function pipeline(rows: Txn[], observationEnd: string): number {
  const s = summarizeTransactions(rows, {
    customerId: 'customerId', date: 'date', amount: 'amount', observationEnd, periodsPerUnit: 7,
    missingCustomerId: 'drop', zeroAmount: 'drop', negativeAmount: 'drop',
  });
  const bg = fitBetaGeo(s.rows);
  const gg = fitGammaGamma(s.rows as { frequency: number; monetaryValue: number }[]);
  const clv = customerLifetimeValue(bg, gg, s.rows as { frequency: number; recency: number; T: number; monetaryValue: number }[], { timeUnit: 'week' });
  return clv.length;
}

const rows: Row[] = [];
let peer: Record<string, number> = {};
const script = join(here, '..', 'scripts', 'reference', 'value.py');
if (existsSync('/usr/bin/python3')) {
  const r = spawnSync('/usr/bin/python3', [script, '--bench'], { encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0) peer = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
  else console.log('scipy peer failed:', r.stderr.slice(-500));
}
const ratio = (ours: number, key: string): string => (peer[key] ? `scipy/ours = ${(peer[key]! / ours).toFixed(1)}×` : '');

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
  for (const [name, key, f] of cases) {
    const m = await measure(f, { minRuns: 5, minMs: 300 });
    rows.push({ case: name, impl: 'crmkit', ms: m.ms, heapMB: m.heapMB, note: ratio(m.ms, key) });
    rows.push({ case: name, impl: 'scipy L-BFGS-B (peer)', ms: peer[key] ?? null });
  }
}
if (hasData('cdnow', 'CDNOW_master.txt')) {
  const m = await measure(() => pipeline(parseCdnowMaster(readFileSync(dataPath('cdnow', 'CDNOW_master.txt'), 'utf8')), '1998-06-30'), { minRuns: 3, minMs: 500 });
  rows.push({ case: 'CDNOW master: read+parse+summary+BG/NBD+GG+CLV', impl: 'crmkit', ms: m.ms, heapMB: m.heapMB, note: ratio(m.ms, 'cdnowMasterPipeline') });
  rows.push({ case: 'CDNOW master: read+parse+summary+BG/NBD+GG+CLV', impl: 'pandas+scipy (peer)', ms: peer.cdnowMasterPipeline ?? null });
}
if (hasData('uci-online-retail', 'online_retail.csv.gz')) {
  const m = await measure(() => pipeline(parseUci(gunzipSync(readFileSync(dataPath('uci-online-retail', 'online_retail.csv.gz'))).toString('utf8')), '2011-12-09'), { minRuns: 3, minMs: 500, maxRuns: 5 });
  rows.push({ case: 'UCI Online Retail: gunzip+parse+clean+summary+BG/NBD+GG+CLV', impl: 'crmkit', ms: m.ms, heapMB: m.heapMB, note: ratio(m.ms, 'uciPipeline') });
  rows.push({ case: 'UCI Online Retail: gunzip+parse+clean+summary+BG/NBD+GG+CLV', impl: 'pandas+scipy (peer)', ms: peer.uciPipeline ?? null });
}
printTable('crmkit/value: BTYD fits and raw-log → CLV pipelines (no npm package implements these models)', rows);
