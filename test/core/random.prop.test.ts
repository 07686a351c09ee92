import { describe, it } from 'vitest';
import fc from 'fast-check';
import { createRandom } from 'crmkit';

describe('createRandom properties', () => {
  it('same seed, same stream', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 20; i++) if (a.uniform() !== b.uniform() || a.normal() !== b.normal()) return false;
        return true;
      }),
    );
  });

  it('permutation(n) is a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 200 }), (seed, n) => {
        const p = createRandom(seed).permutation(n);
        const seen = new Uint8Array(n);
        for (const v of p) {
          if (v < 0 || v >= n || seen[v]) return false;
          seen[v] = 1;
        }
        return p.length === n;
      }),
    );
  });

  it('int(n) stays in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const rng = createRandom(seed);
        for (let i = 0; i < 10; i++) {
          const v = rng.int(n);
          if (!(Number.isInteger(v) && v >= 0 && v < n)) return false;
        }
        return true;
      }),
    );
  });
});
