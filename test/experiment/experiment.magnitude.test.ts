/**
 * Regression tests for the hostile-input fuzz (#20): values near ±1e308 are divided by an exact power
 * of two before squares and sums are taken, so results are the scaled-back results of ordinary data
 * (never NaN); counts and Beta shapes beyond what the numerics support are typed errors.
 */
import { describe, expect, it } from 'vitest';
import {
  bayesianNormal,
  bootstrapDifference,
  chiSquareTest,
  cupedAdjust,
  deltaMethodRatio,
  InvalidInputError,
  probabilityBetaGreater,
} from '../../src/experiment/index.js';

const K = 2 ** 1000;
const scale = (a: readonly number[], k: number) => a.map((v) => v * k);

function noNaN(x: unknown): void {
  expect(JSON.stringify(x, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v))).not.toContain('"NaN"');
}

describe('experiment functions at magnitudes near 1e308', () => {
  it('cupedAdjust(rows · 2^1000) is cupedAdjust(rows) scaled back, in both θ modes', () => {
    const c = { y: [3, 5, 4, 6], x: [1, 3, 2, 4.5] };
    const t = { y: [5, 6, 8, 7.5], x: [1, 2, 4, 3] };
    for (const theta of ['within', 'pooled'] as const) {
      const a = cupedAdjust(c, t, { theta });
      const b = cupedAdjust({ y: scale(c.y, K), x: c.x }, { y: scale(t.y, K), x: t.x }, { theta });
      expect(b.difference / K).toBeCloseTo(a.difference, 12);
      expect(b.standardError / K).toBeCloseTo(a.standardError, 12);
      expect(b.theta / K).toBeCloseTo(a.theta, 12);
      expect(b.pValue).toBeCloseTo(a.pValue, 12);
      const d = cupedAdjust({ y: c.y, x: scale(c.x, K) }, { y: t.y, x: scale(t.x, K) }, { theta });
      expect(d.theta * K).toBeCloseTo(a.theta, 12);
      expect(d.pValue).toBeCloseTo(a.pValue, 12);
      noNaN(b);
      noNaN(d);
    }
    noNaN(cupedAdjust({ y: [1e308, 5, 4, 6], x: [1, 3, 2, 4] }, { y: [5, 6, 8, 7], x: [1, 2, 4, 3] }));
  });

  it('cupedAdjust from sums near the top of the double range', () => {
    const s = (y: number[], x: number[], ky: number) => ({
      n: y.length,
      sum: y.reduce((a, v) => a + v * ky, 0),
      sumSquares: y.reduce((a, v) => a + v * ky * v * ky, 0),
      covariateSum: x.reduce((a, v) => a + v, 0),
      covariateSumSquares: x.reduce((a, v) => a + v * v, 0),
      sumProducts: y.reduce((a, v, i) => a + v * ky * x[i]!, 0),
    });
    const ky = 2 ** 500;
    const a = cupedAdjust(s([3, 5, 4, 6], [1, 3, 2, 4.5], 1), s([5, 6, 8, 7.5], [1, 2, 4, 3], 1), { theta: 'pooled' });
    const b = cupedAdjust(s([3, 5, 4, 6], [1, 3, 2, 4.5], ky), s([5, 6, 8, 7.5], [1, 2, 4, 3], ky), { theta: 'pooled' });
    expect(b.difference / ky).toBeCloseTo(a.difference, 9);
    expect(b.pValue).toBeCloseTo(a.pValue, 9);
  });

  it('deltaMethodRatio with numerators or denominators near 1e308 is scale-equivariant', () => {
    const c = { numerator: [1, 0, 2, 1], denominator: [3, 1, 4, 2] };
    const t = { numerator: [2, 1, 3, 2], denominator: [3, 2, 4, 3] };
    const a = deltaMethodRatio(c, t);
    const b = deltaMethodRatio({ numerator: scale(c.numerator, K), denominator: c.denominator }, { numerator: scale(t.numerator, K), denominator: t.denominator });
    expect(b.difference / K).toBeCloseTo(a.difference, 12);
    expect(b.pValue).toBeCloseTo(a.pValue, 12);
    expect(b.relativeLift.standardError).toBeCloseTo(a.relativeLift.standardError, 12);
    const d = deltaMethodRatio({ numerator: c.numerator, denominator: scale(c.denominator, K) }, { numerator: t.numerator, denominator: scale(t.denominator, K) });
    expect(d.difference * K).toBeCloseTo(a.difference, 12);
    expect(d.pValue).toBeCloseTo(a.pValue, 12);
    noNaN(deltaMethodRatio({ numerator: [1e308, 0, 2, 1], denominator: [3, 1, 4, 2] }, t));
    noNaN(deltaMethodRatio(c, { numerator: [1e308, 1, 3, 2], denominator: [3, 2, 4, 3] }));
    noNaN(deltaMethodRatio(c, { numerator: [2, 1, 3, 2], denominator: [1e308, 2, 4, 3] }));
  });

  it('bayesianNormal with a mean or sd near 1e308 gives no NaN, and scales back exactly', () => {
    noNaN(bayesianNormal({ n: 1000, mean: 1e308, sd: 4 }, { n: 1000, mean: 10.5, sd: 4 }));
    noNaN(bayesianNormal({ n: 1000, mean: 10, sd: 1e308 }, { n: 1000, mean: 10.5, sd: 4 }));
    noNaN(bayesianNormal({ n: 1000, mean: -1e308, sd: 4 }, { n: 1000, mean: 1e308, sd: 4 }));
    const a = bayesianNormal({ n: 100, mean: 10, sd: 4 }, { n: 120, mean: 11, sd: 5 }, { prior: { mean: 0.5, variance: 0.25 } });
    const H = 2 ** 500; // the prior variance is in squared units: H² is still finite
    const b = bayesianNormal({ n: 100, mean: 10 * H, sd: 4 * H }, { n: 120, mean: 11 * H, sd: 5 * H }, { prior: { mean: 0.5 * H, variance: 0.25 * H * H } });
    expect(b.posteriorMean / H).toBeCloseTo(a.posteriorMean, 12);
    expect(b.posteriorSd / H).toBeCloseTo(a.posteriorSd, 12);
    expect(b.probabilityTreatmentBeatsControl).toBeCloseTo(a.probabilityTreatmentBeatsControl, 12);
  });

  it('bootstrapDifference with values near 1e308 is the scaled-back bootstrap (same seed)', () => {
    const c = [1, 2, 3, 4, 6];
    const t = [3, 4, 5, 6, 9];
    const a = bootstrapDifference(c, t, { seed: 3, resamples: 500 });
    const b = bootstrapDifference(scale(c, K), scale(t, K), { seed: 3, resamples: 500 });
    expect(b.estimate / K).toBe(a.estimate);
    expect(b.standardError / K).toBeCloseTo(a.standardError, 12);
    expect(b.bcaInterval.lower / K).toBe(a.bcaInterval.lower);
    noNaN(bootstrapDifference([1e308, 2, 3, 4], [3, 4, 5, 6], { seed: 1 }));
  });

  it('chiSquareTest rejects counts above 2^53 − 1 naming itself', () => {
    expect(() => chiSquareTest([[1e308, 21184], [189, 21198]], { correction: false })).toThrow(InvalidInputError);
    expect(() => chiSquareTest([[1e308, 21184], [189, 21198]])).toThrow(/experiment\/chiSquareTest: table\[0\]\[0\]/);
  });

  it('probabilityBetaGreater rejects shapes above 1e15 naming itself', () => {
    expect(() => probabilityBetaGreater({ alpha: 1e308, beta: 1 }, { alpha: 1, beta: 1 })).toThrow(/experiment\/probabilityBetaGreater: x\.alpha/);
  });
});
