import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';

/** A sparse vector: increasing column `indices` and their values (a CSR row view works as is). */
export interface SparseVector {
  readonly indices: ArrayLike<number>;
  readonly data: ArrayLike<number>;
}

const FN = 'text/cosineSimilarity';

function isSparse(x: unknown): x is SparseVector {
  return typeof x === 'object' && x !== null && 'indices' in x && 'data' in x && !Array.isArray(x);
}

function isArrayLikeNumbers(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

function checkSparse(name: string, v: SparseVector): void {
  const { indices, data } = v;
  if (!isArrayLikeNumbers(indices) || !isArrayLikeNumbers(data)) throw new InvalidInputError(FN, `${name}.indices and ${name}.data must be arrays`, v);
  if (indices.length !== data.length) throw new DimensionMismatchError(FN, `${name}.data must have one value per index (${indices.length})`, data.length);
  let prev = -1;
  for (let k = 0; k < indices.length; k++) {
    const c = indices[k]!;
    if (!Number.isInteger(c) || c <= prev) throw new InvalidInputError(FN, `${name}.indices must be strictly increasing non-negative integers (at ${k})`, c);
    if (!Number.isFinite(data[k])) throw new InvalidInputError(FN, `${name}.data[${k}] must be a finite number`, data[k]);
    prev = c;
  }
}

function checkDense(name: string, v: ArrayLike<number>): void {
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) throw new InvalidInputError(FN, `${name}[${i}] must be a finite number`, v[i]);
  }
}

function toSparse(v: ArrayLike<number>): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== 0) {
      idx.push(i);
      val.push(v[i]!);
    }
  }
  return { indices: idx, data: val };
}

/**
 * Cosine similarity a·b / (‖a‖ ‖b‖) of two dense vectors, two sparse vectors (for example rows of a
 * TF-IDF matrix from `csrRow`), or one of each.
 *
 * @remarks
 * If either vector is all zeros the similarity is 0 (as scikit-learn's `cosine_similarity`, which
 * normalizes zero rows to zero), never NaN. Sparse vectors are merged in O(nnz(a) + nnz(b)); dense
 * vectors cost O(length).
 *
 * @see scikit-learn `sklearn.metrics.pairwise.cosine_similarity`
 * @throws {@link InvalidInputError} on non-finite values or unsorted sparse indices
 * @throws {@link DimensionMismatchError} when two dense vectors differ in length
 * @example
 * ```ts
 * import { cosineSimilarity } from 'crmkit/text';
 * cosineSimilarity([1, 0, 1], [1, 1, 0]); // => 0.4999999999999999
 * cosineSimilarity({ indices: [0, 2], data: [1, 1] }, { indices: [0, 1], data: [1, 1] }); // => 0.4999999999999999
 * cosineSimilarity([0, 0], [1, 2]); // => 0
 * ```
 * @category Similarity
 */
export function cosineSimilarity(a: ArrayLike<number> | SparseVector, b: ArrayLike<number> | SparseVector): number {
  const aSparse = isSparse(a);
  const bSparse = isSparse(b);
  if (!aSparse && !isArrayLikeNumbers(a)) throw new InvalidInputError(FN, 'a must be an array of numbers or { indices, data }', a);
  if (!bSparse && !isArrayLikeNumbers(b)) throw new InvalidInputError(FN, 'b must be an array of numbers or { indices, data }', b);
  if (!aSparse && !bSparse) {
    checkDense('a', a);
    checkDense('b', b);
    if (a.length !== b.length) throw new DimensionMismatchError(FN, `b must have the same length as a (${a.length})`, b.length);
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i++) {
      dot += a[i]! * b[i]!;
      na += a[i]! * a[i]!;
      nb += b[i]! * b[i]!;
    }
    if (needsScaling(na, nb)) return cosineSimilarity(toSparse(a), toSparse(b));
    return finish(dot, na, nb);
  }
  let sa: SparseVector;
  let sb: SparseVector;
  if (aSparse) {
    checkSparse('a', a);
    sa = a;
  } else {
    checkDense('a', a);
    sa = toSparse(a);
  }
  if (bSparse) {
    checkSparse('b', b);
    sb = b;
  } else {
    checkDense('b', b);
    sb = toSparse(b);
  }
  return sparseCosine(sa, sb, false);
}

/** Squares near the underflow or overflow threshold lose precision: rescale by the largest entry. */
function needsScaling(na: number, nb: number): boolean {
  return na < 1e-250 || nb < 1e-250 || na > 1e250 || nb > 1e250;
}

function sparseCosine(sa: SparseVector, sb: SparseVector, scaled: boolean): number {
  let ma = 1;
  let mb = 1;
  if (scaled) {
    ma = 0;
    mb = 0;
    for (let k = 0; k < sa.data.length; k++) ma = Math.max(ma, Math.abs(sa.data[k]!));
    for (let k = 0; k < sb.data.length; k++) mb = Math.max(mb, Math.abs(sb.data[k]!));
    if (ma === 0 || mb === 0) return 0;
  }
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < sa.data.length; k++) na += (sa.data[k]! / ma) ** 2;
  for (let k = 0; k < sb.data.length; k++) nb += (sb.data[k]! / mb) ** 2;
  let i = 0;
  let j = 0;
  while (i < sa.indices.length && j < sb.indices.length) {
    const ci = sa.indices[i]!;
    const cj = sb.indices[j]!;
    if (ci === cj) dot += (sa.data[i++]! / ma) * (sb.data[j++]! / mb);
    else if (ci < cj) i++;
    else j++;
  }
  if (!scaled && needsScaling(na, nb) && na !== 0 && nb !== 0) return sparseCosine(sa, sb, true);
  return finish(dot, na, nb);
}

function finish(dot: number, na: number, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  return dot / (Math.sqrt(na) * Math.sqrt(nb));
}
