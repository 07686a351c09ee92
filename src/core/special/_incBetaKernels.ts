/**
 * Regularized incomplete beta kernels (unvalidated): the continued fraction of A&S 26.5.8 by the
 * modified Lentz method, with the x^a(1−x)^b/B(a,b) prefactor in Loader's saddle-point form
 * √(ab/(2πn))·exp(S(n) − S(a) − S(b) − bd0(a, nx) − bd0(b, ny)), n = a + b, which loses nothing
 * at large shapes. Callers pass y = 1 − x computed directly (e.g. t²/(ν + t²)) so x near 1 keeps
 * its information.
 *
 * @internal
 * @module
 */
import { LN_SQRT_2PI, bd0, stirlerr } from './_gammaKernels.js';

/** log of x^a y^b / B(a, b), y = 1 − x. */
export function logBetaPrefactor(a: number, b: number, x: number, y: number): number {
  if (x === 0 || y === 0) return -Infinity;
  const n = a + b;
  return (
    stirlerr(n) -
    stirlerr(a) -
    stirlerr(b) -
    bd0(a, n * x) -
    bd0(b, n * y) +
    0.5 * (Math.log(a) + Math.log(b) - Math.log(n)) -
    LN_SQRT_2PI
  );
}

/** Lentz evaluation of the A&S 26.5.8 continued fraction (the factor after x^a y^b/(a B)). */
function betaCF(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * I_x(a, b) (upper = false) or 1 − I_x(a, b) (upper = true), computed directly from whichever
 * side of the mean the continued fraction converges on. a, b > 0; x + y = 1 with both in [0, 1].
 */
export function betaInc(a: number, b: number, x: number, y: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (y <= 0) return upper ? 0 : 1;
  const lp = logBetaPrefactor(a, b, x, y);
  if (x < (a + 1) / (a + b + 2)) {
    const v = lp < -745.2 ? 0 : (Math.exp(lp) * betaCF(a, b, x)) / a;
    return upper ? 1 - v : v;
  }
  const w = lp < -745.2 ? 0 : (Math.exp(lp) * betaCF(b, a, y)) / b;
  return upper ? w : 1 - w;
}

/** log of the Beta(a, b) density at x (y = 1 − x). */
export function betaLogDensity(a: number, b: number, x: number, y: number): number {
  if (x === 0) return a === 1 ? Math.log(b) : a < 1 ? Infinity : -Infinity;
  if (y === 0) return b === 1 ? Math.log(a) : b < 1 ? Infinity : -Infinity;
  return logBetaPrefactor(a, b, x, y) - Math.log(x) - Math.log(y);
}
