import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { AbortError, chooseK, chooseKAsync, elbow, elbowAsync, fitKMeans, fitKMeansAsync, fitMiniBatchKMeans, fitMiniBatchKMeansAsync } from 'crmkit/segment';
import { createRandom, type Progress } from 'crmkit';
import { expectSameAsync, expectStopsOnTimer, withEverySlice } from '../helpers/longWork.js';

function blobs(n: number, d: number, seed: number): number[][] {
  const r = createRandom(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: d }, () => (i % 5) * 3 + r.normal()));
}

describe('awaitable forms of segment', () => {
  test.prop([fc.integer({ min: 5, max: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom('lloyd', 'elkan'), fc.constantFrom('none', 'hartigan')], { numRuns: 25 })(
    'fitKMeansAsync(X, options) equals fitKMeans(X, options), yielding at every checkpoint',
    async (n, d, k, seed, algorithm, refine) => {
      const X = blobs(n, d, seed);
      const o = { k: Math.min(k, n), seed, nInit: 3, algorithm, refine } as const;
      let sync: unknown;
      try {
        sync = fitKMeans(X, o);
      } catch (e) {
        await expect(fitKMeansAsync(X, o)).rejects.toThrow((e as Error).message.replace('fitKMeans', 'fitKMeansAsync'));
        return;
      }
      expect(await withEverySlice(() => fitKMeansAsync(X, o))).toEqual(sync);
    },
  );

  it('fitKMeansAsync: errors name fitKMeansAsync and reject', async () => {
    await expect(fitKMeansAsync([[1]], { k: 0 })).rejects.toMatchObject({ fn: 'segment/fitKMeansAsync', code: 'INVALID_OPTION' });
    const ac = new AbortController();
    ac.abort();
    await expect(fitKMeansAsync([[1]], { k: 1, signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
  });

  it('fitKMeansAsync reports progress through onProgress', async () => {
    const seen: Progress[] = [];
    await fitKMeansAsync(blobs(200, 2, 1), { k: 3, nInit: 4, seed: 1, onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ fn: 'segment/fitKMeansAsync', completed: 4, total: 4 });
  });

  it('fitKMeansAsync stops within 100 ms of a real setTimeout abort (a fit of several seconds)', async () => {
    const X = blobs(60_000, 8, 3);
    await expectStopsOnTimer('segment/fitKMeansAsync', (signal) => fitKMeansAsync(X, { k: 8, nInit: 50, seed: 1, signal }));
  });
});

describe('awaitable forms of mini-batch k-means, elbow and chooseK', () => {
  test.prop([fc.integer({ min: 8, max: 80 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1000 })], { numRuns: 15 })(
    'each equals its synchronous form, yielding at every checkpoint',
    async (n, d, seed) => {
      const X = blobs(n, d, seed);
      await expectSameAsync(fitMiniBatchKMeans, fitMiniBatchKMeansAsync, X, { k: 3, batchSize: 5, seed, maxIterations: 20 });
      await expectSameAsync(elbow, elbowAsync, X, { kRange: [1, 4], nInit: 2, seed });
      await expectSameAsync(chooseK, chooseKAsync, X, { kRange: [2, 4], nInit: 2, seed });
    },
  );

  it('errors name the async form', async () => {
    await expect(elbowAsync([[1], [2]], { nInit: 0 })).rejects.toMatchObject({ fn: 'segment/elbowAsync' });
    await expect(chooseKAsync([[1], [2]], { nInit: 0 })).rejects.toMatchObject({ fn: 'segment/chooseKAsync' });
    await expect(fitMiniBatchKMeansAsync([[1], [2]], { k: 0 })).rejects.toMatchObject({ fn: 'segment/fitMiniBatchKMeansAsync' });
  });

  it('elbowAsync and fitMiniBatchKMeansAsync stop within 100 ms of a real setTimeout abort', async () => {
    const X = blobs(60_000, 8, 4);
    await expectStopsOnTimer('segment/elbowAsync', (signal) => elbowAsync(X, { kRange: [2, 12], signal }));
    await expectStopsOnTimer('segment/fitMiniBatchKMeansAsync', (signal) => fitMiniBatchKMeansAsync(X, { k: 8, batchSize: 2048, maxIterations: 500, tolerance: 0, maxNoImprovement: 1e6, signal }));
  });
});
