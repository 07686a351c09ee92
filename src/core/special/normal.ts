/**
 * The standard normal distribution: cdf, sf, log cdf, pdf, quantile and inverse survival function.
 *
 * @module
 */
import { notNaN, probability } from './_check.js';
import { normalLogCdfK, normalLowerQuantileK, normalPdfK, normalSfK } from './_erfKernels.js';

/**
 * Standard normal cdf Φ(x) = P(Z ≤ x).
 *
 * @remarks Computed as the upper tail Q(−x) directly: for |x| < 2 the series
 * ½ + φ(x)Σ x^(2k+1)/(2k+1)!!, beyond that φ(x) times Laplace's continued fraction for the Mills
 * ratio, with e^(−x²/2) formed without rounding of x². Relatively accurate into the far lower tail
 * (Φ(−37.5) ≈ 4.6e-308). Φ(−Infinity) = 0, Φ(Infinity) = 1.
 * @see scipy.stats.norm.cdf / scipy.special.ndtr
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { normalCdf } from 'crmkit';
 * normalCdf(1.96); // => 0.9750021048517794
 * normalCdf(-30); // => 4.90671392714819e-198
 * ```
 * @category Distributions
 */
export function normalCdf(x: number): number {
  return normalSfK(-notNaN('core/normalCdf', 'x', x));
}

/**
 * Standard normal survival function Q(x) = P(Z > x), computed directly (never 1 − Φ).
 *
 * @remarks Same kernel as {@link normalCdf}; relative accuracy ≈ 1e-15 down to 1e-307.
 * @see scipy.stats.norm.sf
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { normalSf } from 'crmkit';
 * normalSf(5); // => 2.8665157187919396e-7
 * ```
 * @category Distributions
 */
export function normalSf(x: number): number {
  return normalSfK(notNaN('core/normalSf', 'x', x));
}

/**
 * log Φ(x), finite far below where Φ underflows (x = −1e5 gives ≈ −5e9).
 *
 * @remarks x < −2: −x²/2 − log√(2π) + log R(−x) with R the Mills-ratio continued fraction;
 * −2 ≤ x ≤ 0: log Q(−x); x > 0: log1p(−Q(x)).
 * @see scipy.stats.norm.logcdf / scipy.special.log_ndtr
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { normalLogCdf } from 'crmkit';
 * normalLogCdf(-40); // => -804.6084420137538
 * ```
 * @category Distributions
 */
export function normalLogCdf(x: number): number {
  return normalLogCdfK(notNaN('core/normalLogCdf', 'x', x));
}

/**
 * Standard normal density φ(x) = e^(−x²/2)/√(2π).
 *
 * @remarks e^(−x²/2) is formed from x split on a 1/16 grid so the tails are relatively accurate.
 * @see scipy.stats.norm.pdf
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { normalPdf } from 'crmkit';
 * normalPdf(0); // => 0.3989422804014327
 * ```
 * @category Distributions
 */
export function normalPdf(x: number): number {
  notNaN('core/normalPdf', 'x', x);
  if (!Number.isFinite(x)) return 0;
  return normalPdfK(x);
}

/**
 * Standard normal quantile Φ⁻¹(p), for p down to 1e-300 (and up to 1 − 1e-16).
 *
 * @remarks Starts from the rational approximation of A&S 26.2.23 (error < 4.5e-4) and refines it
 * with Halley steps on the directly computed tail probability, so the result is as accurate as
 * Φ itself (≈ 1e-15 relative) even at p = 1e-300. For p > ½ the upper tail 1 − p (exact in
 * floating point) is inverted. p = 0 → −Infinity, p = 1 → Infinity.
 * @see scipy.stats.norm.ppf / scipy.special.ndtri
 * @throws {@link InvalidInputError} unless p is in [0, 1]
 * @example
 * ```ts
 * import { normalQuantile } from 'crmkit';
 * normalQuantile(0.975); // => 1.9599639845400516
 * normalQuantile(1e-300); // => -37.0470962993612
 * ```
 * @category Distributions
 */
export function normalQuantile(p: number): number {
  probability('core/normalQuantile', 'p', p);
  if (p <= 0.5) return normalLowerQuantileK(p);
  return -normalLowerQuantileK(1 - p);
}

/**
 * Inverse survival function of the standard normal: x with P(Z > x) = q.
 *
 * @remarks −Φ⁻¹(q) by symmetry; use it instead of `normalQuantile(1 - q)` for tiny q, where 1 − q
 * would round to 1.
 * @see scipy.stats.norm.isf
 * @throws {@link InvalidInputError} unless q is in [0, 1]
 * @example
 * ```ts
 * import { normalIsf } from 'crmkit';
 * normalIsf(1e-20); // => 9.262340089798407
 * ```
 * @category Distributions
 */
export function normalIsf(q: number): number {
  probability('core/normalIsf', 'q', q);
  if (q <= 0.5) return -normalLowerQuantileK(q);
  return normalLowerQuantileK(1 - q);
}
