import * as v from '../core/validate.js';
import { binaryClfCurve, binaryTruth, scores } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
  /** Drop points on straight segments (they do not change the curve or its area). @defaultValue true */
  dropIntermediate?: boolean;
}

/** Result of {@link rocCurve}: parallel arrays, thresholds descending. */
export interface RocCurveResult {
  fpr: number[];
  tpr: number[];
  /** Score thresholds; the first is `max score + 1` (scikit-learn 1.2's convention). */
  thresholds: number[];
}

/**
 * Receiver operating characteristic: false and true positive rates at every distinct score threshold.
 *
 * @remarks O(n log n). Tied scores form one point.
 * @see scikit-learn `sklearn.metrics.roc_curve` (1.2)
 * @throws {@link InvalidInputError} unless yTrue holds both classes and scores are finite
 * @example
 * ```ts
 * import { rocCurve } from 'crmkit/classify';
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [1.8, 0.8, 0.4, 0.35, 0.1] }
 * ```
 * @category Metrics
 */
export function rocCurve(yTrue: readonly Label[], yScore: readonly number[] | Float64Array, options?: RocCurveOptions): RocCurveResult {
  const fn = 'classify/rocCurve';
  const o = v.options(fn, options, ['posLabel', 'dropIntermediate']);
  const drop = o.dropIntermediate === undefined ? true : v.boolean(fn, 'options.dropIntermediate', o.dropIntermediate);
  const y = binaryTruth(fn, yTrue, o.posLabel, true);
  const s = scores(fn, 'yScore', yScore, y.length);
  return _roc(y, s, drop);
}

/** @internal */
export function _roc(y: Float64Array, s: Float64Array, drop: boolean): RocCurveResult {
  let { fps, tps, thresholds } = binaryClfCurve(y, s);
  if (drop && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = fps[i + 1]! - 2 * fps[i]! + fps[i - 1]!;
      const d2t = tps[i + 1]! - 2 * tps[i]! + tps[i - 1]!;
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]!);
    tps = Float64Array.from(keep, (i) => tps[i]!);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]!);
  }
  const fpLast = fps[fps.length - 1]!;
  const tpLast = tps[tps.length - 1]!;
  const fpr = [0];
  const tpr = [0];
  const thr = [thresholds[0]! + 1];
  for (let i = 0; i < fps.length; i++) {
    fpr.push(fps[i]! / fpLast);
    tpr.push(tps[i]! / tpLast);
    thr.push(thresholds[i]!);
  }
  return { fpr, tpr, thresholds: thr };
}
