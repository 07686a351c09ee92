import { InvalidInputError } from '../core/errors.js';
import { finiteArray, integerInRange, numberInRange, oneOf, options as checkOptions, sameLength } from '../core/validate.js';
import { centredSquares, checkAlpha, checkAlternative, isObject, magnitudeScale, pFromT, safeRatio, sumsScale, SUMS_NOISE, tInterval } from './_common.js';
import { tTestFromMoments } from './welchTTest.js';
import type { Alternative, Interval } from './types.js';

/** One arm for {@link cupedAdjust}: the metric `y` and its pre-period covariate `x` per user. @category Experiment */
export interface CupedArm {
  y: readonly number[] | Float64Array;
  x: readonly number[] | Float64Array;
}

/**
 * One arm for {@link cupedAdjust} as SQL sums, with exactly the field names the warehouse query
 * produces: COUNT, SUM(y), SUM(y*y), SUM(x), SUM(x*x), SUM(y*x).
 * @category Experiment
 */
export interface CupedArmSums {
  n: number;
  sum: number;
  sumSquares: number;
  covariateSum: number;
  covariateSumSquares: number;
  /** Σ metric·covariate. */
  sumProducts: number;
}

/** Options of {@link cupedAdjust}. @category Experiment */
export interface CupedAdjustOptions {
  /** @defaultValue 'two-sided' */
  alternative?: Alternative;
  /** @defaultValue 0.05 */
  alpha?: number;
  /**
   * 'within': θ from within-arm sums (the ANCOVA slope; OLS SE, df n − 3). 'pooled': θ = cov/var over
   * both arms taken as one sample, as gbstats (Welch SE and df on the adjusted arm variances, as
   * analyzeExperiment).
   * @defaultValue 'within'
   */
  theta?: 'within' | 'pooled';
}

/** Result of {@link cupedAdjust}. @category Experiment */
export interface CupedAdjustResult {
  /** 'within': pooled within-arm cov(y, x) / var(x), the ANCOVA slope; 'pooled': cov/var over both arms as one sample (gbstats). */
  theta: number;
  /** Adjusted means ȳ − θ(x̄ − x̄_all) per arm. */
  adjustedMeans: { control: number; treatment: number };
  /** Unadjusted means per arm. */
  means: { control: number; treatment: number };
  /** Adjusted difference (treatment − control) = Δȳ − θ·Δx̄, equal to the OLS coefficient of the arm in y ~ arm + x. */
  difference: number;
  /** OLS standard error of that coefficient: √(σ̂²(1/n_C + 1/n_T + Δx̄²/Sxx)), σ̂² = RSS/(n − 3). */
  standardError: number;
  /** Unadjusted (Student) standard error, for comparison. */
  unadjustedStandardError: number;
  statistic: number;
  /** n − 3 ('within'); Welch–Satterthwaite df ('pooled'). */
  df: number;
  pValue: number;
  confidenceInterval: Interval;
  /** 'within': share of the metric's within-arm variance removed, ρ² of y and x within arms; 'pooled': 1 − SE²_adjusted / SE²_unadjusted (Welch). */
  varianceReduction: number;
  alternative: Alternative;
  alpha: number;
}

const FN = 'experiment/cupedAdjust';

interface CupedMoments {
  n: number;
  my: number;
  mx: number;
  syy: number;
  sxx: number;
  sxy: number;
}

/** Centred moments from raw `{ y, x }` or from {@link CupedArmSums} (impossible sums rejected). */
function isSums(a: unknown): a is Record<string, unknown> {
  return isObject(a) && !('y' in a) && 'sum' in a;
}

/**
 * Powers of two to divide the metric (ky) and the covariate (kx) by, so that squares and products of
 * values near ±1e308 neither overflow nor underflow (1 for ordinary data; results are scaled back).
 */
function scales(control: unknown, treatment: unknown): { ky: number; kx: number } {
  let ky = 1;
  let kx = 1;
  for (const a of [control, treatment]) {
    if (isSums(a)) {
      ky = Math.max(ky, sumsScale(a.n, a.sum, a.sumSquares));
      kx = Math.max(kx, sumsScale(a.n, a.covariateSum, a.covariateSumSquares));
    } else if (isObject(a)) {
      ky = Math.max(ky, magnitudeScale(a.y));
      kx = Math.max(kx, magnitudeScale(a.x));
    }
  }
  return { ky, kx };
}

