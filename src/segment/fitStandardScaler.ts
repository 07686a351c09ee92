import { InvalidInputError } from '../core/errors.js';
import { boolean, options as checkOptions } from '../core/validate.js';
import { toFlat } from './_matrix.js';
import { columnMeanVar } from './_stats.js';
import type { MatrixInput } from './types.js';

/** Options of {@link fitStandardScaler}. */
export interface FitStandardScalerOptions {
  /**
   * Subtract the column mean.
   * @defaultValue true
   */
  withMean?: boolean;
  /**
   * Divide by the column's population standard deviation.
   * @defaultValue true
   */
  withStd?: boolean;
}

/** A fitted standard scaler (JSON-ready). Transform: (x − mean) / scale. */
export interface StandardScalerModel {
  readonly kind: 'standardScaler';
  readonly formatVersion: 1;
  readonly params: { readonly withMean: boolean; readonly withStd: boolean };
  readonly nFeatures: number;
  readonly nSamples: number;
  /** Column means (computed even when `withMean` is false, like scikit-learn's `mean_`). */
  readonly mean: number[];
  /** Column population variances (divide by n). */
  readonly variance: number[];
  /** Divisor per column: the standard deviation, 1 for constant columns, 1 everywhere when `withStd` is false. */
  readonly scale: number[];
}

const FN = 'segment/fitStandardScaler';

/**
 * Fits a standard scaler: per column, subtract the mean and divide by the population standard
 * deviation, as scikit-learn's `StandardScaler`.
 *
 * @remarks O(n·d). The variance is (Σ(x − m)² − (Σ(x − m))²/n)/n with compensated sums. A column is
 * constant when its variance is at most n·ε·var + (n·|mean|·ε)² (scikit-learn's rule); its scale is 1,
 * so it transforms to 0, never NaN.
 * @see scikit-learn 1.2 `sklearn.preprocessing.StandardScaler`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes or an empty matrix
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} on unknown or mistyped options
 * @example
 * ```ts
 * import { fitStandardScaler, transformScaler } from 'crmkit/segment';
 * const model = fitStandardScaler([[1, 5], [3, 5]]);
 * model.scale; // => [1, 1]
 * transformScaler(model, [[1, 5], [3, 5]]); // => [[-1, 0], [1, 0]]
 * ```
 * @category Preprocessing
 */
export function fitStandardScaler(X: MatrixInput, options?: FitStandardScalerOptions): StandardScalerModel {
  const o = checkOptions(FN, options, ['withMean', 'withStd']);
  const withMean = o.withMean === undefined ? true : boolean(FN, 'options.withMean', o.withMean);
  const withStd = o.withStd === undefined ? true : boolean(FN, 'options.withStd', o.withStd);
  const m = toFlat(FN, 'X', X);
  const { mean, variance } = columnMeanVar(m.data, m.rows, m.cols);
  const n = m.rows;
  const scale: number[] = [];
  for (let j = 0; j < m.cols; j++) {
    const v = variance[j]!;
    const mu = mean[j]!;
    if (!Number.isFinite(v)) throw new InvalidInputError(FN, `column ${j} of X has a variance beyond the double range (values near ±1e308); rescale it first`, v);
    const eps = Number.EPSILON;
    const constant = v <= n * eps * v + (n * mu * eps) ** 2;
    scale.push(!withStd || constant ? 1 : Math.sqrt(v));
  }
  return {
    kind: 'standardScaler',
    formatVersion: 1,
    params: { withMean, withStd },
    nFeatures: m.cols,
    nSamples: n,
    mean: Array.from(mean),
    variance: Array.from(variance),
    scale,
  };
}
