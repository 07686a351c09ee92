/**
 * Shared input and model types of crmkit/segment.
 *
 * @module
 */

/**
 * A dense matrix stored row-major in one `Float64Array` (`data[i * cols + j]` is row i, column j).
 * Every function that takes a matrix accepts this form as well as an array of rows; it avoids one
 * copy for large inputs.
 */
export interface FlatMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** A numeric matrix: an array of equal-length rows (number arrays or typed arrays), or a {@link FlatMatrix}. */
export type MatrixInput = readonly (readonly number[] | Float64Array)[] | FlatMatrix;

/** A category value: a string or a finite number (booleans and null are rejected). */
export type Category = string | number;
