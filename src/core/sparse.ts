/**
 * Compressed sparse row (CSR) matrices on typed arrays: built from (row, column, value) triplets,
 * transposed, multiplied by vectors, and read row by row without copying. Used for TF-IDF
 * document-term matrices, graph adjacency and one-hot encodings.
 *
 * @module
 */
import { DimensionMismatchError, InvalidInputError } from './errors.js';
import { arrayLike, integerInRange } from './validate.js';

/**
 * A sparse matrix in compressed sparse row form (the layout of `scipy.sparse.csr_matrix`).
 *
 * Row i's entries are `data[indptr[i] .. indptr[i+1])` in the columns
 * `indices[indptr[i] .. indptr[i+1])`. Column indices are strictly increasing within a row
 * (sorted, no duplicates) and no stored value is 0: crmkit's CSR functions build and keep this
 * canonical form.
 */
export interface CsrMatrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** Row pointers, length `rows + 1`; `indptr[rows]` is the number of stored entries. */
  readonly indptr: Int32Array;
  /** Column index of each stored entry, length nnz. */
  readonly indices: Int32Array;
  /** Value of each stored entry, length nnz. */
  readonly data: Float64Array;
}

/** A row of a {@link CsrMatrix}: views into the matrix's arrays (no copy). */
export interface CsrRow {
  /** Column indices of the row's stored entries, increasing. */
  indices: Int32Array;
  /** The entries' values. */
  data: Float64Array;
}

const MAX_INT32 = 2147483647;

/** Cheap O(1) shape check of a CsrMatrix argument (the canonical form itself is not re-verified). */
function checkCsr(fn: string, m: unknown): CsrMatrix {
  const ok =
    typeof m === 'object' &&
    m !== null &&
    Number.isInteger((m as CsrMatrix).rows) &&
    Number.isInteger((m as CsrMatrix).cols) &&
    (m as CsrMatrix).indptr instanceof Int32Array &&
    (m as CsrMatrix).indices instanceof Int32Array &&
    (m as CsrMatrix).data instanceof Float64Array;
  if (!ok) throw new InvalidInputError(fn, 'm must be a CsrMatrix { rows, cols, indptr: Int32Array, indices: Int32Array, data: Float64Array }', m);
  const c = m as CsrMatrix;
  if (c.rows < 0 || c.cols < 0 || c.rows >= MAX_INT32 || c.cols >= MAX_INT32 || c.indptr.length !== c.rows + 1 || c.indices.length !== c.data.length || c.indptr[c.rows] !== c.data.length || c.indptr[0] !== 0) {
    throw new InvalidInputError(fn, `m is not a consistent CsrMatrix (indptr.length must be rows + 1 = ${c.rows + 1} and indptr[rows] = nnz = ${c.data.length})`, c.indptr.length);
  }
  return c;
}

/**
 * Builds a CSR matrix from coordinate triplets: entry k adds `values[k]` at
 * (`rowIndex[k]`, `colIndex[k]`). Duplicate coordinates are summed; entries that sum to 0 are
 * dropped; column indices come out sorted within each row.
 *
 * @remarks A stable counting sort by row puts the triplets in row-major order; each row is then
 * sorted by column, stably (insertion sort for rows of up to 24 entries; longer rows sort the keys
 * column·2²² + position with the native typed-array sort), adjacent duplicates are summed in input
 * order and zeros removed. Cost O(nnz + rows) for the counting sort plus Σ kᵢ log kᵢ over row
 * lengths kᵢ for the row sorts (linear for the short rows of TF-IDF or adjacency data); memory: the
 * output arrays (12 bytes per triplet, trimmed after merging) plus 4·rows bytes and 20 bytes per
 * entry of the longest row as scratch; no per-entry objects. Equivalent to scipy's
 * `csr_matrix((values, (rowIndex, colIndex)), shape=(rows, cols))` followed by `sum_duplicates()`
 * and `eliminate_zeros()`.
 * @param rows - number of rows, an integer in [0, 2³¹ − 1)
 * @param cols - number of columns, an integer in [0, 2³¹ − 1)
 * @see scipy.sparse.csr_matrix, scipy.sparse.coo_matrix.tocsr
 * @throws {@link InvalidInputError} when `rows`/`cols` are not non-negative integers, an index is
 * not an integer inside the shape, or a value is NaN, ±Infinity or a hole
 * @throws {@link DimensionMismatchError} when the three triplet arrays differ in length
 * @example
 * ```ts
 * import { csrFromTriplets } from 'crmkit';
 * const m = csrFromTriplets(2, 3, [0, 1, 0, 0], [2, 0, 0, 2], [1, 5, 3, 4]);
 * Array.from(m.indptr); // => [0, 2, 3]
 * Array.from(m.indices); // => [0, 2, 0]
 * Array.from(m.data); // => [3, 5, 5]
 * ```
 * @category Sparse
 */
