import { InvalidInputError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';
import { checkAlpha, checkAlternative, checkMeanInput, checkProportion, isObject, pFromZ, relative, safeRatio } from './_common.js';
import { normalIsf } from './_dist.js';
import type { Alternative, ArmMoments, Interval, MeanInput, ProportionSummary } from './types.js';

/** Options of {@link relativeLift}. @category Experiment */
export interface RelativeLiftOptions {
  /** @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** @defaultValue 0.05 */
  alpha?: number;
}

/** Result of {@link relativeLift}. @category Experiment */
export interface RelativeLiftResult {
  /** (treatment − control) / |control|: treatment / control − 1 for a positive control; for a negative one the sign follows the difference (−10 → −5 is +0.5, as gbstats). */
  lift: number;
  /** Delta-method standard error of the lift. */
  standardError: number;
  /** lift / standardError. */
  statistic: number;
  pValue: number;
  /** Normal interval lift ± z·SE (one-sided for 'greater' / 'less'). */
  confidenceInterval: Interval;
  alternative: Alternative;
  alpha: number;
}

const FN = 'experiment/relativeLift';

/** @internal Moments of a conversion arm (variance p(1 − p), as GrowthBook) or of a continuous arm. */
export function armMoments(fn: string, name: string, x: unknown, scale = 1): ArmMoments {
  if (isObject(x) && 'conversions' in x) {
    const p = checkProportion(fn, name, x);
    const rate = p.conversions / p.n;
    return { n: p.n, mean: rate, variance: rate * (1 - rate) };
  }
  return checkMeanInput(fn, name, x, 2, undefined, scale);
}

/** @internal Delta-method lift on resolved moments. */
export function liftFromMoments(c: ArmMoments, t: ArmMoments, alternative: Alternative, alpha: number): RelativeLiftResult {
  if (c.mean === 0) throw new InvalidInputError(FN, 'control mean must not be 0 for a relative lift', c.mean);
  const lift = relative(c.mean, t.mean); // (t − c)/|c|: the sign of the difference (gbstats)
  const vC = c.variance / c.n;
  const vT = t.variance / t.n;
  const m2 = c.mean * c.mean;
  const se = Math.sqrt(vT / m2 + (t.mean * t.mean * vC) / (m2 * m2));
  const statistic = safeRatio(lift, se);
  let confidenceInterval: Interval;
  if (alternative === 'two-sided') {
    const z = normalIsf(alpha / 2);
    confidenceInterval = { lower: lift - z * se, upper: lift + z * se };
  } else {
    const z = normalIsf(alpha);
    confidenceInterval = alternative === 'greater' ? { lower: lift - z * se, upper: Infinity } : { lower: -Infinity, upper: lift + z * se };
  }
  return { lift, standardError: se, statistic, pValue: pFromZ(statistic, alternative, lift === 0 && se === 0), confidenceInterval, alternative, alpha };
}

/**
 * Relative lift ((treatment − control) / |control|, i.e. treatment / control − 1 for positive metrics) with its delta-method standard error, interval and
 * p-value, for conversion (`{ n, conversions }`) or continuous metrics (raw values or summaries).
 *
 * @remarks Var(μ̂_T/μ̂_C) ≈ Var(μ̂_T)/μ_C² + μ_T²·Var(μ̂_C)/μ_C⁴ (first-order Taylor expansion,
 * arms independent), Var(μ̂) = s²/n; conversions use s² = p(1 − p). O(n) on raw data, O(1) on summaries.
 * @see GrowthBook gbstats `frequentist_variance` (relative difference); Deng et al., "Applying the Delta Method in Metric Analytics" (KDD 2018)
 * @throws {@link InvalidInputError} on invalid arms, or a control mean of 0 (the lift is undefined)
 * @throws {@link InvalidOptionError} on invalid alpha / alternative
 * @example
 * ```ts
 * import { relativeLift } from 'crmkit/experiment';
 * const r = relativeLift({ n: 21306, conversions: 122 }, { n: 21387, conversions: 189 });
 * r.lift.toFixed(4); // => '0.5433'
 * ```
 * @category Experiment
 */
export function relativeLift(
  control: MeanInput | ProportionSummary,
  treatment: MeanInput | ProportionSummary,
  options?: RelativeLiftOptions,
): RelativeLiftResult {
  const o = checkOptions(FN, options, ['alternative', 'alpha']);
  const c = armMoments(FN, 'control', control);
  const t = armMoments(FN, 'treatment', treatment);
  return liftFromMoments(c, t, checkAlternative(FN, o.alternative), checkAlpha(FN, o.alpha));
}

/** @internal The difference of means (absolute, or relative by the delta method) and its standard error. */
export function differenceEstimate(c: ArmMoments, t: ArmMoments, differenceType: 'absolute' | 'relative'): { estimate: number; se: number } {
  if (differenceType === 'absolute') return { estimate: t.mean - c.mean, se: Math.sqrt(t.variance / t.n + c.variance / c.n) };
  const l = liftFromMoments(c, t, 'two-sided', 0.05);
  return { estimate: l.lift, se: l.standardError };
}