function armMoments(name: string, a: unknown, ky: number, kx: number): CupedMoments {
  if (isSums(a)) {
    const n = integerInRange(FN, `${name}.n`, a.n, { min: 2, max: Number.MAX_SAFE_INTEGER });
    const sy = numberInRange(FN, `${name}.sum`, a.sum, {}) / ky;
    const syy = numberInRange(FN, `${name}.sumSquares`, a.sumSquares, { min: 0 }) / ky / ky;
    const sx = numberInRange(FN, `${name}.covariateSum`, a.covariateSum, {}) / kx;
    const sxx = numberInRange(FN, `${name}.covariateSumSquares`, a.covariateSumSquares, { min: 0 }) / kx / kx;
    const sp = numberInRange(FN, `${name}.sumProducts`, a.sumProducts, {}) / ky / kx;
    const cy = centredSquares(FN, name, n, sy, syy);
    const cx = centredSquares(FN, `${name} covariate`, n, sx, sxx);
    const cxy = sp - sy * (sx / n);
    if (cxy * cxy > cy.ss * cx.ss * (1 + 1e-9) + SUMS_NOISE * syy * sxx) {
      throw new InvalidInputError(FN, `${name}.sumProducts implies a correlation above 1 between the metric and its covariate, which no data can produce`, sp);
    }
    return { n, my: sy / n, mx: sx / n, syy: cy.ss, sxx: cx.ss, sxy: cxy };
  }
  const v = arm(name, a);
  if (ky !== 1) for (let i = 0; i < v.y.length; i++) v.y[i] = v.y[i]! / ky;
  if (kx !== 1) for (let i = 0; i < v.x.length; i++) v.x[i] = v.x[i]! / kx;
  return moments(v);
}

function arm(name: string, a: unknown): { y: Float64Array; x: Float64Array } {
  if (!isObject(a)) throw new InvalidInputError(FN, `${name} must be an object { y, x } or CUPED sums { n, sum, sumSquares, covariateSum, covariateSumSquares, sumProducts }`, a);
  const y = finiteArray(FN, `${name}.y`, a.y, 2);
  const x = finiteArray(FN, `${name}.x`, a.x, 2);
  sameLength(FN, `${name}.y`, y, `${name}.x`, x);
  return { y, x };
}

function moments(v: { y: Float64Array; x: Float64Array }) {
  const n = v.y.length;
  let my = 0;
  let mx = 0;
  for (let i = 0; i < n; i++) {
    my += v.y[i]!;
    mx += v.x[i]!;
  }
  my /= n;
  mx /= n;
  let syy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dy = v.y[i]! - my;
    const dx = v.x[i]! - mx;
    syy += dy * dy;
    sxx += dx * dx;
    sxy += dx * dy;
  }
  return { n, my, mx, syy, sxx, sxy };
}

/**
 * CUPED variance reduction with a pre-experiment covariate (e.g. last month's spend): the adjusted
 * treatment effect, identical to the OLS / ANCOVA estimate of `y ~ arm + x`, with its standard error.
 *
 * @remarks θ = (S_xy,C + S_xy,T)/(S_xx,C + S_xx,T) (within-arm sums of cross-products), adjusted
 * difference Δȳ − θΔx̄. Using within-arm sums (not the pooled covariance over both arms) makes
 * the estimate exactly the ANCOVA coefficient, and the reported SE exactly OLS's. With a covariate
 * unaffected by treatment the estimate is unbiased and its variance shrinks by about ρ². O(n).
 * @see Deng, Xu, Kohavi & Walker, "Improving the Sensitivity of Online Controlled Experiments by Utilizing Pre-Experiment Data" (WSDM 2013); statsmodels `OLS`
 * @throws {@link InvalidInputError} on non-finite values, mismatched lengths, fewer than 2 users per arm, or a covariate constant within both arms
 * @throws {@link InvalidOptionError} on invalid alpha / alternative
 * @example
 * ```ts
 * import { cupedAdjust } from 'crmkit/experiment';
 * const r = cupedAdjust({ y: [3, 5, 4, 6], x: [1, 3, 2, 4] }, { y: [5, 6, 8, 7], x: [1, 2, 4, 3] });
 * r.theta; // => 1
 * r.difference; // => 2
 * ```
 * @category Experiment
 */
