import { numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { checkAlpha, checkAlternative } from './_common.js';
import { armMoments, differenceEstimate } from './relativeLift.js';
import type { Alternative, ArmMoments, Interval, MeanInput, ProportionSummary } from './types.js';

/** Options of {@link sequentialTest}. @category Experiment */
export interface SequentialTestOptions {
  /** Error rate that holds however often results are looked at. @defaultValue 0.05 */
  alpha?: number;
  /**
   * Tuning parameter N (total users across both arms) where the confidence sequence is tightest;
   * GrowthBook's default is 5000. Set it near the expected final sample size.
   * @defaultValue 5000
   */
  tuning?: number;
  /** Test the absolute difference or the relative lift (delta method). @defaultValue 'absolute' */
  differenceType?: 'absolute' | 'relative';
  /**
   * 'greater' (treatment better) or 'less' give a one-sided confidence sequence (half-infinite
   * interval, narrower on its finite side) and a one-sided always-valid p-value. @defaultValue 'two-sided'
   */
  alternative?: Alternative;
}

/** Result of {@link sequentialTest}. @category Experiment */
export interface SequentialTestResult {
  control: ArmMoments;
  treatment: ArmMoments;
  estimate: number;
  standardError: number;
  /** Always-valid (anytime) confidence interval: covers the true effect at all looks simultaneously with probability ≥ 1 − alpha (half-infinite for a one-sided alternative). */
  confidenceInterval: Interval;
  /** Always-valid p-value: min(1, 1/E) of the mixture e-value; ≤ alpha exactly when the interval excludes 0. */
  pValue: number;
  /** Mixing parameter ρ derived from alpha and tuning. */
  rho: number;
  /** n_C + n_T. */
  n: number;
  alpha: number;
  tuning: number;
  differenceType: 'absolute' | 'relative';
  alternative: Alternative;
}

const FN = 'experiment/sequentialTest';

/**
 * Sequential (always-valid) test of treatment vs control: a mixture-SPRT confidence sequence and
 * p-value that stay valid under continuous monitoring, so stopping as soon as p < alpha is safe.
 *
 * @remarks The asymptotic confidence sequence of Waudby-Smith et al. (2023), as GrowthBook's engine
 * implements it: with n = n_C + n_T, s² = SE²·n (per-observation variance),
 * ρ² = (−2 ln α + ln(−2 ln α + 1))/N (eq. 161, N = `tuning`), half-width
 * √s² · √(2(nρ² + 1)/(n²ρ²) · ln(√(nρ² + 1)/α)) (eq. 9), and p = min(1, 1/E) with
 * E = exp(ρ²·n·d̂²/SE² / (2(nρ² + 1)))/√(nρ² + 1) (eq. 155). The interval is wider than a
 * fixed-horizon one: that is the price of peeking. A zero standard error gives a zero-width
 * interval and p 0 (or 1 when the estimate is 0). O(1) on summaries.
 * @see Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences" (arXiv 2103.06476); GrowthBook gbstats `SequentialTwoSidedTTest`
 * @throws {@link InvalidInputError} on invalid arms
 * @throws {@link InvalidOptionError} on alpha outside (0, 1) or tuning ≤ 0
 * @example
 * ```ts
 * import { sequentialTest } from 'crmkit/experiment';
 * const r = sequentialTest({ n: 21306, conversions: 122 }, { n: 21387, conversions: 189 });
 * r.pValue < 0.05; // => true
 * r.confidenceInterval.lower > 0; // => true
 * ```
 * @category Experiment
 */
export function sequentialTest(
  control: MeanInput | ProportionSummary,
  treatment: MeanInput | ProportionSummary,
  options?: SequentialTestOptions,
): SequentialTestResult {
  const o = checkOptions(FN, options, ['alpha', 'tuning', 'differenceType', 'alternative']);
  const alternative = checkAlternative(FN, o.alternative);
  const alpha = checkAlpha(FN, o.alpha);
  const tuning = o.tuning === undefined ? 5000 : numberInRange(FN, 'options.tuning', o.tuning, { min: 0, minExclusive: true });
  const differenceType = o.differenceType === undefined ? 'absolute' : oneOf(FN, 'options.differenceType', o.differenceType, ['absolute', 'relative'] as const);
  const c = armMoments(FN, 'control', control);
  const t = armMoments(FN, 'treatment', treatment);
  const { estimate, se } = differenceEstimate(c, t, differenceType);
  const r = alternative === 'two-sided' ? mixtureSprt(estimate, se, c.n + t.n, alpha, tuning) : mixtureSprtOneSided(estimate, se, c.n + t.n, alpha, tuning, alternative);
  return { control: c, treatment: t, estimate, standardError: se, ...r, n: c.n + t.n, alpha, tuning, differenceType, alternative };
}

/**
 * @internal The one-sided confidence sequence (Waudby-Smith et al. eq. 134, as gbstats'
 * `sequential_interval_halfwidth_one_sided`): ρ² from 2α in eq. 161, half-width
 * √(s² · 2(nρ² + 1)/(nρ)² · ln(1 + √(nρ² + 1)/(2α))). The p-value is the α at which the finite
 * bound reaches 0 with ρ held at its value for `alpha` (gbstats finds it by bisection; here in closed
 * form): α* = √(nρ² + 1) / (2(e^L − 1)), L = d̂²(nρ)²/(2 s²(nρ² + 1)); 1 when the estimate points
 * away from the alternative.
 */
export function mixtureSprtOneSided(
  estimate: number,
  se: number,
  n: number,
  alpha: number,
  tuning: number,
  alternative: 'greater' | 'less',
): { confidenceInterval: Interval; pValue: number; rho: number } {
  const la = -2 * Math.log(2 * alpha);
  const rho2 = Math.max(0, la + Math.log(la + 1)) / tuning;
  const tr = n * rho2 + 1;
  const s2 = se * se * n;
  const k = (2 * tr) / (n * n * rho2);
  const half = Math.sqrt(s2 * k * Math.log(1 + Math.sqrt(tr) / (2 * alpha)));
  const toward = alternative === 'greater' ? estimate > 0 : estimate < 0;
  let pValue: number;
  if (!toward) pValue = 1;
  else if (!(se > 0)) pValue = 0;
  else {
    const L = (estimate * estimate) / (s2 * k);
    pValue = Math.min(1, Math.sqrt(tr) / (2 * Math.expm1(L)));
  }
  const confidenceInterval = alternative === 'greater' ? { lower: estimate - half, upper: Infinity } : { lower: -Infinity, upper: estimate + half };
  return { confidenceInterval, pValue, rho: Math.sqrt(rho2) };
}

/** @internal The confidence sequence and p-value for an estimate, its SE and the total n. */
export function mixtureSprt(estimate: number, se: number, n: number, alpha: number, tuning: number): { confidenceInterval: Interval; pValue: number; rho: number } {
  const la = -2 * Math.log(alpha);
  const rho2 = (la + Math.log(la + 1)) / tuning;
  const tr = n * rho2 + 1;
  const s2 = se * se * n;
  const half = Math.sqrt(s2) * Math.sqrt(((2 * tr) / (n * n * rho2)) * Math.log(Math.sqrt(tr) / alpha));
  let pValue: number;
  if (se > 0) {
    const st2 = (estimate * estimate * n) / (se * se);
    // log E = ρ²·st2/(2 tr) − ½ ln tr ; p = min(1, exp(−log E))
    const logE = (rho2 * st2) / (2 * tr) - 0.5 * Math.log(tr);
    pValue = Math.min(1, Math.exp(-logE));
  } else {
    pValue = estimate === 0 ? 1 : 0;
  }
  return { confidenceInterval: { lower: estimate - half, upper: estimate + half }, pValue, rho: Math.sqrt(rho2) };
}
