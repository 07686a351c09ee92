/**
 * The beta distribution Beta(a, b) on [0, 1].
 *
 * @module
 */
import { notNaN, shapeParameter, probability } from './_check.js';
import { betaInc, betaLogDensity } from './_incBetaKernels.js';
import { betaInvK } from './incompleteBeta.js';

function shapes(fn: string, a: number, b: number): void {
  shapeParameter(fn, 'a', a);
  shapeParameter(fn, 'b', b);
}

/**
 * Beta distribution cdf P(X ≤ x) = I_x(a, b).
 *
 * @remarks See {@link regularizedBeta}. x ≤ 0 → 0, x ≥ 1 → 1.
 * @see scipy.stats.beta.cdf
 * @throws {@link InvalidInputError} if x is NaN or a, b are not finite and in (0, 1e15]
 * @example
 * ```ts
 * import { betaCdf } from 'crmkit';
 * betaCdf(0.5, 2, 3); // => 0.6875
 * ```
 * @category Distributions
 */
export function betaCdf(x: number, a: number, b: number): number {
  const fn = 'core/betaCdf';
  notNaN(fn, 'x', x);
  shapes(fn, a, b);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return betaInc(a, b, x, 1 - x, false);
}

/**
 * Beta distribution survival function P(X > x) = 1 − I_x(a, b), computed directly.
 *
 * @remarks See {@link regularizedBetaComplement}. x ≤ 0 → 1, x ≥ 1 → 0.
 * @see scipy.stats.beta.sf
 * @throws {@link InvalidInputError} if x is NaN or a, b are not finite and in (0, 1e15]
 * @example
 * ```ts
 * import { betaSf } from 'crmkit';
 * betaSf(0.5, 2, 3); // => 0.31249999999999994
 * ```
 * @category Distributions
 */
export function betaSf(x: number, a: number, b: number): number {
  const fn = 'core/betaSf';
  notNaN(fn, 'x', x);
  shapes(fn, a, b);
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  return betaInc(a, b, x, 1 - x, true);
}

/**
 * log of the Beta(a, b) density x^(a−1)(1−x)^(b−1)/B(a, b).
 *
 * @remarks Loader's saddle-point form of x^a(1−x)^b/B(a, b) (no cancellation at large shapes) minus
 * log x + log(1 − x). −Infinity outside [0, 1]; at the end points the limit (Infinity when the
 * shape there is < 1, log b at x = 0 when a = 1).
 * @see scipy.stats.beta.logpdf
 * @throws {@link InvalidInputError} if x is NaN or a, b are not finite and in (0, 1e15]
 * @example
 * ```ts
 * import { betaLogPdf } from 'crmkit';
 * betaLogPdf(0.5, 2, 2); // => 0.4054651081081644
 * ```
 * @category Distributions
 */
export function betaLogPdf(x: number, a: number, b: number): number {
  const fn = 'core/betaLogPdf';
  notNaN(fn, 'x', x);
  shapes(fn, a, b);
  if (x < 0 || x > 1) return -Infinity;
  return betaLogDensity(a, b, x, 1 - x);
}

/**
 * The Beta(a, b) density.
 *
 * @remarks exp of {@link betaLogPdf}. 0 outside [0, 1].
 * @see scipy.stats.beta.pdf
 * @throws {@link InvalidInputError} if x is NaN or a, b are not finite and in (0, 1e15]
 * @example
 * ```ts
 * import { betaPdf } from 'crmkit';
 * betaPdf(0.5, 2, 2); // => 1.5
 * ```
 * @category Distributions
 */
export function betaPdf(x: number, a: number, b: number): number {
  const fn = 'core/betaPdf';
  notNaN(fn, 'x', x);
  shapes(fn, a, b);
  if (x < 0 || x > 1) return 0;
  return Math.exp(betaLogDensity(a, b, x, 1 - x));
}

/**
 * Beta distribution quantile: x with I_x(a, b) = p.
 *
 * @remarks See {@link betaInv}; p = 1 − 1e-12 is inverted through the directly computed upper tail.
 * @see scipy.stats.beta.ppf
 * @throws {@link InvalidInputError} unless p ∈ [0, 1] and a, b > 0
 * @example
 * ```ts
 * import { betaQuantile } from 'crmkit';
 * betaQuantile(0.5, 2, 2); // => 0.5
 * ```
 * @category Distributions
 */
export function betaQuantile(p: number, a: number, b: number): number {
  const fn = 'core/betaQuantile';
  probability(fn, 'p', p);
  shapes(fn, a, b);
  return p > 0.5 ? betaInvK(1 - p, a, b, true) : betaInvK(p, a, b, false);
}
