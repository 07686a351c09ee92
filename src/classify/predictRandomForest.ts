import * as v from '../core/validate.js';
import { checkPredictMatrix, type Label, type Matrix } from './_common.js';
import { checkRandomForestModel } from './_models.js';
import { _forestProba } from './_forestProba.js';
import type { RandomForestModel } from './fitRandomForest.js';
import { _argmaxLabels, type PredictTreeOptions } from './predictDecisionTree.js';


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
  checkRandomForestModel(fn, model);
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  const p = _forestProba(model, m.data, m.rows);
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
  checkRandomForestModel(fn, model);
  const o = v.options(fn, options, ['featureNames']);
  const m = checkPredictMatrix(fn, X, model.nFeatures, model.featureNames, o.featureNames);
  return _argmaxLabels(model.classes, _forestProba(model, m.data, m.rows), m.rows);
}
