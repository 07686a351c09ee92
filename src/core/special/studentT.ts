/**
 * Student's t distribution with real degrees of freedom df > 0 (df = Infinity is the normal).
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import { notNaN, probability } from './_check.js';
import { betaInc } from './_incBetaKernels.js';
import { logBetaK } from './_gammaKernels.js';
import { normalLowerQuantileK, normalPdfK, normalSfK } from './_erfKernels.js';
import { solveTail } from './_solve.js';

/**
 * Above this df the t distribution equals the normal to double precision (the leading correction
 * to a quantile is z(z² + 1)/(4·df) relative, below 1e-22 here), so the normal kernels are used; the
 * incomplete-beta route would only add rounding and time (df = 1e308 spun for 14 s).
 */
const NORMAL_DF = 1e25;

function checkDf(fn: string, df: number): number {
  if (typeof df !== 'number' || !(df > 0)) throw new InvalidInputError(fn, 'df must be a number > 0 (Infinity allowed)', df);
  return df;
}

/** P(T > t), computed directly. @internal */
export function tSfK(t: number, df: number): number {
  if (df > NORMAL_DF) return normalSfK(t);
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const at = Math.abs(t);
  // x = df/(df + t²), y = t²/(df + t²), both formed without cancellation
  let x: number;
  let y: number;
  if (at * at <= df) {
    const r = (at * at) / df;
    x = 1 / (1 + r);
    y = r / (1 + r);
  } else {
    const r = df / at / at;
    if (r < 1e-280) {
      // x = df/(df + t²) is below the normal range: ½ I_x(ν/2, ½) = ½ x^(ν/2)/((ν/2) B(ν/2, ½))·(1 + O(x)),
      // with log x = log ν − 2 log|t| exactly enough (the O(x) terms are < 1e-280).
      const a = 0.5 * df;
      const tail = 0.5 * Math.exp(a * (Math.log(df) - 2 * Math.log(at)) - Math.log(a) - logBetaK(a, 0.5));
      return t >= 0 ? tail : 1 - tail;
    }
    x = r / (1 + r);
    y = 1 / (1 + r);
  }
  if (t >= 0) return 0.5 * betaInc(0.5 * df, 0.5, x, y, false);
  return 0.5 + 0.5 * betaInc(0.5 * df, 0.5, x, y, true);
}

/** Density of t. @internal */
export function tPdfK(t: number, df: number): number {
  if (df > NORMAL_DF) return normalPdfK(t);
  if (!Number.isFinite(t)) return 0;
  return Math.exp(-0.5 * (df + 1) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBetaK(0.5 * df, 0.5));
}

/** t ≥ 0 with P(T > t) = q, 0 < q ≤ ½. @internal */
/**
 * Degrees of freedom from which {@link tIsfK} uses the Cornish–Fisher series instead of inverting the
 * incomplete beta (which takes up to a second near df = 1e12 and loses digits at huge shapes). With
 * |z| ≤ 38.5 (q ≥ 1e-324) the first omitted term, O(z¹¹/ν⁵), is below 1e-20 of t from here on.
 */
const CF_DF = 1e7;

/** Student-t isf from the normal isf z: the Cornish–Fisher series in 1/ν to ν⁻⁴ (Abramowitz & Stegun 26.7.5). */
function cornishFisherIsf(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const i = 1 / df;
  return z + i * (g1 + i * (g2 + i * (g3 + i * g4)));
}

export function tIsfK(q: number, df: number): number {
  if (q === 0.5) return 0;
  if (q === 0) return Infinity;
  const z = -normalLowerQuantileK(q);
  if (df > NORMAL_DF) return z;
  if (df >= CF_DF) return cornishFisherIsf(z, df);
  const cands: number[] = [];
  const z2 = z * z;
  const cf = z + (z * (z2 + 1)) / (4 * df) + (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df);
  if (cf > 0 && Number.isFinite(cf)) cands.push(cf);
  const lt = ((0.5 * df - 1) * Math.log(df) - logBetaK(0.5 * df, 0.5) - Math.log(q)) / df;
  const tt = Math.exp(lt);
  if (tt > 0 && Number.isFinite(tt)) cands.push(tt);
  let x0 = 1;
  let best = Infinity;
  const lq = Math.log(q);
  for (const c of cands) {
    const v = tSfK(c, df);
    const d = v > 0 ? Math.abs(Math.log(v) - lq) : Infinity;
    if (d < best) {
      best = d;
      x0 = c;
    }
  }
  return solveTail((t) => tSfK(t, df), (t) => tPdfK(t, df), q, false, x0, 0, Infinity);
}

