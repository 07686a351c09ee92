import { describe, expect, it } from 'vitest';
import { createRandom, createRandomFromState, InvalidInputError, InvalidOptionError } from 'crmkit';

describe('createRandom(seed)', () => {
  it('rejects seeds that are not uint32', () => {
    for (const bad of [-1, 1.5, 2 ** 32, NaN, Infinity]) {
      expect(() => createRandom(bad)).toThrow(InvalidOptionError);
    }
    expect(() => createRandom(-1)).toThrow('core/createRandom: options.seed must be an integer in [0, 4294967295]; received -1');
  });

  it('uses seed 0 by default', () => {
    expect(createRandom().state()).toEqual(createRandom(0).state());
  });

  it('int(n) rejects n outside [1, 2^32]', () => {
    const rng = createRandom(1);
    expect(() => rng.int(0)).toThrow(InvalidInputError);
    expect(() => rng.int(2.5)).toThrow(InvalidInputError);
  });

  it('gamma rejects non-positive shapes', () => {
    expect(() => createRandom(1).gamma(0)).toThrow(InvalidInputError);
    expect(() => createRandom(1).gamma(-2)).toThrow(InvalidInputError);
  });

  it('beta with tiny shapes stays in [0, 1] and never NaN', () => {
    const rng = createRandom(3);
    for (let i = 0; i < 2000; i++) {
      const x = rng.beta(1e-3, 1e-3);
      expect(x >= 0 && x <= 1).toBe(true);
    }
  });

  it('sample(n, k) returns k distinct indices; k > n throws', () => {
    const rng = createRandom(9);
    const s = rng.sample(1000, 300);
    expect(new Set(s).size).toBe(300);
    for (const v of s) expect(v >= 0 && v < 1000).toBe(true);
    expect(() => rng.sample(3, 4)).toThrow(InvalidInputError);
    expect(rng.sample(5, 5).slice().sort()).toEqual(new Int32Array([0, 1, 2, 3, 4]));
  });

  it('shuffle returns a new permutation and leaves its input untouched', () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const out = createRandom(5).shuffle(input);
    expect(out).not.toBe(input);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('createRandomFromState rejects malformed or all-zero states', () => {
    expect(() => createRandomFromState([0, 0, 0, 0])).toThrow(InvalidInputError);
    expect(() => createRandomFromState([1, 2, 3] as unknown as [number, number, number, number])).toThrow(InvalidInputError);
    expect(() => createRandomFromState([1, 2, 3, -4])).toThrow(InvalidInputError);
  });
});

describe('sampler moments (loose statistical checks, fixed seeds so they are deterministic)', () => {
  const n = 200_000;
  const moments = (draw: () => number) => {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    return { mean, variance: s2 / n - mean * mean };
  };
  // 6 standard errors: a correct sampler fails with probability < 1e-8 for a random seed.
  const within = (est: number, truth: number, se: number) => expect(Math.abs(est - truth)).toBeLessThan(6 * se);

  it('uniform: mean 1/2, variance 1/12, always in [0, 1)', () => {
    const rng = createRandom(11);
    const m = moments(() => {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) throw new Error(`out of range ${u}`);
      return u;
    });
    within(m.mean, 0.5, Math.sqrt(1 / 12 / n));
    within(m.variance, 1 / 12, 0.0745 / Math.sqrt(n));
  });

  it('normal: mean 0, variance 1', () => {
    const rng = createRandom(12);
    const m = moments(() => rng.normal());
    within(m.mean, 0, 1 / Math.sqrt(n));
    within(m.variance, 1, Math.sqrt(2 / n));
  });

  it('gamma(shape): mean = variance = shape, for shapes below and above 1', () => {
    for (const shape of [0.3, 2.5, 40]) {
      const rng = createRandom(13);
      const m = moments(() => rng.gamma(shape));
      within(m.mean, shape, Math.sqrt(shape / n));
      within(m.variance, shape, Math.sqrt((2 * shape * shape + 6 * shape) / n));
    }
  });

  it('beta(a, b): mean a/(a+b)', () => {
    const rng = createRandom(14);
    const a = 2;
    const b = 5;
    const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const m = moments(() => rng.beta(a, b));
    within(m.mean, a / (a + b), Math.sqrt(v / n));
  });

  it('int(6) is uniform over 0..5 (chi-square well below its 1e-6 critical value)', () => {
    const rng = createRandom(15);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
    const chi2 = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(35.9); // chi2(5) upper 1e-6 quantile ≈ 35.89
  });
});
