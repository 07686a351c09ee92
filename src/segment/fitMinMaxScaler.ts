import { InvalidOptionError } from '../core/errors.js';
import { arrayLike, boolean, finiteNumber, options as checkOptions } from '../core/validate.js';
import { toFlat } from './_matrix.js';
import { handleZeroScale } from './_stats.js';
import type { MatrixInput } from './types.js';

/** Options of {@link fitMinMaxScaler}. */
export interface FitMinMaxScalerOptions {
  /**
   * The range `[low, high]` the column minimum and maximum are mapped to; `low < high`.
   * @defaultValue [0, 1]
   */
  featureRange?: readonly [number, number];
  /**
   * Clip transformed values of new data into `featureRange`.
   * @defaultValue false
   */
  clip?: boolean;
}

/** A fitted min-max scaler (JSON-ready). Transform: x · scale + min. */
export interface MinMaxScalerModel {
  readonly kind: 'minMaxScaler';
  readonly formatVersion: 1;
  readonly params: { readonly featureRange: [number, number]; readonly clip: boolean };
  readonly nFeatures: number;
  readonly dataMin: number[];
  readonly dataMax: number[];
  /** (high − low) / (max − min); a constant column uses a range of 1. */
  readonly scale: number[];
  /** low − min · scale. */
  readonly min: number[];
}

const FN = 'segment/fitMinMaxScaler';

/**
 * Fits a min-max scaler mapping each column's [min, max] onto `featureRange`, as scikit-learn's
 * `MinMaxScaler`.
 *
 * @remarks O(n·d). scale = (high − low) / (max − min) and offset = low − min·scale; transform is
 * x·scale + offset. A constant column (range below 10·ε) uses range 1, so it maps to `low`, never NaN.
 * @see scikit-learn 1.2 `sklearn.preprocessing.MinMaxScaler`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes or an empty matrix
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} when `featureRange` is not two finite numbers with low < high
 * @example
 * ```ts
 * import { fitMinMaxScaler, transformScaler } from 'crmkit/segment';
 * const model = fitMinMaxScaler([[0, 3], [10, 3], [5, 3]]);
 * transformScaler(model, [[0, 3], [10, 3], [5, 3]]); // => [[0, 0], [1, 0], [0.5, 0]]
 * ```
 * @category Preprocessing
 */
export function fitMinMaxScaler(X: MatrixInput, options?: FitMinMaxScalerOptions): MinMaxScalerModel {
  const o = checkOptions(FN, options, ['featureRange', 'clip']);
  let low = 0;
  let high = 1;
  if (o.featureRange !== undefined) {
    const r = arrayLike<unknown>(FN, 'options.featureRange', o.featureRange, 2);
    if (r.length !== 2) throw new InvalidOptionError(FN, 'options.featureRange must be [low, high]', o.featureRange);
    low = finiteNumber(FN, 'options.featureRange[0]', r[0]);
    high = finiteNumber(FN, 'options.featureRange[1]', r[1]);
    if (!(low < high)) throw new InvalidOptionError(FN, 'options.featureRange must have low < high', o.featureRange);
  }
  const clip = o.clip === undefined ? false : boolean(FN, 'options.clip', o.clip);
  const m = toFlat(FN, 'X', X);
  const dataMin: number[] = [];
  const dataMax: number[] = [];
  const scale: number[] = [];
  const min: number[] = [];
  for (let j = 0; j < m.cols; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    // A range beyond the double range (columns spanning ±1e308) is formed from halves instead of
    // overflowing to Infinity (which would give scale 0 and map every value to `low`).
    const range = hi - lo;
    const s = Number.isFinite(range) ? (high - low) / handleZeroScale(range) : (0.5 * (high - low)) / (0.5 * hi - 0.5 * lo);
    dataMin.push(lo);
    dataMax.push(hi);
    scale.push(s);
    min.push(low - lo * s);
  }
  return { kind: 'minMaxScaler', formatVersion: 1, params: { featureRange: [low, high], clip }, nFeatures: m.cols, dataMin, dataMax, scale, min };
}
