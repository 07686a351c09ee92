import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fitLda, fitLdaAsync, fitTfidf, fitTfidfAsync, fitTransformTfidf, transformTfidf } from 'crmkit/text';
import { createRandom, type Progress } from 'crmkit';
import { expectSameAsync, expectStopsOnTimer } from '../helpers/longWork.js';

const WORDS = ['late', 'flight', 'bag', 'lost', 'great', 'crew', 'seat', 'refund', 'delay', 'gate', 'food', 'wifi'];

function corpus(n: number, seed: number, len = 8): string[][] {
  const r = createRandom(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: 1 + (i % len) }, () => WORDS[r.int(WORDS.length)]!));
}

describe('awaitable forms of text', () => {
  test.prop([fc.integer({ min: 1, max: 700 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('batch', 'online')], { numRuns: 12 })(
    'fitTfidfAsync and fitLdaAsync equal their synchronous forms, yielding at every checkpoint',
    async (n, seed, learningMethod) => {
      const docs = corpus(n, seed);
      await expectSameAsync(fitTfidf, fitTfidfAsync, docs, { minDf: 1 });
      const counts = fitTfidf(docs, { useIdf: false, norm: null });
      const X = transformTfidf(counts, docs);
      await expectSameAsync(fitLda, fitLdaAsync, X, { nTopics: 3, seed, maxIterations: 4, learningMethod, batchSize: 64, evaluateEvery: 2 });
    },
  );

  it('fitTfidf and fitTransformTfidf take signal and onProgress now', () => {
    const seen: Progress[] = [];
    fitTfidf(corpus(600, 1), { onProgress: (p) => seen.push(p) });
    fitTransformTfidf(corpus(600, 1), { onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.completed === p.total).map((p) => p.fn)).toEqual(['text/fitTfidf', 'text/fitTransformTfidf']);
    const ac = new AbortController();
    ac.abort();
    expect(() => fitTfidf(corpus(3, 1), { signal: ac.signal })).toThrow(expect.objectContaining({ code: 'ABORTED', fn: 'text/fitTfidf' }));
  });

  it('fitTfidfAsync and fitLdaAsync stop within 100 ms of a real setTimeout abort', async () => {
    const docs = corpus(300_000, 2).map((d) => d.join(' '));
    await expectStopsOnTimer('text/fitTfidfAsync', (signal) => fitTfidfAsync(docs, { signal }));
    const small = corpus(20_000, 3, 30);
    const X = transformTfidf(fitTfidf(small, { useIdf: false, norm: null }), small);
    await expectStopsOnTimer('text/fitLdaAsync', (signal) => fitLdaAsync(X, { nTopics: 10, maxIterations: 1000, signal }));
  });
});
