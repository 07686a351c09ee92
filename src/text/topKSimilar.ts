import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { func, integerInRange, options as checkOptions, rethrowAs } from '../core/validate.js';
import type { Document } from './_analyzer.js';
import type { CsrMatrix } from './_csr.js';
import { checkCsrMatrix, checkedModel, checkTfidfModel } from './_check.js';
import type { TfidfModel } from './fitTfidf.js';
import type { Segmenter } from './tokenize.js';
import { transformTfidf } from './transformTfidf.js';

/** Options of {@link topKSimilar}. */
export interface TopKSimilarOptions {
  /** How many neighbours per query. @defaultValue 10 */
  k?: number;
  /**
   * Skip corpus row `i` for query `i` (when the queries are the corpus itself, so a post is not its
   * own nearest neighbour).
   * @defaultValue false
   */
  excludeSelf?: boolean;
  /** Chinese segmenter for string documents, as in {@link tokenize}. */
  segmenter?: Segmenter;
}

/** The neighbours of one query, most similar first. */
export interface SimilarItems {
  /** Corpus row indices. */
  indices: number[];
  /** Cosine similarities, non-increasing; ties are ordered by index. */
  scores: number[];
}

const FN = 'text/topKSimilar';

function isCsr(x: unknown): x is CsrMatrix {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'indptr' in x && 'indices' in x && 'data' in x;
}

function rowsOf(name: string, x: unknown, model: TfidfModel, segmenter: Segmenter | undefined): CsrMatrix {
  if (isCsr(x)) {
    checkCsrMatrix(FN, name, x, { what: 'documents or a CSR matrix (Int32Array indptr/indices, Float64Array data)' });
    if (x.cols !== model.vocabulary.length) {
      throw new DimensionMismatchError(FN, `${name}.cols must equal the model's vocabulary size (${model.vocabulary.length})`, x.cols);
    }
    return x;
  }
  try {
    return transformTfidf(model, x as readonly Document[], segmenter === undefined ? {} : { segmenter });
  } catch (e) {
    rethrowAs(FN, e); // the errors of the inner transform name topKSimilar, the function called
  }
}

/** Row-normalized copy of the data (zero rows stay zero), as scikit-learn's `normalize`. */
function normalizedData(m: CsrMatrix): Float64Array {
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) {
    const a = m.indptr[i]!;
    const b = m.indptr[i + 1]!;
    let s = 0;
    for (let k = a; k < b; k++) s += m.data[k]! * m.data[k]!;
    s = Math.sqrt(s);
    for (let k = a; k < b; k++) out[k] = s === 0 ? 0 : m.data[k]! / s;
  }
  return out;
}

/**
 * For each query, the `k` corpus rows with the highest cosine similarity of their TF-IDF vectors:
 * content-based recommendation of similar posts, ads or customers.
 *
 * @remarks
 * Queries and corpus are documents (transformed with `model`) or TF-IDF CSR matrices from
 * {@link transformTfidf}. Rows are L2-normalized, the corpus is inverted (term → rows), and each
 * query accumulates scores only over the corpus rows sharing a term with it, then keeps the best k
 * in a heap; the dense queries × corpus matrix is never built. Cost O(Σ over query terms of the
 * term's posting length + touched rows × log k) per query, memory O(nnz + corpus rows). Rows sharing
 * no term with the query (similarity 0) are never returned, so a list may hold fewer than k items.
 * The similarities equal scikit-learn's `cosine_similarity` to rounding, and the lists equal its
 * top-k (ties broken by lower index).
 *
 * @see scikit-learn `sklearn.metrics.pairwise.cosine_similarity` followed by an argsort per row
 * @throws {@link InvalidInputError} on bad documents or matrices
 * @throws {@link DimensionMismatchError} when a matrix's column count is not the vocabulary size
 * @throws {@link InvalidOptionError} on a bad `k`
 * @example
 * ```ts
 * import { fitTfidf, topKSimilar } from 'crmkit/text';
 * const corpus = [['late', 'flight'], ['lost', 'bag'], ['late', 'bag', 'again'], ['great', 'crew']];
 * const model = fitTfidf(corpus);
 * const [hit] = topKSimilar(model, [['late', 'bag']], corpus, { k: 2 });
 * hit!.indices; // => [2, 0]
 * ```
 * @category Similarity
 */
