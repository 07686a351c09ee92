import { oneOf, openUnitInterval, options as checkOptions } from '../core/validate.js';
import { magnitudeScale, normalPrior } from './_common.js';
import { normalCdf, normalIsf, normalPdf, normalSf } from './_dist.js';
import { armMoments, differenceEstimate } from './relativeLift.js';
import type { ArmMoments, Interval, MeanInput, ProportionSummary } from './types.js';

/** Options of {@link bayesianNormal}. @category Experiment */
export interface BayesianNormalOptions {
  /**
   * Gaussian prior on the effect. `variance: Infinity` is the flat (improper) prior, under which
   * the posterior is the sampling distribution of the estimate.
   * @defaultValue { mean: 0, variance: Infinity }
   */
  prior?: { mean: number; variance: number };
  /** Model the absolute difference of means, or the relative lift (delta-method variance). @defaultValue 'absolute' */
  differenceType?: 'absolute' | 'relative';
  /** Probability mass of the equal-tailed credible interval. @defaultValue 0.95 */
  credibleLevel?: number;
}

/** Result of {@link bayesianNormal}. @category Experiment */
export interface BayesianNormalResult {
  control: ArmMoments;
  treatment: ArmMoments;
  /** Estimate of the effect from the data alone and its standard error. */
  estimate: number;
  standardError: number;
  /** Posterior mean and sd of the effect. */
  posteriorMean: number;
  posteriorSd: number;
  credibleInterval: Interval;
  /** P(effect > 0 | data). */
  probabilityTreatmentBeatsControl: number;
  /** Expected loss (in effect units): shipping treatment E[max(−effect, 0)], keeping control E[max(effect, 0)]. */
  expectedLoss: { chooseTreatment: number; chooseControl: number };
  differenceType: 'absolute' | 'relative';
  credibleLevel: number;
}

const FN = 'experiment/bayesianNormal';

/**
 * Bayesian comparison of a continuous metric (revenue per user) with a normal–normal model: the
 * effect's estimate is treated as normal with its standard error, combined with a Gaussian prior
 * on the effect (GrowthBook's Bayesian engine uses the same conjugate update).
 *
 * @remarks Data: d̂ = x̄_T − x̄_C (or the relative lift), se² = s²_T/n_T + s²_C/n_C (delta method for
 * relative). Posterior precision 1/se² + 1/τ², mean (d̂/se² + μ₀/τ²)/precision. Chance to win
 * Φ(m/s); expected losses E[(−Δ)⁺] = s·φ(m/s) − m·Φ(−m/s) and E[Δ⁺] = s·φ(m/s) + m·Φ(m/s). O(1) on summaries.
 * @see GrowthBook gbstats `EffectBayesianABTest`; Gelman et al., Bayesian Data Analysis §2.5
 * @throws {@link InvalidInputError} on invalid arms (n < 2, negative sd, …)
 * @throws {@link InvalidOptionError} on a prior with negative or zero variance, or credibleLevel outside (0, 1)
 * @example
 * ```ts
 * import { bayesianNormal } from 'crmkit/experiment';
 * const r = bayesianNormal({ n: 1000, mean: 10, sd: 4 }, { n: 1000, mean: 10.5, sd: 4 });
 * r.probabilityTreatmentBeatsControl.toFixed(4); // => '0.9974'
 * ```
 * @category Experiment
 */
export function bayesianNormal(
  control: MeanInput | ProportionSummary,
  treatment: MeanInput | ProportionSummary,
  options?: BayesianNormalOptions,
): BayesianNormalResult {
  const o = checkOptions(FN, options, ['prior', 'differenceType', 'credibleLevel']);
  // values near ±1e308 are divided by a power of two first (their squares and differences would overflow into NaN)
  const sc = magnitudeScale(control, treatment);
  const c = armMoments(FN, 'control', control, sc);
  const t = armMoments(FN, 'treatment', treatment, sc);
  const differenceType = o.differenceType === undefined ? 'absolute' : oneOf(FN, 'options.differenceType', o.differenceType, ['absolute', 'relative'] as const);
  const credibleLevel = o.credibleLevel === undefined ? 0.95 : openUnitInterval(FN, 'options.credibleLevel', o.credibleLevel);
  const prior = normalPrior(FN, o.prior);
  const { estimate, se } = differenceEstimate(c, t, differenceType);
  const abs = differenceType === 'absolute';
  const u = abs ? sc : 1; // the absolute difference is in the data's units; the relative one is scale-free
  const r = normalPosterior(c, t, estimate, se, prior.mean / u, prior.variance / u / u, differenceType, credibleLevel);
  if (sc === 1) return r;
  const back = (m: ArmMoments): ArmMoments => ({ n: m.n, mean: m.mean * sc, variance: m.variance * sc * sc });
  return {
    ...r,
    control: back(c),
    treatment: back(t),
    estimate: r.estimate * u,
    standardError: r.standardError * u,
    posteriorMean: r.posteriorMean * u,
    posteriorSd: r.posteriorSd * u,
    credibleInterval: { lower: r.credibleInterval.lower * u, upper: r.credibleInterval.upper * u },
    expectedLoss: { chooseTreatment: r.expectedLoss.chooseTreatment * u, chooseControl: r.expectedLoss.chooseControl * u },
  };
}

/** @internal */
export function normalPosterior(
  c: ArmMoments,
  t: ArmMoments,
  estimate: number,
  se: number,
  priorMean: number,
  priorVar: number,
  differenceType: 'absolute' | 'relative',
  credibleLevel: number,
): BayesianNormalResult {
  let m: number;
  let s: number;
  if (se === 0) {
    m = estimate;
    s = 0;
  } else {
    const prec = 1 / (se * se) + (priorVar === Infinity ? 0 : 1 / priorVar);
    m = (estimate / (se * se) + (priorVar === Infinity ? 0 : priorMean / priorVar)) / prec;
    s = Math.sqrt(1 / prec);
  }
  const z = normalIsf((1 - credibleLevel) / 2);
  let prob: number;
  let lossT: number;
  let lossC: number;
  if (s > 0) {
    const r = m / s;
    prob = normalCdf(r);
    const dens = s * normalPdf(r);
    lossT = Math.max(0, dens - m * normalSf(r));
    lossC = Math.max(0, dens + m * normalCdf(r));
  } else {
    prob = m > 0 ? 1 : m < 0 ? 0 : 0.5;
    lossT = Math.max(0, -m);
    lossC = Math.max(0, m);
  }
  return {
    control: c,
    treatment: t,
    estimate,
    standardError: se,
    posteriorMean: m,
    posteriorSd: s,
    credibleInterval: { lower: m - z * s, upper: m + z * s },
    probabilityTreatmentBeatsControl: prob,
    expectedLoss: { chooseTreatment: lossT, chooseControl: lossC },
    differenceType,
    credibleLevel,
  };
}
