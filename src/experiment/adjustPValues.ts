import { finiteArrayInRange, oneOf, openUnitInterval, options as checkOptions } from '../core/validate.js';

/** Correction methods of {@link adjustPValues}. @category Experiment */
export type PValueAdjustment = 'bonferroni' | 'holm' | 'benjamini-hochberg' | 'benjamini-yekutieli';

/** Options of {@link adjustPValues}. @category Experiment */
export interface AdjustPValuesOptions {
  /** Family-wise error (Bonferroni, Holm) or false discovery rate (Benjamini–Hochberg / –Yekutieli) control. @defaultValue 'holm' */
  method?: PValueAdjustment;
  /** Level at which `reject` is decided (adjusted p ≤ alpha). @defaultValue 0.05 */
  alpha?: number;
}

/** Result of {@link adjustPValues}. @category Experiment */
export interface AdjustPValuesResult {
  /** Adjusted p-values, in the input order, capped at 1. */
  adjusted: number[];
  /** adjusted[i] ≤ alpha. */
  reject: boolean[];
  method: PValueAdjustment;
  alpha: number;
}

const FN = 'experiment/adjustPValues';
const METHODS = ['bonferroni', 'holm', 'benjamini-hochberg', 'benjamini-yekutieli'] as const;

/**
 * Multiple-comparison correction of p-values (several metrics or several arms against control).
 *
 * @remarks m tests, p sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎:
 * Bonferroni min(1, m·p); Holm step-down max_{j≤i} min(1, (m − j + 1)p₍ⱼ₎); Benjamini–Hochberg
 * step-up min_{j≥i} min(1, m·p₍ⱼ₎/j); Benjamini–Yekutieli the same times c(m) = Σ 1/k.
 * O(m log m). Ties keep their input order (stable sort), as statsmodels.
 * @see statsmodels `multipletests(method='bonferroni' | 'holm' | 'fdr_bh' | 'fdr_by')`
 * @throws {@link InvalidInputError} when pValues is empty or holds values outside [0, 1]
 * @throws {@link InvalidOptionError} on an unknown method, or alpha outside (0, 1)
 * @example
 * ```ts
 * import { adjustPValues } from 'crmkit/experiment';
 * adjustPValues([0.01, 0.04, 0.03], { method: 'holm' }).adjusted; // => [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], { method: 'benjamini-hochberg' }).reject; // => [true, true, true]
 * ```
 * @category Experiment
 */
export function adjustPValues(pValues: readonly number[], options?: AdjustPValuesOptions): AdjustPValuesResult {
  const o = checkOptions(FN, options, ['method', 'alpha']);
  const method = o.method === undefined ? 'holm' : oneOf(FN, 'options.method', o.method, METHODS);
  const alpha = o.alpha === undefined ? 0.05 : openUnitInterval(FN, 'options.alpha', o.alpha);
  const p = finiteArrayInRange(FN, 'pValues', pValues, { min: 0, max: 1 }, 1);
  const m = p.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  const adjusted = new Array<number>(m);
  if (method === 'bonferroni') {
    for (let i = 0; i < m; i++) adjusted[i] = Math.min(1, m * p[i]!);
  } else if (method === 'holm') {
    let running = 0;
    for (let r = 0; r < m; r++) {
      const i = order[r]!;
      running = Math.max(running, Math.min(1, (m - r) * p[i]!));
      adjusted[i] = running;
    }
  } else {
    let cm = 1;
    if (method === 'benjamini-yekutieli') {
      cm = 0;
      for (let k = 1; k <= m; k++) cm += 1 / k;
    }
    let running = 1;
    for (let r = m - 1; r >= 0; r--) {
      const i = order[r]!;
      running = Math.min(running, (cm * m * p[i]!) / (r + 1));
      adjusted[i] = Math.min(1, running);
    }
  }
  return { adjusted, reject: adjusted.map((x) => x <= alpha), method, alpha };
}
