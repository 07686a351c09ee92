import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, openUnitInterval, options as checkOptions } from '../core/validate.js';
import { logGamma } from './_dist.js';

/** Options of {@link sequentialSrmTest}. @category Experiment */
export interface SequentialSrmTestOptions {
  /** Planned traffic weights per arm (any positive scale). @defaultValue equal weights */
  weights?: readonly number[];
  /** Concentration of the Dirichlet prior around the planned split under the mismatch model (gbstats' default). @defaultValue 10000 */
  concentration?: number;
  /** Weight in [0, 1] of a diffuse Dirichlet(slabConcentration) component mixed into the prior (gbstats' spike-and-slab). @defaultValue 0 */
  slabWeight?: number;
  /** Concentration of each arm in the diffuse component. @defaultValue 1 */
  slabConcentration?: number;
  /** p-value below which a mismatch is flagged. @defaultValue 0.001 */
  threshold?: number;
  /** p-value below which `warning` is set (a likely mismatch worth checking). @defaultValue 0.01 */
  warningThreshold?: number;
}

/** Result of {@link sequentialSrmTest}. @category Experiment */
export interface SequentialSrmTestResult {
  /** Always-valid p-value after the last period: min over periods of min(1, 1/BF). */
  pValue: number;
  /** The always-valid p-value after each period (non-increasing). */
  pValues: number[];
  /** log Bayes factor (mismatch model vs planned split) after the last period. */
  logBayesFactor: number;
  /** Users per arm over all periods. */
  users: number[];
  expectedShares: number[];
  threshold: number;
  warningThreshold: number;
  /** pValue < threshold. */
  mismatch: boolean;
  /** threshold ≤ pValue < warningThreshold: check assignment and tracking. */
  warning: boolean;
}

const FN = 'experiment/sequentialSrmTest';

/** log of the Dirichlet–multinomial probability of counts x under Dirichlet(a), without the multinomial coefficient (it cancels in the Bayes factor). */
function logDirichletMultinomial(x: readonly number[], a: readonly number[]): number {
  let sa = 0;
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    sa += a[i]!;
    n += x[i]!;
    s += logGamma(a[i]! + x[i]!) - logGamma(a[i]!);
  }
  return s + logGamma(sa) - logGamma(sa + n);
}

/**
 * Sequential sample-ratio-mismatch check that stays valid however often you look (GrowthBook's
 * Bayesian SRM): daily (or hourly) user counts per arm, against the planned split.
 *
 * @remarks Two models for each period's counts x: the planned split p (multinomial) and a mismatch
 * model whose split is drawn from Dirichlet(concentration·p) (optionally mixed with a diffuse
 * Dirichlet(slabConcentration) with weight slabWeight), updated by the counts so far. The Bayes factor
 * BF = Π p(xₜ | mismatch, x₁…ₜ₋₁)/p(xₜ | planned) is a test martingale under the planned split, so
 * p = minₜ min(1, 1/BFₜ) is an always-valid p-value (Ville's inequality): P(p ever ≤ α) ≤ α.
 * Periods with no users contribute nothing. Unlike the χ² test of {@link sampleRatioMismatchTest},
 * checking it every day does not inflate false alarms. O(periods × arms).
 * @see gbstats `ssrm.sequential_p_values` (Lindon & Malek, "Anytime-valid inference for multinomial count data", NeurIPS 2022)
 * @throws {@link InvalidInputError} unless counts are non-negative integers in rows of equal length (≥ 2 arms)
 * @throws {@link InvalidOptionError} on weights of the wrong length or not positive, concentration ≤ 0, slabWeight outside [0, 1], thresholds outside (0, 1)
 * @example
 * ```ts
 * import { sequentialSrmTest } from 'crmkit/experiment';
 * sequentialSrmTest([[500, 500]]).mismatch; // => false
 * sequentialSrmTest([[50, 450], [50, 450]]).pValue < 0.001; // => true
 * ```
 * @category Experiment
 */
