/**
 * Regression tests for hostile numeric input found by the fuzz run of the hardening issue: finite
 * arguments that used to hang, overflow into NaN, or return a wrong value.
 */
import { describe, expect, it } from 'vitest';
import {
  betaCdf,
  betaInv,
  fCdf,
  InvalidInputError,
  normalQuantile,
  normalSf,
  regularizedBeta,
  rollingMean,
  rollingSum,
  studentTQuantile,
  studentTSf,
  sum,
} from 'crmkit';

const quick = <T>(f: () => T): T => {
  const t0 = performance.now();
  const r = f();
  // generous: the bug was 5–14 s; a correct answer takes well under a millisecond
  expect(performance.now() - t0).toBeLessThan(1000);
  return r;
};

describe('sum and rolling windows near the double range', () => {
  it('sum([1e308, 1e308]) is a typed error, not NaN', () => {
    expect(() => sum([1e308, 1e308])).toThrow(InvalidInputError);
    expect(() => sum([1e308, 1e308])).toThrow(/core\/sum: .*finite/);
    expect(sum([1e308, 1e308, -1e308])).toBe(1e308);
    expect(sum([1.7e308, -1.7e308, 5])).toBe(5);
  });

  it('rollingMean of values near 1.8e308 stays finite and exact', () => {
    const r = rollingMean([1e308, 1.5e308, 1.7e308, 1], { window: 2 });
    expect(Array.from(r.values)).toEqual([1e308, 1.25e308, 1.6e308, 1.7e308 / 2 + 0.5]);
  });

  it('rollingSum whose window truly overflows is a typed error naming the window', () => {
    expect(() => rollingSum([1e308, 1e308, 1], { window: 2 })).toThrow(/core\/rollingSum: the sum of the window ending at values\[1\]/);
    const ok = rollingSum([1e308, -1e308, 1e308], { window: 2 });
    expect(Array.from(ok.values)).toEqual([1e308, 0, 0]);
  });

  it('ordinary series are unchanged (no scaling below the overflow range)', () => {
    expect(Array.from(rollingSum([0.1, 0.2, 0.3, 0.4], { window: 3 }).values)).toEqual([0.1, 0.30000000000000004, 0.6, 0.9]);
  });
});

describe('Student t at enormous degrees of freedom', () => {
  it('studentTQuantile(0.3, 1e308) is the normal quantile, at once', () => {
    // was −1.05e146 after 14 s
    expect(quick(() => studentTQuantile(0.3, 1e308))).toBe(normalQuantile(0.3));
    expect(quick(() => studentTSf(0.5, 1e308))).toBe(normalSf(0.5));
  });

  it('just below the switch (df = 1e24) agrees with the normal to double precision', () => {
    expect(Math.abs(studentTQuantile(0.3, 1e24) - normalQuantile(0.3))).toBeLessThan(1e-15);
  });
});

describe('beta and F shapes beyond the kernels\' range', () => {
  it('betaInv(0.3, 2, 1e308) is a typed error naming the function and argument, at once', () => {
    expect(() => quick(() => betaInv(0.3, 2, 1e308))).toThrow(/core\/betaInv: b must be a finite number > 0 and at most 1e15/);
    expect(() => regularizedBeta(1e-308, 2, 1e308)).toThrow(InvalidInputError);
    expect(() => betaCdf(0.5, 1e16, 1)).toThrow(InvalidInputError);
    expect(() => fCdf(1, 3, 1e300)).toThrow(/core\/fCdf: d2/);
  });

  it('a huge b with a tiny x still matches the gamma limit P(2, b·x) inside the range', () => {
    // I_x(2, b) → P(2, b x) = 1 − e^(−bx)(1 + bx) as b → ∞ (error O(1/b))
    const v = regularizedBeta(3e-15, 2, 1e15);
    expect(Math.abs(v - (1 - Math.exp(-3) * 4))).toBeLessThan(1e-12);
  });
});
