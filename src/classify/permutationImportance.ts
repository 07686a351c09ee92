import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import * as v from '../core/validate.js';
import { checkMatrix, checkSquareSafe, type Label, type Matrix } from './_common.js';
import { labelArray } from './_metrics.js';
import { argmax, checkFittedModel, type Checked, type FittedModel } from './_modelPredict.js';
import { accuracyScore } from './accuracyScore.js';
import { rocAucScore } from './rocAucScore.js';

/** Score used by {@link permutationImportance} (higher is better, as scikit-learn's scorers). */
export type PermutationScoring = 'accuracy' | 'rocAuc' | 'r2' | 'negMeanSquaredError';

/** Options of {@link permutationImportance}. */
export interface PermutationImportanceOptions {
  /** The score whose drop is measured. @defaultValue 'accuracy' for classifiers, 'r2' for regressors */
  scoring?: PermutationScoring;
  /** Shuffles per feature (1 to 1000). @defaultValue 5 */
  nRepeats?: number;
  /** Seed of the shuffles. @defaultValue 0 */
  seed?: number;
  /** The positive class for `'rocAuc'` (binary-metric rule: 1 or `true` by default). @defaultValue 1 / true */
  posLabel?: Label;
}

/** One feature of {@link permutationImportance}. */
export interface PermutationImportanceRow {
  feature: number;
  name: string;
  /** Mean drop of the score when the column is shuffled (baseline − shuffled). */
  importanceMean: number;
  /** Population standard deviation of the drops over the repeats. */
  importanceStd: number;
  /** The drop of each repeat. */
  importances: number[];
}

/** Result of {@link permutationImportance}. */
export interface PermutationImportanceResult {
  /** The score on the unshuffled data. */
  baselineScore: number;
  scoring: PermutationScoring;
  /** One row per feature, largest mean drop first (ties keep column order). */
  features: PermutationImportanceRow[];
}

function scorer(fn: string, model: Checked, scoring: PermutationScoring, y: readonly Label[], posLabel: unknown): (x: Float64Array, rows: number) => number {
  if (model.type === 'regressor') {
    if (scoring !== 'r2' && scoring !== 'negMeanSquaredError') throw new InvalidOptionError(fn, "options.scoring must be 'r2' or 'negMeanSquaredError' for a regression model", scoring);
    const yt = Float64Array.from(y as number[]);
    let mean = 0;
    for (const t of yt) mean += t / yt.length;
    let tss = 0;
    for (const t of yt) tss += (t - mean) ** 2;
    if (scoring === 'r2' && !(tss > 0)) throw new InvalidInputError(fn, 'y must not be constant for r2 (its variance is 0)', mean);
    return (x, rows) => {
      const p = model.predict(x, rows);
      let sse = 0;
      for (let i = 0; i < rows; i++) sse += (yt[i]! - p[i]!) ** 2;
      return scoring === 'r2' ? 1 - sse / tss : -sse / rows;
    };
  }
  if (scoring === 'accuracy') return (x, rows) => accuracyScore(y, argmax(model.classes, model.proba(x, rows), rows));
  if (scoring === 'rocAuc') {
    if (model.classes.length !== 2) throw new InvalidOptionError(fn, "options.scoring 'rocAuc' needs a binary model", model.classes.length);
    const k = 1;
    return (x, rows) => {
      const p = model.proba(x, rows);
      const s = Array.from({ length: rows }, (_, i) => p[i * 2 + k]!);
      return rocAucScore(y, s, posLabel === undefined ? { posLabel: model.classes[1]! } : { posLabel: posLabel as Label });
    };
  }
  throw new InvalidOptionError(fn, "options.scoring must be 'accuracy' or 'rocAuc' for a classifier", scoring);
}

