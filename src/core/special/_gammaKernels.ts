/**
 * Unvalidated kernels behind the gamma-family functions: log Γ(1+ε), Stirling's remainder,
 * Loader's deviance term, log(1+x) − x, sin(πx). Written from the mathematics (Abramowitz & Stegun
 * 6.1, 6.3; C. Loader, "Fast and accurate computation of binomial probabilities", 2000).
 *
 * @internal
 * @module
 */

/** log √(2π). */
export const LN_SQRT_2PI = 0.91893853320467274178;
/** Euler–Mascheroni γ. */
export const EULER_GAMMA = 0.57721566490153286061;

/** ζ(k) − 1 for k = 2, 3, …, 31 (50-digit mpmath, rounded). */
const ZETA_M1 = [
  0.64493406684822644, 0.20205690315959429, 0.082323233711138192, 0.036927755143369926, 0.01734306198444914,
  0.0083492773819228268, 0.0040773561979443394, 0.0020083928260822144, 0.00099457512781808534,
  0.00049418860411946456, 0.0002460865533080483, 0.00012271334757848915, 6.1248135058704829e-5,
  3.0588236307020494e-5, 1.5282259408651872e-5, 7.6371976378997623e-6, 3.8172932649998399e-6,
  1.9082127165539389e-6, 9.5396203387279611e-7, 4.7693298678780646e-7, 2.3845050272773299e-7,
  1.1921992596531107e-7, 5.960818905125948e-8, 2.980350351465228e-8, 1.4901554828365041e-8,
  7.4507117898354295e-9, 3.7253340247884571e-9, 1.862659723513049e-9, 9.3132743241966818e-10,
  4.6566290650337841e-10,
];

/**
 * log(1 + x) − x, accurate near 0. Uses log1p(x) = 2·atanh(u), u = x/(2 + x), so
 * log1p(x) − x = −u·x + 2(u³/3 + u⁵/5 + …), free of cancellation for |u| ≤ 1/3.
 */
export function log1pmxK(x: number): number {
  if (x > -0.5 && x < 1) {
    const u = x / (2 + x);
    const u2 = u * u;
    let term = u * u2;
    let s = 0;
    for (let k = 3; k < 200; k += 2) {
      const t = term / k;
      s += t;
      if (Math.abs(t) <= 1e-17 * Math.abs(s)) break;
      term *= u2;
    }
    return -u * x + 2 * s;
  }
  return Math.log1p(x) - x;
}

/**
 * log Γ(1 + ε) for |ε| ≤ 0.5 by the series −log1p(ε) + ε(1 − γ) + Σ_{k≥2} (−ε)^k (ζ(k) − 1)/k
 * (A&S 6.1.33 rearranged so the coefficients decay like 2^−k).
 */
export function lgamma1pSmall(e: number): number {
  let s = 0;
  let pw = e; // (-e)^(k-1) with sign handled below
  for (let i = 0; i < ZETA_M1.length; i++) {
    pw *= -e; // (-1)^{k} e^{k}·(-1)... see below
    const t = (ZETA_M1[i]! / (i + 2)) * pw;
    s += t;
    if (Math.abs(t) <= 1e-17 * Math.abs(s)) break;
  }
  // pw after step i equals e·(−e)^{i+1} = −(−e)^{i+2}; correct the sign.
  return -Math.log1p(e) + e * (1 - EULER_GAMMA) - s;
}

/** Bernoulli-number coefficients B_{2k}/(2k(2k−1)) for Stirling's series, k = 1..10. */
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188,
  -174611 / 125400,
];

/**
 * Stirling's remainder S(x) = log Γ(x) − (x − ½)log x + x − log√(2π) (= Loader's stirlerr),
 * for x > 0. Series in 1/x for x ≥ 10, otherwise the recurrence S(x) = S(x+1) + (x+½)log1p(1/x) − 1,
 * whose absolute error stays near 1e-16 (S enters probabilities through exp, so absolute error is
 * what matters).
 */
export function stirlerr(x: number): number {
  let acc = 0;
  while (x < 10) {
    acc += (x + 0.5) * Math.log1p(1 / x) - 1;
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * r2 + STIRLING[k]!;
  return acc + s * r;
}

/**
 * Loader's deviance term bd0(x, m) = x·log(x/m) + m − x ≥ 0, computed as −x·log1pmx((m − x)/x)
 * without cancellation when m ≈ x.
 */
export function bd0(x: number, m: number): number {
  if (x === 0) return m;
  if (m === 0) return Infinity;
  const t = (m - x) / x;
  if (t > -0.5 && t < 1) return -x * log1pmxK(t);
  const r = x / m;
  const lr = r > 0 && r < Infinity ? Math.log(r) : Math.log(x) - Math.log(m);
  return x * lr + m - x;
}

/**
 * log of x^a e^{−x} / Γ(a + 1) for a > 0, x ≥ 0 (Poisson-density form), computed as
 * −S(a) − bd0(a, x) − log√(2πa) so that large a near x loses nothing.
 */
export function logPoissonTerm(a: number, x: number): number {
  if (x === 0) return -Infinity;
  return -stirlerr(a) - bd0(a, x) - LN_SQRT_2PI - 0.5 * Math.log(a);
}

/** sin(πx) with exact argument reduction (exact zeros at integers). */
export function sinpi(x: number): number {
  let r = x % 2; // exact
  if (r < 0) r += 2; // r in [0, 2)
  let sign = 1;
  if (r >= 1) {
    r -= 1;
    sign = -1;
  }
  if (r > 0.5) r = 1 - r; // exact
  return sign * (r === 0 ? 0 : Math.sin(Math.PI * r));
}

/** log Γ(x) for x > 0 (unvalidated). */
export function lgammaPos(x: number): number {
  if (x < 0.5) return lgamma1pSmall(x) - Math.log(x);
  if (x <= 1.5) return lgamma1pSmall(x - 1);
  if (x <= 2.5) {
    const e = x - 2;
    return lgamma1pSmall(e) + Math.log1p(e);
  }
  if (x < 10) {
    // shift down into [1.5, 2.5]: log Γ(x) = log Γ(x−n) + log((x−1)(x−2)…(x−n))
    let prod = 1;
    let y = x;
    while (y > 2.5) {
      y -= 1;
      prod *= y;
    }
    const e = y - 2;
    return lgamma1pSmall(e) + Math.log1p(e) + Math.log(prod);
  }
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlerr(x);
}

/** log Γ(1 + a) for a > −1, accurate near a = 0 and 1. */
export function lgamma1p(a: number): number {
  if (Math.abs(a) <= 0.5) return lgamma1pSmall(a);
  return lgammaPos(a + 1);
}

/** log B(a, b) for a, b > 0 (unvalidated), accurate when one or both are large. */
export function logBetaK(a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi < 10) return lgammaPos(lo) + lgammaPos(hi) - lgammaPos(lo + hi);
  const n = lo + hi;
  if (lo < 10) {
    // log Γ(hi) − log Γ(lo+hi) = −hi·log1pmx(lo/hi) − ½log1p(lo/hi)·(−1) − lo·log(n) + S(hi) − S(n)
    const u = lo / hi;
    const corr = -hi * log1pmxK(u) + 0.5 * Math.log1p(u) - lo * Math.log(n) + stirlerr(hi) - stirlerr(n);
    return lgammaPos(lo) + corr;
  }
  return (
    LN_SQRT_2PI -
    0.5 * Math.log(n) +
    (lo - 0.5) * Math.log(lo / n) +
    (hi - 0.5) * Math.log(hi / n) +
    stirlerr(lo) +
    stirlerr(hi) -
    stirlerr(n)
  );
}