export function sequentialSrmTest(periods: readonly (readonly number[])[], options?: SequentialSrmTestOptions): SequentialSrmTestResult {
  const o = checkOptions(FN, options, ['weights', 'concentration', 'slabWeight', 'slabConcentration', 'threshold', 'warningThreshold']);
  const rows = arrayLike<unknown>(FN, 'periods', periods, 1);
  const first = arrayLike<unknown>(FN, 'periods[0]', rows[0], 2);
  const k = first.length;
  const data: number[][] = [];
  for (let t = 0; t < rows.length; t++) {
    const r = arrayLike<unknown>(FN, `periods[${t}]`, rows[t], 2);
    if (r.length !== k) throw new InvalidInputError(FN, `periods[${t}] has ${r.length} arms, periods[0] has ${k}`, r.length);
    const row: number[] = [];
    for (let i = 0; i < k; i++) row.push(integerInRange(FN, `periods[${t}][${i}]`, r[i], { min: 0, max: Number.MAX_SAFE_INTEGER }));
    data.push(row);
  }
  let w: number[];
  if (o.weights === undefined) w = new Array<number>(k).fill(1);
  else {
    const ww = arrayLike<unknown>(FN, 'options.weights', o.weights);
    if (ww.length !== k) throw new InvalidInputError(FN, `options.weights must have one weight per arm (${k})`, ww.length);
    w = Array.from(ww, (x, i) => numberInRange(FN, `options.weights[${i}]`, x, { min: 0, minExclusive: true }));
  }
  const tw = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => x / tw);
  const concentration = o.concentration === undefined ? 10000 : numberInRange(FN, 'options.concentration', o.concentration, { min: 0, minExclusive: true });
  const slabWeight = o.slabWeight === undefined ? 0 : numberInRange(FN, 'options.slabWeight', o.slabWeight, { min: 0, max: 1 });
  const slabConcentration = o.slabConcentration === undefined ? 1 : numberInRange(FN, 'options.slabConcentration', o.slabConcentration, { min: 0, minExclusive: true });
  const threshold = o.threshold === undefined ? 0.001 : openUnitInterval(FN, 'options.threshold', o.threshold);
  const warningThreshold = o.warningThreshold === undefined ? 0.01 : openUnitInterval(FN, 'options.warningThreshold', o.warningThreshold);

  const spike = p.map((x) => x * concentration);
  const slab = slabWeight > 0 ? new Array<number>(k).fill(slabConcentration) : undefined;
  const logP = p.map(Math.log);
  const users = new Array<number>(k).fill(0);
  let logBf = 0;
  let pMin = 1;
  const pValues: number[] = [];
  for (const x of data) {
    let n = 0;
    let log0 = 0; // planned split, without the multinomial coefficient
    for (let i = 0; i < k; i++) {
      n += x[i]!;
      if (x[i]! > 0) log0 += x[i]! * logP[i]!;
      users[i] = users[i]! + x[i]!;
    }
    if (n > 0) {
      let log1 = logDirichletMultinomial(x, spike);
      if (slab !== undefined) {
        const ls = logDirichletMultinomial(x, slab);
        if (slabWeight === 1) log1 = ls;
        else {
          const a = Math.log(1 - slabWeight) + log1;
          const b = Math.log(slabWeight) + ls;
          const m = Math.max(a, b);
          log1 = m + Math.log(Math.exp(a - m) + Math.exp(b - m));
        }
        for (let i = 0; i < k; i++) slab[i] = slab[i]! + x[i]!;
      }
      for (let i = 0; i < k; i++) spike[i] = spike[i]! + x[i]!;
      logBf += log1 - log0;
    }
    pMin = Math.min(pMin, Math.exp(-logBf));
    pValues.push(pMin);
  }
  return {
    pValue: pMin,
    pValues,
    logBayesFactor: logBf,
    users,
    expectedShares: p,
    threshold,
    warningThreshold,
    mismatch: pMin < threshold,
    warning: pMin >= threshold && pMin < warningThreshold,
  };
}
