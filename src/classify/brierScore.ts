import * as v from '../core/validate.js';
import { binaryTruth, pairwiseSum, scores } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link brierScore}. */
export interface BrierScoreOptions {
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
}

/**
 * Brier score: mean squared difference between the predicted probability of the positive class
 * and the outcome (0/1). Lower is better; 0.25 is a coin flip at 50%.
 *
 * @remarks O(n).
 * @see scikit-learn `sklearn.metrics.brier_score_loss`
 * @throws {@link InvalidInputError} on probabilities outside [0, 1] or more than two labels
 * @example
 * ```ts
 * import { brierScore } from 'crmkit/classify';
 * brierScore([1, 0, 1], [0.9, 0.2, 0.6]); // => 0.07
 * ```
 * @category Metrics
 */
export function brierScore(yTrue: readonly Label[], yProb: readonly number[] | Float64Array, options?: BrierScoreOptions): number {
  const fn = 'classify/brierScore';
  const o = v.options(fn, options, ['posLabel']);
  const y = binaryTruth(fn, yTrue, o.posLabel, false);
  const p = scores(fn, 'yProb', yProb, y.length, true);
  const sq = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) sq[i] = (y[i]! - p[i]!) ** 2;
  return pairwiseSum(sq) / y.length;
}
