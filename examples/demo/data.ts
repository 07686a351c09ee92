/**
 * Where the demo's data comes from: the team's full datasets (`../shared/data` or
 * `$CRMKIT_DATA_DIR`) when every file the demo reads is there, otherwise the small samples shipped in
 * `examples/data` (see its README), so `npm run demo` works on a clone with nothing beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Post } from 'crmkit';
import type { TimedText } from 'crmkit/text';
import { parseCsv as parseCsvText } from 'crmkit/connectors';
import { DATA_DIR, hasData, readDataText } from '../../scripts/lib/data.js';

/** Rows of cells, header first, through crmkit's CSV reader. */
const parseCsv = (text: string, delimiter = ','): string[][] => parseCsvText(text, { header: false, delimiter }).rows as string[][];
import { syntheticCampaign } from '../data/synthetic-campaign.js';
import { syntheticPosts } from '../data/synthetic-posts.js';
import { BANK_FEATURES, BANK_LEVELS, type ConversionData } from '../classify-data.js';

/** `'full'`: the shared datasets; `'sample'`: examples/data. */
export type DataMode = 'full' | 'sample';

export const SAMPLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

/** Every shared file the full demo reads. */
export const FULL_FILES: readonly string[][] = [
  ['twitter-airline-sentiment', 'Tweets.csv.gz'],
  ['weibo2018', 'train.txt.gz'],
  ['cdnow', 'CDNOW_master.txt'],
  ['cdnow', 'CDNOW_sample.txt'],
  ['uci-wholesale-customers', 'wholesale_customers_data.csv'],
  ['uci-bank-marketing', 'bank-full.csv.gz'],
  ['hillstrom-email', 'hillstrom.csv.gz'],
];

/** A post stream the text and graph steps read, with what it is. */
export interface PostStream {
  name: string;
  posts: Post[];
  /** Time zone its days are counted in. */
  timeZone: string;
  /** Keyword watched for spikes. */
  keyword: string;
  match: 'prefix' | 'exact';
  /** Bucket of the series and the spike detector's baseline window (in buckets). */
  by: 'hour' | 'day';
  window: number;
}

/** One demo data source: mode, where, and a loader per dataset. */
export interface DemoData {
  mode: DataMode;
  /** Folder read: the shared data folder, or examples/data. */
  dir: string;
  /** Shared files not found (why the demo is in sample mode). */
  missing: string[];
  /** One line for the terminal and the report. */
  describe(): string;
  /** English and Chinese posts (airline tweets + weibo2018, or the synthetic stream). */
  posts(): PostStream[];
  /** CDNOW purchases: customer, day (YYYYMMDD), dollars, from the 1/10 sample (2,357 customers). */
  cdnowSample(): { customer: string; day: string; dollars: number }[];
  /** Every order value of the CDNOW log in use (the master log in full mode, the sample otherwise). */
  orderValues(): { label: string; amounts: number[] };
  wholesale(): Record<string, string>[];
  /** Bank marketing as a numeric matrix (bank-full, or UCI's 10% sample). */
  bank(): ConversionData & { label: string };
  /** The e-mail campaign rows (Hillstrom, or the synthetic campaign). */
  campaign(): { label: string; rows: Record<string, string>[] };
}

function sampleText(file: string): string {
  const buf = readFileSync(join(SAMPLE_DIR, file));
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

function objects(rows: string[][]): Record<string, string>[] {
  const header = rows[0] ?? [];
  return rows.slice(1).map((row) => Object.fromEntries(header.map((h, c) => [h, row[c] ?? ''])));
}

/** CDNOW_sample.txt: original id, new id, date (YYYYMMDD), CDs, dollars (whitespace, CRLF). */
function parseCdnowSample(text: string): { customer: string; day: string; dollars: number }[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const f = line.trim().split(/\s+/);
      return { customer: f[1]!, day: f[2]!, dollars: Number(f[4]) };
    });
}

/** The 17-column bank file (`;`, quoted strings) with the ordinal codes of classify-data.ts. */
export function parseBank(text: string): ConversionData {
  const rows = parseCsv(text, ';');
  const header = rows[0]!;
  const cols = BANK_FEATURES.map((name) => header.indexOf(name));
  const yCol = header.indexOf('y');
  const X: number[][] = [];
  const y: boolean[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    X.push(
      BANK_FEATURES.map((name, j) => {
        const raw = row[cols[j]!]!;
        const levels = BANK_LEVELS[name];
        const v = levels === undefined ? Number(raw) : levels.indexOf(raw);
        if (!Number.isFinite(v) || v < (levels === undefined ? -Infinity : 0)) throw new Error(`demo: bank row ${r}: bad ${name} ${JSON.stringify(raw)}`);
        return v;
      }),
    );
    y.push(row[yCol] === 'yes');
  }
  return { featureNames: BANK_FEATURES.slice(), X, y };
}