export function csrFromTriplets(rows: number, cols: number, rowIndex: ArrayLike<number>, colIndex: ArrayLike<number>, values: ArrayLike<number>): CsrMatrix {
  const fn = 'core/csrFromTriplets';
  integerInRange(fn, 'rows', rows, { min: 0, max: MAX_INT32 - 1 });
  integerInRange(fn, 'cols', cols, { min: 0, max: MAX_INT32 - 1 });
  const ri = arrayLike<number>(fn, 'rowIndex', rowIndex);
  const ci = arrayLike<number>(fn, 'colIndex', colIndex);
  const vs = arrayLike<number>(fn, 'values', values);
  const n = ri.length;
  if (ci.length !== n) throw new DimensionMismatchError(fn, `colIndex must have the same length as rowIndex (${n})`, ci.length);
  if (vs.length !== n) throw new DimensionMismatchError(fn, `values must have the same length as rowIndex (${n})`, vs.length);
  if (n > MAX_INT32) throw new InvalidInputError(fn, 'at most 2^31 − 1 triplets are supported', n);

  // Validate and count entries per row in one pass.
  const indptr = new Int32Array(rows + 1);
  const plainR = Array.isArray(ri);
  const plainC = Array.isArray(ci);
  const plainV = Array.isArray(vs);
  let longest = 0;
  for (let k = 0; k < n; k++) {
    const r = ri[k]!;
    const c = ci[k]!;
    const v = vs[k]!;
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r >= rows || (plainR && !(k in ri))) {
      throw new InvalidInputError(fn, `rowIndex[${k}] must be an integer in [0, ${rows - 1}]`, plainR && !(k in ri) ? undefined : r);
    }
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= cols || (plainC && !(k in ci))) {
      throw new InvalidInputError(fn, `colIndex[${k}] must be an integer in [0, ${cols - 1}]`, plainC && !(k in ci) ? undefined : c);
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || (plainV && !(k in vs))) {
      throw new InvalidInputError(fn, `values[${k}] must be a finite number`, plainV && !(k in vs) ? undefined : v);
    }
    indptr[r + 1]!++;
  }
  // Counting sort by row (stable: input order kept within a row).
  for (let r = 0; r < rows; r++) {
    const len = indptr[r + 1]!;
    if (len > longest) longest = len;
    indptr[r + 1] = len + indptr[r]!;
  }
  const next = indptr.slice(0, rows);
  const indices = new Int32Array(n);
  const data = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const pos = next[ri[k]!]!++;
    indices[pos] = ci[k]!;
    data[pos] = vs[k]!;
  }
  // Sort each row by column, stably: insertion sort for short rows, and for long rows a native
  // numeric sort of the keys column·2²² + position (exact in a double; stable by construction).
  // Then sum adjacent duplicates and drop zeros, compacting in place (same pass, row by row).
  const w = sortAndMergeRows(indptr, indices, data, rows, longest);
  return { rows, cols, indptr, indices: w === n ? indices : indices.slice(0, w), data: w === n ? data : data.slice(0, w) };
}

const SHORT_ROW = 24;
const POS_BITS = 4194304; // 2^22

/**
 * Sorts each row's entries by column (stably), sums duplicates, drops zeros and compacts the rows
 * to the front of the arrays, updating `indptr`. Returns the number of entries kept.
 */
