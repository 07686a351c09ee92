import { expectCols, toFlat, toRows } from './_matrix.js';
import { _assertScaler, _scaleFlat, type ScalerModel } from './transformScaler.js';
import type { MatrixInput } from './types.js';

/**
 * Maps scaled rows back to the original units (the inverse of {@link transformScaler}). Values that
 * were clipped by a min-max scaler with `clip: true` cannot be recovered.
 *
 * @remarks O(n·d). Standard/robust: x·scale + center; min-max: (x − min) / scale.
 * @see scikit-learn `StandardScaler.inverse_transform` and siblings
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, or a model that is not a scaler
 * @throws {@link DimensionMismatchError} on ragged rows or a column count other than the model's
 * @example
 * ```ts
 * import { fitMinMaxScaler, inverseTransformScaler } from 'crmkit/segment';
 * const model = fitMinMaxScaler([[10], [20]]);
 * inverseTransformScaler(model, [[0.5]]); // => [[15]]
 * ```
 * @category Preprocessing
 */
export function inverseTransformScaler(model: ScalerModel, X: MatrixInput): number[][] {
  const fn = 'segment/inverseTransformScaler';
  _assertScaler(fn, model);
  const m = toFlat(fn, 'X', X);
  expectCols(fn, 'X', m, model.nFeatures);
  return toRows(_scaleFlat(model, m.data, m.rows, m.cols, true), m.rows, m.cols);
}
