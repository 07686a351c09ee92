/**
 * crmkit/text benchmarks beside `natural` 8.1.1 (its tokenizer and TfIdf), Python jieba 0.42.1 and
 * scikit-learn 1.2.1 (from the reference scripts with --bench), and jieba-wasm when it is installed
 * (`npm install --no-save jieba-wasm`; not a dependency).
 *
 * `natural` is only ever loaded in a child process (`--natural` mode below): its `require` prints
 * dotenv banners and runs dotenv.config(), which must not touch this process. Its TfIdf is
 * quadratic-ish (each term's idf scans every document), so it is timed on 500 and 1,000 tweets and
 * extrapolated to 14,640 with the fitted power law, and the table says so.
 *
 * Run: npm run bench -- text   (or: node --expose-gc --import tsx bench/text.bench.ts)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractEntities, fitTfidf, fitTransformTfidf, tokenize, topKSimilar, transformTfidf } from '../src/text/index.js';
import { parseCsv } from '../src/connectors/index.js';
import { hasData, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function airlineTexts(): string[] {
  const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'), { header: false }).rows as string[][];
  const col = rows[0]!.indexOf('text');
  return rows.slice(1).map((r) => r[col]!);
}

function weiboTexts(): string[] {
  const lines = [...readDataText('weibo2018', 'train.txt.gz').split('\n'), ...readDataText('weibo2018', 'test.txt').split('\n')];
  return lines.filter((l) => l.length > 0).map((l) => l.slice(l.indexOf(',', l.indexOf(',') + 1) + 1));
}

/** Child-process mode: time natural and print one JSON line. */
async function naturalMode(): Promise<void> {
  const require = createRequire(import.meta.url);
  const natural = require('natural') as {
    WordTokenizer: new () => { tokenize(s: string): string[] };
    TfIdf: new () => { addDocument(d: string[]): void; listTerms(i: number): { term: string; tfidf: number }[] };
  };
  const air = airlineTexts();
  const weibo = weiboTexts();
  const tok = new natural.WordTokenizer();
  let t0 = performance.now();
  for (const t of air) tok.tokenize(t);
  const tokenizeAir = performance.now() - t0;
  t0 = performance.now();
  for (const t of weibo) tok.tokenize(t);
  const tokenizeWeibo = performance.now() - t0;
  const tfidf: Record<string, number> = {};
  for (const n of [500, 1000]) {
    const docs = air.slice(0, n).map((t) => tok.tokenize(t.toLowerCase()));
    t0 = performance.now();
    const model = new natural.TfIdf();
    for (const d of docs) model.addDocument(d);
    for (let i = 0; i < n; i++) model.listTerms(i);
    tfidf[n] = performance.now() - t0;
  }
  process.stdout.write(`\n@@NATURAL ${JSON.stringify({ tokenizeAir, tokenizeWeibo, tfidf })}\n`);
}