/** @internal Shared by the public function and the reference test, which passes scikit-learn's shuffles. */
export function _permutationImportance(fn: string, model: unknown, X: unknown, y: unknown, options: PermutationImportanceOptions | undefined, shuffles?: readonly (readonly number[])[]): PermutationImportanceResult {
  const o = v.options(fn, options, ['scoring', 'nRepeats', 'seed', 'posLabel']);
  const mdl = checkFittedModel(fn, model);
  const m = checkMatrix(fn, X);
  if (m.cols !== mdl.nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${mdl.nFeatures} feature columns`, m.cols);
  const n = m.rows;
  let labels: Label[];
  if (mdl.type === 'regressor') {
    const yy = v.finiteArray(fn, 'y', y, 1);
    checkSquareSafe(fn, 'y', yy);
    labels = Array.from(yy);
  } else labels = labelArray(fn, 'y', y);
  if (labels.length !== n) throw new DimensionMismatchError(fn, `y must have one value per row of X (${n} rows)`, labels.length);
  const scoring = (o.scoring === undefined ? (mdl.type === 'regressor' ? 'r2' : 'accuracy') : v.oneOf(fn, 'options.scoring', o.scoring, ['accuracy', 'rocAuc', 'r2', 'negMeanSquaredError'] as const)) as PermutationScoring;
  const nRepeats = o.nRepeats === undefined ? 5 : v.integerInRange(fn, 'options.nRepeats', o.nRepeats, { min: 1, max: 1000 });
  const seed = v.seed(fn, o.seed);
  const score = scorer(fn, mdl, scoring, labels, o.posLabel);
  const baseline = score(m.data, n);
  const x = Float64Array.from(m.data);
  const p = m.cols;
  const col = new Float64Array(n);
  const rows: PermutationImportanceRow[] = [];
  for (let f = 0; f < p; f++) {
    // As scikit-learn: every feature replays the same shuffle stream; each repeat shuffles the index
    // array in place and permutes the (already permuted) column by it.
    const rng = createRandom(seed);
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    const drops: number[] = [];
    for (let r = 0; r < nRepeats; r++) {
      if (shuffles) idx.set(shuffles[r]!);
      else for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = idx[i]!;
        idx[i] = idx[j]!;
        idx[j] = t;
      }
      for (let i = 0; i < n; i++) col[i] = x[idx[i]! * p + f]!;
      for (let i = 0; i < n; i++) x[i * p + f] = col[i]!;
      drops.push(baseline - score(x, n));
    }
    for (let i = 0; i < n; i++) x[i * p + f] = m.data[i * p + f]!;
    const mean = drops.reduce((a, b) => a + b, 0) / nRepeats;
    const std = Math.sqrt(drops.reduce((a, b) => a + (b - mean) ** 2, 0) / nRepeats);
    rows.push({ feature: f, name: mdl.featureNames?.[f] ?? `x${f}`, importanceMean: mean, importanceStd: std, importances: drops });
  }
  rows.sort((a, b) => b.importanceMean - a.importanceMean || a.feature - b.feature);
  return { baselineScore: baseline, scoring, features: rows };
}

/**
 * Permutation importance: how much a fitted model's score drops when one feature's values are
 * shuffled across rows (breaking its link to the outcome). Honest where impurity importance is not:
 * measured on held-out data, for any model.
 *
 * @remarks Each feature is shuffled `nRepeats` times; cost O(F · nRepeats · prediction cost). Works for
 * every crmkit model (trees, forests, logistic regression, naive Bayes, regression tree, linear
 * regression). Shuffles follow scikit-learn's procedure (each feature replays the same seeded
 * stream; each repeat shuffles an index array in place and permutes the column by it); with the same
 * shuffles the numbers equal scikit-learn's `permutation_importance` (reference test). Correlated
 * features share importance: shuffling one leaves the other to carry the signal.
 * @see scikit-learn `sklearn.inspection.permutation_importance`; Breiman (2001)
 * @throws {@link ModelFormatError} when `model` is not a fitted crmkit model
 * @throws {@link DimensionMismatchError} when X or y does not match the model / each other
 * @throws {@link InvalidOptionError} on a scoring that does not fit the model, or nRepeats outside [1, 1000]
 * @example
 * ```ts
 * import { fitDecisionTree, permutationImportance } from 'crmkit/classify';
 * const X = [[1, 5], [2, 3], [3, 5], [8, 3], [9, 5], [10, 3]];
 * const model = fitDecisionTree(X, [0, 0, 0, 1, 1, 1], { featureNames: ['visits', 'age'] });
 * permutationImportance(model, X, [0, 0, 0, 1, 1, 1], { nRepeats: 3, seed: 1 }).features.map((f) => [f.name, f.importanceMean]);
 * // => [['visits', 0.5555555555555556], ['age', 0]]
 * ```
 * @category Inspection
 */
export function permutationImportance(model: FittedModel, X: Matrix, y: readonly Label[], options?: PermutationImportanceOptions): PermutationImportanceResult {
  return _permutationImportance('classify/permutationImportance', model, X, y, options);
}
