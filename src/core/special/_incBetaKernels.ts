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

/**
 * Lentz evaluation of the A&S 26.5.8 continued fraction (the factor after x^a y^b/(a B)), y = 1 − x.
 *
 * With a large and x near 1 every odd level 1 + d_(2m+1) = 1 − (a+m)(a+b+m)x/((a+2m)(a+2m+1)) is a
 * difference of nearly equal numbers. We therefore also evaluate it exactly rearranged,
 * (a(2m+1−b) + m(3m+2−b) + (a+m)(a+b+m)·y)/((a+2m)(a+2m+1)), take whichever form is better
 * conditioned, and run Lentz's recurrences on the deviations D − 1 and C − 1 so no level re-forms
 * the cancelling sum.
 */
function betaCF(a: number, b: number, x: number, y: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let d = 1; // D, with dm1 = D − 1
  let dm1 = 0;
  let c = 1; // C, with cm1 = C − 1
  let cm1 = 0;
  let h = 1;
  const step = (aa: number, onePlus: number): number => {
    // D ← 1/(1 + aa·D), the denominator formed as (1 + aa) + aa·(D − 1) so a cancelling 1 + aa
    // enters through its exact rearrangement. D − 1 is re-derived each level (no drift).
    let den = onePlus + aa * dm1;
    if (Math.abs(den) < tiny) den = tiny;
    const dn = 1 / den;
    dm1 = Math.abs(dn - 1) >= 0.5 ? dn - 1 : -aa * d * dn;
    d = dn;
    // C ← 1 + aa/C; when that cancels, ((1 + aa) + (C − 1))/C instead.
    const cm1n = aa / c;
    let cn = Math.abs(cm1n + 1) >= 0.5 ? 1 + cm1n : (onePlus + cm1) / c;
    if (Math.abs(cn) < tiny) cn = tiny;
    cm1 = Math.abs(cm1n + 1) >= 0.5 ? cm1n : cn - 1;
    c = cn;
    return d * c;
  };
  const oddOnePlus = (m: number, aa: number): number => {
    const m2 = 2 * m;
    const t1 = a * (m2 + 1 - b);
    const t2 = m * (3 * m + 2 - b);
    const t3 = (a + m) * (qab + m) * y;
    const n = t1 + t2 + t3;
    const naive = 1 + aa;
    // condition numbers of the two forms (relative error amplification)
    const condY = (Math.abs(t1) + Math.abs(t2) + Math.abs(t3)) / Math.abs(n);
    const condNaive = (1 + Math.abs(aa)) / Math.abs(naive);
    return condY < condNaive ? n / ((a + m2) * (qap + m2)) : naive;
  };
  // first level: 1/(1 + d₁), d₁ = −(a+b)x/(a+1)
  const aa0 = (-qab * x) / qap;
  let den0 = oddOnePlus(0, aa0);
  if (Math.abs(den0) < tiny) den0 = tiny;
  d = 1 / den0;
  dm1 = -aa0 * d;
  h = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    const aaE = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    h *= step(aaE, 1 + aaE);
    const aaO = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    const del = step(aaO, oddOnePlus(m, aaO));
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
    if (!Number.isFinite(h)) break; // never spin 10⁷ steps on a non-finite term (shapes are capped at 1e15 by the callers)
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
  if (lp < -745.2) {
    // prefactor underflows: the smaller tail is 0 to double precision
    const lowerSide = x < (a + 1) / (a + b + 2);
    return lowerSide === upper ? 1 : 0;
  }
  const pre = Math.exp(lp);
  const lowerSide = x < (a + 1) / (a + b + 2);
  if (lowerSide) {
    const v = (pre * betaCF(a, b, x, y)) / a;
    if (!upper) return v;
    // 1 − v cancels when v > 0.99 (a small shape puts most mass below x): evaluate the upper
    // tail's own fraction instead when x is not far past its switch point (there it still converges
    // to full accuracy, only more slowly; far past it, it does not, and 1 − v is kept).
    const thrB = (b + 1) / (a + b + 2);
    if (v > 0.99 && y <= thrB + 0.75 * (1 - thrB)) return (pre * betaCF(b, a, y, x)) / b;
    return 1 - v;
  }
  const w = (pre * betaCF(b, a, y, x)) / b;
  if (upper) return w;
  const thrA = (a + 1) / (a + b + 2);
  if (w > 0.99 && x <= thrA + 0.75 * (1 - thrA)) return (pre * betaCF(a, b, x, y)) / a;
  return 1 - w;
}

/** log of the Beta(a, b) density at x (y = 1 − x). */
export function betaLogDensity(a: number, b: number, x: number, y: number): number {
  if (x === 0) return a === 1 ? Math.log(b) : a < 1 ? Infinity : -Infinity;
  if (y === 0) return b === 1 ? Math.log(a) : b < 1 ? Infinity : -Infinity;
  return logBetaPrefactor(a, b, x, y) - Math.log(x) - Math.log(y);
}
