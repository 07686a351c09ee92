import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { integerInRange, numberInRange, oneOf, openUnitInterval, options as checkOptions } from '../core/validate.js';
import { checkAlpha, checkAlternative, isObject } from './_common.js';
import { normalPower, rounded, solveSampleSize, tIsf, tPower } from './_power.js';
import type { Alternative } from './types.js';

/** What to plan for in {@link sampleSizeForMeans}. @category Experiment */
export interface MeanPlan {
  /** Per-user standard deviation of the metric (> 0), e.g. from a pre-period. */
  sd: number;
  /** Minimum detectable difference in means (treatment − control), non-zero. */
  mde: number;
}

/** Options of {@link sampleSizeForMeans}. @category Experiment */
export interface SampleSizeForMeansOptions {
  /** @defaultValue 0.05 */
  alpha?: number;
  /** Number of tests the result will be corrected over (treatment arms × metrics): each runs at alpha / comparisons (Bonferroni); the result's `alpha` is that per-test level. @defaultValue 1 */
  comparisons?: number;
  /** @defaultValue 0.8 */
  power?: number;
  /** nTreatment / nControl. @defaultValue 1 */
  ratio?: number;
  /** @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** 'z' (normal approximation, statsmodels NormalIndPower) or 't' (noncentral t, statsmodels TTestIndPower). @defaultValue 't' */
  distribution?: 'z' | 't';
}

/** Result of {@link sampleSizeForMeans}. @category Experiment */
export interface SampleSizeForMeansResult {
  nControl: number;
  nTreatment: number;
  total: number;
  nControlRaw: number;
  nTreatmentRaw: number;
  /** Standardized effect mde / sd (Cohen's d). */
  effectSize: number;
  distribution: 'z' | 't';
  alpha: number;
  power: number;
  ratio: number;
  alternative: Alternative;
}

const FN = 'experiment/sampleSizeForMeans';

/** @internal */
export function resolveMeanOptions(fn: string, o: Partial<SampleSizeForMeansOptions>) {
  return {
    // Bonferroni across `comparisons` tests (arms × metrics): each test runs at alpha / comparisons
    alpha: checkAlpha(fn, o.alpha) / (o.comparisons === undefined ? 1 : integerInRange(fn, 'options.comparisons', o.comparisons, { min: 1, max: 1e6 })),
    power: o.power === undefined ? 0.8 : openUnitInterval(fn, 'options.power', o.power),
    ratio: o.ratio === undefined ? 1 : numberInRange(fn, 'options.ratio', o.ratio, { min: 0, minExclusive: true }),
    alternative: checkAlternative(fn, o.alternative),
    distribution: o.distribution === undefined ? ('t' as const) : oneOf(fn, 'options.distribution', o.distribution, ['z', 't'] as const),
  };
}

/** @internal Power of the mean test for effect size d (in the alternative's direction) at control size n. */
export function meanPower(distribution: 'z' | 't', d: number, n: number, ratio: number, alpha: number, alternative: Alternative): number {
  const twoSided = alternative === 'two-sided';
  const dd = twoSided ? Math.abs(d) : d;
  if (distribution === 'z') return normalPower(dd, 1 / (1 / n + 1 / (n * ratio)), alpha, twoSided);
  return tPower(dd, n, ratio, alpha, twoSided);
}

/**
 * Users per arm needed to detect a difference in means (revenue per user, sessions) with the given power.
 *
 * @remarks d = mde/sd. 'z': power = Φ(d√ñ − z) (+ the far tail when two-sided), Ñ = 1/(1/n_C + 1/n_T);
 * 't': the noncentral t with df = n_C + n_T − 2 and noncentrality d√Ñ (its tail probability is a 1-D
 * integral over the χ² law, by adaptive Gauss–Kronrod). n is solved by bisection to machine precision.
 * @see statsmodels `NormalIndPower` / `TTestIndPower().solve_power`
 * @throws {@link InvalidInputError} when sd ≤ 0 or mde is 0 or not finite
 * @throws {@link InvalidOptionError} on alpha / power outside (0, 1), ratio ≤ 0, or a one-sided alternative against the mde's sign
 * @example
 * ```ts
 * import { sampleSizeForMeans } from 'crmkit/experiment';
 * sampleSizeForMeans({ sd: 2, mde: 0.5 }, { distribution: 'z' }).nControl; // => 252
 * sampleSizeForMeans({ sd: 2, mde: 0.5 }).nControl; // => 253
 * ```
 * @category Experiment
 */
export function sampleSizeForMeans(plan: MeanPlan, options?: SampleSizeForMeansOptions): SampleSizeForMeansResult {
  const o = resolveMeanOptions(FN, checkOptions(FN, options, ['alpha', 'power', 'ratio', 'alternative', 'distribution', 'comparisons']));
  if (!isObject(plan)) throw new InvalidInputError(FN, 'plan must be an object { sd, mde }', plan);
  const sd = numberInRange(FN, 'plan.sd', plan.sd, { min: 0, minExclusive: true });
  const mde = numberInRange(FN, 'plan.mde', plan.mde, {});
  if (mde === 0) throw new InvalidInputError(FN, 'plan.mde must not be 0', mde);
  if ((o.alternative === 'greater' && mde < 0) || (o.alternative === 'less' && mde > 0)) {
    throw new InvalidOptionError(FN, `options.alternative '${o.alternative}' contradicts the sign of plan.mde`, o.alternative);
  }
  const d = o.alternative === 'less' ? -mde / sd : mde / sd;
  const fz = (n: number): number => meanPower('z', d, n, o.ratio, o.alpha, o.alternative) - o.power;
  const z = solveSampleSize(FN, fz, 1e-9, 4, o.ratio);
  let solved = z;
  if (o.distribution === 't') {
    // the t answer is the z answer plus a correction that tends to z_crit²/(2(1 + ratio)) (Guenther 1981);
    // past 1e10 degrees of freedom the rest of it is below 1e-9 users, so it is added in closed form
    const df = z.nControlRaw * (1 + o.ratio);
    if (df > 1e10) {
      const zc = tIsf(o.alternative === 'two-sided' ? o.alpha / 2 : o.alpha, Infinity);
      const nControlRaw = z.nControlRaw + (zc * zc) / (2 * (1 + o.ratio));
      solved = rounded(nControlRaw, o.ratio);
    } else {
      const f = (n: number): number => meanPower('t', d, n, o.ratio, o.alpha, o.alternative) - o.power;
      // the t test needs df = n(1 + ratio) − 2 ≥ 1; its power is below the z test's, so its n is above z's
      const nMin = Math.max(3 / (1 + o.ratio), z.nControlRaw);
      solved = solveSampleSize(FN, f, nMin, 2 * nMin, o.ratio);
    }
  }
  return {
    ...solved,
    effectSize: mde / sd,
    distribution: o.distribution,
    alpha: o.alpha,
    power: o.power,
    ratio: o.ratio,
    alternative: o.alternative,
  };
}
