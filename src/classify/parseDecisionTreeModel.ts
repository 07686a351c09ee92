import { ModelFormatError } from '../core/errors.js';
import { checkClasses, checkFeatureNames, checkKind, checkNumberArray, checkTreeNodes } from './_common.js';
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
  const fn = 'classify/parseDecisionTreeModel';
  const o = checkKind(fn, json, 'decisionTree', 1);
  const nFeatures = o.nFeatures as number;
  const classes = checkClasses(fn, o.classes);
  checkFeatureNames(fn, o.featureNames, nFeatures);
  checkNumberArray(fn, 'classWeights', o.classWeights, classes.length);
  checkTreeNodes(fn, o.tree, nFeatures, classes.length);
  checkNumberArray(fn, 'featureImportances', o.featureImportances, nFeatures);
  const p = o.params as Record<string, unknown>;
  if (!['gini', 'entropy', 'logLoss'].includes(p.criterion as string)) throw new ModelFormatError(fn, "params.criterion must be 'gini', 'entropy' or 'logLoss'", p.criterion);
  return o as unknown as DecisionTreeModel;
}