export function cupedAdjust(control: CupedArm | CupedArmSums, treatment: CupedArm | CupedArmSums, options?: CupedAdjustOptions): CupedAdjustResult {
  const o = checkOptions(FN, options, ['alternative', 'alpha', 'theta']);
  const alternative = checkAlternative(FN, o.alternative);
  const alpha = checkAlpha(FN, o.alpha);
  const mode = o.theta === undefined ? 'within' : oneOf(FN, 'options.theta', o.theta, ['within', 'pooled'] as const);
  const { ky, kx } = scales(control, treatment);
  const c = armMoments('control', control, ky, kx);
  const t = armMoments('treatment', treatment, ky, kx);
  const r = mode === 'pooled' ? pooled(c, t, alternative, alpha) : within(c, t, alternative, alpha);
  if (ky === 1 && kx === 1) return r;
  // back to the data's units (statistic, df, p-value and variance reduction are scale-free)
  const k = (x: number): number => x * ky;
  return {
    ...r,
    theta: (r.theta * ky) / kx,
    adjustedMeans: { control: k(r.adjustedMeans.control), treatment: k(r.adjustedMeans.treatment) },
    means: { control: k(r.means.control), treatment: k(r.means.treatment) },
    difference: k(r.difference),
    standardError: k(r.standardError),
    unadjustedStandardError: k(r.unadjustedStandardError),
    confidenceInterval: { lower: k(r.confidenceInterval.lower), upper: k(r.confidenceInterval.upper) },
  };
}

/** θ from within-arm sums (ANCOVA), OLS standard error. */
function within(c: CupedMoments, t: CupedMoments, alternative: Alternative, alpha: number): CupedAdjustResult {
  const sxx = c.sxx + t.sxx;
  if (!(sxx > 0)) throw new InvalidInputError(FN, 'the covariate x must vary within the arms', sxx);
  const sxy = c.sxy + t.sxy;
  const syy = c.syy + t.syy;
  const theta = sxy / sxx;
  const n = c.n + t.n;
  const mxAll = (c.n * c.mx + t.n * t.mx) / n;
  const dx = t.mx - c.mx;
  const difference = t.my - c.my - theta * dx;
  const df = n - 3;
  if (df < 1) throw new InvalidInputError(FN, 'at least 4 users in total are needed', n);
  const rss = Math.max(0, syy - theta * sxy);
  const sigma2 = rss / df;
  const se = Math.sqrt(sigma2 * (1 / c.n + 1 / t.n + (dx * dx) / sxx));
  const unadjustedStandardError = Math.sqrt((syy / (n - 2)) * (1 / c.n + 1 / t.n));
  const statistic = safeRatio(difference, se);
  const confidenceInterval = tInterval(difference, se, df, alternative, alpha);
  return {
    theta,
    adjustedMeans: { control: c.my - theta * (c.mx - mxAll), treatment: t.my - theta * (t.mx - mxAll) },
    means: { control: c.my, treatment: t.my },
    difference,
    standardError: se,
    unadjustedStandardError,
    statistic,
    df,
    pValue: pFromT(statistic, df, alternative, difference === 0 && se === 0),
    confidenceInterval,
    varianceReduction: syy > 0 ? (sxy * sxy) / (sxx * syy) : 0,
    alternative,
    alpha,
  };
}

/** θ pooled over both arms as one sample (gbstats), Welch's t on the adjusted arm moments. */
function pooled(c: CupedMoments, t: CupedMoments, alternative: Alternative, alpha: number): CupedAdjustResult {
  const n = c.n + t.n;
  const mxAll = (c.n * c.mx + t.n * t.mx) / n;
  const myAll = (c.n * c.my + t.n * t.my) / n;
  const sxx = c.sxx + t.sxx + c.n * (c.mx - mxAll) ** 2 + t.n * (t.mx - mxAll) ** 2;
  if (!(sxx > 0)) throw new InvalidInputError(FN, 'the covariate x must vary', sxx);
  const sxy = c.sxy + t.sxy + c.n * (c.mx - mxAll) * (c.my - myAll) + t.n * (t.mx - mxAll) * (t.my - myAll);
  const theta = sxy / sxx;
  const adj = (a: CupedMoments) => ({ n: a.n, mean: a.my - theta * (a.mx - mxAll), variance: Math.max(0, a.syy - 2 * theta * a.sxy + theta * theta * a.sxx) / (a.n - 1) });
  const r = tTestFromMoments(adj(c), adj(t), alternative, alpha, false);
  const raw = Math.sqrt(c.syy / (c.n - 1) / c.n + t.syy / (t.n - 1) / t.n);
  return {
    theta,
    adjustedMeans: { control: r.control.mean, treatment: r.treatment.mean },
    means: { control: c.my, treatment: t.my },
    difference: r.difference,
    standardError: r.standardError,
    unadjustedStandardError: raw,
    statistic: r.statistic,
    df: r.df,
    pValue: r.pValue,
    confidenceInterval: r.confidenceInterval,
    varianceReduction: raw > 0 ? 1 - (r.standardError * r.standardError) / (raw * raw) : 0,
    alternative,
    alpha,
  };
}
