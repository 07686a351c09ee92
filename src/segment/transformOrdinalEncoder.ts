import { InvalidInputError } from '../core/errors.js';
import { catKey, categoryColumns, indexMaps } from './_categories.js';
import type { OrdinalEncoderModel } from './fitOrdinalEncoder.js';
import type { Category } from './types.js';
import { ModelFormatError } from '../core/errors.js';
import { _checkEncoderModel } from './parseEncoderModel.js';
import { checkedModel } from './_model.js';

/**
 * Codes rows of categories with a fitted ordinal encoder. Pure.
 *
 * @remarks O(n·d).
 * @see scikit-learn `OrdinalEncoder.transform`
 * @throws {@link InvalidInputError} on an unknown category (with `handleUnknown: 'error'`) or a
 * value that is not a string or finite number
 * @throws {@link DimensionMismatchError} on ragged rows or a column count other than the model's
 * @example
 * ```ts
 * import { fitOrdinalEncoder, transformOrdinalEncoder } from 'crmkit/segment';
 * const enc = fitOrdinalEncoder([['a'], ['b']], { handleUnknown: 'useEncodedValue', unknownValue: 9 });
 * transformOrdinalEncoder(enc, [['b'], ['z']]); // => [[1], [9]]
 * ```
 * @category Preprocessing
 */
export function transformOrdinalEncoder(model: OrdinalEncoderModel, X: readonly (readonly Category[])[]): number[][] {
  const fn = 'segment/transformOrdinalEncoder';
  checkedModel(fn, model, 'encoder', _checkEncoderModel);
  if (model.kind !== 'ordinalEncoder') throw new ModelFormatError(fn, "model must be a fitted ordinal encoder (kind 'ordinalEncoder')", model.kind);
  const cols = categoryColumns(fn, X, model.categories.length);
  const maps = indexMaps(model.categories);
  const n = cols[0]!.length;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(cols.length));
  for (let j = 0; j < cols.length; j++) {
    for (let i = 0; i < n; i++) {
      const k = maps[j]!.get(catKey(cols[j]![i]!));
      if (k === undefined) {
        if (model.params.handleUnknown === 'error') {
          throw new InvalidInputError(fn, `X[${i}][${j}] (column '${model.featureNamesIn[j]}') is a category not seen in fitting`, cols[j]![i]);
        }
        out[i]![j] = model.params.unknownValue;
      } else out[i]![j] = k;
    }
  }
  return out;
}
