import { DimensionMismatchError, InvalidInputError, ModelFormatError } from '../core/errors.js';
import * as v from '../core/validate.js';
import { checkFiniteNumbers, checkMatrix, isObj, type Label, type Matrix } from './_common.js';
import { labelArray } from './_metrics.js';
import { checkFittedModel, type Checked, type FittedModel } from './_modelPredict.js';
import type { LogisticRegressionModel } from './fitLogisticRegression.js';

/** Options of {@link calibrateClassifier}. */
export interface CalibrateClassifierOptions {
  /** `'sigmoid'` (Platt scaling, two parameters) or `'isotonic'` (a monotone step function; needs more rows). @defaultValue 'sigmoid' */
  method?: 'sigmoid' | 'isotonic';
}

/** A binary classifier with a calibration map on top (plain JSON). */
export interface CalibratedClassifierModel {
  readonly kind: 'calibratedClassifier';
  readonly formatVersion: 1;
  readonly params: { method: 'sigmoid' | 'isotonic' };
  readonly nFeatures: number;
  /** The base model's two classes; probabilities are of `classes[1]`. */
  readonly classes: Label[];
  /** The fitted base classifier, unchanged. */
  readonly base: FittedModel;
  /** Sigmoid: P = 1 / (1 + exp(a·f + b)); isotonic: interpolation through the points (clipped at the ends). */
  readonly calibrator: { a: number; b: number } | { x: number[]; y: number[] };
}

type Classifier = Extract<Checked, { type: 'classifier' }>;

/** The score scikit-learn calibrates: the decision function of a logistic model, else P(classes[1]). */
function baseScores(model: unknown, mdl: Classifier, x: Float64Array, rows: number): Float64Array {
  if (isObj(model) && model.kind === 'logisticRegression') {
    const lr = model as unknown as LogisticRegressionModel;
    const w = lr.coefficients[0]!;
    const p = lr.nFeatures;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let s = lr.intercepts[0]!;
      for (let j = 0; j < p; j++) s += w[j]! * x[i * p + j]!;
      out[i] = s;
    }
    return out;
  }
  const pr = mdl.proba(x, rows);
  return Float64Array.from({ length: rows }, (_, i) => pr[i * 2 + 1]!);
}

const expitNeg = (t: number): number => (t >= 0 ? Math.exp(-t) / (1 + Math.exp(-t)) : 1 / (1 + Math.exp(t))); // 1 / (1 + e^t)

/** Platt scaling with scikit-learn's smoothed targets, solved to the optimum by Newton's method. */
function sigmoidFit(f: Float64Array, y: Uint8Array): { a: number; b: number } {
  const n = f.length;
  let n1 = 0;
  for (const t of y) n1 += t;
  const n0 = n - n1;
  const tPos = (n1 + 1) / (n1 + 2);
  const tNeg = 1 / (n0 + 2);
  const T = Float64Array.from(y, (t) => (t ? tPos : tNeg));
  const loss = (a: number, b: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = a * f[i]! + b; // P = 1/(1+e^z): -log P = log1p(e^z), -log(1-P) = log1p(e^-z)
      const lp = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      const lq = z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
      s += T[i]! * lp + (1 - T[i]!) * lq;
    }
    return s;
  };
  let a = 0;
  let b = Math.log((n0 + 1) / (n1 + 1));
  let cur = loss(a, b);
  for (let it = 0; it < 200; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const p = expitNeg(a * f[i]! + b);
      const r = T[i]! - p; // d loss / d z = T − P
      const w = p * (1 - p);
      ga += r * f[i]!;
      gb += r;
      haa += w * f[i]! * f[i]!;
      hab += w * f[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    let da: number;
    let db: number;
    if (det > 1e-300 * Math.max(1, haa * hbb)) {
      da = -(hbb * ga - hab * gb) / det;
      db = -(haa * gb - hab * ga) / det;
    } else {
      da = -ga;
      db = -gb;
    }
    let step = 1;
    let next = loss(a + da, b + db);
    while (!(next <= cur) && step > 1e-12) {
      step /= 2;
      next = loss(a + step * da, b + step * db);
    }
    if (!(next <= cur)) break;
    a += step * da;
    b += step * db;
    const improvement = cur - next;
    cur = next;
    if (Math.abs(ga) + Math.abs(gb) < 1e-12 * n || improvement <= 1e-15 * Math.max(1, cur)) break;
  }
  return { a, b };
}

