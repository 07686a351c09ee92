import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import { INFREQUENT_LABEL, _outputCategories, type OneHotEncoderModel } from './fitOneHotEncoder.js';
import type { Category } from './types.js';
import { ModelFormatError } from '../core/errors.js';
import { _checkEncoderModel } from './parseEncoderModel.js';
import { checkedModel } from './_model.js';

/**
 * Maps one-hot rows back to categories (the inverse of {@link transformOneHotEncoder}).
 *
 * @remarks O(n·p). Each column group must hold exactly one 1 (or all zeros, which means the dropped
 * category when one is dropped). Every entry must be 0 or 1. A column's infrequent group comes back
 * as the string `'infrequent'` (scikit-learn: `'infrequent_sklearn'`), since its members cannot be
 * told apart.
 * @see scikit-learn `OneHotEncoder.inverse_transform`
 * @throws {@link InvalidInputError} on entries other than 0/1, or a group with several 1s, or all
 * zeros where no category was dropped (an unknown category cannot be recovered; scikit-learn
 * returns None there, crmkit throws)
 * @throws {@link DimensionMismatchError} on a row width other than the model's output width
 * @example
 * ```ts
 * import { fitOneHotEncoder, inverseTransformOneHotEncoder } from 'crmkit/segment';
 * const enc = fitOneHotEncoder([['a', 1], ['b', 2]]);
 * inverseTransformOneHotEncoder(enc, [[0, 1, 1, 0]]); // => [['b', 1]]
 * const rare = fitOneHotEncoder([['a'], ['a'], ['b']], { minFrequency: 2 });
 * inverseTransformOneHotEncoder(rare, [[0, 1]]); // => [['infrequent']]
 * ```
 * @category Preprocessing
 */
export function inverseTransformOneHotEncoder(model: OneHotEncoderModel, X: readonly (readonly number[])[]): Category[][] {
  const fn = 'segment/inverseTransformOneHotEncoder';
  checkedModel(fn, model, 'encoder', _checkEncoderModel);
  if (model.kind !== 'oneHotEncoder') throw new ModelFormatError(fn, "model must be a fitted one-hot encoder (kind 'oneHotEncoder')", model.kind);
  const rows = arrayLike<unknown>(fn, 'X', X, 1);
  const width = model.featureNamesOut.length;
  const outCats = model.categories.map((_, j): Category[] => {
    const { frequent, grouped } = _outputCategories(model, j);
    return grouped ? [...frequent, INFREQUENT_LABEL] : frequent;
  });
  const out: Category[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = arrayLike<unknown>(fn, `X[${i}]`, rows[i]);
    if (row.length !== width) throw new DimensionMismatchError(fn, `X[${i}] must have ${width} columns (the encoder's output width)`, row.length);
    const rec: Category[] = [];
    let offset = 0;
    for (let j = 0; j < model.categories.length; j++) {
      const cats = outCats[j]!;
      const drop = model.dropFirst[j] ? 1 : 0;
      const size = cats.length - drop;
      let hot = -1;
      for (let k = 0; k < size; k++) {
        const v = row[offset + k];
        if (v !== 0 && v !== 1) throw new InvalidInputError(fn, `X[${i}][${offset + k}] must be 0 or 1`, v);
        if (v === 1) {
          if (hot >= 0) throw new InvalidInputError(fn, `X[${i}] has several 1s for column '${model.featureNamesIn[j]}'`, row);
          hot = k;
        }
      }
      if (hot < 0) {
        if (drop === 0) throw new InvalidInputError(fn, `X[${i}] has no 1 for column '${model.featureNamesIn[j]}' (an unknown category cannot be recovered)`, row);
        rec.push(cats[0]!);
      } else rec.push(cats[hot + drop]!);
      offset += size;
    }
    out.push(rec);
  }
  return out;
}
