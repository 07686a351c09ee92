import { InvalidInputError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom } from '../core/random.js';
import type { CsrMatrix } from '../core/sparse.js';
import { integerInRange, numberInRange, oneOf, options as checkOptions, rethrowAs, seed as checkSeed } from '../core/validate.js';
import { betaDivergence, fitCd, fitMu, nndsvd, type Regularization } from './_nmf.js';
import { checkCounts } from './fitLda.js';
import type { TopicTerm } from './fitLda.js';

/** Starting factors for {@link fitNmf} (scikit-learn's `init='custom'` with `W` and `H`). */
export interface NmfStart {
  /** Document–topic weights, documents × nTopics, finite and ≥ 0. */
  W: readonly (readonly number[])[];
  /** Topic–term weights, nTopics × terms, finite and ≥ 0. */
  H: readonly (readonly number[])[];
}

/** Options of {@link fitNmf}; the names and defaults follow scikit-learn 1.2.1's `NMF`. */
export interface FitNmfOptions extends LongRunOptions {
  /** Number of topics (`n_components`). @defaultValue 10 */
  nTopics?: number;
  /**
   * Initialization: `'nndsvd'` (Boutsidis and Gallopoulos 2008), `'nndsvda'` (its zeros filled with the
   * mean of X), `'nndsvdar'` (filled with small seeded random values), `'random'` (seeded
   * |N(0, 1)| · √(mean X / nTopics)) or starting factors. @defaultValue 'nndsvda' when nTopics ≤ min(documents, terms), else 'random'
   */
  init?: 'random' | 'nndsvd' | 'nndsvda' | 'nndsvdar' | NmfStart;
  /** `'cd'` coordinate descent (Frobenius only) or `'mu'` multiplicative updates. @defaultValue 'cd' */
  solver?: 'cd' | 'mu';
  /** The divergence minimized: `'frobenius'` or `'kullback-leibler'` (needs `solver: 'mu'`). @defaultValue 'frobenius' */
  betaLoss?: 'frobenius' | 'kullback-leibler';
  /** Relative stopping tolerance (`tol`). @defaultValue 1e-4 */
  tolerance?: number;
  /** Most iterations (`max_iter`). @defaultValue 200 */
  maxIterations?: number;
  /** Regularization of W, scaled by the number of terms as in scikit-learn (`alpha_W`). @defaultValue 0 */
  alphaW?: number;
  /** Regularization of H, scaled by the number of documents (`alpha_H`); `'same'` uses alphaW. @defaultValue 'same' */
  alphaH?: number | 'same';
  /** Share of L1 in the regularization (`l1_ratio`), in [0, 1]. @defaultValue 0 */
  l1Ratio?: number;
  /** Seed of the random parts of the initialization (the SVD sketch, `'random'`, `'nndsvdar'`). @defaultValue 0 */
  seed?: number;
}

/** The resolved settings of an NMF fit. */
export interface NmfParams {
  /** Number of topics. */
  nTopics: number;
  /** The initialization used; `'custom'` when starting factors were given. */
  init: 'random' | 'nndsvd' | 'nndsvda' | 'nndsvdar' | 'custom';
  /** The solver. */
  solver: 'cd' | 'mu';
  /** The divergence minimized. */
  betaLoss: 'frobenius' | 'kullback-leibler';
  /** Relative stopping tolerance. */
  tolerance: number;
  /** Most iterations. */
  maxIterations: number;
  /** Regularization of W. */
  alphaW: number;
  /** Regularization of H (resolved from `'same'`). */
  alphaH: number;
  /** Share of L1 in the regularization. */
  l1Ratio: number;
  /** The seed. */
  seed: number;
}

/** A fitted NMF model (JSON-ready). */
export interface NmfModel {
  /** Always `'nmf'`. */
  kind: 'nmf';
  /** Format version, 1. */
  formatVersion: 1;
  /** The resolved settings. */
  params: NmfParams;
  /** Topic–term factor H (scikit-learn's `components_`), nTopics × terms. */
  components: number[][];
  /** Iterations made (`n_iter_`). */
  iterations: number;
  /** Whether the tolerance was met before `maxIterations`. */
  converged: boolean;
  /** ‖X − WH‖_F, or √(2 · generalized KL divergence), on the training documents (`reconstruction_err_`). */
  reconstructionError: number;
}

const FN = 'text/fitNmf';
const KEYS = ['nTopics', 'init', 'solver', 'betaLoss', 'tolerance', 'maxIterations', 'alphaW', 'alphaH', 'l1Ratio', 'seed', 'signal', 'onProgress'];

