/**
 * Internal: matrix validation and conversion for crmkit/segment.
 *
 * @internal
 * @module
 */
import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { matrix } from '../core/validate.js';
import type { FlatMatrix } from './types.js';

/** Whether `x` looks like a {@link FlatMatrix}. */
export function isFlat(x: unknown): x is FlatMatrix {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && (x as FlatMatrix).data instanceof Float64Array;
}

/**
 * Validates a matrix (array of rows or flat) and returns a flat form. Arrays of rows are copied;
 * a FlatMatrix is checked (shape, finiteness) and returned as is (it is never written to).
 */
export function toFlat(fn: string, name: string, x: unknown, minRows = 1): FlatMatrix {
  if (isFlat(x)) {
    const { data, rows, cols } = x;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < minRows || cols < 1 || data.length !== rows * cols) {
      throw new DimensionMismatchError(fn, `${name}.data must hold rows × cols values with rows >= ${minRows}, cols >= 1`, { rows, cols, length: data.length });
    }
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      if (!Number.isFinite(v)) {
        throw new InvalidInputError(fn, `${name}[${Math.floor(i / cols)}][${i % cols}] must be a finite number`, v);
      }
    }
    return x;
  }
  return matrix(fn, name, x, { minRows });
}

/** Checks the column count of a validated matrix against a model. */
export function expectCols(fn: string, name: string, m: FlatMatrix, cols: number): void {
  if (m.cols !== cols) {
    throw new DimensionMismatchError(fn, `${name} must have ${cols} columns like the data the model was fitted on`, m.cols);
  }
}

/** Rows of a flat matrix as plain number arrays. */
export function toRows(data: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = new Array<number>(cols);
    for (let j = 0; j < cols; j++) r[j] = data[i * cols + j]!;
    out[i] = r;
  }
  return out;
}

/** Counts distinct rows, stopping as soon as `atLeast` distinct rows were seen. */
export function countDistinctRows(m: FlatMatrix, atLeast: number): number {
  const seen = new Set<string>();
  const { data, rows, cols } = m;
  const row = new Array<number>(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) row[j] = data[i * cols + j]! + 0; // -0 and 0 are the same point
    seen.add(row.join(','));
    if (seen.size >= atLeast) return seen.size;
  }
  return seen.size;
}

/**
 * For scale-invariant scores (silhouette, Calinski–Harabasz, Davies–Bouldin): a copy of `m` divided
 * by an exact power of two when its magnitudes are so large (above 1e150) that squared distances
 * would overflow; otherwise `m` itself. The scores are unchanged by the scaling (ratios of
 * distances), and no rounding is added.
 */
export function scaledForRatios(m: FlatMatrix): FlatMatrix {
  let maxAbs = 0;
  for (let i = 0; i < m.data.length; i++) maxAbs = Math.max(maxAbs, Math.abs(m.data[i]!));
  if (!(maxAbs > 1e150)) return m;
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(maxAbs)));
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < data.length; i++) data[i] = m.data[i]! / scale;
  return { data, rows: m.rows, cols: m.cols };
}
