import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import type { CsrMatrix } from '../core/sparse.js';
import { integerInRange, numberInRange, options as checkOptions } from '../core/validate.js';
import { checkCsrMatrix, checkIds, checkVocabulary } from './_check.js';

/** Rows with ids: customer profiles (see buildContentProfiles) or items (ads, posts, products). */
export interface KeyedRows {
  /** One id per row of `matrix`. */
  readonly ids: readonly string[];
  /** TF-IDF rows (L2-normalized for cosine scores), the same vocabulary on both sides. */
  readonly matrix: CsrMatrix;
}

/** Options of {@link recommendContent}. */
export interface RecommendContentOptions {
  /** Items per customer. @defaultValue 10 */
  k?: number;
  /** Items a customer has already seen (customer id → item ids); they are never recommended to that customer. */
  exclude?: Readonly<Record<string, readonly string[]>> | ReadonlyMap<string, readonly string[]>;
  /**
   * Maximal marginal relevance trade-off in [0, 1): 0 ranks by relevance only; larger values pick
   * each next item by (1 − diversity) × relevance − diversity × (its highest cosine to the items
   * already picked), among the 5k most relevant.
   * @defaultValue 0
   */
  diversity?: number;
  /** Terms of the matrix columns, to name the shared terms that explain each pick. */
  vocabulary?: readonly string[];
  /** Shared terms reported per pick. @defaultValue 3 */
  explainTerms?: number;
}

/** One recommended item. */
export interface ContentPick {
  item: string;
  /** Cosine of the customer's profile and the item (for L2-normalized rows). */
  score: number;
  /** The terms contributing most to the score (profile weight × item weight), largest first. */
  terms: { term: string; contribution: number }[];
}

/** Recommendations for one customer. */
export interface CustomerPicks {
  customer: string;
  picks: ContentPick[];
}

const FN = 'text/recommendContent';

/** Validates a CSR matrix (canonical form, finite values). */
export function checkCsr(fn: string, name: string, X: unknown): CsrMatrix {
  return checkCsrMatrix(fn, name, X);
}

function checkKeyed(name: string, x: unknown): KeyedRows {
  const k = x as KeyedRows;
  if (typeof x !== 'object' || x === null || !Array.isArray(k.ids)) throw new InvalidInputError(FN, `${name} must be { ids, matrix }`, x);
  const m = checkCsr(FN, `${name}.matrix`, k.matrix);
  checkIds(FN, `${name}.ids`, k.ids, m.rows);
  if (k.ids.length !== m.rows) throw new DimensionMismatchError(FN, `${name}.ids must have one id per matrix row (${m.rows})`, k.ids.length);
  for (let i = 0; i < k.ids.length; i++) if (typeof k.ids[i] !== 'string') throw new InvalidInputError(FN, `${name}.ids[${i}] must be a string`, k.ids[i]);
  const { indptr, indices } = m;
  if (indptr[0] !== 0 || indptr[m.rows] !== indices.length || indices.length !== m.data.length) throw new InvalidInputError(FN, `${name}.matrix must be a well-formed CsrMatrix (indptr from 0 to nnz, one index per value)`, m);
  for (let i = 0; i < m.rows; i++) if (!(indptr[i + 1]! >= indptr[i]!)) throw new InvalidInputError(FN, `${name}.matrix.indptr must be non-decreasing; offset ${i + 1} is not`, indptr[i + 1]);
  for (let p = 0; p < indices.length; p++) if (!(indices[p]! >= 0 && indices[p]! < m.cols)) throw new InvalidInputError(FN, `${name}.matrix.indices[${p}] must be a column in [0, ${m.cols})`, indices[p]);
  return k;
}

