import { boolean as checkBoolean, options as checkOptions } from '../core/validate.js';
import { checkAlpha, checkAlternative, checkMeanInput, magnitudeScale, pFromT, relative, safeRatio, tInterval } from './_common.js';
import type { Alternative, ArmMoments, Interval, MeanInput } from './types.js';

/** Options of {@link welchTTest}. @category Experiment */
export interface WelchTTestOptions {
  /** Alternative hypothesis, treatment vs control. @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** 1 − confidence level. @defaultValue 0.05 */
  alpha?: number;
  /** Assume equal variances (Student's t test, pooled variance, df = n_C + n_T − 2) instead of Welch's. @defaultValue false */
  equalVariance?: boolean;
}

/** Result of {@link welchTTest}. @category Experiment */
export interface WelchTTestResult {
  control: ArmMoments;
  treatment: ArmMoments;
  /** treatment mean − control mean. */
  difference: number;
  /** treatment mean / control mean − 1 (±Infinity / 0 conventions when the control mean is 0). */
  relativeLift: number;
  standardError: number;
  /** t = difference / standardError (0 when both are 0; ±Infinity when only the standard error is 0). */
  statistic: number;
  /** Welch–Satterthwaite df (or n_C + n_T − 2 for Student, and when both variances are 0). */
  df: number;
  pValue: number;
  /** Interval for the difference at 1 − alpha; one-sided (an infinite end) for 'greater' / 'less'. */
  confidenceInterval: Interval;
  alternative: Alternative;
  alpha: number;
  equalVariance: boolean;
  /** Problems with the input that did not stop the test, e.g. a variance from sums lost to cancellation (then its upper bound is used). Empty when none. */
  warnings: string[];
}

const FN = 'experiment/welchTTest';

/**
 * Welch's (default) or Student's two-sample t test on a continuous metric (revenue, sessions), from
 * raw per-user values or from summaries `{ n, mean, sd }` / `{ n, sum, sumSquares }`.
 *
 * @remarks
 * Welch: SE = √(s²_C/n_C + s²_T/n_T), df = SE⁴ / (s⁴_C/(n_C²(n_C − 1)) + s⁴_T/(n_T²(n_T − 1))).
 * Student: pooled s² = ((n_C − 1)s²_C + (n_T − 1)s²_T)/(n_C + n_T − 2), SE = s·√(1/n_C + 1/n_T).
 * The interval is difference ± t_{1−α/2, df}·SE (two-sided) or one-sided for 'greater'/'less',
 * matching statsmodels' `CompareMeans.tconfint_diff`. Each arm needs n ≥ 2. Zero variance in both
 * arms gives SE = 0: statistic 0 / p-value 1 (every alternative) when the means are equal, ±Infinity / 0 otherwise.
 * Sums whose centred sum of squares is below −1e-9·Σx² are rejected; within ±1e-9·Σx² the variance
 * is lost to cancellation (huge mean, tiny spread): its upper bound is used and `warnings` says so.
 * Values beyond ~1e135 (or below ~1e-135) are rescaled by a power of two before squaring, so the
 * test stays finite up to the largest doubles (an arm variance above 1.8e308 is then reported as Infinity).
 * O(n) on raw data, O(1) on summaries.
 * @see scipy `ttest_ind(equal_var=False)` / `ttest_ind_from_stats`; statsmodels `CompareMeans`
 * @throws {@link InvalidInputError} on non-finite values, fewer than 2 values per arm, a negative sd, or impossible sums
 * @throws {@link InvalidOptionError} on an unknown option, alpha outside (0, 1) or an unknown alternative
 * @example
 * ```ts
 * import { welchTTest } from 'crmkit/experiment';
 * const r = welchTTest({ n: 1000, mean: 5, sd: 2 }, { n: 1200, mean: 5.2, sd: 2.5 });
 * r.df.toFixed(3); // => '2194.419'
 * r.pValue < 0.05; // => true
 * welchTTest([1, 2, 3, 4], [2, 3, 4, 5], { equalVariance: true }).df; // => 6
 * ```
 * @category Experiment
 */
export function welchTTest(control: MeanInput, treatment: MeanInput, options?: WelchTTestOptions): WelchTTestResult {
  const o = checkOptions(FN, options, ['alternative', 'alpha', 'equalVariance']);
  const warnings: string[] = [];
  const s = magnitudeScale(control, treatment);
  const c = checkMeanInput(FN, 'control', control, 2, warnings, s);
  const t = checkMeanInput(FN, 'treatment', treatment, 2, warnings, s);
  const alternative = checkAlternative(FN, o.alternative);
  const alpha = checkAlpha(FN, o.alpha);
  const equalVariance = o.equalVariance === undefined ? false : checkBoolean(FN, 'options.equalVariance', o.equalVariance);
  const r = tTestFromMoments(c, t, alternative, alpha, equalVariance);
  r.warnings = warnings;
  if (s === 1) return r;
  // back to the data's units (statistic, df and p are scale-free)
  const back = (m: typeof c) => ({ n: m.n, mean: m.mean * s, variance: m.variance * s * s });
  return {
    ...r,
    control: back(c),
    treatment: back(t),
    difference: r.difference * s,
    standardError: r.standardError * s,
    confidenceInterval: { lower: r.confidenceInterval.lower * s, upper: r.confidenceInterval.upper * s },
  };
}

/** @internal The t test on resolved moments (shared with analyzeExperiment). */
export function tTestFromMoments(c: ArmMoments, t: ArmMoments, alternative: Alternative, alpha: number, equalVariance: boolean): WelchTTestResult {
  const difference = t.mean - c.mean;
  let se: number;
  let df: number;
  if (equalVariance) {
    df = c.n + t.n - 2;
    const s2 = ((c.n - 1) * c.variance + (t.n - 1) * t.variance) / df;
    se = Math.sqrt(s2 * (1 / c.n + 1 / t.n));
  } else {
    const vc = c.variance / c.n;
    const vt = t.variance / t.n;
    se = Math.sqrt(vc + vt);
    const den = (vc * vc) / (c.n - 1) + (vt * vt) / (t.n - 1);
    df = den > 0 ? ((vc + vt) * (vc + vt)) / den : c.n + t.n - 2;
  }
  const statistic = safeRatio(difference, se);
  const pValue = pFromT(statistic, df, alternative, difference === 0 && se === 0);
  const confidenceInterval = tInterval(difference, se, df, alternative, alpha);
  return {
    control: c,
    treatment: t,
    difference,
    relativeLift: relative(c.mean, t.mean),
    standardError: se,
    statistic,
    df,
    pValue,
    confidenceInterval,
    alternative,
    alpha,
    equalVariance,
    warnings: [],
  };
}
