/**
 * Shared input and result types of crmkit/experiment.
 *
 * @module
 */

/**
 * Direction of the alternative hypothesis, always read as **treatment vs control**: `'greater'`
 * means "treatment is higher than control".
 * @category Experiment
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/** A two-sided or one-sided interval; one-sided intervals have an infinite end. @category Experiment */
export interface Interval {
  lower: number;
  upper: number;
}

/** Sufficient statistics of a conversion (binary) metric in one arm. @category Experiment */
export interface ProportionSummary {
  /** Users (trials) in the arm; a non-negative integer. */
  n: number;
  /** Users who converted; an integer in [0, n]. */
  conversions: number;
}

/**
 * A conversion metric in one arm: the `{ n, conversions }` summary, or raw per-user outcomes as
 * 0/1 numbers or booleans (a plain array or a typed array such as `Uint8Array`).
 * @category Experiment
 */
export type BinaryInput = ProportionSummary | readonly (number | boolean)[] | Uint8Array | Int8Array | Float64Array;

/** Sufficient statistics of a continuous metric: mean and sample standard deviation (n − 1). @category Experiment */
export interface MeanSdSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1), ≥ 0. */
  sd: number;
}

/** Sufficient statistics of a continuous metric as sums (what SQL produces: COUNT, SUM(x), SUM(x*x)). @category Experiment */
export interface SumSummary {
  n: number;
  sum: number;
  sumSquares: number;
}

/** A continuous metric in one arm: raw per-user values, or summaries. @category Experiment */
export type MeanInput = readonly number[] | Float64Array | MeanSdSummary | SumSummary;

/** Mean, sample variance and size of an arm, as resolved from any {@link MeanInput}. @category Experiment */
export interface ArmMoments {
  n: number;
  mean: number;
  /** Sample variance (divisor n − 1). */
  variance: number;
}
