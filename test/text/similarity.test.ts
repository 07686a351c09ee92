import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { cosineSimilarity, DimensionMismatchError, fitTfidf, InvalidInputError, InvalidOptionError, topKSimilar } from 'crmkit/text';

describe('cosineSimilarity(a, b)', () => {
  it('handles dense, sparse and mixed vectors, and zero vectors give 0', () => {
    expect(cosineSimilarity([1, 2, 3], [1, 2, 3])).toBeCloseTo(1, 15);
    expect(cosineSimilarity([1, 0, 2], { indices: [0, 2], data: [1, 2] })).toBeCloseTo(1, 15);
    expect(cosineSimilarity({ indices: [], data: [] }, { indices: [1], data: [3] })).toBe(0);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 0], [-1, 0])).toBe(-1);
  });
  it('throws on mismatched lengths, NaN and unsorted sparse indices', () => {
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(DimensionMismatchError);
    expect(() => cosineSimilarity([NaN], [1])).toThrow(InvalidInputError);
    expect(() => cosineSimilarity({ indices: [2, 1], data: [1, 1] }, [1, 1, 1])).toThrow(InvalidInputError);
    expect(() => cosineSimilarity('ab' as unknown as number[], [1])).toThrow(InvalidInputError);
  });
  const vec = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 });
  test.prop([vec, vec])('is symmetric and lies in [-1, 1]', (a, b) => {
    const s = cosineSimilarity(a, b);
    expect(s).toBe(cosineSimilarity(b, a));
    expect(Math.abs(s)).toBeLessThanOrEqual(1 + 1e-12);
  });
});

describe('topKSimilar(model, queries, corpus, options)', () => {
  const corpus = [['late', 'flight'], ['lost', 'bag'], ['late', 'bag', 'again'], ['great', 'crew'], ['late', 'flight']];
  const model = fitTfidf(corpus);
  it('ranks by similarity, ties by index, omits zero-similarity rows', () => {
    const [r] = topKSimilar(model, [['late', 'flight']], corpus, { k: 10 });
    expect(r!.indices).toEqual([0, 4, 2]);
    expect(r!.scores[0]).toBeCloseTo(1, 14);
    expect(r!.scores[0]).toBe(r!.scores[1]);
  });
  it('excludeSelf skips the query’s own row', () => {
    const r = topKSimilar(model, corpus, corpus, { k: 1, excludeSelf: true });
    expect(r.map((x) => x.indices[0])).toEqual([4, 2, 1, undefined, 0]);
  });
  it('a query without known terms gets an empty list', () => {
    expect(topKSimilar(model, [['zzz']], corpus)).toEqual([{ indices: [], scores: [] }]);
  });
  it('validates k and inputs', () => {
    expect(() => topKSimilar(model, [['a']], corpus, { k: 0 })).toThrow(InvalidOptionError);
    expect(() => topKSimilar(model, [5 as unknown as string], corpus)).toThrow(InvalidInputError);
  });
});
