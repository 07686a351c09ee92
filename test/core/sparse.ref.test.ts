/**
 * CSR kernels against scipy 1.10.1 (scripts/reference/sparse.py → test/fixtures/sparse.json).
 * Structure (indptr, indices) must match exactly; values at 1e-12 relative (closed form: only the
 * order of floating-point additions could differ).
 */
import { describe, expect, it } from 'vitest';
import { csrFromTriplets, csrMultiplyVector, csrRowNorms, csrTranspose, type CsrMatrix } from '../../src/core/sparse.js';
import { expectAllClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Dump {
  indptr: number[];
  indices: number[];
  data: number[];
}
interface Case {
  name: string;
  rows: number;
  cols: number;
  rowIndex: number[];
  colIndex: number[];
  values: number[];
  csr: Dump;
  transpose: Dump;
  x: number[];
  product: number[];
  rowNorms: number[];
}
const { cases } = loadFixture<{ cases: Case[] }>('sparse');

function expectSame(m: CsrMatrix, ref: Dump, label: string): void {
  expect(Array.from(m.indptr), `${label} indptr`).toEqual(ref.indptr);
  expect(Array.from(m.indices), `${label} indices`).toEqual(ref.indices);
  expectAllClose(m.data, ref.data, { rel: 1e-12 }, `${label} data`);
}

describe('CSR vs scipy.sparse', () => {
  for (const c of cases) {
    it(`csrFromTriplets(${c.name}) equals csr_matrix(...).sum_duplicates().eliminate_zeros()`, () => {
      const m = csrFromTriplets(c.rows, c.cols, c.rowIndex, c.colIndex, c.values);
      expect([m.rows, m.cols]).toEqual([c.rows, c.cols]);
      expectSame(m, c.csr, c.name);
      // Typed-array inputs give the same matrix.
      const t = csrFromTriplets(c.rows, c.cols, Int32Array.from(c.rowIndex), Int32Array.from(c.colIndex), Float64Array.from(c.values));
      expectSame(t, c.csr, `${c.name} (typed input)`);
    });
    it(`csrTranspose(${c.name}) equals m.T.tocsr()`, () => {
      const t = csrTranspose(csrFromTriplets(c.rows, c.cols, c.rowIndex, c.colIndex, c.values));
      expect([t.rows, t.cols]).toEqual([c.cols, c.rows]);
      expectSame(t, c.transpose, `${c.name}ᵀ`);
    });
    it(`csrMultiplyVector(${c.name}, x) equals m @ x at 1e-12`, () => {
      const m = csrFromTriplets(c.rows, c.cols, c.rowIndex, c.colIndex, c.values);
      expectAllClose(csrMultiplyVector(m, c.x), c.product, { rel: 1e-12, abs: 1e-12 }, `${c.name} m·x`);
    });
    it(`csrRowNorms(${c.name}) equals sqrt(m.multiply(m).sum(1)) at 1e-12`, () => {
      const m = csrFromTriplets(c.rows, c.cols, c.rowIndex, c.colIndex, c.values);
      expectAllClose(csrRowNorms(m), c.rowNorms, { rel: 1e-12 }, `${c.name} norms`);
    });
  }
  it('the small-integer case really has duplicates that cancel to 0', () => {
    const c = cases.find((k) => k.name === 'small-integers')!;
    const sums = new Map<number, number>();
    c.rowIndex.forEach((r, k) => sums.set(r * c.cols + c.colIndex[k]!, (sums.get(r * c.cols + c.colIndex[k]!) ?? 0) + c.values[k]!));
    const cancelled = [...sums.values()].filter((v) => v === 0).length;
    expect(cancelled).toBeGreaterThan(0);
    expect(sums.size - cancelled).toBe(c.csr.data.length);
  });
});
