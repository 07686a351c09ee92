/**
 * Hostile input to crmkit/text (issue #20, #15 "Bad input"): the regressions the fuzz and the issue
 * found, each pinned. Linear-time checks compare the time of n and 4n characters in the same run (a
 * linear scan costs about 4×, the quadratic scans these replace cost 16×); the absolute 1 MB figures
 * live in `npm run bench -- text-hostile`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countKeywords,
  createWatchList,
  CrmkitError,
  DimensionMismatchError,
  extractEntities,
  fitLda,
  fitTfidf,
  InvalidInputError,
  InvalidOptionError,
  ldaPerplexity,
  ldaTopTerms,
  matchWatchList,
  ModelFormatError,
  normalizePost,
  parseLdaModel,
  parseTfidfModel,
  recommendContent,
  tokenize,
  topKSimilar,
  transformLda,
  transformTfidf,
  type CsrMatrix,
  type TfidfModel,
} from 'crmkit/text';
import { csrFromTriplets } from 'crmkit';
import { sentiment, sentimentSeries } from 'crmkit/text/sentiment';

/** Best-of-5 milliseconds of `run(make(n))`, the input built outside the timing. */
function timeOf(make: (n: number) => string, run: (s: string) => unknown, n: number): number {
  const s = make(n);
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    run(s);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Asserts that 4× the input costs well under the 16× of a quadratic scan (8× plus 50 ms of timer and GC noise on a loaded machine). */
function expectLinear(make: (n: number) => string, run: (s: string) => unknown, n: number): void {
  timeOf(make, run, 1024); // warm up (regex compilation, JIT)
  const small = timeOf(make, run, n);
  const large = timeOf(make, run, 4 * n);
  expect(large, `${small.toFixed(1)} ms for n → ${large.toFixed(1)} ms for 4n`).toBeLessThan(8 * small + 50);
}

/** The error a call throws (fails the test when it returns). */
function errorOf(f: () => unknown): CrmkitError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CrmkitError);
    return e as CrmkitError;
  }
  throw new Error('expected a throw');
}

describe('linear-time scans of adversarial text', () => {
  it("extractEntities('%'.repeat(n)) is linear (the e-mail pattern no longer restarts inside a run)", () => {
    expect(extractEntities('%'.repeat(65536)).entities).toEqual([]);
    expectLinear((n) => '%'.repeat(n), (s) => extractEntities(s), 65536);
  });
  it('the e-mail pattern still finds addresses whose local part holds %, + and .', () => {
    expect(extractEntities('write to first.last+tag%x@mail.example.com today').emails.map((e) => e.text)).toEqual(['first.last+tag%x@mail.example.com']);
    expect(extractEntities('%%%a@b.co').emails.map((e) => e.text)).toEqual(['%%%a@b.co']);
    expectLinear((n) => 'a%'.repeat(n / 2) + '@', (s) => extractEntities(s), 65536);
  });
  it("tokenize('[哈'.repeat(n)) and extractEntities of it are linear (bounded emoticon look-ahead)", () => {
    expect(tokenize('[哈'.repeat(8), { lang: 'en' })).toEqual(Array(8).fill('哈'));
    expectLinear((n) => '[哈'.repeat(n / 2), (s) => tokenize(s, { lang: 'en' }), 65536);
    expectLinear((n) => '[哈'.repeat(n / 2), (s) => extractEntities(s), 65536);
    expectLinear((n) => '[a'.repeat(n / 2), (s) => normalizePost(s), 65536);
  });
  it('Weibo emoticons and topics are recognized as before the look-ahead bound', () => {
    expect(extractEntities('[哈哈][二哈][doge][abcdefghi哈][abcdefghij哈][abc]').emoticons.map((e) => e.normalized)).toEqual(['哈哈', '二哈', 'doge', 'abcdefghi哈']);
    const long = `#${'a'.repeat(98)}话#`;
    expect(extractEntities(long).hashtags.map((e) => e.text)).toEqual([long]);
    // a body of 100 characters is no topic (the #tag alternative takes the word instead)
    expect(extractEntities(`#${'a'.repeat(99)}话#`).hashtags.map((e) => e.text)).toEqual([`#${'a'.repeat(99)}话`]);
    expectLinear((n) => '#a'.repeat(n / 2), (s) => extractEntities(s), 65536);
  });
});

