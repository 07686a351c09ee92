import { InvalidInputError } from '../core/errors.js';
import { normalIsf } from '../core/special/index.js';
import { integerInRange, openUnitInterval, options as checkOptions } from '../core/validate.js';

/** Counts for {@link conversionRate}. */
export interface ConversionCounts {
  /** Visitors, recipients or trials (integer ≥ 1). */
  readonly trials: number;
  /** Of those, conversions (integer in [0, trials]). */
  readonly conversions: number;
}

/** Options of {@link conversionRate}. */
export interface ConversionRateOptions {
  /** Confidence level of the interval. @defaultValue 0.95 */
  confidence?: number;
}

/** Result of {@link conversionRate}. */
export interface ConversionRateResult {
  /** conversions / trials. */
  rate: number;
  /** Lower end of the Wilson score interval. */
  lower: number;
  /** Upper end of the Wilson score interval. */
  upper: number;
}

/** Wilson score interval of k successes in n trials at normal quantile z. @internal */
export function wilson(k: number, n: number, z: number): [number, number] {
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * Conversion rate with a Wilson score confidence interval.
 *
 * @remarks rate = k/n; the Wilson interval (center (p + z²/2n)/(1 + z²/n), half-width
 * z/(1 + z²/n)·√(p(1−p)/n + z²/4n²)) keeps good coverage near 0 and 1 and for small n, unlike the
 * Wald interval p ± z√(p(1−p)/n). O(1).
 * @see Wilson (1927), JASA 22(158); statsmodels `proportion_confint(method='wilson')`.
 * @throws {@link InvalidInputError} when counts are not integers, trials < 1 or conversions > trials
 * @throws {@link InvalidOptionError} when `confidence` is not in (0, 1)
 * @example
 * ```ts
 * import { conversionRate } from 'crmkit/value';
 * const r = conversionRate({ trials: 200, conversions: 14 });
 * r.rate; // => 0.07
 * [r.lower.toFixed(4), r.upper.toFixed(4)]; // => ['0.0422', '0.1141']
 * ```
 * @category Closed-form metrics
 */
export function conversionRate(counts: ConversionCounts, options?: ConversionRateOptions): ConversionRateResult {
  const fn = 'value/conversionRate';
  const opts = checkOptions(fn, options, ['confidence']);
  const conf = opts.confidence === undefined ? 0.95 : openUnitInterval(fn, 'options.confidence', opts.confidence);
  if (counts === null || typeof counts !== 'object') throw new InvalidInputError(fn, 'counts must be an object { trials, conversions }', counts);
  const n = integerInRange(fn, 'trials', counts.trials, { min: 1 });
  const k = integerInRange(fn, 'conversions', counts.conversions, { min: 0, max: n });
  const [lower, upper] = wilson(k, n, normalIsf((1 - conf) / 2));
  return { rate: k / n, lower, upper };
}
