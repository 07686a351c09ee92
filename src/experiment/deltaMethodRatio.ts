import { InvalidInputError } from '../core/errors.js';
import { finiteArray, integerInRange, numberInRange, options as checkOptions, sameLength } from '../core/validate.js';
import { cancellationWarning, centredSquares, checkAlpha, checkAlternative, isObject, magnitudeScale, pFromZ, relative, safeRatio, sumsScale, SUMS_NOISE } from './_common.js';
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
  /** Problems that did not stop the test, e.g. a ratio variance from sums lost to cancellation (its upper bound is then used). Empty when none. */
  warnings: string[];
}

const FN = 'experiment/deltaMethodRatio';

/** @internal Per-arm ratio statistics from raw values or sums (shared with analyzeExperiment). */
export function ratioArm(fn: string, name: string, x: unknown, warnings: string[], kx = 1, ky = 1): RatioArm & { meanDenominator: number } {
  if (!isObject(x)) throw new InvalidInputError(fn, `${name} must be { numerator, denominator } arrays or sums`, x);
  let n: number;
  let mx: number;
  let my: number;
  let residual: number; // Σ(xᵢ − R·yᵢ)², R = X̄/Ȳ: (n − 1)(s²_X − 2R·s_XY + R²·s²_Y)
  if ('numerator' in x || 'denominator' in x) {
    const num = finiteArray(fn, `${name}.numerator`, x.numerator, 2);
    const den = finiteArray(fn, `${name}.denominator`, x.denominator, 2);
    sameLength(fn, `${name}.numerator`, num, `${name}.denominator`, den);
    n = num.length;
    if (kx !== 1) for (let i = 0; i < n; i++) num[i] = num[i]! / kx;
    if (ky !== 1) for (let i = 0; i < n; i++) den[i] = den[i]! / ky;
    mx = 0;
    my = 0;
    for (let i = 0; i < n; i++) {
      mx += num[i]!;
      my += den[i]!;
    }
    mx /= n;
    my /= n;
    if (my === 0) throw new InvalidInputError(fn, `${name} denominators sum to 0; the ratio is undefined`, my);
    const r = mx / my;
    residual = 0;
    for (let i = 0; i < n; i++) {
      const e = num[i]! - mx - r * (den[i]! - my);
      residual += e * e;
    }
  } else {
    n = integerInRange(fn, `${name}.n`, x.n, { min: 2, max: Number.MAX_SAFE_INTEGER });
    const sx = numberInRange(fn, `${name}.sumNumerator`, x.sumNumerator, {}) / kx;
    const sy = numberInRange(fn, `${name}.sumDenominator`, x.sumDenominator, {}) / ky;
    const sxx = numberInRange(fn, `${name}.sumNumeratorSquares`, x.sumNumeratorSquares, { min: 0 }) / kx / kx;
    const syy = numberInRange(fn, `${name}.sumDenominatorSquares`, x.sumDenominatorSquares, { min: 0 }) / ky / ky;
    const sxy = numberInRange(fn, `${name}.sumProducts`, x.sumProducts, {}) / kx / ky;
    centredSquares(fn, `${name} numerator`, n, sx, sxx); // throws on impossible sums
    centredSquares(fn, `${name} denominator`, n, sy, syy);
    mx = sx / n;
    my = sy / n;
    if (my === 0) throw new InvalidInputError(fn, `${name} denominators sum to 0; the ratio is undefined`, my);
    const r = mx / my;
    // Σ(x − R y)² needs no centring: the mean of x − R·y is 0 exactly when R = X̄/Ȳ
    residual = sxx - 2 * r * sxy + r * r * syy;
    const bound = SUMS_NOISE * (sxx + 2 * Math.abs(r * sxy) + r * r * syy);
    if (residual < -bound) {
      throw new InvalidInputError(
        fn,
        `${name}: the sums imply a negative variance of the ratio (Σ(x − R·y)² = ${residual}; sumProducts breaks Cauchy–Schwarz or the squares are too small), which no data can produce`,
        x,
      );
    }
    if (bound > 0 && residual < bound) {
      warnings.push(cancellationWarning(`${name} ratio`, bound));
      residual = bound;
    }
  }
  const r = mx / my;
  // divided step by step: a tiny mean denominator gives +∞, never 0/0
  return { n, ratio: r, variance: Math.max(0, residual) / ((n - 1) * n) / my / my, meanDenominator: my };
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
 * SE = √(Var_C + Var_T). Relative lift (R_T − R_C)/|R_C|, variance Var_T/R_C² + R_T²Var_C/R_C⁴. O(n).
 * From sums the variance is Σ(x − R·y)²/((n − 1)·n·Ȳ²) with Σ(x − R·y)² = Σx² − 2RΣxy + R²Σy²
 * (no centring needed). Sums that imply a negative variance (beyond 1e-9 of their scale, e.g. a
 * sumProducts breaking Cauchy–Schwarz) are rejected; a variance within that rounding noise is lost
 * to cancellation: its upper bound is used (conservative p-value) and `warnings` says so.
 * @see Deng, Knoblich & Lu, "Applying the Delta Method in Metric Analytics" (KDD 2018); GrowthBook `RatioStatistic`
 * @throws {@link InvalidInputError} on non-finite values, arrays of different lengths or shorter than 2, a zero denominator sum, or impossible sums (negative variance)
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
  const warnings: string[] = [];
  // numerators / denominators near ±1e308 are divided by powers of two (exact) so squares cannot overflow
  const { kx, ky } = ratioScales(control, treatment);
  const { meanDenominator: _c, ...cs } = ratioArm(FN, 'control', control, warnings, kx, ky);
  const { meanDenominator: _t, ...ts } = ratioArm(FN, 'treatment', treatment, warnings, kx, ky);
  const k = kx / ky; // the ratio's unit
  const c = { n: cs.n, ratio: cs.ratio * k, variance: cs.variance * k * k };
  const t = { n: ts.n, ratio: ts.ratio * k, variance: ts.variance * k * k };
  const ds = ts.ratio - cs.ratio; // in scaled units: the statistic and p-value are scale-free
  const ses = Math.sqrt(cs.variance + ts.variance);
  const statistic = safeRatio(ds, ses);
  const difference = ds * k;
  const se = ses * k;
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
  const lift = relative(cs.ratio, ts.ratio);
  // √(Var_T/R_C² + R_T²·Var_C/R_C⁴) written as √(Var_T + q²·Var_C)/|R_C|, q = R_T/R_C, so tiny or huge R_C cannot make 0/0
  const q = ts.ratio / cs.ratio;
  const liftSe = cs.ratio === 0 ? Infinity : Math.sqrt(ts.variance + (cs.variance === 0 || q * q === 0 ? 0 : q * q * cs.variance)) / Math.abs(cs.ratio);
  return {
    control: c,
    treatment: t,
    difference,
    standardError: se,
    statistic,
    pValue: pFromZ(statistic, alternative, ds === 0 && ses === 0),
    confidenceInterval: interval(difference, se),
    relativeLift: { lift, standardError: liftSe, confidenceInterval: interval(lift, liftSe) },
    alternative,
    alpha,
    warnings,
  };
}

/** Powers of two to divide the numerators (kx) and denominators (ky) by: 1 for ordinary data. */
function ratioScales(control: unknown, treatment: unknown): { kx: number; ky: number } {
  let kx = 1;
  let ky = 1;
  for (const a of [control, treatment]) {
    if (!isObject(a)) continue;
    if ('numerator' in a || 'denominator' in a) {
      kx = Math.max(kx, magnitudeScale(a.numerator));
      ky = Math.max(ky, magnitudeScale(a.denominator));
    } else {
      kx = Math.max(kx, sumsScale(a.n, a.sumNumerator, a.sumNumeratorSquares));
      ky = Math.max(ky, sumsScale(a.n, a.sumDenominator, a.sumDenominatorSquares));
    }
  }
  return { kx, ky };
}
