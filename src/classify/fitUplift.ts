import { DimensionMismatchError, InvalidInputError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import * as v from '../core/validate.js';
import { asOwnError, checkMatrix, compareLabels, isObj, type Label, type Matrix } from './_common.js';
import { positiveLabel } from './_metrics.js';
import { checkDecisionTreeModel, checkRandomForestModel } from './_models.js';
import { fitDecisionTree, type DecisionTreeModel, type FitDecisionTreeOptions } from './fitDecisionTree.js';
import { fitLogisticRegression, type FitLogisticRegressionOptions, type LogisticRegressionModel } from './fitLogisticRegression.js';
import { fitNaiveBayes, _naiveBayesProba, _checkNaiveBayesModel, type FitNaiveBayesOptions, type NaiveBayesModel } from './fitNaiveBayes.js';
import { fitRandomForest, type FitRandomForestOptions, type RandomForestModel } from './fitRandomForest.js';
import { _treeProba } from './predictDecisionTree.js';
import { _checkLogisticModel, _logisticProba } from './predictLogisticRegression.js';
import { _forestProba } from './_forestProba.js';

/**
 * How the uplift is modelled.
 * - `'twoModel'` (T-learner): one outcome model on the treated rows, one on the control rows;
 *   uplift = P(y | x, treated) − P(y | x, control).
 * - `'soloModel'` (S-learner): one outcome model with the treatment as an extra last column;
 *   uplift = P(y | x, t = 1) − P(y | x, t = 0).
 * - `'classTransformation'` (Jaskowski & Jaroszewicz 2012): one model of z = 1 when
 *   (treated and responded) or (control and did not respond); uplift = 2 P(z = 1 | x) − 1. Exact
 *   only when treated and control rows are equally many (a 50/50 test).
 */
export type UpliftMethod = 'twoModel' | 'soloModel' | 'classTransformation';

/** The base classifier: any crmkit classifier with class probabilities. */
export type UpliftLearner = 'logisticRegression' | 'decisionTree' | 'randomForest' | 'naiveBayes';

/** A fitted base classifier inside an {@link UpliftModel}. */
export type UpliftBaseModel = LogisticRegressionModel | DecisionTreeModel | RandomForestModel | NaiveBayesModel;

/** Options of {@link fitUplift}. */
export interface FitUpliftOptions extends LongRunOptions {
  /** How uplift is modelled. @defaultValue 'twoModel' */
  method?: UpliftMethod;
  /** Base classifier. @defaultValue 'logisticRegression' */
  learner?: UpliftLearner;
  /**
   * Options of the base classifier's fit function (`fitLogisticRegression`, `fitDecisionTree`,
   * `fitRandomForest` or `fitNaiveBayes`), used for every base model. @defaultValue {}
   */
  learnerOptions?: FitLogisticRegressionOptions | FitDecisionTreeOptions | FitRandomForestOptions | FitNaiveBayesOptions;
  /**
   * The control arm's label in `treatment`. Omitted: `treatment` must be 0/1 (or booleans), 0 = control.
   * Given: `treatment` holds arm labels (numbers or strings), and each other arm gets its own model
   * against the control rows (multi-arm by one-vs-control).
   * @defaultValue none (0/1 treatment)
   */
  control?: number | string;
  /** The outcome label that counts as a response (the binary-metric rule: 1 or `true` by default). @defaultValue 1 / true */
  posLabel?: Label;
}

/** Resolved parameters stored in an {@link UpliftModel}. */
export interface UpliftParams {
  method: UpliftMethod;
  learner: UpliftLearner;
  /** The control label, or `null` for 0/1 treatment. */
  control: number | string | null;
  posLabel: Label;
}

/** One treatment arm of an {@link UpliftModel}. */
export interface UpliftArm {
  /** The arm's label in `treatment` (1 for 0/1 treatment). */
  arm: number | string;
  /** Treated-rows model (`twoModel`), the single model (`soloModel`, `classTransformation`). */
  model: UpliftBaseModel;
  /** Rows of this arm and of the control group used to fit it. */
  nTreated: number;
  nControl: number;
}

/** A fitted uplift model (plain JSON). */
export interface UpliftModel {
  readonly kind: 'uplift';
  readonly formatVersion: 1;
  readonly params: UpliftParams;
  /** Feature columns of X (without the treatment column that `soloModel` adds). */
  readonly nFeatures: number;
  /** The control-rows model of `twoModel` (shared by every arm); `null` for the other methods. */
  readonly controlModel: UpliftBaseModel | null;
  /** One entry per treatment arm, in sorted label order. */
  readonly arms: UpliftArm[];
}

const KEYS = ['method', 'learner', 'learnerOptions', 'control', 'posLabel', 'signal', 'onProgress'] as const;
const METHODS = ['twoModel', 'soloModel', 'classTransformation'] as const;
const LEARNERS = ['logisticRegression', 'decisionTree', 'randomForest', 'naiveBayes'] as const;
const KINDS: Record<UpliftLearner, string> = { logisticRegression: 'logisticRegression', decisionTree: 'decisionTree', randomForest: 'randomForest', naiveBayes: 'naiveBayes' };


function fitBase(fn: string, learner: UpliftLearner, X: Matrix, y: readonly Label[], lo: Record<string, unknown>, signal: AbortSignal | undefined, what: string): UpliftBaseModel {
  return asOwnError(fn, what, () => {
    if (learner === 'logisticRegression') return fitLogisticRegression(X, y, { ...(lo as FitLogisticRegressionOptions), ...(signal === undefined ? {} : { signal }) });
    if (learner === 'decisionTree') return fitDecisionTree(X, y, lo as FitDecisionTreeOptions);
    if (learner === 'randomForest') return fitRandomForest(X, y, lo as FitRandomForestOptions);
    return fitNaiveBayes(X, y, lo as FitNaiveBayesOptions);
  });
}

/** P(positive class) per row from a base model, on a validated row-major matrix. */
function positiveProba(fn: string, model: UpliftBaseModel, x: Float64Array, rows: number, cols: number, pos: Label): Float64Array {
  let proba: Float64Array;
  let classes: readonly Label[];
  if (model.kind === 'logisticRegression') {
    const m = _checkLogisticModel(fn, model);
    const X: number[][] = [];
    for (let i = 0; i < rows; i++) X.push(Array.from(x.subarray(i * cols, (i + 1) * cols)));
    proba = _logisticProba(m, X, fn).proba;
    classes = m.classes;
  } else if (model.kind === 'decisionTree') {
    const m = checkDecisionTreeModel(fn, model);
    proba = _treeProba(m, x, rows);
    classes = m.classes;
  } else if (model.kind === 'randomForest') {
    const m = checkRandomForestModel(fn, model);
    proba = _forestProba(m, x, rows);
    classes = m.classes;
  } else {
    const m = _checkNaiveBayesModel(fn, model);
    const X: number[][] = [];
    for (let i = 0; i < rows; i++) X.push(Array.from(x.subarray(i * cols, (i + 1) * cols)));
    proba = _naiveBayesProba(fn, m, X);
    classes = m.classes;
  }
  const k = classes.length;
  const c = classes.findIndex((l) => l === pos);
  const out = new Float64Array(rows);
  if (c < 0) return out; // the positive class never occurred in this model's rows: probability 0
  for (let i = 0; i < rows; i++) out[i] = proba[i * k + c]!;
  return out;
}

/**
 * Fits an uplift model: who should be targeted because the campaign changes their behaviour, not
 * just who will respond. Works from a randomized test (treatment and control rows).
 *
 * @remarks Three methods (see {@link UpliftMethod}) on any crmkit classifier with probabilities. With
 * `control`, each other arm is modelled one-vs-control. Each base model costs what its fit costs.
 * The positive outcome follows the binary-metric rule (1 / `true`, else `posLabel`). Uplift models
 * need a randomized assignment; on observational data the difference is not causal.
 * @see scikit-uplift `TwoModels` (vanilla), `SoloModel`, `ClassTransformation`; Gutierrez & Gérardy (2016)
 * @throws {@link InvalidInputError} on treatment entries that are not 0/1 (or not arm labels with `control`), a group without rows, or a group whose outcomes are all one class (a two-model base model cannot be fitted)
 * @throws {@link InvalidOptionError} on unknown options, learner options the base fit rejects (named as `fitUplift`'s)
 * @throws {@link DimensionMismatchError} when y or treatment does not match the rows of X
 * @example
 * ```ts
 * import { fitUplift, predictUplift } from 'crmkit/classify';
 * const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
 * const y = [0, 0, 1, 0, 1, 0, 1, 0];
 * const treatment = [1, 1, 0, 0, 1, 1, 0, 0];
 * const model = fitUplift(X, y, treatment, { learner: 'decisionTree' });
 * predictUplift(model, [[0], [1]]); // => [-0.5, 0]
 * ```
 * @category Uplift
 */
export function fitUplift(X: Matrix, y: readonly Label[], treatment: readonly (number | string | boolean)[], options?: FitUpliftOptions): UpliftModel {
  const fn = 'classify/fitUplift';
  const o = v.options(fn, options, KEYS) as Record<string, unknown>;
  const method = o.method === undefined ? 'twoModel' : v.oneOf(fn, 'options.method', o.method, METHODS);
  const learner = o.learner === undefined ? 'logisticRegression' : v.oneOf(fn, 'options.learner', o.learner, LEARNERS);
  if (o.learnerOptions !== undefined && !isObj(o.learnerOptions)) throw new InvalidOptionError(fn, 'options.learnerOptions must be an options object of the base fit', o.learnerOptions);
  const lo = { ...((o.learnerOptions as Record<string, unknown> | undefined) ?? {}) };
  if ('signal' in lo || 'onProgress' in lo || 'sampleWeight' in lo) {
    throw new InvalidOptionError(fn, 'options.learnerOptions must not hold signal, onProgress or sampleWeight (give signal and onProgress to fitUplift)', Object.keys(lo).join(', '));
  }
  const ctl = taskControl(fn, o as LongRunOptions);
  const m = checkMatrix(fn, X);
  const n = m.rows;
  const yArr = v.arrayLike<unknown>(fn, 'y', y, 1);
  if (yArr.length !== n) throw new DimensionMismatchError(fn, `y must have one label per row of X (${n} rows)`, yArr.length);
  const labels: Label[] = [];
  for (let i = 0; i < n; i++) {
    const yi = Array.isArray(yArr) && !(i in yArr) ? undefined : yArr[i];
    const ok = (typeof yi === 'number' && Number.isFinite(yi)) || typeof yi === 'string' || typeof yi === 'boolean';
    if (!ok) throw new InvalidInputError(fn, `y[${i}] must be a finite number, a string or a boolean`, yi);
    if (typeof yi !== typeof yArr[0]) throw new InvalidInputError(fn, `y[${i}] must be a ${typeof yArr[0]} like y[0]`, yi);
    labels.push(yi as Label);
  }
  const distinctY = [...new Set(labels)];
  if (distinctY.length > 2) throw new InvalidInputError(fn, 'y must be a binary outcome (at most 2 distinct labels)', distinctY.length);
  const pos = positiveLabel(fn, labels, o.posLabel);
  const response = Uint8Array.from(labels, (l) => (l === pos ? 1 : 0));

  // Treatment: 0/1 (booleans) without `control`; arm labels with it.
  const tArr = v.arrayLike<unknown>(fn, 'treatment', treatment, 1);
  if (tArr.length !== n) throw new DimensionMismatchError(fn, `treatment must have one entry per row of X (${n} rows)`, tArr.length);
  let control: number | string | null = null;
  const armOf: (number | string | null)[] = new Array(n);
  if (o.control === undefined) {
    for (let i = 0; i < n; i++) {
      const t = Array.isArray(tArr) && !(i in tArr) ? undefined : tArr[i];
      if (t === 1 || t === true) armOf[i] = 1;
      else if (t === 0 || t === false) armOf[i] = null;
      else throw new InvalidInputError(fn, `treatment[${i}] must be 1 (treated) or 0 (control), or a boolean; give options.control for arm labels`, t);
    }
  } else {
    if (!((typeof o.control === 'number' && Number.isFinite(o.control)) || typeof o.control === 'string')) throw new InvalidOptionError(fn, 'options.control must be a number or a string label of the control arm', o.control);
    control = o.control;
    for (let i = 0; i < n; i++) {
      const t = Array.isArray(tArr) && !(i in tArr) ? undefined : tArr[i];
      if (typeof t !== typeof control || (typeof t === 'number' && !Number.isFinite(t))) throw new InvalidInputError(fn, `treatment[${i}] must be an arm label of the same type as options.control`, t);
      armOf[i] = t === control ? null : (t as number | string);
    }
  }
  const controlRows: number[] = [];
  const armRows = new Map<number | string, number[]>();
  for (let i = 0; i < n; i++) {
    const a = armOf[i] as number | string | null;
    if (a === null) controlRows.push(i);
    else {
      let list = armRows.get(a);
      if (!list) armRows.set(a, (list = []));
      list.push(i);
    }
  }
  if (controlRows.length === 0) throw new InvalidInputError(fn, 'treatment has no control row', control ?? 0);
  if (armRows.size === 0) throw new InvalidInputError(fn, 'treatment has no treated row', control === null ? 1 : 'only the control label');
  if (armRows.size > 100) throw new InvalidInputError(fn, 'treatment has more than 100 arms', armRows.size);
  const arms = [...armRows.keys()].sort((a, b) => compareLabels(a, b));

  const rowsOf = (idx: readonly number[], extra?: (i: number) => number): number[][] =>
    idx.map((i) => {
      const r = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));
      if (extra) r.push(extra(i));
      return r;
    });
  const needBoth = (idx: readonly number[], what: string): void => {
    let r = 0;
    for (const i of idx) r += response[i]!;
    if (r === 0 || r === idx.length) throw new InvalidInputError(fn, `${what} has only ${r === 0 ? 'non-responders' : 'responders'}, so its outcome model cannot be fitted`, idx.length);
  };
  const total = arms.length + (method === 'twoModel' ? 1 : 0);
  let done = 0;
  let controlModel: UpliftBaseModel | null = null;
  if (method === 'twoModel') {
    needBoth(controlRows, 'the control group');
    controlModel = fitBase(fn, learner, rowsOf(controlRows), controlRows.map((i) => labels[i]!), lo, o.signal as AbortSignal | undefined, 'control model');
    ctl.checkpoint(++done, total, 'control model');
  }
  const fitted: UpliftArm[] = [];
  for (const arm of arms) {
    const treatedRows = armRows.get(arm)!;
    const armName = control === null ? 'the treated group' : `arm ${String(arm)}`;
    let model: UpliftBaseModel;
    if (method === 'twoModel') {
      needBoth(treatedRows, armName);
      model = fitBase(fn, learner, rowsOf(treatedRows), treatedRows.map((i) => labels[i]!), lo, o.signal as AbortSignal | undefined, `${armName} model`);
    } else {
      const idx = [...treatedRows, ...controlRows].sort((a, b) => a - b);
      if (method === 'soloModel') {
        needBoth(idx, `${armName} with the control group`);
        model = fitBase(fn, learner, rowsOf(idx, (i) => (armOf[i] === null ? 0 : 1)), idx.map((i) => labels[i]!), lo, o.signal as AbortSignal | undefined, `${armName} model`);
      } else {
        const z = idx.map((i) => ((armOf[i] === null ? 0 : 1) === response[i] ? 1 : 0));
        if (!z.includes(0) || !z.includes(1)) throw new InvalidInputError(fn, `${armName} with the control group gives a single transformed class, so the model cannot be fitted`, idx.length);
        model = fitBase(fn, learner, rowsOf(idx), z, lo, o.signal as AbortSignal | undefined, `${armName} model`);
      }
    }
    fitted.push({ arm, model, nTreated: treatedRows.length, nControl: controlRows.length });
    ctl.checkpoint(++done, total, `${armName} model`);
  }
  return {
    kind: 'uplift',
    formatVersion: 1,
    params: { method, learner, control, posLabel: pos },
    nFeatures: m.cols,
    controlModel,
    arms: fitted,
  };
}

