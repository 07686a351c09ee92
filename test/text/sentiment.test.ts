import { describe, expect, it } from 'vitest';
import { detectSpikes } from 'crmkit/text';
import { InvalidInputError, InvalidOptionError, sentiment, sentimentSeries } from 'crmkit/text/sentiment';

const tokens = (text: string, options?: Parameters<typeof sentiment>[1]): string[] => sentiment(text, options).tokens.map((t) => t.token);

describe('sentiment (en): VADER rules', () => {
  it('negation flips within three words and the same sentence, not across a full stop', () => {
    expect(sentiment('The food was good').compound).toBeGreaterThan(0);
    expect(sentiment('The food was not good').compound).toBeLessThan(0);
    expect(sentiment("The food wasn't very good").compound).toBeLessThan(0);
    expect(sentiment('Not bad at all').compound).toBeGreaterThan(0);
    // The negator is four words away: out of scope.
    expect(sentiment('not that the food was good').compound).toBeGreaterThan(0);
    // A full stop ends the scope.
    expect(sentiment('Not again. Good crew').compound).toBeGreaterThan(0);
  });
  it('intensifiers, dampeners, capitals and ! raise or lower the magnitude', () => {
    const base = sentiment('The crew was good').compound;
    expect(sentiment('The crew was very good').compound).toBeGreaterThan(base);
    expect(sentiment('The crew was slightly good').compound).toBeLessThan(base);
    expect(sentiment('The crew was GOOD').compound).toBeGreaterThan(base);
    expect(sentiment('THE CREW WAS GOOD').compound).toBe(base); // all caps: no contrast, no boost
    expect(sentiment('The crew was good!!').compound).toBeGreaterThan(base);
  });
  it('"but" halves what comes before and raises what follows', () => {
    expect(sentiment('The seats were great but the service was awful').label).toBe('negative');
    expect(sentiment('The seats were awful but the service was great').label).toBe('positive');
  });
  it('emoticons and emoji carry sentiment; mentions, URLs and HTML entities do not', () => {
    expect(sentiment('landed :)').label).toBe('positive');
    expect(sentiment('landed :(').label).toBe('negative');
    expect(sentiment('landed 😍').label).toBe('positive');
    expect(sentiment('landed 😡').label).toBe('negative');
    expect(sentiment('landed 😠').label).toBe('negative');
    expect(sentiment('@hope http://good.com &gt; ok').tokens.map((t) => t.token)).toEqual(['ok']);
  });
  it('a word that is also a handle mentioned in the post is a name', () => {
    expect(tokens('@united United flight')).toEqual([]);
    expect(tokens('united we stand')).toEqual(['united']);
  });
  it("domain 'customer-service' neutralizes requests and scores service failures", () => {
    expect(sentiment('please help me get a refund').label).toBe('positive');
    expect(sentiment('please help me get a refund', { domain: 'customer-service' }).label).toBe('negative');
    expect(sentiment('flight cancelled, stuck in Denver', { domain: 'customer-service' }).label).toBe('negative');
  });
  it('explains the score by the tokens that moved it, in order', () => {
    const r = sentiment('Great crew but the food was terrible');
    expect(r.tokens.map((t) => t.token)).toEqual(['Great', 'terrible']);
    expect(r.tokens[0]!.base).toBe(3.1);
    expect(r.tokens[0]!.valence).toBeCloseTo(3.1 * 0.5, 10);
  });
});

describe('sentiment (zh)', () => {
  it('negators, degree adverbs and contrast', () => {
    expect(sentiment('我很开心').label).toBe('positive');
    expect(sentiment('我不开心').label).toBe('negative');
    expect(sentiment('我非常开心').compound).toBeGreaterThan(sentiment('我开心').compound);
    expect(sentiment('我有点开心').compound).toBeLessThan(sentiment('我开心').compound);
    expect(sentiment('东西不错，但是服务太差了').label).toBe('negative');
    expect(sentiment('东西很差，但是服务不错').label).toBe('positive');
  });
  it('Weibo emoticons count unless switched off; unknown emoticons are scored by their text', () => {
    expect(sentiment('今天去上班[泪]').label).toBe('negative');
    expect(sentiment('今天去上班[泪]', { emoticons: false }).label).toBe('neutral');
    expect(sentiment('今天去上班[哈哈]').label).toBe('positive');
    expect(tokens('[好开心呀]')).toEqual(['[好开心呀]']);
    expect(sentiment('今天去上班😭').label).toBe('negative');
  });
  it("'auto' picks the scorer by script; English words in a Chinese post use the English lexicon", () => {
    expect(sentiment('good').lang).toBe('en');
    expect(sentiment('很好 good').lang).toBe('zh');
    expect(tokens('今天 awesome', { lang: 'zh' })).toEqual(['awesome']);
  });
});

