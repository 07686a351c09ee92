import { InvalidInputError } from '../core/errors.js';
import { numberInRange, options as checkOptions } from '../core/validate.js';
import { isObject } from './_common.js';
import { proportionPower } from './_power.js';
import { PLAN_KEYS, resolvePlan, type ProportionPlan, type ProportionPlanOptions } from './sampleSizeForProportions.js';

/** Data of {@link powerForProportions}: the plan plus the control arm's size. @category Experiment */
export interface ProportionPowerInput extends ProportionPlan {
  /** Users in control (treatment has ratio·nControl). */
  nControl: number;
}

/** Result of {@link powerForProportions}. @category Experiment */
export interface PowerForProportionsResult {
  power: number;
  treatmentRate: number;
}

const FN = 'experiment/powerForProportions';

/**
 * Power of the two-proportion z test for a given control size: the inverse of
 * {@link sampleSizeForProportions}, with the same named formulas (`options.power` is ignored… and
 * rejected: pass the size instead).
 *
 * @remarks See {@link sampleSizeForProportions} for the formulas. O(1).
 * @see statsmodels `NormalIndPower().power`
 * @throws {@link InvalidInputError} when nControl is not positive, or the plan is invalid
 * @throws {@link InvalidOptionError} as {@link sampleSizeForProportions}
 * @example
 * ```ts
 * import { powerForProportions } from 'crmkit/experiment';
 * powerForProportions({ baseline: 0.1, mde: 0.02, nControl: 3841 }).power.toFixed(3); // => '0.800'
 * ```
 * @category Experiment
 */
export function powerForProportions(input: ProportionPowerInput, options?: Omit<ProportionPlanOptions, 'power'>): PowerForProportionsResult {
  checkOptions(FN, options, PLAN_KEYS.filter((k) => k !== 'power'));
  if (!isObject(input)) throw new InvalidInputError(FN, 'input must be an object { baseline, mde, nControl }', input);
  const n = numberInRange(FN, 'input.nControl', input.nControl, { min: 0, minExclusive: true });
  const r = resolvePlan(FN, { baseline: input.baseline, mde: input.mde }, options);
  return { power: proportionPower(r.variant, r.p1, r.p2, n, r.ratio, r.alpha, r.alternative), treatmentRate: r.p2 };
}
