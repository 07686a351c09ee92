import { InvalidInputError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import * as v from '../core/validate.js';
import { encodeLabels, type Label } from './_common.js';
import { _foldsFromAssignment, type Fold, type KFoldOptions } from './kFold.js';

/**
 * Stratified k-fold: like {@link kFold}, but each class is spread over the folds so every fold's
 * class counts differ by at most one from the others' (rare converters appear in every fold).
 *
 * @remarks O(n·k). Rows of each class (in order, or seeded-shuffled) are dealt to folds in turn,
 * continuing the deal across classes so fold sizes also differ by at most one. scikit-learn's
 * assignment differs in detail; the guarantees are the same.
 * @see scikit-learn `StratifiedKFold`
 * @throws {@link InvalidInputError} when a class has fewer rows than `nSplits`
 * @example
 * ```ts
 * import { stratifiedKFold } from 'crmkit/classify';
 * stratifiedKFold([0, 0, 0, 0, 1, 1], { nSplits: 2 }).map((f) => f.testIndex); // => [[0, 2, 4], [1, 3, 5]]
 * ```
 * @category Validation
 */
export function stratifiedKFold(y: readonly Label[], options?: KFoldOptions): Fold[] {
  const fn = 'classify/stratifiedKFold';
  const o = v.options(fn, options, ['nSplits', 'shuffle', 'seed']);
  const enc = encodeLabels(fn, y, 'y', 1);
  const k = o.nSplits === undefined ? 5 : v.integerInRange(fn, 'options.nSplits', o.nSplits, { min: 2 });
  const shuffle = o.shuffle === undefined ? false : v.boolean(fn, 'options.shuffle', o.shuffle);
  const rng = shuffle ? createRandom(v.seed(fn, o.seed)) : null;
  const n = enc.codes.length;
  const groups: number[][] = enc.classes.map(() => []);
  for (let i = 0; i < n; i++) groups[enc.codes[i]!]!.push(i);
  const fold = new Int32Array(n);
  let next = 0;
  groups.forEach((g, c) => {
    if (g.length < k) throw new InvalidInputError(fn, `class ${String(enc.classes[c])} has ${g.length} rows, fewer than options.nSplits (${k})`, g.length);
    const rows = rng ? rng.shuffle(g) : g;
    for (const r of rows) {
      fold[r] = next;
      next = (next + 1) % k;
    }
  });
  return _foldsFromAssignment(fold, k);
}
