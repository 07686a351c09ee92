import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, options as checkOptions } from '../core/validate.js';
import { checkAlternative, checkAlpha } from './_common.js';
import { logChoose } from './_dist.js';
import type { Alternative, Interval } from './types.js';

/** Options of {@link fisherExactTest}. @category Experiment */
export interface FisherExactTestOptions {
  /**
   * Alternative on the odds ratio of the table as given (scipy's convention): 'greater' means
   * odds ratio > 1, i.e. table[0][0] larger than independence predicts.
   * @defaultValue 'two-sided'
   */
  alternative?: Alternative;
  /** 1 − confidence level of the exact interval for the conditional odds ratio. @defaultValue 0.05 */
  alpha?: number;
}

/** Result of {@link fisherExactTest} when all margins are positive. @category Experiment */
export interface FisherExactTestDefined {
  defined: true;
  pValue: number;
  /** Sample (unconditional) odds ratio ad/(bc); Infinity when bc = 0. */
  sampleOddsRatio: number;
  /** Conditional maximum-likelihood odds ratio (Fisher's noncentral hypergeometric); 0 or Infinity at the support ends. */
  conditionalOddsRatio: number;
  /** Exact interval for the conditional odds ratio at 1 − alpha (one-sided for 'greater' / 'less'). */
  confidenceInterval: Interval;
  alternative: Alternative;
  alpha: number;
}

/** Result of {@link fisherExactTest} when a row or column total is 0: p-value 1, odds ratio undefined. @category Experiment */
export interface FisherExactTestUndefined {
  defined: false;
  reason: string;
  pValue: 1;
  alternative: Alternative;
  alpha: number;
}

/** Result of {@link fisherExactTest}. @category Experiment */
export type FisherExactTestResult = FisherExactTestDefined | FisherExactTestUndefined;

const FN = 'experiment/fisherExactTest';
const REL = 1 + 1e-14; // scipy 1.10's tolerance for "as extreme as observed"

function logSum(v: Float64Array, from: number, to: number, shift = 0, slope = 0): number {
  // log Σ_{i in [from, to)} exp(v[i] + slope·i) - with max factored out
  let m = -Infinity;
  for (let i = from; i < to; i++) m = Math.max(m, v[i]! + slope * i);
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = from; i < to; i++) s += Math.exp(v[i]! + slope * i - m);
  return m + Math.log(s) + shift;
}

/**
 * log-weights of the tables x in [from, to] ⊆ [lo, hi] around `centre`. Small supports (≤ 4096
 * tables) are taken whole from `logW`. Otherwise the weights are walked outwards from `centre` by the
 * ratio P(x + 1)/P(x) = (r₀ − x)(c₀ − x)/((x + 1)(r₁ − c₀ + x + 1)) (relative to log P(centre) = 0,
 * one log per table): with `peaked` (the null law, whose mode is `centre`) until they fall e^-760
 * below the peak, otherwise (tilted laws centred near `centre`) over ±60 standard deviations of
 * `variance`, where the tilted weights are below e^-1800 of their peak.
 */
function windowAround(
  logW: (x: number) => number,
  margins: [number, number, number],
  centre: number,
  lo: number,
  hi: number,
  variance: number,
  peaked: boolean,
): { from: number; lw: Float64Array; walked: boolean } {
  const span = hi - lo + 1;
  if (span <= 4096) {
    const lw = new Float64Array(span);
    for (let i = 0; i < span; i++) lw[i] = logW(lo + i);
    return { from: lo, lw, walked: false };
  }
  const [r0, r1, c0] = margins;
  const step = (x: number): number => Math.log(((r0 - x) * (c0 - x)) / ((x + 1) * (r1 - c0 + x + 1))); // log P(x+1)/P(x)
  const fixedHalf = Math.ceil(60 * Math.sqrt(variance)) + 64;
  const right: number[] = [];
  let v = 0;
  for (let x = centre; x < hi; x++) {
    if (peaked ? v < -760 : x - centre >= fixedHalf) break;
    v += step(x);
    right.push(v);
  }
  const left: number[] = [];
  v = 0;
  for (let x = centre; x > lo; x--) {
    if (peaked ? v < -760 : centre - x >= fixedHalf) break;
    v -= step(x - 1);
    left.push(v);
  }
  const lw = new Float64Array(left.length + 1 + right.length);
  for (let i = 0; i < left.length; i++) lw[left.length - 1 - i] = left[i]!;
  lw[left.length] = 0;
  for (let i = 0; i < right.length; i++) lw[left.length + 1 + i] = right[i]!;
  return { from: centre - left.length, lw, walked: true };
}

/**
 * Root of an increasing function of θ = log ψ given with its derivative: Newton steps kept inside
 * the bracket found so far (bisection or a widening step otherwise), to machine precision; the
 * root is searched in [−1e4, 1e4] as before.
 */
