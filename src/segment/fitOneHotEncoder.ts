import { arrayLike, oneOf, options as checkOptions } from '../core/validate.js';
import { categoryColumns, featureNamesIn, sortedCategories } from './_categories.js';
import type { Category } from './types.js';

/** Options of {@link fitOneHotEncoder}. */
export interface FitOneHotEncoderOptions {
  /**
   * What `transformOneHotEncoder` does with a category not seen in fitting: `'error'` throws,
   * `'ignore'` encodes it as all zeros.
   * @defaultValue 'error'
   */
  handleUnknown?: 'error' | 'ignore';
  /**
   * Drop a redundant column: `'none'`, `'first'` category of every column, or only for columns with
   * exactly two categories (`'ifBinary'`).
   * @defaultValue 'none'
   */
  drop?: 'none' | 'first' | 'ifBinary';
  /**
   * Names of the input columns, used in the output feature names `name_category`.
   * @defaultValue ['x0', 'x1', …]
   */
  featureNames?: readonly string[];
}

/** A fitted one-hot encoder (JSON-ready). */
export interface OneHotEncoderModel {
  readonly kind: 'oneHotEncoder';
  readonly formatVersion: 1;
  readonly params: { readonly handleUnknown: 'error' | 'ignore'; readonly drop: 'none' | 'first' | 'ifBinary' };
  /** Input column names. */
  readonly featureNamesIn: string[];
  /** Sorted categories of each input column. */
  readonly categories: Category[][];
  /** Per input column, whether its first category is dropped (encoded as all zeros). */
  readonly dropFirst: boolean[];
  /** Output column names, `name_category`, in output order. */
  readonly featureNamesOut: string[];
}

/**
 * Learns the categories of each column for one-hot encoding, as scikit-learn's `OneHotEncoder`
 * (dense output).
 *
 * @remarks O(n·d). Categories are sorted (numbers ascending, strings by Unicode code point), so the
 * output columns are in scikit-learn's order.
 * @see scikit-learn 1.2 `sklearn.preprocessing.OneHotEncoder`
 * @throws {@link InvalidInputError} on an empty table, a value that is not a string or finite
 * number, or a column mixing numbers and strings
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} on unknown options or `featureNames` of the wrong length
 * @example
 * ```ts
 * import { fitOneHotEncoder, transformOneHotEncoder } from 'crmkit/segment';
 * const enc = fitOneHotEncoder([['Lisbon'], ['Oporto'], ['Lisbon']], { featureNames: ['city'] });
 * enc.featureNamesOut; // => ['city_Lisbon', 'city_Oporto']
 * transformOneHotEncoder(enc, [['Oporto']]); // => [[0, 1]]
 * ```
 * @category Preprocessing
 */
export function fitOneHotEncoder(X: readonly (readonly Category[])[], options?: FitOneHotEncoderOptions): OneHotEncoderModel {
  const fn = 'segment/fitOneHotEncoder';
  const o = checkOptions(fn, options, ['handleUnknown', 'drop', 'featureNames']);
  const handleUnknown = o.handleUnknown === undefined ? 'error' : oneOf(fn, 'options.handleUnknown', o.handleUnknown, ['error', 'ignore'] as const);
  const drop = o.drop === undefined ? 'none' : oneOf(fn, 'options.drop', o.drop, ['none', 'first', 'ifBinary'] as const);
  arrayLike(fn, 'X', X, 1);
  const cols = categoryColumns(fn, X);
  const names = featureNamesIn(fn, o.featureNames, cols.length);
  const categories = cols.map((c, j) => sortedCategories(fn, `X column ${j}`, c));
  const dropFirst = categories.map((c) => drop === 'first' || (drop === 'ifBinary' && c.length === 2));
  const featureNamesOut: string[] = [];
  categories.forEach((cats, j) => cats.forEach((c, k) => !(k === 0 && dropFirst[j]) && featureNamesOut.push(`${names[j]}_${String(c)}`)));
  return { kind: 'oneHotEncoder', formatVersion: 1, params: { handleUnknown, drop }, featureNamesIn: names, categories, dropFirst, featureNamesOut };
}
