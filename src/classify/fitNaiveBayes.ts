import { DimensionMismatchError, InvalidInputError, ModelFormatError } from '../core/errors.js';
import * as v from '../core/validate.js';
import { checkClasses, checkKind, checkNumberArray, encodeLabels, sampleWeights, type Label } from './_common.js';
import { linearPredictor, predictDesign, toDesign, transposeProduct, type Design, type LinearFeatures } from './_design.js';
import { _argmaxLabels } from './predictDecisionTree.js';

/** Naive Bayes event model: word counts (`'multinomial'`), Rennie et al.'s complement model, or word presence (`'bernoulli'`). */
export type NaiveBayesVariant = 'multinomial' | 'complement' | 'bernoulli';

/** Options of {@link fitNaiveBayes}. */
export interface FitNaiveBayesOptions {
  /** Event model. @defaultValue 'multinomial' */
  variant?: NaiveBayesVariant;
  /** Additive (Laplace/Lidstone) smoothing; values below 1e-10 are raised to 1e-10 (scikit-learn 1.2's default). @defaultValue 1 */
  alpha?: number;
  /** Learn class priors from the data; `false` uses a uniform prior. @defaultValue true */
  fitPrior?: boolean;
  /** Non-negative weight per row. @defaultValue all 1 */
  sampleWeight?: readonly number[] | Float64Array;
}

/** A fitted naive Bayes model (JSON-ready). */
export interface NaiveBayesModel {
  readonly kind: 'naiveBayes';
  readonly formatVersion: 1;
  readonly params: { variant: NaiveBayesVariant; alpha: number; fitPrior: boolean };
  readonly nFeatures: number;
  readonly classes: Label[];
  /** log P(class), in `classes` order (scikit-learn `class_log_prior_`). */
  readonly classLogPrior: number[];
  /** Per class, per feature log-probability (for `'complement'`: the negated complement log-probability, scikit-learn's `feature_log_prob_`). */
  readonly featureLogProb: number[][];
}

function binarized(d: Design): Design {
  if (d.sparse) return { ...d, data: Float64Array.from(d.data, (x) => (x > 0 ? 1 : 0)) };
  return { ...d, data: Float64Array.from(d.data, (x) => (x > 0 ? 1 : 0)) };
}

/**
 * Fits a multinomial, complement or Bernoulli naive Bayes classifier on counts or TF-IDF weights,
 * dense rows or a sparse `CsrMatrix` (from `crmkit`).
 *
 * @remarks Feature counts per class N_cj = Σ wᵢxᵢⱼ (one sparse pass). Multinomial:
 * log θ_cj = log(N_cj + α) − log Σⱼ(N_cj + α). Complement: θ̃_cj from the counts of all other
 * classes, weights −log θ̃_cj, the prior used only with one class (as scikit-learn). Bernoulli
 * (presence, x > 0): log θ_cj = log(N_cj + α) − log(N_c + 2α), scores add Σⱼ log(1 − θ_cj) for
 * absent features. Cost O(nnz · K) to fit and to predict.
 * @see scikit-learn 1.2.1 `MultinomialNB`, `ComplementNB`, `BernoulliNB` (reference of the tests at 1e-9)
 * @throws {@link InvalidInputError} on negative features (multinomial/complement), fewer than 2 classes, NaN/Infinity, malformed CSR
 * @throws {@link DimensionMismatchError} when y does not have one label per row
 * @throws {@link InvalidOptionError} on unknown options, negative alpha
 * @example
 * ```ts
 * import { fitNaiveBayes, predictNaiveBayes } from 'crmkit/classify';
 * const X = [[2, 0, 1], [3, 0, 0], [0, 2, 1], [0, 3, 2]];
 * const model = fitNaiveBayes(X, ['promo', 'promo', 'support', 'support']);
 * predictNaiveBayes(model, [[1, 0, 0], [0, 1, 1]]); // => ['promo', 'support']
 * ```
 * @category Linear models
 */
