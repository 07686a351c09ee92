import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import type { CsrMatrix } from '../core/sparse.js';
import { integerInRange, oneOf, options as checkOptions, rethrowAs } from '../core/validate.js';
import { parseLdaModel, type LdaModel, type TopicTerm } from './fitLda.js';
import { parseAs as parseNmfAs, type NmfModel } from './fitNmf.js';

/** Options of {@link topicCoherence}. */
export interface TopicCoherenceOptions {
  /** `'umass'` (Mimno et al. 2011) or `'npmi'` (normalized PMI, Bouma 2009). @defaultValue 'npmi' */
  measure?: 'umass' | 'npmi';
  /** Terms per topic taken from a model. @defaultValue 10 */
  top?: number;
  /**
   * Column index → term. Needed when the topics are terms and the documents a CSR matrix, or the
   * topics a model and the documents token lists.
   */
  vocabulary?: readonly string[];
}

/** Coherence of each topic and their mean. */
export interface TopicCoherenceResult {
  /** The measure used. */
  measure: 'umass' | 'npmi';
  /** Mean of the topics' coherences. */
  mean: number;
  /** One coherence per topic, in topic order. */
  topics: number[];
}

const FN = 'text/topicCoherence';

/** What {@link topicCoherence} scores: an LDA or NMF model, or each topic's terms (plain or as {@link ldaTopTerms} / {@link nmfTopTerms} give them). */
export type Topics = LdaModel | NmfModel | readonly (readonly string[])[] | readonly (readonly TopicTerm[])[];

/**
 * Topic coherence from document co-occurrence of each topic's top terms, to compare topic models
 * (numbers of topics, LDA against NMF, settings) on the same documents: higher is more coherent.
 *
 * @remarks
 * With D(w) the number of documents containing w, D(w, v) those containing both, N documents and a
 * topic's terms w_1 … w_T in rank order:
 * - UMass = mean over i > j of log((D(w_i, w_j) + 1) / D(w_j)) (≤ 0 up to the +1; Mimno et al. 2011 sum
 *   the pairs, crmkit averages them so topics of different lengths compare);
 * - NPMI = mean over i < j of log(P(w_i, w_j) / (P(w_i) P(w_j))) / −log P(w_i, w_j), P = D / N, in
 *   [−1, 1]; a pair that never co-occurs scores −1 and a pair in every document 1 (the limits).
 * Co-occurrence is per document (boolean), not a sliding window. Cost O(nnz + topics × T² × docs / 32).
 * Checked against the formulas written in numpy (gensim's `u_mass` and `c_npmi` add ε = 1e-12
 * instead of taking limits, and `c_npmi` uses sliding windows).
 *
 * @see Mimno, Wallach, Talley, Leenders and McCallum (2011). Optimizing semantic coherence in topic models. EMNLP.
 * @see Röder, Both and Hinneburg (2015). Exploring the space of topic coherence measures. WSDM.
 * @throws {@link InvalidInputError} when topics or docs are malformed, a topic has fewer than 2 terms, or (UMass) a topic term occurs in no document
 * @throws {@link InvalidOptionError} on a bad option or a missing or mismatched `vocabulary`
 * @example
 * ```ts
 * import { topicCoherence } from 'crmkit/text';
 * const docs = [['cheap', 'fares'], ['cheap', 'fares', 'today'], ['lost', 'bag'], ['lost', 'bag', 'airport']];
 * const good = topicCoherence([['cheap', 'fares'], ['lost', 'bag']], docs, { measure: 'npmi' });
 * const mixed = topicCoherence([['cheap', 'bag'], ['lost', 'fares']], docs, { measure: 'npmi' });
 * [good.mean, mixed.mean]; // => [1, -1]
 * topicCoherence([['cheap', 'fares']], docs, { measure: 'umass' }).topics[0]; // => Math.log(3 / 2)
 * ```
 * @category Topics
 */
