import * as v from '../core/validate.js';
import { checkPredictMatrix, type Label, type Matrix } from './_common.js';
import { checkDecisionTreeModel } from './_models.js';
import { applyTree } from './_tree.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';

/** Options of {@link predictDecisionTree} and {@link predictProbaDecisionTree}. */
export interface PredictTreeOptions {
  /** Column names of `X`; when given they must equal the model's feature names, in order. @defaultValue none */
  featureNames?: readonly string[];
}

/** @internal Leaf class shares per row (row-major `n × k`). */
export function _treeProba(model: DecisionTreeModel, x: Float64Array, nRows: number): Float64Array {
  const k = model.classes.length;
  const leaf = applyTree(model.tree, x, nRows, model.nFeatures);
  const out = new Float64Array(nRows * k);
  for (let i = 0; i < nRows; i++) {
    const val = model.tree.value[leaf[i]!]!;
    let s = 0;
    for (let c = 0; c < k; c++) s += val[c]!;
    for (let c = 0; c < k; c++) out[i * k + c] = s > 0 ? val[c]! / s : 0;
  }
  return out;
}

/** @internal Argmax per row, first class on ties (like numpy). */
export function _argmaxLabels(classes: readonly Label[], proba: Float64Array, nRows: number): Label[] {
  const k = classes.length;
  const out = new Array<Label>(nRows);
  for (let i = 0; i < nRows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    out[i] = classes[best]!;
  }
  return out;
}

/**
 * Predicts the class of each row: the class with the largest weighted share in the row's leaf
 * (the first class in sorted order on ties).
 *
 * @remarks O(rows · depth). Pure; the model is not changed.
 * @see scikit-learn `DecisionTreeClassifier.predict`
 * @throws {@link DimensionMismatchError} when `X` has another number of columns than the model
 * @throws {@link InvalidInputError} on NaN/Infinity features, or feature names that differ from training
 * @example
 * ```ts
 * import { fitDecisionTree, predictDecisionTree } from 'crmkit/classify';
 * const model = fitDecisionTree([[0], [0], [1], [1]], [false, false, true, true]);
 * predictDecisionTree(model, [[0.9]]); // => [true]
 * ```
 * @category Trees
 */
export function predictDecisionTree(model: DecisionTreeModel, X: Matrix, options?: PredictTreeOptions): Label[] {
  const fn = 'classify/predictDecisionTree';
  checkDecisionTreeModel(fn, model);
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  return _argmaxLabels(model.classes, _treeProba(model, m.data, m.rows), m.rows);
}

/**
 * Class probabilities of each row: the weighted class shares of its leaf, one row of
 * `model.classes.length` numbers summing to 1 (columns in `model.classes` order).
 *
 * @remarks O(rows · depth).
 * @see scikit-learn `DecisionTreeClassifier.predict_proba`
 * @throws {@link DimensionMismatchError} when `X` has another number of columns than the model
 * @throws {@link InvalidInputError} on NaN/Infinity features
 * @example
 * ```ts
 * import { fitDecisionTree, predictProbaDecisionTree } from 'crmkit/classify';
 * const model = fitDecisionTree([[0], [0], [0], [1]], [0, 0, 1, 1], { maxDepth: 1 });
 * predictProbaDecisionTree(model, [[0], [1]]); // => [[0.6666666666666666, 0.3333333333333333], [0, 1]]
 * ```
 * @category Trees
 */
export function predictProbaDecisionTree(model: DecisionTreeModel, X: Matrix, options?: PredictTreeOptions): number[][] {
  const fn = 'classify/predictProbaDecisionTree';
  checkDecisionTreeModel(fn, model);
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  const p = _treeProba(model, m.data, m.rows);
  const k = model.classes.length;
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(p.subarray(i * k, (i + 1) * k)));
  return out;
}