function runPython(script: string): Record<string, number> | null {
  const r = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'reference', script), '--bench'], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--natural')) return naturalMode();
  if (!hasData('twitter-airline-sentiment', 'Tweets.csv.gz') || !hasData('weibo2018', 'train.txt.gz')) {
    console.log('text bench skipped: shared data not found');
    return;
  }
  const air = airlineTexts();
  const weibo = weiboTexts();
  const rows: Row[] = [];
  const nat = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--natural'], { encoding: 'utf8', timeout: 600_000, cwd: root });
  const natLine = (nat.stdout ?? '').split('\n').find((l) => l.startsWith('@@NATURAL '));
  const natural = natLine ? (JSON.parse(natLine.slice(10)) as { tokenizeAir: number; tokenizeWeibo: number; tfidf: Record<string, number> }) : null;
  const sk = runPython('text.py');
  const jb = runPython('text_jieba.py');

  // Tokenize + entities.
  let m = await measure(() => air.map((t) => tokenize(t)), { minRuns: 3 });
  rows.push({ case: `tokenize ${air.length} airline tweets`, impl: 'crmkit tokenize', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(air.length / (m.ms / 1000))} posts/s; entities kept whole` });
  rows.push({ case: `tokenize ${air.length} airline tweets`, impl: 'natural WordTokenizer', ms: natural?.tokenizeAir ?? null, note: 'single run; drops @/#, splits URLs and emoji' });
  m = await measure(() => air.map((t) => extractEntities(t)), { minRuns: 3 });
  rows.push({ case: `extractEntities ${air.length} airline tweets`, impl: 'crmkit', ms: m.ms, heapMB: m.heapMB });
  m = await measure(() => weibo.map((t) => extractEntities(t)), { minRuns: 3 });
  rows.push({ case: `extractEntities ${weibo.length} weibo posts`, impl: 'crmkit', ms: m.ms, heapMB: m.heapMB });
  m = await measure(() => weibo.map((t) => tokenize(t)), { minRuns: 2 });
  rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'crmkit (Intl.Segmenter)', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(weibo.length / (m.ms / 1000))} posts/s` });
  try {
    const require = createRequire(import.meta.url);
    const { cut } = require('jieba-wasm') as { cut: (s: string, hmm: boolean) => string[] };
    const segmenter = (s: string): string[] => cut(s, true);
    m = await measure(() => weibo.map((t) => tokenize(t, { segmenter })), { minRuns: 2 });
    rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'crmkit + jieba-wasm segmenter', ms: m.ms, heapMB: m.heapMB, note: `${Math.round(weibo.length / (m.ms / 1000))} posts/s` });
  } catch {
    rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'crmkit + jieba-wasm segmenter', ms: null, note: 'jieba-wasm not installed' });
  }
  rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'Python jieba 0.42.1 (cut, HMM)', ms: jb ? jb.seconds! * 1000 : null, note: jb ? `${Math.round(jb.postsPerSecond!)} posts/s` : 'python3-jieba missing' });
  rows.push({ case: `tokenize ${weibo.length} weibo posts`, impl: 'natural WordTokenizer', ms: natural?.tokenizeWeibo ?? null, note: 'returns [] or fragments for Chinese' });

  // TF-IDF.
  let X = transformTfidf(fitTfidf(air), air);
  m = await measure(() => {
    const model = fitTfidf(air);
    X = transformTfidf(model, air);
    return X;
  }, { minRuns: 3 });
  rows.push({ case: `TF-IDF fit+transform ${air.length} tweets (strings)`, impl: 'crmkit (tokenize included)', ms: m.ms, heapMB: m.heapMB, note: `nnz ${X.data.length}` });
  const pre = air.map((t) => tokenize(t));
  m = await measure(() => transformTfidf(fitTfidf(pre), pre), { minRuns: 3 });
  rows.push({ case: `TF-IDF fit+transform ${air.length} tweets (strings)`, impl: 'crmkit, pre-tokenized', ms: m.ms, heapMB: m.heapMB });
  rows.push({ case: `TF-IDF fit+transform ${air.length} tweets (strings)`, impl: 'scikit-learn 1.2.1 (Python)', ms: sk ? sk.tfidfFitTransformSeconds! * 1000 : null, note: 'default TfidfVectorizer' });
  if (natural) {
    const [a, b] = [natural.tfidf['500']!, natural.tfidf['1000']!];
    const k = Math.log(b / a) / Math.log(2);
    const est = b * (air.length / 1000) ** k;
    rows.push({ case: `TF-IDF fit+transform ${air.length} tweets (strings)`, impl: 'natural TfIdf (extrapolated)', ms: est, note: `measured 500: ${a.toFixed(0)} ms, 1000: ${b.toFixed(0)} ms; × n^${k.toFixed(2)}` });
  } else rows.push({ case: `TF-IDF fit+transform ${air.length} tweets`, impl: 'natural TfIdf', ms: null, note: 'child process failed' });
  m = await measure(() => fitTransformTfidf(air), { minRuns: 3 });
  rows.push({ case: `TF-IDF fit+transform ${air.length} tweets (strings)`, impl: 'crmkit fitTransformTfidf (one tokenization)', ms: m.ms, heapMB: m.heapMB });
  m = await measure(() => transformTfidf(fitTfidf(weibo), weibo), { minRuns: 2 });
  rows.push({ case: `TF-IDF fit+transform ${weibo.length} weibo posts`, impl: 'crmkit fitTfidf + transformTfidf (Intl.Segmenter)', ms: m.ms, heapMB: m.heapMB });
  m = await measure(() => fitTransformTfidf(weibo), { minRuns: 2 });
  rows.push({ case: `TF-IDF fit+transform ${weibo.length} weibo posts`, impl: 'crmkit fitTransformTfidf (Intl.Segmenter)', ms: m.ms, heapMB: m.heapMB });

  // Similar posts.
  const model = fitTfidf(pre);
  const corpus = transformTfidf(model, pre);
  const queries = transformTfidf(model, pre.slice(0, 1000));
  m = await measure(() => topKSimilar(model, queries, corpus, { k: 10 }), { minRuns: 3 });
  rows.push({ case: `top-10 similar, 1,000 queries × ${air.length} tweets`, impl: 'crmkit topKSimilar (sparse)', ms: m.ms, heapMB: m.heapMB });
  rows.push({ case: `top-10 similar, 1,000 queries × ${air.length} tweets`, impl: 'scikit-learn cosine_similarity + argsort (dense)', ms: sk ? sk.top10For1000QueriesSeconds! * 1000 : null });
  printTable('crmkit/text', rows);
  segmentationAgreement();
}