/** scikit-learn's IsotonicRegression (increasing, clip): ties averaged, pool adjacent violators, redundant points dropped. */
function isotonicFit(f: Float64Array, y: Uint8Array): { x: number[]; y: number[] } {
  const order = Array.from({ length: f.length }, (_, i) => i).sort((p, q) => f[p]! - f[q]! || y[p]! - y[q]!);
  // unique x with mean y (weights = counts)
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const i of order) {
    const k = xs.length - 1;
    if (k >= 0 && xs[k] === f[i]) {
      ys[k] = ys[k]! + y[i]!;
      ws[k] = ws[k]! + 1;
    } else {
      xs.push(f[i]!);
      ys.push(y[i]!);
      ws.push(1);
    }
  }
  for (let k = 0; k < xs.length; k++) ys[k] = ys[k]! / ws[k]!;
  // pool adjacent violators on blocks
  const bv: number[] = [];
  const bw: number[] = [];
  const bn: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    bv.push(ys[k]!);
    bw.push(ws[k]!);
    bn.push(1);
    while (bv.length > 1 && bv[bv.length - 2]! >= bv[bv.length - 1]!) {
      const w = bw[bw.length - 2]! + bw[bw.length - 1]!;
      const val = (bv[bv.length - 2]! * bw[bw.length - 2]! + bv[bv.length - 1]! * bw[bw.length - 1]!) / w;
      const cnt = bn[bn.length - 2]! + bn[bn.length - 1]!;
      bv.splice(-2, 2, val);
      bw.splice(-2, 2, w);
      bn.splice(-2, 2, cnt);
    }
  }
  const fitted: number[] = [];
  bv.forEach((val, j) => {
    for (let c = 0; c < bn[j]!; c++) fitted.push(val);
  });
  // keep the first and last point of each constant run (scikit-learn's _build_y)
  const keepX: number[] = [];
  const keepY: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    const same = (i: number, j: number): boolean => fitted[i] === fitted[j];
    if (k > 0 && k < xs.length - 1 && same(k, k - 1) && same(k, k + 1)) continue;
    keepX.push(xs[k]!);
    keepY.push(fitted[k]!);
  }
  return { x: keepX, y: keepY };
}

function interpolate(c: { x: number[]; y: number[] }, t: number): number {
  const { x, y } = c;
  if (t <= x[0]!) return y[0]!;
  if (t >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const span = x[hi]! - x[lo]!;
  return span > 0 ? y[lo]! + ((t - x[lo]!) * (y[hi]! - y[lo]!)) / span : y[hi]!;
}

/**
 * Calibrates a fitted binary classifier on held-out rows, so that "30%" means 30% of such customers
 * respond: Platt scaling (`'sigmoid'`) or isotonic regression on the model's scores.
 *
 * @remarks scikit-learn's `CalibratedClassifierCV(base, cv='prefit')`: the score is the logistic
 * model's decision function, or P(classes[1]) for the other models. Sigmoid fits P = 1/(1 + e^(a·f + b))
 * to Platt's smoothed targets ((n₊ + 1)/(n₊ + 2) and 1/(n₋ + 2)) by Newton's method to the optimum
 * (scikit-learn stops BFGS at gtol 1e-5). Isotonic averages tied scores, pools adjacent violators and
 * interpolates, clipped at the ends. Use rows the base model was not fitted on. O(n log n).
 * @see scikit-learn `sklearn.calibration.CalibratedClassifierCV`; Platt (1999); Zadrozny & Elkan (2002)
 * @throws {@link ModelFormatError} when `model` is not a fitted crmkit classifier
 * @throws {@link InvalidInputError} when the model is not binary, y holds a label the model does not know, or y has one class only
 * @example
 * ```ts
 * import { calibrateClassifier, fitDecisionTree, predictProbaCalibrated } from 'crmkit/classify';
 * const tree = fitDecisionTree([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * const calibrated = calibrateClassifier(tree, [[0], [1], [2], [3], [0], [3]], [0, 1, 1, 1, 0, 0], { method: 'isotonic' });
 * predictProbaCalibrated(calibrated, [[0], [3]]); // => [[0.6666666666666667, 0.3333333333333333], [0.33333333333333337, 0.6666666666666666]]
 * ```
 * @category Inspection
 */
export function calibrateClassifier(model: FittedModel, X: Matrix, y: readonly Label[], options?: CalibrateClassifierOptions): CalibratedClassifierModel {
  const fn = 'classify/calibrateClassifier';
  const o = v.options(fn, options, ['method']);
  const method = o.method === undefined ? 'sigmoid' : v.oneOf(fn, 'options.method', o.method, ['sigmoid', 'isotonic'] as const);
  const mdl = checkFittedModel(fn, model);
  if (mdl.type !== 'classifier' || mdl.classes.length !== 2) throw new InvalidInputError(fn, 'model must be a binary classifier', mdl.type === 'classifier' ? mdl.classes.length : mdl.type);
  const m = checkMatrix(fn, X);
  if (m.cols !== mdl.nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${mdl.nFeatures} feature columns`, m.cols);
  const labels = labelArray(fn, 'y', y);
  if (labels.length !== m.rows) throw new DimensionMismatchError(fn, `y must have one label per row of X (${m.rows} rows)`, labels.length);
  const yy = new Uint8Array(m.rows);
  let pos = 0;
  labels.forEach((l, i) => {
    const k = mdl.classes.indexOf(l);
    if (k < 0) throw new InvalidInputError(fn, `y[${i}] is not one of the model's classes`, l);
    yy[i] = k;
    pos += k;
  });
  if (pos === 0 || pos === m.rows) throw new InvalidInputError(fn, 'y must contain both classes to calibrate', pos);
  const f = baseScores(model, mdl, m.data, m.rows);
  const calibrator = method === 'sigmoid' ? sigmoidFit(f, yy) : isotonicFit(f, yy);
  return { kind: 'calibratedClassifier', formatVersion: 1, params: { method }, nFeatures: mdl.nFeatures, classes: mdl.classes, base: model, calibrator };
}

