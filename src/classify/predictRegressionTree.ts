import * as v from '../core/validate.js';
import { checkPredictMatrix, type Matrix } from './_common.js';
import { checkRegressionTreeModel } from './_models.js';
import { applyTree } from './_tree.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';
import type { PredictTreeOptions } from './predictDecisionTree.js';

/**
 * Predicts each row's value: the weighted mean target of its leaf.
 *
 * @remarks O(rows · depth).
 * @see scikit-learn `DecisionTreeRegressor.predict`
 * @throws {@link DimensionMismatchError} when `X` has another number of columns than the model
 * @throws {@link InvalidInputError} on NaN/Infinity features
 * @example
 * ```ts
 * import { fitRegressionTree, predictRegressionTree } from 'crmkit/classify';
 * const model = fitRegressionTree([[0], [1]], [10, 20]);
 * predictRegressionTree(model, [[0.2], [0.7]]); // => [10, 20]
 * ```
 * @category Trees
 */
export function predictRegressionTree(model: RegressionTreeModel, X: Matrix, options?: PredictTreeOptions): number[] {
  const fn = 'classify/predictRegressionTree';
  checkRegressionTreeModel(fn, model);
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  const leaf = applyTree(model.tree, m.data, m.rows, m.cols);
  return Array.from(leaf, (l) => model.tree.value[l]![0]!);
}
