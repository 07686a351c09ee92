import { describe, expect, it } from 'vitest';
import {
  AbortError, fitLda, fitNmf, fitTfidf, InvalidInputError, InvalidOptionError, ModelFormatError, nmfTopTerms, parseNmfModel, topicCoherence, transformNmf, transformTfidf,
} from 'crmkit/text';

const docs = [
  'cheap flights cheap fares great deal',
  'cheap fares and cheap flights',
  'lost bag lost luggage at the airport',
  'my bag is lost and the luggage desk is closed',
  'great deal on flights',
  'luggage lost again',
];
const tfidf = fitTfidf(docs, { stopWords: 'english' });
const X = transformTfidf(tfidf, docs);
const counts = fitTfidf(docs, { useIdf: false, norm: null, stopWords: 'english' });
const C = transformTfidf(counts, docs);

describe('fitNmf', () => {
  it('separates two planted themes with every solver and init', () => {
    for (const o of [{}, { init: 'nndsvd' as const }, { init: 'nndsvdar' as const }, { init: 'random' as const, seed: 3 }, { solver: 'mu' as const }, { solver: 'mu' as const, betaLoss: 'kullback-leibler' as const }]) {
      const m = fitNmf(o.betaLoss ? C : X, { nTopics: 2, maxIterations: 500, ...o });
      const top = nmfTopTerms(m, { vocabulary: tfidf.vocabulary, top: 3 }).map((t) => t.map((x) => x.term));
      const fares = top.findIndex((t) => t.includes('cheap'));
      expect(fares, JSON.stringify(o)).toBeGreaterThanOrEqual(0);
      expect(top[1 - fares], JSON.stringify(o)).toContain('lost');
      const W = transformNmf(m, o.betaLoss ? C : X);
      expect(W[0]![fares]).toBeGreaterThan(W[0]![1 - fares]!);
      expect(W[2]![1 - fares]).toBeGreaterThan(W[2]![fares]!);
    }
  });
  it('is deterministic for a seed, differs across seeds with a random init, and round-trips through JSON', () => {
    const a = fitNmf(X, { nTopics: 2, init: 'random', seed: 5 });
    expect(fitNmf(X, { nTopics: 2, init: 'random', seed: 5 })).toEqual(a);
    expect(fitNmf(X, { nTopics: 2, init: 'random', seed: 6 }).components).not.toEqual(a.components);
    const back = parseNmfModel(JSON.parse(JSON.stringify(a)));
    expect(transformNmf(back, X)).toEqual(transformNmf(a, X));
  });
  it('does not mutate a custom start and reports convergence', () => {
    const W = Object.freeze(docs.map(() => Object.freeze([0.5, 0.5])));
    const H = Object.freeze([Object.freeze(tfidf.vocabulary.map((_, v) => (v % 2) + 0.1)), Object.freeze(tfidf.vocabulary.map((_, v) => ((v + 1) % 2) + 0.1))]);
    const m = fitNmf(X, { nTopics: 2, init: { W, H } });
    expect(m.converged).toBe(true);
    expect(m.iterations).toBeLessThan(200);
    const capped = fitNmf(X, { nTopics: 2, init: { W, H }, maxIterations: 1, tolerance: 0 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(1);
  });
  it('defaults to a random init when nTopics exceeds min(documents, terms)', () => {
    expect(fitNmf(X, { nTopics: 7 }).params.init).toBe('random');
    expect(() => fitNmf(X, { nTopics: 7, init: 'nndsvd' })).toThrow(InvalidOptionError);
  });
  it('rejects bad input and options with typed errors naming the function', () => {
    expect(() => fitNmf({} as never)).toThrow(InvalidInputError);
    const neg = { ...X, data: Float64Array.from(X.data, (x, i) => (i === 0 ? -1 : x)) };
    expect(() => fitNmf(neg)).toThrow(/text\/fitNmf/);
    expect(() => fitNmf(X, { betaLoss: 'kullback-leibler' })).toThrow(InvalidOptionError);
    expect(() => fitNmf(X, { solver: 'als' as never })).toThrow(InvalidOptionError);
    expect(() => fitNmf(X, { nTopics: 0 })).toThrow(InvalidOptionError);
    expect(() => fitNmf(X, { l1Ratio: 2 })).toThrow(InvalidOptionError);
    expect(() => fitNmf(X, { init: { W: [[1]], H: [[1]] }, nTopics: 2 })).toThrow(/options\.init\.W/);
    expect(() => fitNmf(X, { init: [[1]] as never })).toThrow(InvalidOptionError);
    expect(() => fitNmf(X, { bogus: 1 } as never)).toThrow(InvalidOptionError);
    const m = fitNmf(X, { nTopics: 2 });
    expect(() => transformNmf(m, C.cols === X.cols ? { ...X, cols: X.cols + 1 } : C)).toThrow(InvalidInputError);
    expect(() => parseNmfModel({ ...m, kind: 'lda' })).toThrow(ModelFormatError);
    expect(() => parseNmfModel({ ...m, params: { ...m.params, solver: 'cd', betaLoss: 'kullback-leibler' } })).toThrow(ModelFormatError);
    expect(() => parseNmfModel({ ...m, components: [[-1]] })).toThrow(ModelFormatError);
  });
  it('honours signal and onProgress', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => fitNmf(X, { nTopics: 2, signal: ac.signal })).toThrow(AbortError);
    const seen: number[] = [];
    fitNmf(X, { nTopics: 2, onProgress: (p) => seen.push(p.completed) });
    expect(seen.at(-1)).toBe(200);
  });
  it('a document with no term gets zero weights', () => {
    const m = fitNmf(X, { nTopics: 2 });
    expect(transformNmf(m, transformTfidf(tfidf, ['zebra']))).toEqual([[0, 0]]);
  });
});

