/**
 * Regularized incomplete gamma kernels (unvalidated): power series for P below the transition
 * x < a + 1, Legendre's continued fraction (modified Lentz) for Q above it, a cancellation-free
 * formula for Q at small a, and Loader's x^a e^{−x}/Γ(a+1) prefactor so large a near x keeps full
 * accuracy. Written from A&S 6.5.29 / 6.5.31 and Loader (2000).
 *
 * @internal
 * @module
 */
import { lgamma1p, logPoissonTerm } from './_gammaKernels.js';

/** P(a, x) by the series x^a e^{−x}/Γ(a+1) · Σ xⁿ/((a+1)…(a+n)). */
function lowerSeries(a: number, x: number): number {
  const pre = Math.exp(logPoissonTerm(a, x));
  if (pre === 0) return 0;
  let term = 1;
  let s = 1;
  let c = 0; // Neumaier compensation (many terms when a is huge)
  for (let n = 1; n < 100_000_000; n++) {
    term *= x / (a + n);
    const t = s + term;
    c += s - t + term;
    s = t;
    if (term <= 1e-17 * s) break;
  }
  return pre * (s + c);
}

/** Q(a, x) by the continued fraction a·x^a e^{−x}/Γ(a+1) / (x + 1 − a − 1(1−a)/(x + 3 − a − …)). */
function upperCF(a: number, x: number): number {
  const logPre = logPoissonTerm(a, x) + Math.log(a);
  if (logPre < -745.2) return 0;
  const tiny = 1e-300;
  let b = x + 1 - a;
  let C = 1 / tiny;
  let D = 1 / b;
  let f = D;
  for (let n = 1; n < 100_000_000; n++) {
    const an = -n * (n - a);
    b += 2;
    D = an * D + b;
    if (Math.abs(D) < tiny) D = tiny;
    C = b + an / C;
    if (Math.abs(C) < tiny) C = tiny;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPre) * f;
}

/**
 * Q(a, x) for 0 < a < 1 and 0 < x < 2 without forming 1 − P:
 * Q = 1 − x^a/Γ(a+1) − x^a/Γ(a+1) · a·Σ_{n≥1} (−x)ⁿ/(n!(a+n)).
 */
function upperSmallA(a: number, x: number): number {
  const l = a * Math.log(x) - lgamma1p(a);
  let term = 1;
  let s = 0;
  for (let n = 1; n < 200; n++) {
    term *= -x / n;
    const t = term / (a + n);
    s += t;
    if (Math.abs(t) <= 1e-17 * Math.abs(s)) break;
  }
  return -Math.expm1(l) - Math.exp(l) * a * s;
}

/** Regularized incomplete gamma: P(a, x) (upper = false) or Q(a, x) (upper = true); a > 0, x ≥ 0. */
export function incGamma(a: number, x: number, upper: boolean): number {
  if (x === 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  // Large a: stay with the series a little beyond the mean, where Q ≥ ~2% so 1 − P is exact enough
  // and the continued fraction would need O(√a) terms anyway.
  const cut = a < 30 ? a + 1 : a + 1 + 1.5 * Math.sqrt(a);
  if (x < cut) {
    if (!upper) return lowerSeries(a, x);
    if (a < 1) return upperSmallA(a, x);
    return 1 - lowerSeries(a, x);
  }
  const q = upperCF(a, x);
  return upper ? q : 1 - q;
}

/** d/dx P(a, x) = x^{a−1} e^{−x}/Γ(a) = a/x · x^a e^{−x}/Γ(a+1). */
export function gammaDensity(a: number, x: number): number {
  if (x === 0) return a === 1 ? 1 : a < 1 ? Infinity : 0;
  return Math.exp(logPoissonTerm(a, x) + Math.log(a / x));
}