function checkCalibrated(fn: string, json: unknown): CalibratedClassifierModel {
  if (!isObj(json) || json.kind !== 'calibratedClassifier') throw new ModelFormatError(fn, "kind must be 'calibratedClassifier'", isObj(json) ? json.kind : json);
  if (json.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', json.formatVersion);
  const p = json.params;
  if (!isObj(p) || (p.method !== 'sigmoid' && p.method !== 'isotonic')) throw new ModelFormatError(fn, "params.method must be 'sigmoid' or 'isotonic'", isObj(p) ? p.method : p);
  const mdl = checkFittedModel(fn, json.base);
  if (mdl.type !== 'classifier' || mdl.classes.length !== 2) throw new ModelFormatError(fn, 'base must be a binary classifier', json.base);
  if (json.nFeatures !== mdl.nFeatures) throw new ModelFormatError(fn, `nFeatures must be the base model's ${mdl.nFeatures}`, json.nFeatures);
  if (!Array.isArray(json.classes) || json.classes.length !== 2 || json.classes.some((c, i) => c !== mdl.classes[i])) throw new ModelFormatError(fn, "classes must be the base model's two classes", json.classes);
  checkFiniteNumbers(fn, json);
  const c = json.calibrator;
  const finite = (t: unknown): boolean => typeof t === 'number' && Number.isFinite(t);
  if (p.method === 'sigmoid') {
    if (!isObj(c) || !finite(c.a) || !finite(c.b)) throw new ModelFormatError(fn, 'calibrator must be { a, b } with finite numbers', c);
  } else {
    const ok = isObj(c) && Array.isArray(c.x) && Array.isArray(c.y) && c.x.length >= 1 && c.x.length === c.y.length &&
      c.x.every((t, i) => finite(t) && (i === 0 || (t as number) >= (c.x as number[])[i - 1]!)) && c.y.every((t) => finite(t) && (t as number) >= 0 && (t as number) <= 1);
    if (!ok) throw new ModelFormatError(fn, 'calibrator must be { x, y }: ascending finite x, y in [0, 1], same length', c);
  }
  return json as unknown as CalibratedClassifierModel;
}

/**
 * Calibrated class probabilities of each row: `[P(classes[0]), P(classes[1])]`.
 *
 * @remarks O(base prediction + log(points)).
 * @throws {@link ModelFormatError} when `model` is not a calibrated classifier
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @example
 * ```ts
 * import { calibrateClassifier, fitDecisionTree, predictProbaCalibrated } from 'crmkit/classify';
 * const tree = fitDecisionTree([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * const calibrated = calibrateClassifier(tree, [[0], [1], [2], [3]], [0, 1, 0, 1]);
 * predictProbaCalibrated(calibrated, [[3]])[0]!.length; // => 2
 * ```
 * @category Inspection
 */
export function predictProbaCalibrated(model: CalibratedClassifierModel, X: Matrix): number[][] {
  const fn = 'classify/predictProbaCalibrated';
  const c = checkCalibrated(fn, model);
  const mdl = checkFittedModel(fn, c.base) as Classifier;
  const m = checkMatrix(fn, X);
  if (m.cols !== mdl.nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${mdl.nFeatures} feature columns`, m.cols);
  const f = baseScores(c.base, mdl, m.data, m.rows);
  const cal = c.calibrator;
  return Array.from(f, (t) => {
    const p1 = 'a' in cal ? expitNeg(cal.a * t + cal.b) : interpolate(cal, t);
    return [1 - p1, p1];
  });
}

/**
 * Checks a stored calibrated classifier and returns it typed.
 *
 * @throws {@link ModelFormatError} when the kind, version, base model or calibrator is wrong
 * @example
 * ```ts
 * import { calibrateClassifier, fitDecisionTree, parseCalibratedClassifierModel } from 'crmkit/classify';
 * const tree = fitDecisionTree([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * const saved = JSON.stringify(calibrateClassifier(tree, [[0], [1], [2], [3]], [0, 1, 0, 1]));
 * parseCalibratedClassifierModel(JSON.parse(saved)).params.method; // => 'sigmoid'
 * ```
 * @category Inspection
 */
export function parseCalibratedClassifierModel(json: unknown): CalibratedClassifierModel {
  return checkCalibrated('classify/parseCalibratedClassifierModel', json);
}