describe('sentiment: results and bad input', () => {
  it('empty, whitespace-only and wordless text is neutral with neutral share 1', () => {
    for (const t of ['', '   \n', '@united', '，。']) {
      const r = sentiment(t);
      expect(r).toMatchObject({ compound: 0, label: 'neutral', neutral: 1, positive: 0, negative: 0, tokens: [] });
    }
  });
  it('threshold sets the labels', () => {
    const c = sentiment('ok').compound;
    expect(c).toBeGreaterThan(0);
    expect(sentiment('ok', { threshold: c }).label).toBe('positive');
    expect(sentiment('ok', { threshold: Math.min(1, c + 0.01) }).label).toBe('neutral');
  });
  it('a user lexicon overrides the built-in one', () => {
    expect(sentiment('the bag arrived', { lexicon: { arrived: 2 } }).label).toBe('positive');
    expect(sentiment('this is great', { lexicon: { great: 0 } }).label).toBe('neutral');
    expect(sentiment('到货了', { lexicon: { 到货: 2 } }).label).toBe('positive');
  });
  it('typed errors name the function, the argument and the value', () => {
    expect(() => sentiment(42 as unknown as string)).toThrow(InvalidInputError);
    expect(() => sentiment('x', { lang: 'fr' as 'en' })).toThrow(/text\/sentiment: options.lang/);
    expect(() => sentiment('x', { lexicon: { good: 'high' as unknown as number } })).toThrow(InvalidOptionError);
    expect(() => sentiment('x', { lexicon: { good: NaN } })).toThrow(/options.lexicon\['good'\] must be a finite number/);
    expect(() => sentiment('x', { threshold: 2 })).toThrow(InvalidOptionError);
    expect(() => sentiment('x', { domain: 'airline' as 'general' })).toThrow(InvalidOptionError);
    expect(() => sentiment('x', { colour: 1 } as never)).toThrow(/unknown option 'colour'/);
  });
  it('does not mutate a frozen lexicon option', () => {
    const lexicon = Object.freeze({ arrived: 2 });
    sentiment('arrived', { lexicon });
    expect(lexicon).toEqual({ arrived: 2 });
  });
});

describe('sentiment: linear time on adversarial input', () => {
  const MB = 1 << 20;
  const inputs: Record<string, (n: number) => string> = {
    'one long word': (n) => 'a'.repeat(n),
    'hyphen chain': (n) => 'a-'.repeat(n / 2),
    'unclosed brackets': (n) => '[哈'.repeat(n / 2),
    'entity-like': (n) => '&gt'.repeat(n / 3),
    'negators and adverbs': (n) => '不很好'.repeat(n / 3),
    'emoji with modifiers': (n) => '👍🏽\u200d'.repeat(n / 5),
    'exclamations and @': (n) => '!@'.repeat(n / 2),
  };
  for (const [name, make] of Object.entries(inputs)) {
    it(`${name}: 1 MB costs about 4 × 256 KB (a quadratic scan would cost 16 ×)`, () => {
      for (const lang of ['en', 'zh'] as const) {
        const time = (n: number): number => {
          const s = make(n);
          let best = Infinity;
          for (let k = 0; k < 3; k++) {
            const t0 = performance.now();
            sentiment(s, { lang });
            best = Math.min(best, performance.now() - t0);
          }
          return best;
        };
        time(4096);
        const small = time(MB / 4);
        const large = time(MB);
        expect(large, `${lang}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(10 * small + 200);
      }
    });
  }
});

describe('sentimentSeries', () => {
  const posts = [
    { text: 'Great crew, thanks!', createdAt: '2015-02-17T09:00:00Z' },
    { text: 'Lost my bag. Worst airline ever.', createdAt: '2015-02-19T10:00:00Z' },
    { text: 'Still waiting for my bag, terrible', createdAt: '2015-02-19T23:30:00Z' },
  ];
  it('zero-fills days and counts labels per bucket', () => {
    const r = sentimentSeries(posts);
    expect(r.labels).toEqual(['2015-02-17', '2015-02-18', '2015-02-19']);
    expect(r.counts).toEqual([1, 0, 2]);
    expect(r.positive).toEqual([1, 0, 0]);
    expect(r.negative).toEqual([0, 0, 2]);
    expect(r.negativeShare).toEqual([0, 0, 1]);
    expect(r.meanCompound[0]).toBeCloseTo(sentiment(posts[0]!.text).compound, 12);
    expect(r.meanCompound[1]).toBe(0);
    expect(r.meanCompound[2]).toBeCloseTo((sentiment(posts[1]!.text).compound + sentiment(posts[2]!.text).compound) / 2, 12);
    expect(r.posts).toBe(3);
  });
  it('buckets in the time zone and by hour', () => {
    const r = sentimentSeries(posts, { timeZone: 'Asia/Shanghai' });
    expect(r.labels).toEqual(['2015-02-17', '2015-02-18', '2015-02-19', '2015-02-20']);
    expect(r.counts).toEqual([1, 0, 1, 1]);
    expect(sentimentSeries(posts.slice(1), { by: 'hour' }).counts.length).toBe(14);
  });
  it('feeds detectSpikes: a burst of negative posts is flagged', () => {
    const many = [];
    for (let d = 1; d <= 14; d++) {
      const day = `2015-02-${String(d).padStart(2, '0')}`;
      many.push({ text: 'love this airline', createdAt: `${day}T08:00:00Z` }, { text: 'delayed again, awful', createdAt: `${day}T09:00:00Z` });
      if (d === 12) for (let k = 0; k < 9; k++) many.push({ text: 'worst service ever', createdAt: `${day}T10:00:00Z` });
    }
    const r = sentimentSeries(many);
    const spikes = detectSpikes(r.negative, { method: 'poisson', window: 7 });
    expect(spikes.spikes.map((s) => r.labels[s.index])).toEqual(['2015-02-12']);
  });
  it('typed errors', () => {
    expect(() => sentimentSeries([])).toThrow(InvalidInputError);
    expect(() => sentimentSeries([{ text: 1 as unknown as string, createdAt: 0 }])).toThrow(/posts\[0\].text must be a string/);
    expect(() => sentimentSeries(posts, { by: 'week' as 'day' })).toThrow(InvalidOptionError);
    expect(() => sentimentSeries(posts, { timeZone: 'Mars/Base' })).toThrow(InvalidOptionError);
    expect(() => sentimentSeries(posts, { lang: 'xx' as 'en' })).toThrow(/text\/sentimentSeries: options.lang/);
    expect(() => sentimentSeries(posts, { from: '2016-01-01' })).toThrow();
  });
});