describe('topicCoherence', () => {
  const tokens = [['cheap', 'fares'], ['cheap', 'fares', 'today'], ['lost', 'bag'], ['lost', 'bag', 'airport']];
  it('scores planted topics above mixed ones on both measures, for LDA and NMF models', () => {
    for (const measure of ['umass', 'npmi'] as const) {
      const good = topicCoherence([['cheap', 'fares'], ['lost', 'bag']], tokens, { measure }).mean;
      const bad = topicCoherence([['cheap', 'bag'], ['lost', 'fares']], tokens, { measure }).mean;
      expect(good).toBeGreaterThan(bad);
    }
    const lda = fitLda(C, { nTopics: 2, seed: 1, maxIterations: 50 });
    const nmf = fitNmf(X, { nTopics: 2 });
    for (const model of [lda, nmf]) {
      const r = topicCoherence(model, C, { top: 3 });
      expect(r.topics).toHaveLength(2);
      expect(r.mean).toBeGreaterThan(-1);
      expect(r.mean).toBeLessThanOrEqual(1);
    }
  });
  it('takes the limits: never together −1, always together 1', () => {
    expect(topicCoherence([['a', 'b']], [['a'], ['b']]).topics).toEqual([-1]);
    expect(topicCoherence([['a', 'b']], [['a', 'b'], ['b', 'a']]).topics).toEqual([1]);
  });
  it('rejects malformed topics, documents and options', () => {
    expect(() => topicCoherence([['a']], tokens)).toThrow(InvalidInputError);
    expect(() => topicCoherence([['a', 'a']], tokens)).toThrow(InvalidInputError);
    expect(() => topicCoherence([], tokens)).toThrow(InvalidInputError);
    expect(() => topicCoherence({ kind: 'kmeans' } as never, tokens)).toThrow(InvalidInputError);
    expect(() => topicCoherence([['cheap', 'zebra']], tokens, { measure: 'umass' })).toThrow(/zebra/);
    expect(() => topicCoherence([['cheap', 'fares']], tokens, { measure: 'cv' as never })).toThrow(InvalidOptionError);
    expect(() => topicCoherence([['cheap', 'fares']], C)).toThrow(InvalidOptionError);
    expect(() => topicCoherence(fitNmf(X, { nTopics: 2 }), tokens)).toThrow(InvalidOptionError);
    expect(() => topicCoherence([['cheap', 'fares']], [['cheap', 1]] as never)).toThrow(InvalidInputError);
    expect(() => topicCoherence([['cheap', 'fares']], [])).toThrow(InvalidInputError);
  });
});

describe('fitNmf structural checks', () => {
  it('rejects malformed CSR structure with InvalidInputError', () => {
    expect(() => fitNmf({ ...X, indices: Int32Array.from(X.indices, (v, i) => (i === 0 ? X.cols + 5 : v)) })).toThrow(InvalidInputError);
    expect(() => fitNmf({ ...X, indptr: Int32Array.from(X.indptr, (v, i) => (i === 1 ? 1000 : v)) })).toThrow(InvalidInputError);
    expect(() => fitNmf({ rows: 1, cols: 2 ** 30, indptr: Int32Array.of(0, 1), indices: Int32Array.of(0), data: Float64Array.of(1) }, { nTopics: 1 })).toThrow(/2\^27/);
  });
});

describe('errors name the function the user called', () => {
  it('transformNmf, nmfTopTerms and topicCoherence relabel model-format errors', () => {
    const m = fitNmf(X, { nTopics: 2 });
    const bad = { ...m, formatVersion: 9 } as never;
    expect(() => transformNmf(bad, X)).toThrow(/^text\/transformNmf: /);
    expect(() => nmfTopTerms(bad)).toThrow(/^text\/nmfTopTerms: /);
    expect(() => topicCoherence(bad, C)).toThrow(/^text\/topicCoherence: /);
    expect(() => topicCoherence({ ...fitLda(C, { nTopics: 2 }), formatVersion: 9 } as never, C)).toThrow(/^text\/topicCoherence: /);
    expect(() => parseNmfModel({ kind: 'lda' })).toThrow(/^text\/parseNmfModel: /);
  });
});

describe('hostile inputs found by the fuzz', () => {
  it('array holes in topics, docs and vocabulary are typed errors', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => topicCoherence([['cheap', 'fares'], ['lost', 'bag'], ,] as never, [['cheap']])).toThrow(InvalidInputError);
    expect(() => topicCoherence([['cheap', 'fares']], new Array(3) as never)).toThrow(InvalidInputError);
    expect(() => topicCoherence([['cheap', 'fares']], C, { vocabulary: new Array(C.cols) as never })).toThrow(InvalidOptionError);
    const m = fitNmf(X, { nTopics: 2 });
    expect(() => nmfTopTerms(m, { vocabulary: tfidf.vocabulary.map((t, i) => (i === 0 ? NaN : t)) as never })).toThrow(InvalidOptionError);
  });
  it('overflowing values are an InvalidInputError, never NaN or Infinity', () => {
    const m = fitNmf(X, { nTopics: 2 });
    const huge = { ...X, data: X.data.map(() => 1e300) };
    expect(() => transformNmf({ ...m, components: m.components.map((r) => r.map((x) => x * 1e300)) }, huge)).toThrow(InvalidInputError);
    expect(() => fitNmf(huge, { nTopics: 2 })).toThrow(InvalidInputError);
  });
});
