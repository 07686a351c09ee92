import * as v from '../core/validate.js';
import { checkPredictMatrix, type Label, type Matrix } from './_common.js';
import { applyTree } from './_tree.js';
import type { RandomForestModel } from './fitRandomForest.js';
import { _argmaxLabels, type PredictTreeOptions } from './predictDecisionTree.js';

function forestProba(model: RandomForestModel, x: Float64Array, nRows: number): Float64Array {
  const k = model.classes.length;
  const out = new Float64Array(nRows * k);
  for (const tree of model.trees) {
    const leaf = applyTree(tree, x, nRows, model.nFeatures);
    for (let i = 0; i < nRows; i++) {
      const val = tree.value[leaf[i]!]!;
      let s = 0;
      for (let c = 0; c < k; c++) s += val[c]!;
      for (let c = 0; c < k; c++) out[i * k + c] = out[i * k + c]! + val[c]! / s;
    }
  }
  const T = model.trees.length;
  for (let j = 0; j < out.length; j++) out[j] = out[j]! / T;
  return out;
}

/**
 * Class probabilities of each row: the mean over trees of the leaf class shares (columns in
 * `model.classes` order).
 *
 * @remarks O(rows · trees · depth).
 * @see scikit-learn `RandomForestClassifier.predict_proba`
 * @throws {@link DimensionMismatchError} on another number of columns; {@link InvalidInputError} on NaN
 * @example
 * ```ts
 * import { fitRandomForest, predictProbaRandomForest } from 'crmkit/classify';
 * const model = fitRandomForest([[0], [0], [1], [1]], [0, 0, 1, 1], { nEstimators: 5, bootstrap: false });
 * predictProbaRandomForest(model, [[1]]); // => [[0, 1]]
 * ```
 * @category Forests
 */
export function predictProbaRandomForest(model: RandomForestModel, X: Matrix, options?: PredictTreeOptions): number[][] {
  const fn = 'classify/predictProbaRandomForest';
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  const p = forestProba(model, m.data, m.rows);
  const k = model.classes.length;
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(p.subarray(i * k, (i + 1) * k)));
  return out;
}

/**
 * Predicts the class with the highest mean probability over the trees (first class on ties).
 *
 * @remarks O(rows · trees · depth).
 * @see scikit-learn `RandomForestClassifier.predict`
 * @throws {@link DimensionMismatchError} on another number of columns; {@link InvalidInputError} on NaN
 * @example
 * ```ts
 * import { fitRandomForest, predictRandomForest } from 'crmkit/classify';
 * const model = fitRandomForest([[0], [0], [1], [1]], ['a', 'a', 'b', 'b'], { nEstimators: 5, bootstrap: false });
 * predictRandomForest(model, [[0], [1]]); // => ['a', 'b']
 * ```
 * @category Forests
 */
export function predictRandomForest(model: RandomForestModel, X: Matrix, options?: PredictTreeOptions): Label[] {
  const fn = 'classify/predictRandomForest';
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  return _argmaxLabels(model.classes, forestProba(model, m.data, m.rows), m.rows);
}