const checkedUplift = new WeakSet<object>();

function checkBase(fn: string, model: unknown, learner: UpliftLearner, nFeatures: number, name: string): UpliftBaseModel {
  if (!isObj(model) || model.kind !== KINDS[learner]) throw new ModelFormatError(fn, `${name} must be a ${KINDS[learner]} model (params.learner)`, isObj(model) ? model.kind : model);
  if (model.nFeatures !== nFeatures) throw new ModelFormatError(fn, `${name}.nFeatures must be ${nFeatures}`, model.nFeatures);
  if (learner === 'logisticRegression') return _checkLogisticModel(fn, model);
  if (learner === 'decisionTree') return checkDecisionTreeModel(fn, model);
  if (learner === 'randomForest') return checkRandomForestModel(fn, model);
  return _checkNaiveBayesModel(fn, model);
}

/** @internal Structural check of an uplift model, once per model object. */
export function _checkUpliftModel(fn: string, json: unknown, useCache = true): UpliftModel {
  if (useCache && typeof json === 'object' && json !== null && checkedUplift.has(json)) return json as UpliftModel;
  if (!isObj(json)) throw new ModelFormatError(fn, 'model must be an object', json);
  if (json.kind !== 'uplift') throw new ModelFormatError(fn, "kind must be 'uplift'", json.kind);
  if (json.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', json.formatVersion);
  const nf = json.nFeatures;
  if (typeof nf !== 'number' || !Number.isInteger(nf) || nf < 1) throw new ModelFormatError(fn, 'nFeatures must be a positive integer', nf);
  const p = json.params;
  if (!isObj(p)) throw new ModelFormatError(fn, 'params must be an object', p);
  if (!(METHODS as readonly unknown[]).includes(p.method)) throw new ModelFormatError(fn, `params.method must be one of ${METHODS.join(', ')}`, p.method);
  if (!(LEARNERS as readonly unknown[]).includes(p.learner)) throw new ModelFormatError(fn, `params.learner must be one of ${LEARNERS.join(', ')}`, p.learner);
  const method = p.method as UpliftMethod;
  const learner = p.learner as UpliftLearner;
  if (!(p.control === null || typeof p.control === 'string' || (typeof p.control === 'number' && Number.isFinite(p.control)))) throw new ModelFormatError(fn, 'params.control must be null, a number or a string', p.control);
  if (!((typeof p.posLabel === 'number' && Number.isFinite(p.posLabel)) || typeof p.posLabel === 'string' || typeof p.posLabel === 'boolean')) throw new ModelFormatError(fn, 'params.posLabel must be a label', p.posLabel);
  const baseFeatures = method === 'soloModel' ? nf + 1 : nf;
  if (method === 'twoModel') checkBase(fn, json.controlModel, learner, baseFeatures, 'controlModel');
  else if (json.controlModel !== null) throw new ModelFormatError(fn, `controlModel must be null for method '${method}'`, json.controlModel);
  if (!Array.isArray(json.arms) || json.arms.length < 1 || json.arms.length > 100) throw new ModelFormatError(fn, 'arms must be an array of 1 to 100 arms', json.arms);
  const seen = new Set<unknown>();
  json.arms.forEach((a: unknown, i: number) => {
    if (!isObj(a)) throw new ModelFormatError(fn, `arms[${i}] must be an object`, a);
    if (!(typeof a.arm === 'string' || (typeof a.arm === 'number' && Number.isFinite(a.arm))) || seen.has(a.arm) || a.arm === p.control) throw new ModelFormatError(fn, `arms[${i}].arm must be a distinct arm label other than the control`, a.arm);
    seen.add(a.arm);
    for (const k of ['nTreated', 'nControl'] as const) {
      if (typeof a[k] !== 'number' || !Number.isInteger(a[k]) || (a[k] as number) < 1) throw new ModelFormatError(fn, `arms[${i}].${k} must be a positive integer`, a[k]);
    }
    checkBase(fn, a.model, learner, baseFeatures, `arms[${i}].model`);
  });
  checkedUplift.add(json);
  return json as unknown as UpliftModel;
}

/** Options of {@link predictUplift}. */
export interface PredictUpliftOptions {
  /** Which treatment arm (its label); required when the model has several arms. @defaultValue the only arm */
  arm?: number | string;
}

function armIndex(fn: string, model: UpliftModel, arm: unknown): number {
  if (arm === undefined) {
    if (model.arms.length > 1) throw new InvalidOptionError(fn, `options.arm is required: the model has ${model.arms.length} arms (${model.arms.map((a) => String(a.arm)).join(', ')})`, undefined);
    return 0;
  }
  const k = model.arms.findIndex((a) => a.arm === arm);
  if (k < 0) throw new InvalidOptionError(fn, 'options.arm must be one of the model arms', arm);
  return k;
}

/** @internal Uplift per row and the two probabilities behind it (NaN-free; probabilities null for classTransformation). */
export function _upliftScores(fn: string, model: UpliftModel, X: unknown, arm: unknown): { uplift: Float64Array; treated: Float64Array | null; control: Float64Array | null; rows: number } {
  const mdl = _checkUpliftModel(fn, model);
  const m = checkMatrix(fn, X);
  if (m.cols !== mdl.nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${mdl.nFeatures} feature columns`, m.cols);
  const a = mdl.arms[armIndex(fn, mdl, arm)]!;
  const pos = mdl.params.posLabel;
  const rows = m.rows;
  if (mdl.params.method === 'twoModel') {
    const pt = positiveProba(fn, a.model, m.data, rows, m.cols, pos);
    const pc = positiveProba(fn, mdl.controlModel!, m.data, rows, m.cols, pos);
    return { uplift: pt.map((p, i) => p - pc[i]!), treated: pt, control: pc, rows };
  }
  if (mdl.params.method === 'soloModel') {
    const k = m.cols + 1;
    const x1 = new Float64Array(rows * k);
    const x0 = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) {
      x1.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), i * k);
      x0.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), i * k);
      x1[i * k + m.cols] = 1;
    }
    const pt = positiveProba(fn, a.model, x1, rows, k, pos);
    const pc = positiveProba(fn, a.model, x0, rows, k, pos);
    return { uplift: pt.map((p, i) => p - pc[i]!), treated: pt, control: pc, rows };
  }
  const pz = positiveProba(fn, a.model, m.data, rows, m.cols, 1);
  return { uplift: pz.map((p) => 2 * p - 1), treated: null, control: null, rows };
}

/**
 * Predicted uplift of each row: how much the campaign raises the probability of a response
 * (negative: the campaign puts the customer off).
 *
 * @remarks O(cost of the base models' predictions). The model's structure is checked once per
 * model object.
 * @see scikit-uplift `TwoModels.predict`
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @throws {@link InvalidInputError} on NaN/Infinity features
 * @throws {@link InvalidOptionError} when `arm` is missing for a multi-arm model, or unknown
 * @throws {@link ModelFormatError} when `model` is not an uplift model
 * @example
 * ```ts
 * import { fitUplift, predictUplift } from 'crmkit/classify';
 * const model = fitUplift([[0], [0], [1], [1], [0], [0], [1], [1]], [1, 0, 1, 1, 0, 0, 0, 1], [1, 1, 1, 1, 0, 0, 0, 0], { learner: 'decisionTree' });
 * predictUplift(model, [[0], [1]]); // => [0.5, 0.5]
 * ```
 * @category Uplift
 */
export function predictUplift(model: UpliftModel, X: Matrix, options?: PredictUpliftOptions): number[] {
  const fn = 'classify/predictUplift';
  const o = v.options(fn, options, ['arm']);
  return Array.from(_upliftScores(fn, model, X, o.arm).uplift);
}

/** Options of {@link rankByUplift}. */
export interface RankByUpliftOptions extends PredictUpliftOptions {
  /** Keep only the best `top` customers. @defaultValue all */
  top?: number;
}

/** One customer of {@link rankByUplift}. */
export interface UpliftScoreRow {
  /** The customer's id, as given. */
  id: string | number;
  /** 1 = the customer the campaign helps most. */
  rank: number;
  /** Predicted uplift (probability points). */
  uplift: number;
  /** Predicted response probability if treated (`null` for `classTransformation`). */
  probabilityTreated: number | null;
  /** Predicted response probability if not treated (`null` for `classTransformation`). */
  probabilityControl: number | null;
}

/**
 * Customers ranked by predicted uplift, keyed by their id: the target list of an uplift campaign
 * (send to the top; leave out those with negative uplift, the "sleeping dogs").
 *
 * @remarks Ties keep input order. O(n log n) plus the prediction cost.
 * @throws {@link InvalidInputError} when ids are not unique strings/finite numbers
 * @throws {@link DimensionMismatchError} when ids and X differ in length
 * @throws {@link InvalidOptionError} on a bad `top` or `arm`
 * @example
 * ```ts
 * import { fitUplift, rankByUplift } from 'crmkit/classify';
 * const model = fitUplift([[0], [0], [1], [1], [0], [0], [1], [1]], [0, 0, 1, 1, 0, 0, 0, 1], [1, 1, 1, 1, 0, 0, 0, 0], { learner: 'decisionTree' });
 * rankByUplift(model, [[0], [1]], ['ann', 'bob']).map((r) => [r.id, r.uplift]);
 * // => [['bob', 0.5], ['ann', 0]]
 * ```
 * @category Uplift
 */
export function rankByUplift(model: UpliftModel, X: Matrix, ids: readonly (string | number)[], options?: RankByUpliftOptions): UpliftScoreRow[] {
  const fn = 'classify/rankByUplift';
  const o = v.options(fn, options, ['arm', 'top']);
  const sc = _upliftScores(fn, model, X, o.arm);
  const idArr = v.arrayLike<unknown>(fn, 'ids', ids, 1);
  if (idArr.length !== sc.rows) throw new DimensionMismatchError(fn, `ids must have one id per row of X (${sc.rows})`, idArr.length);
  const seen = new Set<unknown>();
  for (let i = 0; i < idArr.length; i++) {
    const id = Array.isArray(idArr) && !(i in idArr) ? undefined : idArr[i];
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) throw new InvalidInputError(fn, `ids[${i}] must be a string or a finite number`, id);
    if (seen.has(id)) throw new InvalidInputError(fn, `ids[${i}] repeats an earlier id`, id);
    seen.add(id);
  }
  const top = o.top === undefined ? sc.rows : v.integerInRange(fn, 'options.top', o.top, { min: 1 });
  const order = Array.from({ length: sc.rows }, (_, i) => i).sort((a, b) => sc.uplift[b]! - sc.uplift[a]! || a - b);
  return order.slice(0, top).map((i, r) => ({
    id: idArr[i] as string | number,
    rank: r + 1,
    uplift: sc.uplift[i]!,
    probabilityTreated: sc.treated ? sc.treated[i]! : null,
    probabilityControl: sc.control ? sc.control[i]! : null,
  }));
}

/**
 * Checks a stored uplift model (for example `JSON.parse` of a saved model) and returns it typed,
 * including every base model inside it.
 *
 * @remarks O(size of the base models).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitUplift, parseUpliftModel } from 'crmkit/classify';
 * const saved = JSON.stringify(fitUplift([[0], [1], [0], [1]], [0, 1, 1, 0], [1, 1, 0, 0], { learner: 'naiveBayes' }));
 * parseUpliftModel(JSON.parse(saved)).params.method; // => 'twoModel'
 * ```
 * @category Uplift
 */
export function parseUpliftModel(json: unknown): UpliftModel {
  return _checkUpliftModel('classify/parseUpliftModel', json, false);
}
