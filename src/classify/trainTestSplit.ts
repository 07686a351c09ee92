import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import * as v from '../core/validate.js';
import { encodeLabels, type Label } from './_common.js';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Share of rows in the test set, in (0, 1). @defaultValue 0.25 */
  testSize?: number;
  /** Keep each class's share equal in both parts (per class: round(testSize · n_c) test rows). @defaultValue true */
  stratify?: boolean;
  /** @defaultValue 0 */
  seed?: number;
}

/** Result of {@link trainTestSplit}. */
export interface TrainTestSplitResult<R, L> {
  XTrain: R[];
  XTest: R[];
  yTrain: L[];
  yTest: L[];
  /** Row indices of each part, ascending. */
  trainIndex: number[];
  testIndex: number[];
}

/**
 * Splits rows into a training and a held-out test set, seeded and (by default) stratified by label.
 *
 * @remarks O(n). Each class contributes round(testSize · n_c) rows (at least 1 and at most n_c − 1
 * when the class has 2+ rows) chosen by a seeded shuffle; index lists are sorted so the parts keep
 * the input order. Rows are shared by reference, not copied. Evaluate on the test part only;
 * training accuracy is not a test.
 * @see scikit-learn `train_test_split(stratify=y)` (same idea; scikit-learn's rounding and random stream differ)
 * @throws {@link DimensionMismatchError} when `y` and `X` differ in length; {@link InvalidInputError} when a part would be empty
 * @example
 * ```ts
 * import { trainTestSplit } from 'crmkit/classify';
 * const s = trainTestSplit([[1], [2], [3], [4], [5], [6], [7], [8]], [0, 0, 0, 0, 1, 1, 1, 1], { testSize: 0.5, seed: 3 });
 * [s.yTrain.length, s.yTest.filter((c) => c === 1).length]; // => [4, 2]
 * ```
 * @category Validation
 */
export function trainTestSplit<R, L extends Label>(X: readonly R[], y: readonly L[], options?: TrainTestSplitOptions): TrainTestSplitResult<R, L> {
  const fn = 'classify/trainTestSplit';
  const o = v.options(fn, options, ['testSize', 'stratify', 'seed']);
  const xs = v.arrayLike<R>(fn, 'X', X, 2);
  const ys = v.arrayLike<L>(fn, 'y', y, 2);
  // Rows pass through unchanged, so a NaN/Infinity in them would silently reach the model: reject it here.
  for (let i = 0; i < xs.length; i++) {
    const r = Array.isArray(xs) && !(i in xs) ? undefined : (xs[i] as unknown);
    if (r === undefined || r === null) throw new InvalidInputError(fn, `X[${i}] must be a row`, r);
    if (typeof r === 'number' && !Number.isFinite(r)) throw new InvalidInputError(fn, `X[${i}] must be finite`, r);
    if (Array.isArray(r) || ArrayBuffer.isView(r)) {
      const row = r as ArrayLike<unknown>;
      for (let j = 0; j < row.length; j++) {
        const x = row[j];
        if (typeof x === 'number' && !Number.isFinite(x)) throw new InvalidInputError(fn, `X[${i}][${j}] must be finite`, x);
      }
    }
  }
  if (ys.length !== xs.length) throw new DimensionMismatchError(fn, `y must have one label per row of X (${xs.length} rows)`, ys.length);
  const testSize = o.testSize === undefined ? 0.25 : v.openUnitInterval(fn, 'options.testSize', o.testSize);
  const stratify = o.stratify === undefined ? true : v.boolean(fn, 'options.stratify', o.stratify);
  const rng = createRandom(v.seed(fn, o.seed));
  const enc = encodeLabels(fn, y, 'y', 1);
  const n = xs.length;
  const groups: number[][] = stratify ? enc.classes.map(() => []) : [[]];
  for (let i = 0; i < n; i++) groups[stratify ? enc.codes[i]! : 0]!.push(i);
  const isTest = new Uint8Array(n);
  for (const g of groups) {
    let k = Math.round(testSize * g.length);
    if (g.length >= 2) k = Math.min(Math.max(k, 1), g.length - 1);
    const pick = rng.sample(g.length, k);
    for (const j of pick) isTest[g[j]!] = 1;
  }
  const out: TrainTestSplitResult<R, L> = { XTrain: [], XTest: [], yTrain: [], yTest: [], trainIndex: [], testIndex: [] };
  for (let i = 0; i < n; i++) {
    if (isTest[i]) {
      out.testIndex.push(i);
      out.XTest.push(xs[i]!);
      out.yTest.push(y[i]!);
    } else {
      out.trainIndex.push(i);
      out.XTrain.push(xs[i]!);
      out.yTrain.push(y[i]!);
    }
  }
  if (out.testIndex.length === 0 || out.trainIndex.length === 0) throw new InvalidInputError(fn, 'the split leaves a part empty; use more rows or another testSize', n);
  return out;
}
