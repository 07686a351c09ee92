import { integerInRange, numberInRange, options as checkOptions } from '../core/validate.js';
import { InvalidInputError } from '../core/errors.js';
import { isObject } from './_common.js';

/** Data of {@link estimateDuration}. @category Experiment */
export interface DurationInput {
  /** Users the experiment needs in total (all arms), e.g. `sampleSizeForProportions(...).total`. */
  totalSampleSize: number;
  /** Eligible users per day. */
  dailyUsers: number;
}

/** Options of {@link estimateDuration}. @category Experiment */
export interface EstimateDurationOptions {
  /** Share of eligible traffic enrolled in the experiment, in (0, 1]. @defaultValue 1 */
  trafficFraction?: number;
  /** Round the duration up to whole weeks (weekly seasonality). @defaultValue false */
  wholeWeeks?: boolean;
}

/** Result of {@link estimateDuration}. @category Experiment */
export interface EstimateDurationResult {
  /** Days to run (rounded up). */
  days: number;
  /** Days before rounding. */
  daysRaw: number;
}

const FN = 'experiment/estimateDuration';

/**
 * How long an experiment must run to reach its sample size, from daily traffic.
 *
 * @remarks days = ⌈total / (dailyUsers · trafficFraction)⌉ (then up to a multiple of 7 when
 * `wholeWeeks`). O(1).
 * @throws {@link InvalidInputError} when the sample size is not a positive integer or dailyUsers ≤ 0
 * @throws {@link InvalidOptionError} when trafficFraction is outside (0, 1]
 * @example
 * ```ts
 * import { estimateDuration } from 'crmkit/experiment';
 * estimateDuration({ totalSampleSize: 7682, dailyUsers: 1000 }, { trafficFraction: 0.5 }); // => { days: 16, daysRaw: 15.364 }
 * ```
 * @category Experiment
 */
export function estimateDuration(input: DurationInput, options?: EstimateDurationOptions): EstimateDurationResult {
  const o = checkOptions(FN, options, ['trafficFraction', 'wholeWeeks']);
  if (!isObject(input)) throw new InvalidInputError(FN, 'input must be an object { totalSampleSize, dailyUsers }', input);
  const total = integerInRange(FN, 'input.totalSampleSize', input.totalSampleSize, { min: 1 });
  const daily = numberInRange(FN, 'input.dailyUsers', input.dailyUsers, { min: 0, minExclusive: true });
  const fraction = o.trafficFraction === undefined ? 1 : numberInRange(FN, 'options.trafficFraction', o.trafficFraction, { min: 0, max: 1, minExclusive: true });
  const daysRaw = total / (daily * fraction);
  let days = Math.ceil(daysRaw);
  if (o.wholeWeeks === true) days = Math.ceil(days / 7) * 7;
  return { days, daysRaw };
}