/** Airline tweets with ISO timestamps (`2015-02-24 11:35:52 -0800` → `2015-02-24T11:35:52-08:00`). */
export function airlineTweets(): Post[] {
  const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'));
  const h = rows[0]!;
  const [id, name, text, created] = ['tweet_id', 'name', 'text', 'tweet_created'].map((c) => h.indexOf(c)) as [number, number, number, number];
  return rows.slice(1).map((r) => {
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(r[created]!)!;
    return { id: r[id]!, author: r[name]!, text: r[text]!, createdAt: `${m[1]}T${m[2]}${m[3]}:${m[4]}`, lang: 'en' };
  });
}

/**
 * weibo2018 posts. The corpus has no dates, but a Weibo mid encodes its post time:
 * seconds = floor(mid / 2^22) + 515483463 (mids are below 2^53, so doubles hold them exactly).
 * The corpus has no authors either, so these posts feed the text step only.
 */
export function weiboPosts(): (TimedText & { id: string })[] {
  const lines = readDataText('weibo2018', 'train.txt.gz').split('\n').filter((l) => l.length > 0);
  return lines.map((l) => {
    const a = l.indexOf(',');
    const b = l.indexOf(',', a + 1);
    const mid = Number(l.slice(0, a));
    return { id: l.slice(0, a), text: l.slice(b + 1), createdAt: (Math.floor(mid / 4194304) + 515483463) * 1000 };
  });
}

function fullData(): DemoData {
  return {
    mode: 'full',
    dir: DATA_DIR,
    missing: [],
    describe: () => `full datasets from ${DATA_DIR}`,
    posts: () => {
      const weibo = weiboPosts()
        .filter((p) => (p.createdAt as number) >= Date.parse('2018-04-01T00:00:00+08:00') && (p.createdAt as number) < Date.parse('2018-05-31T00:00:00+08:00'))
        .map((p) => ({ ...p, author: '', lang: 'zh' }));
      return [
        { name: 'airline tweets (Twitter, Feb 2015)', posts: airlineTweets(), timeZone: 'America/New_York', keyword: 'cancelled', match: 'prefix', by: 'hour', window: 24 },
        { name: 'weibo2018 (Sina Weibo, Apr–May 2018)', posts: weibo, timeZone: 'Asia/Shanghai', keyword: '开心', match: 'exact', by: 'day', window: 7 },
      ];
    },
    cdnowSample: () => parseCdnowSample(readDataText('cdnow', 'CDNOW_sample.txt')),
    orderValues: () => {
      const amounts: number[] = [];
      // CDNOW_master.txt: a header line, then customer id, date, number of CDs, dollar value.
      for (const line of readDataText('cdnow', 'CDNOW_master.txt').split('\n')) {
        const parts = line.trim().split(/\s+/);
        if (parts.length === 4 && /^\d+$/.test(parts[0]!)) amounts.push(Number(parts[3]));
      }
      return { label: 'CDNOW master log', amounts };
    },
    wholesale: () => objects(parseCsv(readDataText('uci-wholesale-customers', 'wholesale_customers_data.csv'))),
    bank: () => ({ ...parseBank(readDataText('uci-bank-marketing', 'bank-full.csv.gz')), label: 'bank-full, 45,211 calls' }),
    campaign: () => ({ label: 'Hillstrom e-mail test (64,000 customers)', rows: objects(parseCsv(readDataText('hillstrom-email', 'hillstrom.csv.gz'))) }),
  };
}

function sampleData(missing: string[]): DemoData {
  return {
    mode: 'sample',
    dir: SAMPLE_DIR,
    missing,
    describe: () => `samples shipped in examples/data (no full datasets at ${DATA_DIR})`,
    posts: () => {
      const all = syntheticPosts();
      return [
        { name: 'synthetic posts, English', posts: all.filter((p) => p.lang === 'en'), timeZone: 'UTC', keyword: 'cancelled', match: 'prefix', by: 'day', window: 7 },
        { name: 'synthetic posts, Chinese', posts: all.filter((p) => p.lang === 'zh'), timeZone: 'Asia/Shanghai', keyword: '开心', match: 'exact', by: 'day', window: 7 },
      ];
    },
    cdnowSample: () => parseCdnowSample(sampleText('cdnow_sample.txt.gz')),
    orderValues: () => ({ label: 'CDNOW 1/10 sample', amounts: parseCdnowSample(sampleText('cdnow_sample.txt.gz')).map((r) => r.dollars) }),
    wholesale: () => objects(parseCsv(sampleText('wholesale_customers_data.csv'))),
    bank: () => ({ ...parseBank(sampleText('bank.csv.gz')), label: 'UCI 10% sample, 4,521 calls' }),
    campaign: () => ({ label: 'synthetic three-arm e-mail test (15,000 customers)', rows: syntheticCampaign() }),
  };
}

/** The full datasets when all are present, the samples otherwise. */
export function demoData(): DemoData {
  const missing = FULL_FILES.filter((f) => !hasData(...f)).map((f) => f.join('/'));
  return missing.length === 0 ? fullData() : sampleData(missing);
}

/** Whether a sample file exists (for tests). */
export function hasSample(file: string): boolean {
  return existsSync(join(SAMPLE_DIR, file));
}