export function topicCoherence(topics: Topics, docs: CsrMatrix | readonly (readonly string[])[], options?: TopicCoherenceOptions): TopicCoherenceResult {
  const o = checkOptions(FN, options, ['measure', 'top', 'vocabulary']);
  const measure = o.measure === undefined ? 'npmi' : oneOf(FN, 'options.measure', o.measure, ['umass', 'npmi'] as const);
  const top = o.top === undefined ? 10 : integerInRange(FN, 'options.top', o.top, { min: 2 });
  const vocab = o.vocabulary;
  if (vocab !== undefined) {
    if (!Array.isArray(vocab)) throw new InvalidOptionError(FN, 'options.vocabulary must be an array of strings', vocab);
    for (let i = 0; i < vocab.length; i++) if (typeof vocab[i] !== 'string') throw new InvalidOptionError(FN, `options.vocabulary[${i}] must be a string`, vocab[i]);
  }

  // Topics as lists of term keys: column indices (from a model) or strings.
  let topicKeys: (number | string)[][];
  if (typeof topics === 'object' && topics !== null && !Array.isArray(topics)) {
    const kind = (topics as { kind?: unknown }).kind;
    let mdl: LdaModel | NmfModel | null = null;
    try {
      mdl = kind === 'nmf' ? parseNmfAs(FN, topics) : kind === 'lda' ? parseLdaModel(topics) : null;
    } catch (e) {
      rethrowAs(FN, e);
    }
    if (mdl === null) throw new InvalidInputError(FN, "topics must be an LDA or NMF model, or one array of terms per topic", topics);
    const V = mdl.components[0]!.length;
    if (vocab !== undefined && vocab.length !== V) throw new InvalidOptionError(FN, `options.vocabulary must have ${V} terms (the model's columns)`, vocab.length);
    topicKeys = mdl.components.map((row) => Array.from(row.keys()).sort((a, b) => row[b]! - row[a]! || a - b).slice(0, Math.min(top, V)));
  } else if (Array.isArray(topics) && topics.length > 0) {
    topicKeys = [];
    for (let k = 0; k < topics.length; k++) {
      const t: unknown = topics[k];
      if (!Array.isArray(t)) throw new InvalidInputError(FN, `topics[${k}] must be an array of terms`, t);
      const keys: string[] = [];
      for (let i = 0; i < t.length; i++) {
        const x: unknown = t[i];
        if (typeof x === 'string') keys.push(x);
        else if (typeof x === 'object' && x !== null && typeof (x as TopicTerm).term === 'string') keys.push((x as TopicTerm).term);
        else throw new InvalidInputError(FN, `topics[${k}][${i}] must be a term (string or { term })`, x);
      }
      topicKeys.push(keys);
    }
  } else throw new InvalidInputError(FN, 'topics must be an LDA or NMF model, or a non-empty array of topics', topics);
  topicKeys.forEach((t, k) => {
    if (t.length < 2) throw new InvalidInputError(FN, `topics[${k}] must have at least 2 terms`, t.length);
    if (new Set(t).size !== t.length) throw new InvalidInputError(FN, `topics[${k}] repeats a term`, t);
  });

  // Documents as sets of the same keys: a term → sorted document-id list.
  const postings = new Map<number | string, number[]>();
  const wanted = new Set<number | string>();
  const keysAreIndices = typeof topicKeys[0]![0] === 'number';
  let nDocs: number;
  if (Array.isArray(docs)) {
    nDocs = docs.length;
    if (keysAreIndices && vocab === undefined) throw new InvalidOptionError(FN, 'options.vocabulary is needed to match model columns to token lists', vocab);
    const toKey = new Map<string, number | string>();
    for (const t of topicKeys) for (const key of t) {
      const term = typeof key === 'number' ? vocab![key]! : key;
      toKey.set(term, key);
      wanted.add(key);
    }
    for (let d = 0; d < docs.length; d++) {
      const doc: unknown = docs[d];
      if (!Array.isArray(doc)) throw new InvalidInputError(FN, `docs[${d}] must be an array of tokens`, doc);
      for (let i = 0; i < doc.length; i++) {
        const tok: unknown = doc[i];
        if (typeof tok !== 'string') throw new InvalidInputError(FN, `docs[${d}][${i}] must be a string`, tok);
        const key = toKey.get(tok);
        if (key === undefined) continue;
        let list = postings.get(key);
        if (list === undefined) postings.set(key, (list = []));
        if (list[list.length - 1] !== d) list.push(d);
      }
    }
  } else {
    const m = docs as CsrMatrix;
    if (typeof docs !== 'object' || docs === null || !(m.indptr instanceof Int32Array) || !(m.indices instanceof Int32Array) || !(m.data instanceof Float64Array) || !Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.indptr.length !== m.rows + 1) {
      throw new InvalidInputError(FN, 'docs must be a CsrMatrix or an array of token arrays', docs);
    }
    nDocs = m.rows;
    let colKey: (c: number) => number | string | undefined;
    if (keysAreIndices) {
      for (const t of topicKeys) for (const key of t) {
        if ((key as number) >= m.cols) throw new InvalidInputError(FN, `docs must have the model's ${(key as number) + 1}+ columns`, m.cols);
        wanted.add(key);
      }
      colKey = (c) => (wanted.has(c) ? c : undefined);
    } else {
      if (vocab === undefined || vocab.length !== m.cols) throw new InvalidOptionError(FN, `options.vocabulary must have one term per column of docs (${m.cols})`, vocab);
      const col = new Map<string, number>();
      vocab.forEach((t, c) => col.set(t, c));
      const byCol = new Map<number, string>();
      for (const t of topicKeys) for (const key of t) {
        wanted.add(key);
        const c = col.get(key as string);
        if (c !== undefined) byCol.set(c, key as string);
      }
      colKey = (c) => byCol.get(c);
    }
    for (let d = 0; d < m.rows; d++) {
      const p0 = m.indptr[d]!;
      const p1 = m.indptr[d + 1]!;
      if (!(p0 >= 0 && p1 >= p0 && p1 <= m.indices.length)) throw new InvalidInputError(FN, 'docs.indptr must be non-decreasing within the indices', d);
      for (let p = p0; p < p1; p++) {
        const c = m.indices[p]!;
        if (!(c >= 0 && c < m.cols)) throw new InvalidInputError(FN, `docs.indices[${p}] must be a column in [0, ${m.cols})`, c);
        if (!(m.data[p]! > 0)) continue;
        const key = colKey(c);
        if (key === undefined) continue;
        let list = postings.get(key);
        if (list === undefined) postings.set(key, (list = []));
        if (list[list.length - 1] !== d) list.push(d);
      }
    }
  }
  if (nDocs < 1) throw new InvalidInputError(FN, 'docs must hold at least one document', nDocs);

  // Bitsets per wanted term for fast pair counts.
  const words = Math.ceil(nDocs / 32);
  const bits = new Map<number | string, Uint32Array>();
  const df = new Map<number | string, number>();
  for (const key of wanted) {
    const b = new Uint32Array(words);
    const list = postings.get(key) ?? [];
    for (const d of list) b[d >>> 5]! |= 1 << (d & 31);
    bits.set(key, b);
    df.set(key, list.length);
  }
  const pairCount = (a: number | string, b: number | string): number => {
    const x = bits.get(a)!;
    const y = bits.get(b)!;
    let c = 0;
    for (let i = 0; i < words; i++) {
      let v = x[i]! & y[i]!;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      c += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return c;
  };
  const label = (key: number | string): string => (typeof key === 'number' ? (vocab?.[key] ?? `column ${key}`) : key);
  if (measure === 'umass') {
    for (const t of topicKeys) for (const key of t) {
      if (df.get(key) === 0) throw new InvalidInputError(FN, `topic term '${label(key)}' occurs in no document (UMass divides by document counts)`, label(key));
    }
  }
  const scores = topicKeys.map((t) => {
    let sum = 0;
    let pairs = 0;
    for (let i = 1; i < t.length; i++) {
      for (let j = 0; j < i; j++) {
        const co = pairCount(t[i]!, t[j]!);
        if (measure === 'umass') {
          sum += Math.log((co + 1) / df.get(t[j]!)!);
        } else if (co === 0) sum += -1;
        else if (co === nDocs) sum += 1;
        else {
          const pij = co / nDocs;
          sum += Math.log(pij / ((df.get(t[i]!)! / nDocs) * (df.get(t[j]!)! / nDocs))) / -Math.log(pij);
        }
        pairs++;
      }
    }
    return sum / pairs;
  });
  let total = 0;
  for (const s of scores) total += s;
  return { measure, mean: total / scores.length, topics: scores };
}
