import * as v from '../core/validate.js';
import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { binaryTruth, labelArray, pairwiseSum, sortedUnion } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Binary 1-D probabilities: the label they refer to. @defaultValue true for booleans, 1 for numbers */
  posLabel?: Label;
  /** Column order of a probability matrix. @defaultValue sorted labels of yTrue */
  labels?: readonly Label[];
}

const EPS = 2.220446049250313e-16;

/**
 * Mean negative log-likelihood (cross-entropy, natural log) of the true labels under the predicted
 * probabilities.
 *
 * @remarks O(n·k). Probabilities are clipped to [ε, 1 − ε] (ε = 2⁻⁵²) and each row renormalized,
 * as scikit-learn 1.2 does, so a confident mistake costs ≈ 36, not Infinity. `yProb` is either the
 * positive-class probability per row (binary) or one row of class probabilities per sample.
 * @see scikit-learn `sklearn.metrics.log_loss` (1.2, eps='auto')
 * @throws {@link InvalidInputError} on probabilities outside [0, 1]; {@link DimensionMismatchError} on shape mismatches
 * @example
 * ```ts
 * import { logLoss } from 'crmkit/classify';
 * logLoss([1, 0], [0.9, 0.2]); // => 0.164252033486018
 * ```
 * @category Metrics
 */
export function logLoss(yTrue: readonly Label[], yProb: readonly number[] | Float64Array | readonly (readonly number[])[], options?: LogLossOptions): number {
  const fn = 'classify/logLoss';
  const o = v.options(fn, options, ['posLabel', 'labels']);
  const arr = v.arrayLike<unknown>(fn, 'yProb', yProb, 1);
  const clip = (p: number): number => (p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p);
  const losses = new Float64Array(arr.length);
  if (typeof arr[0] === 'number') {
    const y = binaryTruth(fn, yTrue, o.posLabel, false);
    const p = v.finiteArrayInRange(fn, 'yProb', yProb, { min: 0, max: 1 });
    if (p.length !== y.length) throw new DimensionMismatchError(fn, `yProb must have the same length as yTrue (${y.length})`, p.length);
    for (let i = 0; i < y.length; i++) {
      const a = clip(1 - p[i]!);
      const b = clip(p[i]!);
      const s = a + b;
      losses[i] = -Math.log((y[i] === 1 ? b : a) / s);
    }
  } else {
    const y = labelArray(fn, 'yTrue', yTrue);
    const m = v.matrix(fn, 'yProb', yProb);
    if (m.rows !== y.length) throw new DimensionMismatchError(fn, `yProb must have one row per label (${y.length})`, m.rows);
    const labels = o.labels === undefined ? sortedUnion(y) : Array.from(v.arrayLike<Label>(fn, 'options.labels', o.labels, 2));
    if (m.cols !== labels.length) throw new DimensionMismatchError(fn, `yProb must have one column per label (${labels.length})`, m.cols);
    const index = new Map<Label, number>();
    labels.forEach((l, i) => index.set(l, i));
    for (let i = 0; i < y.length; i++) {
      const c = index.get(y[i]!);
      if (c === undefined) throw new InvalidInputError(fn, `yTrue[${i}] is not one of options.labels`, y[i]);
      let s = 0;
      for (let j = 0; j < m.cols; j++) {
        const pj = m.data[i * m.cols + j]!;
        if (pj < 0 || pj > 1) throw new InvalidInputError(fn, `yProb[${i}][${j}] must be in [0, 1]`, pj);
        s += clip(pj);
      }
      losses[i] = -Math.log(clip(m.data[i * m.cols + c]!) / s);
    }
  }
  return pairwiseSum(losses) / losses.length;
}
