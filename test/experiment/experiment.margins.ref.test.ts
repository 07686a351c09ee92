/**
 * equivalenceTest (TOST) and nonInferiorityTest against statsmodels 0.13.5 (ttost_ind,
 * CompareMeans.ttest_ind, tost_proportions_2indep, test_proportions_2indep), vectors written by
 * scripts/reference/experiment_margins.py. Tolerance 1e-9 relative (closed forms).
 */
import { describe, expect, it } from 'vitest';
import { equivalenceTest, InvalidOptionError, nonInferiorityTest } from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_margins');
const CLOSED = { rel: 1e-9 };

describe('equivalenceTest and nonInferiorityTest on means vs statsmodels ttost_ind / CompareMeans', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fx.means.forEach((c: any, k: number) => {
    it(`case ${k} (${c.equalVariance ? 'pooled' : 'Welch'})`, () => {
      const o = { margin: { lower: c.low, upper: c.upp }, equalVariance: c.equalVariance };
      const r = equivalenceTest(c.control, c.treatment, o);
      expectClose(r.lower.statistic, c.lower[0], CLOSED, 't lower');
      expectClose(r.lower.pValue, c.lower[1], CLOSED, 'p lower');
      expectClose(r.upper.statistic, c.upper[0], CLOSED, 't upper');
      expectClose(r.upper.pValue, c.upper[1], CLOSED, 'p upper');
      expectClose(r.pValue, c.pValue, CLOSED, 'p');
      expectClose(r.df, c.df, CLOSED, 'df');
      expect(r.equivalent).toBe(c.pValue < 0.05);
      expect(r.equivalent).toBe(r.confidenceInterval.lower > c.low && r.confidenceInterval.upper < c.upp);
      const hi = nonInferiorityTest(c.control, c.treatment, { margin: c.margin, equalVariance: c.equalVariance });
      expectClose(hi.statistic, c.niHigher[0], CLOSED, 'NI t');
      expectClose(hi.pValue, c.niHigher[1], CLOSED, 'NI p');
      const lo = nonInferiorityTest(c.control, c.treatment, { margin: c.margin, equalVariance: c.equalVariance, higherIsBetter: false });
      expectClose(lo.statistic, c.niLower[0], CLOSED, 'NI (lower is better) t');
      expectClose(lo.pValue, c.niLower[1], CLOSED, 'NI (lower is better) p');
    });
  });
});

describe('equivalenceTest and nonInferiorityTest on proportions vs statsmodels tost_proportions_2indep / test_proportions_2indep', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fx.proportions.forEach((c: any, k: number) => {
    it(`case ${k} (${c.method})`, () => {
      const ctl = { conversions: c.control[0], n: c.control[1] };
      const trt = { conversions: c.treatment[0], n: c.treatment[1] };
      const r = equivalenceTest(ctl, trt, { margin: { lower: c.low, upper: c.upp }, method: c.method });
      expectClose(r.lower.statistic, c.lower[0], CLOSED, 'z lower');
      expectClose(r.lower.pValue, c.lower[1], CLOSED, 'p lower');
      expectClose(r.upper.statistic, c.upper[0], CLOSED, 'z upper');
      expectClose(r.upper.pValue, c.upper[1], CLOSED, 'p upper');
      expectClose(r.pValue, c.pValue, CLOSED, 'p = max of the two');
      const hi = nonInferiorityTest(ctl, trt, { margin: c.margin, method: c.method });
      expectClose(hi.statistic, c.niHigher[0], CLOSED, 'NI z');
      expectClose(hi.pValue, c.niHigher[1], CLOSED, 'NI p');
      const lo = nonInferiorityTest(ctl, trt, { margin: c.margin, method: c.method, higherIsBetter: false });
      expectClose(lo.pValue, c.niLower[1], CLOSED, 'NI (lower is better) p');
    });
  });
});

describe('margin tests: options and degenerate data', () => {
  it('typed errors for a missing, zero or reversed margin and an unknown method', () => {
    const a = { n: 100, conversions: 10 };
    expect(() => equivalenceTest(a, a, {} as never)).toThrow(InvalidOptionError);
    expect(() => equivalenceTest(a, a, { margin: 0 })).toThrow(InvalidOptionError);
    expect(() => equivalenceTest(a, a, { margin: { lower: 0.1, upper: -0.1 } })).toThrow(/options\.margin\.lower/);
    expect(() => nonInferiorityTest(a, a, { margin: -1 })).toThrow(/^experiment\/nonInferiorityTest: options\.margin/);
    expect(() => equivalenceTest(a, a, { margin: 0.1, method: 'score' as never })).toThrow(InvalidOptionError);
  });
  it('both arms at 0%: SE 0 and a difference inside the margin is equivalent (infinite statistics), never NaN', () => {
    const r = equivalenceTest({ n: 50, conversions: 0 }, { n: 60, conversions: 0 }, { margin: 0.05 });
    expect(r.lower.statistic).toBe(Infinity);
    expect(r.upper.statistic).toBe(-Infinity);
    expect(r.pValue).toBe(0);
    expect(r.equivalent).toBe(true);
  });
});
