/**
 * Stable summation and moments.
 *
 * @module
 */
import { InvalidInputError } from './errors.js';
import { arrayLike, finiteArray } from './validate.js';

/**
 * Compensated sum (Neumaier's improvement of Kahan summation): the rounding error of each
 * addition is carried, so adding many numbers of mixed magnitude stays accurate.
 *
 * @remarks O(n). Error bound ≈ 2ε·Σ|xᵢ| independent of n (vs. n·ε for a naive loop).
 * @throws {@link InvalidInputError} on NaN, ±Infinity or holes, and when the total overflows the double range
 * @example
 * ```ts
 * import { sum } from 'crmkit';
 * sum([1e100, 1, -1e100]); // => 1
 * sum([0.1, 0.2, 0.3]); // => 0.6
 * ```
 * @category Numerics
 */
export function sum(values: ArrayLike<number>): number {
  const x = finiteArray('core/sum', 'values', values);
  let s = sumFloat64(x, 0, x.length);
  if (!Number.isFinite(s)) {
    // A partial sum overflowed: add again scaled by an exact power of two, then scale back.
    let maxAbs = 0;
    for (let i = 0; i < x.length; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]!));
    const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(maxAbs)));
    for (let i = 0; i < x.length; i++) x[i] = x[i]! / scale;
    s = sumFloat64(x, 0, x.length) * scale;
  }
  if (!Number.isFinite(s)) throw new InvalidInputError('core/sum', 'values must add up to a finite number (the total exceeds ±1.8e308)', s);
  return s;
}

/** @internal Compensated sum of `x[from..to)` without validation (for kernels). */
export function sumFloat64(x: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  // An overflowed partial sum is ±Infinity; the compensation would turn it into NaN.
  return Number.isFinite(s) ? s + c : s;
}

/** Result of {@link meanVariance}. */
export interface MeanVarianceResult {
  /** Number of values. */
  n: number;
  /** Arithmetic mean. */
  mean: number;
  /** Sample variance (divides by n − 1); 0 when n = 1. */
  variance: number;
  /** Population variance (divides by n). */
  populationVariance: number;
}

/**
 * Mean and variance in one pass with Welford's algorithm (numerically stable, no catastrophic
 * cancellation from Σx² − (Σx)²/n).
 *
 * @remarks O(n), O(1) memory. A single value has sample variance 0 by convention (documented,
 * never NaN).
 * @throws {@link InvalidInputError} on an empty array, NaN, ±Infinity or holes
 * @example
 * ```ts
 * import { meanVariance } from 'crmkit';
 * meanVariance([2, 4, 4, 4, 5, 5, 7, 9]);
 * // => { n: 8, mean: 5, variance: 4.571428571428571, populationVariance: 4 }
 * ```
 * @category Numerics
 */
export function meanVariance(values: ArrayLike<number>): MeanVarianceResult {
  const x = finiteArray('core/meanVariance', 'values', values, 1);
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const d = v - mean;
    mean += d / (i + 1);
    m2 += d * (v - mean);
  }
  const n = x.length;
  return { n, mean, variance: n > 1 ? m2 / (n - 1) : 0, populationVariance: m2 / n };
}

/**
 * log(Σ exp(xᵢ)) without overflow or underflow (the maximum is factored out).
 *
 * @remarks O(n). Returns -Infinity for an empty array (the log of an empty sum) — a documented
 * value, not an error. -Infinity items are allowed (they contribute exp(-∞) = 0); NaN and +Infinity
 * throw.
 * @example
 * ```ts
 * import { logSumExp } from 'crmkit';
 * logSumExp([1000, 1000]); // => 1000.6931471805599
 * logSumExp([-Infinity, 0]); // => 0
 * ```
 * @category Numerics
 */
export function logSumExp(values: ArrayLike<number>): number {
  const fn = 'core/logSumExp';
  arrayLike(fn, 'values', values);
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || Number.isNaN(v) || v === Infinity) {
      finiteArray(fn, 'values', [v]); // throws with the standard message
    }
    if (v! > max) max = v!;
  }
  if (max === -Infinity) return -Infinity;
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.exp(values[i]! - max);
    const t = s + v;
    c += Math.abs(s) >= v ? s - t + v : v - t + s;
    s = t;
  }
  return max + Math.log(s + c);
}