function regularization(p: NmfParams, n: number, V: number): Regularization {
  return {
    l1W: V * p.alphaW * p.l1Ratio,
    l1H: n * p.alphaH * p.l1Ratio,
    l2W: V * p.alphaW * (1 - p.l1Ratio),
    l2H: n * p.alphaH * (1 - p.l1Ratio),
  };
}

function factor(name: string, x: unknown, rows: number, cols: number): Float64Array {
  if (!Array.isArray(x) || x.length !== rows) throw new InvalidOptionError(FN, `options.init.${name} must have ${rows} rows`, x);
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row: unknown = x[r];
    if (!Array.isArray(row) || row.length !== cols) throw new InvalidOptionError(FN, `options.init.${name}[${r}] must have ${cols} values`, row);
    for (let c = 0; c < cols; c++) {
      const v: unknown = row[c];
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new InvalidOptionError(FN, `options.init.${name}[${r}][${c}] must be a finite number >= 0`, v);
      out[r * cols + c] = v;
    }
  }
  return out;
}

/** checkCounts plus the CSR structure (row pointers, column indices in range) and a size cap on the factors. */
function checkInput(fn: string, X: unknown, nTopics: number, cols?: number): CsrMatrix {
  const m = checkCounts(fn, X, cols);
  const { indptr, indices, data } = m;
  if (m.cols < 1 || indptr.length !== m.rows + 1 || indptr[0] !== 0 || indptr[m.rows] !== indices.length || indices.length !== data.length) {
    throw new InvalidInputError(fn, 'X must be a well-formed CsrMatrix (indptr of rows + 1 offsets from 0 to nnz, one index per value, at least one column)', X);
  }
  for (let i = 0; i < m.rows; i++) if (!(indptr[i + 1]! >= indptr[i]!)) throw new InvalidInputError(fn, `X.indptr must be non-decreasing; offset ${i + 1} is not`, indptr[i + 1]);
  for (let p = 0; p < indices.length; p++) if (!(indices[p]! >= 0 && indices[p]! < m.cols)) throw new InvalidInputError(fn, `X.indices[${p}] must be a column in [0, ${m.cols})`, indices[p]);
  if (nTopics * (m.rows + m.cols) > 2 ** 27) throw new InvalidInputError(fn, `nTopics × (documents + terms) must be at most 2^27 (the factors' size); got ${nTopics} × ${m.rows + m.cols}`, m.cols);
  return m;
}

/** Throws when the factors overflowed (finite but huge inputs), instead of returning NaN or Infinity. */
function checkFinite(fn: string, M: Float64Array, what: string): void {
  for (let i = 0; i < M.length; i++) {
    if (!Number.isFinite(M[i]!)) throw new InvalidInputError(fn, `the values of X (or the model) are too large: ${what} overflowed`, M[i]);
  }
}

function checkVocabulary(fn: string, vocab: unknown, V: number): readonly string[] | undefined {
  if (vocab === undefined) return undefined;
  if (!Array.isArray(vocab) || vocab.length !== V) throw new InvalidOptionError(fn, `options.vocabulary must have ${V} terms`, vocab);
  for (let i = 0; i < V; i++) if (typeof vocab[i] !== 'string') throw new InvalidOptionError(fn, `options.vocabulary[${i}] must be a string`, vocab[i]);
  return vocab as readonly string[];
}

function meanOf(X: CsrMatrix): number {
  let s = 0;
  for (let p = 0; p < X.data.length; p++) s += X.data[p]!;
  return s / (X.rows * X.cols);
}