/**
 * Recommends items (ads, posts, products) to each customer by the cosine of the customer's TF-IDF
 * profile and each item, with already-seen exclusion, optional maximal-marginal-relevance diversity,
 * and each pick explained by its top shared terms.
 *
 * @remarks Items are inverted once (term → items); each profile accumulates scores only over the
 * items sharing one of its terms, then a top-k selection. Cost O(Σ_customers Σ_terms postings +
 * customers × items) time, O(items) extra memory, never a dense customers × items matrix. With
 * `diversity` > 0 the item–item cosines among each customer's 5k candidates are computed on demand.
 * Items with score 0 (no shared term) are not recommended, so a customer may get fewer than k.
 * Customers keep their order in `profiles.ids`.
 * @see Carbonell and Goldstein (1998). The use of MMR, diversity-based reranking. SIGIR.
 * @throws {@link InvalidInputError} when profiles or items are not `{ ids, matrix }` with a CSR matrix
 * @throws {@link DimensionMismatchError} when the two matrices have different column counts or ids do not match the rows
 * @throws {@link InvalidOptionError} on a bad option
 * @example
 * ```ts
 * import { buildContentProfiles, fitTfidf, recommendContent, transformTfidf } from 'crmkit/text';
 * const posts = ['cheap flights to paris', 'lost my bag again', 'best hotels in paris'];
 * const ads = ['paris flights sale', 'lost bag tracker', 'paris hotels deal'];
 * const model = fitTfidf([...posts, ...ads]);
 * const profiles = buildContentProfiles([{ customer: 'ann', row: 0, at: '2024-03-01' }, { customer: 'bob', row: 1, at: '2024-03-01' }], transformTfidf(model, posts));
 * const items = { ids: ['ad-paris', 'ad-tracker', 'ad-hotel'], matrix: transformTfidf(model, ads) };
 * const r = recommendContent(profiles, items, { k: 2, vocabulary: model.vocabulary });
 * r[0]!.picks[0]!.item; // => 'ad-paris'
 * r[0]!.picks[0]!.terms[0]!.term; // => 'flights'
 * r[1]!.picks[0]!.item; // => 'ad-tracker'
 * recommendContent(profiles, items, { exclude: { ann: ['ad-paris'] } })[0]!.picks[0]!.item; // => 'ad-hotel'
 * ```
 * @category Recommendation
 */
