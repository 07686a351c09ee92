import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { integerInRange, numberInRange, oneOf, openUnitInterval, options as checkOptions } from '../core/validate.js';
import { checkAlpha, checkAlternative, isObject } from './_common.js';
import { proportionPower, solveSampleSize, type ProportionPowerVariant } from './_power.js';
import type { Alternative } from './types.js';

export type { ProportionPowerVariant } from './_power.js';

/** What to plan for in {@link sampleSizeForProportions}. @category Experiment */
export interface ProportionPlan {
  /** Control conversion rate, in (0, 1). */
  baseline: number;
  /** Minimum detectable effect: treatment − baseline (absolute) or treatment / baseline − 1 (relative); non-zero. */
  mde: number;
}

/** Options shared by the proportion planning functions. @category Experiment */
export interface ProportionPlanOptions {
  /** Whether `mde` is absolute (rate points) or relative (fraction of the baseline). @defaultValue 'absolute' */
  mdeType?: 'absolute' | 'relative';
  /** Significance level (of the whole family when `comparisons` > 1). @defaultValue 0.05 */
  alpha?: number;
  /** Number of tests the result will be corrected over (treatment arms × metrics): each runs at alpha / comparisons (Bonferroni). The result's `alpha` is that per-test level. @defaultValue 1 */
  comparisons?: number;
  /** Target power, in (0, 1). @defaultValue 0.8 */
  power?: number;
  /** Allocation ratio nTreatment / nControl (> 0). @defaultValue 1 */
  ratio?: number;
  /** @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** Formula: 'pooled' (Fleiss, SE under H0 pooled), 'unpooled', or 'cohen-h' (arcsine effect size, statsmodels NormalIndPower). @defaultValue 'pooled' */
  variant?: ProportionPowerVariant;
}

/** Result of {@link sampleSizeForProportions}. @category Experiment */
export interface SampleSizeForProportionsResult {
  /** Users needed in control, rounded up. */
  nControl: number;
  /** Users needed in treatment, rounded up (⌈ratio·nControlRaw⌉). */
  nTreatment: number;
  /** nControl + nTreatment. */
  total: number;
  /** The exact real-valued solution for control, before rounding. */
  nControlRaw: number;
  nTreatmentRaw: number;
  baseline: number;
  /** The treatment rate the test is powered to detect. */
  treatmentRate: number;
  variant: ProportionPowerVariant;
  alpha: number;
  power: number;
  ratio: number;
  alternative: Alternative;
}

const FN = 'experiment/sampleSizeForProportions';
export const PLAN_KEYS = ['mdeType', 'alpha', 'power', 'ratio', 'alternative', 'variant', 'comparisons'] as const;
export const VARIANTS = ['pooled', 'unpooled', 'cohen-h'] as const;

/** @internal Resolved proportion-plan options. */
export interface ResolvedPlan {
  p1: number;
  p2: number;
  alpha: number;
  power: number;
  ratio: number;
  alternative: Alternative;
  variant: ProportionPowerVariant;
}

/** @internal */
export function resolvePlanOptions(fn: string, o: Partial<ProportionPlanOptions>): Omit<ResolvedPlan, 'p1' | 'p2'> & { mdeType: 'absolute' | 'relative' } {
  return {
    mdeType: o.mdeType === undefined ? 'absolute' : oneOf(fn, 'options.mdeType', o.mdeType, ['absolute', 'relative'] as const),
    // Bonferroni across `comparisons` tests (arms × metrics): each test runs at alpha / comparisons
    alpha: checkAlpha(fn, o.alpha) / (o.comparisons === undefined ? 1 : integerInRange(fn, 'options.comparisons', o.comparisons, { min: 1, max: 1e6 })),
    power: o.power === undefined ? 0.8 : openUnitInterval(fn, 'options.power', o.power),
    ratio: o.ratio === undefined ? 1 : numberInRange(fn, 'options.ratio', o.ratio, { min: 0, minExclusive: true }),
    alternative: checkAlternative(fn, o.alternative),
    variant: o.variant === undefined ? 'pooled' : oneOf(fn, 'options.variant', o.variant, VARIANTS),
  };
}