/**
 * Token F1 of Chinese segmenters against Python jieba on the 500 weibo2018 test posts
 * (test/fixtures/text-jieba.json): word spans made only of Han characters, crmkit segmenting the Han
 * runs between entities, jieba the raw post.
 */
function segmentationAgreement(): void {
  const fx = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'text-jieba.json'), 'utf8')) as { posts: { mid: string; tokens: string[] }[] };
  const texts = new Map<string, string>();
  for (const l of readDataText('weibo2018', 'test.txt').split('\n')) {
    if (l.length === 0) continue;
    const a = l.indexOf(',');
    texts.set(l.slice(0, a), l.slice(l.indexOf(',', a + 1) + 1));
  }
  const HAN = /^\p{Script=Han}+$/u;
  const segmenters: [string, ((s: string) => string[]) | null][] = [['Intl.Segmenter (default)', null]];
  try {
    const require = createRequire(import.meta.url);
    const { cut } = require('jieba-wasm') as { cut: (s: string, hmm: boolean) => string[] };
    segmenters.push(['jieba-wasm', (s) => cut(s, true)]);
  } catch {
    console.log('jieba-wasm not installed: npm install --no-save jieba-wasm');
  }
  console.log('\n## Chinese segmentation vs Python jieba 0.42.1 (500 weibo2018 test posts, Han words)\n');
  for (const [name, seg] of segmenters) {
    let tp = 0;
    let np = 0;
    let nr = 0;
    const t0 = performance.now();
    for (const row of fx.posts) {
      const text = texts.get(row.mid)!;
      const ref = new Set<string>();
      let p = 0;
      for (const t of row.tokens) {
        if (HAN.test(t)) ref.add(`${p}:${p + t.length}`);
        p += t.length;
      }
      const ours = new Set<string>();
      for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
        let q = m.index;
        const words = seg === null ? tokenize(m[0], { lang: 'zh' }) : seg(m[0]);
        for (const w of words) {
          if (HAN.test(w)) ours.add(`${q}:${q + w.length}`);
          q += w.length;
        }
      }
      for (const x of ours) if (ref.has(x)) tp++;
      np += ours.size;
      nr += ref.size;
    }
    const ms = performance.now() - t0;
    const P = tp / np;
    const R = tp / nr;
    console.log(`${name}: precision ${P.toFixed(4)}, recall ${R.toFixed(4)}, F1 ${((2 * P * R) / (P + R)).toFixed(4)}; ${Math.round(fx.posts.length / (ms / 1000))} posts/s`);
  }
}

await main();