describe('keywords holding regex syntax (wi-fi, covid-19)', () => {
  const posts = [
    { text: 'Free Wi-Fi on board!', createdAt: '2020-03-01T10:00:00Z' },
    { text: 'no wifi, covid-19 rules (again)', createdAt: '2020-03-02T10:00:00Z' },
    { text: 'COVID-19 test at the gate $5.00 [sic]', createdAt: '2020-03-02T11:00:00Z' },
  ];
  it('countKeywords counts them in every match mode instead of throwing a SyntaxError', () => {
    for (const match of ['exact', 'prefix', 'phrase'] as const) {
      const r = countKeywords(posts, { keywords: ['wi-fi', 'covid-19', '(again)', '$5.00', '[sic]', 'a/b', 'x*y?'], match });
      expect(r.series.map((s) => [s.keyword, s.total])).toEqual([
        ['wi-fi', 1],
        ['covid-19', 2],
        ['(again)', 1],
        ['$5.00', 1],
        ['[sic]', 1],
        ['a/b', 0],
        ['x*y?', 0],
      ]);
    }
  });
  it('matchWatchList matches them with offsets', () => {
    for (const match of ['exact', 'prefix', 'phrase'] as const) {
      const st = createWatchList([{ id: 'wifi', variants: ['wi-fi', 'covid-19'], match }]);
      const r = matchWatchList(st, posts);
      expect(r.matches.map((m) => posts[m.post]!.text.slice(m.start, m.end))).toEqual(['Wi-Fi', 'covid-19', 'COVID-19']);
    }
  });
});

describe('countKeywords caps the dense series by memory', () => {
  const far = [
    { text: 'united', createdAt: '1025-01-01T00:00:00Z' },
    { text: 'united', createdAt: '2025-01-01T00:00:00Z' },
  ];
  it('two posts a millennium apart by the hour: a typed error naming countKeywords, at once', () => {
    const t0 = performance.now();
    const e = errorOf(() => countKeywords(far, { keywords: ['united'], by: 'hour' }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.fn).toBe('text/countKeywords');
    expect(e.message).toMatch(/at most 100000 are supported/);
  });
  it('too many series × buckets: a typed error; by week the same posts work', () => {
    const keywords = Array.from({ length: 400 }, (_, i) => `kw${i}`);
    const e = errorOf(() => countKeywords([far[1]!, { text: 'united', createdAt: '2275-01-01T00:00:00Z' }], { keywords, by: 'day' }));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.message).toMatch(/cells supported/);
    const r = countKeywords(far, { keywords: ['united'], by: 'week' });
    expect(r.series[0]!.total).toBe(2);
    expect(r.buckets.length).toBeGreaterThan(52_000);
    expect(() => sentimentSeries(far, { by: 'hour' })).toThrow(/at most 100000 are supported/);
  });
});

describe('parseTfidfModel rejects tampered models', () => {
  const m = fitTfidf(['late flight again', 'lost bag', 'late bag'], { ngramRange: [1, 2] });
  const cases: [string, (x: TfidfModel) => unknown][] = [
    ['a duplicated vocabulary term', (x) => ({ ...x, vocabulary: [x.vocabulary[0], ...x.vocabulary.slice(0, -1)] })],
    ['a vocabulary out of code-point order', (x) => ({ ...x, vocabulary: [...x.vocabulary].reverse() })],
    ['a vocabulary term that is not a string', (x) => ({ ...x, vocabulary: [1, ...x.vocabulary.slice(1)] })],
    ['an empty vocabulary', (x) => ({ ...x, vocabulary: [], idf: [] })],
    ['an idf above ln(n + 1) + 1', (x) => ({ ...x, idf: [Math.log(x.nDocuments + 1) + 1.5, ...x.idf.slice(1)] })],
    ['an idf below 1', (x) => ({ ...x, idf: [0.5, ...x.idf.slice(1)] })],
    ['an idf of NaN', (x) => ({ ...x, idf: [Number.NaN, ...x.idf.slice(1)] })],
    ['idf ≠ 1 with useIdf false', (x) => ({ ...x, params: { ...x.params, useIdf: false } })],
    ['minDf NaN', (x) => ({ ...x, params: { ...x.params, minDf: Number.NaN } })],
    ['maxDf a proportion above 1', (x) => ({ ...x, params: { ...x.params, maxDf: { proportion: 2 } } })],
    ['maxFeatures NaN', (x) => ({ ...x, params: { ...x.params, maxFeatures: Number.NaN } })],
    ['more terms than maxFeatures', (x) => ({ ...x, params: { ...x.params, maxFeatures: 2 } })],
    ['nDocuments "NaN"', (x) => ({ ...x, nDocuments: 'NaN' })],
    ['nDocuments 0', (x) => ({ ...x, nDocuments: 0 })],
    ['an unknown tokenize.lang', (x) => ({ ...x, params: { ...x.params, tokenize: { ...x.params.tokenize, lang: 'fr' } } })],
    ['no fixedVocabulary flag', (x) => ({ ...x, params: { ...x.params, fixedVocabulary: undefined } })],
    ['an array for a model', (x) => [x]],
  ];
  for (const [what, tamper] of cases) {
    it(`${what}: ModelFormatError naming the function called`, () => {
      expect(() => parseTfidfModel(tamper(m))).toThrow(ModelFormatError);
      expect(errorOf(() => parseTfidfModel(tamper(m))).fn).toBe('text/parseTfidfModel');
      const e = errorOf(() => transformTfidf(tamper(m) as TfidfModel, ['late']));
      expect([e.name, e.fn]).toEqual(['ModelFormatError', 'text/transformTfidf']);
      expect(errorOf(() => topKSimilar(tamper(m) as TfidfModel, ['late'], ['bag'])).fn).toBe('text/topKSimilar');
    });
  }
  it('accepts every model fitTfidf makes, through JSON (random corpora and options)', () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'é', '话', '😀', '！', 'z9');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.record({ smoothIdf: fc.boolean(), useIdf: fc.boolean(), sublinearTf: fc.boolean(), maxFeatures: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), hi: fc.integer({ min: 1, max: 3 }) }),
        fc.boolean(),
        (docs, o, fixed) => {
          fc.pre(docs.some((d) => d.length > 0));
          const opts = { smoothIdf: o.smoothIdf || fixed, useIdf: o.useIdf, sublinearTf: o.sublinearTf, ngramRange: [1, o.hi] as [number, number] };
          const model = fixed ? fitTfidf(docs, { ...opts, vocabulary: ['😀', 'b', 'zz', 'a'] }) : fitTfidf(docs, o.maxFeatures === undefined ? opts : { ...opts, maxFeatures: o.maxFeatures });
          expect(parseTfidfModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
        },
      ),
      { numRuns: 300, seed: 20261208 },
    );
  });
});

