import { InvalidOptionError } from '../core/errors.js';
import { boolean as checkBoolean, oneOf, options as checkOptions } from '../core/validate.js';
import { checkAlternative, checkRaw } from './_common.js';
import { normalSf } from './_dist.js';
import type { Alternative } from './types.js';

/** Options of {@link mannWhitneyUTest}. @category Experiment */
export interface MannWhitneyUTestOptions {
  /** 'greater': treatment values tend to be larger. @defaultValue 'two-sided' */
  alternative?: Alternative;
  /**
   * 'exact' (permutation distribution, no ties), 'asymptotic' (normal with tie correction), or
   * 'auto' = exact when an arm has ≤ 8 values and there are no ties, as scipy.
   * @defaultValue 'auto'
   */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of the normal approximation. @defaultValue true */
  continuity?: boolean;
}

/** Result of {@link mannWhitneyUTest}. @category Experiment */
export interface MannWhitneyUTestResult {
  /** U of the treatment arm: the number of (treatment, control) pairs where treatment is larger, ties counting ½. */
  statistic: number;
  pValue: number;
  /** The method actually used. */
  method: 'exact' | 'asymptotic';
  /** U / (n_C·n_T): the probability that a random treatment user beats a random control user (ties ½). */
  probabilityOfSuperiority: number;
  /** Standardized statistic of the asymptotic method (continuity-corrected as used); 0 for exact. */
  z: number;
  alternative: Alternative;
}

const FN = 'experiment/mannWhitneyUTest';
const EXACT_WORK_LIMIT = 5e7;

/** Average ranks (1-based) of the concatenation a ++ b; returns ranks and the tie term Σ(t³ − t). */
function rankAll(a: Float64Array, b: Float64Array): { ranks: Float64Array; tieTerm: number; hasTies: boolean } {
  const n = a.length + b.length;
  const v = new Float64Array(n);
  v.set(a, 0);
  v.set(b, a.length);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((i, j) => v[i]! - v[j]!);
  const ranks = new Float64Array(n);
  let tieTerm = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && v[idx[j]!] === v[idx[i]!]) j++;
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[idx[k]!] = r;
    const t = j - i;
    tieTerm += t * t * t - t;
    i = j;
  }
  return { ranks, tieTerm, hasTies: tieTerm > 0 };
}

/** P(U ≥ k) under H0 for sizes m, n (no ties), by counting subsets of ranks with additions only. */
function exactSf(k: number, m: number, n: number): number {
  const small = Math.min(m, n);
  const total = m + n;
  const maxSum = (small * (2 * total - small + 1)) / 2;
  // dp[j][s]: number of j-subsets of {1..i} with rank sum s
  const dp: Float64Array[] = [];
  for (let j = 0; j <= small; j++) dp.push(new Float64Array(maxSum + 1));
  dp[0]![0] = 1;
  for (let i = 1; i <= total; i++) {
    for (let j = Math.min(i, small); j >= 1; j--) {
      const cur = dp[j]!;
      const prev = dp[j - 1]!;
      for (let s = maxSum; s >= i; s--) cur[s] = cur[s]! + prev[s - i]!;
    }
  }
  const counts = dp[small]!;
  const base = (small * (small + 1)) / 2;
  let all = 0;
  let upper = 0;
  for (let s = base; s <= maxSum; s++) {
    const c = counts[s]!;
    all += c;
    if (s - base >= k) upper += c;
  }
  return upper / all;
}

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test: does treatment tend to give larger values? Robust to the
 * heavy tails of revenue, where a t test is dominated by a few big spenders.
 *
 * @remarks U_T = R_T − n_T(n_T + 1)/2 from average ranks. Asymptotic: z = (U − n_C n_T/2 − ½)/σ
 * with σ² = n_C n_T/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), using max(U_T, U_C) and doubling for
 * two-sided, as scipy 1.10 `method='asymptotic'`. Exact: P(U ≥ u) from the permutation distribution
 * (subset counts of ranks); ties are ignored by the exact method (so 'auto' avoids it when there
 * are ties). O(N log N) asymptotic; exact O(N·min(n)²·max(n)), refused beyond 5e7 steps.
 * @see scipy `scipy.stats.mannwhitneyu(treatment, control, method=…)`
 * @throws {@link InvalidInputError} on empty arms or non-finite values
 * @throws {@link InvalidOptionError} on an unknown method or alternative, or 'exact' on samples too large to enumerate
 * @example
 * ```ts
 * import { mannWhitneyUTest } from 'crmkit/experiment';
 * const r = mannWhitneyUTest([1, 2, 3], [4, 5, 6]);
 * r.statistic; // => 9
 * r.pValue; // => 0.1
 * r.method; // => 'exact'
 * ```
 * @category Experiment
 */
export function mannWhitneyUTest(
  control: readonly number[] | Float64Array,
  treatment: readonly number[] | Float64Array,
  options?: MannWhitneyUTestOptions,
): MannWhitneyUTestResult {
  const o = checkOptions(FN, options, ['alternative', 'method', 'continuity']);
  const alternative = checkAlternative(FN, o.alternative);
  const requested = o.method === undefined ? 'auto' : oneOf(FN, 'options.method', o.method, ['auto', 'exact', 'asymptotic'] as const);
  const continuity = o.continuity === undefined ? true : checkBoolean(FN, 'options.continuity', o.continuity);
  const c = checkRaw(FN, 'control', control, 1);
  const t = checkRaw(FN, 'treatment', treatment, 1);
  const n1 = t.length;
  const n2 = c.length;
  const { ranks, tieTerm, hasTies } = rankAll(t, c);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  let method: 'exact' | 'asymptotic';
  if (requested === 'auto') method = (n1 > 8 && n2 > 8) || hasTies ? 'asymptotic' : 'exact';
  else method = requested;
  const small = Math.min(n1, n2);
  if (method === 'exact' && (n1 + n2) * small * n1 * n2 > EXACT_WORK_LIMIT) {
    throw new InvalidOptionError(FN, `options.method 'exact' is limited to small samples (here ${n2} and ${n1}); use 'asymptotic'`, 'exact');
  }
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const factor = alternative === 'two-sided' ? 2 : 1;
  let p: number;
  let z = 0;
  if (method === 'exact') {
    p = exactSf(Math.floor(u), n1, n2);
  } else {
    const n = n1 + n2;
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const num = u - (n1 * n2) / 2 - (continuity ? 0.5 : 0);
    z = s > 0 ? num / s : num === 0 ? 0 : num > 0 ? Infinity : -Infinity;
    p = normalSf(z);
  }
  p = Math.min(1, Math.max(0, p * factor));
  return { statistic: u1, pValue: p, method, probabilityOfSuperiority: u1 / (n1 * n2), z, alternative };
}
