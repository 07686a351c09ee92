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

/** Root of an increasing function of θ = log ψ, by bracketing and bisection to machine precision. */
function solveIncreasing(g: (theta: number) => number): number {
  let lo = -1;
  let hi = 1;
  while (g(lo) > 0 && lo > -1e4) lo *= 2;
  while (g(hi) < 0 && hi < 1e4) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
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
 * O(min(row, column totals)) per evaluation.
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
  const size = hi - lo + 1;
  const lw = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = lo + i;
    lw[i] = logChoose(row0, x) + logChoose(row1, col0 - x);
  }
  const ia = a - lo;
  const logTotal = logSum(lw, 0, size);
  let pValue: number;
  if (alternative === 'less') pValue = Math.exp(logSum(lw, 0, ia + 1) - logTotal);
  else if (alternative === 'greater') pValue = Math.exp(logSum(lw, ia, size) - logTotal);
  else {
    const cut = lw[ia]! + Math.log(REL);
    let m = -Infinity;
    for (let i = 0; i < size; i++) if (lw[i]! <= cut) m = Math.max(m, lw[i]!);
    let s = 0;
    for (let i = 0; i < size; i++) if (lw[i]! <= cut) s += Math.exp(lw[i]! - m);
    pValue = Math.exp(m + Math.log(s) - logTotal);
  }
  pValue = Math.min(1, pValue);

  // noncentral quantities as functions of θ = log ψ (index i ↔ x = lo + i; the ψ^lo factor cancels)
  const mean = (theta: number): number => {
    let m = -Infinity;
    for (let i = 0; i < size; i++) m = Math.max(m, lw[i]! + theta * i);
    let s = 0;
    let sx = 0;
    for (let i = 0; i < size; i++) {
      const w = Math.exp(lw[i]! + theta * i - m);
      s += w;
      sx += w * i;
    }
    return sx / s;
  };
  const logCdf = (theta: number, upto: number): number => logSum(lw, 0, upto + 1, 0, theta) - logSum(lw, 0, size, 0, theta);
  const logSfFrom = (theta: number, from: number): number => logSum(lw, from, size, 0, theta) - logSum(lw, 0, size, 0, theta);

  let conditionalOddsRatio: number;
  if (ia === 0) conditionalOddsRatio = 0;
  else if (ia === size - 1) conditionalOddsRatio = Infinity;
  else conditionalOddsRatio = Math.exp(solveIncreasing((th) => mean(th) - ia));

  const lowerAt = (level: number): number =>
    ia === 0 ? 0 : Math.exp(solveIncreasing((th) => logSfFrom(th, ia) - Math.log(level)));
  const upperAt = (level: number): number =>
    ia === size - 1 ? Infinity : Math.exp(solveIncreasing((th) => Math.log(level) - logCdf(th, ia)));
  let confidenceInterval: Interval;
  if (alternative === 'two-sided') confidenceInterval = { lower: lowerAt(alpha / 2), upper: upperAt(alpha / 2) };
  else if (alternative === 'less') confidenceInterval = { lower: 0, upper: upperAt(alpha) };
  else confidenceInterval = { lower: lowerAt(alpha), upper: Infinity };
  return { defined: true, pValue, sampleOddsRatio, conditionalOddsRatio, confidenceInterval, alternative, alpha };
}
