/**
 * Power functions behind the planning helpers (normal approximation for proportions; z and
 * noncentral-t for means) and a monotone root finder.
 *
 * @internal
 * @module
 */
import { logGamma, normalCdf, normalIsf, normalPdf, normalSf, studentTIsf } from './_dist.js';
import { InvalidInputError } from '../core/errors.js';
import { integrate, logConcaveRange } from './_quadrature.js';
import type { Alternative } from './types.js';

/** Named sample-size formulas for proportions. @category Experiment */
export type ProportionPowerVariant = 'cohen-h' | 'pooled' | 'unpooled';

/**
 * Power of the two-proportion z test with nControl = n, nTreatment = ratio·n.
 * 'cohen-h': statsmodels NormalIndPower on h = 2·asin√p_T − 2·asin√p_C.
 * 'pooled': SE under H0 from the weighted mean rate, under H1 unpooled (Fleiss).
 * 'unpooled': unpooled SE under both.
 * Two-sided power counts both rejection tails.
 */
export function proportionPower(variant: ProportionPowerVariant, p1: number, p2: number, n: number, ratio: number, alpha: number, alt: Alternative): number {
  const n2 = n * ratio;
  if (variant === 'cohen-h') {
    const h = 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
    const d = alt === 'less' ? -h : h;
    return normalPower(alt === 'two-sided' ? Math.abs(h) : d, 1 / (1 / n + 1 / n2), alpha, alt === 'two-sided');
  }
  const se1 = Math.sqrt((p1 * (1 - p1)) / n + (p2 * (1 - p2)) / n2);
  let se0 = se1;
  if (variant === 'pooled') {
    const pbar = (p1 + ratio * p2) / (1 + ratio);
    se0 = Math.sqrt(pbar * (1 - pbar) * (1 / n + 1 / n2));
  }
  const delta = p2 - p1;
  if (alt === 'two-sided') {
    const c = normalIsf(alpha / 2);
    return normalCdf((Math.abs(delta) - c * se0) / se1) + normalCdf((-Math.abs(delta) - c * se0) / se1);
  }
  const c = normalIsf(alpha);
  const d = alt === 'greater' ? delta : -delta;
  return normalCdf((d - c * se0) / se1);
}

/** statsmodels `normal_power`: effect d in sd units, effective n = 1/(1/n1 + 1/n2). */
export function normalPower(d: number, nEff: number, alpha: number, twoSided: boolean): number {
  const crit = normalIsf(twoSided ? alpha / 2 : alpha);
  const s = d * Math.sqrt(nEff);
  let p = normalSf(crit - s);
  if (twoSided) p += normalCdf(-crit - s);
  return p;
}

/** P(T' > c) for a noncentral t with df degrees of freedom and noncentrality δ: E_V[Φ(δ − c·√(V/df))], V ~ χ²_df, integrated over u = log V. */
export function noncentralTSf(c: number, df: number, delta: number): number {
  const k = df / 2;
  const lg = logGamma(k) + k * Math.LN2;
  const logf = (u: number): number => k * u - Math.exp(u) / 2 - lg; // log of f_χ²(e^u)·e^u
  const mode = Math.log(df);
  const [lo, hi] = logConcaveRange(logf, mode, Math.sqrt(2 / df), 745);
  const r = integrate((u) => {
    const w = Math.exp(logf(u));
    return w === 0 ? 0 : w * normalCdf(delta - c * Math.sqrt(Math.exp(u) / df));
  }, lo, hi, { relTol: 1e-10, absTol: 1e-300, initialPanels: 16, maxPanels: 2000 }); // |K15 − G7| ≤ 1e-10 leaves K15 near 1e-15
  return Math.min(1, Math.max(0, r.value));
}

/** Degrees of freedom from which {@link tPower} uses the large-df expansion instead of quadrature. */
export const T_EXPANSION_DF = 5000;

/**
 * E[Φ(x − y·W)] with W = √(χ²_ν/ν), expanded around m = E[W] to the fourth central moment of W
 * (error O(ν⁻³)): the noncentral-t tail P(T' > c) = E[Φ(δ − cW)] for large ν, in O(1). The
 * moments come from the series of m = √(2/ν)Γ((ν+1)/2)/Γ(ν/2) = 1 − a, written so nothing cancels:
 * μ₂ = 2a − a², μ₃ = m(1/ν − 2μ₂), μ₄ = 4μ₂/ν − 2/ν + 4μ₂ − 3μ₂².
 */
