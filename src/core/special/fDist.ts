/**
 * The F (Fisher–Snedecor) distribution.
 *
 * @module
 */
import { notNaN, shapeParameter } from './_check.js';
import { betaInc } from './_incBetaKernels.js';

function fTail(x: number, d1: number, d2: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  const u = d1 * x;
  let xb: number;
  let yb: number;
  if (u <= d2) {
    const r = u / d2;
    xb = r / (1 + r);
    yb = 1 / (1 + r);
  } else {
    const r = d2 / u;
    xb = 1 / (1 + r);
    yb = r / (1 + r);
  }
  return betaInc(0.5 * d1, 0.5 * d2, xb, yb, upper);
}

/**
 * F distribution cdf P(X ≤ x) with d1, d2 > 0 degrees of freedom.
 *
 * @remarks I_(d1·x/(d1·x + d2))(d1/2, d2/2) with both beta arguments formed without cancellation.
 * x ≤ 0 → 0, Infinity → 1.
 * @see scipy.stats.f.cdf
 * @throws {@link InvalidInputError} if x is NaN or d1, d2 are not finite and in (0, 1e15]
 * @example
 * ```ts
 * import { fCdf } from 'crmkit';
 * fCdf(1, 4, 4); // => 0.5
 * ```
 * @category Distributions
 */
export function fCdf(x: number, d1: number, d2: number): number {
  const fn = 'core/fCdf';
  notNaN(fn, 'x', x);
  shapeParameter(fn, 'd1', d1);
  shapeParameter(fn, 'd2', d2);
  return fTail(x, d1, d2, false);
}

/**
 * F distribution survival function P(X > x), computed directly.
 *
 * @remarks See {@link fCdf}.
 * @see scipy.stats.f.sf
 * @throws {@link InvalidInputError} if x is NaN or d1, d2 are not finite and in (0, 1e15]
 * @example
 * ```ts
 * import { fSf } from 'crmkit';
 * fSf(1, 4, 4); // => 0.5
 * ```
 * @category Distributions
 */
export function fSf(x: number, d1: number, d2: number): number {
  const fn = 'core/fSf';
  notNaN(fn, 'x', x);
  shapeParameter(fn, 'd1', d1);
  shapeParameter(fn, 'd2', d2);
  return fTail(x, d1, d2, true);
}
