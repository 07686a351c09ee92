import { boolean as checkBoolean, numberInRange, options as checkOptions } from '../core/validate.js';
import { checkAlpha } from './_common.js';
import { cdfOf, critOf, marginStatistic, sfOf } from './equivalenceTest.js';
import { marginEstimate } from './_margin.js';
import type { ArmMoments, BinaryInput, Interval, MeanInput } from './types.js';

/** Options of {@link nonInferiorityTest}. @category Experiment */
export interface NonInferiorityTestOptions {
  /** How much worse the treatment may be and still count as not worse (> 0, in the metric's units: rate points for conversions). */
  margin: number;
  /** Whether larger is better; false for churn, latency, unsubscribes. @defaultValue true */
  higherIsBetter?: boolean;
  /** One-sided level. @defaultValue 0.05 */
  alpha?: number;
  /** Means: Student's pooled-variance t instead of Welch's. @defaultValue false */
  equalVariance?: boolean;
  /** Proportions: 'wald' or 'agresti-caffo'. @defaultValue 'wald' */
  method?: 'wald' | 'agresti-caffo';
}

/** Result of {@link nonInferiorityTest}. @category Experiment */
export interface NonInferiorityTestResult {
  kind: 'proportions' | 'means';
  control: ArmMoments;
  treatment: ArmMoments;
  /** treatment − control (Agresti–Caffo: of the adjusted rates). */
  difference: number;
  standardError: number;
  /** Infinity for the z tests of proportions. */
  df: number;
  /** The null bound on the difference: −margin when higher is better, +margin otherwise. */
  bound: number;
  /** (difference − bound) / standardError. */
  statistic: number;
  pValue: number;
  /** pValue < alpha: the treatment is not worse than control by the margin or more. */
  nonInferior: boolean;
  /** One-sided 1 − α interval of the difference (its finite end is compared with the bound). */
  confidenceInterval: Interval;
  higherIsBetter: boolean;
  alpha: number;
  method: string;
  warnings: string[];
}

const FN = 'experiment/nonInferiorityTest';

/**
 * Non-inferiority test: is the treatment no worse than control by more than a margin? (A cheaper
 * e-mail, a lighter page, a guardrail metric.) Conversion rates or continuous metrics.
 *
 * @remarks Higher is better: H0 Δ ≤ −margin vs H1 Δ > −margin, statistic (Δ + margin)/SE,
 * upper-tail p; lower is better: H0 Δ ≥ margin vs H1 Δ < margin, lower-tail p. Means: Welch (or
 * Student) t; proportions: Wald or Agresti–Caffo z. Equivalent to the one-sided 1 − α interval
 * excluding the bound.
 * @see statsmodels `CompareMeans.ttest_ind(alternative='larger', value=−margin, usevar)`, `test_proportions_2indep(value=−margin, alternative='larger', method)` (x1 = treatment)
 * @throws {@link InvalidInputError} on invalid arms
 * @throws {@link InvalidOptionError} on a missing or non-positive margin, alpha outside (0, 1), an unknown method
 * @example
 * ```ts
 * import { nonInferiorityTest } from 'crmkit/experiment';
 * const r = nonInferiorityTest({ n: 1000, mean: 50, sd: 20 }, { n: 1000, mean: 49, sd: 20 }, { margin: 3 });
 * r.nonInferior; // => true
 * r.statistic.toFixed(4); // => '2.2361'
 * ```
 * @category Experiment
 */
export function nonInferiorityTest(
  control: BinaryInput | MeanInput,
  treatment: BinaryInput | MeanInput,
  options: NonInferiorityTestOptions,
): NonInferiorityTestResult {
  const o = checkOptions(FN, options, ['margin', 'higherIsBetter', 'alpha', 'equalVariance', 'method']);
  const margin = numberInRange(FN, 'options.margin', o.margin, { min: 0, minExclusive: true });
  const higherIsBetter = o.higherIsBetter === undefined ? true : checkBoolean(FN, 'options.higherIsBetter', o.higherIsBetter);
  const alpha = checkAlpha(FN, o.alpha);
  const equalVariance = o.equalVariance === undefined ? false : checkBoolean(FN, 'options.equalVariance', o.equalVariance);
  const e = marginEstimate(FN, control, treatment, o.method, equalVariance);
  const bound = higherIsBetter ? -margin : margin;
  const statistic = marginStatistic(e.difference, bound, e.standardError);
  const pValue = higherIsBetter ? sfOf(statistic, e.df) : cdfOf(statistic, e.df);
  const q = critOf(alpha, e.df) * e.standardError;
  return {
    kind: e.kind,
    control: e.control,
    treatment: e.treatment,
    difference: e.difference,
    standardError: e.standardError,
    df: e.df,
    bound,
    statistic,
    pValue,
    nonInferior: pValue < alpha,
    confidenceInterval: higherIsBetter ? { lower: e.difference - q, upper: Infinity } : { lower: -Infinity, upper: e.difference + q },
    higherIsBetter,
    alpha,
    method: e.method,
    warnings: e.warnings,
  };
}
