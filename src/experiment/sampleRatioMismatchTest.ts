import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, openUnitInterval, options as checkOptions, sameLength } from '../core/validate.js';
import { chiSquareSf } from './_dist.js';

/** Options of {@link sampleRatioMismatchTest}. @category Experiment */
export interface SampleRatioMismatchTestOptions {
  /** Planned traffic weights per arm (any positive scale). @defaultValue equal weights */
  weights?: readonly number[];
  /**
   * p-value below which a mismatch is flagged. GrowthBook's default SRM threshold is 0.001; a strict
   * threshold because the check runs on every experiment, every day.
   * @defaultValue 0.001
   */
  threshold?: number;
}

/** Result of {@link sampleRatioMismatchTest}. @category Experiment */
export interface SampleRatioMismatchTestResult {
  /** Pearson χ² goodness-of-fit statistic. */
  statistic: number;
  /** Degrees of freedom (arms − 1). */
  df: number;
  pValue: number;
  /** Expected users per arm under the planned weights. */
  expected: number[];
  /** Observed share of users per arm. */
  observedShares: number[];
  /** Planned share per arm (weights normalized to sum 1). */
  expectedShares: number[];
  threshold: number;
  /** pValue < threshold: the split differs from the plan more than chance allows; distrust the results until explained. */
  mismatch: boolean;
}

const FN = 'experiment/sampleRatioMismatchTest';

/**
 * Sample ratio mismatch (SRM) check: a χ² goodness-of-fit test of the users per arm against the
 * planned split, for any number of arms.
 *
 * @remarks χ² = Σ (Oᵢ − Eᵢ)² / Eᵢ with Eᵢ = N·wᵢ/Σw, df = k − 1, p = P(χ²_df ≥ χ²). O(k).
 * An SRM means assignment or logging is broken (bots, redirects, crashes in one arm); effects
 * measured on such data are biased, so the verdict of {@link analyzeExperiment} flags it first.
 * @see scipy `scipy.stats.chisquare(counts, expected)`; GrowthBook's SRM check (threshold 0.001)
 * @throws {@link InvalidInputError} when counts are fewer than 2, negative or fractional, or all zero
 * @throws {@link InvalidOptionError} when weights are not positive finite numbers, or the threshold is outside (0, 1)
 * @throws {@link DimensionMismatchError} when weights and counts differ in length
 * @example
 * ```ts
 * import { sampleRatioMismatchTest } from 'crmkit/experiment';
 * const r = sampleRatioMismatchTest([44700, 45489]);
 * r.statistic.toFixed(5); // => '6.90240'
 * r.pValue.toFixed(6); // => '0.008608'
 * r.mismatch; // => false
 * ```
 * @category Experiment
 */
export function sampleRatioMismatchTest(counts: readonly number[], options?: SampleRatioMismatchTestOptions): SampleRatioMismatchTestResult {
  const o = checkOptions(FN, options, ['weights', 'threshold']);
  const arr = arrayLike<unknown>(FN, 'counts', counts, 2);
  const k = arr.length;
  const obs: number[] = [];
  let total = 0;
  for (let i = 0; i < k; i++) {
    obs.push(integerInRange(FN, `counts[${i}]`, arr[i], { min: 0, max: Number.MAX_SAFE_INTEGER }));
    total += obs[i]!;
  }
  if (total === 0) throw new InvalidInputError(FN, 'counts must not all be zero', counts);
  const threshold = o.threshold === undefined ? 0.001 : openUnitInterval(FN, 'options.threshold', o.threshold);
  let w: number[];
  if (o.weights === undefined) {
    w = new Array<number>(k).fill(1);
  } else {
    const wa = arrayLike<unknown>(FN, 'options.weights', o.weights);
    sameLength(FN, 'counts', arr, 'options.weights', wa);
    w = [];
    for (let i = 0; i < k; i++) w.push(numberInRange(FN, `options.weights[${i}]`, wa[i], { min: 0, minExclusive: true }));
  }
  const wsum = w.reduce((s, x) => s + x, 0);
  const expectedShares = w.map((x) => x / wsum);
  const expected = expectedShares.map((s) => s * total);
  let statistic = 0;
  for (let i = 0; i < k; i++) statistic += (obs[i]! - expected[i]!) ** 2 / expected[i]!;
  const df = k - 1;
  const pValue = chiSquareSf(statistic, df);
  return {
    statistic,
    df,
    pValue,
    expected,
    observedShares: obs.map((x) => x / total),
    expectedShares,
    threshold,
    mismatch: pValue < threshold,
  };
}
