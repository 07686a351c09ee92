import { InvalidInputError } from '../core/errors.js';
import { expectCols, toFlat } from './_matrix.js';
import type { MinMaxScalerModel } from './fitMinMaxScaler.js';
import type { RobustScalerModel } from './fitRobustScaler.js';
import type { StandardScalerModel } from './fitStandardScaler.js';
import type { MatrixInput } from './types.js';
import { checkedModel } from './_model.js';
import { _checkScalerModel } from './parseScalerModel.js';

/** Any fitted scaler. */
export type ScalerModel = StandardScalerModel | MinMaxScalerModel | RobustScalerModel;

/** @internal Applies a scaler to a flat matrix (no validation of X). */
export function _scaleFlat(model: ScalerModel, data: Float64Array, rows: number, cols: number, inverse: boolean): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    let a = 0; // y = (x − a) / b, or y = x · b + a for min-max
    let b = 1;
    let lo = -Infinity;
    let hi = Infinity;
    switch (model.kind) {
      case 'standardScaler':
        a = model.params.withMean ? model.mean[j]! : 0;
        b = model.params.withStd ? model.scale[j]! : 1;
        break;
      case 'robustScaler':
        a = model.center[j]!;
        b = model.scale[j]!;
        break;
      case 'minMaxScaler':
        a = model.min[j]!;
        b = model.scale[j]!;
        if (model.params.clip && !inverse) [lo, hi] = model.params.featureRange;
        break;
    }
    const minMax = model.kind === 'minMaxScaler';
    for (let i = 0; i < rows; i++) {
      const x = data[i * cols + j]!;
      let y: number;
      if (minMax) y = inverse ? (x - a) / b : x * b + a;
      else y = inverse ? x * b + a : (x - a) / b;
      out[i * cols + j] = y < lo ? lo : y > hi ? hi : y;
    }
  }
  return out;
}

/** @internal Throws unless `model` is a well-formed scaler (full structural check, once per model object). */
export function _assertScaler(fn: string, model: unknown): asserts model is ScalerModel {
  const kind = (model as { kind?: unknown } | null)?.kind;
  if (kind !== 'standardScaler' && kind !== 'minMaxScaler' && kind !== 'robustScaler') {
    throw new InvalidInputError(fn, "model must be a scaler model (kind 'standardScaler', 'minMaxScaler' or 'robustScaler'); load JSON with parseScalerModel", kind);
  }
  checkedModel(fn, model, 'scaler', _checkScalerModel);
}

/**
 * Scales new rows with a fitted scaler (standard, min-max or robust). Pure: returns a new matrix.
 *
 * @remarks O(n·d).
 * @see scikit-learn `StandardScaler.transform`, `MinMaxScaler.transform`, `RobustScaler.transform`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, or a model that is not a scaler
 * @throws {@link DimensionMismatchError} on ragged rows or a column count other than the model's
 * @example
 * ```ts
 * import { fitStandardScaler, transformScaler } from 'crmkit/segment';
 * const model = fitStandardScaler([[0], [2], [4]]);
 * transformScaler(model, [[2], [6]]); // => [[0], [2.449489742783178]]
 * ```
 * @category Preprocessing
 */
export function transformScaler(model: ScalerModel, X: MatrixInput): number[][] {
  const fn = 'segment/transformScaler';
  _assertScaler(fn, model);
  const m = toFlat(fn, 'X', X);
  expectCols(fn, 'X', m, model.nFeatures);
  return rowsOf(_scaleFlat(model, m.data, m.rows, m.cols, false), m.rows, m.cols);
}

function rowsOf(data: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = Array.from(data.subarray(i * cols, (i + 1) * cols));
  return out;
}
