/**
 * Unvalidated kernels for erf/erfc and the normal distribution, written from the power series
 * (A&S 7.1.5 / 26.2.11) and Laplace's continued fraction for the Mills ratio (A&S 26.2.14),
 * with exp(−x²/2) evaluated in two pieces so the far tails keep full relative accuracy.
 *
 * @internal
 * @module
 */

export const SQRT_2PI = 2.5066282746310005024;
export const INV_SQRT_2PI = 0.3989422804014327;
export const LN_SQRT_2PI = 0.91893853320467274178;
export const TWO_OVER_SQRT_PI = 1.1283791670955125739;
export const ONE_OVER_SQRT_PI = 0.56418958354775628695;

/** exp(−s·x²) for s ∈ {½, 1} without the rounding error of forming x² (x split into a 1/16 grid + rest). */
export function expNegSq(x: number, s: number): number {
  const ax = Math.abs(x);
  if (ax > 1e8) return 0;
  const hi = Math.trunc(ax * 16) / 16; // hi² exact (few significant bits)
  const lo = ax - hi; // exact
  return Math.exp(-s * hi * hi) * Math.exp(-s * lo * (ax + hi));
}

/** Σ_{k≥0} x·(c·x²)^k/(1·3·…·(2k+1)); c = 1 gives (Φ(x) − ½)/φ(x), c = 2 gives erf(x)·√π/(2e^{−x²}). */
export function oddSeries(x: number, c: number): number {
  if (x < 0) return -oddSeries(-x, c);
  const x2 = c * x * x;
  let term = x;
  let s = x;
  for (let k = 1; k < 500; k++) {
    term *= x2 / (2 * k + 1);
    s += term;
    if (term <= 1e-17 * s) break;
  }
  return s;
}

/**
 * Continued fraction 1/(x + c/(x + 2c/(x + 3c/(x + …)))) for x > 0 by the modified Lentz method:
 * c = 1 is the Mills ratio Q(x)/φ(x); c = ½ is √π·erfcx(x).
 */
export function millsCF(x: number, c: number): number {
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 5000; n++) {
    const an = n * c;
    D = x + an * D;
    if (D === 0) D = tiny;
    C = x + an / C;
    if (C === 0) C = tiny;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/** Below this the power series is used for the normal upper tail, above it the continued fraction. */
const NORMAL_SWITCH = 2;

/** Standard normal upper tail Q(x) = P(Z > x), computed directly for x > 0. */
export function normalSfK(x: number): number {
  if (x === Infinity) return 0;
  if (x === -Infinity) return 1;
  if (x < 0) return 1 - normalSfK(-x);
  if (x < NORMAL_SWITCH) return 0.5 - (expNegSq(x, 0.5) * INV_SQRT_2PI) * oddSeries(x, 1);
  if (x > 40) return 0;
  return (expNegSq(x, 0.5) * INV_SQRT_2PI) * millsCF(x, 1);
}

/** Standard normal density φ(x). */
export function normalPdfK(x: number): number {
  return expNegSq(x, 0.5) * INV_SQRT_2PI;
}

/** log Φ(x). */
export function normalLogCdfK(x: number): number {
  if (x === -Infinity) return -Infinity;
  if (x === Infinity) return 0;
  if (x < -NORMAL_SWITCH) {
    const ax = -x;
    return -0.5 * ax * ax - LN_SQRT_2PI + Math.log(millsCF(ax, 1));
  }
  if (x <= 0) return Math.log(normalSfK(-x));
  return Math.log1p(-normalSfK(x));
}

/** z with Φ(z) = p for 0 < p ≤ ½ (so z ≤ 0): A&S 26.2.23 start, then Halley steps on Φ. */
export function normalLowerQuantileK(p: number): number {
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  const t = Math.sqrt(-2 * Math.log(p));
  let x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let it = 0; it < 20; it++) {
    const cdf = normalSfK(-x);
    const pdf = normalPdfK(x);
    if (pdf === 0) break;
    const u = (cdf - p) / pdf;
    const dx = u / (1 + 0.5 * x * u);
    x -= dx;
    if (Math.abs(dx) <= 1e-15 * Math.abs(x)) break;
  }
  return x;
}

/** erfc(z) for real z, with the far tail (down to ~1e-308) relatively accurate. */
export function erfcK(z: number): number {
  if (z === Infinity) return 0;
  if (z === -Infinity) return 2;
  if (z < 0) return 2 - erfcK(-z);
  if (z < 1.5) return 1 - TWO_OVER_SQRT_PI * expNegSq(z, 1) * oddSeries(z, 2);
  if (z > 27.3) return 0;
  return ONE_OVER_SQRT_PI * expNegSq(z, 1) * millsCF(z, 0.5);
}

/** erf(z). */
export function erfK(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return -1;
  const az = Math.abs(z);
  if (az < 1.5) return TWO_OVER_SQRT_PI * expNegSq(z, 1) * oddSeries(z, 2);
  const r = 1 - erfcK(az);
  return z < 0 ? -r : r;
}

/** erfcx(z) = e^{z²} erfc(z). */
export function erfcxK(z: number): number {
  if (z === Infinity) return 0;
  if (z < 0) {
    if (z < -26.7) return Infinity;
    // 2e^{z²} − erfcx(−z)
    const e = 1 / expNegSq(z, 1);
    return 2 * e - erfcxK(-z);
  }
  if (z < 1.5) return Math.exp(z * z) * erfcK(z);
  return ONE_OVER_SQRT_PI * millsCF(z, 0.5);
}
