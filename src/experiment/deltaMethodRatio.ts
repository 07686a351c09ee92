import { InvalidInputError } from '../core/errors.js';
import { finiteArray, integerInRange, numberInRange, options as checkOptions, sameLength } from '../core/validate.js';
import { checkAlpha, checkAlternative, isObject, pFromZ, relative, safeRatio } from './_common.js';
import { normalIsf } from './_dist.js';
import type { Alternative, Interval } from './types.js';

/** One arm of a ratio metric as per-user (cluster) values: e.g. revenue and sessions of each user. @category Experiment */
export interface RatioRaw {
  numerator: readonly number[] | Float64Array;
  denominator: readonly number[] | Float64Array;
}

/** One arm of a ratio metric as sums over users (what SQL produces). @category Experiment */
export interface RatioSums {
  n: number;
  sumNumerator: number;
  sumDenominator: number;
  sumNumeratorSquares: number;
  sumDenominatorSquares: number;
  sumProducts: number;
}

/** Options of {@link deltaMethodRatio}. @category Experiment */
export interface DeltaMethodRatioOptions {
  /** @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** @defaultValue 0.05 */
  alpha?: number;
}

/** One arm of a {@link DeltaMethodRatioResult}. @category Experiment */
export interface RatioArm {
  n: number;
  /** Σ numerator / Σ denominator. */
  ratio: number;
  /** Delta-method variance of the ratio. */
  variance: number;
}

/** Result of {@link deltaMethodRatio}. @category Experiment */
export interface DeltaMethodRatioResult {
  control: RatioArm;
  treatment: RatioArm;
  /** treatment ratio − control ratio. */
  difference: number;
  standardError: number;
  statistic: number;
  pValue: number;
  confidenceInterval: Interval;
  /** treatment ratio / control ratio − 1, with its own delta-method SE and interval. */
  relativeLift: { lift: number; standardError: number; confidenceInterval: Interval };
  alternative: Alternative;
  alpha: number;
}

const FN = 'experiment/deltaMethodRatio';

function armStats(name: string, x: unknown): RatioArm {
  if (!isObject(x)) throw new InvalidInputError(FN, `${name} must be { numerator, denominator } arrays or sums`, x);
  let n: number;
  let mx: number;
  let my: number;
  let vx: number;
  let vy: number;
  let cxy: number;
  if ('numerator' in x || 'denominator' in x) {
    const num = finiteArray(FN, `${name}.numerator`, x.numerator, 2);
    const den = finiteArray(FN, `${name}.denominator`, x.denominator, 2);
    sameLength(FN, `${name}.numerator`, num, `${name}.denominator`, den);
    n = num.length;
    mx = 0;
    my = 0;
    for (let i = 0; i < n; i++) {
      mx += num[i]!;
      my += den[i]!;
    }
    mx /= n;
    my /= n;
    vx = 0;
    vy = 0;
    cxy = 0;
    for (let i = 0; i < n; i++) {
      const dx = num[i]! - mx;
      const dy = den[i]! - my;
      vx += dx * dx;
      vy += dy * dy;
      cxy += dx * dy;
    }
    vx /= n - 1;
    vy /= n - 1;
    cxy /= n - 1;
  } else {
    n = integerInRange(FN, `${name}.n`, x.n, { min: 2 });
    const sx = numberInRange(FN, `${name}.sumNumerator`, x.sumNumerator, {});
    const sy = numberInRange(FN, `${name}.sumDenominator`, x.sumDenominator, {});
    const sxx = numberInRange(FN, `${name}.sumNumeratorSquares`, x.sumNumeratorSquares, { min: 0 });
    const syy = numberInRange(FN, `${name}.sumDenominatorSquares`, x.sumDenominatorSquares, { min: 0 });
    const sxy = numberInRange(FN, `${name}.sumProducts`, x.sumProducts, {});
    mx = sx / n;
    my = sy / n;
    vx = Math.max(0, sxx - sx * mx) / (n - 1);
    vy = Math.max(0, syy - sy * my) / (n - 1);
    cxy = (sxy - sx * my) / (n - 1);
  }
  if (my === 0) throw new InvalidInputError(FN, `${name} denominators sum to 0; the ratio is undefined`, my);
  const r = mx / my;
  const variance = Math.max(0, (vx - 2 * r * cxy + r * r * vy) / (my * my * n));
  return { n, ratio: r, variance };
}