/**
 * Fits non-negative matrix factorization topics, X ≈ W·H with W, H ≥ 0, as scikit-learn's `NMF`:
 * coordinate descent or multiplicative updates, Frobenius or generalized Kullback–Leibler loss, the
 * same initializations, regularization and stopping rules. The rows of H are the topics.
 *
 * @remarks
 * Coordinate descent (`'cd'`, Cichocki and Phan 2009; Hsieh and Dhillon 2011) updates each column of W,
 * then of H, in order, and stops when the summed projected-gradient violation falls below
 * `tolerance` times that of the first iteration. Multiplicative updates (`'mu'`, Lee and Seung 2001;
 * Févotte and Idier 2011) stop when the loss improved by less than `tolerance` (relative to the
 * starting loss) over the last 10 iterations. X stays sparse: WH is evaluated only at X's non-zeros.
 * Cost per iteration O(nnz × nTopics + (documents + terms) × nTopics²). The NNDSVD starts use the
 * leading singular vectors, computed here to convergence by seeded subspace iteration where
 * scikit-learn uses its randomized SVD (4–7 power iterations), so inits agree to the SVD's accuracy;
 * from the same start (`init: { W, H }`) the fits equal scikit-learn's (tested at 1e-6). scikit-learn's
 * `shuffle` option is not offered. Input: TF-IDF (`transformTfidf`) or counts; KL suits counts.
 *
 * @see Lee and Seung (2001). Algorithms for non-negative matrix factorization. NIPS.
 * @see Boutsidis and Gallopoulos (2008). SVD based initialization: a head start for non-negative matrix factorization.
 * @see sklearn.decomposition.NMF
 * @throws {@link InvalidInputError} when X is not a well-formed CSR matrix of finite values ≥ 0 with a document, or the factors would exceed 2^27 values
 * @throws {@link InvalidOptionError} on a bad option, `'kullback-leibler'` with `'cd'`, an NNDSVD init with nTopics > min(documents, terms), or starting factors of the wrong shape
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { fitNmf, fitTfidf, nmfTopTerms, transformNmf, transformTfidf } from 'crmkit/text';
 * const docs = ['cheap flights cheap fares', 'cheap fares today', 'lost bag lost luggage', 'bag lost at the airport'];
 * const tfidf = fitTfidf(docs, { stopWords: 'english' });
 * const X = transformTfidf(tfidf, docs);
 * const nmf = fitNmf(X, { nTopics: 2 });
 * nmf.components.length; // => 2
 * nmfTopTerms(nmf, { vocabulary: tfidf.vocabulary, top: 1 }).map((t) => t[0]!.term).sort(); // => ['cheap', 'lost']
 * transformNmf(nmf, X).length; // => 4
 * ```
 * @category Topics
 */
export function fitNmf(X: CsrMatrix, options?: FitNmfOptions): NmfModel {
  checkCounts(FN, X);
  const o = checkOptions(FN, options, KEYS);
  const nTopics = o.nTopics === undefined ? 10 : integerInRange(FN, 'options.nTopics', o.nTopics, { min: 1 });
  const m = checkInput(FN, X, nTopics);
  const n = m.rows;
  const V = m.cols;
  const solver = o.solver === undefined ? 'cd' : oneOf(FN, 'options.solver', o.solver, ['cd', 'mu'] as const);
  const betaLoss = o.betaLoss === undefined ? 'frobenius' : oneOf(FN, 'options.betaLoss', o.betaLoss, ['frobenius', 'kullback-leibler'] as const);
  if (solver === 'cd' && betaLoss !== 'frobenius') throw new InvalidOptionError(FN, "options.betaLoss 'kullback-leibler' needs options.solver 'mu'", betaLoss);
  let init: NmfParams['init'];
  let start: NmfStart | undefined;
  if (o.init === undefined) init = nTopics <= Math.min(n, V) ? 'nndsvda' : 'random';
  else if (typeof o.init === 'string') init = oneOf(FN, 'options.init', o.init, ['random', 'nndsvd', 'nndsvda', 'nndsvdar'] as const);
  else if (typeof o.init === 'object' && o.init !== null && !Array.isArray(o.init)) {
    init = 'custom';
    start = o.init;
  } else throw new InvalidOptionError(FN, "options.init must be 'random', 'nndsvd', 'nndsvda', 'nndsvdar' or { W, H }", o.init);
  if (init.startsWith('nndsvd') && nTopics > Math.min(n, V)) {
    throw new InvalidOptionError(FN, `options.nTopics must not exceed min(documents, terms) = ${Math.min(n, V)} with init '${init}'`, nTopics);
  }
  const alphaW = o.alphaW === undefined ? 0 : numberInRange(FN, 'options.alphaW', o.alphaW, { min: 0 });
  const p: NmfParams = {
    nTopics,
    init,
    solver,
    betaLoss,
    tolerance: o.tolerance === undefined ? 1e-4 : numberInRange(FN, 'options.tolerance', o.tolerance, { min: 0 }),
    maxIterations: o.maxIterations === undefined ? 200 : integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1 }),
    alphaW,
    alphaH: o.alphaH === undefined || o.alphaH === 'same' ? alphaW : numberInRange(FN, 'options.alphaH', o.alphaH, { min: 0 }),
    l1Ratio: o.l1Ratio === undefined ? 0 : numberInRange(FN, 'options.l1Ratio', o.l1Ratio, { min: 0, max: 1 }),
    seed: checkSeed(FN, o.seed),
  };
  const ctl = taskControl(FN, o);
  const K = nTopics;
  let W: Float64Array;
  let H: Float64Array;
  if (start !== undefined) {
    W = factor('W', start.W, n, K);
    H = factor('H', start.H, K, V);
  } else if (init === 'random') {
    const rng = createRandom(p.seed);
    const avg = Math.sqrt(meanOf(m) / K);
    H = new Float64Array(K * V);
    for (let i = 0; i < H.length; i++) H[i] = avg * Math.abs(rng.normal());
    W = new Float64Array(n * K);
    for (let i = 0; i < W.length; i++) W[i] = avg * Math.abs(rng.normal());
  } else {
    ({ W, H } = nndsvd(m, K, init as 'nndsvd' | 'nndsvda' | 'nndsvdar', createRandom(p.seed), ctl));
  }
  const beta = betaLoss === 'frobenius' ? 2 : 1;
  const reg = regularization(p, n, V);
  const run = solver === 'cd' ? fitCd(m, W, H, K, p.tolerance, p.maxIterations, reg, true, ctl) : fitMu(m, W, H, K, beta, p.tolerance, p.maxIterations, reg, true, ctl);
  ctl.checkpoint(p.maxIterations, p.maxIterations);
  checkFinite(FN, W, 'W');
  checkFinite(FN, H, 'H');
  const reconstructionError = betaDivergence(m, W, H, K, beta);
  if (!Number.isFinite(reconstructionError)) throw new InvalidInputError(FN, 'the values of X are too large: the reconstruction error overflowed', reconstructionError);
  const components: number[][] = [];
  for (let k = 0; k < K; k++) components.push(Array.from(H.subarray(k * V, (k + 1) * V)));
  return { kind: 'nmf', formatVersion: 1, params: p, components, iterations: run.iterations, converged: run.converged, reconstructionError };
}

