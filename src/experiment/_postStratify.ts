/**
 * Post-stratification of analyzeExperiment: the effect of a mean or binomial metric estimated within
 * each level of a dimension and averaged with the levels' shares of users.
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';
import { pFromZ, safeRatio } from './_common.js';
import { normalCdf, normalIsf } from './_dist.js';
import { mixtureSprt } from './sequentialTest.js';
import type { LevelStats, MetricSpec } from './_experimentInput.js';
import type { ExperimentComparison } from './analyzeExperiment.js';

/**
 * Replaces the estimate of a (mean or binomial) comparison by the post-stratified one over `levels`.
 *
 * Per level h (control C, treatment T): control mean m_h, effect Δ_h = ȳ_T,h − ȳ_C,h, their
 * covariance C_h = [[v_C, −v_C], [−v_C, v_C + v_T]] with v = s²/n (binomial: p(1 − p)/n). Shares
 * ν_h = N_h/N of the pair's users. Estimates (m, Δ) = Σ ν_h (m_h, Δ_h); covariance
 * A·(diag ν − ννᵀ)·Aᵀ/N + Σ ν_h² C_h with A the 2 × H matrix of (m_h, Δ_h) — the first term is the
 * sampling noise of the shares (gbstats' covariance of multinomial weighted means). z test on Δ;
 * relative lift Δ/|m| with its delta-method variance.
 */
export function postStratify(
  fn: string,
  cmp: ExperimentComparison,
  m: MetricSpec,
  j: number,
  levels: readonly LevelStats[],
  dimension: string,
  ci: number,
  ai: number,
  alpha: number,
  tuning: number | undefined,
): { liftSe: number } {
  const H = levels.length;
  const nu: number[] = [];
  const mC: number[] = [];
  const eff: number[] = [];
  const vC: number[] = [];
  const vT: number[] = [];
  let N = 0;
  const binomial = m.type === 'binomial';
  for (const l of levels) {
    const c = l.metrics[ci]![j]!;
    const t = l.metrics[ai]![j]!;
    const need = binomial ? 1 : 2;
    if (c.n < need || t.n < need) {
      throw new InvalidInputError(fn, `options.postStratify: level '${l.level}' of dimension '${dimension}' has fewer than ${need} users in an arm of '${cmp.arm}' vs control; merge small levels with a smaller topN`, Math.min(c.n, t.n));
    }
    const v = (s: typeof c) => (binomial ? s.sxx / s.n / s.n : s.sxx / (s.n - 1) / s.n);
    nu.push(c.n + t.n);
    N += c.n + t.n;
    mC.push(c.mx);
    eff.push(t.mx - c.mx);
    vC.push(v(c));
    vT.push(v(t));
  }
  for (let h = 0; h < H; h++) nu[h] = nu[h]! / N;
  let m0 = 0;
  let d = 0;
  for (let h = 0; h < H; h++) {
    m0 += nu[h]! * mC[h]!;
    d += nu[h]! * eff[h]!;
  }
  // A (diag ν − ννᵀ) Aᵀ / N = Σ ν_h (a_h − ā)(b_h − b̄) / N, plus Σ ν_h² C_h
  let c00 = 0;
  let c01 = 0;
  let c11 = 0;
  for (let h = 0; h < H; h++) {
    const w = nu[h]!;
    const a = mC[h]! - m0;
    const b = eff[h]! - d;
    c00 += (w * a * a) / N + w * w * vC[h]!;
    c01 += (w * a * b) / N - w * w * vC[h]!;
    c11 += (w * b * b) / N + w * w * (vC[h]! + vT[h]!);
  }
  const se = Math.sqrt(Math.max(0, c11));
  const statistic = safeRatio(d, se);
  let pValue = pFromZ(statistic, 'two-sided', d === 0 && se === 0);
  const z = normalIsf(alpha / 2);
  let confidenceInterval = { lower: d - z * se, upper: d + z * se };
  const unadjusted = cmp.difference;
  const seRaw2 = cmp.control.variance / cmp.control.n + cmp.treatment.variance / cmp.treatment.n;
  if (tuning !== undefined) {
    const sq = mixtureSprt(d, se, N, alpha, tuning);
    confidenceInterval = sq.confidenceInterval;
    pValue = sq.pValue;
  }
  cmp.difference = d;
  cmp.confidenceInterval = confidenceInterval;
  cmp.statistic = statistic;
  cmp.pValue = pValue;
  cmp.adjustedPValue = pValue;
  let liftSeOut = Infinity;
  if (m0 !== 0) {
    const lift = d / Math.abs(m0);
    // ∇ of Δ/m at (m, Δ): (−Δ/m², 1/m)
    const g0 = -d / (m0 * m0);
    const g1 = 1 / m0;
    const liftSe = Math.sqrt(Math.max(0, g0 * g0 * c00 + 2 * g0 * g1 * c01 + g1 * g1 * c11));
    liftSeOut = liftSe;
    cmp.relativeLift = lift;
    cmp.relativeInterval = tuning !== undefined ? mixtureSprt(lift, liftSe, N, alpha, tuning).confidenceInterval : { lower: lift - z * liftSe, upper: lift + z * liftSe };
  } else {
    cmp.relativeLift = d === 0 ? 0 : d > 0 ? Infinity : -Infinity;
    cmp.relativeInterval = { lower: -Infinity, upper: Infinity };
  }
  const pHigher = se > 0 ? normalCdf(d / se) : d > 0 ? 1 : d < 0 ? 0 : 0.5;
  if (cmp.posterior === undefined) cmp.chanceToBeatControl = m.higherIsBetter ? pHigher : 1 - pHigher;
  cmp.test = `post-stratified by ${dimension} (${H} strata) → z test`;
  cmp.postStratified = { dimension, strata: H, unadjustedDifference: unadjusted, varianceReduction: seRaw2 > 0 ? 1 - (se * se) / seRaw2 : 0 };
  return { liftSe: liftSeOut };
}
