import { checkFeatureNames, checkKind, checkNumberArray, checkTreeNodes } from './_common.js';
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
  const fn = 'classify/parseRegressionTreeModel';
  const o = checkKind(fn, json, 'regressionTree', 1);
  const nFeatures = o.nFeatures as number;
  checkFeatureNames(fn, o.featureNames, nFeatures);
  checkTreeNodes(fn, o.tree, nFeatures, 1);
  checkNumberArray(fn, 'featureImportances', o.featureImportances, nFeatures);
  return o as unknown as RegressionTreeModel;
}
