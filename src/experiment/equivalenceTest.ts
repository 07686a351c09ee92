import { InvalidOptionError } from '../core/errors.js';
import { boolean as checkBoolean, numberInRange, options as checkOptions } from '../core/validate.js';
import { checkAlpha, isObject } from './_common.js';
import { normalCdf, normalIsf, normalSf, studentTCdf, studentTIsf, studentTSf } from './_dist.js';
import { marginEstimate } from './_margin.js';
import type { ArmMoments, BinaryInput, Interval, MeanInput } from './types.js';

/** Options of {@link equivalenceTest}. @category Experiment */
export interface EquivalenceTestOptions {
  /** Equivalence bounds on treatment − control: `m` means (−m, m); or explicit `{ lower, upper }` with lower < upper. */
  margin: number | { lower: number; upper: number };
  /** Level of each one-sided test. @defaultValue 0.05 */
  alpha?: number;
  /** Means: Student's pooled-variance t instead of Welch's. @defaultValue false */
  equalVariance?: boolean;
  /** Proportions: 'wald' or 'agresti-caffo'. @defaultValue 'wald' */
  method?: 'wald' | 'agresti-caffo';
}

/** One of the two one-sided tests of a {@link EquivalenceTestResult}. @category Experiment */
export interface OneSidedTest {
  /** (difference − bound) / standardError. */
  statistic: number;
  pValue: number;
}

/** Result of {@link equivalenceTest}. @category Experiment */
export interface EquivalenceTestResult {
  kind: 'proportions' | 'means';
  control: ArmMoments;
  treatment: ArmMoments;
  /** treatment − control (Agresti–Caffo: of the adjusted rates). */
  difference: number;
  standardError: number;
  /** Degrees of freedom of the t tests; Infinity for the z tests of proportions. */
  df: number;
  margin: Interval;
  /** H0: difference ≤ margin.lower vs H1: difference > margin.lower. */
  lower: OneSidedTest;
  /** H0: difference ≥ margin.upper vs H1: difference < margin.upper. */
  upper: OneSidedTest;
  /** max of the two one-sided p-values. */
  pValue: number;
  /** pValue < alpha: the difference lies inside the margin. */
  equivalent: boolean;
  /** The 1 − 2α interval of the difference (inside the margin exactly when equivalent). */
  confidenceInterval: Interval;
  alpha: number;
  method: string;
  warnings: string[];
}

const FN = 'experiment/equivalenceTest';

/** @internal Margin `m` or `{ lower, upper }` as an interval. */
export function checkMargin(fn: string, x: unknown): Interval {
  if (typeof x === 'number') {
    const m = numberInRange(fn, 'options.margin', x, { min: 0, minExclusive: true });
    return { lower: -m, upper: m };
  }
  if (!isObject(x)) throw new InvalidOptionError(fn, 'options.margin must be a positive number or { lower, upper }', x);
  const lower = numberInRange(fn, 'options.margin.lower', x.lower, {});
  const upper = numberInRange(fn, 'options.margin.upper', x.upper, {});
  if (!(lower < upper)) throw new InvalidOptionError(fn, 'options.margin.lower must be below options.margin.upper', x);
  return { lower, upper };
}

/** @internal Upper-tail p of a statistic (z when df is Infinity); the infinite statistics of SE 0 handled. */
export function sfOf(s: number, df: number): number {
  if (df === Infinity || !Number.isFinite(s)) return normalSf(s);
  return studentTSf(s, df);
}
/** @internal Lower-tail p. */
export function cdfOf(s: number, df: number): number {
  if (df === Infinity || !Number.isFinite(s)) return normalCdf(s);
  return studentTCdf(s, df);
}
/** @internal Critical value for a one-sided level. */
export function critOf(alpha: number, df: number): number {
  return df === Infinity ? normalIsf(alpha) : studentTIsf(alpha, df);
}
/** @internal (d − b)/se with ±Infinity for se = 0 (d = b counts as no evidence: 0). */
export function marginStatistic(d: number, b: number, se: number): number {
  if (se > 0) return (d - b) / se;
  return d === b ? 0 : d > b ? Infinity : -Infinity;
}

/**
 * Equivalence test (two one-sided tests, TOST): is the difference between arms inside a margin the
 * business does not care about? For conversion rates (`{ n, conversions }` or raw 0/1) or
 * continuous metrics (raw values or summaries).
 *
 * @remarks Two tests at level α: H0 Δ ≤ lower (statistic (Δ − lower)/SE, upper-tail p) and
 * H0 Δ ≥ upper ((Δ − upper)/SE, lower-tail p); equivalence when both reject, i.e. p = max < α, i.e.
 * the 1 − 2α interval lies inside the margin. Means: Welch (or Student) t; proportions: Wald or
 * Agresti–Caffo z. O(n) on raw data, O(1) on summaries.
 * @see statsmodels `ttost_ind(x1, x2, low, upp, usevar)` and `tost_proportions_2indep(…, method)` (x1 = treatment); Schuirmann (1987)
 * @throws {@link InvalidInputError} on invalid arms (see {@link twoProportionZTest}, {@link welchTTest})
 * @throws {@link InvalidOptionError} on a missing or non-positive margin, lower ≥ upper, alpha outside (0, 1), an unknown method
 * @example
 * ```ts
 * import { equivalenceTest } from 'crmkit/experiment';
 * const r = equivalenceTest({ n: 5000, conversions: 500 }, { n: 5000, conversions: 510 }, { margin: 0.02 });
 * r.equivalent; // => true
 * r.pValue.toFixed(6); // => '0.001410'
 * ```
 * @category Experiment
 */
export function equivalenceTest(
  control: BinaryInput | MeanInput,
  treatment: BinaryInput | MeanInput,
  options: EquivalenceTestOptions,
): EquivalenceTestResult {
  const o = checkOptions(FN, options, ['margin', 'alpha', 'equalVariance', 'method']);
  const margin = checkMargin(FN, o.margin);
  const alpha = checkAlpha(FN, o.alpha);
  const equalVariance = o.equalVariance === undefined ? false : checkBoolean(FN, 'options.equalVariance', o.equalVariance);
  const e = marginEstimate(FN, control, treatment, o.method, equalVariance);
  const d = e.difference;
  const se = e.standardError;
  const s1 = marginStatistic(d, margin.lower, se);
  const s2 = marginStatistic(d, margin.upper, se);
  const lower = { statistic: s1, pValue: sfOf(s1, e.df) };
  const upper = { statistic: s2, pValue: cdfOf(s2, e.df) };
  const pValue = Math.max(lower.pValue, upper.pValue);
  const q = critOf(alpha, e.df);
  return {
    kind: e.kind,
    control: e.control,
    treatment: e.treatment,
    difference: d,
    standardError: se,
    df: e.df,
    margin,
    lower,
    upper,
    pValue,
    equivalent: pValue < alpha,
    confidenceInterval: { lower: d - q * se, upper: d + q * se },
    alpha,
    method: e.method,
    warnings: e.warnings,
  };
}