export function recommendContent(profiles: KeyedRows, items: KeyedRows, options?: RecommendContentOptions): CustomerPicks[] {
  const P = checkKeyed('profiles', profiles);
  const I = checkKeyed('items', items);
  if (P.matrix.cols !== I.matrix.cols) throw new DimensionMismatchError(FN, `items.matrix must have the profiles' ${P.matrix.cols} columns (same vocabulary)`, I.matrix.cols);
  const o = checkOptions(FN, options, ['k', 'exclude', 'diversity', 'vocabulary', 'explainTerms']);
  const k = o.k === undefined ? 10 : integerInRange(FN, 'options.k', o.k, { min: 1 });
  const diversity = o.diversity === undefined ? 0 : numberInRange(FN, 'options.diversity', o.diversity, { min: 0, max: 1, maxExclusive: true });
  const explain = o.explainTerms === undefined ? 3 : integerInRange(FN, 'options.explainTerms', o.explainTerms, { min: 0 });
  const vocab = o.vocabulary;
  if (vocab !== undefined) checkVocabulary(FN, 'options.vocabulary', vocab, P.matrix.cols);
  let exclude: ReadonlyMap<string, readonly string[]> | undefined;
  if (o.exclude !== undefined) {
    exclude = checkExclude(o.exclude);
  }
  const nItems = I.matrix.rows;
  const itemIndex = new Map<string, number>();
  I.ids.forEach((id, i) => itemIndex.set(id, i));
  // Invert items: term → (item, weight).
  const V = I.matrix.cols;
  const postPtr = new Int32Array(V + 1);
  for (let j = 0; j < I.matrix.indices.length; j++) postPtr[I.matrix.indices[j]! + 1]!++;
  for (let v = 0; v < V; v++) postPtr[v + 1]! += postPtr[v]!;
  const postItem = new Int32Array(I.matrix.indices.length);
  const postW = new Float64Array(I.matrix.indices.length);
  const fill = postPtr.slice(0, V);
  for (let i = 0; i < nItems; i++) {
    for (let j = I.matrix.indptr[i]!; j < I.matrix.indptr[i + 1]!; j++) {
      const p = fill[I.matrix.indices[j]!]!++;
      postItem[p] = i;
      postW[p] = I.matrix.data[j]!;
    }
  }
  const scores = new Float64Array(nItems);
  const touched = new Int32Array(nItems);
  const mark = new Uint8Array(nItems);
  // The pool never holds more than the items, whatever k is.
  const pool = Math.min(nItems, diversity > 0 ? 5 * k : k);
  const heapIdx = new Int32Array(pool);
  const heapVal = new Float64Array(pool);
  const out: CustomerPicks[] = [];
  const Pm = P.matrix;
  const topV = new Int32Array(explain);
  const topC = new Float64Array(explain);
  const dense = new Float64Array(explain > 0 ? V : 0);
  const itemDense = new Float64Array(diversity > 0 ? V : 0);
  // Term names: the vocabulary, or column numbers as strings made once each.
  const names: (string | undefined)[] = vocab ? vocab.slice() : new Array<string | undefined>(V);
  for (let c = 0; c < Pm.rows; c++) {
    let nt = 0;
    for (let j = Pm.indptr[c]!; j < Pm.indptr[c + 1]!; j++) {
      const w = Pm.data[j]!;
      const v = Pm.indices[j]!;
      for (let p = postPtr[v]!; p < postPtr[v + 1]!; p++) {
        const it = postItem[p]!;
        if (mark[it] === 0) {
          mark[it] = 1;
          touched[nt++] = it;
        }
        scores[it]! += w * postW[p]!;
      }
    }
    const seen = exclude?.get(P.ids[c]!);
    if (seen) for (const id of seen) { const it = itemIndex.get(id); if (it !== undefined) scores[it] = 0; }
    // Top `pool` by score (min-heap), ties by item order.
    let size = 0;
    for (let t = 0; t < nt; t++) {
      const it = touched[t]!;
      const s = scores[it]!;
      if (!(s > 0)) continue;
      if (size < pool) {
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (worse(heapVal[parent]!, heapIdx[parent]!, s, it)) break;
          heapVal[i] = heapVal[parent]!;
          heapIdx[i] = heapIdx[parent]!;
          i = parent;
        }
        heapVal[i] = s;
        heapIdx[i] = it;
      } else if (worse(heapVal[0]!, heapIdx[0]!, s, it)) {
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          const r = l + 1;
          const m = r < size && worse(heapVal[r]!, heapIdx[r]!, heapVal[l]!, heapIdx[l]!) ? r : l;
          if (worse(s, it, heapVal[m]!, heapIdx[m]!)) break;
          heapVal[i] = heapVal[m]!;
          heapIdx[i] = heapIdx[m]!;
          i = m;
        }
        heapVal[i] = s;
        heapIdx[i] = it;
      }
    }
    const cand: number[] = [];
    for (let i = 0; i < size; i++) cand.push(heapIdx[i]!);
    cand.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const chosen = diversity > 0 ? mmr(cand, scores, I.matrix, k, diversity, itemDense) : cand.slice(0, k);
    if (explain > 0) for (let j = Pm.indptr[c]!; j < Pm.indptr[c + 1]!; j++) dense[Pm.indices[j]!]! += Pm.data[j]!;
    const picks: ContentPick[] = [];
    for (const it of chosen) picks.push({ item: I.ids[it]!, score: scores[it]!, terms: explainPick(dense, I.matrix, it, explain, names, topV, topC) });
    if (explain > 0) for (let j = Pm.indptr[c]!; j < Pm.indptr[c + 1]!; j++) dense[Pm.indices[j]!] = 0;
    out.push({ customer: P.ids[c]!, picks });
    for (let t = 0; t < nt; t++) {
      scores[touched[t]!] = 0;
      mark[touched[t]!] = 0;
    }
  }
  return out;
}