export function fitNaiveBayes(X: LinearFeatures, y: readonly Label[], options?: FitNaiveBayesOptions): NaiveBayesModel {
  const fn = 'classify/fitNaiveBayes';
  const o = v.options(fn, options, ['variant', 'alpha', 'fitPrior', 'sampleWeight']);
  const variant = o.variant === undefined ? 'multinomial' : v.oneOf(fn, 'options.variant', o.variant, ['multinomial', 'complement', 'bernoulli'] as const);
  const alpha = Math.max(o.alpha === undefined ? 1 : v.numberInRange(fn, 'options.alpha', o.alpha, { min: 0 }), 1e-10);
  const fitPrior = o.fitPrior === undefined ? true : v.boolean(fn, 'options.fitPrior', o.fitPrior);
  let d = toDesign(fn, X);
  const enc = encodeLabels(fn, y);
  if (enc.codes.length !== d.rows) throw new DimensionMismatchError(fn, `y must have one label per row of X (${d.rows} rows)`, enc.codes.length);
  const w = sampleWeights(fn, o.sampleWeight, d.rows);
  if (variant === 'bernoulli') d = binarized(d);
  else {
    for (let t = 0; t < d.data.length; t++) if (d.data[t]! < 0) throw new InvalidInputError(fn, `X must not hold negative values for the ${variant} model (counts or TF-IDF weights)`, d.data[t]);
  }
  const K = enc.classes.length;
  const p = d.cols;
  // One-hot weighted responsibilities R (n × K): N = Rᵀ X.
  const r = new Float64Array(d.rows * K);
  const classCount = new Float64Array(K);
  for (let i = 0; i < d.rows; i++) {
    r[i * K + enc.codes[i]!] = w[i]!;
    classCount[enc.codes[i]!] = classCount[enc.codes[i]!]! + w[i]!;
  }
  const fc = new Float64Array(K * p);
  transposeProduct(d, r, K, fc);
  let total = 0;
  for (let c = 0; c < K; c++) total += classCount[c]!;
  const classLogPrior = Array.from(classCount, (cc) => (fitPrior ? Math.log(cc) - Math.log(total) : -Math.log(K)));
  const flp: number[][] = [];
  if (variant === 'complement') {
    const all = new Float64Array(p);
    for (let c = 0; c < K; c++) for (let j = 0; j < p; j++) all[j] = all[j]! + fc[c * p + j]!;
    for (let c = 0; c < K; c++) {
      const comp = new Float64Array(p);
      let s = 0;
      for (let j = 0; j < p; j++) s += comp[j] = all[j]! + alpha - fc[c * p + j]!;
      flp.push(Array.from(comp, (x) => -(Math.log(x) - Math.log(s))));
    }
  } else if (variant === 'multinomial') {
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += fc[c * p + j]! + alpha;
      const ls = Math.log(s);
      flp.push(Array.from(fc.subarray(c * p, (c + 1) * p), (x) => Math.log(x + alpha) - ls));
    }
  } else {
    for (let c = 0; c < K; c++) {
      const ls = Math.log(classCount[c]! + 2 * alpha);
      flp.push(Array.from(fc.subarray(c * p, (c + 1) * p), (x) => Math.log(x + alpha) - ls));
    }
  }
  return { kind: 'naiveBayes', formatVersion: 1, params: { variant, alpha, fitPrior }, nFeatures: p, classes: enc.classes, classLogPrior, featureLogProb: flp };
}

const checked = new WeakSet<object>();
/** @internal Structural check of a naive Bayes model, once per model object. */
export function _checkNaiveBayesModel(fn: string, json: unknown): NaiveBayesModel {
  return checkModel(fn, json);
}

function checkModel(fn: string, json: unknown): NaiveBayesModel {
  if (typeof json === 'object' && json !== null && checked.has(json)) return json as NaiveBayesModel;
  const o = checkKind(fn, json, 'naiveBayes', 1);
  const classes = checkClasses(fn, o.classes);
  const p = o.nFeatures as number;
  checkNumberArray(fn, 'classLogPrior', o.classLogPrior, classes.length);
  if (!Array.isArray(o.featureLogProb) || o.featureLogProb.length !== classes.length) throw new ModelFormatError(fn, `featureLogProb must have ${classes.length} rows`, o.featureLogProb);
  o.featureLogProb.forEach((row: unknown, c: number) => checkNumberArray(fn, `featureLogProb[${c}]`, row, p));
  const variant = (o.params as Record<string, unknown>).variant;
  if (!['multinomial', 'complement', 'bernoulli'].includes(variant as string)) throw new ModelFormatError(fn, "params.variant must be 'multinomial', 'complement' or 'bernoulli'", variant);
  checked.add(o);
  return o as unknown as NaiveBayesModel;
}

