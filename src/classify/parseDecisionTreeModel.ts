import { checkDecisionTreeModel } from './_models.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';

/**
 * Checks a stored classification tree (for example `JSON.parse` of a saved model) and returns it
 * typed. Rejects other kinds (a regression tree, a forest, another library's JSON) and versions.
 *
 * @remarks O(nodes). Child ids must point forward (preorder), so prediction always terminates.
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitDecisionTree, parseDecisionTreeModel, predictDecisionTree } from 'crmkit/classify';
 * const saved = JSON.stringify(fitDecisionTree([[1], [2], [8], [9]], [0, 0, 1, 1]));
 * predictDecisionTree(parseDecisionTreeModel(JSON.parse(saved)), [[7]]); // => [1]
 * ```
 * @category Trees
 */
export function parseDecisionTreeModel(json: unknown): DecisionTreeModel {
  return checkDecisionTreeModel('classify/parseDecisionTreeModel', json, false);
}
