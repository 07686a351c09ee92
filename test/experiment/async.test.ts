import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bootstrapDifference, bootstrapDifferenceAsync } from 'crmkit/experiment';
import { createRandom, type Progress } from 'crmkit';
import { expectSameAsync, expectStopsOnTimer } from '../helpers/longWork.js';

describe('awaitable forms of experiment', () => {
  test.prop([fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 0, maxLength: 40 }), fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 0, maxLength: 40 }), fc.integer({ min: 0, max: 1e6 })], { numRuns: 30 })(
    'bootstrapDifferenceAsync equals bootstrapDifference, yielding at every checkpoint',
    async (c, t, seed) => {
      await expectSameAsync(bootstrapDifference, bootstrapDifferenceAsync, c, t, { seed, resamples: 3000 });
    },
  );

  it('bootstrapDifference reports progress and rejects bad signal/onProgress', async () => {
    const seen: Progress[] = [];
    bootstrapDifference([1, 2, 3], [2, 3, 4], { resamples: 200, onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ fn: 'experiment/bootstrapDifference', completed: 200, total: 200 });
    expect(() => bootstrapDifference([1, 2, 3], [2, 3, 4], { onProgress: 3 as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', fn: 'experiment/bootstrapDifference' }));
    await expect(bootstrapDifferenceAsync([1], [2, 3])).rejects.toMatchObject({ code: 'INVALID_INPUT', fn: 'experiment/bootstrapDifferenceAsync' });
  });

  it('bootstrapDifferenceAsync stops within 100 ms of a real setTimeout abort (a bootstrap of seconds)', async () => {
    const r = createRandom(1);
    const c = Array.from({ length: 20_000 }, () => Math.exp(r.normal()));
    const t = Array.from({ length: 20_000 }, () => Math.exp(r.normal() + 0.1));
    await expectStopsOnTimer('experiment/bootstrapDifferenceAsync', (signal) => bootstrapDifferenceAsync(c, t, { resamples: 100_000, signal }));
  });
});
