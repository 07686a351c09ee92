/**
 * Validation shared by the text functions: CSR matrices (the full canonical form, in one O(rows +
 * nnz) pass), fitted TF-IDF and LDA models (checked once per model object, under the name of the
 * function the user called), id lists and vocabularies.
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import type { CsrMatrix } from '../core/sparse.js';
import type { LdaModel, LdaParams } from './fitLda.js';
import type { TfidfModel, TfidfParams } from './fitTfidf.js';
import { compareCodePoints } from './_patterns.js';

const MAX_INT32 = 2147483647;

/** What a CSR argument must hold besides the canonical form. */
export interface CsrCheck {
  /** Values must be ≥ 0 (counts). */
  nonNegative?: boolean;
  /** Fewest rows. @defaultValue 0 */
  minRows?: number;
  /** What to call the expected matrix in the first error (for example 'a CsrMatrix of counts'). */
  what?: string;
}

/**
 * Checks a CSR matrix argument completely: typed arrays, integer shape in [0, 2³¹ − 1), indptr of
 * length rows + 1 from 0 to nnz and non-decreasing, column indices strictly increasing inside each
 * row and below `cols`, finite values (≥ 0 with `nonNegative`). O(rows + nnz), no allocation.
 */
export function checkCsrMatrix(fn: string, name: string, X: unknown, opts: CsrCheck = {}): CsrMatrix {
  const m = X as CsrMatrix;
  if (
    typeof X !== 'object' || X === null || !(m.indptr instanceof Int32Array) || !(m.indices instanceof Int32Array) || !(m.data instanceof Float64Array) ||
    !Number.isInteger(m.rows) || !Number.isInteger(m.cols)
  ) {
    throw new InvalidInputError(fn, `${name} must be ${opts.what ?? 'a CsrMatrix { rows, cols, indptr: Int32Array, indices: Int32Array, data: Float64Array }'}`, X);
  }
  const { rows, cols, indptr, indices, data } = m;
  if (rows < 0 || rows >= MAX_INT32) throw new InvalidInputError(fn, `${name}.rows must be an integer in [0, ${MAX_INT32 - 1}]`, rows);
  if (cols < 0 || cols >= MAX_INT32) throw new InvalidInputError(fn, `${name}.cols must be an integer in [0, ${MAX_INT32 - 1}]`, cols);
  if (rows < (opts.minRows ?? 0)) throw new InvalidInputError(fn, `${name} must have at least ${opts.minRows} row${opts.minRows === 1 ? '' : 's'}`, rows);
  const nnz = data.length;
  if (indptr.length !== rows + 1 || indices.length !== nnz || indptr[0] !== 0 || indptr[rows] !== nnz) {
    throw new InvalidInputError(fn, `${name} is not a consistent CsrMatrix (indptr must have rows + 1 = ${rows + 1} entries from 0 to nnz = ${nnz}, and indices one per value)`, indptr.length);
  }
  for (let r = 0; r < rows; r++) {
    const a = indptr[r]!;
    const b = indptr[r + 1]!;
    if (b < a) throw new InvalidInputError(fn, `${name}.indptr must be non-decreasing; it falls at row ${r}`, b);
    let prev = -1;
    for (let k = a; k < b; k++) {
      const c = indices[k]!;
      if (c <= prev || c >= cols) throw new InvalidInputError(fn, `${name}.indices of row ${r} must increase strictly and lie in [0, ${cols - 1}]`, c);
      prev = c;
    }
  }
  const nonNeg = opts.nonNegative === true;
  for (let k = 0; k < nnz; k++) {
    const v = data[k]!;
    if (!Number.isFinite(v) || (nonNeg && !(v >= 0))) {
      throw new InvalidInputError(fn, `${name} must hold finite ${nonNeg ? 'counts >= 0' : 'values'}; entry ${k} is not one`, v);
    }
  }
  return m;
}

/** Checks row ids: an array of strings, one per row, no two alike. */
export function checkIds(fn: string, name: string, ids: unknown, rows: number): readonly string[] {
  if (!Array.isArray(ids)) throw new InvalidInputError(fn, `${name} must be an array of string ids`, ids);
  if (ids.length !== rows) return ids as string[]; // the caller reports the length mismatch
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const id: unknown = ids[i];
    if (typeof id !== 'string') throw new InvalidInputError(fn, `${name}[${i}] must be a string`, i in ids ? id : undefined);
    if (seen.has(id)) throw new InvalidInputError(fn, `${name}[${i}] repeats an earlier id`, id);
    seen.add(id);
  }
  return ids as string[];
}

