/**
 * crmkit/text on hostile and large input (issues #20 and #15 "Bad input"): every scan is linear, so
 * 1 MB of adversarial text costs about what 1 MB of ordinary text does (the quadratic patterns this
 * replaces took 6.9 s on 64 KB of '%' and 34.6 s on 256 KB of '[哈'); and the sentiment scorer on
 * 1 MB of text beside npm `sentiment` 5 (AFINN-165) and `vader-sentiment` 1.1 in the same run, both
 * as one 1 MB text and as one call per tweet.
 *
 * Text: the airline tweets (shared data) when present, else a built-in English sample repeated.
 * Times are wall-clock medians; the machine is shared, so read the load average printed with the
 * table and compare rows of the same run.
 *
 * Run: npm run bench -- text-hostile   (part of npm run bench -- text)
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { countKeywords, createWatchList, extractEntities, matchWatchList, normalizePost, tokenize } from '../src/text/index.js';
import { sentiment } from '../src/text/sentiment/index.js';
import { hasData, readDataCsv } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const require = createRequire(import.meta.url);
const MB = 1 << 20;

/** Repeats `unit` to exactly `n` UTF-16 code units (a surrogate pair is never cut). */
function fill(unit: string, n: number): string {
  let s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  return s;
}

const ADVERSARIAL: Record<string, string> = {
  "'%' run (e-mail local part)": fill('%', MB),
  "'a%' chain then '@'": fill('a%', MB - 1) + '@',
  "'[哈' unclosed emoticons": fill('[哈', MB),
  "'#a' topic starts": fill('#a', MB),
  "'a-' hyphen chain": fill('a-', MB),
  "'http://' repeated": fill('http://', MB),
  "'👍🏽‍' emoji with modifiers": fill('👍🏽\u200d', MB),
  "'不很好' negators and adverbs": fill('不很好', MB),
};

async function main(): Promise<void> {
  const out: Row[] = [];
  const load = `load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;
  const watch = createWatchList([{ id: 'wifi', variants: ['wi-fi', 'covid-19', 'lost bag'], match: 'phrase' }]);
  const fns: [string, (s: string) => unknown][] = [
    ['extractEntities', (s) => extractEntities(s)],
    ["tokenize (lang 'en')", (s) => tokenize(s, { lang: 'en' })],
    ['normalizePost', (s) => normalizePost(s)],
    ['countKeywords (3 keywords)', (s) => countKeywords([{ text: s, createdAt: 0 }], { keywords: ['wi-fi', 'covid-19', 'lost bag'], match: 'phrase' })],
    ['matchWatchList', (s) => matchWatchList(watch, [s])],
    ["sentiment (lang 'en')", (s) => sentiment(s, { lang: 'en' })],
    ["sentiment (lang 'zh')", (s) => sentiment(s, { lang: 'zh' })],
  ];
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    for (const [fn, run] of fns) {
      const m = await measure(() => run(text), { minRuns: 3, minMs: 200, maxRuns: 10 });
      out.push({ case: `1 MB of ${name}`, impl: `crmkit ${fn}`, ms: m.ms, heapMB: m.heapMB, note: load });
    }
  }
  printTable('crmkit/text: 1 MB adversarial inputs (linear scans)', out);

  // Sentiment on 1 MB of ordinary text, beside the npm peers.
  let tweets: string[];
  if (hasData('twitter-airline-sentiment', 'Tweets.csv.gz')) {
    tweets = readDataCsv(['twitter-airline-sentiment', 'Tweets.csv.gz']).map((r) => r.text ?? '');
  } else {
    tweets = ['@united the crew was GREAT, thanks!', 'Flight delayed again... worst airline ever :(', 'not very happy with the lost bag', 'Love the new seats <3'];
  }
  const sample: string[] = [];
  let size = 0;
  for (let i = 0; size < MB; i++) {
    const t = tweets[i % tweets.length]!;
    sample.push(t);
    size += t.length + 1;
  }
  const big = sample.join('\n').slice(0, MB);
  const rows: Row[] = [];
  const Afinn = require('sentiment') as new () => { analyze(t: string): { comparative: number } };
  const afinn = new Afinn();
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  const kase1 = `one text of 1 MB (${hasData('twitter-airline-sentiment', 'Tweets.csv.gz') ? 'airline tweets' : 'sample'} joined)`;
  let m = await measure(() => sentiment(big, { lang: 'en' }), { minRuns: 5 });
  rows.push({ case: kase1, impl: "crmkit sentiment (lang 'en')", ms: m.ms, heapMB: m.heapMB, note: `fastest ${m.minMs.toFixed(1)} ms; ${load}` });
  m = await measure(() => sentiment(big, { lang: 'en', domain: 'customer-service' }), { minRuns: 5 });
  rows.push({ case: kase1, impl: "crmkit sentiment (customer-service)", ms: m.ms, heapMB: m.heapMB, note: `fastest ${m.minMs.toFixed(1)} ms` });
  m = await measure(() => afinn.analyze(big), { minRuns: 3 });
  rows.push({ case: kase1, impl: 'npm sentiment 5 (AFINN-165)', ms: m.ms, heapMB: m.heapMB, note: `fastest ${m.minMs.toFixed(1)} ms` });
  m = await measure(() => vader.SentimentIntensityAnalyzer.polarity_scores(big), { minRuns: 1, maxRuns: 1 });
  rows.push({ case: kase1, impl: 'npm vader-sentiment 1.1 (VADER JS port)', ms: m.ms, heapMB: m.heapMB, note: 'one run' });
  const kase2 = `${sample.length} texts, 1 MB in all, one call each`;
  m = await measure(() => sample.map((t) => sentiment(t, { lang: 'en' }).compound), { minRuns: 3 });
  rows.push({ case: kase2, impl: "crmkit sentiment (lang 'en')", ms: m.ms, heapMB: m.heapMB, note: load });
  m = await measure(() => sample.map((t) => afinn.analyze(t).comparative), { minRuns: 3 });
  rows.push({ case: kase2, impl: 'npm sentiment 5 (AFINN-165)', ms: m.ms, heapMB: m.heapMB });
  m = await measure(() => sample.map((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound), { minRuns: 3 });
  rows.push({ case: kase2, impl: 'npm vader-sentiment 1.1 (VADER JS port)', ms: m.ms, heapMB: m.heapMB });
  printTable('crmkit/text/sentiment: 1 MB of text', rows);
}

await main();