/** Joint log-likelihoods (n × K) and log-probabilities. */
function jointLogLikelihood(fn: string, model: NaiveBayesModel, X: unknown): { jll: Float64Array; rows: number } {
  const m = checkModel(fn, model);
  let d = predictDesign(fn, X, m.nFeatures);
  const K = m.classes.length;
  const p = m.nFeatures;
  const W = new Float64Array(K * p);
  const b = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    const row = m.featureLogProb[c]!;
    if (m.params.variant === 'bernoulli') {
      let negSum = 0;
      for (let j = 0; j < p; j++) {
        const neg = Math.log(1 - Math.exp(row[j]!));
        W[c * p + j] = row[j]! - neg;
        negSum += neg;
      }
      b[c] = m.classLogPrior[c]! + negSum;
    } else {
      W.set(row, c * p);
      b[c] = m.params.variant === 'complement' && K > 1 ? 0 : m.classLogPrior[c]!;
    }
  }
  if (m.params.variant === 'bernoulli') d = binarized(d);
  const jll = new Float64Array(d.rows * K);
  linearPredictor(d, W, K, b, jll);
  return { jll, rows: d.rows };
}

/**
 * Predicts the class of each row (largest joint log-likelihood; the first class on ties).
 *
 * @remarks O(nnz · K).
 * @see scikit-learn `MultinomialNB.predict`
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @throws {@link ModelFormatError} when `model` is not a naive Bayes model
 * @example
 * ```ts
 * import { fitNaiveBayes, predictNaiveBayes } from 'crmkit/classify';
 * const model = fitNaiveBayes([[1, 0], [0, 1]], [0, 1], { variant: 'bernoulli' });
 * predictNaiveBayes(model, [[1, 0]]); // => [0]
 * ```
 * @category Linear models
 */
export function predictNaiveBayes(model: NaiveBayesModel, X: LinearFeatures): Label[] {
  const { jll, rows } = jointLogLikelihood('classify/predictNaiveBayes', model, X);
  return _argmaxLabels(model.classes, jll, rows);
}

/**
 * Log class probabilities of each row (columns in `model.classes` order): the joint
 * log-likelihood minus its log-sum-exp, as scikit-learn's `predict_log_proba`.
 *
 * @remarks O(nnz · K).
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @throws {@link ModelFormatError} when `model` is not a naive Bayes model
 * @example
 * ```ts
 * import { fitNaiveBayes, predictLogProbaNaiveBayes } from 'crmkit/classify';
 * const model = fitNaiveBayes([[1, 0], [0, 1]], [0, 1]);
 * predictLogProbaNaiveBayes(model, [[0, 0]]); // => [[-0.6931471805599453, -0.6931471805599453]]
 * ```
 * @category Linear models
 */
export function predictLogProbaNaiveBayes(model: NaiveBayesModel, X: LinearFeatures): number[][] {
  const { jll, rows } = jointLogLikelihood('classify/predictLogProbaNaiveBayes', model, X);
  const K = model.classes.length;
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    let mx = -Infinity;
    for (let c = 0; c < K; c++) mx = Math.max(mx, jll[i * K + c]!);
    let s = 0;
    for (let c = 0; c < K; c++) s += Math.exp(jll[i * K + c]! - mx);
    const lse = mx + Math.log(s);
    out.push(Array.from(jll.subarray(i * K, (i + 1) * K), (x) => x - lse));
  }
  return out;
}

/**
 * Checks a stored naive Bayes model (for example `JSON.parse` of a saved model) and returns it typed.
 *
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitNaiveBayes, parseNaiveBayesModel } from 'crmkit/classify';
 * const saved = JSON.stringify(fitNaiveBayes([[1, 0], [0, 1]], ['a', 'b']));
 * parseNaiveBayesModel(JSON.parse(saved)).classes; // => ['a', 'b']
 * ```
 * @category Linear models
 */
export function parseNaiveBayesModel(json: unknown): NaiveBayesModel {
  return checkModel('classify/parseNaiveBayesModel', json);
}

/** @internal Class probabilities (row-major n × K) of a checked model. */
export function _naiveBayesProba(fn: string, model: NaiveBayesModel, X: unknown): Float64Array {
  const { jll, rows } = jointLogLikelihood(fn, model, X);
  const K = model.classes.length;
  const out = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++) {
    let mx = -Infinity;
    for (let c = 0; c < K; c++) mx = Math.max(mx, jll[i * K + c]!);
    let s = 0;
    for (let c = 0; c < K; c++) s += out[i * K + c] = Math.exp(jll[i * K + c]! - mx);
    for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! / s;
  }
  return out;
}
