import { InvalidInputError } from '../core/errors.js';
import { catKey, categoryColumns } from './_categories.js';
import { _outputCategories, type OneHotEncoderModel } from './fitOneHotEncoder.js';
import type { Category } from './types.js';
import { ModelFormatError } from '../core/errors.js';
import { _checkEncoderModel } from './parseEncoderModel.js';
import { checkedModel } from './_model.js';

/**
 * One-hot encodes rows of categories with a fitted encoder. Pure.
 *
 * @remarks O(n·d + n·p) for p output columns. An unknown category throws under
 * `handleUnknown: 'error'`, becomes all zeros under `'ignore'`, and under `'infrequentIfExist'`
 * goes to its column's infrequent group (all zeros when the column has none). Infrequent categories
 * seen in fitting always go to their group.
 * @see scikit-learn `OneHotEncoder.transform`
 * @throws {@link InvalidInputError} on an unknown category (with `handleUnknown: 'error'`), or a
 * value that is not a string or finite number
 * @throws {@link DimensionMismatchError} on ragged rows or a column count other than the model's
 * @example
 * ```ts
 * import { fitOneHotEncoder, transformOneHotEncoder } from 'crmkit/segment';
 * const enc = fitOneHotEncoder([['a'], ['b']], { handleUnknown: 'ignore' });
 * transformOneHotEncoder(enc, [['b'], ['z']]); // => [[0, 1], [0, 0]]
 * ```
 * @category Preprocessing
 */
export function transformOneHotEncoder(model: OneHotEncoderModel, X: readonly (readonly Category[])[]): number[][] {
  const fn = 'segment/transformOneHotEncoder';
  checkedModel(fn, model, 'encoder', _checkEncoderModel);
  if (model.kind !== 'oneHotEncoder') throw new ModelFormatError(fn, "model must be a fitted one-hot encoder (kind 'oneHotEncoder')", model.kind);
  const cols = categoryColumns(fn, X, model.categories.length);
  const n = cols[0]!.length;
  const width = model.featureNamesOut.length;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(width).fill(0));
  let offset = 0;
  for (let j = 0; j < cols.length; j++) {
    const { frequent, grouped, code } = _outputCategories(model, j);
    const unknownCode = model.params.handleUnknown === 'infrequentIfExist' && grouped ? frequent.length : -1;
    const drop = model.dropFirst[j] ? 1 : 0;
    for (let i = 0; i < n; i++) {
      let k = code.get(catKey(cols[j]![i]!));
      if (k === undefined) {
        if (model.params.handleUnknown === 'error') {
          throw new InvalidInputError(fn, `X[${i}][${j}] (column '${model.featureNamesIn[j]}') is a category not seen in fitting`, cols[j]![i]);
        }
        if (unknownCode < 0) continue;
        k = unknownCode;
      }
      if (k < drop) continue;
      out[i]![offset + k - drop] = 1;
    }
    offset += frequent.length + (grouped ? 1 : 0) - drop;
  }
  return out;
}