function solveNewton(g: (theta: number) => [number, number], start: number): number {
  let lo = -1e4;
  let hi = 1e4;
  let th = Math.min(hi, Math.max(lo, start));
  for (let i = 0; i < 300; i++) {
    const [v, dv] = g(th);
    if (v === 0) return th;
    if (v < 0) lo = th;
    else hi = th;
    let next = th - v / dv;
    if (!(dv > 0) || !(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - th) <= 2e-16 * Math.max(1, Math.abs(th)) || next === lo || next === hi) return next;
    th = next;
  }
  return th;
}

/**
 * Fisher's exact test for a 2×2 table `[[a, b], [c, d]]` (rows = arms, columns = converted / not),
 * with the sample odds ratio, the conditional maximum-likelihood odds ratio and its exact interval.
 *
 * @remarks Given the margins, a follows a hypergeometric law (central under H0, Fisher's noncentral
 * with odds ψ otherwise). Two-sided p = Σ P(x) over tables with P(x) ≤ P(a)·(1 + 1e-14) (scipy 1.10);
 * 'less' = P(X ≤ a), 'greater' = P(X ≥ a). The conditional MLE solves E_ψ[X] = a; the exact
 * interval solves P_ψ(X ≥ a) = α/2 (lower) and P_ψ(X ≤ a) = α/2 (upper) (Cornfield), both in log ψ by
 * bisection to machine precision, all sums in log space (p-values far below 1e-300 come out as 0, not NaN).
 * Only tables whose weight is within e^-760 of the peak enter the sums (a window of about ±40
 * standard deviations around the null mode for the p-value, around a for the odds ratio and its
 * interval), so a 23-million-user table costs O(√n) per evaluation, not O(n).
 * @see scipy `fisher_exact` and `scipy.stats.contingency.odds_ratio(table, kind='conditional')`; R `fisher.test`
 * @throws {@link InvalidInputError} unless the table is 2×2 with non-negative integer counts
 * @throws {@link InvalidOptionError} on an unknown option, alpha outside (0, 1) or an unknown alternative
 * @example
 * ```ts
 * import { fisherExactTest } from 'crmkit/experiment';
 * const r = fisherExactTest([[7, 2], [1, 9]]);
 * r.defined && r.pValue.toFixed(6); // => '0.005477'
 * r.defined && r.sampleOddsRatio; // => 31.5
 * ```
 * @category Experiment
 */
