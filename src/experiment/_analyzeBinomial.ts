/**
 * Binomial metrics of analyzeExperiment: pooled two-proportion z test with the Newcombe interval and
 * the exact Beta–Binomial chance to beat control.
 *
 * @internal
 * @module
 */
import { betaLaw, probabilityGreater } from './_beta.js';
import type { BetaParameters } from './bayesianBetaBinomial.js';
import { twoProportionZTest } from './twoProportionZTest.js';
import type { Interval, ProportionSummary } from './types.js';

/** One binomial comparison: difference, interval, z, p, the unpooled SE and P(treatment rate > control rate). */
export function analyzeBinomial(
  c: ProportionSummary,
  t: ProportionSummary,
  prior: BetaParameters,
  alpha: number,
): { difference: number; confidenceInterval: Interval; statistic: number; pValue: number; se: number; pTreatmentHigher: number; test: string } {
  const r = twoProportionZTest(c, t, { alpha });
  const se = Math.sqrt((r.control.rate * (1 - r.control.rate)) / c.n + (r.treatment.rate * (1 - r.treatment.rate)) / t.n);
  const pTreatmentHigher = probabilityGreater(
    betaLaw(prior.alpha + c.conversions, prior.beta + c.n - c.conversions),
    betaLaw(prior.alpha + t.conversions, prior.beta + t.n - t.conversions),
  ).value;
  return {
    difference: r.difference,
    confidenceInterval: r.newcombeInterval,
    statistic: r.statistic,
    pValue: r.pValue,
    se,
    pTreatmentHigher,
    test: 'two-proportion z test (pooled), Newcombe interval',
  };
}
