import { arrayLike } from '../core/validate.js';
import { _transformRecords, type DataRecord, type PreprocessorModel } from './fitPreprocessor.js';
import { _checkPreprocessorModel } from './parsePreprocessorModel.js';
import { checkedModel } from './_model.js';

/**
 * Turns new records into feature rows with a fitted preprocessor (same columns, same scaling, same
 * one-hot layout as in fitting). Pure.
 *
 * @remarks O(n·p).
 * @throws {@link InvalidInputError} on a missing or non-finite numeric value, a bad category value,
 * or an unknown category in a column fitted with `handleUnknown: 'error'`
 * @example
 * ```ts
 * import { fitPreprocessor, transformPreprocessor } from 'crmkit/segment';
 * const { model } = fitPreprocessor([{ spend: 0 }, { spend: 10 }], { columns: [{ name: 'spend', type: 'numeric', scaler: 'minMax' }] });
 * transformPreprocessor(model, [{ spend: 5 }]); // => [[0.5]]
 * ```
 * @category Preprocessing
 */
export function transformPreprocessor(model: PreprocessorModel, records: readonly DataRecord[]): number[][] {
  const fn = 'segment/transformPreprocessor';
  checkedModel(fn, model, 'preprocessor', _checkPreprocessorModel);
  const recs = arrayLike<DataRecord>(fn, 'records', records, 1);
  return _transformRecords(fn, model.steps, model.featureNames.length, recs);
}
