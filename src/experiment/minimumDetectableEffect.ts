import { InvalidInputError } from '../core/errors.js';
import { numberInRange, openUnitInterval, options as checkOptions } from '../core/validate.js';
import { isObject } from './_common.js';
import { bisectIncreasing, proportionPower, type ProportionPowerVariant } from './_power.js';
import { meanPower, resolveMeanOptions } from './sampleSizeForMeans.js';
import { resolvePlanOptions, VARIANTS } from './sampleSizeForProportions.js';
import type { Alternative } from './types.js';

/** Data of {@link minimumDetectableEffect}: a control size and either a baseline rate (conversion) or an sd (continuous). @category Experiment */
export type MdeInput = { nControl: number; baseline: number } | { nControl: number; sd: number };

/** Options of {@link minimumDetectableEffect}. @category Experiment */
export interface MinimumDetectableEffectOptions {
  /** @defaultValue 0.05 */
  alpha?: number;
  /** @defaultValue 0.8 */
  power?: number;
  /** nTreatment / nControl. @defaultValue 1 */
  ratio?: number;
  /** 'less' searches for a decrease; otherwise an increase. @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** Proportions only: formula as in sampleSizeForProportions. @defaultValue 'pooled' */
  variant?: ProportionPowerVariant;
  /** Means only: 'z' or 't'. @defaultValue 't' */
  distribution?: 'z' | 't';
}

/** Result of {@link minimumDetectableEffect}. @category Experiment */
export interface MinimumDetectableEffectResult {
  /** Smallest detectable change (treatment − control), signed (negative for 'less'). */
  absolute: number;
  /** absolute / baseline for proportions; absolute / sd (Cohen's d) for means. */
  relative: number;
}

const FN = 'experiment/minimumDetectableEffect';

/**
 * Smallest effect a test of a given size detects with the given power (conversion rates or means).
 *
 * @remarks Solves power(effect) = target by bisection with the formulas of
 * {@link sampleSizeForProportions} / {@link sampleSizeForMeans}. For proportions the effect is
 * searched upwards from the baseline (downwards for 'less'); if even a rate of 1 (0) is not
 * detectable an error says so.
 * @see statsmodels `NormalIndPower().solve_power(effect_size=None, …)`
 * @throws {@link InvalidInputError} when nControl ≤ 0 (or leaves the t test without a degree of freedom), baseline outside (0, 1), sd ≤ 0, or no effect reaches the power
 * @throws {@link InvalidOptionError} on invalid alpha / power / ratio / variant / distribution
 * @example
 * ```ts
 * import { minimumDetectableEffect } from 'crmkit/experiment';
 * minimumDetectableEffect({ nControl: 1000, sd: 2 }, { distribution: 'z' }).absolute.toFixed(4); // => '0.2506'
 * ```
 * @category Experiment
 */
export function minimumDetectableEffect(input: MdeInput, options?: MinimumDetectableEffectOptions): MinimumDetectableEffectResult {
  const o = checkOptions(FN, options, ['alpha', 'power', 'ratio', 'alternative', 'variant', 'distribution']);
  if (!isObject(input)) throw new InvalidInputError(FN, 'input must be { nControl, baseline } or { nControl, sd }', input);
  const n = numberInRange(FN, 'input.nControl', input.nControl, { min: 0, minExclusive: true });
  const down = o.alternative === 'less';
  if ('baseline' in input) {
    const r = resolvePlanOptions(FN, { ...o, distribution: undefined } as never);
    void VARIANTS;
    const p1 = openUnitInterval(FN, 'input.baseline', input.baseline);
    const f = (p2: number): number => proportionPower(r.variant, p1, p2, n, r.ratio, r.alpha, r.alternative) - r.power;
    if (!down) {
      const top = 1 - 1e-12;
      if (f(top) < 0) throw new InvalidInputError(FN, 'no treatment rate in (baseline, 1) reaches the requested power at this size', n);
      const p2 = bisectIncreasing(f, p1, top);
      return { absolute: p2 - p1, relative: (p2 - p1) / p1 };
    }
    const g = (p2: number): number => -f(p2);
    if (g(1e-12) > 0) throw new InvalidInputError(FN, 'no treatment rate in (0, baseline) reaches the requested power at this size', n);
    const p2 = bisectIncreasing(g, 1e-12, p1);
    return { absolute: p2 - p1, relative: (p2 - p1) / p1 };
  }
  const m = resolveMeanOptions(FN, o);
  const sd = numberInRange(FN, 'input.sd', (input as { sd: unknown }).sd, { min: 0, minExclusive: true });
  if (m.distribution === 't' && n * (1 + m.ratio) - 2 < 1) {
    throw new InvalidInputError(
      FN,
      `input.nControl is too small for the t test: nControl·(1 + ratio) − 2 = ${n * (1 + m.ratio) - 2} degrees of freedom, at least 1 needed (or use distribution 'z')`,
      n,
    );
  }
  const f = (d: number): number => meanPower(m.distribution, d, n, m.ratio, m.alpha, m.alternative === 'less' ? 'greater' : m.alternative) - m.power;
  let hi = 1;
  while (f(hi) < 0 && hi < 1e12) hi *= 2;
  const d = bisectIncreasing(f, 0, hi);
  const sign = down ? -1 : 1;
  return { absolute: sign * d * sd, relative: sign * d };
}
