import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, options as checkOptions } from '../core/validate.js';
import { toFlat, toRows } from './_matrix.js';
import type { MatrixInput } from './types.js';

/** Options of {@link log1p} and {@link expm1}. */
export interface Log1pOptions {
  /**
   * Indices of the columns to transform; the others are copied unchanged.
   * @defaultValue every column
   */
  columns?: readonly number[];
}

/** @internal Column mask from `options.columns` (all columns when absent). */
export function _selectedColumns(fn: string, cols: number, opts: Log1pOptions | undefined): Uint8Array {
  const o = checkOptions(fn, opts, ['columns']);
  const mask = new Uint8Array(cols);
  if (o.columns === undefined) mask.fill(1);
  else {
    const c = arrayLike<unknown>(fn, 'options.columns', o.columns);
    for (let i = 0; i < c.length; i++) mask[integerInRange(fn, `options.columns[${i}]`, c[i], { min: 0, max: cols - 1 })] = 1;
  }
  return mask;
}

/**
 * log(1 + x) of every entry (or of chosen columns): the usual fix for right-skewed spend before
 * scaling and k-means. Accurate for tiny x (uses `Math.log1p`).
 *
 * @remarks O(n·d). Pure; inverse: {@link expm1}.
 * @see numpy `np.log1p`, scikit-learn `FunctionTransformer(np.log1p)`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, or a value ≤ −1 (whose log is undefined)
 * @throws {@link DimensionMismatchError} on ragged rows
 * @throws {@link InvalidOptionError} on a column index out of range
 * @example
 * ```ts
 * import { log1p } from 'crmkit/segment';
 * log1p([[0, 5], [Math.E - 1, 5]], { columns: [0] }); // => [[0, 5], [1, 5]]
 * ```
 * @category Preprocessing
 */
export function log1p(X: MatrixInput, options?: Log1pOptions): number[][] {
  const fn = 'segment/log1p';
  const m = toFlat(fn, 'X', X);
  const mask = _selectedColumns(fn, m.cols, options);
  const out = new Float64Array(m.data);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      if (mask[j] === 0) continue;
      const v = out[i * m.cols + j]!;
      if (!(v > -1)) throw new InvalidInputError(fn, `X[${i}][${j}] must be > -1 for log1p`, v);
      out[i * m.cols + j] = Math.log1p(v);
    }
  }
  return toRows(out, m.rows, m.cols);
}