/**
 * Student t cdf P(T ≤ x) with df > 0 degrees of freedom (real; Infinity gives the normal).
 *
 * @remarks P(T > |x|) = ½·I_(df/(df+x²))(df/2, ½), with both df/(df+x²) and x²/(df+x²) formed
 * without cancellation and the incomplete beta in Loader's saddle-point form, so df = 1e6 (and
 * 1e10) stays at ≈ 1e-14 relative where jstat is 6.5e-5 off. The tail on the far side of 0 is
 * computed directly.
 * @see scipy.stats.t.cdf / scipy.special.stdtr
 * @throws {@link InvalidInputError} if x is NaN or df is not > 0
 * @example
 * ```ts
 * import { studentTCdf } from 'crmkit';
 * studentTCdf(2, 10); // => 0.9633059826146297
 * studentTCdf(-Infinity, 3); // => 0
 * ```
 * @category Distributions
 */
export function studentTCdf(x: number, df: number): number {
  const fn = 'core/studentTCdf';
  notNaN(fn, 'x', x);
  checkDf(fn, df);
  return tSfK(-x, df);
}

/**
 * Student t survival function P(T > x), computed directly (never 1 − cdf).
 *
 * @remarks See {@link studentTCdf}.
 * @see scipy.stats.t.sf
 * @throws {@link InvalidInputError} if x is NaN or df is not > 0
 * @example
 * ```ts
 * import { studentTSf } from 'crmkit';
 * studentTSf(30, 5); // => 3.859324310248028e-7
 * ```
 * @category Distributions
 */
export function studentTSf(x: number, df: number): number {
  const fn = 'core/studentTSf';
  notNaN(fn, 'x', x);
  checkDf(fn, df);
  return tSfK(x, df);
}

/**
 * Student t quantile: x with P(T ≤ x) = p.
 *
 * @remarks Start from the better of a Cornish–Fisher expansion and the power-law tail, then
 * safeguarded Newton steps on the log of the directly computed tail; p > ½ inverts the upper tail
 * 1 − p. p = 0 → −Infinity, p = 1 → Infinity. ≈ 1e-14 relative.
 * @see scipy.stats.t.ppf / scipy.special.stdtrit
 * @throws {@link InvalidInputError} unless p ∈ [0, 1] and df > 0
 * @example
 * ```ts
 * import { studentTQuantile } from 'crmkit';
 * studentTQuantile(0.975, 10); // => 2.2281388519862757
 * ```
 * @category Distributions
 */
export function studentTQuantile(p: number, df: number): number {
  const fn = 'core/studentTQuantile';
  probability(fn, 'p', p);
  checkDf(fn, df);
  if (p < 0.5) return -tIsfK(p, df);
  return tIsfK(1 - p, df);
}

/**
 * Inverse survival function of Student t: x with P(T > x) = q (precise for tiny q).
 *
 * @remarks See {@link studentTQuantile}.
 * @see scipy.stats.t.isf
 * @throws {@link InvalidInputError} unless q ∈ [0, 1] and df > 0
 * @example
 * ```ts
 * import { studentTIsf } from 'crmkit';
 * studentTIsf(0.025, 10); // => 2.2281388519862753
 * ```
 * @category Distributions
 */
export function studentTIsf(q: number, df: number): number {
  const fn = 'core/studentTIsf';
  probability(fn, 'q', q);
  checkDf(fn, df);
  if (q <= 0.5) return tIsfK(q, df);
  return -tIsfK(1 - q, df);
}