/**
 * Topic weights of documents under a fitted NMF model (scikit-learn's `transform`): W minimizing the
 * model's loss with H fixed, one row of nTopics weights ≥ 0 per document (not normalized).
 *
 * @remarks Coordinate descent from W = 0, or multiplicative updates from W = √(mean X / nTopics), with
 * the model's solver, tolerance, iteration cap and W regularization (scaled by this X's terms).
 * @throws {@link InvalidInputError} when X is not a CSR matrix of values ≥ 0 with the model's number of terms
 * @throws {@link ModelFormatError} when model is not an NMF model
 * @example
 * ```ts
 * import { transformNmf, type NmfModel } from 'crmkit/text';
 * const model: NmfModel = {
 *   kind: 'nmf', formatVersion: 1, iterations: 1, converged: true, reconstructionError: 0, components: [[1, 0], [0, 1]],
 *   params: { nTopics: 2, init: 'custom', solver: 'cd', betaLoss: 'frobenius', tolerance: 1e-4, maxIterations: 200, alphaW: 0, alphaH: 0, l1Ratio: 0, seed: 0 },
 * };
 * const X = { rows: 1, cols: 2, indptr: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), data: Float64Array.of(2, 3) };
 * transformNmf(model, X); // => [[2, 3]]
 * ```
 * @category Topics
 */
export function transformNmf(model: NmfModel, X: CsrMatrix): number[][] {
  const fn = 'text/transformNmf';
  const mdl = parseAs(fn, model);
  const p = mdl.params;
  const K = p.nTopics;
  const V = mdl.components[0]!.length;
  const m = checkInput(fn, X, K, V);
  const H = new Float64Array(K * V);
  for (let k = 0; k < K; k++) H.set(mdl.components[k]!, k * V);
  const W = new Float64Array(m.rows * K);
  if (p.solver === 'mu') W.fill(Math.sqrt(meanOf(m) / K));
  const reg = regularization(p, m.rows, V);
  const ctl = taskControl(fn, {});
  if (p.solver === 'cd') fitCd(m, W, H, K, p.tolerance, p.maxIterations, reg, false, ctl);
  else fitMu(m, W, H, K, p.betaLoss === 'frobenius' ? 2 : 1, p.tolerance, p.maxIterations, reg, false, ctl);
  checkFinite(fn, W, 'W');
  const out: number[][] = [];
  for (let d = 0; d < m.rows; d++) out.push(Array.from(W.subarray(d * K, (d + 1) * K)));
  return out;
}

