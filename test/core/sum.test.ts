import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidInputError, logSumExp, meanVariance, sum } from 'crmkit';
import { expectClose } from '../helpers/close.js';

describe('sum(values)', () => {
  it('is exact where a naive loop is not', () => {
    expect(sum([1e100, 1, -1e100])).toBe(1);
    expect(sum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(sum([])).toBe(0);
  });
  it('throws on NaN, Infinity and holes', () => {
    expect(() => sum([1, NaN])).toThrow(InvalidInputError);
    expect(() => sum([Infinity])).toThrow(InvalidInputError);
  });
  it('matches exact rational summation of random doubles (BigInt reference) to 1 ulp-scale', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 200 }), (xs) => {
        // exact: scale every double by 2^1100 into an integer (no double in [-1e6, 1e6] has bits below 2^-1074)
        const exact = xs.reduce((acc, x) => acc + toScaledBigInt(x), 0n);
        const got = sum(xs);
        const err = Math.abs(got - fromScaledBigInt(exact));
        return err <= 2 * Number.EPSILON * Math.abs(fromScaledBigInt(exact)) + 1e-300;
      }),
    );
  });
});

const SCALE = 1100n;
function toScaledBigInt(x: number): bigint {
  if (x === 0) return 0n;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const e = (exp === 0 ? 1 : exp) - 1075; // x = mant * 2^e
  return sign * (mant << BigInt(e + Number(SCALE)));
}
function fromScaledBigInt(v: bigint): number {
  // round-to-nearest conversion of v / 2^1100
  const neg = v < 0n;
  let a = neg ? -v : v;
  if (a === 0n) return 0;
  const bitLen = a.toString(2).length;
  const shift = Math.max(0, bitLen - 60);
  a >>= BigInt(shift);
  const r = Number(a) * 2 ** (shift - Number(SCALE));
  return neg ? -r : r;
}

describe('meanVariance(values)', () => {
  it('matches the textbook example and is stable under a huge offset', () => {
    expect(meanVariance([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, variance: 32 / 7, populationVariance: 4 });
    const shifted = meanVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expectClose(shifted.variance, 30, { rel: 1e-12 }, 'variance with offset 1e9');
  });
  it('a single value has variance 0; empty throws', () => {
    expect(meanVariance([3]).variance).toBe(0);
    expect(() => meanVariance([])).toThrow('core/meanVariance: values must not be empty');
  });
});

describe('logSumExp(values)', () => {
  it('does not overflow or underflow', () => {
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2, { rel: 1e-15 }, 'overflow');
    expectClose(logSumExp([-1000, -1000]), -1000 + Math.LN2, { rel: 1e-15 }, 'underflow');
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
  it('throws on NaN and +Infinity', () => {
    expect(() => logSumExp([1, NaN])).toThrow(InvalidInputError);
    expect(() => logSumExp([Infinity])).toThrow(InvalidInputError);
  });
  it('equals log(sum(exp)) for moderate inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const direct = Math.log(xs.reduce((a, x) => a + Math.exp(x), 0));
        return Math.abs(logSumExp(xs) - direct) <= 1e-12 * Math.max(1, Math.abs(direct));
      }),
    );
  });
});
