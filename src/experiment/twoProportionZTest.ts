import { options as checkOptions, boolean as checkBoolean } from '../core/validate.js';
import { checkAlpha, checkAlternative, checkBinaryInput, pFromZ, relative, safeRatio } from './_common.js';
import { normalIsf } from './_dist.js';
import type { Alternative, BinaryInput, Interval } from './types.js';

/** Options of {@link twoProportionZTest}. @category Experiment */
export interface TwoProportionZTestOptions {
  /** Alternative hypothesis, treatment vs control. @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** 1 − confidence level of the intervals. @defaultValue 0.05 */
  alpha?: number;
  /**
   * Standard error of the test statistic: pooled under H0 (statsmodels `proportions_ztest`, the
   * classic test) or unpooled (Wald, statsmodels `test_proportions_2indep(method='wald')`).
   * @defaultValue true
   */
  pooled?: boolean;
}

/** One arm of a {@link TwoProportionZTestResult}. @category Experiment */
export interface ProportionArmResult {
  n: number;
  conversions: number;
  /** conversions / n. */
  rate: number;
}

/** Result of {@link twoProportionZTest}. @category Experiment */
export interface TwoProportionZTestResult {
  control: ProportionArmResult;
  treatment: ProportionArmResult;
  /** treatment rate − control rate. */
  difference: number;
  /** treatment rate / control rate − 1 (±Infinity when the control rate is 0 and the treatment's is not; 0 when both are 0). */
  relativeLift: number;
  /** Whether the statistic used the pooled standard error. */
  pooled: boolean;
  /** Standard error used by the statistic. */
  standardError: number;
  /** z = difference / standardError; 0 when both are 0 (then pValue is 1 for every alternative), ±Infinity when only the standard error is 0. */
  statistic: number;
  pValue: number;
  alternative: Alternative;
  alpha: number;
  /** Two-sided Wald interval for the difference (unpooled standard error). */
  waldInterval: Interval;
  /** Two-sided Newcombe hybrid-score interval for the difference (from Wilson intervals of each arm). */
  newcombeInterval: Interval;
}

const FN = 'experiment/twoProportionZTest';

function wilson(c: number, n: number, z: number): Interval {
  const p = c / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, center - half), upper: Math.min(1, center + half) };
}

/**
 * Two-sample z test for a difference in conversion rates, with Wald and Newcombe–Wilson
 * confidence intervals for the difference.
 *
 * @remarks
 * z = (p̂_T − p̂_C) / SE with SE = √(p̄(1 − p̄)(1/n_C + 1/n_T)) pooled (p̄ = total conversions / total
 * n) or √(p̂_C(1 − p̂_C)/n_C + p̂_T(1 − p̂_T)/n_T) unpooled; p-values from the standard normal.
 * Intervals are two-sided at 1 − alpha whatever the alternative (as statsmodels'
 * `confint_proportions_2indep`). Newcombe's method (1998, method 10) combines the Wilson score
 * intervals of the two rates; unlike Wald it stays inside [−1, 1] and behaves at 0% and 100%.
 * Each arm is a `{ n, conversions }` summary or a raw per-user array of 0/1 (or booleans), which
 * is counted first; both paths give identical results. Degenerate data: when both arms are at 0% (or both at 100%) the standard error is 0 and the
 * result is statistic 0 and p-value 1 for every alternative (the data say nothing about either direction, so a
 * one-sided p is 1 too, not the 0.5 that z = 0 would give), never NaN. O(1).
 * @see statsmodels `proportions_ztest`, `test_proportions_2indep(method='wald')`,
 * `confint_proportions_2indep(method='wald' | 'newcomb')`
 * @throws {@link InvalidInputError} when an n is not a positive integer or conversions are negative, fractional or above n,
 * or a raw arm is empty or has an entry other than 0, 1, true, false (NaN, holes, 2, '1'), named by index
 * @throws {@link InvalidOptionError} on an unknown option, an alpha outside (0, 1) or an unknown alternative
 * @example
 * ```ts
 * import { twoProportionZTest } from 'crmkit/experiment';
 * const r = twoProportionZTest({ n: 21306, conversions: 122 }, { n: 21387, conversions: 189 });
 * r.statistic.toFixed(5); // => '3.77956'
 * r.pValue.toExponential(4); // => '1.5711e-4'
 * // raw per-user outcomes (0/1 or booleans) work too
 * twoProportionZTest([0, 0, 1, 0], [true, false, true, true]).treatment; // => { n: 4, conversions: 3, rate: 0.75 }
 * ```
 * @category Experiment
 */
export function twoProportionZTest(
  control: BinaryInput,
  treatment: BinaryInput,
  options?: TwoProportionZTestOptions,
): TwoProportionZTestResult {
  const o = checkOptions(FN, options, ['alternative', 'alpha', 'pooled']);
  const c = checkBinaryInput(FN, 'control', control);
  const t = checkBinaryInput(FN, 'treatment', treatment);
  const alternative = checkAlternative(FN, o.alternative);
  const alpha = checkAlpha(FN, o.alpha);
  const pooled = o.pooled === undefined ? true : checkBoolean(FN, 'options.pooled', o.pooled);

  const pc = c.conversions / c.n;
  const pt = t.conversions / t.n;
  const difference = pt - pc;
  const seUnpooled = Math.sqrt((pc * (1 - pc)) / c.n + (pt * (1 - pt)) / t.n);
  let se = seUnpooled;
  if (pooled) {
    const pbar = (c.conversions + t.conversions) / (c.n + t.n);
    se = Math.sqrt(pbar * (1 - pbar) * (1 / c.n + 1 / t.n));
  }
  const statistic = safeRatio(difference, se);
  const pValue = pFromZ(statistic, alternative, difference === 0 && se === 0);

  const z = normalIsf(alpha / 2);
  const wc = wilson(c.conversions, c.n, z);
  const wt = wilson(t.conversions, t.n, z);
  const newcombeInterval = {
    lower: difference - Math.sqrt((pt - wt.lower) ** 2 + (wc.upper - pc) ** 2),
    upper: difference + Math.sqrt((wt.upper - pt) ** 2 + (pc - wc.lower) ** 2),
  };
  return {
    control: { n: c.n, conversions: c.conversions, rate: pc },
    treatment: { n: t.n, conversions: t.conversions, rate: pt },
    difference,
    relativeLift: relative(pc, pt),
    pooled,
    standardError: se,
    statistic,
    pValue,
    alternative,
    alpha,
    waldInterval: { lower: difference - z * seUnpooled, upper: difference + z * seUnpooled },
    newcombeInterval,
  };
}
