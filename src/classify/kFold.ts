import { InvalidOptionError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import * as v from '../core/validate.js';

/** One fold: row indices, ascending. */
export interface Fold {
  trainIndex: number[];
  testIndex: number[];
}

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** @defaultValue 5 */
  nSplits?: number;
  /** Shuffle rows (seeded) before cutting folds; otherwise folds are consecutive blocks. @defaultValue false */
  shuffle?: boolean;
  /** @defaultValue 0 */
  seed?: number;
}

/**
 * K-fold cross-validation folds over `n` rows: every row is in exactly one test fold; fold sizes
 * differ by at most one (the first n mod k folds are larger), as in scikit-learn.
 *
 * @remarks O(n·k).
 * @see scikit-learn `KFold`
 * @throws {@link InvalidOptionError} when nSplits < 2 or > n
 * @throws {@link InvalidInputError} when n is not an integer in [2, 10^7] (folds hold k·n indices)
 * @example
 * ```ts
 * import { kFold } from 'crmkit/classify';
 * kFold(5, { nSplits: 2 }).map((f) => f.testIndex); // => [[0, 1, 2], [3, 4]]
 * ```
 * @category Validation
 */
export function kFold(n: number, options?: KFoldOptions): Fold[] {
  const fn = 'classify/kFold';
  const o = v.options(fn, options, ['nSplits', 'shuffle', 'seed']);
  // Folds are index arrays holding k·n entries: beyond 10 million rows, assign folds in your own storage.
  v.integerInRange(fn, 'n', n, { min: 2, max: 1e7 });
  const k = o.nSplits === undefined ? 5 : v.integerInRange(fn, 'options.nSplits', o.nSplits, { min: 2 });
  if (k > n) throw new InvalidOptionError(fn, `options.nSplits must be at most the number of rows (${n})`, k);
  const shuffle = o.shuffle === undefined ? false : v.boolean(fn, 'options.shuffle', o.shuffle);
  const perm = shuffle ? Array.from(createRandom(v.seed(fn, o.seed)).permutation(n)) : Array.from({ length: n }, (_, i) => i);
  const fold = new Int32Array(n);
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = 0; j < size; j++) fold[perm[pos++]!] = f;
  }
  return _foldsFromAssignment(fold, k);
}

/** @internal */
export function _foldsFromAssignment(fold: Int32Array, k: number): Fold[] {
  const out: Fold[] = Array.from({ length: k }, () => ({ trainIndex: [], testIndex: [] }));
  for (let i = 0; i < fold.length; i++) {
    for (let f = 0; f < k; f++) (f === fold[i] ? out[f]!.testIndex : out[f]!.trainIndex).push(i);
  }
  return out;
}