export function topKSimilar(
  model: TfidfModel,
  queries: readonly Document[] | CsrMatrix,
  corpus: readonly Document[] | CsrMatrix,
  options?: TopKSimilarOptions,
): SimilarItems[] {
  const m = checkedModel(FN, model, 'tfidf', checkTfidfModel);
  const o = checkOptions(FN, options, ['k', 'excludeSelf', 'segmenter']);
  const k = o.k === undefined ? 10 : integerInRange(FN, 'options.k', o.k, { min: 1 });
  const excludeSelf = o.excludeSelf === true;
  if (o.excludeSelf !== undefined && typeof o.excludeSelf !== 'boolean') throw new InvalidInputError(FN, 'options.excludeSelf must be a boolean', o.excludeSelf);
  const segmenter = o.segmenter === undefined ? undefined : func<Segmenter>(FN, 'options.segmenter', o.segmenter);
  const Q = rowsOf('queries', queries, m, segmenter);
  const X = rowsOf('corpus', corpus, m, segmenter);
  const qData = normalizedData(Q);
  const xData = normalizedData(X);

  // Invert the corpus: for each column, the rows holding it (CSC layout), rows increasing.
  const nCols = X.cols;
  const colPtr = new Int32Array(nCols + 1);
  for (let t = 0; t < X.indices.length; t++) colPtr[X.indices[t]! + 1]!++;
  for (let c = 0; c < nCols; c++) colPtr[c + 1]! += colPtr[c]!;
  const fill = colPtr.slice(0, nCols);
  const rowIdx = new Int32Array(X.indices.length);
  const vals = new Float64Array(X.indices.length);
  for (let r = 0; r < X.rows; r++) {
    for (let t = X.indptr[r]!; t < X.indptr[r + 1]!; t++) {
      const pos = fill[X.indices[t]!]!++;
      rowIdx[pos] = r;
      vals[pos] = xData[t]!;
    }
  }

  const scores = new Float64Array(X.rows);
  const seen = new Uint8Array(X.rows);
  const touched = new Int32Array(X.rows);
  // The heap never holds more than the corpus rows, whatever k is.
  const heapIdx = new Int32Array(Math.min(k, X.rows));
  const heapScore = new Float64Array(heapIdx.length);
  const out: SimilarItems[] = [];
  for (let q = 0; q < Q.rows; q++) {
    let nTouched = 0;
    for (let t = Q.indptr[q]!; t < Q.indptr[q + 1]!; t++) {
      const c = Q.indices[t]!;
      const w = qData[t]!;
      for (let p = colPtr[c]!; p < colPtr[c + 1]!; p++) {
        const r = rowIdx[p]!;
        if (seen[r] === 0) {
          seen[r] = 1;
          touched[nTouched++] = r;
        }
        scores[r]! += w * vals[p]!;
      }
    }
    // Min-heap of the best k: the root is the worst kept (lowest score, then highest index).
    let size = 0;
    for (let u = 0; u < nTouched; u++) {
      const r = touched[u]!;
      const s = scores[r]!;
      scores[r] = 0;
      seen[r] = 0;
      if (s <= 0 || (excludeSelf && r === q)) continue;
      if (size < k) {
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!worse(s, r, heapScore[parent]!, heapIdx[parent]!)) break;
          heapScore[i] = heapScore[parent]!;
          heapIdx[i] = heapIdx[parent]!;
          i = parent;
        }
        heapScore[i] = s;
        heapIdx[i] = r;
      } else if (worse(heapScore[0]!, heapIdx[0]!, s, r)) {
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          let child = l;
          if (l + 1 < size && worse(heapScore[l + 1]!, heapIdx[l + 1]!, heapScore[l]!, heapIdx[l]!)) child = l + 1;
          if (!worse(heapScore[child]!, heapIdx[child]!, s, r)) break;
          heapScore[i] = heapScore[child]!;
          heapIdx[i] = heapIdx[child]!;
          i = child;
        }
        heapScore[i] = s;
        heapIdx[i] = r;
      }
    }
    const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => heapScore[b]! - heapScore[a]! || heapIdx[a]! - heapIdx[b]!);
    out.push({ indices: order.map((i) => heapIdx[i]!), scores: order.map((i) => heapScore[i]!) });
  }
  return out;
}

/** Whether (s1, r1) ranks below (s2, r2): lower score, or equal score and higher index. */
function worse(s1: number, r1: number, s2: number, r2: number): boolean {
  return s1 < s2 || (s1 === s2 && r1 > r2);
}
