/**
 * The chi-square distribution with real df > 0, and the gamma distribution (shape, scale).
 *
 * @module
 */
import { notNaN, positive, probability, shapeParameter } from './_check.js';
import { incGamma } from './_incGammaKernels.js';
import { gammaInvK } from './incompleteGamma.js';

/**
 * Chi-square cdf P(X ≤ x) with df > 0 (real) degrees of freedom.
 *
 * @remarks P(df/2, x/2) via {@link regularizedGammaP}; accurate near x ≈ df for df from 2,000 to
 * 1e5 and beyond (Loader prefactor), where the `@stdlib` packages are 1e-2 to 5e-2 off. x ≤ 0 → 0, Infinity → 1.
 * @see scipy.stats.chi2.cdf / scipy.special.chdtr
 * @throws {@link InvalidInputError} if x is NaN or df is not finite and > 0
 * @example
 * ```ts
 * import { chiSquareCdf } from 'crmkit';
 * chiSquareCdf(3.841458820694124, 1); // => 0.9499999999999998
 * ```
 * @category Distributions
 */
export function chiSquareCdf(x: number, df: number): number {
  const fn = 'core/chiSquareCdf';
  notNaN(fn, 'x', x);
  shapeParameter(fn, 'df', df);
  return x <= 0 ? 0 : incGamma(0.5 * df, 0.5 * x, false);
}

/**
 * Chi-square survival function P(X > x), computed directly (never 1 − cdf).
 *
 * @remarks Q(df/2, x/2) via {@link regularizedGammaQ}.
 * @see scipy.stats.chi2.sf / scipy.special.chdtrc
 * @throws {@link InvalidInputError} if x is NaN or df is not finite and > 0
 * @example
 * ```ts
 * import { chiSquareSf } from 'crmkit';
 * chiSquareSf(100, 10); // => 5.44970198292052e-17
 * ```
 * @category Distributions
 */
export function chiSquareSf(x: number, df: number): number {
  const fn = 'core/chiSquareSf';
  notNaN(fn, 'x', x);
  shapeParameter(fn, 'df', df);
  return x <= 0 ? 1 : incGamma(0.5 * df, 0.5 * x, true);
}

/**
 * Chi-square quantile: x with P(X ≤ x) = p.
 *
 * @remarks 2·P⁻¹(df/2, p) (see {@link gammaPInv}); p > ½ inverts the directly computed upper tail.
 * @see scipy.stats.chi2.ppf
 * @throws {@link InvalidInputError} unless p ∈ [0, 1] and df > 0
 * @example
 * ```ts
 * import { chiSquareQuantile } from 'crmkit';
 * chiSquareQuantile(0.95, 1); // => 3.8414588206941285
 * ```
 * @category Distributions
 */
export function chiSquareQuantile(p: number, df: number): number {
  const fn = 'core/chiSquareQuantile';
  probability(fn, 'p', p);
  shapeParameter(fn, 'df', df);
  return 2 * (p > 0.5 ? gammaInvK(0.5 * df, 1 - p, true) : gammaInvK(0.5 * df, p, false));
}

/**
 * Chi-square inverse survival function: x with P(X > x) = q (precise for tiny q).
 *
 * @remarks 2·Q⁻¹(df/2, q) by safeguarded Newton on the directly computed upper tail.
 * @see scipy.stats.chi2.isf
 * @throws {@link InvalidInputError} unless q ∈ [0, 1] and df > 0
 * @example
 * ```ts
 * import { chiSquareIsf } from 'crmkit';
 * chiSquareIsf(0.05, 1); // => 3.8414588206941294
 * ```
 * @category Distributions
 */
export function chiSquareIsf(q: number, df: number): number {
  const fn = 'core/chiSquareIsf';
  probability(fn, 'q', q);
  shapeParameter(fn, 'df', df);
  return 2 * (q > 0.5 ? gammaInvK(0.5 * df, 1 - q, false) : gammaInvK(0.5 * df, q, true));
}

/**
 * Gamma distribution cdf P(X ≤ x) with shape k > 0 and scale θ > 0 (mean kθ).
 *
 * @remarks P(k, x/θ) via {@link regularizedGammaP}. x ≤ 0 → 0.
 * @see scipy.stats.gamma.cdf(x, a=shape, scale=scale)
 * @throws {@link InvalidInputError} if x is NaN or shape/scale are not finite and > 0
 * @example
 * ```ts
 * import { gammaCdf } from 'crmkit';
 * gammaCdf(2, 1, 2); // => 0.6321205588285578
 * ```
 * @category Distributions
 */
export function gammaCdf(x: number, shape: number, scale: number): number {
  const fn = 'core/gammaCdf';
  notNaN(fn, 'x', x);
  shapeParameter(fn, 'shape', shape);
  positive(fn, 'scale', scale);
  return x <= 0 ? 0 : incGamma(shape, x / scale, false);
}

/**
 * Gamma distribution survival function P(X > x), computed directly.
 *
 * @remarks Q(k, x/θ) via {@link regularizedGammaQ}. x ≤ 0 → 1.
 * @see scipy.stats.gamma.sf
 * @throws {@link InvalidInputError} if x is NaN or shape/scale are not finite and > 0
 * @example
 * ```ts
 * import { gammaSf } from 'crmkit';
 * gammaSf(2, 1, 2); // => 0.3678794411714422
 * ```
 * @category Distributions
 */
export function gammaSf(x: number, shape: number, scale: number): number {
  const fn = 'core/gammaSf';
  notNaN(fn, 'x', x);
  shapeParameter(fn, 'shape', shape);
  positive(fn, 'scale', scale);
  return x <= 0 ? 1 : incGamma(shape, x / scale, true);
}
