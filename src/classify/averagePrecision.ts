import * as v from '../core/validate.js';
import { binaryTruth, pairwiseSum, scores } from './_metrics.js';
import { _prCurve } from './precisionRecallCurve.js';
import type { Label } from './_common.js';

/** Options of {@link averagePrecision}. */
export interface AveragePrecisionOptions {
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
}

/**
 * Average precision: Σ (R_n − R_{n−1}) · P_n over the thresholds, the step-wise area under the
 * precision–recall curve (no interpolation).
 *
 * @remarks O(n log n).
 * @see scikit-learn `sklearn.metrics.average_precision_score`
 * @throws {@link InvalidInputError} unless yTrue holds both classes and scores are finite
 * @example
 * ```ts
 * import { averagePrecision } from 'crmkit/classify';
 * averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // => 0.8333333333333333
 * ```
 * @category Metrics
 */
export function averagePrecision(yTrue: readonly Label[], yScore: readonly number[] | Float64Array, options?: AveragePrecisionOptions): number {
  const fn = 'classify/averagePrecision';
  const o = v.options(fn, options, ['posLabel']);
  const y = binaryTruth(fn, yTrue, o.posLabel, true);
  const { precision, recall } = _prCurve(y, scores(fn, 'yScore', yScore, y.length));
  const parts = new Float64Array(recall.length - 1);
  for (let i = 0; i < parts.length; i++) parts[i] = (recall[i + 1]! - recall[i]!) * precision[i]!;
  return -pairwiseSum(parts);
}
