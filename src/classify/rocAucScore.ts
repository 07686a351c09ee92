import * as v from '../core/validate.js';
import { binaryTruth, pairwiseSum, scores } from './_metrics.js';
import { _roc } from './rocCurve.js';
import type { Label } from './_common.js';

/** Options of {@link rocAucScore}. */
export interface RocAucScoreOptions {
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
}

/**
 * Area under the ROC curve: the chance that a random converter scores above a random
 * non-converter (ties count half).
 *
 * @remarks O(n log n); trapezoidal area of {@link rocCurve}.
 * @see scikit-learn `sklearn.metrics.roc_auc_score` (binary)
 * @throws {@link InvalidInputError} unless yTrue holds both classes and scores are finite
 * @example
 * ```ts
 * import { rocAucScore } from 'crmkit/classify';
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // => 0.75
 * ```
 * @category Metrics
 */
export function rocAucScore(yTrue: readonly Label[], yScore: readonly number[] | Float64Array, options?: RocAucScoreOptions): number {
  const fn = 'classify/rocAucScore';
  const o = v.options(fn, options, ['posLabel']);
  const y = binaryTruth(fn, yTrue, o.posLabel, true);
  const s = scores(fn, 'yScore', yScore, y.length);
  const { fpr, tpr } = _roc(y, s, true);
  const parts = new Float64Array(fpr.length - 1);
  for (let i = 0; i < parts.length; i++) parts[i] = ((fpr[i + 1]! - fpr[i]!) * (tpr[i + 1]! + tpr[i]!)) / 2.0;
  return pairwiseSum(parts);
}
