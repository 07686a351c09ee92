import type { LogisticRegressionModel } from './fitLogisticRegression.js';
import { _checkLogisticModel } from './predictLogisticRegression.js';

/**
 * Checks a stored logistic regression (for example `JSON.parse` of a saved model) and returns it typed.
 *
 * @remarks O(K · p).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitLogisticRegression, parseLogisticRegressionModel, predictLogisticRegression } from 'crmkit/classify';
 * const saved = JSON.stringify(fitLogisticRegression([[0], [1], [3], [4]], [0, 0, 1, 1]));
 * predictLogisticRegression(parseLogisticRegressionModel(JSON.parse(saved)), [[3.9]]); // => [1]
 * ```
 * @category Linear models
 */
export function parseLogisticRegressionModel(json: unknown): LogisticRegressionModel {
  return _checkLogisticModel('classify/parseLogisticRegressionModel', json);
}
