import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { taskControl, type LongRunOptions, type TaskControl } from '../core/progress.js';
import { arrayLike, boolean, integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { type AnalyzerConfig, analyze, checkDocs, type Document } from './_analyzer.js';
import { checkTfidfModel } from './_check.js';
import { compareCodePoints } from './_patterns.js';
import { stopSet } from './normalizePost.js';
import { resolveTokenizeOptions, type Segmenter, type TokenizeOptions } from './tokenize.js';

export type { Document } from './_analyzer.js';

/** A document-frequency bound: an integer count of documents, or a proportion of them. */
export type DfBound = number | { proportion: number };

/** Options of {@link fitTfidf}; names and defaults follow scikit-learn's `TfidfVectorizer`. */
export interface FitTfidfOptions extends LongRunOptions {
  /**
   * Ignore terms in fewer documents than this: an integer count, or `{ proportion }` in [0, 1]
   * (scikit-learn's float `min_df`).
   * @defaultValue 1
   */
  minDf?: DfBound;
  /**
   * Ignore terms in more documents than this (corpus-specific stop words): a count, or
   * `{ proportion }` in [0, 1].
   * @defaultValue { proportion: 1 }
   */
  maxDf?: DfBound;
  /** Keep only the terms with the highest total counts (ties: earlier in code-point order). @defaultValue no limit */
  maxFeatures?: number;
  /** Smallest and largest word n-gram length; n-grams are tokens joined by one space. @defaultValue [1, 1] */
  ngramRange?: readonly [number, number];
  /** Replace tf by 1 + ln(tf). @defaultValue false */
  sublinearTf?: boolean;
  /** Add one to document frequencies, as if one extra document held every term. @defaultValue true */
  smoothIdf?: boolean;
  /** Weight by idf (false: tf only, then normalized). @defaultValue true */
  useIdf?: boolean;
  /** Row normalization. @defaultValue 'l2' */
  norm?: 'l2' | 'l1' | null;
  /** A fixed vocabulary (column order as given); minDf, maxDf and maxFeatures are then ignored. */
  vocabulary?: readonly string[];
  /**
   * Stop words removed before n-grams are built: `'english'` ({@link ENGLISH_STOP_WORDS}, as
   * scikit-learn's `stop_words='english'`), `'chinese'`, `'both'`, or your list.
   * @defaultValue none
   */
  stopWords?: 'english' | 'chinese' | 'both' | readonly string[];
  /** How string documents are tokenized (see {@link tokenize}); ignored for pre-tokenized documents. */
  tokenize?: TokenizeOptions;
}

/** The resolved, JSON-ready parameters stored in a {@link TfidfModel}. */
export interface TfidfParams {
  minDf: DfBound;
  maxDf: DfBound;
  maxFeatures: number | null;
  ngramRange: [number, number];
  sublinearTf: boolean;
  smoothIdf: boolean;
  useIdf: boolean;
  norm: 'l2' | 'l1' | null;
  stopWords: 'english' | 'chinese' | 'both' | string[] | null;
  fixedVocabulary: boolean;
  tokenize: { lang: 'auto' | 'en' | 'zh'; lowercase: boolean; keepEntities: boolean };
}

/** A fitted TF-IDF model: plain JSON. Column `j` of a transformed matrix is `vocabulary[j]`. */
export interface TfidfModel {
  kind: 'tfidf';
  formatVersion: 1;
  params: TfidfParams;
  /** Terms in column order (code-point order unless a vocabulary was given). */
  vocabulary: string[];
  /** Inverse document frequency of each column (all 1 when `useIdf` is false). */
  idf: number[];
  /** Documents the model was fitted on. */
  nDocuments: number;
}

const FN = 'text/fitTfidf';
const KEYS = ['minDf', 'maxDf', 'maxFeatures', 'ngramRange', 'sublinearTf', 'smoothIdf', 'useIdf', 'norm', 'vocabulary', 'stopWords', 'tokenize', 'signal', 'onProgress'];

/**
 * Learns a TF-IDF vocabulary and idf weights from documents, as scikit-learn's `TfidfVectorizer.fit`.
 *
 * @remarks
 * Terms are tokens (strings tokenized by {@link tokenize}, or your pre-tokenized lists used as
 * they are) after stop-word removal, plus word n-grams for `ngramRange`. The vocabulary keeps terms
 * whose document frequency df lies in [minDf, maxDf], then the `maxFeatures` most frequent, sorted
 * in code-point order (Python's `sorted`). idf = ln((1 + n) / (1 + df)) + 1 with `smoothIdf`,
 * ln(n / df) + 1 without. With pre-tokenized input the vocabulary, idf and transformed weights equal
 * scikit-learn 1.2.1's (`TfidfVectorizer(analyzer=identity)`, or `tokenizer=identity` for n-grams)
 * to 1e-12. Ties at the `maxFeatures` cut are broken by code-point order (scikit-learn's order there
 * depends on numpy's unstable argsort). Tokens are kept in `Map`s, so `__proto__` or `constructor`
 * are ordinary terms. Cost O(total terms + V log V).
 *
 * @see scikit-learn `sklearn.feature_extraction.text.TfidfVectorizer`
 * @throws {@link InvalidInputError} when docs is empty or not strings / string arrays, or no term
 *   survives the df bounds (scikit-learn's "After pruning, no terms remain" and "empty vocabulary")
 * @throws {@link InvalidOptionError} on a bad option, or maxDf below minDf in documents
 * @throws {@link AbortError} when `signal` fires (checked every 256 documents; with `onProgress`, reports documents counted)
 * @example
 * ```ts
 * import { fitTfidf } from 'crmkit/text';
 * const model = fitTfidf([['late', 'flight'], ['great', 'flight'], ['late', 'bag']]);
 * model.vocabulary; // => ['bag', 'flight', 'great', 'late']
 * model.idf[1]; // => 1.2876820724517808
 * fitTfidf(['#United late again', 'late flight #united']).vocabulary; // => ['#united', 'again', 'flight', 'late']
 * ```
 * @category TF-IDF
 */
export function fitTfidf(docs: readonly Document[], options?: FitTfidfOptions): TfidfModel {
  return runSteps(fitTfidfSteps(FN, docs, options));
}

/**
 * {@link fitTfidf} as an awaitable: the same vocabulary and idf, that hands control back to the
 * event loop about every 20 ms (every 256 documents while terms are counted), so `signal` fired by
 * a timer or a button stops it within one slice: TF-IDF on a large corpus without freezing a page.
 *
 * @remarks The synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link fitTfidf} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitTfidfAsync } from 'crmkit/text';
 * const model = await fitTfidfAsync([['late', 'flight'], ['great', 'flight'], ['late', 'bag']]);
 * model.vocabulary; // => ['bag', 'flight', 'great', 'late']
 * ```
 * @category TF-IDF
 */
export function fitTfidfAsync(docs: readonly Document[], options?: FitTfidfOptions): Promise<TfidfModel> {
  return runStepsAsync(`${FN}Async`, fitTfidfSteps(`${FN}Async`, docs, options), options);
}

/** The kernel of {@link fitTfidf} and {@link fitTfidfAsync} (core/_steps). */
function* fitTfidfSteps(fn: string, docs: readonly Document[], options?: FitTfidfOptions): Steps<TfidfModel> {
  const prep = prepareFit(fn, docs, options);
  const buf: string[] = [];
  return yield* fitFromTermsSteps(prep, (d) => analyze(fn, prep.corpus[d]!, prep.cfg, buf));
}

/** Validated inputs of a fit (shared with fitTransformTfidf). */
export interface FitPrep {
  corpus: readonly Document[];
  params: TfidfParams;
  cfg: AnalyzerConfig;
  vocabulary: readonly string[] | undefined;
  fn: string;
  /** Checkpoints for `signal` / `onProgress`. */
  task: TaskControl;
}

/** Validates docs and options of a fit. */
export function prepareFit(fn: string, docs: readonly Document[], options: FitTfidfOptions | undefined): FitPrep {
  const corpus = checkDocs(fn, docs, 1);
  const o = checkOptions(fn, options, KEYS);
  const tokenizeOpts = checkOptions<TokenizeOptions>(fn, o.tokenize, ['lang', 'lowercase', 'keepEntities', 'segmenter']);
  const tokenizer = resolveTokenizeOptions(fn, tokenizeOpts, 'options.tokenize');
  const params = resolveParams(o, tokenizer);
  return { corpus, params, cfg: analyzerConfig(params, tokenizer.segmenter), vocabulary: o.vocabulary, fn, task: taskControl(fn, o) };
}

/** Fits from each document's terms (`termsOf(d)`, already analyzed). */
export function fitFromTerms(prep: FitPrep, termsOf: (d: number) => readonly string[]): TfidfModel {
  return runSteps(fitFromTermsSteps(prep, termsOf));
}

/** {@link fitFromTerms} as a kernel: a checkpoint and a yield every 256 documents (core/_steps). */
export function* fitFromTermsSteps(prep: FitPrep, termsOf: (d: number) => readonly string[]): Steps<TfidfModel> {
  const { params, corpus } = prep;
  const docs = corpus;
  const n = corpus.length;

  // Count document frequencies and total counts per term, in first-seen order.
  const ids = new Map<string, number>();
  const terms: string[] = [];
  let df = new Int32Array(1024);
  let tf = new Float64Array(1024);
  let lastDoc = new Int32Array(1024).fill(-1);
  const fixed = prep.vocabulary !== undefined ? vocabularyIndex(prep.vocabulary) : null;
  for (let d = 0; d < n; d++) {
    if ((d & 255) === 255) {
      prep.task.checkpoint(d, n, 'counting terms');
      yield;
    }
    for (const term of termsOf(d)) {
      let id = ids.get(term);
      if (id === undefined) {
        if (fixed !== null && !fixed.has(term)) continue;
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        if (id >= df.length) {
          df = grow(df, 0);
          tf = grow(tf, 0);
          lastDoc = grow(lastDoc, -1);
        }
      }
      tf[id]! += 1;
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        df[id]! += 1;
      }
    }
  }

  let vocabulary: string[];
  let dfOut: number[];
  if (fixed !== null) {
    vocabulary = prep.vocabulary!.slice();
    dfOut = vocabulary.map((t) => {
      const id = ids.get(t);
      return id === undefined ? 0 : df[id]!;
    });
  } else {
    if (terms.length === 0) {
      throw new InvalidInputError(prep.fn, 'empty vocabulary: the documents hold no terms (only stop words or punctuation?)', docs);
    }
    const minCount = typeof params.minDf === 'number' ? params.minDf : params.minDf.proportion * n;
    const maxCount = typeof params.maxDf === 'number' ? params.maxDf : params.maxDf.proportion * n;
    if (maxCount < minCount) {
      throw new InvalidOptionError(prep.fn, `options.maxDf corresponds to fewer documents than options.minDf (${maxCount} < ${minCount})`, params.maxDf);
    }
    let kept: number[] = [];
    for (let id = 0; id < terms.length; id++) if (df[id]! >= minCount && df[id]! <= maxCount) kept.push(id);
    if (kept.length === 0) {
      throw new InvalidInputError(prep.fn, 'after pruning by minDf/maxDf no terms remain; lower minDf or raise maxDf', docs);
    }
    if (params.maxFeatures !== null && kept.length > params.maxFeatures) {
      kept.sort((a, b) => tf[b]! - tf[a]! || compareCodePoints(terms[a]!, terms[b]!));
      kept = kept.slice(0, params.maxFeatures);
    }
    kept.sort((a, b) => compareCodePoints(terms[a]!, terms[b]!));
    vocabulary = kept.map((id) => terms[id]!);
    dfOut = kept.map((id) => df[id]!);
  }

  const idf = dfOut.map((f) => {
    if (!params.useIdf) return 1;
    return params.smoothIdf ? Math.log((n + 1) / (f + 1)) + 1 : Math.log(n / f) + 1;
  });
  if (params.useIdf && !params.smoothIdf && dfOut.some((f) => f === 0)) {
    throw new InvalidInputError(prep.fn, 'a vocabulary term occurs in no document, so its idf ln(n/0) is infinite; use smoothIdf: true', vocabulary[dfOut.indexOf(0)]);
  }
  prep.task.checkpoint(n, n);
  return { kind: 'tfidf', formatVersion: 1, params, vocabulary, idf, nDocuments: n };
}

