import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { analyze, checkDocs, type Document } from './_analyzer.js';
import { compareCodePoints } from './_patterns.js';
import { fitTfidf } from './fitTfidf.js';
import { stopSet } from './normalizePost.js';
import { resolveTokenizeOptions, type TokenizeOptions } from './tokenize.js';
import { transformTfidf } from './transformTfidf.js';

/** Options of {@link extractKeywords}. */
export interface ExtractKeywordsOptions {
  /** Keywords per document and for the corpus. @defaultValue 10 */
  topK?: number;
  /** `'tfidf'`: highest TF-IDF weights; `'textrank'`: PageRank on the word co-occurrence graph. @defaultValue 'tfidf' */
  method?: 'tfidf' | 'textrank';
  /** Stop words removed before ranking. @defaultValue 'both' (English and Chinese lists) */
  stopWords?: 'english' | 'chinese' | 'both' | 'none' | readonly string[];
  /** TextRank: words at most `window − 1` positions apart are linked. @defaultValue 2 */
  window?: number;
  /** TextRank damping factor. @defaultValue 0.85 */
  damping?: number;
  /** TextRank: stop when no score moves more than this. @defaultValue 1e-8 */
  tolerance?: number;
  /** TextRank iteration cap. @defaultValue 200 */
  maxIterations?: number;
  /** How string documents are tokenized (see {@link tokenize}). */
  tokenize?: TokenizeOptions;
}

/** A keyword and its score (TF-IDF weight, or TextRank score). */
export interface Keyword {
  term: string;
  score: number;
}

/** Result of {@link extractKeywords}. */
export interface ExtractKeywordsResult {
  /** Top keywords of each document, best first (ties in code-point order). */
  documents: Keyword[][];
  /**
   * Top keywords of the whole corpus: for `'tfidf'` the sum of each term's weights over documents;
   * for `'textrank'` TextRank on one graph joining every document's co-occurrences.
   */
  corpus: Keyword[];
}

const FN = 'text/extractKeywords';
const HAS_LETTER = /\p{L}|\p{Extended_Pictographic}/u;

/** Keyword candidates: tokens with a letter (or emoji), not URLs or e-mails, not single ASCII letters. */
function isCandidate(t: string): boolean {
  if (!HAS_LETTER.test(t)) return false;
  if (t.length === 1 && t.charCodeAt(0) < 128) return false;
  if (/^(?:https?:\/\/|www\.)/i.test(t) || /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(t)) return false;
  return true;
}

function best(scores: Map<string, number>, k: number): Keyword[] {
  return [...scores]
    .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
    .slice(0, k)
    .map(([term, score]) => ({ term, score }));
}

/**
 * Extracts the top keywords of each document and of the corpus, by TF-IDF or TextRank.
 *
 * @remarks
 * Documents are tokenized as in {@link tokenize} (entities whole, so `#hashtags` and `@mentions` can
 * be keywords) or used as given; stop words, numbers, URLs, e-mails and single ASCII letters are not
 * candidates. `'tfidf'` fits {@link fitTfidf} (L2 rows, smoothed idf) on the documents and ranks each
 * row's weights. `'textrank'` (Mihalcea & Tarau 2004) links candidates co-occurring within `window`
 * consecutive candidates (weights = co-occurrence counts) and iterates
 * S(v) = (1 − d) + d Σ_u w(u,v) / W(u) · S(u) to `tolerance`; the scores are proportional to
 * networkx's weighted PageRank on the same graph. Cost: tfidf O(total tokens); textrank O(iterations ×
 * edges).
 *
 * @see jieba.analyse.extract_tags / textrank; networkx.pagerank(G, alpha=0.85, weight='weight')
 * @throws {@link InvalidInputError} when docs is empty or malformed, or no document has a candidate
 * @throws {@link InvalidOptionError} on a bad option
 * @example
 * ```ts
 * import { extractKeywords } from 'crmkit/text';
 * const docs = ['Lost my bag on the flight, bag never arrived', 'Great crew on the flight', 'Bag lost again #fail'];
 * const r = extractKeywords(docs, { topK: 2 });
 * r.documents[0]!.map((k) => k.term).join(','); // => 'bag,arrived'
 * r.corpus[0]!.term; // => 'bag'
 * extractKeywords(docs, { method: 'textrank', topK: 1 }).corpus[0]!.term; // => 'bag'
 * ```
 * @category Keywords
 */