/** Checks a `vocabulary` option: `size` strings (one per matrix column). */
export function checkVocabulary(fn: string, name: string, vocab: unknown, size: number): readonly string[] {
  if (!Array.isArray(vocab) || vocab.length !== size) throw new InvalidOptionError(fn, `${name} must have ${size} terms`, vocab);
  for (let i = 0; i < size; i++) {
    if (typeof vocab[i] !== 'string') throw new InvalidOptionError(fn, `${name}[${i}] must be a string`, i in vocab ? vocab[i] : undefined);
  }
  return vocab as string[];
}

const checkedModels = new WeakMap<object, string>();

/**
 * Runs a model's structural check (the one its `parse…Model` runs) under the calling function's
 * name, once per model object: later calls with the same object skip it. Models are plain readonly
 * data; an object edited after its first use is not re-checked.
 */
export function checkedModel<T>(fn: string, model: unknown, tag: string, check: (fn: string, json: unknown) => T): T {
  if (typeof model === 'object' && model !== null && checkedModels.get(model) === tag) return model as T;
  const m = check(fn, model);
  checkedModels.set(model as object, tag);
  return m;
}

const isInt = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';

function isDfBound(x: unknown): boolean {
  if (isInt(x, 0)) return true;
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  const p = (x as { proportion?: unknown }).proportion;
  return keys.length === 1 && keys[0] === 'proportion' && isNum(p) && p >= 0 && p <= 1;
}

/** Relative slack on the idf bounds (rounding of ln). */
const IDF_SLACK = 1e-12;

/**
 * Structural check of a TF-IDF model (the body of `parseTfidfModel`): kind and version, params as
 * `fitTfidf` resolves them, a vocabulary of distinct strings (in code-point order unless it was
 * given), and one idf per term inside what n documents can produce: 1 ≤ idf ≤ ln(n + 1) + 1
 * smoothed, ≤ ln(n) + 1 unsmoothed, exactly 1 without idf.
 */
export function checkTfidfModel(fn: string, json: unknown): TfidfModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ModelFormatError(fn, 'model must be an object', json);
  const m = json as Partial<TfidfModel>;
  if (m.kind !== 'tfidf') throw new ModelFormatError(fn, "kind must be 'tfidf'", m.kind);
  if (m.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', m.formatVersion);
  const p = m.params as Partial<TfidfParams> | undefined;
  const tok = p?.tokenize as Partial<TfidfParams['tokenize']> | undefined;
  if (
    typeof p !== 'object' || p === null ||
    !isDfBound(p.minDf) || !isDfBound(p.maxDf) || !(p.maxFeatures === null || isInt(p.maxFeatures, 1)) ||
    !isBool(p.sublinearTf) || !isBool(p.smoothIdf) || !isBool(p.useIdf) || !isBool(p.fixedVocabulary) ||
    !(p.norm === 'l2' || p.norm === 'l1' || p.norm === null) ||
    !Array.isArray(p.ngramRange) || p.ngramRange.length !== 2 || !isInt(p.ngramRange[0], 1) || !isInt(p.ngramRange[1], p.ngramRange[0]) ||
    typeof tok !== 'object' || tok === null || !(tok.lang === 'auto' || tok.lang === 'en' || tok.lang === 'zh') || !isBool(tok.lowercase) || !isBool(tok.keepEntities) ||
    !(p.stopWords === null || p.stopWords === 'english' || p.stopWords === 'chinese' || p.stopWords === 'both' || (Array.isArray(p.stopWords) && p.stopWords.every((w) => typeof w === 'string')))
  ) {
    throw new ModelFormatError(fn, 'params are malformed', p);
  }
  const n = m.nDocuments;
  if (!isInt(n, 1)) throw new ModelFormatError(fn, 'nDocuments must be a positive integer', n);
  const vocab = m.vocabulary;
  if (!Array.isArray(vocab) || vocab.length === 0) throw new ModelFormatError(fn, 'vocabulary must be a non-empty array of strings', vocab);
  const seen = new Set<string>();
  for (let i = 0; i < vocab.length; i++) {
    const t: unknown = vocab[i];
    if (typeof t !== 'string') throw new ModelFormatError(fn, `vocabulary[${i}] must be a string`, i in vocab ? t : undefined);
    if (seen.has(t)) throw new ModelFormatError(fn, `vocabulary[${i}] repeats an earlier term`, t);
    seen.add(t);
    if (!p.fixedVocabulary && i > 0 && compareCodePoints(vocab[i - 1]!, t) > 0) {
      throw new ModelFormatError(fn, `vocabulary must be in code-point order (as fitTfidf sorts it); vocabulary[${i}] is out of order`, t);
    }
  }
  if (!p.fixedVocabulary && p.maxFeatures !== null && vocab.length > p.maxFeatures!) {
    throw new ModelFormatError(fn, `vocabulary has more terms than params.maxFeatures (${p.maxFeatures})`, vocab.length);
  }
  const idf = m.idf;
  if (!Array.isArray(idf) || idf.length !== vocab.length) throw new ModelFormatError(fn, 'idf must have one value per vocabulary term', idf);
  const hi = !p.useIdf ? 1 : (p.smoothIdf ? Math.log(n + 1) : Math.log(n)) + 1;
  for (let i = 0; i < idf.length; i++) {
    const x: unknown = idf[i];
    const ok = !p.useIdf ? x === 1 : isNum(x) && x >= 1 - IDF_SLACK && x <= hi * (1 + IDF_SLACK);
    if (!ok) {
      throw new ModelFormatError(fn, p.useIdf ? `idf[${i}] must be a number in [1, ${hi}] (what ${n} documents can give)` : `idf[${i}] must be 1 (params.useIdf is false)`, i in idf ? x : undefined);
    }
  }
  return m as TfidfModel;
}

