import { describe, expect, it } from 'vitest';
import { conversionRate, netPromoterScore, satisfactionSummary, InvalidInputError, InvalidOptionError } from 'crmkit/value';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// Closed form: 1e-9 relative (absolute 1e-12 near 0). Reference: scripts/reference/value_metrics.py
// (statsmodels proportion_confint(method='wilson'), scipy.stats.t.interval).
const TOL = { rel: 1e-9, abs: 1e-12 };
interface Fx {
  wilson: { trials: number; conversions: number; confidence: number; lower: number; upper: number }[];
  satisfaction: { scores: number[]; scale: [number, number]; topBox: number; confidence: number; mean: number; sd: number; meanLower: number; meanUpper: number; topBoxShare: number; topBoxLower: number; topBoxUpper: number }[];
  nps: { scores: number[]; confidence: number; nps: number; standardError: number; lower: number; upper: number }[];
}
const fx = loadFixture<Fx>('value_metrics');

describe('conversionRate(counts, { confidence })', () => {
  it('matches statsmodels Wilson intervals', () => {
    for (const c of fx.wilson) {
      const r = conversionRate({ trials: c.trials, conversions: c.conversions }, { confidence: c.confidence });
      expectClose(r.lower, c.lower, TOL, `lower ${c.conversions}/${c.trials}`);
      expectClose(r.upper, c.upper, TOL, `upper ${c.conversions}/${c.trials}`);
      expect(r.rate).toBe(c.conversions / c.trials);
    }
  });
  it('rejects impossible counts', () => {
    expect(() => conversionRate({ trials: 10, conversions: 11 })).toThrow(InvalidInputError);
    expect(() => conversionRate({ trials: 0, conversions: 0 })).toThrow(InvalidInputError);
    expect(() => conversionRate({ trials: 10, conversions: 1 }, { confidence: 1 })).toThrow(InvalidOptionError);
  });
});

describe('satisfactionSummary(scores, options)', () => {
  it('matches scipy t intervals and statsmodels Wilson intervals', () => {
    for (const c of fx.satisfaction) {
      const s = satisfactionSummary(c.scores, { scale: c.scale, topBox: c.topBox, confidence: c.confidence });
      expectClose(s.mean, c.mean, TOL, 'mean');
      expectClose(s.standardDeviation, c.sd, TOL, 'sd');
      expectClose(s.meanLower, c.meanLower, TOL, 'meanLower');
      expectClose(s.meanUpper, c.meanUpper, TOL, 'meanUpper');
      expectClose(s.topBoxShare, c.topBoxShare, TOL, 'topBox');
      expectClose(s.topBoxLower, c.topBoxLower, TOL, 'topBoxLower');
      expectClose(s.topBoxUpper, c.topBoxUpper, TOL, 'topBoxUpper');
      expect(s.distribution.reduce((a, d) => a + d.count, 0)).toBe(c.scores.length);
      expect(s.distribution.length).toBe(c.scale[1] - c.scale[0] + 1);
    }
  });
  it('rejects scores off the scale', () => {
    expect(() => satisfactionSummary([1, 6])).toThrow(/scores\[1\] must be an integer in \[1, 5\]/);
    expect(() => satisfactionSummary([1, 2.5])).toThrow(InvalidInputError);
    expect(() => satisfactionSummary([])).toThrow(InvalidInputError);
    expect(() => satisfactionSummary([1], { scale: [5, 1] })).toThrow(InvalidOptionError);
  });
});

describe('netPromoterScore(scores, { confidence })', () => {
  it('matches the ±1/0 score mean and its normal interval', () => {
    for (const c of fx.nps) {
      const r = netPromoterScore(c.scores, { confidence: c.confidence });
      expectClose(r.nps, c.nps, TOL, 'nps');
      expectClose(r.standardError, c.standardError, TOL, 'se');
      expectClose(r.lower, c.lower, TOL, 'lower');
      expectClose(r.upper, c.upper, TOL, 'upper');
      expect(r.promoters + r.passives + r.detractors).toBe(c.scores.length);
    }
  });
  it('rejects answers outside 0–10', () => {
    expect(() => netPromoterScore([11])).toThrow(InvalidInputError);
    expect(() => netPromoterScore([-1])).toThrow(InvalidInputError);
  });
});
