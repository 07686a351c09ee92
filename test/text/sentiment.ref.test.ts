/**
 * sentiment: English against the example outputs VADER's author published (README of the original
 * Python implementation, scripts/reference/text_vader_readme.py), and quality on the shared data
 * (airline tweets: 3 classes; weibo2018 test.txt: 2 classes), the figures reported in docs/text.md.
 */
import { describe, expect, it } from 'vitest';
import { sentiment } from 'crmkit/text/sentiment';
import { loadFixture } from '../helpers/fixtures.js';
import { parseCsv } from 'crmkit/connectors';
import { describeWithData, readDataText } from '../helpers/data.js';

interface Row {
  text: string;
  compound: number;
  pos: number;
  neu: number;
  neg: number;
}
const fx = loadFixture<{ rows: Row[] }>('text-vader-readme');

/**
 * Two README rows are left out: "Make sure you :) or :D today!" (the README's 0.8633 needs a valence
 * sum of about 6.6, while sure 1.3, :) 2.0, :D 2.3 and the `!` emphasis 0.292 of the lexicon at the
 * same commit add up to 5.89, i.e. 0.8356: the README predates a lexicon change), and the emoji row,
 * which predates VADER's current emoji handling (emoji replaced by their description words).
 */
const OLDER_LEXICON = new Set(['Make sure you :) or :D today!', 'Catch utf-8 emoji such as 💘 and 💋 and 😁']);

describe("sentiment (en) against VADER's published outputs", () => {
  const rows = fx.rows.filter((r) => !OLDER_LEXICON.has(r.text));
  it('has the 14 comparable rows', () => expect(rows.length).toBe(14));
  for (const row of rows) {
    it(row.text, () => {
      const r = sentiment(row.text, { lang: 'en' });
      // The README prints compound to 4 decimals and the shares to 3.
      expect(Math.abs(r.compound - row.compound)).toBeLessThanOrEqual(5e-5 + 1e-12);
      expect(Math.abs(r.positive - row.pos)).toBeLessThanOrEqual(6e-4);
      expect(Math.abs(r.negative - row.neg)).toBeLessThanOrEqual(6e-4);
      expect(Math.abs(r.neutral - row.neu)).toBeLessThanOrEqual(6e-4);
    });
  }
});

function macroF1(truth: string[], pred: string[], classes: string[]): number {
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
  return f / classes.length;
}
const accuracy = (t: string[], p: string[]): number => t.filter((y, i) => y === p[i]).length / t.length;

describeWithData('sentiment quality on airline tweets', [['twitter-airline-sentiment', 'Tweets.csv.gz']], () => {
  const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'), { header: false }).rows as string[][];
  const ti = rows[0]!.indexOf('text');
  const li = rows[0]!.indexOf('airline_sentiment');
  const data = rows.slice(1);
  const truth = data.map((r) => r[li]!);
  const classes = ['negative', 'neutral', 'positive'];
  it("domain 'customer-service': accuracy >= 0.60 and macro-F1 >= 0.55 (majority baseline 0.627 / 0.257)", () => {
    const pred = data.map((r) => sentiment(r[ti]!, { lang: 'en', domain: 'customer-service' }).label);
    const acc = accuracy(truth, pred);
    const f1 = macroF1(truth, pred, classes);
    console.log(`airline customer-service: accuracy ${acc.toFixed(4)}, macro-F1 ${f1.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.6);
    expect(f1).toBeGreaterThanOrEqual(0.55);
  });
  it("domain 'general' (VADER's lexicon unchanged) scores at least as well as the vader-sentiment port (0.539 / 0.508)", () => {
    const pred = data.map((r) => sentiment(r[ti]!, { lang: 'en' }).label);
    const acc = accuracy(truth, pred);
    const f1 = macroF1(truth, pred, classes);
    console.log(`airline general: accuracy ${acc.toFixed(4)}, macro-F1 ${f1.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.539);
    expect(f1).toBeGreaterThanOrEqual(0.508);
  });
});

describeWithData('sentiment quality on weibo2018 test.txt', [['weibo2018', 'test.txt']], () => {
  const lines = readDataText('weibo2018', 'test.txt').split('\n').filter((l) => l.length > 0);
  const truth = lines.map((l) => l.split(',')[1]!);
  const texts = lines.map((l) => l.slice(l.indexOf(',', l.indexOf(',') + 1) + 1));
  // Two classes: a post counts as negative when labelled 'negative' (neutral counts as positive).
  const binary = (emoticons: boolean): string[] => texts.map((t) => (sentiment(t, { lang: 'zh', emoticons }).label === 'negative' ? '0' : '1'));
  it('majority baseline is 0.690', () => expect(accuracy(truth, truth.map(() => '1'))).toBeCloseTo(0.69, 3));
  it('with Weibo emoticons: accuracy >= 0.80', () => {
    const acc = accuracy(truth, binary(true));
    console.log(`weibo2018 with emoticons: accuracy ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.8);
  });
  it('emoticons stripped: accuracy >= 0.76, still above the majority baseline', () => {
    const acc = accuracy(truth, binary(false));
    console.log(`weibo2018 emoticons stripped: accuracy ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThanOrEqual(0.76);
  });
});
