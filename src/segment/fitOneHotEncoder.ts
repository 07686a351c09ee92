import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, finiteNumber, integerInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { catKey, categoryColumns, featureNamesIn, sortedCategories } from './_categories.js';
import type { Category } from './types.js';

/** How {@link transformOneHotEncoder} treats a category not seen in fitting. */
export type OneHotHandleUnknown = 'error' | 'ignore' | 'infrequentIfExist';

/** Options of {@link fitOneHotEncoder}. */
export interface FitOneHotEncoderOptions {
  /**
   * What `transformOneHotEncoder` does with a category not seen in fitting: `'error'` throws,
   * `'ignore'` encodes it as all zeros, `'infrequentIfExist'` puts it in the column's infrequent
   * group when the column has one (all zeros otherwise), as scikit-learn's `'infrequent_if_exist'`.
   * @defaultValue 'error'
   */
  handleUnknown?: OneHotHandleUnknown;
  /**
   * Drop a redundant column: `'none'`, the first output column of every input column, or only for
   * input columns with exactly two output columns (`'ifBinary'`). With infrequent grouping "first"
   * and "two" count the output columns (the first frequent category; the infrequent group counts
   * as one), as scikit-learn.
   * @defaultValue 'none'
   */
  drop?: 'none' | 'first' | 'ifBinary';
  /**
   * Names of the input columns, used in the output feature names `name_category`.
   * @defaultValue ['x0', 'x1', …]
   */
  featureNames?: readonly string[];
  /**
   * Group rare categories into one output column `name=infrequent`: an integer ≥ 1 is a count
   * (categories seen fewer times are infrequent), a number in (0, 1) a share of the rows (fewer than
   * `minFrequency · n` times), as scikit-learn's `min_frequency` (int / float).
   * @defaultValue no grouping
   */
  minFrequency?: number;
  /**
   * At most this many output columns per input column, the infrequent group included: the least
   * frequent categories (ties: earlier in sorted order first) join the group, as scikit-learn's
   * `max_categories`. Must be ≥ 2 (scikit-learn 1.2.1 silently ignores `max_categories=1`).
   * @defaultValue no limit
   */
  maxCategories?: number;
}

/** A fitted one-hot encoder (JSON-ready). */
export interface OneHotEncoderModel {
  readonly kind: 'oneHotEncoder';
  readonly formatVersion: 1;
  readonly params: {
    readonly handleUnknown: OneHotHandleUnknown;
    readonly drop: 'none' | 'first' | 'ifBinary';
    /** Absent in models saved before infrequent grouping existed. */
    readonly minFrequency?: number | null;
    /** Absent in models saved before infrequent grouping existed. */
    readonly maxCategories?: number | null;
  };
  /** Input column names. */
  readonly featureNamesIn: string[];
  /** Sorted categories of each input column (frequent and infrequent). */
  readonly categories: Category[][];
  /**
   * Per input column, its infrequent categories in sorted order (empty: no group). Absent in models
   * saved before infrequent grouping existed (read as no groups).
   */
  readonly infrequentCategories?: Category[][];
  /** Per input column, whether its first output column is dropped (encoded as all zeros). */
  readonly dropFirst: boolean[];
  /** Output column names, `name_category` and `name=infrequent` for a group, in output order. */
  readonly featureNamesOut: string[];
}

/** @internal The category `inverseTransformOneHotEncoder` returns for a column's infrequent group. */
export const INFREQUENT_LABEL = 'infrequent';

/** @internal Output categories of input column j: the frequent ones in sorted order, then the group. */
export function _outputCategories(model: OneHotEncoderModel, j: number): { frequent: Category[]; grouped: boolean; code: Map<string, number> } {
  const infrequent = model.infrequentCategories?.[j] ?? [];
  const rare = new Set(infrequent.map(catKey));
  const frequent = model.categories[j]!.filter((c) => !rare.has(catKey(c)));
  const code = new Map<string, number>();
  frequent.forEach((c, k) => code.set(catKey(c), k));
  for (const c of infrequent) code.set(catKey(c), frequent.length);
  return { frequent, grouped: infrequent.length > 0, code };
}

/** @internal Checks `minFrequency` / `maxCategories` (null when absent). */
export function _infrequentOptions(fn: string, at: string, minFrequency: unknown, maxCategories: unknown): { minFrequency: number | null; maxCategories: number | null } {
  let mf: number | null = null;
  if (minFrequency !== undefined) {
    mf = finiteNumber(fn, `${at}.minFrequency`, minFrequency);
    if (!((mf > 0 && mf < 1) || (mf >= 1 && Number.isInteger(mf)))) {
      throw new InvalidOptionError(fn, `${at}.minFrequency must be an integer count ≥ 1 or a share in (0, 1)`, minFrequency);
    }
  }
  const mc = maxCategories === undefined ? null : integerInRange(fn, `${at}.maxCategories`, maxCategories, { min: 2 });
  return { minFrequency: mf, maxCategories: mc };
}

