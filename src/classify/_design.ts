/**
 * Internal: a feature matrix for the linear models, dense (row-major) or CSR, with the two
 * products every linear fit needs (X·Wᵀ and Rᵀ·X), without densifying sparse input.
 *
 * @internal
 * @module
 */
import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import type { CsrMatrix } from '../core/sparse.js';
import { checkMatrix, type Matrix } from './_common.js';

/** Features for the linear models: dense rows, or a `CsrMatrix` (from `crmkit`) (for example TF-IDF output). */
export type LinearFeatures = Matrix | CsrMatrix;

export type Design =
  | { readonly sparse: false; readonly rows: number; readonly cols: number; readonly data: Float64Array }
  | { readonly sparse: true; readonly rows: number; readonly cols: number; readonly indptr: Int32Array; readonly indices: Int32Array; readonly data: Float64Array };

function looksCsr(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && 'indptr' in x;
}

/**
 * Validates X: dense rows (copied to row-major), or a CSR matrix checked in O(nnz) (shape,
 * increasing in-range column indices, finite values; the arrays are used as they are, not copied).
 */
export function toDesign(fn: string, x: unknown, name = 'X'): Design {
  if (!looksCsr(x)) {
    const m = checkMatrix(fn, x, name);
    return { sparse: false, rows: m.rows, cols: m.cols, data: m.data };
  }
  const c = x as CsrMatrix;
  const shapeOk =
    Number.isInteger(c.rows) && Number.isInteger(c.cols) && c.rows >= 1 && c.cols >= 1 &&
    c.indptr instanceof Int32Array && c.indices instanceof Int32Array && c.data instanceof Float64Array &&
    c.indptr.length === c.rows + 1 && c.indices.length === c.data.length && c.indptr[0] === 0 && c.indptr[c.rows] === c.data.length;
  if (!shapeOk) {
    throw new InvalidInputError(fn, `${name} must be dense rows or a CsrMatrix { rows ≥ 1, cols ≥ 1, indptr: Int32Array(rows + 1), indices: Int32Array, data: Float64Array } with indptr[rows] = nnz`, x);
  }
  const { indptr, indices, data } = c;
  for (let i = 0; i < c.rows; i++) {
    const a = indptr[i]!;
    const b = indptr[i + 1]!;
    if (b < a) throw new InvalidInputError(fn, `${name}.indptr must be non-decreasing (row ${i})`, b);
    let prev = -1;
    for (let k = a; k < b; k++) {
      const j = indices[k]!;
      if (j <= prev || j >= c.cols) throw new InvalidInputError(fn, `${name}.indices in row ${i} must be increasing column indices in [0, ${c.cols})`, j);
      prev = j;
      if (!Number.isFinite(data[k]!)) throw new InvalidInputError(fn, `${name}.data[${k}] (row ${i}, column ${j}) must be a finite number`, data[k]);
    }
  }
  return { sparse: true, rows: c.rows, cols: c.cols, indptr, indices, data };
}

/** toDesign plus a check that X has the model's column count. */
export function predictDesign(fn: string, x: unknown, nFeatures: number): Design {
  const d = toDesign(fn, x);
  if (d.cols !== nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${nFeatures} feature columns`, d.cols);
  return d;
}

/**
 * Z (n × K, row-major) = X · Wᵀ + b, W being K × p row-major (`w[k·p + j]`), b of length K
 * (`intercept` null for none).
 */
export function linearPredictor(d: Design, w: Float64Array, k: number, intercept: Float64Array | null, z: Float64Array): void {
  const n = d.rows;
  const p = d.cols;
  if (d.sparse) {
    const { indptr, indices, data } = d;
    for (let i = 0; i < n; i++) {
      const a = indptr[i]!;
      const b = indptr[i + 1]!;
      for (let c = 0; c < k; c++) {
        let s = intercept === null ? 0 : intercept[c]!;
        const off = c * p;
        for (let t = a; t < b; t++) s += data[t]! * w[off + indices[t]!]!;
        z[i * k + c] = s;
      }
    }
  } else {
    const x = d.data;
    for (let i = 0; i < n; i++) {
      const row = i * p;
      for (let c = 0; c < k; c++) {
        let s = intercept === null ? 0 : intercept[c]!;
        const off = c * p;
        for (let j = 0; j < p; j++) s += x[row + j]! * w[off + j]!;
        z[i * k + c] = s;
      }
    }
  }
}

/** G (K × p) = Rᵀ · X for R n × K row-major (G is overwritten). */
export function transposeProduct(d: Design, r: Float64Array, k: number, g: Float64Array): void {
  const n = d.rows;
  const p = d.cols;
  g.fill(0, 0, k * p);
  if (d.sparse) {
    const { indptr, indices, data } = d;
    for (let i = 0; i < n; i++) {
      const a = indptr[i]!;
      const b = indptr[i + 1]!;
      for (let c = 0; c < k; c++) {
        const ri = r[i * k + c]!;
        if (ri === 0) continue;
        const off = c * p;
        for (let t = a; t < b; t++) {
          const q = off + indices[t]!;
          g[q] = g[q]! + ri * data[t]!;
        }
      }
    }
  } else {
    const x = d.data;
    for (let i = 0; i < n; i++) {
      const row = i * p;
      for (let c = 0; c < k; c++) {
        const ri = r[i * k + c]!;
        if (ri === 0) continue;
        const off = c * p;
        for (let j = 0; j < p; j++) g[off + j] = g[off + j]! + ri * x[row + j]!;
      }
    }
  }
}

/** Rows of a design as a new design (used for CV folds and splits). */
export function designRows(d: Design, rows: ArrayLike<number>): Design {
  const m = rows.length;
  if (!d.sparse) {
    const out = new Float64Array(m * d.cols);
    for (let i = 0; i < m; i++) out.set(d.data.subarray(rows[i]! * d.cols, (rows[i]! + 1) * d.cols), i * d.cols);
    return { sparse: false, rows: m, cols: d.cols, data: out };
  }
  let nnz = 0;
  for (let i = 0; i < m; i++) nnz += d.indptr[rows[i]! + 1]! - d.indptr[rows[i]!]!;
  const indptr = new Int32Array(m + 1);
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  let t = 0;
  for (let i = 0; i < m; i++) {
    const a = d.indptr[rows[i]!]!;
    const b = d.indptr[rows[i]! + 1]!;
    indices.set(d.indices.subarray(a, b), t);
    data.set(d.data.subarray(a, b), t);
    t += b - a;
    indptr[i + 1] = t;
  }
  return { sparse: true, rows: m, cols: d.cols, indptr, indices, data };
}