function sortAndMergeRows(indptr: Int32Array, indices: Int32Array, data: Float64Array, rows: number, longest: number): number {
  const keys = longest > SHORT_ROW ? new Float64Array(longest) : null;
  const tmpI = longest > SHORT_ROW ? new Int32Array(longest) : null;
  const tmpV = longest > SHORT_ROW ? new Float64Array(longest) : null;
  let w = 0;
  let b = 0;
  for (let r = 0; r < rows; r++) {
    const a = b;
    b = indptr[r + 1]!;
    const len = b - a;
    if (len <= SHORT_ROW) {
      for (let p = a + 1; p < b; p++) {
        const c = indices[p]!;
        if (c >= indices[p - 1]!) continue;
        const v = data[p]!;
        let q = p - 1;
        while (q >= a && indices[q]! > c) {
          indices[q + 1] = indices[q]!;
          data[q + 1] = data[q]!;
          q--;
        }
        indices[q + 1] = c;
        data[q + 1] = v;
      }
    } else if (len < POS_BITS) {
      let sorted = true;
      for (let q = a + 1; q < b && sorted; q++) sorted = indices[q]! >= indices[q - 1]!;
      if (!sorted) {
        const k = keys!.subarray(0, len);
        for (let p = 0; p < len; p++) k[p] = indices[a + p]! * POS_BITS + p;
        k.sort();
        for (let p = 0; p < len; p++) {
          const pos = k[p]! % POS_BITS;
          tmpI![p] = indices[a + pos]!;
          tmpV![p] = data[a + pos]!;
        }
        indices.set(tmpI!.subarray(0, len), a);
        data.set(tmpV!.subarray(0, len), a);
      }
    } else {
      // Rows of 4 million entries or more: a comparator sort of positions (rare).
      const order = Array.from({ length: len }, (_, p) => p).sort((x, y) => indices[a + x]! - indices[a + y]! || x - y);
      const ci = indices.slice(a, b);
      const cv = data.slice(a, b);
      for (let p = 0; p < len; p++) {
        indices[a + p] = ci[order[p]!]!;
        data[a + p] = cv[order[p]!]!;
      }
    }
    // Merge duplicates (summed in input order) and drop zeros; w ≤ a, so this never overwrites
    // entries not yet read.
    let p = a;
    while (p < b) {
      const c = indices[p]!;
      let v = data[p]!;
      p++;
      while (p < b && indices[p] === c) v += data[p++]!;
      if (v !== 0) {
        indices[w] = c;
        data[w] = v;
        w++;
      }
    }
    indptr[r + 1] = w;
  }
  return w;
}

/**
 * The stored entries of row `i`, as views into the matrix (no copy; do not write to them).
 *
 * @remarks O(1).
 * @see scipy.sparse.csr_matrix.getrow
 * @throws {@link InvalidInputError} when `m` is not a CsrMatrix or `i` is not an integer in [0, rows)
 * @example
 * ```ts
 * import { csrFromTriplets, csrRow } from 'crmkit';
 * const m = csrFromTriplets(2, 3, [0, 1, 1], [1, 2, 0], [7, 8, 9]);
 * const row = csrRow(m, 1);
 * [Array.from(row.indices), Array.from(row.data)]; // => [[0, 2], [9, 8]]
 * ```
 * @category Sparse
 */
export function csrRow(m: CsrMatrix, i: number): CsrRow {
  const fn = 'core/csrRow';
  const c = checkCsr(fn, m);
  integerInRange(fn, 'i', i, { min: 0, max: c.rows - 1 });
  const a = c.indptr[i]!;
  const b = c.indptr[i + 1]!;
  return { indices: c.indices.subarray(a, b), data: c.data.subarray(a, b) };
}

/**
 * The transpose, as a new CSR matrix (equivalently, the CSC form of `m`).
 *
 * @remarks One counting sort by column: O(nnz + rows + cols) time; columns of the result stay
 * sorted because rows of `m` are visited in order.
 * @see scipy.sparse.csr_matrix.transpose (then `.tocsr()`)
 * @throws {@link InvalidInputError} when `m` is not a CsrMatrix
 * @example
 * ```ts
 * import { csrFromTriplets, csrToDense, csrTranspose } from 'crmkit';
 * const m = csrFromTriplets(2, 3, [0, 0, 1], [0, 2, 1], [1, 2, 3]);
 * csrToDense(csrTranspose(m)); // => [[1, 0], [0, 3], [2, 0]]
 * ```
 * @category Sparse
 */
export function csrTranspose(m: CsrMatrix): CsrMatrix {
  const c = checkCsr('core/csrTranspose', m);
  const { rows, cols } = c;
  const nnz = c.data.length;
  const indptr = new Int32Array(cols + 1);
  for (let p = 0; p < nnz; p++) indptr[c.indices[p]! + 1]!++;
  for (let j = 0; j < cols; j++) indptr[j + 1] = indptr[j + 1]! + indptr[j]!;
  const next = indptr.slice(0, cols);
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  for (let i = 0; i < rows; i++) {
    for (let p = c.indptr[i]!, end = c.indptr[i + 1]!; p < end; p++) {
      const q = next[c.indices[p]!]!++;
      indices[q] = i;
      data[q] = c.data[p]!;
    }
  }
  return { rows: cols, cols: rows, indptr, indices, data };
}