/**
 * Learns the categories of each column for one-hot encoding, as scikit-learn's `OneHotEncoder`
 * (dense output), optionally grouping rare categories into one column.
 *
 * @remarks O(n·d). Categories are sorted (numbers ascending, strings by Unicode code point), so the
 * output columns are in scikit-learn's order; an infrequent group comes last in its column's block
 * and is named `name=infrequent` (scikit-learn: `name_infrequent_sklearn`).
 * @see scikit-learn 1.2 `sklearn.preprocessing.OneHotEncoder` (`min_frequency`, `max_categories`)
 * @throws {@link InvalidInputError} on an empty table, a value that is not a string or finite
 * number, a column mixing numbers and strings, or a column with an infrequent group that also has a
 * frequent category named `'infrequent'` (the inverse transform could not tell them apart)
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} on unknown options, `featureNames` of the wrong length,
 * `minFrequency` not an integer ≥ 1 or a number in (0, 1), or `maxCategories` not an integer ≥ 2
 * @example
 * ```ts
 * import { fitOneHotEncoder, transformOneHotEncoder } from 'crmkit/segment';
 * const enc = fitOneHotEncoder([['Lisbon'], ['Oporto'], ['Lisbon']], { featureNames: ['city'] });
 * enc.featureNamesOut; // => ['city_Lisbon', 'city_Oporto']
 * transformOneHotEncoder(enc, [['Oporto']]); // => [[0, 1]]
 * const cities = [['Lisbon'], ['Lisbon'], ['Porto'], ['Porto'], ['Faro'], ['Braga']];
 * const grouped = fitOneHotEncoder(cities, { featureNames: ['city'], minFrequency: 2, handleUnknown: 'infrequentIfExist' });
 * grouped.featureNamesOut; // => ['city_Lisbon', 'city_Porto', 'city=infrequent']
 * transformOneHotEncoder(grouped, [['Faro'], ['Evora']]); // => [[0, 0, 1], [0, 0, 1]]
 * ```
 * @category Preprocessing
 */
export function fitOneHotEncoder(X: readonly (readonly Category[])[], options?: FitOneHotEncoderOptions): OneHotEncoderModel {
  const fn = 'segment/fitOneHotEncoder';
  const o = checkOptions(fn, options, ['handleUnknown', 'drop', 'featureNames', 'minFrequency', 'maxCategories']);
  const handleUnknown =
    o.handleUnknown === undefined ? 'error' : oneOf(fn, 'options.handleUnknown', o.handleUnknown, ['error', 'ignore', 'infrequentIfExist'] as const);
  const drop = o.drop === undefined ? 'none' : oneOf(fn, 'options.drop', o.drop, ['none', 'first', 'ifBinary'] as const);
  const { minFrequency, maxCategories } = _infrequentOptions(fn, 'options', o.minFrequency, o.maxCategories);
  arrayLike(fn, 'X', X, 1);
  const cols = categoryColumns(fn, X);
  const names = featureNamesIn(fn, o.featureNames, cols.length);
  const categories = cols.map((c, j) => sortedCategories(fn, `X column ${j}`, c));
  const grouping = minFrequency !== null || maxCategories !== null;
  const infrequentCategories = categories.map((cats, j) => (grouping ? infrequentOf(cats, cols[j]!, minFrequency, maxCategories) : []));
  const model0 = { categories, infrequentCategories } as unknown as OneHotEncoderModel;
  const dropFirst: boolean[] = [];
  const featureNamesOut: string[] = [];
  categories.forEach((_, j) => {
    const { frequent, grouped } = _outputCategories(model0, j);
    if (grouped && frequent.some((c) => c === INFREQUENT_LABEL)) {
      throw new InvalidInputError(fn, `X column ${j} ('${names[j]}') has a frequent category '${INFREQUENT_LABEL}' and an infrequent group; rename the category`, INFREQUENT_LABEL);
    }
    const width = frequent.length + (grouped ? 1 : 0);
    const d = drop === 'first' || (drop === 'ifBinary' && width === 2);
    dropFirst.push(d);
    const out = frequent.map((c) => `${names[j]}_${String(c)}`);
    if (grouped) out.push(`${names[j]}=${INFREQUENT_LABEL}`);
    featureNamesOut.push(...(d ? out.slice(1) : out));
  });
  return {
    kind: 'oneHotEncoder',
    formatVersion: 1,
    params: { handleUnknown, drop, minFrequency, maxCategories },
    featureNamesIn: names,
    categories,
    infrequentCategories,
    dropFirst,
    featureNamesOut,
  };
}

/** scikit-learn 1.2's `_identify_infrequent`: count threshold, then the smallest counts up to the cap. */
function infrequentOf(cats: readonly Category[], values: readonly Category[], minFrequency: number | null, maxCategories: number | null): Category[] {
  const index = new Map(cats.map((c, k) => [catKey(c), k] as const));
  const counts = new Float64Array(cats.length);
  for (const v of values) counts[index.get(catKey(v))!]!++;
  const rare = new Uint8Array(cats.length);
  if (minFrequency !== null) {
    const threshold = minFrequency >= 1 ? minFrequency : minFrequency * values.length;
    for (let k = 0; k < cats.length; k++) if (counts[k]! < threshold) rare[k] = 1;
  }
  let nRare = 0;
  for (let k = 0; k < cats.length; k++) nRare += rare[k]!;
  if (maxCategories !== null && maxCategories < cats.length - nRare + 1) {
    // stable ascending order of counts (Array.prototype.sort is stable), the first n − max + 1
    const order = Array.from({ length: cats.length }, (_, k) => k).sort((a, b) => counts[a]! - counts[b]!);
    for (let t = 0; t < cats.length - maxCategories + 1; t++) rare[order[t]!] = 1;
  }
  return cats.filter((_, k) => rare[k] === 1);
}
