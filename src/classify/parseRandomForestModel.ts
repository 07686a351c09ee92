import { checkRandomForestModel } from './_models.js';
import type { RandomForestModel } from './fitRandomForest.js';

/**
 * Checks a stored random forest and returns it typed.
 *
 * @remarks O(total nodes).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitRandomForest, parseRandomForestModel } from 'crmkit/classify';
 * const saved = JSON.parse(JSON.stringify(fitRandomForest([[0], [1]], [0, 1], { nEstimators: 2 })));
 * parseRandomForestModel(saved).trees.length; // => 2
 * ```
 * @category Forests
 */
export function parseRandomForestModel(json: unknown): RandomForestModel {
  return checkRandomForestModel('classify/parseRandomForestModel', json, false);
}