function grow<T extends Int32Array | Float64Array>(a: T, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

function vocabularyIndex(vocab: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  vocab.forEach((t, i) => m.set(t, i));
  return m;
}

function dfBound(name: string, x: unknown, dflt: DfBound): DfBound {
  if (x === undefined) return dflt;
  if (typeof x === 'number') return integerInRange(FN, name, x, { min: 0 });
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const keys = Object.keys(x);
    if (keys.length === 1 && keys[0] === 'proportion') {
      return { proportion: numberInRange(FN, `${name}.proportion`, (x as { proportion: unknown }).proportion, { min: 0, max: 1 }) };
    }
  }
  throw new InvalidOptionError(FN, `${name} must be an integer count or { proportion } in [0, 1]`, x);
}

function resolveParams(o: Partial<FitTfidfOptions>, tok: { lang: 'auto' | 'en' | 'zh'; lowercase: boolean; keepEntities: boolean }): TfidfParams {
  let ngramRange: [number, number] = [1, 1];
  if (o.ngramRange !== undefined) {
    const r = arrayLike<unknown>(FN, 'options.ngramRange', o.ngramRange);
    if (r.length !== 2) throw new InvalidOptionError(FN, 'options.ngramRange must be [minN, maxN]', o.ngramRange);
    const lo = integerInRange(FN, 'options.ngramRange[0]', r[0], { min: 1 });
    const hi = integerInRange(FN, 'options.ngramRange[1]', r[1], { min: lo });
    ngramRange = [lo, hi];
  }
  let stopWords: TfidfParams['stopWords'] = null;
  if (o.stopWords !== undefined) {
    if (typeof o.stopWords === 'string') stopWords = oneOf(FN, 'options.stopWords', o.stopWords, ['english', 'chinese', 'both'] as const);
    else {
      const arr = arrayLike<unknown>(FN, 'options.stopWords', o.stopWords);
      stopWords = [];
      for (let i = 0; i < arr.length; i++) {
        if (typeof arr[i] !== 'string') throw new InvalidOptionError(FN, `options.stopWords[${i}] must be a string`, arr[i]);
        stopWords.push(arr[i] as string);
      }
    }
  }
  if (o.vocabulary !== undefined) {
    const v = arrayLike<unknown>(FN, 'options.vocabulary', o.vocabulary, 1);
    const seen = new Set<string>();
    for (let i = 0; i < v.length; i++) {
      const t = v[i];
      if (typeof t !== 'string') throw new InvalidOptionError(FN, `options.vocabulary[${i}] must be a string`, t);
      if (seen.has(t)) throw new InvalidOptionError(FN, `options.vocabulary has a duplicate term at index ${i}`, t);
      seen.add(t);
    }
  }
  return {
    minDf: dfBound('options.minDf', o.minDf, 1),
    maxDf: dfBound('options.maxDf', o.maxDf, { proportion: 1 }),
    maxFeatures: o.maxFeatures === undefined ? null : integerInRange(FN, 'options.maxFeatures', o.maxFeatures, { min: 1 }),
    ngramRange,
    sublinearTf: o.sublinearTf === undefined ? false : boolean(FN, 'options.sublinearTf', o.sublinearTf),
    smoothIdf: o.smoothIdf === undefined ? true : boolean(FN, 'options.smoothIdf', o.smoothIdf),
    useIdf: o.useIdf === undefined ? true : boolean(FN, 'options.useIdf', o.useIdf),
    norm: o.norm === undefined ? 'l2' : o.norm === null ? null : oneOf(FN, 'options.norm', o.norm, ['l2', 'l1'] as const),
    stopWords,
    fixedVocabulary: o.vocabulary !== undefined,
    tokenize: { lang: tok.lang, lowercase: tok.lowercase, keepEntities: tok.keepEntities },
  };
}

