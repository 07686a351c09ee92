import { describe, expect, it } from 'vitest';
import { fitTfidf, InvalidInputError, InvalidOptionError, ModelFormatError, parseTfidfModel, transformTfidf } from 'crmkit/text';

describe('fitTfidf(docs, options)', () => {
  it('tokenizes string documents with tokenize (entities whole, lower-cased)', () => {
    const m = fitTfidf(['@United late AGAIN #fail', '#FAIL late']);
    expect(m.vocabulary).toEqual(['#fail', '@united', 'again', 'late']);
    expect(m.params.tokenize).toEqual({ lang: 'auto', lowercase: true, keepEntities: true });
  });

  it('computes the smoothed idf ln((1+n)/(1+df)) + 1 and the plain one ln(n/df) + 1', () => {
    const docs = [['a', 'b'], ['a'], ['a', 'c']];
    expect(fitTfidf(docs).idf).toEqual([Math.log(4 / 4) + 1, Math.log(4 / 2) + 1, Math.log(4 / 2) + 1]);
    expect(fitTfidf(docs, { smoothIdf: false }).idf).toEqual([1, Math.log(3) + 1, Math.log(3) + 1]);
  });

  it('sorts the vocabulary by code point (astral emoji after U+FF01), as Python does', () => {
    expect(fitTfidf([['😀', '！', 'a']]).vocabulary).toEqual(['a', '！', '😀']);
  });

  it('a document without vocabulary terms is an all-zero row, not NaN', () => {
    const m = fitTfidf([['a'], ['b']]);
    const X = transformTfidf(m, [[], ['zzz'], ['a']]);
    expect(Array.from(X.indptr)).toEqual([0, 0, 0, 1]);
    expect(Array.from(X.data)).toEqual([1]);
    expect(X.cols).toBe(2);
  });

  it('throws on an empty corpus, bad documents, empty vocabulary and conflicting df bounds', () => {
    expect(() => fitTfidf([])).toThrow(InvalidInputError);
    expect(() => fitTfidf([1 as unknown as string])).toThrow(InvalidInputError);
    expect(() => fitTfidf([['a', 2 as unknown as string]])).toThrow(InvalidInputError);
    expect(() => fitTfidf(['', '...'])).toThrow(InvalidInputError);
    expect(() => fitTfidf([['a'], ['b']], { minDf: 2 })).toThrow(/no terms remain/);
    expect(() => fitTfidf([['a'], ['b']], { minDf: 2, maxDf: 1 })).toThrow(InvalidOptionError);
    expect(() => fitTfidf([['a']], { maxDf: 0.5 })).toThrow(InvalidOptionError);
    expect(() => fitTfidf([['a']], { maxDf: { proportion: 1.5 } })).toThrow(InvalidOptionError);
    expect(() => fitTfidf([['a']], { ngramRange: [2, 1] })).toThrow(InvalidOptionError);
    expect(() => fitTfidf([['a']], { norm: 'max' as 'l2' })).toThrow(InvalidOptionError);
    expect(() => fitTfidf([['a']], { vocabulary: ['a', 'a'] })).toThrow(InvalidOptionError);
    expect(() => fitTfidf([['a']], { vocabulary: ['b'], smoothIdf: false })).toThrow(InvalidInputError);
  });

  it('does not mutate its input', () => {
    const docs = Object.freeze([Object.freeze(['b', 'a']), Object.freeze(['a'])]);
    expect(() => fitTfidf(docs, { ngramRange: [1, 2], stopWords: ['b'] })).not.toThrow();
  });
});

describe('parseTfidfModel(json)', () => {
  it('rejects other kinds, versions and malformed shapes', () => {
    const m = fitTfidf([['a', 'b']]);
    expect(() => parseTfidfModel({ ...m, kind: 'kmeans' })).toThrow(ModelFormatError);
    expect(() => parseTfidfModel({ ...m, formatVersion: 2 })).toThrow(ModelFormatError);
    expect(() => parseTfidfModel({ ...m, idf: [1] })).toThrow(ModelFormatError);
    expect(() => parseTfidfModel({ ...m, params: { ...m.params, norm: 'max' } })).toThrow(ModelFormatError);
    expect(() => transformTfidf({ ...m, vocabulary: 'ab' } as never, [['a']])).toThrow(ModelFormatError);
  });
});

describe('fitTransformTfidf(docs, options)', () => {
  it('equals fitTfidf then transformTfidf, for strings and token lists, with n-grams and stop words', async () => {
    const { fitTransformTfidf } = await import('crmkit/text');
    const docs = ['@United lost my bag #fail', '周杰伦的新歌 great', 'lost bag again, lost again', ''];
    for (const options of [{}, { ngramRange: [1, 2] as [number, number], stopWords: 'english' as const, sublinearTf: true }]) {
      for (const corpus of [docs, docs.map((d) => d.split(' '))]) {
        const a = fitTransformTfidf(corpus, options);
        const model = fitTfidf(corpus, options);
        const X = transformTfidf(model, corpus);
        expect(a.model).toEqual(model);
        expect(Array.from(a.matrix.indptr)).toEqual(Array.from(X.indptr));
        expect(Array.from(a.matrix.indices)).toEqual(Array.from(X.indices));
        expect(Array.from(a.matrix.data)).toEqual(Array.from(X.data));
      }
    }
    expect(() => fitTransformTfidf([])).toThrow(/text\/fitTransformTfidf/);
  });
});
