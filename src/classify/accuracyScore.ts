import { labelPair } from './_metrics.js';
import type { Label } from './_common.js';

/**
 * Share of rows whose predicted label equals the true label.
 *
 * @remarks O(n). Report it with the base rate: on bank-full, always answering "no" is 88% accurate.
 * @see scikit-learn `sklearn.metrics.accuracy_score`
 * @throws {@link InvalidInputError} on empty or mixed-type labels; {@link DimensionMismatchError} on unequal lengths
 * @example
 * ```ts
 * import { accuracyScore } from 'crmkit/classify';
 * accuracyScore([1, 0, 1, 1], [1, 0, 0, 1]); // => 0.75
 * ```
 * @category Metrics
 */
export function accuracyScore(yTrue: readonly Label[], yPred: readonly Label[]): number {
  const [a, b] = labelPair('classify/accuracyScore', yTrue, yPred);
  let hit = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) hit++;
  return hit / a.length;
}
