import { describe, expect, it } from 'vitest';
import { AbortError, fitLda, fitTfidf, InvalidInputError, InvalidOptionError, ldaPerplexity, ldaTopTerms, ModelFormatError, parseLdaModel, transformLda, transformTfidf } from 'crmkit/text';

const docs = [
  'cheap flights cheap fares great deal',
  'cheap fares and cheap flights',
  'lost bag lost luggage at the airport',
  'my bag is lost and the luggage desk is closed',
  'great deal on flights',
  'luggage lost again',
];
const counts = fitTfidf(docs, { useIdf: false, norm: null, stopWords: 'english' });
const X = transformTfidf(counts, docs);

describe('fitLda', () => {
  it('separates two planted themes and is deterministic for a seed', () => {
    const a = fitLda(X, { nTopics: 2, seed: 5, maxIterations: 100 });
    expect(fitLda(X, { nTopics: 2, seed: 5, maxIterations: 100 })).toEqual(a);
    const top = ldaTopTerms(a, { vocabulary: counts.vocabulary, top: 3 }).map((t) => t.map((x) => x.term));
    const fares = top.findIndex((t) => t.includes('cheap'));
    expect(fares).toBeGreaterThanOrEqual(0);
    expect(top[1 - fares]).toContain('lost');
    const mix = transformLda(a, X);
    expect(mix[0]![fares]).toBeGreaterThan(0.8);
    expect(mix[2]![1 - fares]).toBeGreaterThan(0.8);
  });
  it('round-trips through JSON', () => {
    const m = fitLda(X, { nTopics: 2, seed: 1, learningMethod: 'online', batchSize: 2 });
    const back = parseLdaModel(JSON.parse(JSON.stringify(m)));
    expect(transformLda(back, X)).toEqual(transformLda(m, X));
    expect(ldaPerplexity(back, X)).toBe(m.perplexity);
  });
  it('a document with no known term gets the uniform mixture', () => {
    const m = fitLda(X, { nTopics: 2, seed: 1 });
    const empty = transformTfidf(counts, ['zebra']);
    expect(transformLda(m, empty)[0]).toEqual([0.5, 0.5]);
  });
  it('stops early on perplexity with evaluateEvery', () => {
    const m = fitLda(X, { nTopics: 2, seed: 1, maxIterations: 500, evaluateEvery: 1, perplexityTolerance: 0.01 });
    expect(m.iterations).toBeLessThan(500);
  });
  it('reports progress and can be aborted', () => {
    const seen: number[] = [];
    fitLda(X, { nTopics: 2, maxIterations: 3, onProgress: (p) => seen.push(p.completed) });
    expect(seen.at(-1)).toBe(3);
    const ac = new AbortController();
    ac.abort();
    expect(() => fitLda(X, { nTopics: 2, signal: ac.signal })).toThrow(AbortError);
  });
  it('typed errors', () => {
    expect(() => fitLda(X, { nTopics: X.cols + 1 })).toThrow(/nTopics must not exceed the number of terms/);
    expect(() => fitLda({ ...X, rows: 0, indptr: new Int32Array([0]) })).toThrow(InvalidInputError);
    expect(() => fitLda([[1, 2]] as never)).toThrow(InvalidInputError);
    const neg = { ...X, data: X.data.map((v, i) => (i === 0 ? -1 : v)) };
    expect(() => fitLda(neg)).toThrow(/finite counts >= 0/);
    expect(() => fitLda(X, { nTopics: 2, init: [[1]] })).toThrow(InvalidOptionError);
    expect(() => fitLda(X, { learningMethod: 'gibbs' as 'batch' })).toThrow(InvalidOptionError);
    expect(() => fitLda(X, { docTopicPrior: 0 })).toThrow(InvalidOptionError);
    const m = fitLda(X, { nTopics: 2 });
    expect(() => transformLda(m, transformTfidf(fitTfidf(['a b c']), ['a']))).toThrow(/columns/);
    expect(() => parseLdaModel({ ...m, kind: 'nmf' })).toThrow(ModelFormatError);
    expect(() => parseLdaModel({ ...m, components: [[1, -1]] })).toThrow(ModelFormatError);
    expect(() => ldaTopTerms(m, { vocabulary: ['a'] })).toThrow(InvalidOptionError);
    expect(() => ldaPerplexity(m, transformTfidf(counts, ['zebra']))).toThrow(/at least one word/);
  });
});

describe('the LDA kernel digamma', () => {
  it('equals core digamma to 1e-13 relative on (0, 1e6]', async () => {
    const { digamma: fast } = await import('../../src/text/_lda.js');
    const { digamma } = await import('crmkit');
    for (const x of [1e-8, 1e-3, 0.01, 0.1, 0.5, 1, 1.4616321449683622, 2, 3.7, 5.999, 6, 10, 100, 12345.678, 1e6]) {
      const a = fast(x);
      const b = digamma(x);
      expect(Math.abs(a - b), `x = ${x}`).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(b)));
    }
  });
});