/** @internal Validates the plan and the direction of the effect against the alternative. */
export function resolvePlan(fn: string, plan: unknown, options: unknown): ResolvedPlan {
  const o = checkOptions(fn, options as ProportionPlanOptions | undefined, PLAN_KEYS);
  const r = resolvePlanOptions(fn, o);
  if (!isObject(plan)) throw new InvalidInputError(fn, 'plan must be an object { baseline, mde }', plan);
  const p1 = openUnitInterval(fn, 'plan.baseline', plan.baseline);
  const mde = numberInRange(fn, 'plan.mde', plan.mde, {});
  if (mde === 0) throw new InvalidInputError(fn, 'plan.mde must not be 0', mde);
  const p2 = r.mdeType === 'absolute' ? p1 + mde : p1 * (1 + mde);
  if (!(p2 > 0 && p2 < 1)) throw new InvalidInputError(fn, `plan.mde puts the treatment rate at ${p2}, outside (0, 1)`, mde);
  if ((r.alternative === 'greater' && p2 < p1) || (r.alternative === 'less' && p2 > p1)) {
    throw new InvalidOptionError(fn, `options.alternative '${r.alternative}' contradicts the sign of plan.mde`, r.alternative);
  }
  return { p1, p2, alpha: r.alpha, power: r.power, ratio: r.ratio, alternative: r.alternative, variant: r.variant };
}

/**
 * Users per arm needed to detect a change in a conversion rate with the given power.
 *
 * @remarks Solves power(n) = target for the real n (bisection to machine precision) with the
 * chosen, named formula, where power counts both rejection tails when two-sided:
 * - `'pooled'` (Fleiss): power = Φ((|Δ| − z·SE₀)/SE₁) + Φ((−|Δ| − z·SE₀)/SE₁), SE₀ from the
 *   allocation-weighted mean rate, SE₁ = √(p_C q_C/n_C + p_T q_T/n_T);
 * - `'unpooled'`: SE₀ = SE₁;
 * - `'cohen-h'`: statsmodels `NormalIndPower` with h = 2·asin√p_T − 2·asin√p_C.
 * Without the far tail the pooled formula has the textbook closed form
 * n = (z_{α/2}√(p̄q̄(1 + 1/r)) + z_β√(p_C q_C + p_T q_T/r))² / Δ²; the far tail changes n by ~1e-6 relative.
 * @see statsmodels `NormalIndPower().solve_power`, `proportion_effectsize`; Fleiss, Levin & Paik (2003) §4.2
 * @throws {@link InvalidInputError} when the baseline is outside (0, 1), mde is 0, or the treatment rate falls outside (0, 1)
 * @throws {@link InvalidOptionError} when alpha or power are outside (0, 1), ratio ≤ 0, or a one-sided alternative contradicts the mde's sign
 * @example
 * ```ts
 * import { sampleSizeForProportions } from 'crmkit/experiment';
 * const r = sampleSizeForProportions({ baseline: 0.1, mde: 0.02 });
 * [r.nControl, r.nTreatment]; // => [3841, 3841]
 * sampleSizeForProportions({ baseline: 0.1, mde: 0.2 }, { mdeType: 'relative', variant: 'cohen-h' }).nControl; // => 3835
 * ```
 * @category Experiment
 */
export function sampleSizeForProportions(plan: ProportionPlan, options?: ProportionPlanOptions): SampleSizeForProportionsResult {
  const r = resolvePlan(FN, plan, options);
  const f = (n: number): number => proportionPower(r.variant, r.p1, r.p2, n, r.ratio, r.alpha, r.alternative) - r.power;
  return {
    ...solveSampleSize(FN, f, 1e-9, 2, r.ratio),
    baseline: r.p1,
    treatmentRate: r.p2,
    variant: r.variant,
    alpha: r.alpha,
    power: r.power,
    ratio: r.ratio,
    alternative: r.alternative,
  };
}
