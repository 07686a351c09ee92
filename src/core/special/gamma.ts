/**
 * Gamma-family special functions: log Γ, Γ, digamma, trigamma, log B, log n!, log C(n, k),
 * log(1 + x) − x.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import { count, finite, positive } from './_check.js';
import { LN_SQRT_2PI, lgamma1pSmall, lgammaPos, log1pmxK, logBetaK, sinpi, stirlerr } from './_gammaKernels.js';

const LN_PI = 1.1447298858494001741;

function poleError(fn: string, x: number): never {
  throw new InvalidInputError(fn, 'x must not be 0 or a negative integer (pole of Γ)', x);
}

/**
 * Natural log of the absolute value of the gamma function, log |Γ(x)|.
 *
 * @remarks Near 1 and 2 (0.5 ≤ x ≤ 2.5) a series for log Γ(1 + ε) in ζ(k) − 1 (A&S 6.1.33), so the
 * zeros at 1 and 2 keep full relative accuracy; x < 0.5 via Γ(x) = Γ(1+x)/x; 2.5 < x < 10 by shifting
 * down into [1.5, 2.5]; x ≥ 10 Stirling's series with ten Bernoulli terms; negative non-integers by
 * reflection. Measured max relative error vs 50-digit mpmath over the reference fixtures: see
 * `docs/design-choices.md` (≈ 1e-15).
 * @see scipy.special.gammaln
 * @throws {@link InvalidInputError} if x is not finite or is 0 or a negative integer
 * @example
 * ```ts
 * import { logGamma } from 'crmkit';
 * logGamma(10); // => 12.80182748008147
 * logGamma(0.5); // => 0.5723649429247001
 * ```
 * @category Special functions
 */
export function logGamma(x: number): number {
  const fn = 'core/logGamma';
  finite(fn, 'x', x);
  if (x > 0) return lgammaPos(x);
  if (Number.isInteger(x)) poleError(fn, x);
  // reflection: |Γ(x)| = π / (|sin(πx)| Γ(1 − x))
  return LN_PI - Math.log(Math.abs(sinpi(x))) - lgammaPos(1 - x);
}

/**
 * The gamma function Γ(x).
 *
 * @remarks x ≤ 10: Γ of the fractional part in [1, 2] as exp(log Γ(1 + ε)) times the exact-as-possible
 * product of the shifts; x > 10: √(2π)·x^(x−½)·e^(−x)·e^(S(x)) with the power split in two to avoid
 * overflow before 171.6; negative non-integers by reflection. Overflows to Infinity for x > 171.62.
 * Relative error ≈ 1e-15.
 * @see scipy.special.gamma
 * @throws {@link InvalidInputError} if x is not finite or is 0 or a negative integer
 * @example
 * ```ts
 * import { gammaFn } from 'crmkit';
 * gammaFn(5); // => 24
 * gammaFn(0.5); // => 1.772453850905516
 * ```
 * @category Special functions
 */
export function gammaFn(x: number): number {
  const fn = 'core/gammaFn';
  finite(fn, 'x', x);
  if (x <= 0 && Number.isInteger(x)) poleError(fn, x);
  return gammaK(x);
}

function gammaK(x: number): number {
  if (x < 0.5) return Math.PI / (sinpi(x) * gammaK(1 - x));
  if (x > 171.7) return Infinity;
  if (x > 10) {
    const v = Math.pow(x, 0.5 * x - 0.25);
    return Math.exp(LN_SQRT_2PI + stirlerr(x)) * v * (v * Math.exp(-x));
  }
  if (Number.isInteger(x)) {
    let f = 1;
    for (let i = 2; i < x; i++) f *= i;
    return f;
  }
  // x in [0.5, 10]: bring into [0.5, 1.5] then Γ(x) = Γ(1+ε)·(x−1)(x−2)…
  let prod = 1;
  let y = x;
  while (y > 1.5) {
    y -= 1;
    prod *= y;
  }
  return Math.exp(lgamma1pSmall(y - 1)) * prod;
}