/** The analyzer settings for a model's params (internal, shared with transformTfidf). */
export function analyzerConfig(params: TfidfParams, segmenter: Segmenter | undefined): AnalyzerConfig {
  const tokenizer = resolveTokenizeOptions(FN, { ...params.tokenize, ...(segmenter === undefined ? {} : { segmenter }) });
  const sw = params.stopWords;
  return {
    tokenizer,
    stopWords: sw === null ? null : typeof sw === 'string' ? stopSet(sw) : new Set(sw),
    minN: params.ngramRange[0],
    maxN: params.ngramRange[1],
  };
}

/**
 * Checks that a value (for example `JSON.parse` of a saved model) is a valid {@link TfidfModel}.
 *
 * @remarks Besides the shape it rejects tampered models: params outside what {@link fitTfidf}
 * resolves, a repeated vocabulary term, a fitted vocabulary out of code-point order or longer than
 * `maxFeatures`, and an idf no corpus of `nDocuments` documents gives (outside [1, ln(n + 1) + 1]
 * smoothed, [1, ln(n) + 1] unsmoothed, or not 1 without idf). O(terms).
 * @throws {@link ModelFormatError} on another kind, format version or a malformed or tampered shape
 * @example
 * ```ts
 * import { fitTfidf, parseTfidfModel } from 'crmkit/text';
 * const saved = JSON.stringify(fitTfidf([['a', 'b'], ['b']]));
 * parseTfidfModel(JSON.parse(saved)).vocabulary; // => ['a', 'b']
 * ```
 * @category TF-IDF
 */
export function parseTfidfModel(json: unknown): TfidfModel {
  return checkTfidfModel('text/parseTfidfModel', json);
}