export function phiOfScaledChi(x: number, y: number, nu: number): number {
  const i1 = 1 / nu;
  const i2 = i1 * i1;
  const i3 = i2 * i1;
  const i4 = i2 * i2;
  const a = i1 / 4 - i2 / 32 - (5 * i3) / 128 + (21 * i4) / 2048;
  const m = 1 - a;
  const mu2 = 2 * a - a * a;
  const mu3 = m * (i2 / 8 + (5 * i3) / 32 - (21 * i4) / 512 + 2 * a * a);
  const mu4 = -i2 / 4 - (5 * i3) / 16 + (21 * i4) / 256 - 4 * a * a + 4 * mu2 * i1 - 3 * mu2 * mu2;
  const z = x - y * m;
  const f = normalPdf(z);
  // Φ⁽ᵏ⁾(z)·(−y)ᵏ·μₖ/k!, Φ'' = −zφ, Φ''' = (z² − 1)φ, Φ'''' = (3z − z³)φ
  const y2 = y * y;
  return normalCdf(z) + f * ((-z * y2 * mu2) / 2 - ((z * z - 1) * y2 * y * mu3) / 6 + ((3 * z - z * z * z) * y2 * y2 * mu4) / 24);
}

/** Student-t inverse survival function (core's `studentTIsf`, O(1) at large df since its Cornish–Fisher branch). */
export function tIsf(q: number, df: number): number {
  return studentTIsf(q, df);
}

/** statsmodels `TTestIndPower.power`: df = n1 + n2 − 2, noncentrality d·√(1/(1/n1 + 1/n2)). */
export function tPower(d: number, n1: number, ratio: number, alpha: number, twoSided: boolean): number {
  const n2 = n1 * ratio;
  const df = n1 + n2 - 2;
  const nc = d * Math.sqrt(1 / (1 / n1 + 1 / n2));
  const crit = tIsf(twoSided ? alpha / 2 : alpha, df);
  if (df >= T_EXPANSION_DF) {
    // quadrature over the χ² law loses accuracy (and takes seconds) at huge df; the expansion is exact to O(df⁻³)
    let p = phiOfScaledChi(nc, crit, df);
    if (twoSided) p += phiOfScaledChi(-nc, crit, df);
    return Math.min(1, p);
  }
  let p = noncentralTSf(crit, df, nc);
  if (twoSided) p += 1 - noncentralTSf(-crit, df, nc);
  return p;
}

/** Root of an increasing function on [lo, hi] (f(lo) < 0 < f(hi)) by bisection to full precision. */
export function bisectIncreasing(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 400; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Sample sizes per arm solved from a power gap `f(n) = power(n) − target` (increasing in n). */
export interface SolvedSampleSize {
  nControl: number;
  nTreatment: number;
  total: number;
  nControlRaw: number;
  nTreatmentRaw: number;
}

/**
 * Smallest control-arm n ≥ `nMin` with f(n) ≥ 0 (bracketing by doubling from `start`, then
 * bisection), the treatment arm at `ratio` × n, each ceiled (a 1e-9 relative slack keeps an exact
 * integer solution from rounding up).
 */
export function solveSampleSize(fn: string, f: (n: number) => number, nMin: number, start: number, ratio: number): SolvedSampleSize {
  let nControlRaw = nMin;
  if (f(nMin) < 0) {
    // bracket [lo, hi] by doubling (no cap short of the largest doubles), then bisect inside it
    let lo = nMin;
    let hi = Math.max(start, nMin);
    while (f(hi) < 0) {
      if (hi > 1e300) throw new InvalidInputError(fn, 'no sample size reaches the requested power (the effect is too small for double precision)', hi);
      lo = hi;
      hi *= 2;
    }
    nControlRaw = bisectIncreasing(f, lo, hi);
  }
  return rounded(nControlRaw, ratio);
}

/** Per-arm sizes from the real control size: ceiled, with a 1e-9 relative slack so an exact integer solution does not round up. */
export function rounded(nControlRaw: number, ratio: number): SolvedSampleSize {
  const nTreatmentRaw = nControlRaw * ratio;
  const nControl = Math.ceil(nControlRaw - 1e-9 * nControlRaw);
  const nTreatment = Math.ceil(nTreatmentRaw - 1e-9 * nTreatmentRaw);
  return { nControl, nTreatment, total: nControl + nTreatment, nControlRaw, nTreatmentRaw };
}