/** Root x₀ of ψ, split as hi + lo, and the Taylor coefficients ψ^(k)(x₀)/k!, k = 1..23 (mpmath). */
const PSI_ROOT_HI = 1.4616321449683622;
const PSI_ROOT_LO = 9.549995429965697e-17;
const PSI_ROOT_TAYLOR = [
  0.96767224544762117, -0.44276316898359211, 0.25849976095565101, -0.16394270544240653, 0.10782405069126237,
  -0.072199561256454711, 0.048804288164143107, -0.033161126474847359, 0.022597648232218105, -0.015424765904948959,
  0.010538791616612175, -0.0072045343863568682, 0.0049267813957298534, -0.0033698016554393281,
  0.0023051263267349278, -0.0015769367714301973, 0.0010788252019162966, -0.00073807093899600513,
  0.00050495326583460204, -0.0003454680251063077, 0.00023635601564027053, -0.00016170622091974803,
  0.00011063372768747411,
];
/** B_{2k}/(2k) for the digamma asymptotic series, k = 1..8. */
const PSI_ASYM = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12, -3617 / 8160];
/** B_{2k} for the trigamma asymptotic series, k = 1..8. */
const PSI1_ASYM = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510];

function digammaK(x: number): number {
  if (x <= 0) {
    // reflection ψ(1 − x) − ψ(x) = π cot(πx)
    const s = sinpi(x);
    const c = sinpi(x + 0.5); // cos(πx)
    return digammaK(1 - x) - (Math.PI * c) / s;
  }
  const d = x - PSI_ROOT_HI - PSI_ROOT_LO;
  if (Math.abs(d) < 0.25) {
    let s = 0;
    for (let k = PSI_ROOT_TAYLOR.length - 1; k >= 0; k--) s = s * d + PSI_ROOT_TAYLOR[k]!;
    return s * d;
  }
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const r2 = 1 / (x * x);
  let s = 0;
  for (let k = PSI_ASYM.length - 1; k >= 0; k--) s = s * r2 + PSI_ASYM[k]!;
  return acc + Math.log(x) - 0.5 / x - s * r2;
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x).
 *
 * @remarks x ≥ 10 asymptotic series (8 Bernoulli terms); smaller x by the recurrence
 * ψ(x) = ψ(x+1) − 1/x; within 0.25 of the positive root x₀ ≈ 1.4616 a Taylor series about x₀ (so
 * relative accuracy holds at the zero); negative non-integers by reflection. ≈ 1e-15 relative.
 * @see scipy.special.digamma (psi)
 * @throws {@link InvalidInputError} if x is not finite or is 0 or a negative integer
 * @example
 * ```ts
 * import { digamma } from 'crmkit';
 * digamma(1); // => -0.5772156649015324
 * ```
 * @category Special functions
 */
export function digamma(x: number): number {
  const fn = 'core/digamma';
  finite(fn, 'x', x);
  if (x <= 0 && Number.isInteger(x)) poleError(fn, x);
  return digammaK(x);
}

