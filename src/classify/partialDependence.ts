import { DimensionMismatchError, InvalidOptionError } from '../core/errors.js';
import * as v from '../core/validate.js';
import { checkMatrix, type Label, type Matrix } from './_common.js';
import { checkFittedModel, type FittedModel } from './_modelPredict.js';

/** Options of {@link partialDependence}. */
export interface PartialDependenceOptions {
  /** Grid points between the percentiles (the distinct values when there are fewer). @defaultValue 100 */
  gridResolution?: number;
  /** Lower and upper percentile of the feature that bound the grid, in [0, 1]. @defaultValue [0.05, 0.95] */
  percentiles?: readonly [number, number];
  /** Classifier: the class whose probability is averaged. @defaultValue the second class of a binary model */
  classLabel?: Label;
}

/** Result of {@link partialDependence}. */
export interface PartialDependenceResult {
  feature: number;
  name: string;
  /** Grid values of the feature (ascending). */
  grid: number[];
  /** Average prediction (probability of `classLabel`, or the regression value) with the feature set to each grid value. */
  average: number[];
}

/** scipy.stats.mstats.mquantiles with its defaults (alphap = betap = 0.4), as scikit-learn's grid uses. */
function mquantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const m = 0.4 + p * 0.2;
  const aleph = n * p + m;
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[k - 1]! + gamma * sorted[k]!;
}

/**
 * Partial dependence of a fitted model on one feature: the average prediction over the rows of X
 * when that feature is set to each grid value (how the predicted response moves with, say, the
 * number of past purchases, the other features as they are).
 *
 * @remarks scikit-learn's brute method: the grid is the distinct values when fewer than
 * `gridResolution`, else `gridResolution` evenly spaced values between the two percentiles
 * (scipy's `mquantiles`). Cost O(grid · prediction cost of X). Averages hide interactions; plot
 * individual rows (ICE) by calling the model yourself when that matters.
 * @see scikit-learn `sklearn.inspection.partial_dependence` (method `'brute'`, kind `'average'`)
 * @throws {@link ModelFormatError} when `model` is not a fitted crmkit model
 * @throws {@link InvalidOptionError} on a feature outside the model, a bad grid or percentiles, or an unknown class
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @example
 * ```ts
 * import { fitDecisionTree, partialDependence } from 'crmkit/classify';
 * const X = [[1, 5], [2, 3], [3, 5], [8, 3], [9, 5], [10, 3]];
 * const model = fitDecisionTree(X, [0, 0, 0, 1, 1, 1]);
 * const pd = partialDependence(model, X, 0, { gridResolution: 3 });
 * [pd.grid.length, pd.average[0], pd.average[2]];
 * // => [3, 0, 1]
 * ```
 * @category Inspection
 */
export function partialDependence(model: FittedModel, X: Matrix, feature: number, options?: PartialDependenceOptions): PartialDependenceResult {
  const fn = 'classify/partialDependence';
  const o = v.options(fn, options, ['gridResolution', 'percentiles', 'classLabel']);
  const mdl = checkFittedModel(fn, model);
  const m = checkMatrix(fn, X);
  if (m.cols !== mdl.nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${mdl.nFeatures} feature columns`, m.cols);
  const f = v.integerInRange(fn, 'feature', feature, { min: 0, max: m.cols - 1 });
  const res = o.gridResolution === undefined ? 100 : v.integerInRange(fn, 'options.gridResolution', o.gridResolution, { min: 2, max: 10000 });
  let lo = 0.05;
  let hi = 0.95;
  if (o.percentiles !== undefined) {
    const pc = v.finiteArray(fn, 'options.percentiles', o.percentiles);
    if (pc.length !== 2 || !(pc[0]! >= 0 && pc[0]! < pc[1]! && pc[1]! <= 1)) throw new InvalidOptionError(fn, 'options.percentiles must be [low, high] with 0 ≤ low < high ≤ 1', o.percentiles);
    [lo, hi] = [pc[0]!, pc[1]!];
  }
  let classIndex = -1;
  if (mdl.type === 'classifier') {
    if (o.classLabel === undefined) {
      if (mdl.classes.length !== 2) throw new InvalidOptionError(fn, 'options.classLabel is required for a model with more than two classes', mdl.classes.length);
      classIndex = 1;
    } else {
      classIndex = mdl.classes.findIndex((c) => c === o.classLabel);
      if (classIndex < 0) throw new InvalidOptionError(fn, 'options.classLabel must be one of the model classes', o.classLabel);
    }
  } else if (o.classLabel !== undefined) throw new InvalidOptionError(fn, 'options.classLabel is for classifiers only', o.classLabel);
  const n = m.rows;
  const p = m.cols;
  const column = Float64Array.from({ length: n }, (_, i) => m.data[i * p + f]!);
  const sorted = Float64Array.from(column).sort();
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i]! !== sorted[i - 1]!) distinct.push(sorted[i]!);
  let grid: number[];
  if (distinct.length < res) grid = distinct;
  else {
    const a = mquantile(sorted, lo);
    const b = mquantile(sorted, hi);
    if (!(a < b)) throw new InvalidOptionError(fn, 'options.percentiles are too close: the two percentiles of the feature are equal', [a, b]);
    // numpy.linspace: start + k·step, the last point exactly `b`
    const step = (b - a) / (res - 1);
    grid = Array.from({ length: res }, (_, k) => (k === res - 1 ? b : a + k * step));
  }
  const x = Float64Array.from(m.data);
  const average: number[] = [];
  for (const g of grid) {
    for (let i = 0; i < n; i++) x[i * p + f] = g;
    let s = 0;
    if (mdl.type === 'classifier') {
      const pr = mdl.proba(x, n);
      const k = mdl.classes.length;
      for (let i = 0; i < n; i++) s += pr[i * k + classIndex]!;
    } else {
      const pr = mdl.predict(x, n);
      for (let i = 0; i < n; i++) s += pr[i]!;
    }
    average.push(s / n);
  }
  return { feature: f, name: mdl.featureNames?.[f] ?? `x${f}`, grid, average };
}
