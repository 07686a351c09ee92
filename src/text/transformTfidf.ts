import { options as checkOptions, func } from '../core/validate.js';
import { analyze, checkDocs, type Document } from './_analyzer.js';
import type { CsrMatrix } from './_csr.js';
import { checkedModel, checkTfidfModel } from './_check.js';
import { analyzerConfig, type TfidfModel } from './fitTfidf.js';
import type { Segmenter } from './tokenize.js';

/** Options of {@link transformTfidf}. */
export interface TransformTfidfOptions {
  /** Chinese segmenter for string documents (functions are not stored in the model). @defaultValue Intl.Segmenter */
  segmenter?: Segmenter;
}

const FN = 'text/transformTfidf';
const vocabCache = new WeakMap<readonly string[], Map<string, number>>();

/** The term → column map of a model (cached per vocabulary array). */
export function vocabularyMap(model: TfidfModel): Map<string, number> {
  let m = vocabCache.get(model.vocabulary);
  if (m === undefined) {
    m = new Map();
    const v = model.vocabulary;
    for (let i = 0; i < v.length; i++) m.set(v[i]!, i);
    vocabCache.set(model.vocabulary, m);
  }
  return m;
}

/**
 * Turns documents into TF-IDF rows (a CSR matrix, one row per document) with a fitted model, as
 * scikit-learn's `TfidfVectorizer.transform`.
 *
 * @remarks
 * Per document: raw term counts over the model's vocabulary (unknown terms ignored), tf → 1 + ln(tf)
 * when `sublinearTf`, times idf, then each row divided by its L2 (or L1) norm. A document with no
 * vocabulary term is an all-zero row (no stored entries), never NaN. Column indices are increasing
 * within each row. Cost O(total terms + nnz log(row length)).
 *
 * @see scikit-learn `TfidfVectorizer.transform`
 * @throws {@link InvalidInputError} when docs is not an array of strings / string arrays
 * @throws {@link ModelFormatError} when `model` is not a valid TF-IDF model
 * @example
 * ```ts
 * import { fitTfidf, transformTfidf } from 'crmkit/text';
 * const model = fitTfidf([['late', 'flight'], ['great', 'flight'], ['late', 'bag']]);
 * const X = transformTfidf(model, [['late', 'late', 'flight'], ['unknown']]);
 * Array.from(X.indptr); // => [0, 2, 2]
 * Array.from(X.indices); // => [1, 3]
 * X.data[1]; // => 0.8944271909999159
 * ```
 * @category TF-IDF
 */
export function transformTfidf(model: TfidfModel, docs: readonly Document[], options?: TransformTfidfOptions): CsrMatrix {
  const m = checkedModel(FN, model, 'tfidf', checkTfidfModel);
  const corpus = checkDocs(FN, docs, 0);
  const o = checkOptions(FN, options, ['segmenter']);
  const segmenter = o.segmenter === undefined ? undefined : func<Segmenter>(FN, 'options.segmenter', o.segmenter);
  const cfg = analyzerConfig(m.params, segmenter);
  const buf: string[] = [];
  return weighTerms(m, corpus.length, (d) => analyze(FN, corpus[d]!, cfg, buf));
}

/** TF-IDF rows from each document's analyzed terms (`termsOf(d)`), for a validated model. */
export function weighTerms(m: TfidfModel, rows: number, termsOf: (d: number) => readonly string[]): CsrMatrix {
  const vocab = vocabularyMap(m);
  const idf = Float64Array.from(m.idf);
  const { sublinearTf, norm } = m.params;
  const indptr = new Int32Array(rows + 1);
  let indices = new Int32Array(Math.max(16, rows * 8));
  let data = new Float64Array(indices.length);
  let nnz = 0;
  let cols: number[] = [];
  for (let d = 0; d < rows; d++) {
    cols.length = 0;
    for (const term of termsOf(d)) {
      const c = vocab.get(term);
      if (c !== undefined) cols.push(c);
    }
    if (cols.length > 1) cols.sort((a, b) => a - b);
    const rowStart = nnz;
    if (nnz + cols.length > indices.length) {
      const size = Math.max(indices.length * 2, nnz + cols.length);
      const ni = new Int32Array(size);
      ni.set(indices);
      indices = ni;
      const nd = new Float64Array(size);
      nd.set(data);
      data = nd;
    }
    for (let i = 0; i < cols.length; ) {
      const c = cols[i]!;
      let j = i + 1;
      while (j < cols.length && cols[j] === c) j++;
      const count = j - i;
      const tf = sublinearTf ? Math.log(count) + 1 : count;
      indices[nnz] = c;
      data[nnz] = tf * idf[c]!;
      nnz++;
      i = j;
    }
    if (norm !== null && nnz > rowStart) {
      let s = 0;
      if (norm === 'l2') {
        for (let k = rowStart; k < nnz; k++) s += data[k]! * data[k]!;
        s = Math.sqrt(s);
      } else {
        for (let k = rowStart; k < nnz; k++) s += Math.abs(data[k]!);
      }
      for (let k = rowStart; k < nnz; k++) data[k] = data[k]! / s;
    }
    indptr[d + 1] = nnz;
  }
  cols = [];
  return { rows, cols: m.vocabulary.length, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) };
}
