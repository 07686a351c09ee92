import * as v from '../core/validate.js';
import { InvalidOptionError } from '../core/errors.js';
import { labelPair, sortedUnion } from './_metrics.js';
import type { Label } from './_common.js';

/** Result of {@link confusionMatrix}. */
export interface ConfusionMatrixResult {
  /** Row/column order. */
  labels: Label[];
  /** `matrix[i][j]`: rows with true label `labels[i]` predicted as `labels[j]`. */
  matrix: number[][];
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Label order; defaults to the sorted labels present in either array. @defaultValue sorted union */
  labels?: readonly Label[];
}

/**
 * Counts of true label × predicted label.
 *
 * @remarks O(n + k²).
 * @see scikit-learn `sklearn.metrics.confusion_matrix`
 * @throws {@link InvalidOptionError} when `labels` misses a label that occurs
 * @example
 * ```ts
 * import { confusionMatrix } from 'crmkit/classify';
 * confusionMatrix(['no', 'yes', 'yes'], ['no', 'no', 'yes']);
 * // => { labels: ['no', 'yes'], matrix: [[1, 0], [1, 1]] }
 * ```
 * @category Metrics
 */
export function confusionMatrix(yTrue: readonly Label[], yPred: readonly Label[], options?: ConfusionMatrixOptions): ConfusionMatrixResult {
  const fn = 'classify/confusionMatrix';
  const o = v.options(fn, options, ['labels']);
  const [a, b] = labelPair(fn, yTrue, yPred);
  const labels = o.labels === undefined ? sortedUnion(a, b) : Array.from(v.arrayLike<Label>(fn, 'options.labels', o.labels, 1));
  const index = new Map<Label, number>();
  labels.forEach((l, i) => index.set(l, i));
  const k = labels.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < a.length; i++) {
    const r = index.get(a[i]!);
    const c = index.get(b[i]!);
    if (r === undefined || c === undefined) throw new InvalidOptionError(fn, 'options.labels must include every label of yTrue and yPred', r === undefined ? a[i] : b[i]);
    matrix[r]![c] = matrix[r]![c]! + 1;
  }
  return { labels, matrix };
}