describe('model and matrix arguments are checked under the called function', () => {
  const docs = ['cheap flights cheap fares', 'flight delayed again', 'lost bag lost luggage', 'bag lost at the airport'];
  const counts = fitTfidf(docs, { useIdf: false, norm: null });
  const X = transformTfidf(counts, docs);
  const lda = fitLda(X, { nTopics: 2, seed: 1, maxIterations: 5 });
  const bad = (over: Partial<CsrMatrix>): CsrMatrix => ({ ...X, ...over });
  it('LDA functions name themselves on a malformed model, and reject tampered params and weights', () => {
    for (const [f, name] of [[() => transformLda({} as never, X), 'text/transformLda'], [() => ldaPerplexity(undefined as never, X), 'text/ldaPerplexity'], [() => ldaTopTerms(null as never), 'text/ldaTopTerms']] as const) {
      const e = errorOf(f);
      expect([e.name, e.fn]).toEqual(['ModelFormatError', name]);
    }
    const tampered = [
      { ...lda, params: { ...lda.params, docTopicPrior: 1e308 } },
      { ...lda, params: { ...lda.params, maxDocUpdateIterations: 1e9 } },
      { ...lda, params: { ...lda.params, learningDecay: Number.NaN } },
      { ...lda, components: [lda.components[0], lda.components[1]!.map(() => 1e308)] },
      { ...lda, components: [lda.components[0]] },
      { ...lda, perplexity: 'NaN' },
    ];
    for (const t of tampered) expect(() => parseLdaModel(t)).toThrow(ModelFormatError);
    expect(parseLdaModel(JSON.parse(JSON.stringify(lda)))).toEqual(lda);
  });
  it('count matrices are checked in full: shape, indptr, sorted in-range indices, finite counts', () => {
    const forms: CsrMatrix[] = [
      bad({ rows: 1e308 }),
      bad({ rows: 2 ** 53 + 2 }),
      bad({ cols: -1 }),
      bad({ indptr: Int32Array.from(X.indptr, (v, i) => (i === 1 ? X.data.length + 1 : v)) }),
      bad({ indices: Int32Array.from(X.indices, (v, i) => (i === 0 ? X.cols : v)) }),
      bad({ indices: Int32Array.from(X.indices, (v, i) => (i === 1 ? X.indices[0]! : v)) }),
      bad({ data: Float64Array.from(X.data, (v, i) => (i === 0 ? Infinity : v)) }),
      bad({ data: Float64Array.from(X.data, (v, i) => (i === 0 ? -1 : v)) }),
    ];
    for (const Y of forms) {
      expect(errorOf(() => fitLda(Y, { nTopics: 2 })).fn).toBe('text/fitLda');
      expect(errorOf(() => transformLda(lda, Y)).fn).toBe('text/transformLda');
    }
  });
  it('fitLda caps passes and priors instead of running without end or overflowing', () => {
    expect(() => fitLda(X, { nTopics: 2, maxIterations: 1e308 })).toThrow(InvalidOptionError);
    expect(() => fitLda(X, { nTopics: 2, maxDocUpdateIterations: 2 ** 53 + 2 })).toThrow(InvalidOptionError);
    expect(() => fitLda(X, { nTopics: 2, topicWordPrior: 1e308 })).toThrow(InvalidOptionError);
    expect(() => fitLda(X, { nTopics: 2, init: [counts.vocabulary.map(() => 1e308), counts.vocabulary.map(() => 1)] })).toThrow(InvalidOptionError);
  });
  it('ldaTopTerms and recommendContent check their vocabulary terms are strings', () => {
    const vocab = [Number.NaN, ...counts.vocabulary.slice(1)] as unknown as string[];
    expect(() => ldaTopTerms(lda, { vocabulary: vocab })).toThrow(InvalidOptionError);
    const rows = { ids: ['a', 'b', 'c', 'd'], matrix: X };
    expect(() => recommendContent(rows, rows, { vocabulary: vocab })).toThrow(InvalidOptionError);
  });
  it('recommendContent: ids are distinct strings, exclude lists are arrays of strings, a huge k is all items', () => {
    const items = { ids: ['a', 'b', 'c', 'd'], matrix: X };
    expect(() => recommendContent({ ids: [Number.NaN, 'b', 'c', 'd'] as unknown as string[], matrix: X }, items)).toThrow(InvalidInputError);
    expect(() => recommendContent(items, { ids: ['a', 'a', 'c', 'd'], matrix: X })).toThrow(/repeats an earlier id/);
    expect(() => recommendContent(items, items, { exclude: { a: 1e308 as unknown as string[] } })).toThrow(InvalidOptionError);
    expect(() => recommendContent(items, items, { exclude: new Map([['a', [1 as unknown as string]]]) })).toThrow(InvalidOptionError);
    const all = recommendContent(items, items, { k: 2 ** 53 });
    expect(all).toEqual(recommendContent(items, items, { k: 4 }));
    const sim = topKSimilar(counts, docs, docs, { k: 1e15 });
    expect(sim).toEqual(topKSimilar(counts, docs, docs, { k: 4 }));
  });
  it('topKSimilar checks a CSR argument fully and names itself for bad documents', () => {
    expect(() => topKSimilar(counts, bad({ rows: 1e308 }), docs)).toThrow(InvalidInputError);
    expect(() => topKSimilar(counts, bad({ cols: X.cols + 1 }), docs)).toThrow(DimensionMismatchError);
    const Y = csrFromTriplets(1, X.cols - 1, [0], [0], [1]);
    expect(() => topKSimilar(counts, Y, docs)).toThrow(DimensionMismatchError);
    expect(errorOf(() => topKSimilar(counts, [1 as unknown as string], docs)).fn).toBe('text/topKSimilar');
  });
  it('matchWatchList rejects a state with NaN or negative counts and inverted sightings', () => {
    const st = createWatchList([{ id: 'sbux', variants: ['starbucks'] }]);
    for (const s of [
      { ...st, postsSeen: Number.NaN },
      { ...st, postsSeen: -1 },
      { ...st, totals: [{ ...st.totals[0]!, posts: 1.5 }] },
      { ...st, totals: [{ ...st.totals[0]!, firstSeen: 5, lastSeen: 1 }] },
      { ...st, totals: [{ ...st.totals[0]!, firstSeen: Number.NaN, lastSeen: 1 }] },
    ]) {
      expect(errorOf(() => matchWatchList(s, ['starbucks'])).name).toBe('ModelFormatError');
    }
  });
});

describe('sentiment: the one-pass English scanner splits chunks exactly where \\s does', () => {
  it('every UTF-16 code unit: two emoticon chunks are two units iff the code unit between them is white space', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const smileys = sentiment(`:)${ch}:)`, { lang: 'en' }).tokens.filter((t) => t.token === ':)').length;
      if (smileys !== (/\s/.test(ch) ? 2 : 0)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
  it('a 1 MB text of ordinary words scores like the sum of its parts (no per-word regex state leaks)', () => {
    const post = 'The crew was NOT very helpful, but the seats were great!';
    const one = sentiment(post, { lang: 'en' });
    const many = sentiment(Array(20_000).fill(post).join(' '), { lang: 'en' });
    expect(one.tokens.map((t) => t.token)).toEqual(['helpful', 'great']);
    expect(many.tokens.length).toBe(20_000 * one.tokens.length);
    // the first "but" of the long text is the first post's, so its tokens score as alone
    expect(many.tokens.slice(0, 2)).toEqual(one.tokens);
  });
});