/**
 * Ratio metrics (revenue per session, clicks per view) where the randomization unit is the user:
 * the ratio of sums per arm, its delta-method variance with user-level clustering, and the test of
 * the difference between arms.
 *
 * @remarks For users i with numerator Xᵢ and denominator Yᵢ, R = X̄/Ȳ and
 * Var(R) ≈ (s²_X − 2R·s_XY + R²·s²_Y) / (n·Ȳ²) — the sessions of one user are correlated, so the
 * naive per-session variance is wrong; this one is not. A control ratio of 0 gives a relative lift of
 * ±Infinity (0 when both are 0) with SE Infinity and interval (−∞, ∞). Difference z test with
 * SE = √(Var_C + Var_T). Relative lift variance Var_T/R_C² + R_T²Var_C/R_C⁴. O(n).
 * @see Deng, Knoblich & Lu, "Applying the Delta Method in Metric Analytics" (KDD 2018); GrowthBook `RatioStatistic`
 * @throws {@link InvalidInputError} on non-finite values, arrays of different lengths or shorter than 2, or a zero denominator sum
 * @throws {@link InvalidOptionError} on invalid alpha / alternative
 * @example
 * ```ts
 * import { deltaMethodRatio } from 'crmkit/experiment';
 * const r = deltaMethodRatio(
 *   { numerator: [1, 0, 2, 1], denominator: [3, 1, 4, 2] },
 *   { numerator: [2, 1, 3, 2], denominator: [3, 2, 4, 3] },
 * );
 * r.difference.toFixed(4); // => '0.2667'
 * ```
 * @category Experiment
 */
export function deltaMethodRatio(control: RatioRaw | RatioSums, treatment: RatioRaw | RatioSums, options?: DeltaMethodRatioOptions): DeltaMethodRatioResult {
  const o = checkOptions(FN, options, ['alternative', 'alpha']);
  const alternative = checkAlternative(FN, o.alternative);
  const alpha = checkAlpha(FN, o.alpha);
  const c = armStats('control', control);
  const t = armStats('treatment', treatment);
  const difference = t.ratio - c.ratio;
  const se = Math.sqrt(c.variance + t.variance);
  const statistic = safeRatio(difference, se);
  const z2 = normalIsf(alpha / 2);
  const z1 = normalIsf(alpha);
  const interval = (est: number, s: number): Interval =>
    !Number.isFinite(s) || !Number.isFinite(est)
      ? { lower: -Infinity, upper: Infinity }
      : alternative === 'two-sided'
      ? { lower: est - z2 * s, upper: est + z2 * s }
      : alternative === 'greater'
        ? { lower: est - z1 * s, upper: Infinity }
        : { lower: -Infinity, upper: est + z1 * s };
  // control ratio 0: lift ±Infinity (0 if both are 0), SE Infinity, interval (−∞, ∞) — documented, never NaN
  const lift = relative(c.ratio, t.ratio);
  const rc2 = c.ratio * c.ratio;
  const liftSe = c.ratio === 0 ? Infinity : Math.sqrt(t.variance / rc2 + (t.ratio * t.ratio * c.variance) / (rc2 * rc2));
  return {
    control: c,
    treatment: t,
    difference,
    standardError: se,
    statistic,
    pValue: pFromZ(statistic, alternative),
    confidenceInterval: interval(difference, se),
    relativeLift: { lift, standardError: liftSe, confidenceInterval: interval(lift, liftSe) },
    alternative,
    alpha,
  };
}