export function fisherExactTest(table: readonly (readonly number[])[], options?: FisherExactTestOptions): FisherExactTestResult {
  const o = checkOptions(FN, options, ['alternative', 'alpha']);
  const alternative = checkAlternative(FN, o.alternative);
  const alpha = checkAlpha(FN, o.alpha);
  const rows = arrayLike<unknown>(FN, 'table', table);
  if (rows.length !== 2) throw new InvalidInputError(FN, 'table must be 2×2 (two rows)', table);
  const cells: number[] = [];
  for (let i = 0; i < 2; i++) {
    const r = arrayLike<unknown>(FN, `table[${i}]`, rows[i]);
    if (r.length !== 2) throw new InvalidInputError(FN, `table[${i}] must have two counts`, r);
    for (let j = 0; j < 2; j++) cells.push(integerInRange(FN, `table[${i}][${j}]`, r[j], { min: 0, max: Number.MAX_SAFE_INTEGER }));
  }
  const [a, b, c, d] = cells as [number, number, number, number];
  const row0 = a + b;
  const row1 = c + d;
  const col0 = a + c;
  const col1 = b + d;
  if (row0 === 0 || row1 === 0 || col0 === 0 || col1 === 0) {
    return { defined: false, reason: 'a row or column total is zero', pValue: 1, alternative, alpha };
  }
  const sampleOddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Infinity;
  // X = table[0][0] ~ hypergeometric: draws col0 from row0 "successes" and row1 "failures"
  const lo = Math.max(0, col0 - row1);
  const hi = Math.min(row0, col0);
  const logW = (x: number): number => logChoose(row0, x) + logChoose(row1, col0 - x);
  // Only the tables within ~39 standard deviations of a centre carry mass above 1e-330 of the
  // peak: weights are computed on that window (O(√n) tables, not O(n)). The central window gives
  // the p-values; a window around a gives the conditional MLE and interval (whose laws sit near a).
  const mode = Math.min(hi, Math.max(lo, Math.floor(((row0 + 1) * (col0 + 1)) / (row0 + row1 + 2))));
  const central = windowAround(logW, [row0, row1, col0], mode, lo, hi, 0, true);
  const ia0 = a - central.from;
  let pValue: number;
  const cw = central.lw;
  const csize = cw.length;
  const logTotal = logSum(cw, 0, csize);
  if (a < central.from || a > central.from + csize - 1) {
    // a lies where the null weights are below e^-760 of the peak: the p-value underflows (p < 1e-300)
    const below = a < central.from;
    pValue = alternative === 'two-sided' ? 0 : (alternative === 'less') === below ? 0 : 1;
  } else if (alternative === 'less') pValue = Math.exp(logSum(cw, 0, ia0 + 1) - logTotal);
  else if (alternative === 'greater') pValue = Math.exp(logSum(cw, ia0, csize) - logTotal);
  else {
    // walked weights carry up to ~4e-16 of rounding per step from the mode: ties within that count as ties
    const walked = central.walked ? 5e-16 : 0;
    const im = mode - central.from;
    const cutAt = (i: number): number => cw[ia0]! + Math.log(REL) + walked * (Math.abs(i - im) + Math.abs(ia0 - im));
    let m = -Infinity;
    for (let i = 0; i < csize; i++) if (cw[i]! <= cutAt(i)) m = Math.max(m, cw[i]!);
    let s = 0;
    for (let i = 0; i < csize; i++) if (cw[i]! <= cutAt(i)) s += Math.exp(cw[i]! - m);
    pValue = Math.exp(m + Math.log(s) - logTotal);
  }
  pValue = Math.min(1, pValue);

  // noncentral quantities on the window around a, as functions of θ = log ψ (index i ↔ x = from + i)
  const local = windowAround(logW, [row0, row1, col0], a, lo, hi, 1 / (1 / Math.max(a, 0.5) + 1 / Math.max(b, 0.5) + 1 / Math.max(c, 0.5) + 1 / Math.max(d, 0.5)), false);
  const lw = local.lw;
  const size = lw.length;
  const ia = a - local.from;
  const atLow = a === lo;
  const atHigh = a === hi;
  // one pass over the tilted weights w·e^{θi}: log totals below/above a and the matching means
  const tilt = (theta: number) => {
    let m = -Infinity;
    for (let i = 0; i < size; i++) m = Math.max(m, lw[i]! + theta * i);
    let sLow = 0;
    let sHigh = 0;
    let xLow = 0;
    let xHigh = 0;
    for (let i = 0; i < size; i++) {
      const w = Math.exp(lw[i]! + theta * i - m);
      if (i <= ia) {
        sLow += w;
        xLow += w * i;
      }
      if (i >= ia) {
        sHigh += w;
        xHigh += w * i;
      }
    }
    const wa = Math.exp(lw[ia]! + theta * ia - m);
    const s = sLow + sHigh - wa;
    const mean = (xLow + xHigh - wa * ia) / s;
    const logS = Math.log(s);
    return { mean, logCdf: Math.log(sLow) - logS, logSf: Math.log(sHigh) - logS, meanLow: xLow / sLow, meanHigh: xHigh / sHigh };
  };
  const start = Number.isFinite(sampleOddsRatio) && sampleOddsRatio > 0 ? Math.log(sampleOddsRatio) : 0;
  let conditionalOddsRatio: number;
  if (atLow) conditionalOddsRatio = 0;
  else if (atHigh) conditionalOddsRatio = Infinity;
  else conditionalOddsRatio = Math.exp(solveNewton((th) => { const t = tilt(th); return [t.mean - ia, t.mean > 0 ? variance(th, t.mean) : 1]; }, start));
  // d/dθ log P(X ≥ a) = E[X | X ≥ a] − E[X]; d/dθ log P(X ≤ a) = E[X | X ≤ a] − E[X]
  const lowerAt = (level: number): number =>
    atLow ? 0 : Math.exp(solveNewton((th) => { const t = tilt(th); return [t.logSf - Math.log(level), t.meanHigh - t.mean]; }, start));
  const upperAt = (level: number): number =>
    atHigh ? Infinity : Math.exp(solveNewton((th) => { const t = tilt(th); return [Math.log(level) - t.logCdf, t.mean - t.meanLow]; }, start));
  function variance(theta: number, mean: number): number {
    let m = -Infinity;
    for (let i = 0; i < size; i++) m = Math.max(m, lw[i]! + theta * i);
    let s = 0;
    let v = 0;
    for (let i = 0; i < size; i++) {
      const w = Math.exp(lw[i]! + theta * i - m);
      s += w;
      v += w * (i - mean) * (i - mean);
    }
    return v / s;
  }
  let confidenceInterval: Interval;
  if (alternative === 'two-sided') confidenceInterval = { lower: lowerAt(alpha / 2), upper: upperAt(alpha / 2) };
  else if (alternative === 'less') confidenceInterval = { lower: 0, upper: upperAt(alpha) };
  else confidenceInterval = { lower: lowerAt(alpha), upper: Infinity };
  return { defined: true, pValue, sampleOddsRatio, conditionalOddsRatio, confidenceInterval, alternative, alpha };
}
