import * as v from '../core/validate.js';
import { binaryClfCurve, binaryTruth, scores } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
}

/** Result of {@link precisionRecallCurve} (scikit-learn's order: recall decreasing, ending at (recall 0, precision 1)). */
export interface PrecisionRecallCurveResult {
  precision: number[];
  recall: number[];
  /** Ascending score thresholds; one fewer than the points. */
  thresholds: number[];
}

/**
 * Precision and recall at every distinct score threshold.
 *
 * @remarks O(n log n). Precision with no predicted positives is 0.
 * @see scikit-learn `sklearn.metrics.precision_recall_curve` (1.2)
 * @throws {@link InvalidInputError} unless yTrue holds both classes and scores are finite
 * @example
 * ```ts
 * import { precisionRecallCurve } from 'crmkit/classify';
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => { precision: [0.5, 0.6666666666666666, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0], thresholds: [0.1, 0.35, 0.4, 0.8] }
 * ```
 * @category Metrics
 */
export function precisionRecallCurve(yTrue: readonly Label[], probasPred: readonly number[] | Float64Array, options?: PrecisionRecallCurveOptions): PrecisionRecallCurveResult {
  const fn = 'classify/precisionRecallCurve';
  const o = v.options(fn, options, ['posLabel']);
  const y = binaryTruth(fn, yTrue, o.posLabel, true);
  return _prCurve(y, scores(fn, 'probasPred', probasPred, y.length));
}

/** @internal */
export function _prCurve(y: Float64Array, s: Float64Array): PrecisionRecallCurveResult {
  const { fps, tps, thresholds } = binaryClfCurve(y, s);
  const m = tps.length;
  const tpLast = tps[m - 1]!;
  const precision: number[] = [];
  const recall: number[] = [];
  const thr: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const ps = tps[i]! + fps[i]!;
    precision.push(ps !== 0 ? tps[i]! / ps : 0);
    recall.push(tps[i]! / tpLast);
    thr.push(thresholds[i]!);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: thr };
}
