import { InvalidOptionError } from '../core/errors.js';
import { arrayLike, finiteNumber, oneOf, options as checkOptions } from '../core/validate.js';
import { categoryColumns, featureNamesIn, sortedCategories } from './_categories.js';
import type { Category } from './types.js';

/** Options of {@link fitOrdinalEncoder}. */
export interface FitOrdinalEncoderOptions {
  /**
   * What `transformOrdinalEncoder` does with a category not seen in fitting: `'error'` throws,
   * `'useEncodedValue'` writes `unknownValue`.
   * @defaultValue 'error'
   */
  handleUnknown?: 'error' | 'useEncodedValue';
  /**
   * The code for unknown categories; required with `handleUnknown: 'useEncodedValue'`, and must not
   * be a code of a known category (0 … m − 1).
   */
  unknownValue?: number;
  /**
   * Names of the input columns.
   * @defaultValue ['x0', 'x1', …]
   */
  featureNames?: readonly string[];
}

/** A fitted ordinal encoder (JSON-ready). */
export interface OrdinalEncoderModel {
  readonly kind: 'ordinalEncoder';
  readonly formatVersion: 1;
  readonly params:
    | { readonly handleUnknown: 'error' }
    | { readonly handleUnknown: 'useEncodedValue'; readonly unknownValue: number };
  readonly featureNamesIn: string[];
  /** Sorted categories of each column; a category's code is its index. */
  readonly categories: Category[][];
}

/**
 * Learns the categories of each column and codes them 0, 1, … in sorted order, as scikit-learn's
 * `OrdinalEncoder`.
 *
 * @remarks O(n·d). Sorted order: numbers ascending, strings by Unicode code point.
 * @see scikit-learn 1.2 `sklearn.preprocessing.OrdinalEncoder`
 * @throws {@link InvalidInputError} on an empty table, a value that is not a string or finite
 * number, or a column mixing numbers and strings
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} on a missing or clashing `unknownValue`, or unknown options
 * @example
 * ```ts
 * import { fitOrdinalEncoder, transformOrdinalEncoder } from 'crmkit/segment';
 * const enc = fitOrdinalEncoder([['silver'], ['gold'], ['bronze']]);
 * enc.categories; // => [['bronze', 'gold', 'silver']]
 * transformOrdinalEncoder(enc, [['gold']]); // => [[1]]
 * ```
 * @category Preprocessing
 */
export function fitOrdinalEncoder(X: readonly (readonly Category[])[], options?: FitOrdinalEncoderOptions): OrdinalEncoderModel {
  const fn = 'segment/fitOrdinalEncoder';
  const o = checkOptions(fn, options, ['handleUnknown', 'unknownValue', 'featureNames']);
  const handleUnknown = o.handleUnknown === undefined ? 'error' : oneOf(fn, 'options.handleUnknown', o.handleUnknown, ['error', 'useEncodedValue'] as const);
  arrayLike(fn, 'X', X, 1);
  const cols = categoryColumns(fn, X);
  const featureNames = featureNamesIn(fn, o.featureNames, cols.length);
  const categories = cols.map((c, j) => sortedCategories(fn, `X column ${j}`, c));
  if (handleUnknown === 'error') {
    if (o.unknownValue !== undefined) throw new InvalidOptionError(fn, "options.unknownValue needs handleUnknown: 'useEncodedValue'", o.unknownValue);
    return { kind: 'ordinalEncoder', formatVersion: 1, params: { handleUnknown }, featureNamesIn: featureNames, categories };
  }
  if (o.unknownValue === undefined) throw new InvalidOptionError(fn, "options.unknownValue is required with handleUnknown: 'useEncodedValue'", undefined);
  const unknownValue = finiteNumber(fn, 'options.unknownValue', o.unknownValue);
  for (const cats of categories) {
    if (Number.isInteger(unknownValue) && unknownValue >= 0 && unknownValue < cats.length) {
      throw new InvalidOptionError(fn, 'options.unknownValue must differ from the code of every known category', unknownValue);
    }
  }
  return { kind: 'ordinalEncoder', formatVersion: 1, params: { handleUnknown, unknownValue }, featureNamesIn: featureNames, categories };
}
