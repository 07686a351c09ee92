import { checkRegressionTreeModel } from './_models.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';

/**
 * Checks a stored regression tree and returns it typed.
 *
 * @remarks O(nodes).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitRegressionTree, parseRegressionTreeModel } from 'crmkit/classify';
 * const saved = JSON.parse(JSON.stringify(fitRegressionTree([[0], [1]], [1, 2])));
 * parseRegressionTreeModel(saved).kind; // => 'regressionTree'
 * ```
 * @category Trees
 */
export function parseRegressionTreeModel(json: unknown): RegressionTreeModel {
  return checkRegressionTreeModel('classify/parseRegressionTreeModel', json, false);
}
