import { ModelFormatError } from '../core/errors.js';
import { checkClasses, checkFeatureNames, checkKind, checkNumberArray, isObj, type Label } from './_common.js';
import { linearPredictor, predictDesign, type LinearFeatures } from './_design.js';
import { _argmaxLabels } from './predictDecisionTree.js';
import type { LogisticRegressionModel } from './fitLogisticRegression.js';

const checked = new WeakSet<object>();

/** @internal Structural check of a logistic model, once per model object (cached). */
export function _checkLogisticModel(fn: string, json: unknown): LogisticRegressionModel {
  if (typeof json === 'object' && json !== null && checked.has(json)) return json as LogisticRegressionModel;
  const o = checkKind(fn, json, 'logisticRegression', 1);
  const p = o.nFeatures as number;
  const classes = checkClasses(fn, o.classes);
  checkFeatureNames(fn, o.featureNames, p);
  const rowsExpected = classes.length === 2 ? 1 : classes.length;
  if (!Array.isArray(o.coefficients) || o.coefficients.length !== rowsExpected) {
    throw new ModelFormatError(fn, `coefficients must have ${rowsExpected} row(s) for ${classes.length} classes`, o.coefficients);
  }
  o.coefficients.forEach((row: unknown, c: number) => checkNumberArray(fn, `coefficients[${c}]`, row, p));
  checkNumberArray(fn, 'intercepts', o.intercepts, rowsExpected);
  const params = o.params as Record<string, unknown>;
  if (!['multinomial', 'ovr'].includes(params.multiClass as string)) throw new ModelFormatError(fn, "params.multiClass must be 'multinomial' or 'ovr'", params.multiClass);
  if (!['l2', 'l1', 'elasticnet', 'none'].includes(params.penalty as string)) throw new ModelFormatError(fn, "params.penalty must be 'l2', 'l1', 'elasticnet' or 'none'", params.penalty);
  if (typeof o.converged !== 'boolean') throw new ModelFormatError(fn, 'converged must be a boolean', o.converged);
  if (!isObj(json)) throw new ModelFormatError(fn, 'model must be an object', json);
  checked.add(json);
  return json as unknown as LogisticRegressionModel;
}

/** @internal Class probabilities, row-major n × K. */
export function _logisticProba(model: LogisticRegressionModel, X: unknown, fn: string): { proba: Float64Array; rows: number } {
  const m = _checkLogisticModel(fn, model);
  const d = predictDesign(fn, X, m.nFeatures);
  const rowsK = m.coefficients.length;
  const K = m.classes.length;
  const w = new Float64Array(rowsK * m.nFeatures);
  m.coefficients.forEach((row, c) => w.set(row, c * m.nFeatures));
  const z = new Float64Array(d.rows * rowsK);
  linearPredictor(d, w, rowsK, Float64Array.from(m.intercepts), z);
  const out = new Float64Array(d.rows * K);
  const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
  for (let i = 0; i < d.rows; i++) {
    if (K === 2) {
      const p1 = sigmoid(z[i]!);
      out[2 * i] = 1 - p1;
      out[2 * i + 1] = p1;
    } else if (m.params.multiClass === 'ovr') {
      let s = 0;
      for (let c = 0; c < K; c++) s += out[i * K + c] = sigmoid(z[i * K + c]!);
      for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! / s;
    } else {
      let mx = -Infinity;
      for (let c = 0; c < K; c++) mx = Math.max(mx, z[i * K + c]!);
      let s = 0;
      for (let c = 0; c < K; c++) s += out[i * K + c] = Math.exp(z[i * K + c]! - mx);
      for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! / s;
    }
  }
  return { proba: out, rows: d.rows };
}

/**
 * Predicts the class of each row: the class of largest probability (the first in `model.classes`
 * order on ties).
 *
 * @remarks O(nnz · K) for sparse X, O(n · p · K) dense. The model's structure is checked once per
 * model object (a malformed model throws {@link ModelFormatError}, not a TypeError).
 * @see scikit-learn `LogisticRegression.predict`
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @throws {@link InvalidInputError} on NaN/Infinity features or a malformed CSR matrix
 * @throws {@link ModelFormatError} when `model` is not a logistic regression model
 * @example
 * ```ts
 * import { fitLogisticRegression, predictLogisticRegression } from 'crmkit/classify';
 * const model = fitLogisticRegression([[0], [1], [3], [4]], ['no', 'no', 'yes', 'yes']);
 * predictLogisticRegression(model, [[0.5], [3.5]]); // => ['no', 'yes']
 * ```
 * @category Linear models
 */
export function predictLogisticRegression(model: LogisticRegressionModel, X: LinearFeatures): Label[] {
  const fn = 'classify/predictLogisticRegression';
  const { proba, rows } = _logisticProba(model, X, fn);
  return _argmaxLabels(model.classes, proba, rows);
}

/**
 * Class probabilities of each row, columns in `model.classes` order: σ(z) for two classes,
 * softmax for multinomial, normalized one-vs-rest sigmoids for `'ovr'` (as scikit-learn).
 *
 * @remarks O(nnz · K) for sparse X, O(n · p · K) dense.
 * @see scikit-learn `LogisticRegression.predict_proba`
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @throws {@link InvalidInputError} on NaN/Infinity features or a malformed CSR matrix
 * @throws {@link ModelFormatError} when `model` is not a logistic regression model
 * @example
 * ```ts
 * import { predictProbaLogisticRegression, parseLogisticRegressionModel } from 'crmkit/classify';
 * const model = parseLogisticRegressionModel({
 *   kind: 'logisticRegression', formatVersion: 1, nFeatures: 1, classes: [0, 1], featureNames: null,
 *   coefficients: [[2]], intercepts: [-1], converged: true, iterations: 5, reason: 'gradientTolerance',
 *   params: { penalty: 'l2', C: 1, l1Ratio: null, classWeight: null, fitIntercept: true, multiClass: 'multinomial', maxIterations: 100, tolerance: 1e-4, seed: 0 },
 * });
 * predictProbaLogisticRegression(model, [[0.5]]); // => [[0.5, 0.5]]
 * ```
 * @category Linear models
 */
export function predictProbaLogisticRegression(model: LogisticRegressionModel, X: LinearFeatures): number[][] {
  const fn = 'classify/predictProbaLogisticRegression';
  const { proba, rows } = _logisticProba(model, X, fn);
  const K = model.classes.length;
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from(proba.subarray(i * K, (i + 1) * K)));
  return out;
}

