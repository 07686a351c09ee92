import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import type { OrdinalEncoderModel } from './fitOrdinalEncoder.js';
import type { Category } from './types.js';
import { ModelFormatError } from '../core/errors.js';
import { _checkEncoderModel } from './parseEncoderModel.js';
import { checkedModel } from './_model.js';

/**
 * Maps codes back to categories (the inverse of {@link transformOrdinalEncoder}).
 *
 * @remarks O(n·d).
 * @throws {@link InvalidInputError} on a code that is not an integer in [0, m) for its column (the
 * unknown code included: an unknown category cannot be recovered)
 * @throws {@link DimensionMismatchError} on a row width other than the model's
 * @example
 * ```ts
 * import { fitOrdinalEncoder, inverseTransformOrdinalEncoder } from 'crmkit/segment';
 * const enc = fitOrdinalEncoder([['a', 10], ['b', 20]]);
 * inverseTransformOrdinalEncoder(enc, [[1, 0]]); // => [['b', 10]]
 * ```
 * @category Preprocessing
 */
export function inverseTransformOrdinalEncoder(model: OrdinalEncoderModel, X: readonly (readonly number[])[]): Category[][] {
  const fn = 'segment/inverseTransformOrdinalEncoder';
  checkedModel(fn, model, 'encoder', _checkEncoderModel);
  if (model.kind !== 'ordinalEncoder') throw new ModelFormatError(fn, "model must be a fitted ordinal encoder (kind 'ordinalEncoder')", model.kind);
  const rows = arrayLike<unknown>(fn, 'X', X, 1);
  const d = model.categories.length;
  const out: Category[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = arrayLike<unknown>(fn, `X[${i}]`, rows[i]);
    if (row.length !== d) throw new DimensionMismatchError(fn, `X[${i}] must have ${d} columns like the model`, row.length);
    const rec: Category[] = [];
    for (let j = 0; j < d; j++) {
      const v = row[j];
      const cats = model.categories[j]!;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= cats.length) {
        throw new InvalidInputError(fn, `X[${i}][${j}] must be an integer code in [0, ${cats.length - 1}]`, v);
      }
      rec.push(cats[v]!);
    }
    out.push(rec);
  }
  return out;
}
