/**
 * Regularized incomplete beta function I_x(a, b), its complement and its inverse.
 *
 * @module
 */
import { notNaN, shapeParameter, probability } from './_check.js';
import { InvalidInputError } from '../errors.js';
import { betaInc, betaLogDensity } from './_incBetaKernels.js';
import { logBetaK } from './_gammaKernels.js';
import { normalLowerQuantileK } from './_erfKernels.js';
import { solveTail } from './_solve.js';

function checkUnit(fn: string, x: number): number {
  notNaN(fn, 'x', x);
  if (!(x >= 0 && x <= 1)) throw new InvalidInputError(fn, 'x must be in [0, 1]', x);
  return x;
}

/**
 * Regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b).
 *
 * @remarks Continued fraction A&S 26.5.8 (modified Lentz) on the side of the mean where it
 * converges, the other side by the symmetry I_x(a, b) = 1 − I_(1−x)(b, a). The prefactor
 * x^a(1−x)^b/B(a, b) is computed in Loader's saddle-point form with Stirling remainders and the
 * deviance bd0, so shapes up to 1e5 and beyond lose nothing to cancellation (jstat is 2e-4 off at
 * a = b = 1e5). ≈ 1e-14 relative where the value is not the complement of a tiny number.
 * @see scipy.special.betainc
 * @throws {@link InvalidInputError} unless x ∈ [0, 1] and a, b > 0 (finite)
 * @example
 * ```ts
 * import { regularizedBeta } from 'crmkit';
 * regularizedBeta(0.5, 2, 3); // => 0.6875
 * ```
 * @category Special functions
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  const fn = 'core/regularizedBeta';
  checkUnit(fn, x);
  shapeParameter(fn, 'a', a);
  shapeParameter(fn, 'b', b);
  return betaInc(a, b, x, 1 - x, false);
}

/**
 * 1 − I_x(a, b), computed directly (never as 1 − I), so upper tails near x = 1 stay accurate.
 *
 * @remarks Same kernel as {@link regularizedBeta}, returning the continued fraction of the swapped
 * problem I_(1−x)(b, a) when x is above the mean.
 * @see scipy.special.betaincc (scipy ≥ 1.11); 1 − betainc in scipy 1.10
 * @throws {@link InvalidInputError} unless x ∈ [0, 1] and a, b > 0 (finite)
 * @example
 * ```ts
 * import { regularizedBetaComplement } from 'crmkit';
 * regularizedBetaComplement(0.5, 2, 3); // => 0.31249999999999994
 * ```
 * @category Special functions
 */
export function regularizedBetaComplement(x: number, a: number, b: number): number {
  const fn = 'core/regularizedBetaComplement';
  checkUnit(fn, x);
  shapeParameter(fn, 'a', a);
  shapeParameter(fn, 'b', b);
  return betaInc(a, b, x, 1 - x, true);
}

/**
 * x with I_x(a, b) = p (upper = false) or 1 − I_x(a, b) = p (upper = true).
 * @internal
 */
export function betaInvK(p: number, a: number, b: number, upper: boolean): number {
  if (p === 0) return upper ? 1 : 0;
  if (p === 1) return upper ? 0 : 1;
  const lowerP = upper ? 1 - p : p;
  const n = a + b;
  const mean = a / n;
  const sd = Math.sqrt((a * b) / (n * n * (n + 1)));
  const z = lowerP <= 0.5 ? normalLowerQuantileK(lowerP) : -normalLowerQuantileK(upper ? p : 1 - p);
  const cands: number[] = [];
  const xn = mean + z * sd;
  if (xn > 0 && xn < 1) cands.push(xn);
  const lb = logBetaK(a, b);
  // lower tail I ≈ x^a/(a B), upper tail 1 − I ≈ y^b/(b B)
  const xl = Math.exp((Math.log(lowerP) + Math.log(a) + lb) / a);
  if (xl > 0 && xl < 1) cands.push(xl);
  const yu = Math.exp((Math.log(upper ? p : 1 - p) + Math.log(b) + lb) / b);
  if (yu > 0 && yu < 1) cands.push(1 - yu);
  const tail = (x: number): number => betaInc(a, b, x, 1 - x, upper);
  let x0 = 0.5;
  let best = Infinity;
  const lp = Math.log(p);
  for (const c of cands) {
    const v = tail(c);
    const d = v > 0 ? Math.abs(Math.log(v) - lp) : Infinity;
    if (d < best) {
      best = d;
      x0 = c;
    }
  }
  return solveTail(tail, (x) => Math.exp(betaLogDensity(a, b, x, 1 - x)), p, !upper, x0, 0, 1);
}

/**
 * Inverse of the regularized incomplete beta function: x with I_x(a, b) = p.
 *
 * @remarks Start from the best of a normal approximation and the two tail power laws, then
 * safeguarded Newton steps on the log of the smaller tail (bracketed, bisection fallback); for
 * p > ½ the complement 1 − p (exact) is inverted against the directly computed upper tail, so
 * p = 1 − 1e-12 is handled (jstat is 685% off there). p = 0 → 0, p = 1 → 1.
 * @see scipy.special.betaincinv
 * @throws {@link InvalidInputError} unless p ∈ [0, 1] and a, b > 0 (finite)
 * @example
 * ```ts
 * import { betaInv } from 'crmkit';
 * betaInv(0.6875, 2, 3); // => 0.49999999999999994
 * ```
 * @category Special functions
 */
export function betaInv(p: number, a: number, b: number): number {
  const fn = 'core/betaInv';
  probability(fn, 'p', p);
  shapeParameter(fn, 'a', a);
  shapeParameter(fn, 'b', b);
  if (p > 0.5) return betaInvK(1 - p, a, b, true);
  return betaInvK(p, a, b, false);
}
