import { InvalidInputError } from '../core/errors.js';
import { numberInRange, options as checkOptions } from '../core/validate.js';
import { isObject } from './_common.js';

/** Pre-period per-user moments of a ratio metric's numerator and denominator, for {@link ratioMetricSd}. @category Experiment */
export interface RatioMetricMoments {
  /** Mean numerator per user (e.g. revenue). */
  meanNumerator: number;
  /** Mean denominator per user (e.g. orders); not 0. */
  meanDenominator: number;
  /** Standard deviation of the numerator per user. */
  sdNumerator: number;
  /** Standard deviation of the denominator per user. */
  sdDenominator: number;
  /** Correlation of numerator and denominator across users, in [−1, 1]. */
  correlation: number;
}

/**
 * The per-user standard deviation of a ratio metric (revenue per order, clicks per view) for power
 * and sample-size planning: pass it as `sd` to {@link sampleSizeForMeans}, {@link minimumDetectableEffect}
 * or {@link estimateDuration} with the mde on the ratio's scale (users are the unit).
 *
 * @remarks Delta method: with R = μ_x/μ_y, n·Var(R̂) ≈ (σ_x² − 2R·ρσ_xσ_y + R²σ_y²)/μ_y², the same
 * linearization {@link deltaMethodRatio} and analyzeExperiment test with, so a plan made with it has
 * the power it claims for that test. O(1).
 * @see Deng, Knoblich & Lu, "Applying the Delta Method in Metric Analytics" (KDD 2018)
 * @throws {@link InvalidInputError} when a moment is not finite, an sd is negative, the correlation is outside [−1, 1] or the mean denominator is 0
 * @example
 * ```ts
 * import { ratioMetricSd, sampleSizeForMeans } from 'crmkit/experiment';
 * const sd = ratioMetricSd({ meanNumerator: 50, meanDenominator: 2, sdNumerator: 80, sdDenominator: 1.5, correlation: 0.6 });
 * sd.toFixed(4); // => '32.4278'
 * sampleSizeForMeans({ sd, mde: 1 }, { distribution: 'z' }).nControl; // => 16508
 * ```
 * @category Experiment
 */
export function ratioMetricSd(moments: RatioMetricMoments, options?: Record<string, never>): number {
  const FN = 'experiment/ratioMetricSd';
  checkOptions(FN, options, []);
  if (!isObject(moments)) throw new InvalidInputError(FN, 'moments must be an object { meanNumerator, meanDenominator, sdNumerator, sdDenominator, correlation }', moments);
  const mx = numberInRange(FN, 'moments.meanNumerator', moments.meanNumerator, { min: -1e150, max: 1e150 });
  const my = numberInRange(FN, 'moments.meanDenominator', moments.meanDenominator, { min: -1e150, max: 1e150 });
  const sx = numberInRange(FN, 'moments.sdNumerator', moments.sdNumerator, { min: 0, max: 1e150 });
  const sy = numberInRange(FN, 'moments.sdDenominator', moments.sdDenominator, { min: 0, max: 1e150 });
  const rho = numberInRange(FN, 'moments.correlation', moments.correlation, { min: -1, max: 1 });
  if (my === 0) throw new InvalidInputError(FN, 'moments.meanDenominator must not be 0 (the ratio is undefined)', my);
  const r = mx / my;
  // (σ_x − Rσ_y)² + 2R·σ_xσ_y(1 − ρ) ≥ 0 written without cancellation-prone subtraction of large terms
  const a = sx / Math.abs(my);
  const b = (Math.abs(r) * sy) / Math.abs(my);
  const sign = r >= 0 ? 1 : -1;
  const v = a * a - 2 * sign * rho * a * b + b * b;
  return Math.sqrt(Math.max(0, v));
}