/**
 * The top terms of each topic of a fitted NMF model, by weight in H; `weight` is the term's share of
 * the topic row's sum.
 *
 * @throws {@link ModelFormatError} when model is not an NMF model
 * @throws {@link InvalidOptionError} when `vocabulary` does not have one term per column or `top` is not a positive integer
 * @example
 * ```ts
 * import { nmfTopTerms, type NmfModel } from 'crmkit/text';
 * const model: NmfModel = {
 *   kind: 'nmf', formatVersion: 1, iterations: 1, converged: true, reconstructionError: 0, components: [[3, 1], [0, 2]],
 *   params: { nTopics: 2, init: 'custom', solver: 'cd', betaLoss: 'frobenius', tolerance: 1e-4, maxIterations: 200, alphaW: 0, alphaH: 0, l1Ratio: 0, seed: 0 },
 * };
 * nmfTopTerms(model, { vocabulary: ['fares', 'bags'], top: 1 }); // => [[{ term: 'fares', weight: 0.75 }], [{ term: 'bags', weight: 1 }]]
 * ```
 * @category Topics
 */
export function nmfTopTerms(model: NmfModel, options?: { vocabulary?: readonly string[]; top?: number }): TopicTerm[][] {
  const fn = 'text/nmfTopTerms';
  const mdl = parseAs(fn, model);
  const o = checkOptions(fn, options, ['vocabulary', 'top']);
  const V = mdl.components[0]!.length;
  const top = o.top === undefined ? 10 : integerInRange(fn, 'options.top', o.top, { min: 1 });
  const vocab = checkVocabulary(fn, o.vocabulary, V);
  return mdl.components.map((row) => {
    let s = 0;
    for (const x of row) s += x;
    if (!Number.isFinite(s)) throw new InvalidInputError(fn, 'the model components are too large: their sum overflowed', s);
    const idx = Array.from(row.keys()).sort((a, b) => row[b]! - row[a]! || a - b).slice(0, top);
    return idx.map((v) => ({ term: vocab ? vocab[v]! : String(v), weight: s > 0 ? row[v]! / s : 0 }));
  });
}

/** parseNmfModel with its errors named after the public function `fn` that was called. @internal */
export function parseAs(fn: string, json: unknown): NmfModel {
  try {
    return parseNmfModel(json);
  } catch (e) {
    return rethrowAs(fn, e);
  }
}

/**
 * Checks that a value is an NMF model (from {@link fitNmf}, possibly through JSON) and returns it.
 *
 * @throws {@link ModelFormatError} when kind, formatVersion, params or components are malformed
 * @example
 * ```ts
 * import { parseNmfModel } from 'crmkit/text';
 * try { parseNmfModel({ kind: 'lda' }); } catch (e) { (e as Error).name; } // => 'ModelFormatError'
 * ```
 * @category Topics
 */
export function parseNmfModel(json: unknown): NmfModel {
  const fn = 'text/parseNmfModel';
  if (typeof json !== 'object' || json === null) throw new ModelFormatError(fn, 'model must be an object', json);
  const m = json as Partial<NmfModel>;
  if (m.kind !== 'nmf') throw new ModelFormatError(fn, "kind must be 'nmf'", m.kind);
  if (m.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', m.formatVersion);
  const p = m.params as Partial<NmfParams> | undefined;
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (
    typeof p !== 'object' || p === null || !Number.isInteger(p.nTopics) || !(p.nTopics! >= 1) || !(p.solver === 'cd' || p.solver === 'mu') ||
    !(p.betaLoss === 'frobenius' || p.betaLoss === 'kullback-leibler') || (p.solver === 'cd' && p.betaLoss !== 'frobenius') ||
    !num(p.tolerance) || !(p.tolerance >= 0) || !Number.isInteger(p.maxIterations) || !(p.maxIterations! >= 1) ||
    !num(p.alphaW) || !(p.alphaW >= 0) || !num(p.alphaH) || !(p.alphaH >= 0) || !num(p.l1Ratio) || !(p.l1Ratio >= 0 && p.l1Ratio <= 1)
  ) {
    throw new ModelFormatError(fn, 'params are malformed', p);
  }
  const c = m.components;
  if (!Array.isArray(c) || c.length !== p.nTopics) throw new ModelFormatError(fn, 'components must have one row per topic', c);
  const V = Array.isArray(c[0]) ? c[0].length : 0;
  for (let k = 0; k < c.length; k++) {
    const row: unknown = c[k];
    if (!Array.isArray(row) || row.length !== V || V === 0) throw new ModelFormatError(fn, 'components rows must be numbers >= 0, one per term', row);
    for (let v = 0; v < V; v++) if (!num(row[v]) || !((row[v] as number) >= 0)) throw new ModelFormatError(fn, `components[${k}][${v}] must be a finite number >= 0`, row[v]);
  }
  if (!Number.isInteger(m.iterations) || typeof m.converged !== 'boolean' || !num(m.reconstructionError)) throw new ModelFormatError(fn, 'iterations, converged and reconstructionError must be set', m);
  return m as NmfModel;
}