export function extractKeywords(docs: readonly Document[], options?: ExtractKeywordsOptions): ExtractKeywordsResult {
  const corpus = checkDocs(FN, docs, 1);
  const o = checkOptions(FN, options, ['topK', 'method', 'stopWords', 'window', 'damping', 'tolerance', 'maxIterations', 'tokenize']);
  const topK = o.topK === undefined ? 10 : integerInRange(FN, 'options.topK', o.topK, { min: 1 });
  const method = o.method === undefined ? 'tfidf' : oneOf(FN, 'options.method', o.method, ['tfidf', 'textrank'] as const);
  const window = o.window === undefined ? 2 : integerInRange(FN, 'options.window', o.window, { min: 2 });
  const damping = o.damping === undefined ? 0.85 : numberInRange(FN, 'options.damping', o.damping, { min: 0, max: 1, maxExclusive: true });
  const tolerance = o.tolerance === undefined ? 1e-8 : numberInRange(FN, 'options.tolerance', o.tolerance, { min: 0, minExclusive: true });
  const maxIterations = o.maxIterations === undefined ? 200 : integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1 });
  let stop: ReadonlySet<string> | null;
  if (o.stopWords === undefined) stop = stopSet('both');
  else if (typeof o.stopWords === 'string') {
    const c = oneOf(FN, 'options.stopWords', o.stopWords, ['english', 'chinese', 'both', 'none'] as const);
    stop = c === 'none' ? null : stopSet(c);
  } else {
    const arr = arrayLike<unknown>(FN, 'options.stopWords', o.stopWords);
    const set = new Set<string>();
    for (let i = 0; i < arr.length; i++) {
      if (typeof arr[i] !== 'string') throw new InvalidInputError(FN, `options.stopWords[${i}] must be a string`, arr[i]);
      set.add(arr[i] as string);
    }
    stop = set;
  }
  const tokenizer = resolveTokenizeOptions(FN, checkOptions<TokenizeOptions>(FN, o.tokenize, ['lang', 'lowercase', 'keepEntities', 'segmenter']), 'options.tokenize');
  const cfg = { tokenizer, stopWords: stop, minN: 1, maxN: 1 };
  const buf: string[] = [];
  const tokenLists = corpus.map((d) => analyze(FN, d, cfg, buf).filter(isCandidate));
  if (tokenLists.every((t) => t.length === 0)) throw new InvalidInputError(FN, 'no document has a keyword candidate (only stop words, numbers or links?)', docs);

  if (method === 'tfidf') {
    const model = fitTfidf(tokenLists);
    const X = transformTfidf(model, tokenLists);
    const total = new Map<string, number>();
    const documents = tokenLists.map((_, d) => {
      const scores = new Map<string, number>();
      for (let k = X.indptr[d]!; k < X.indptr[d + 1]!; k++) {
        const term = model.vocabulary[X.indices[k]!]!;
        scores.set(term, X.data[k]!);
        total.set(term, (total.get(term) ?? 0) + X.data[k]!);
      }
      return best(scores, topK);
    });
    return { documents, corpus: best(total, topK) };
  }
  const documents = tokenLists.map((tokens) => best(textRank([tokens], window, damping, tolerance, maxIterations), topK));
  return { documents, corpus: best(textRank(tokenLists, window, damping, tolerance, maxIterations), topK) };
}

/** TextRank scores of the co-occurrence graph built from the token lists. */
function textRank(lists: readonly (readonly string[])[], window: number, d: number, tol: number, maxIter: number): Map<string, number> {
  const id = new Map<string, number>();
  const names: string[] = [];
  const edges = new Map<number, Map<number, number>>();
  const link = (a: number, b: number): void => {
    let m = edges.get(a);
    if (m === undefined) edges.set(a, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + 1);
  };
  for (const tokens of lists) {
    const ids = tokens.map((t) => {
      let i = id.get(t);
      if (i === undefined) {
        i = names.length;
        id.set(t, i);
        names.push(t);
      }
      return i;
    });
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < Math.min(ids.length, i + window); j++) {
        if (ids[i] === ids[j]) continue;
        link(ids[i]!, ids[j]!);
        link(ids[j]!, ids[i]!);
      }
    }
  }
  const n = names.length;
  const out = new Map<string, number>();
  if (n === 0) return out;
  // CSR of the symmetric weighted graph and each node's total edge weight.
  const ptr = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) ptr[v + 1] = ptr[v]! + (edges.get(v)?.size ?? 0);
  const nbr = new Int32Array(ptr[n]!);
  const w = new Float64Array(ptr[n]!);
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let k = ptr[v]!;
    for (const [u, c] of [...(edges.get(v) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])) {
      nbr[k] = u;
      w[k++] = c;
      strength[v]! += c;
    }
  }
  let s = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    let delta = 0;
    for (let v = 0; v < n; v++) {
      let acc = 0;
      for (let k = ptr[v]!; k < ptr[v + 1]!; k++) acc += (w[k]! / strength[nbr[k]!]!) * s[nbr[k]!]!;
      next[v] = 1 - d + d * acc;
      delta = Math.max(delta, Math.abs(next[v]! - s[v]!));
    }
    [s, next] = [next, s];
    if (delta <= tol) break;
  }
  for (let v = 0; v < n; v++) out.set(names[v]!, s[v]!);
  return out;
}
