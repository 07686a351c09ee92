import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidInputError } from '../../src/core/errors.js';
import { csrFromTriplets, csrMultiplyVector, csrRow, csrRowNorms, csrToDense, csrTranspose } from '../../src/core/sparse.js';

describe('csrFromTriplets(rows, cols, rowIndex, colIndex, values)', () => {
  it('builds the canonical form and does not mutate its inputs', () => {
    const r = Object.freeze([2, 0, 2, 2]);
    const c = Object.freeze([1, 1, 0, 1]);
    const v = Object.freeze([1.5, -2, 4, 2.5]);
    const m = csrFromTriplets(3, 2, r, c, v);
    expect(Array.from(m.indptr)).toEqual([0, 1, 1, 3]);
    expect(Array.from(m.indices)).toEqual([1, 0, 1]);
    expect(Array.from(m.data)).toEqual([-2, 4, 4]);
    expect(m.indptr).toBeInstanceOf(Int32Array);
    expect(m.indices).toBeInstanceOf(Int32Array);
    expect(m.data).toBeInstanceOf(Float64Array);
  });
  it('drops entries whose duplicates cancel, and handles empty shapes', () => {
    const m = csrFromTriplets(2, 2, [0, 0, 1], [1, 1, 0], [3, -3, 1]);
    expect(Array.from(m.indptr)).toEqual([0, 0, 1]);
    expect(m.data.length).toBe(1);
    const e = csrFromTriplets(0, 0, [], [], []);
    expect(Array.from(e.indptr)).toEqual([0]);
    expect(csrToDense(csrFromTriplets(2, 3, [], [], []))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
  it('throws typed errors on bad input', () => {
    expect(() => csrFromTriplets(-1, 2, [], [], [])).toThrowError(InvalidInputError);
    expect(() => csrFromTriplets(2, 2.5, [], [], [])).toThrowError(InvalidInputError);
    expect(() => csrFromTriplets(2, 2, [2], [0], [1])).toThrowError(/rowIndex\[0\] must be an integer in \[0, 1\]; received 2/);
    expect(() => csrFromTriplets(2, 2, [0], [-1], [1])).toThrowError(/colIndex\[0\]/);
    expect(() => csrFromTriplets(2, 2, [0.5], [0], [1])).toThrowError(/rowIndex\[0\]/);
    expect(() => csrFromTriplets(2, 2, [0], [0], [NaN])).toThrowError(/values\[0\] must be a finite number; received NaN/);
    expect(() => csrFromTriplets(2, 2, [0], [0], [Infinity])).toThrowError(InvalidInputError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => csrFromTriplets(2, 2, [0, 1], [0, 1], [1, ,] as number[])).toThrowError(/values\[1\]/);
    expect(() => csrFromTriplets(2, 2, [0, 1], [0], [1, 2])).toThrowError(DimensionMismatchError);
    expect(() => csrFromTriplets(2, 2, [0], [0], [1, 2])).toThrowError(DimensionMismatchError);
    expect(() => csrFromTriplets(2, 2, 'ab' as never, [0], [1])).toThrowError(InvalidInputError);
  });
});

describe('csrRow(m, i)', () => {
  it('returns views that share the matrix buffers', () => {
    const m = csrFromTriplets(2, 3, [0, 1, 1], [1, 2, 0], [7, 8, 9]);
    const row = csrRow(m, 1);
    expect(row.data.buffer).toBe(m.data.buffer);
    expect(Array.from(row.indices)).toEqual([0, 2]);
    expect(csrRow(m, 0).data.length).toBe(1);
  });
  it('throws on a bad row index or a non-matrix', () => {
    const m = csrFromTriplets(2, 3, [0], [1], [7]);
    expect(() => csrRow(m, 2)).toThrowError(InvalidInputError);
    expect(() => csrRow(m, -1)).toThrowError(InvalidInputError);
    expect(() => csrRow({ rows: 1 } as never, 0)).toThrowError(/must be a CsrMatrix/);
    expect(() => csrRow({ ...m, indptr: new Int32Array(2) }, 0)).toThrowError(/consistent CsrMatrix/);
  });
});

describe('csrMultiplyVector(m, x, out)', () => {
  it('writes into out when given', () => {
    const m = csrFromTriplets(2, 2, [0, 1], [1, 0], [2, 3]);
    const out = new Float64Array(2);
    expect(csrMultiplyVector(m, [10, 100], out)).toBe(out);
    expect(Array.from(out)).toEqual([200, 30]);
  });
  it('throws on length mismatches and non-finite x', () => {
    const m = csrFromTriplets(2, 2, [0, 1], [1, 0], [2, 3]);
    expect(() => csrMultiplyVector(m, [1])).toThrowError(DimensionMismatchError);
    expect(() => csrMultiplyVector(m, [1, 2], new Float64Array(3))).toThrowError(DimensionMismatchError);
    expect(() => csrMultiplyVector(m, [1, NaN])).toThrowError(/x\[1\] must be a finite number/);
    expect(() => csrMultiplyVector(m, [1, 2], [0, 0] as never)).toThrowError(/out must be a Float64Array/);
  });
});

describe('csrTranspose(m) / csrRowNorms(m)', () => {
  it('transposes a rectangular matrix with empty rows and columns', () => {
    const m = csrFromTriplets(3, 4, [0, 2, 2], [3, 0, 3], [1, 2, 3]);
    expect(csrToDense(csrTranspose(m))).toEqual([
      [0, 0, 2],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 3],
    ]);
  });
  it('row norms avoid overflow and underflow', () => {
    const m = csrFromTriplets(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [3e200, 4e200, 3e-200, 4e-200]);
    const n = csrRowNorms(m);
    expect(n[0]! / 5e200).toBeCloseTo(1, 14);
    expect(n[1]! / 5e-200).toBeCloseTo(1, 14);
  });
});
