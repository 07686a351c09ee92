import { InvalidOptionError } from '../core/errors.js';
import { normalQuantile } from '../core/special/normal.js';
import { arrayLike, boolean, numberInRange, options as checkOptions } from '../core/validate.js';
import { toFlat } from './_matrix.js';
import { handleZeroScale, medianSorted, quantileSorted } from './_stats.js';
import type { MatrixInput } from './types.js';

/** Options of {@link fitRobustScaler}. */
export interface FitRobustScalerOptions {
  /**
   * Subtract the column median.
   * @defaultValue true
   */
  withCentering?: boolean;
  /**
   * Divide by the inter-quantile range.
   * @defaultValue true
   */
  withScaling?: boolean;
  /**
   * Percentiles `[low, high]` (0 ≤ low < high ≤ 100) whose difference is the scale.
   * @defaultValue [25, 75]
   */
  quantileRange?: readonly [number, number];
  /**
   * Also divide the scale by Φ⁻¹(high/100) − Φ⁻¹(low/100) (1.3489795003921634 for [25, 75]), so
   * normally distributed columns come out with variance ≈ 1, as scikit-learn's `unit_variance=True`.
   * Needs 0 < low and high < 100 (the normal quantile of 0 or 1 is infinite).
   * @defaultValue false
   */
  unitVariance?: boolean;
}

/** A fitted robust scaler (JSON-ready). Transform: (x − center) / scale. */
export interface RobustScalerModel {
  readonly kind: 'robustScaler';
  readonly formatVersion: 1;
  readonly params: {
    readonly withCentering: boolean;
    readonly withScaling: boolean;
    readonly quantileRange: [number, number];
    /** Absent in models saved before the option existed (read as false). */
    readonly unitVariance?: boolean;
  };
  readonly nFeatures: number;
  /** Column medians (0 when `withCentering` is false). */
  readonly center: number[];
  /**
   * Inter-quantile ranges (divided by the normal inter-quantile range when `unitVariance`); 1 for a
   * zero range or when `withScaling` is false.
   */
  readonly scale: number[];
}

const FN = 'segment/fitRobustScaler';

/**
 * Fits a robust scaler: subtract the median and divide by the inter-quartile range, as
 * scikit-learn's `RobustScaler`. Outliers (big spenders) move the result far less than with
 * {@link fitStandardScaler}.
 *
 * @remarks O(d·n log n) (a sort per column). Percentiles use numpy's default linear interpolation.
 * A zero range (below 10·ε) becomes 1, so a constant column transforms to 0, never NaN
 * (as scikit-learn, this happens before the `unitVariance` division, which still applies to it).
 * @see scikit-learn 1.2 `sklearn.preprocessing.RobustScaler`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes or an empty matrix
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} when `quantileRange` is not 0 ≤ low < high ≤ 100, or
 * when `unitVariance` is set with low = 0 or high = 100
 * @example
 * ```ts
 * import { fitRobustScaler } from 'crmkit/segment';
 * const model = fitRobustScaler([[1], [2], [3], [4], [100]]);
 * model.center; // => [3]
 * model.scale; // => [2]
 * fitRobustScaler([[1], [2], [3], [4], [100]], { unitVariance: true }).scale; // => [1.482602218505602]
 * ```
 * @category Preprocessing
 */
export function fitRobustScaler(X: MatrixInput, options?: FitRobustScalerOptions): RobustScalerModel {
  const o = checkOptions(FN, options, ['withCentering', 'withScaling', 'quantileRange', 'unitVariance']);
  const withCentering = o.withCentering === undefined ? true : boolean(FN, 'options.withCentering', o.withCentering);
  const withScaling = o.withScaling === undefined ? true : boolean(FN, 'options.withScaling', o.withScaling);
  let qLow = 25;
  let qHigh = 75;
  if (o.quantileRange !== undefined) {
    const r = arrayLike<unknown>(FN, 'options.quantileRange', o.quantileRange, 2);
    if (r.length !== 2) throw new InvalidOptionError(FN, 'options.quantileRange must be [low, high]', o.quantileRange);
    qLow = numberInRange(FN, 'options.quantileRange[0]', r[0], { min: 0, max: 100 });
    qHigh = numberInRange(FN, 'options.quantileRange[1]', r[1], { min: 0, max: 100 });
    if (!(qLow < qHigh)) throw new InvalidOptionError(FN, 'options.quantileRange must have low < high', o.quantileRange);
  }
  const unitVariance = o.unitVariance === undefined ? false : boolean(FN, 'options.unitVariance', o.unitVariance);
  let normalRange = 1;
  if (unitVariance && withScaling) {
    if (qLow === 0 || qHigh === 100) {
      throw new InvalidOptionError(FN, 'options.unitVariance needs 0 < quantileRange[0] and quantileRange[1] < 100 (the normal quantile of 0 or 1 is infinite)', [qLow, qHigh]);
    }
    normalRange = normalQuantile(qHigh / 100) - normalQuantile(qLow / 100);
  }
  const m = toFlat(FN, 'X', X);
  const center: number[] = [];
  const scale: number[] = [];
  const col = new Float64Array(m.rows);
  for (let j = 0; j < m.cols; j++) {
    for (let i = 0; i < m.rows; i++) col[i] = m.data[i * m.cols + j]!;
    col.sort();
    center.push(withCentering ? medianSorted(col) : 0);
    scale.push(withScaling ? handleZeroScale(quantileSorted(col, qHigh / 100) - quantileSorted(col, qLow / 100)) / normalRange : 1);
  }
  return {
    kind: 'robustScaler',
    formatVersion: 1,
    params: { withCentering, withScaling, quantileRange: [qLow, qHigh], unitVariance },
    nFeatures: m.cols,
    center,
    scale,
  };
}
