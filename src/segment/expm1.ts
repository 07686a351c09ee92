import { InvalidInputError } from '../core/errors.js';
import { toFlat, toRows } from './_matrix.js';
import { _selectedColumns, type Log1pOptions } from './log1p.js';
import type { MatrixInput } from './types.js';

/**
 * exp(x) − 1 of every entry (or of chosen columns): the inverse of {@link log1p}, to report
 * centroids back in money.
 *
 * @remarks O(n·d). Pure.
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, or a result that overflows to Infinity
 * @throws {@link DimensionMismatchError} on ragged rows
 * @example
 * ```ts
 * import { expm1 } from 'crmkit/segment';
 * expm1([[0, 1]]); // => [[0, 1.718281828459045]]
 * ```
 * @category Preprocessing
 */
export function expm1(X: MatrixInput, options?: Log1pOptions): number[][] {
  const fn = 'segment/expm1';
  const m = toFlat(fn, 'X', X);
  const mask = _selectedColumns(fn, m.cols, options);
  const out = new Float64Array(m.data);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      if (mask[j] === 0) continue;
      const v = Math.expm1(out[i * m.cols + j]!);
      if (!Number.isFinite(v)) throw new InvalidInputError(fn, `expm1(X[${i}][${j}]) overflows`, out[i * m.cols + j]);
      out[i * m.cols + j] = v;
    }
  }
  return toRows(out, m.rows, m.cols);
}
