import * as v from '../core/validate.js';
import { InvalidInputError } from '../core/errors.js';
import { labelPair, pairwiseSum, positiveLabel, sortedUnion } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link precisionRecallFscore}. */
export interface PrecisionRecallFscoreOptions {
  /**
   * `binary`: scores of `posLabel` only; `micro`: from the summed counts; `macro`: unweighted mean
   * over labels; `weighted`: mean weighted by each label's support. @defaultValue 'binary'
   */
  average?: 'binary' | 'micro' | 'macro' | 'weighted';
  /** Weight of recall in F: F_β = (1+β²)·P·R / (β²·P + R). @defaultValue 1 */
  beta?: number;
  /** The positive label for `binary`. @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
  /** Value used when a ratio is 0/0 (no predicted or no true rows of a label). @defaultValue 0 */
  zeroDivision?: 0 | 1;
}

/** Result of {@link precisionRecallFscore}. */
export interface PrecisionRecallFscoreResult {
  precision: number;
  recall: number;
  fScore: number;
}

/**
 * Precision (of those we contacted, how many converted), recall (of the converters, how many we
 * contacted) and F-score, for one class or averaged over classes.
 *
 * @remarks O(n + k). A 0/0 ratio becomes `zeroDivision` (0 by default, documented, never NaN).
 * @see scikit-learn `sklearn.metrics.precision_recall_fscore_support` (1.2)
 * @throws {@link InvalidInputError} when `average: 'binary'` meets more than two labels
 * @example
 * ```ts
 * import { precisionRecallFscore } from 'crmkit/classify';
 * precisionRecallFscore([1, 0, 1, 1], [1, 1, 0, 1]);
 * // => { precision: 0.6666666666666666, recall: 0.6666666666666666, fScore: 0.6666666666666666 }
 * ```
 * @category Metrics
 */
export function precisionRecallFscore(yTrue: readonly Label[], yPred: readonly Label[], options?: PrecisionRecallFscoreOptions): PrecisionRecallFscoreResult {
  const fn = 'classify/precisionRecallFscore';
  const o = v.options(fn, options, ['average', 'beta', 'posLabel', 'zeroDivision']);
  const average = v.oneOf(fn, 'options.average', o.average ?? 'binary', ['binary', 'micro', 'macro', 'weighted'] as const);
  const beta = o.beta === undefined ? 1 : v.numberInRange(fn, 'options.beta', o.beta, { min: 0 });
  const zd = o.zeroDivision === undefined ? 0 : v.oneOf(fn, 'options.zeroDivision', o.zeroDivision, [0, 1] as const);
  const [a, b] = labelPair(fn, yTrue, yPred);
  let labels = sortedUnion(a, b);
  if (average === 'binary') {
    if (labels.length > 2) throw new InvalidInputError(fn, "average 'binary' needs at most 2 labels; use 'micro', 'macro' or 'weighted'", labels.length);
    labels = [positiveLabel(fn, a, o.posLabel)];
  }
  const k = labels.length;
  const index = new Map<Label, number>();
  labels.forEach((l, i) => index.set(l, i));
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let i = 0; i < a.length; i++) {
    const t = index.get(a[i]!);
    const p = index.get(b[i]!);
    if (t !== undefined) trueSum[t] = trueSum[t]! + 1;
    if (p !== undefined) predSum[p] = predSum[p]! + 1;
    if (t !== undefined && a[i] === b[i]) tp[t] = tp[t]! + 1;
  }
  const ratio = (num: number, den: number): number => (den === 0 ? zd : num / den);
  const beta2 = beta * beta;
  const fOf = (p: number, r: number): number => {
    let den = beta2 * p + r;
    if (den === 0) den = 1;
    return ((1 + beta2) * p * r) / den;
  };
  if (average === 'micro') {
    const p = ratio(pairwiseSum(tp), pairwiseSum(predSum));
    const r = ratio(pairwiseSum(tp), pairwiseSum(trueSum));
    return { precision: p, recall: r, fScore: fOf(p, r) };
  }
  const P = new Float64Array(k);
  const R = new Float64Array(k);
  const Fs = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    P[c] = ratio(tp[c]!, predSum[c]!);
    R[c] = ratio(tp[c]!, trueSum[c]!);
    Fs[c] = fOf(P[c]!, R[c]!);
  }
  if (average === 'binary') return { precision: P[0]!, recall: R[0]!, fScore: Fs[0]! };
  if (average === 'macro') return { precision: pairwiseSum(P) / k, recall: pairwiseSum(R) / k, fScore: pairwiseSum(Fs) / k };
  const wsum = pairwiseSum(trueSum);
  if (wsum === 0) return { precision: 0, recall: 0, fScore: 0 };
  const wavg = (x: Float64Array): number => pairwiseSum(x.map((xi, i) => xi * trueSum[i]!)) / wsum;
  return { precision: wavg(P), recall: wavg(R), fScore: wavg(Fs) };
}
