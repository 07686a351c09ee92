/**
 * Error functions erf, erfc and the scaled erfcx.
 *
 * @module
 */
import { notNaN } from './_check.js';
import { erfK, erfcK, erfcxK } from './_erfKernels.js';

/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^(−t²) dt.
 *
 * @remarks |x| < 1.5: the series (2/√π)e^(−x²)Σ x(2x²)ᵏ/(2k+1)!! (positive terms); otherwise
 * 1 − erfc(|x|). ±Infinity give ±1. Measured ≤ 2e-16 relative vs mpmath on the fixtures.
 * @see scipy.special.erf
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { erf } from 'crmkit';
 * erf(0.5); // => 0.5204998778130466
 * ```
 * @category Special functions
 */
export function erf(x: number): number {
  return erfK(notNaN('core/erf', 'x', x));
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), computed directly so the upper tail keeps
 * full relative accuracy down to the smallest normal doubles (erfc(26) ≈ 5.7e-296).
 *
 * @remarks x < 1.5: 1 − series; x ≥ 1.5: e^(−x²)/√π times Laplace's continued fraction
 * 1/(x + ½/(x + 1/(x + 3/2/(x + …)))) (modified Lentz), with e^(−x²) formed from x split on a
 * 1/16 grid so x² carries no rounding. x < 0 gives 2 − erfc(−x). Measured ≤ 1e-15 relative.
 * @see scipy.special.erfc
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { erfc } from 'crmkit';
 * erfc(10); // => 2.0884875837625443e-45
 * erfc(-Infinity); // => 2
 * ```
 * @category Special functions
 */
export function erfc(x: number): number {
  return erfcK(notNaN('core/erfc', 'x', x));
}

/**
 * The scaled complementary error function erfcx(x) = e^(x²)·erfc(x), which does not underflow for
 * large x (≈ 1/(x√π)).
 *
 * @remarks x ≥ 1.5: the continued fraction directly (no exponential); smaller x: e^(x²)·erfc(x);
 * x < 0: 2e^(x²) − erfcx(−x), overflowing to Infinity below −26.7.
 * @see scipy.special.erfcx
 * @throws {@link InvalidInputError} if x is NaN
 * @example
 * ```ts
 * import { erfcx } from 'crmkit';
 * erfcx(0); // => 1
 * ```
 * @category Special functions
 */
export function erfcx(x: number): number {
  return erfcxK(notNaN('core/erfcx', 'x', x));
}