/**
 * The matrix-vector product y = m·x.
 *
 * @remarks O(nnz + rows + cols); each yᵢ is a plain left-to-right sum over row i's stored entries.
 * Pass `out` (a `Float64Array` of length `rows`) to reuse memory in loops; it is overwritten and
 * returned.
 * @param x - a vector of length `cols`, all finite
 * @see scipy.sparse.csr_matrix.dot
 * @throws {@link InvalidInputError} when `m` is not a CsrMatrix, or `x` has NaN, ±Infinity or holes
 * @throws {@link DimensionMismatchError} when `x.length ≠ cols` or `out.length ≠ rows`
 * @example
 * ```ts
 * import { csrFromTriplets, csrMultiplyVector } from 'crmkit';
 * const m = csrFromTriplets(2, 3, [0, 0, 1], [0, 2, 1], [1, 2, 3]);
 * Array.from(csrMultiplyVector(m, [1, 1, 1])); // => [3, 3]
 * ```
 * @category Sparse
 */
export function csrMultiplyVector(m: CsrMatrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const fn = 'core/csrMultiplyVector';
  const c = checkCsr(fn, m);
  const xs = arrayLike<number>(fn, 'x', x);
  if (xs.length !== c.cols) throw new DimensionMismatchError(fn, `x must have one entry per column (${c.cols})`, xs.length);
  const plain = Array.isArray(xs);
  for (let j = 0; j < xs.length; j++) {
    const v = xs[j];
    if (typeof v !== 'number' || !Number.isFinite(v) || (plain && !(j in xs))) {
      throw new InvalidInputError(fn, `x[${j}] must be a finite number`, plain && !(j in xs) ? undefined : v);
    }
  }
  let y: Float64Array;
  if (out === undefined) y = new Float64Array(c.rows);
  else {
    if (!(out instanceof Float64Array)) throw new InvalidInputError(fn, 'out must be a Float64Array', out);
    if (out.length !== c.rows) throw new DimensionMismatchError(fn, `out must have one entry per row (${c.rows})`, out.length);
    y = out;
  }
  const { indptr, indices, data } = c;
  for (let i = 0; i < c.rows; i++) {
    let s = 0;
    for (let p = indptr[i]!, end = indptr[i + 1]!; p < end; p++) s += data[p]! * xs[indices[p]!]!;
    y[i] = s;
  }
  return y;
}

/**
 * The matrix as dense rows (for display, tests and small matrices).
 *
 * @remarks O(rows·cols) memory and time.
 * @see scipy.sparse.csr_matrix.toarray
 * @throws {@link InvalidInputError} when `m` is not a CsrMatrix
 * @example
 * ```ts
 * import { csrFromTriplets, csrToDense } from 'crmkit';
 * csrToDense(csrFromTriplets(2, 2, [1, 1], [0, 0], [2, 3])); // => [[0, 0], [5, 0]]
 * ```
 * @category Sparse
 */
export function csrToDense(m: CsrMatrix): number[][] {
  const c = checkCsr('core/csrToDense', m);
  if (c.rows * c.cols > 1e8) throw new InvalidInputError('core/csrToDense', 'm is too large to densify (rows × cols above 1e8 cells)', c.rows * c.cols);
  const out: number[][] = [];
  for (let i = 0; i < c.rows; i++) {
    const row = new Array<number>(c.cols).fill(0);
    for (let p = c.indptr[i]!, end = c.indptr[i + 1]!; p < end; p++) row[c.indices[p]!] = c.data[p]!;
    out.push(row);
  }
  return out;
}

/**
 * The Euclidean (L2) norm of each row.
 *
 * @remarks O(nnz + rows). Each row is scaled by its largest |value| before squaring, so entries
 * near 1e200 do not overflow and entries near 1e-200 do not underflow. Empty rows have norm 0.
 * @see sklearn.utils.extmath.row_norms, scipy.sparse.linalg.norm(m, axis=1)
 * @throws {@link InvalidInputError} when `m` is not a CsrMatrix
 * @example
 * ```ts
 * import { csrFromTriplets, csrRowNorms } from 'crmkit';
 * Array.from(csrRowNorms(csrFromTriplets(3, 2, [0, 0, 2], [0, 1, 1], [3, 4, 1e300]))); // => [5, 0, 1e300]
 * ```
 * @category Sparse
 */
export function csrRowNorms(m: CsrMatrix): Float64Array {
  const c = checkCsr('core/csrRowNorms', m);
  const out = new Float64Array(c.rows);
  const { indptr, data } = c;
  for (let i = 0; i < c.rows; i++) {
    const a = indptr[i]!;
    const b = indptr[i + 1]!;
    let scale = 0;
    for (let p = a; p < b; p++) scale = Math.max(scale, Math.abs(data[p]!));
    if (scale === 0) continue;
    let s = 0;
    for (let p = a; p < b; p++) {
      const v = data[p]! / scale;
      s += v * v;
    }
    out[i] = scale * Math.sqrt(s);
  }
  return out;
}
