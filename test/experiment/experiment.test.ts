import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  analyzeExperiment,
  bayesianBetaBinomial,
  bayesianNormal,
  bootstrapDifference,
  chiSquareTest,
  cupedAdjust,
  deltaMethodRatio,
  DimensionMismatchError,
  estimateDuration,
  fisherExactTest,
  groupSequentialBoundaries,
  InvalidInputError,
  InvalidOptionError,
  mannWhitneyUTest,
  minimumDetectableEffect,
  powerForProportions,
  probabilityBest,
  probabilityBetaGreater,
  relativeLift,
  sampleRatioMismatchTest,
  sampleSizeForMeans,
  sampleSizeForProportions,
  sequentialTest,
  twoProportionZTest,
  welchTTest,
} from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';

describe('bad input gives typed errors', () => {
  it('twoProportionZTest: conversions > n, negative counts, n = 0, fractional counts', () => {
    expect(() => twoProportionZTest({ n: 10, conversions: 11 }, { n: 10, conversions: 1 })).toThrow(InvalidInputError);
    expect(() => twoProportionZTest({ n: 10, conversions: -1 }, { n: 10, conversions: 1 })).toThrow(InvalidInputError);
    expect(() => twoProportionZTest({ n: 0, conversions: 0 }, { n: 10, conversions: 1 })).toThrow(InvalidInputError);
    expect(() => twoProportionZTest({ n: 10.5, conversions: 1 }, { n: 10, conversions: 1 })).toThrow(InvalidInputError);
    expect(() => twoProportionZTest({ n: 10, conversions: 11 }, { n: 10, conversions: 1 })).toThrow(
      'experiment/twoProportionZTest: control.conversions must not exceed control.n (10); received 11',
    );
  });
  it('alpha and power outside (0, 1), unknown options and alternatives', () => {
    const a = { n: 10, conversions: 1 };
    for (const alpha of [0, 1, -0.1, 1.5, NaN]) expect(() => twoProportionZTest(a, a, { alpha })).toThrow(InvalidOptionError);
    expect(() => twoProportionZTest(a, a, { alternative: 'bigger' as never })).toThrow(InvalidOptionError);
    expect(() => twoProportionZTest(a, a, { alhpa: 0.1 } as never)).toThrow(InvalidOptionError);
    for (const power of [0, 1, 2]) expect(() => sampleSizeForProportions({ baseline: 0.1, mde: 0.01 }, { power })).toThrow(InvalidOptionError);
    expect(() => sampleSizeForMeans({ sd: 1, mde: 0.1 }, { power: 1 })).toThrow(InvalidOptionError);
    expect(() => welchTTest([1, 2], [3, 4], { alpha: 0 })).toThrow(InvalidOptionError);
  });
  it('sd < 0, sums that no data can produce, too few values', () => {
    expect(() => welchTTest({ n: 10, mean: 1, sd: -1 }, { n: 10, mean: 1, sd: 1 })).toThrow(InvalidInputError);
    expect(() => welchTTest({ n: 10, sum: 10, sumSquares: 1 }, { n: 10, mean: 1, sd: 1 })).toThrow(InvalidInputError);
    expect(() => welchTTest([1], [1, 2])).toThrow(InvalidInputError);
    expect(() => welchTTest([1, NaN], [1, 2])).toThrow(InvalidInputError);
    expect(() => mannWhitneyUTest([], [1])).toThrow(InvalidInputError);
  });
  it('weights that do not sum to a positive number, mismatched lengths', () => {
    expect(() => sampleRatioMismatchTest([10, 10], { weights: [0, 0] })).toThrow(InvalidOptionError);
    expect(() => sampleRatioMismatchTest([10, 10], { weights: [1, -1] })).toThrow(InvalidOptionError);
    expect(() => sampleRatioMismatchTest([10, 10], { weights: [1, 1, 1] })).toThrow(DimensionMismatchError);
    expect(() => sampleRatioMismatchTest([0, 0])).toThrow(InvalidInputError);
    expect(() => sampleRatioMismatchTest([5])).toThrow(InvalidInputError);
    expect(() => sampleRatioMismatchTest([5, -1])).toThrow(InvalidInputError);
  });
  it('tables', () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(DimensionMismatchError);
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(InvalidInputError);
    expect(() => fisherExactTest([[1, 2, 3], [3, 4, 5]])).toThrow(InvalidInputError);
    expect(() => fisherExactTest([[1.5, 2], [3, 4]])).toThrow(InvalidInputError);
  });
  it('planning: impossible effects and contradicting alternatives', () => {
    expect(() => sampleSizeForProportions({ baseline: 0.95, mde: 0.1 })).toThrow(InvalidInputError);
    expect(() => sampleSizeForProportions({ baseline: 0.1, mde: 0 })).toThrow(InvalidInputError);
    expect(() => sampleSizeForProportions({ baseline: 0.1, mde: -0.01 }, { alternative: 'greater' })).toThrow(InvalidOptionError);
    expect(() => sampleSizeForProportions({ baseline: 0, mde: 0.1 })).toThrow(InvalidInputError);
    expect(() => sampleSizeForMeans({ sd: 0, mde: 1 })).toThrow(InvalidInputError);
    expect(() => powerForProportions({ baseline: 0.1, mde: 0.01, nControl: 0 })).toThrow(InvalidInputError);
    expect(() => estimateDuration({ totalSampleSize: 100, dailyUsers: 0 })).toThrow(InvalidInputError);
    expect(() => estimateDuration({ totalSampleSize: 100, dailyUsers: 10 }, { trafficFraction: 0 })).toThrow(InvalidOptionError);
  });
  it('Bayesian priors and other options', () => {
    const a = { n: 10, conversions: 1 };
    expect(() => bayesianBetaBinomial(a, a, { prior: { alpha: 0, beta: 1 } })).toThrow(InvalidOptionError);
    expect(() => bayesianBetaBinomial(a, a, { credibleLevel: 1 })).toThrow(InvalidOptionError);
    expect(() => probabilityBetaGreater({ alpha: -1, beta: 1 }, { alpha: 1, beta: 1 })).toThrow(InvalidInputError);
    expect(() => probabilityBest([a])).toThrow(InvalidInputError);
    expect(() => probabilityBest([a, a], { method: 'monte-carlo', draws: 10 })).toThrow(InvalidOptionError);
    expect(() => bayesianNormal({ n: 5, mean: 1, sd: 1 }, { n: 5, mean: 1, sd: 1 }, { prior: { mean: 0, variance: 0 } })).toThrow(InvalidOptionError);
    expect(() => sequentialTest(a, a, { tuning: 0 })).toThrow(InvalidOptionError);
    expect(() => bootstrapDifference([1, 2], [3, 4], { resamples: 10 })).toThrow(InvalidOptionError);
    expect(() => bootstrapDifference([1, 2], [3, 4], { seed: -1 })).toThrow(InvalidOptionError);
    expect(() => adjustPValues([0.5, 1.2])).toThrow(InvalidInputError);
    expect(() => adjustPValues([])).toThrow(InvalidInputError);
    expect(() => groupSequentialBoundaries([0.5, 0.9])).toThrow(InvalidInputError);
    expect(() => groupSequentialBoundaries([0.5, 0.4, 1])).toThrow(InvalidInputError);
    expect(() => cupedAdjust({ y: [1, 2], x: [1, 1] }, { y: [1, 2], x: [3, 3] })).toThrow(InvalidInputError);
    expect(() => cupedAdjust({ y: [1, 2], x: [1, 2, 3] }, { y: [1, 2], x: [3, 4] })).toThrow(DimensionMismatchError);
    expect(() => deltaMethodRatio({ numerator: [1, 2], denominator: [0, 0] }, { numerator: [1, 2], denominator: [1, 1] })).toThrow(InvalidInputError);
    expect(() => relativeLift({ n: 10, mean: 0, sd: 1 }, { n: 10, mean: 1, sd: 1 })).toThrow(InvalidInputError);
    expect(() => mannWhitneyUTest(Array.from({ length: 400 }, (_, i) => i), Array.from({ length: 400 }, (_, i) => i + 0.5), { method: 'exact' })).toThrow(InvalidOptionError);
  });
  it('analyzeExperiment: unknown control, duplicate metrics, non-0/1 binomial values', () => {
    const rows = [
      { arm: 'a', c: 1 },
      { arm: 'b', c: 0 },
      { arm: 'a', c: 0 },
      { arm: 'b', c: 1 },
    ];
    const metrics = [{ name: 'c', type: 'binomial' as const }];
    expect(() => analyzeExperiment({ rows, armColumn: 'arm' }, { metrics, control: 'z' })).toThrow(InvalidOptionError);
    expect(() => analyzeExperiment({ rows, armColumn: 'arm' }, { metrics: [...metrics, ...metrics] })).toThrow(InvalidOptionError);
    expect(() => analyzeExperiment({ rows: [...rows, { arm: 'a', c: 2 }], armColumn: 'arm' }, { metrics })).toThrow(InvalidInputError);
    expect(() => analyzeExperiment({ rows: [...rows, { arm: 'a', c: 'yes' }], armColumn: 'arm' }, { metrics })).toThrow(InvalidInputError);
    expect(() => analyzeExperiment({ rows: [...rows, { arm: 'a' }], armColumn: 'arm' }, { metrics })).toThrow(InvalidInputError);
    expect(() => analyzeExperiment({ rows: rows.filter((r) => r.arm === 'a'), armColumn: 'arm' }, { metrics })).toThrow(InvalidInputError);
  });
});

