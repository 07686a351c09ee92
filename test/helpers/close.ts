import { expect } from 'vitest';

/**
 * Asserts |actual − expected| <= max(rel·|expected|, abs). Non-finite expected values must match
 * exactly (Infinity, -Infinity). The message names `label`.
 */
export function expectClose(actual: number, expected: number, tol: { rel?: number; abs?: number }, label = ''): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const rel = tol.rel ?? 0;
  const abs = tol.abs ?? 0;
  const err = Math.abs(actual - expected);
  const bound = Math.max(rel * Math.abs(expected), abs);
  if (!(err <= bound)) {
    expect.fail(`${label}: expected ${expected}, got ${actual} (error ${err.toExponential(3)} > bound ${bound.toExponential(3)})`);
  }
}

/** Element-wise {@link expectClose}. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: { rel?: number; abs?: number }, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, tol, `${label}[${i}]`);
}
