import { describe, expectTypeOf, it } from 'vitest';
import {
  type CountKeywordsResult, countKeywords, type CsrMatrix, type DetectSpikesResult, detectSpikes, type Entity, extractEntities,
  fitTfidf, fitTransformTfidf, type SimilarItems, type TfidfModel, tokenize, topKSimilar, transformTfidf, type WatchListState, createWatchList,
} from 'crmkit/text';

describe('crmkit/text public types', () => {
  it('functions return their documented result types', () => {
    expectTypeOf(tokenize('x')).toEqualTypeOf<string[]>();
    expectTypeOf(extractEntities('x').hashtags).toEqualTypeOf<Entity[]>();
    expectTypeOf(fitTfidf([['a']])).toEqualTypeOf<TfidfModel>();
    expectTypeOf(fitTfidf([['a']]).kind).toEqualTypeOf<'tfidf'>();
    expectTypeOf(transformTfidf(fitTfidf(['a']), ['a'])).toEqualTypeOf<CsrMatrix>();
    expectTypeOf(fitTransformTfidf(['a']).matrix).toEqualTypeOf<CsrMatrix>();
    expectTypeOf(topKSimilar(fitTfidf(['a']), ['a'], ['a'])).toEqualTypeOf<SimilarItems[]>();
    expectTypeOf(countKeywords([{ text: 'a', createdAt: 0 }], { keywords: ['a'] })).toEqualTypeOf<CountKeywordsResult>();
    expectTypeOf(detectSpikes([1]).scores).toEqualTypeOf<(number | null)[]>();
    expectTypeOf(detectSpikes([1])).toEqualTypeOf<DetectSpikesResult>();
    expectTypeOf(createWatchList([{ id: 'a', variants: ['a'] }])).toEqualTypeOf<WatchListState>();
  });
  it('rejects wrong option types at compile time', () => {
    // @ts-expect-error lang must be 'auto' | 'en' | 'zh'
    tokenize('x', { lang: 'fr' });
    // @ts-expect-error method must be 'zscore' | 'poisson'
    detectSpikes([1], { method: 'mad' });
  });
});