/** Largest topic–word weight accepted: λ counts words, and no corpus holds 2⁵³ of them. */
export const MAX_LDA_WEIGHT = 2 ** 53;
/** Most passes (`maxIterations`) and E-step updates per document (`maxDocUpdateIterations`) accepted. */
export const MAX_LDA_ITERATIONS = 100_000;

/**
 * Structural check of an LDA model (the body of `parseLdaModel`): kind and version, every param in
 * the range `fitLda` accepts, `iterations` and `perplexity`, and nTopics rows of positive finite
 * weights (at most 2⁵³ each), one per term.
 */
export function checkLdaModel(fn: string, json: unknown): LdaModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ModelFormatError(fn, 'model must be an object', json);
  const m = json as Partial<LdaModel>;
  if (m.kind !== 'lda') throw new ModelFormatError(fn, "kind must be 'lda'", m.kind);
  if (m.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', m.formatVersion);
  const p = m.params as Partial<LdaParams> | undefined;
  const pos = (x: unknown): boolean => isNum(x) && x > 0;
  const prior = (x: unknown): boolean => pos(x) && (x as number) <= MAX_LDA_WEIGHT;
  if (
    typeof p !== 'object' || p === null || !isInt(p.nTopics, 1) || !prior(p.docTopicPrior) || !prior(p.topicWordPrior) ||
    !(p.learningMethod === 'batch' || p.learningMethod === 'online') ||
    !isNum(p.learningDecay) || p.learningDecay < 0.5 || p.learningDecay > 1 || !isNum(p.learningOffset) || p.learningOffset < 1 ||
    !isInt(p.maxIterations, 1) || p.maxIterations > MAX_LDA_ITERATIONS || !isInt(p.batchSize, 1) || !isInt(p.evaluateEvery, 0) ||
    !isNum(p.perplexityTolerance) || p.perplexityTolerance < 0 || !isNum(p.meanChangeTolerance) || p.meanChangeTolerance < 0 ||
    !isInt(p.maxDocUpdateIterations, 1) || p.maxDocUpdateIterations > MAX_LDA_ITERATIONS || !isInt(p.seed, 0) || p.seed > 0xffffffff
  ) {
    throw new ModelFormatError(fn, 'params are malformed', p);
  }
  if (!isInt(m.iterations, 0)) throw new ModelFormatError(fn, 'iterations must be an integer >= 0', m.iterations);
  if (!pos(m.perplexity)) throw new ModelFormatError(fn, 'perplexity must be a finite number > 0', m.perplexity);
  const c = m.components;
  if (!Array.isArray(c) || c.length !== p.nTopics) throw new ModelFormatError(fn, 'components must have one row per topic', c);
  const V = Array.isArray(c[0]) ? c[0].length : 0;
  for (let k = 0; k < c.length; k++) {
    const row: unknown = c[k];
    if (!Array.isArray(row) || row.length !== V || V === 0) throw new ModelFormatError(fn, `components[${k}] must be an array of weights, one per term, as long as components[0]`, row);
    for (let v = 0; v < V; v++) {
      const x: unknown = row[v];
      if (!pos(x) || (x as number) > MAX_LDA_WEIGHT) throw new ModelFormatError(fn, `components[${k}][${v}] must be a number in (0, 2^53]`, v in row ? x : undefined);
    }
  }
  return m as LdaModel;
}
