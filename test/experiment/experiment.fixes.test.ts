/**
 * Regression tests for what the reference suites found (issue 19), with figures from
 * test/fixtures/experiment_fixes.json (scripts/reference/experiment_fixes.py: scipy 1.10.1,
 * statsmodels 0.13.5, mpmath 1.2.1). Speed targets live in bench/experiment.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeExperiment,
  cupedAdjust,
  deltaMethodRatio,
  fisherExactTest,
  InvalidInputError,
  minimumDetectableEffect,
  relativeLift,
  sampleSizeForMeans,
  sampleSizeForProportions,
  twoProportionZTest,
  welchTTest,
  type Alternative,
} from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_fixes');
const ALTS: Alternative[] = ['two-sided', 'greater', 'less'];

describe('degenerate data: both arms at 0% or at 100% give p = 1 for every alternative', () => {
  it('twoProportionZTest (pooled and unpooled), welchTTest, deltaMethodRatio, cupedAdjust, relativeLift', () => {
    for (const alternative of ALTS) {
      for (const [c, t] of [[0, 0], [50, 40]] as const) {
        for (const pooled of [true, false]) {
          const r = twoProportionZTest({ n: 50, conversions: c }, { n: 40, conversions: t }, { alternative, pooled });
          expect(r.statistic).toBe(0);
          expect(r.pValue).toBe(1);
        }
      }
      expect(welchTTest([2, 2, 2], [2, 2], { alternative }).pValue).toBe(1);
      expect(welchTTest([2, 2, 2], [3, 3], { alternative }).pValue).toBe(alternative === 'less' ? 1 : 0);
      const ratio = { numerator: [2, 4, 6], denominator: [1, 2, 3] };
      expect(deltaMethodRatio(ratio, ratio, { alternative }).pValue).toBe(1);
      expect(relativeLift({ n: 10, conversions: 10 }, { n: 20, conversions: 20 }, { alternative }).pValue).toBe(1);
      expect(cupedAdjust({ y: [1, 2, 3], x: [1, 2, 3] }, { y: [1, 2, 3], x: [1, 2, 3] }, { alternative }).pValue).toBe(1);
    }
  });
});

describe('impossible and cancelled sums', () => {
  it('deltaMethodRatio rejects sums implying a negative variance', () => {
    const ok = { n: 3, sumNumerator: 12, sumDenominator: 6, sumNumeratorSquares: 56, sumDenominatorSquares: 14, sumProducts: 28 };
    expect(() => deltaMethodRatio({ ...ok, sumNumeratorSquares: 40 }, ok)).toThrow(InvalidInputError); // Σx² < (Σx)²/n
    expect(() => deltaMethodRatio({ ...ok, sumProducts: 40 }, ok)).toThrow(/negative variance/); // breaks Cauchy–Schwarz
    try {
      deltaMethodRatio(ok, { ...ok, sumProducts: 40 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as Error).message).toMatch(/^experiment\/deltaMethodRatio: treatment/);
    }
  });

  it('deltaMethodRatio and welchTTest warn when the variance is lost to cancellation, with a conservative p instead of SE 0 / p 0', () => {
    // per-user values 1e9 + {0, 1}: exact sums, but Σx² − (Σx)²/n is far below the sums' rounding
    const n = 1000;
    const arm = (shift: number) => {
      let s = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const v = 1e9 + shift + (i % 2);
        s += v;
        ss += v * v;
      }
      return { n, sum: s, sumSquares: ss };
    };
    const w = welchTTest(arm(0), arm(0.01));
    expect(w.warnings.length).toBe(2);
    expect(w.standardError).toBeGreaterThan(0);
    expect(w.pValue).toBeGreaterThan(0.5);
    const clean = welchTTest({ n: 10, sum: 30, sumSquares: 100 }, { n: 10, sum: 40, sumSquares: 170 });
    expect(clean.warnings).toEqual([]);
    const a = arm(0);
    const sums = { n, sumNumerator: a.sum, sumDenominator: n, sumNumeratorSquares: a.sumSquares, sumDenominatorSquares: n, sumProducts: a.sum };
    const r = deltaMethodRatio(sums, { ...sums, sumNumerator: a.sum + 10, sumProducts: a.sum + 10 });
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.standardError).toBeGreaterThan(0);
    expect(r.pValue).toBeGreaterThan(0.5);
  });

  it('welchTTest near 1e200 and 1e-200: same t, df and p as the unscaled data (scipy), no NaN', () => {
    const { a, b, statistic, pValue, se } = fx.welchSmall;
    for (const s of [1e200, 1e-200, 1e300]) {
      const r = welchTTest(a.map((x: number) => x * s), b.map((x: number) => x * s));
      expectClose(r.statistic, statistic, { rel: 1e-12 }, 't');
      expectClose(r.pValue, pValue, { rel: 1e-9 }, 'p');
      expectClose(r.standardError, se * s, { rel: 1e-12 }, 'se');
      expect(Number.isNaN(r.confidenceInterval.lower)).toBe(false);
      const m = welchTTest({ n: 3, mean: 2 * s, sd: s }, { n: 3, mean: (10 / 3) * s, sd: Math.sqrt(7 / 3) * s });
      expectClose(m.statistic, statistic, { rel: 1e-12 }, 't from mean/sd');
    }
  });
});

describe('planning at huge n', () => {
  it('sampleSizeForMeans t vs statsmodels TTestIndPower (brentq) up to 2.5e6 per arm, and never below the z answer', () => {
    for (const c of fx.tSampleSize) {
      const o = { ratio: c.ratio, alternative: c.alternative as Alternative };
      expectClose(sampleSizeForMeans({ sd: 1, mde: c.d }, { ...o, distribution: 'z' }).nControlRaw, c.nz, { rel: 1e-9 }, `z d=${c.d}`);
      expectClose(sampleSizeForMeans({ sd: 1, mde: c.d }, o).nControlRaw, c.nt, { rel: 1e-9 }, `t d=${c.d} ${c.alternative} r=${c.ratio}`);
    }
  });

  it('sampleSizeForMeans / minimumDetectableEffect with t are monotone up to 1e19 users', () => {
    let prev = 0;
    for (let e = -1; e >= -9.5; e -= 0.25) {
      const t = sampleSizeForMeans({ sd: 1, mde: 10 ** e });
      const z = sampleSizeForMeans({ sd: 1, mde: 10 ** e }, { distribution: 'z' });
      expect(t.nControlRaw).toBeGreaterThan(prev);
      expect(t.nControlRaw).toBeGreaterThanOrEqual(z.nControlRaw);
      prev = t.nControlRaw;
    }
    let prevD = Infinity;
    for (let e = 2; e <= 15; e += 0.5) {
      const d = minimumDetectableEffect({ nControl: 10 ** e, sd: 1 }).absolute;
      expect(d).toBeLessThan(prevD);
      expect(d).toBeGreaterThanOrEqual(minimumDetectableEffect({ nControl: 10 ** e, sd: 1 }, { distribution: 'z' }).absolute);
      prevD = d;
    }
  });

  it('sampleSizeForProportions({ baseline: 0.1, mde: 1e-8 }) is the true 1.41e16, not a search cap (mpmath root of the two-tailed power)', () => {
    for (const c of fx.tinyMde) {
      expectClose(sampleSizeForProportions({ baseline: c.baseline, mde: c.mde }).nControlRaw, c.n, { rel: 1e-9 }, `mde ${c.mde}`);
    }
    expect(sampleSizeForProportions({ baseline: 0.1, mde: 1e-8 }).nControlRaw).toBeGreaterThan(1.4e16);
  });
});

describe('fisherExactTest on 23-million-user tables (scipy fisher_exact, contingency.odds_ratio)', () => {
  it('p-values for every alternative, conditional odds ratio and its interval', () => {
    for (const c of fx.fisherLarge) {
      for (const alternative of ALTS) {
        const r = fisherExactTest(c.table, { alternative });
        if (!r.defined) throw new Error('undefined');
        expectClose(r.pValue, c[`p_${alternative}`], { rel: 1e-8 }, `p ${alternative}`);
      }
      const r = fisherExactTest(c.table);
      if (!r.defined) throw new Error('undefined');
      expectClose(r.conditionalOddsRatio, c.conditional, { rel: 1e-6 }, 'conditional OR');
      expectClose(r.confidenceInterval.lower, c.ci[0], { rel: 1e-6 }, 'lower');
      expectClose(r.confidenceInterval.upper, c.ci[1], { rel: 1e-6 }, 'upper');
    }
  });
});

describe('errors name the user-facing function and argument', () => {
  it('minimumDetectableEffect({ nControl: 1, sd: 1 }) with t', () => {
    expect(() => minimumDetectableEffect({ nControl: 1, sd: 1 })).toThrow(/^experiment\/minimumDetectableEffect: input\.nControl/);
    expect(minimumDetectableEffect({ nControl: 1, sd: 1 }, { distribution: 'z' }).absolute).toBeGreaterThan(0);
  });
});

describe('analyzeExperiment reads decimal notation only from strings', () => {
  const rows = (v: string) => [
    { arm: 'a', x: '1' },
    { arm: 'a', x: '2.5' },
    { arm: 'b', x: '-3e2' },
    { arm: 'b', x: v },
  ];
  const run = (v: string) => analyzeExperiment({ rows: rows(v), armColumn: 'arm' }, { metrics: [{ name: 'x', type: 'mean' }] });
  it('accepts 12, -0.5, .5, 5., +1e-3, " 7 "', () => {
    for (const v of ['12', '-0.5', '.5', '5.', '+1e-3', ' 7 ']) expect(() => run(v)).not.toThrow();
    expect(run('.5').comparisons[0]!.treatment.mean).toBe((-300 + 0.5) / 2);
  });
  it("rejects '0x10', '0b1', '0o7', 'Infinity', '1_000', '1e', '.', '-', '' with a typed error naming the cell", () => {
    for (const v of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', '1_000', '1e', '.', '-', '', '1e400']) {
      expect(() => run(v), v).toThrow(InvalidInputError);
    }
    expect(() => run('0x10')).toThrow(/input\.rows\[3\]\.x/);
  });
});

describe('negative baselines: relative lift follows the sign of the difference (gbstats)', () => {
  it('−10 → −5 is +50%; −10 → −15 is −50%; positive metrics unchanged', () => {
    const sd = 1;
    expect(relativeLift({ n: 100, mean: -10, sd }, { n: 100, mean: -5, sd }).lift).toBe(0.5);
    expect(relativeLift({ n: 100, mean: -10, sd }, { n: 100, mean: -15, sd }).lift).toBe(-0.5);
    expect(welchTTest({ n: 100, mean: -10, sd }, { n: 100, mean: -5, sd }).relativeLift).toBe(0.5);
    expect(relativeLift({ n: 100, mean: 10, sd }, { n: 100, mean: 15, sd }).lift).toBe(0.5);
    const r = relativeLift({ n: 100, mean: -10, sd }, { n: 100, mean: -5, sd });
    const p = relativeLift({ n: 100, mean: 10, sd }, { n: 100, mean: 5, sd });
    expectClose(r.standardError, p.standardError, { rel: 1e-15 }, 'SE is sign-free');
    expect(r.confidenceInterval.lower).toBeCloseTo(-p.confidenceInterval.upper, 12);
  });
});

describe('planning for several arms and metrics (Bonferroni-corrected α)', () => {
  it('comparisons: k is the same as alpha / k, for proportions, means and power', () => {
    const a = sampleSizeForProportions({ baseline: 0.1, mde: 0.02 }, { comparisons: 6 });
    const b = sampleSizeForProportions({ baseline: 0.1, mde: 0.02 }, { alpha: 0.05 / 6 });
    expect(a.nControlRaw).toBe(b.nControlRaw);
    expect(a.alpha).toBe(0.05 / 6);
    expect(a.nControl).toBeGreaterThan(sampleSizeForProportions({ baseline: 0.1, mde: 0.02 }).nControl);
    expect(sampleSizeForMeans({ sd: 2, mde: 0.5 }, { comparisons: 3 }).nControlRaw).toBe(sampleSizeForMeans({ sd: 2, mde: 0.5 }, { alpha: 0.05 / 3 }).nControlRaw);
    expect(() => sampleSizeForMeans({ sd: 2, mde: 0.5 }, { comparisons: 0 })).toThrow(/options\.comparisons/);
  });
});