describe('degenerate but valid inputs give documented results, never NaN', () => {
  it('twoProportionZTest: both arms 0% or 100% → statistic 0, p-value 1', () => {
    for (const [c, t] of [
      [0, 0],
      [50, 40],
    ] as const) {
      const r = twoProportionZTest({ n: 50, conversions: c }, { n: 40, conversions: t });
      expect(r.statistic).toBe(0);
      expect(r.pValue).toBe(1);
      expect(r.relativeLift).toBe(0);
      expect(Number.isNaN(r.newcombeInterval.lower)).toBe(false);
      const u = twoProportionZTest({ n: 50, conversions: c }, { n: 40, conversions: t }, { pooled: false });
      expect(u.pValue).toBe(1);
    }
  });
  it('twoProportionZTest: 0% vs 100% unpooled → infinite statistic, p-value 0', () => {
    const r = twoProportionZTest({ n: 5, conversions: 0 }, { n: 5, conversions: 5 }, { pooled: false });
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
    expect(r.relativeLift).toBe(Infinity);
  });
  it('welchTTest: zero variance in both arms', () => {
    expect(welchTTest([2, 2, 2], [2, 2]).pValue).toBe(1);
    const r = welchTTest([2, 2, 2], [3, 3]);
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
    expect(r.df).toBe(3);
  });
  it('chiSquareTest and fisherExactTest: a zero margin is "undefined", not NaN', () => {
    const r = chiSquareTest([[0, 10], [0, 12]]);
    expect(r.defined).toBe(false);
    if (!r.defined) expect(r.reason).toBe('column 0 has a zero total');
    const f = fisherExactTest([[0, 0], [3, 4]]);
    expect(f.defined).toBe(false);
    expect(f.pValue).toBe(1);
  });
  it('bayesianBetaBinomial: n = 0 in both arms → the prior, probability 1/2', () => {
    const r = bayesianBetaBinomial({ n: 0, conversions: 0 }, { n: 0, conversions: 0 });
    expectClose(r.probabilityTreatmentBeatsControl, 0.5, { abs: 1e-12 }, 'P');
    // E[(X − Y)+] for independent uniforms = 1/6
    expectClose(r.expectedLoss.chooseTreatment, 1 / 6, { rel: 1e-10 }, 'loss');
  });
  it('mannWhitneyUTest: all values tied → p-value 1', () => {
    const r = mannWhitneyUTest([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.pValue).toBe(1);
  });
  it('deltaMethodRatio: control ratio 0 → infinite lift with an unbounded interval', () => {
    const r = deltaMethodRatio({ numerator: [0, 0, 0], denominator: [1, 2, 3] }, { numerator: [1, 0, 2], denominator: [1, 2, 3] });
    expect(r.relativeLift.lift).toBe(Infinity);
    expect(r.relativeLift.confidenceInterval).toEqual({ lower: -Infinity, upper: Infinity });
    expect(Number.isFinite(r.pValue)).toBe(true);
  });
});

describe('inputs are not mutated', () => {
  it('frozen arrays and objects pass through every function', () => {
    const c = Object.freeze([1, 5, 2, 8, 3, 0, 0, 4]);
    const t = Object.freeze([2, 6, 3, 9, 0, 7, 5, 1]);
    welchTTest(c, t);
    mannWhitneyUTest(c, t);
    bootstrapDifference(c, t, { resamples: 200 });
    cupedAdjust(Object.freeze({ y: c, x: t }), Object.freeze({ y: t, x: c }));
    const table = Object.freeze([Object.freeze([3, 4]), Object.freeze([5, 6])]);
    chiSquareTest(table);
    fisherExactTest(table);
    adjustPValues(Object.freeze([0.3, 0.01, 0.2]));
    expect(c).toEqual([1, 5, 2, 8, 3, 0, 0, 4]);
  });
});

describe('exact Beta probabilities with very unequal posteriors', () => {
  // Regression: found by the property test. Control Beta(1, 7) (0 of 6, Beta(1, 1) prior) is broad,
  // treatment Beta(72936, 111454) is a spike of width ~1e-3: a wide quadrature panel missed its step.
  // For an integer control beta b, P(T > C) = E_T[F_C(T)] = 1 − E_T[(1 − T)^7] for C ~ Beta(1, 7),
  // and E_T[(1 − T)^7] = Π_{i<7} (bT + i) / (aT + bT + i) in closed form.
  const C = { alpha: 1, beta: 7 };
  const T = { alpha: 72936, beta: 111454 };
  let moment = 1;
  for (let i = 0; i < 7; i++) moment *= (T.beta + i) / (T.alpha + T.beta + i);
  it('P(T > C) equals the closed form at 1e-9, and P(T > C) + P(C > T) = 1', () => {
    const tc = probabilityBetaGreater(C, T).probability;
    const ct = probabilityBetaGreater(T, C).probability;
    expectClose(tc, 1 - moment, { rel: 1e-9 }, 'P(T > C)');
    expectClose(ct, moment, { rel: 1e-9 }, 'P(C > T)');
    expectClose(tc + ct, 1, { abs: 1e-9 }, 'sum');
  });
  it('bayesianBetaBinomial agrees for 0/6 against 72935/184388', () => {
    const r = bayesianBetaBinomial({ n: 6, conversions: 0 }, { n: 184388, conversions: 72935 });
    expectClose(r.probabilityTreatmentBeatsControl, 1 - moment, { rel: 1e-9 }, 'P(T > C)');
  });
});

describe('internal consistency', () => {
  it('chi-square without correction on a 2×2 table equals the pooled z statistic squared', () => {
    const r = chiSquareTest([[122, 21306 - 122], [189, 21387 - 189]], { correction: false });
    const z = twoProportionZTest({ n: 21306, conversions: 122 }, { n: 21387, conversions: 189 });
    if (!r.defined) throw new Error('undefined');
    expectClose(r.statistic, z.statistic ** 2, { rel: 1e-12 }, 'chi2 = z²');
    expectClose(r.pValue, z.pValue, { rel: 1e-10 }, 'same p');
  });
  it('probabilityBest with two arms equals bayesianBetaBinomial, and Monte Carlo agrees within 5 SE', () => {
    const a = { n: 21306, conversions: 122 };
    const b = { n: 21387, conversions: 189 };
    const exact = probabilityBest([a, b]);
    const bb = bayesianBetaBinomial(a, b);
    expectClose(exact.probabilities[1]!, bb.probabilityTreatmentBeatsControl, { rel: 1e-12 }, 'two-arm exact');
    const three = probabilityBest([a, b, { n: 21307, conversions: 150 }]);
    expectClose(three.probabilities.reduce((s, x) => s + x, 0), 1, { abs: 1e-12 }, 'sum to 1');
    const mc = probabilityBest([a, b, { n: 21307, conversions: 150 }], { method: 'monte-carlo', draws: 20000, seed: 7 });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(mc.probabilities[i]! - three.probabilities[i]!)).toBeLessThanOrEqual(5 * Math.max(mc.errors[i]!, 1 / 20000));
    }
    expect(probabilityBest([a, b], { method: 'monte-carlo', draws: 5000, seed: 3 })).toEqual(
      probabilityBest([a, b], { method: 'monte-carlo', draws: 5000, seed: 3 }),
    );
  });
  it('sequential p-value ≤ alpha exactly when the always-valid interval excludes 0; wider than fixed-horizon', () => {
    for (const conv of [122, 140, 160, 189, 230]) {
      const r = sequentialTest({ n: 21306, conversions: 122 }, { n: 21387, conversions: conv });
      const excludes = r.confidenceInterval.lower > 0 || r.confidenceInterval.upper < 0;
      expect(r.pValue <= 0.05).toBe(excludes);
      const fixed = twoProportionZTest({ n: 21306, conversions: 122 }, { n: 21387, conversions: conv }, { pooled: false });
      expect(r.confidenceInterval.upper - r.confidenceInterval.lower).toBeGreaterThan(fixed.waldInterval.upper - fixed.waldInterval.lower);
    }
  });
  it('bootstrapDifference is deterministic per seed and its percentile interval approaches the normal one', () => {
    const c = Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) / 10);
    const t = Array.from({ length: 300 }, (_, i) => ((i * 53) % 103) / 10 + 0.5);
    const a = bootstrapDifference(c, t, { seed: 11, resamples: 4000 });
    expect(bootstrapDifference(c, t, { seed: 11, resamples: 4000 })).toEqual(a);
    const w = welchTTest(c, t);
    // Monte Carlo: the bootstrap SE matches the analytic SE (n/(n−1) aside) within 5%
    expect(Math.abs(a.standardError / w.standardError - 1)).toBeLessThan(0.05);
    expect(a.bcaInterval.lower).toBeLessThan(a.estimate);
    expect(a.bcaInterval.upper).toBeGreaterThan(a.estimate);
  });
  it('power at the planned size equals the target power', () => {
    for (const variant of ['pooled', 'unpooled', 'cohen-h'] as const) {
      const s = sampleSizeForProportions({ baseline: 0.05, mde: 0.01 }, { variant, ratio: 2 });
      const p = powerForProportions({ baseline: 0.05, mde: 0.01, nControl: s.nControlRaw }, { variant, ratio: 2 });
      expectClose(p.power, 0.8, { rel: 1e-9 }, variant);
    }
  });
  it('estimateDuration rounds up, optionally to whole weeks', () => {
    expect(estimateDuration({ totalSampleSize: 7682, dailyUsers: 1000 })).toEqual({ days: 8, daysRaw: 7.682 });
    expect(estimateDuration({ totalSampleSize: 7682, dailyUsers: 1000 }, { wholeWeeks: true }).days).toBe(14);
  });
  it('minimumDetectableEffect inverts sampleSizeForProportions', () => {
    const s = sampleSizeForProportions({ baseline: 0.1, mde: 0.02 }, { variant: 'unpooled' });
    const m = minimumDetectableEffect({ nControl: s.nControlRaw, baseline: 0.1 }, { variant: 'unpooled' });
    expectClose(m.absolute, 0.02, { rel: 1e-9 }, 'mde');
  });
});