function trigammaK(x: number): number {
  if (x <= 0) {
    const s = sinpi(x);
    return -trigammaK(1 - x) + (Math.PI * Math.PI) / (s * s);
  }
  let acc = 0;
  while (x < 10) {
    acc += 1 / (x * x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  let s = 0;
  for (let k = PSI1_ASYM.length - 1; k >= 0; k--) s = s * r2 + PSI1_ASYM[k]!;
  return acc + r + 0.5 * r2 + s * r2 * r;
}

/**
 * The trigamma function ψ′(x).
 *
 * @remarks x ≥ 10 asymptotic series 1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1); smaller x by
 * ψ′(x) = ψ′(x+1) + 1/x²; negative non-integers by reflection. ≈ 1e-15 relative.
 * @see scipy.special.polygamma(1, x)
 * @throws {@link InvalidInputError} if x is not finite or is 0 or a negative integer
 * @example
 * ```ts
 * import { trigamma } from 'crmkit';
 * trigamma(1); // => 1.6449340668482264
 * ```
 * @category Special functions
 */
export function trigamma(x: number): number {
  const fn = 'core/trigamma';
  finite(fn, 'x', x);
  if (x <= 0 && Number.isInteger(x)) poleError(fn, x);
  return trigammaK(x);
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b > 0.
 *
 * @remarks Both shapes < 10: the log Γ sum. One or both ≥ 10: written with Stirling's remainder S and
 * log1pmx so the large log Γ terms cancel analytically (no loss at a = 1, b = 1e10).
 * ≈ 1e-15 relative.
 * @see scipy.special.betaln
 * @throws {@link InvalidInputError} unless a and b are finite and > 0
 * @example
 * ```ts
 * import { logBeta } from 'crmkit';
 * logBeta(1, 1); // => 0
 * logBeta(2, 3); // => -2.4849066497880004
 * ```
 * @category Special functions
 */
export function logBeta(a: number, b: number): number {
  const fn = 'core/logBeta';
  positive(fn, 'a', a);
  positive(fn, 'b', b);
  return logBetaK(a, b);
}

/**
 * log n! for an integer n ≥ 0.
 *
 * @remarks Equals log Γ(n + 1) (see {@link logGamma}); exact table-free computation.
 * @see scipy.special.gammaln(n + 1)
 * @throws {@link InvalidInputError} unless n is an integer ≥ 0
 * @example
 * ```ts
 * import { logFactorial } from 'crmkit';
 * logFactorial(0); // => 0
 * Math.exp(logFactorial(5)); // => 119.99999999999997
 * ```
 * @category Special functions
 */
export function logFactorial(n: number): number {
  count('core/logFactorial', 'n', n);
  return n < 2 ? 0 : lgammaPos(n + 1);
}

/**
 * log of the binomial coefficient C(n, k) for real n ≥ k ≥ 0 (integers in the usual case).
 *
 * @remarks −log(n + 1) − log B(n − k + 1, k + 1) with the cancellation-free {@link logBeta}; exact
 * 0 at k = 0 and k = n.
 * @see scipy.special.comb (log of), scipy.special.betaln
 * @throws {@link InvalidInputError} unless n and k are finite with 0 ≤ k ≤ n
 * @example
 * ```ts
 * import { logChoose } from 'crmkit';
 * Math.round(Math.exp(logChoose(10, 3))); // => 120
 * logChoose(5, 0); // => 0
 * ```
 * @category Special functions
 */
export function logChoose(n: number, k: number): number {
  const fn = 'core/logChoose';
  finite(fn, 'n', n);
  finite(fn, 'k', k);
  if (!(k >= 0 && k <= n)) throw new InvalidInputError(fn, `k must satisfy 0 <= k <= n (n = ${n})`, k);
  if (k === 0 || k === n) return 0;
  return -Math.log1p(n) - logBetaK(n - k + 1, k + 1);
}

/**
 * log(1 + x) − x, accurate near x = 0 where the direct formula cancels.
 *
 * @remarks For −0.5 < x < 1 the atanh series 2(u³/3 + u⁵/5 + …) − u·x with u = x/(2 + x);
 * elsewhere log1p(x) − x. ≈ 2e-16 relative. −Infinity at x = −1.
 * @see scipy.special.log1p(x) − x (scipy has no dedicated public function)
 * @throws {@link InvalidInputError} unless x is finite and ≥ −1
 * @example
 * ```ts
 * import { log1pmx } from 'crmkit';
 * log1pmx(1e-10); // => -4.999999999666667e-21
 * ```
 * @category Special functions
 */
export function log1pmx(x: number): number {
  const fn = 'core/log1pmx';
  finite(fn, 'x', x);
  if (!(x >= -1)) throw new InvalidInputError(fn, 'x must be >= -1', x);
  if (x === -1) return -Infinity;
  return log1pmxK(x);
}
