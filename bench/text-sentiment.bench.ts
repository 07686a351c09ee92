/**
 * crmkit/text/sentiment beside npm `sentiment` 5 (AFINN-165) and `vader-sentiment` 1.1 (the JS port
 * of VADER), on the 14,640 airline tweets (3 classes) — accuracy, macro-F1 and time in the same run —
 * and the Chinese scorer on weibo2018 test.txt (2 classes) with Weibo emoticons kept and stripped,
 * beside the majority baseline (no npm package scores Chinese).
 *
 * Labels: crmkit's own (compound ≥ 0.05 positive, ≤ −0.05 negative); vader-sentiment's compound with
 * the same thresholds; `sentiment`'s comparative score > 0 positive, < 0 negative, 0 neutral.
 *
 * Run: npm run bench -- text-sentiment   (part of npm run bench -- text)
 */
import { createRequire } from 'node:module';
import { sentiment } from '../src/text/sentiment/index.js';
import { parseCsv } from '../src/connectors/index.js';
import { hasData, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const require = createRequire(import.meta.url);

function scores(truth: string[], pred: string[], classes: string[]): string {
  let f = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (pred[i] === c && truth[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (truth[i] === c) fn++;
    }
    f += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const acc = truth.filter((y, i) => y === pred[i]).length / truth.length;
  return `accuracy ${acc.toFixed(3)}, macro-F1 ${(f / classes.length).toFixed(3)}`;
}

async function main(): Promise<void> {
  if (!hasData('twitter-airline-sentiment', 'Tweets.csv.gz') || !hasData('weibo2018', 'test.txt')) {
    console.log('text-sentiment bench skipped: shared data not found');
    return;
  }
  const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'), { header: false }).rows as string[][];
  const ti = rows[0]!.indexOf('text');
  const li = rows[0]!.indexOf('airline_sentiment');
  const texts = rows.slice(1).map((r) => r[ti]!);
  const truth = rows.slice(1).map((r) => r[li]!);
  const classes = ['negative', 'neutral', 'positive'];
  const out: Row[] = [];
  const label = (c: number): string => (c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral');
  const kase = `sentiment of ${texts.length} airline tweets`;
  for (const domain of ['general', 'customer-service'] as const) {
    let pred: string[] = [];
    const m = await measure(() => (pred = texts.map((t) => sentiment(t, { lang: 'en', domain }).label)), { minRuns: 3 });
    out.push({ case: kase, impl: `crmkit sentiment (${domain})`, ms: m.ms, heapMB: m.heapMB, note: scores(truth, pred, classes) });
  }
  const Afinn = require('sentiment') as new () => { analyze(t: string): { comparative: number } };
  const afinn = new Afinn();
  let pred: string[] = [];
  let m = await measure(() => (pred = texts.map((t) => { const c = afinn.analyze(t).comparative; return c > 0 ? 'positive' : c < 0 ? 'negative' : 'neutral'; })), { minRuns: 3 });
  out.push({ case: kase, impl: 'npm sentiment 5 (AFINN-165)', ms: m.ms, heapMB: m.heapMB, note: scores(truth, pred, classes) });
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  m = await measure(() => (pred = texts.map((t) => label(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound))), { minRuns: 3 });
  out.push({ case: kase, impl: 'npm vader-sentiment 1.1 (VADER JS port)', ms: m.ms, heapMB: m.heapMB, note: scores(truth, pred, classes) });
  out.push({ case: kase, impl: 'majority class (negative)', ms: null, note: scores(truth, truth.map(() => 'negative'), classes) });

  const lines = readDataText('weibo2018', 'test.txt').split('\n').filter((l) => l.length > 0);
  const wTruth = lines.map((l) => l.split(',')[1]!);
  const wTexts = lines.map((l) => l.slice(l.indexOf(',', l.indexOf(',') + 1) + 1));
  const acc = (p: string[]): string => `accuracy ${(wTruth.filter((y, i) => y === p[i]).length / wTruth.length).toFixed(3)}`;
  for (const emoticons of [true, false]) {
    let p: string[] = [];
    m = await measure(() => (p = wTexts.map((t) => (sentiment(t, { lang: 'zh', emoticons }).label === 'negative' ? '0' : '1'))), { minRuns: 3 });
    out.push({ case: `sentiment of ${wTexts.length} weibo2018 test posts`, impl: `crmkit sentiment (zh, emoticons ${emoticons ? 'kept' : 'stripped'})`, ms: m.ms, heapMB: m.heapMB, note: acc(p) });
  }
  out.push({ case: `sentiment of ${wTexts.length} weibo2018 test posts`, impl: 'majority class (positive)', ms: null, note: acc(wTruth.map(() => '1')) });
  out.push({ case: `sentiment of ${wTexts.length} weibo2018 test posts`, impl: 'npm sentiment / vader-sentiment', ms: null, note: 'score 0 for Chinese text' });
  printTable('crmkit/text/sentiment', out);
}

await main();