/** Validates `options.exclude`: a Map or plain object of customer id → array of item id strings. */
function checkExclude(x: unknown): ReadonlyMap<string, readonly string[]> {
  let entries: [unknown, unknown][];
  if (x instanceof Map) entries = [...(x as Map<unknown, unknown>)];
  else if (typeof x === 'object' && x !== null && !Array.isArray(x)) entries = Object.entries(x);
  else throw new InvalidOptionError(FN, 'options.exclude must map customer ids to arrays of item ids', x);
  const out = new Map<string, readonly string[]>();
  for (const [id, seen] of entries) {
    if (typeof id !== 'string') throw new InvalidOptionError(FN, 'options.exclude keys must be customer id strings', id);
    if (!Array.isArray(seen)) throw new InvalidOptionError(FN, `options.exclude['${id}'] must be an array of item ids`, seen);
    for (let i = 0; i < seen.length; i++) {
      if (typeof seen[i] !== 'string') throw new InvalidOptionError(FN, `options.exclude['${id}'][${i}] must be an item id string`, i in seen ? seen[i] : undefined);
    }
    out.set(id, seen as string[]);
  }
  return out;
}

/** Whether (sa, ia) ranks below (sb, ib): lower score, or equal score and later item. */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

/**
 * Maximal marginal relevance over candidates sorted by relevance. Each picked item's row is
 * scattered into `dense` (terms, zero outside) once, so its cosine with every remaining candidate
 * is one pass over the candidate's row.
 */
function mmr(cand: number[], rel: Float64Array, items: CsrMatrix, k: number, lambda: number, dense: Float64Array): number[] {
  const picked: number[] = [];
  const maxSim = new Float64Array(cand.length);
  const used = new Uint8Array(cand.length);
  while (picked.length < k && picked.length < cand.length) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < cand.length; i++) {
      if (used[i]) continue;
      const s = (1 - lambda) * rel[cand[i]!]! - lambda * maxSim[i]!;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    used[best] = 1;
    const it = cand[best]!;
    picked.push(it);
    if (picked.length === k) break;
    const a0 = items.indptr[it]!;
    const a1 = items.indptr[it + 1]!;
    for (let j = a0; j < a1; j++) dense[items.indices[j]!]! += items.data[j]!;
    for (let i = 0; i < cand.length; i++) {
      if (used[i]) continue;
      const c = cand[i]!;
      let d = 0;
      for (let j = items.indptr[c]!; j < items.indptr[c + 1]!; j++) d += dense[items.indices[j]!]! * items.data[j]!;
      if (d > maxSim[i]!) maxSim[i] = d;
    }
    for (let j = a0; j < a1; j++) dense[items.indices[j]!] = 0;
  }
  return picked;
}

/**
 * The top-n shared terms of the current profile (its weights scattered in `dense`) and an item row,
 * by contribution, with no per-term objects until the result.
 */
function explainPick(dense: Float64Array, I: CsrMatrix, it: number, n: number, names: (string | undefined)[], topV: Int32Array, topC: Float64Array): { term: string; contribution: number }[] {
  if (n === 0) return [];
  let size = 0;
  for (let j = I.indptr[it]!; j < I.indptr[it + 1]!; j++) {
    const x = I.indices[j]!;
    const pw = dense[x]!;
    if (pw === 0) continue;
    const w = pw * I.data[j]!;
    // Insertion into the sorted top-n (largest contribution first, ties by column).
    if (size < n || w > topC[size - 1]! || (w === topC[size - 1]! && x < topV[size - 1]!)) {
      let q = size < n ? size++ : size - 1;
      while (q > 0 && (topC[q - 1]! < w || (topC[q - 1]! === w && topV[q - 1]! > x))) {
        topC[q] = topC[q - 1]!;
        topV[q] = topV[q - 1]!;
        q--;
      }
      topC[q] = w;
      topV[q] = x;
    }
  }
  const out: { term: string; contribution: number }[] = [];
  for (let q = 0; q < size; q++) out.push({ term: (names[topV[q]!] ??= String(topV[q]!)), contribution: topC[q]! });
  return out;
}
