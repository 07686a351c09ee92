import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom } from '../core/random.js';
import type { CsrMatrix } from '../core/sparse.js';
import { integerInRange, numberInRange, oneOf, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { checkCsrMatrix, checkedModel, checkLdaModel, checkVocabulary, MAX_LDA_ITERATIONS, MAX_LDA_WEIGHT } from './_check.js';
import { approxBound, eStep, expDirichletTransposed, type EStepConfig } from './_lda.js';

/** Options of {@link fitLda}; the names and defaults are scikit-learn 1.2.1's `LatentDirichletAllocation`. */
export interface FitLdaOptions extends LongRunOptions {
  /** Number of topics (`n_components`). @defaultValue 10 */
  nTopics?: number;
  /** Dirichlet prior α of document–topic mixtures (`doc_topic_prior`), in (0, 2⁵³]. @defaultValue 1 / nTopics */
  docTopicPrior?: number;
  /** Dirichlet prior η of topic–word distributions (`topic_word_prior`), in (0, 2⁵³]. @defaultValue 1 / nTopics */
  topicWordPrior?: number;
  /** `'batch'`: every pass uses all documents; `'online'`: mini-batch updates (faster on large corpora). @defaultValue 'batch' */
  learningMethod?: 'batch' | 'online';
  /** Online: κ, the decay of the step size ρ_t = (τ0 + t)^−κ. @defaultValue 0.7 */
  learningDecay?: number;
  /** Online: τ0, down-weighting early iterations. @defaultValue 10 */
  learningOffset?: number;
  /** Passes over the corpus (`max_iter`), at most 100,000. @defaultValue 10 */
  maxIterations?: number;
  /** Online: documents per mini-batch. @defaultValue 128 */
  batchSize?: number;
  /** Compute perplexity every this many passes and stop when it changes by less than `perplexityTolerance`; 0 never. @defaultValue 0 */
  evaluateEvery?: number;
  /** @defaultValue 0.1 */
  perplexityTolerance?: number;
  /** E-step: stop a document's updates when the mean change of γ is below this. @defaultValue 0.001 */
  meanChangeTolerance?: number;
  /** E-step: most updates per document, at most 100,000. @defaultValue 100 */
  maxDocUpdateIterations?: number;
  /** Seed of the initial topic–word matrix. @defaultValue 0 */
  seed?: number;
  /**
   * Starting topic–word matrix λ (nTopics × terms, positive, at most 2⁵³), for example one exported from
   * scikit-learn to reproduce its fit. @defaultValue seeded Gamma(100, 1/100) draws, as scikit-learn
   */
  init?: readonly (readonly number[])[];
}

/** The resolved settings of an LDA fit. */
export interface LdaParams {
  nTopics: number;
  docTopicPrior: number;
  topicWordPrior: number;
  learningMethod: 'batch' | 'online';
  learningDecay: number;
  learningOffset: number;
  maxIterations: number;
  batchSize: number;
  evaluateEvery: number;
  perplexityTolerance: number;
  meanChangeTolerance: number;
  maxDocUpdateIterations: number;
  seed: number;
}

/** A fitted LDA model (JSON-ready). */
export interface LdaModel {
  kind: 'lda';
  formatVersion: 1;
  params: LdaParams;
  /** Variational topic–word parameters λ (scikit-learn's `components_`), nTopics × terms. */
  components: number[][];
  /** Passes made (`n_iter_`). */
  iterations: number;
  /** Perplexity on the training documents after the last pass (scikit-learn's `bound_`). */
  perplexity: number;
}

const FN = 'text/fitLda';
const KEYS = [
  'nTopics', 'docTopicPrior', 'topicWordPrior', 'learningMethod', 'learningDecay', 'learningOffset', 'maxIterations', 'batchSize',
  'evaluateEvery', 'perplexityTolerance', 'meanChangeTolerance', 'maxDocUpdateIterations', 'seed', 'init', 'signal', 'onProgress',
];

/** Validates a document–term count matrix (canonical CSR, finite counts ≥ 0, at least one row). */
export function checkCounts(fn: string, X: unknown, cols?: number): CsrMatrix {
  const m = checkCsrMatrix(fn, 'X', X, { nonNegative: true, minRows: 1, what: 'a CsrMatrix of counts (for example from transformTfidf with { useIdf: false, norm: null })' });
  if (cols !== undefined && m.cols !== cols) throw new InvalidInputError(fn, `X must have ${cols} columns (the model's terms)`, m.cols);
  return m;
}

/** E-step settings of a model. */
function eCfg(p: LdaParams): EStepConfig {
  return { K: p.nTopics, alpha: p.docTopicPrior, maxDocUpdate: p.maxDocUpdateIterations, meanChangeTol: p.meanChangeTolerance };
}

/** Unnormalized γ for every document, each started from 1 (scikit-learn's transform). */
function inferGamma(X: CsrMatrix, lambda: Float64Array, p: LdaParams, V: number): Float64Array {
  return runSteps(inferGammaSteps(X, lambda, p, V));
}

/** Documents per E-step chunk between two yields (documents are independent, so chunking is exact). */
const DOC_CHUNK = 256;

/** {@link inferGamma} as a kernel: yields every {@link DOC_CHUNK} documents (core/_steps). */
function* inferGammaSteps(X: CsrMatrix, lambda: Float64Array, p: LdaParams, V: number): Steps<Float64Array> {
  const K = p.nTopics;
  const expBetaT = new Float64Array(V * K);
  expDirichletTransposed(lambda, K, V, expBetaT);
  const gamma = new Float64Array(X.rows * K).fill(1);
  for (let c = 0; c < X.rows; c += DOC_CHUNK) {
    eStep(X, c, Math.min(X.rows, c + DOC_CHUNK), expBetaT, eCfg(p), gamma.subarray(c * K), null);
    yield;
  }
  return gamma;
}

function perplexityOf(X: CsrMatrix, gamma: Float64Array, lambda: Float64Array, p: LdaParams, V: number): number {
  let words = 0;
  for (let j = 0; j < X.data.length; j++) words += X.data[j]!;
  const bound = approxBound(X, gamma, lambda, p.nTopics, V, p.docTopicPrior, p.topicWordPrior);
  return Math.exp(-bound / words);
}

/**
 * Fits latent Dirichlet allocation topics to a document–term count matrix by variational Bayes,
 * batch or online, as scikit-learn's `LatentDirichletAllocation` (same priors, defaults and updates).
 *
 * @remarks
 * Each pass runs the E-step (per document, γ ← α + exp E[log θ] ⊙ Σ_w n_w exp E[log β_w] / φ-norm,
 * until the mean change of γ is below `meanChangeTolerance`) and the M-step: batch λ ← η + S; online,
 * per mini-batch of `batchSize` documents, λ ← (1 − ρ) λ + ρ (η + D / |B| · S) with ρ = (τ0 + t)^−κ.
 * One deliberate difference: scikit-learn starts each document's γ from random Gamma(100, 0.01)
 * draws in every training E-step, crmkit from 1 (their mean; no random numbers inside the passes).
 * With the same starting λ (`init`) and that start, the fit equals scikit-learn's to rounding
 * (tested at 1e-6); with crmkit's own seeded start, perplexity is within 5 % of scikit-learn's.
 * Cost O(passes × nnz × nTopics × E-step iterations). Input: counts, e.g. `transformTfidf` of a
 * `fitTfidf(docs, { useIdf: false, norm: null })` model.
 *
 * @see Hoffman, Blei and Bach (2010). Online learning for latent Dirichlet allocation. NIPS.
 * @see sklearn.decomposition.LatentDirichletAllocation
 * @throws {@link InvalidInputError} when X is not a CSR matrix of finite non-negative counts with a document
 * @throws {@link InvalidOptionError} on a bad option, `nTopics` larger than the number of terms, or an `init` of the wrong shape
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { fitLda, fitTfidf, ldaTopTerms, transformLda, transformTfidf } from 'crmkit/text';
 * const docs = ['cheap flights cheap fares', 'flight delayed again', 'lost bag lost luggage', 'bag lost at the airport'];
 * const counts = fitTfidf(docs, { useIdf: false, norm: null, stopWords: 'english' });
 * const X = transformTfidf(counts, docs);
 * const lda = fitLda(X, { nTopics: 2, seed: 1, maxIterations: 50 });
 * lda.components.length; // => 2
 * transformLda(lda, X)[0]!.length; // => 2
 * ldaTopTerms(lda, { vocabulary: counts.vocabulary, top: 2 })[0]!.length; // => 2
 * ```
 * @category Topics
 */
export function fitLda(X: CsrMatrix, options?: FitLdaOptions): LdaModel {
  return runSteps(fitLdaSteps(FN, X, options));
}

/**
 * {@link fitLda} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (every 256 documents of an E-step), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link fitLda} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitLdaAsync, fitTfidf, transformTfidf } from 'crmkit/text';
 * const docs = ['cheap flights cheap fares', 'flight delayed again', 'lost bag lost luggage', 'bag lost at the airport'];
 * const counts = fitTfidf(docs, { useIdf: false, norm: null, stopWords: 'english' });
 * const lda = await fitLdaAsync(transformTfidf(counts, docs), { nTopics: 2, seed: 1, maxIterations: 50 });
 * lda.components.length; // => 2
 * ```
 * @category Topics
 */
export function fitLdaAsync(X: CsrMatrix, options?: FitLdaOptions): Promise<LdaModel> {
  return runStepsAsync(`${FN}Async`, fitLdaSteps(`${FN}Async`, X, options), options);
}

/** The kernel of {@link fitLda} and {@link fitLdaAsync}: yields at checkpoints (core/_steps). */
function* fitLdaSteps(FN: string, X: CsrMatrix, options?: FitLdaOptions): Steps<LdaModel> {
  const m = checkCounts(FN, X);
  const o = checkOptions(FN, options, KEYS);
  const V = m.cols;
  const nTopics = o.nTopics === undefined ? 10 : integerInRange(FN, 'options.nTopics', o.nTopics, { min: 1 });
  if (nTopics > V) throw new InvalidOptionError(FN, `options.nTopics must not exceed the number of terms (${V})`, nTopics);
  const p: LdaParams = {
    nTopics,
    docTopicPrior: o.docTopicPrior === undefined ? 1 / nTopics : numberInRange(FN, 'options.docTopicPrior', o.docTopicPrior, { min: 0, minExclusive: true, max: MAX_LDA_WEIGHT }),
    topicWordPrior: o.topicWordPrior === undefined ? 1 / nTopics : numberInRange(FN, 'options.topicWordPrior', o.topicWordPrior, { min: 0, minExclusive: true, max: MAX_LDA_WEIGHT }),
    learningMethod: o.learningMethod === undefined ? 'batch' : oneOf(FN, 'options.learningMethod', o.learningMethod, ['batch', 'online'] as const),
    learningDecay: o.learningDecay === undefined ? 0.7 : numberInRange(FN, 'options.learningDecay', o.learningDecay, { min: 0.5, max: 1 }),
    learningOffset: o.learningOffset === undefined ? 10 : numberInRange(FN, 'options.learningOffset', o.learningOffset, { min: 1 }),
    maxIterations: o.maxIterations === undefined ? 10 : integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1, max: MAX_LDA_ITERATIONS }),
    batchSize: o.batchSize === undefined ? 128 : integerInRange(FN, 'options.batchSize', o.batchSize, { min: 1 }),
    evaluateEvery: o.evaluateEvery === undefined ? 0 : integerInRange(FN, 'options.evaluateEvery', o.evaluateEvery, { min: 0 }),
    perplexityTolerance: o.perplexityTolerance === undefined ? 0.1 : numberInRange(FN, 'options.perplexityTolerance', o.perplexityTolerance, { min: 0 }),
    meanChangeTolerance: o.meanChangeTolerance === undefined ? 1e-3 : numberInRange(FN, 'options.meanChangeTolerance', o.meanChangeTolerance, { min: 0 }),
    maxDocUpdateIterations: o.maxDocUpdateIterations === undefined ? 100 : integerInRange(FN, 'options.maxDocUpdateIterations', o.maxDocUpdateIterations, { min: 1, max: MAX_LDA_ITERATIONS }),
    seed: checkSeed(FN, o.seed),
  };
  const K = nTopics;
  const lambda = new Float64Array(K * V);
  if (o.init !== undefined) {
    const init = o.init;
    if (!Array.isArray(init) || init.length !== K) throw new InvalidOptionError(FN, `options.init must be ${K} rows (one per topic)`, init);
    for (let k = 0; k < K; k++) {
      const row = init[k];
      if (!Array.isArray(row) || row.length !== V) throw new InvalidOptionError(FN, `options.init[${k}] must have ${V} values (one per term)`, row);
      for (let v = 0; v < V; v++) {
        const x = row[v];
        if (typeof x !== 'number' || !(x > 0) || !(x <= MAX_LDA_WEIGHT)) throw new InvalidOptionError(FN, `options.init[${k}][${v}] must be a number in (0, 2^53]`, x);
        lambda[k * V + v] = x;
      }
    }
  } else {
    const rng = createRandom(p.seed);
    for (let i = 0; i < K * V; i++) lambda[i] = rng.gamma(100) / 100;
  }
  const ctl = taskControl(FN, o);
  const expBetaT = new Float64Array(V * K);
  expDirichletTransposed(lambda, K, V, expBetaT);
  const cfg = eCfg(p);
  const n = m.rows;
  const sstats = new Float64Array(V * K);
  let batchIter = 1;
  let iterations = 0;
  let lastBound: number | undefined;
  const emStep = function* (r0: number, r1: number, batch: boolean): Steps<void> {
    const gamma = new Float64Array((r1 - r0) * K).fill(1);
    sstats.fill(0);
    for (let c = r0; c < r1; c += DOC_CHUNK) {
      eStep(m, c, Math.min(r1, c + DOC_CHUNK), expBetaT, cfg, gamma.subarray((c - r0) * K), sstats);
      yield;
    }
    if (batch) {
      for (let k = 0; k < K; k++) for (let v = 0; v < V; v++) lambda[k * V + v] = p.topicWordPrior + sstats[v * K + k]! * expBetaT[v * K + k]!;
    } else {
      const rho = Math.pow(p.learningOffset + batchIter, -p.learningDecay);
      const ratio = n / (r1 - r0);
      for (let k = 0; k < K; k++) {
        for (let v = 0; v < V; v++) {
          const i = k * V + v;
          lambda[i] = lambda[i]! * (1 - rho) + rho * (p.topicWordPrior + ratio * sstats[v * K + k]! * expBetaT[v * K + k]!);
        }
      }
    }
    expDirichletTransposed(lambda, K, V, expBetaT);
    batchIter++;
  };
  for (let it = 0; it < p.maxIterations; it++) {
    ctl.checkpoint(it, p.maxIterations);
    if (p.learningMethod === 'online') {
      for (let r0 = 0; r0 < n; r0 += p.batchSize) {
        yield* emStep(r0, Math.min(n, r0 + p.batchSize), false);
        ctl.throwIfAborted();
      }
    } else yield* emStep(0, n, true);
    if (p.evaluateEvery > 0 && (it + 1) % p.evaluateEvery === 0) {
      const bound = perplexityOf(m, yield* inferGammaSteps(m, lambda, p, V), lambda, p, V);
      if (lastBound !== undefined && Math.abs(lastBound - bound) < p.perplexityTolerance) break;
      lastBound = bound;
    }
    iterations++;
  }
  const perplexity = perplexityOf(m, yield* inferGammaSteps(m, lambda, p, V), lambda, p, V);
  ctl.checkpoint(p.maxIterations, p.maxIterations);
  const components: number[][] = [];
  for (let k = 0; k < K; k++) components.push(Array.from(lambda.subarray(k * V, (k + 1) * V)));
  return { kind: 'lda', formatVersion: 1, params: p, components, iterations, perplexity };
}

function lambdaOf(model: LdaModel): Float64Array {
  const K = model.components.length;
  const V = model.components[0]!.length;
  const lambda = new Float64Array(K * V);
  for (let k = 0; k < K; k++) lambda.set(model.components[k]!, k * V);
  return lambda;
}

/**
 * Topic mixtures of documents under a fitted LDA model (scikit-learn's `transform`): one row per
 * document, nTopics shares summing to 1. A document with no known term gets the uniform mixture.
 *
 * @remarks The E-step from γ = 1 with the model's λ, then each row normalized. Cost O(nnz × nTopics × E-step iterations).
 * @throws {@link InvalidInputError} when X is not a count matrix with the model's number of terms
 * @throws {@link ModelFormatError} when model is not an LDA model
 * @example
 * ```ts
 * import { fitLda, fitTfidf, transformLda, transformTfidf } from 'crmkit/text';
 * const docs = ['cheap flights cheap fares', 'lost bag lost luggage'];
 * const counts = fitTfidf(docs, { useIdf: false, norm: null });
 * const lda = fitLda(transformTfidf(counts, docs), { nTopics: 2, seed: 3 });
 * const mix = transformLda(lda, transformTfidf(counts, ['lost luggage']))[0]!;
 * Math.abs(mix[0]! + mix[1]! - 1) < 1e-12; // => true
 * ```
 * @category Topics
 */
export function transformLda(model: LdaModel, X: CsrMatrix): number[][] {
  const fn = 'text/transformLda';
  const mdl = checkedModel(fn, model, 'lda', checkLdaModel);
  const V = mdl.components[0]!.length;
  const m = checkCounts(fn, X, V);
  const K = mdl.params.nTopics;
  const gamma = inferGamma(m, lambdaOf(mdl), mdl.params, V);
  const out: number[][] = [];
  for (let d = 0; d < m.rows; d++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += gamma[d * K + k]!;
    const row: number[] = [];
    for (let k = 0; k < K; k++) row.push(gamma[d * K + k]! / s);
    out.push(row);
  }
  return out;
}

/**
 * Perplexity of documents under a fitted LDA model, exp(−bound / word count) with the variational
 * bound of scikit-learn's `perplexity` (lower is better; compare settings on held-out documents).
 *
 * @throws {@link InvalidInputError} when X is not a count matrix with the model's number of terms or holds no word
 * @throws {@link ModelFormatError} when model is not an LDA model
 * @example
 * ```ts
 * import { fitLda, fitTfidf, ldaPerplexity, transformTfidf } from 'crmkit/text';
 * const docs = ['cheap flights cheap fares', 'lost bag lost luggage', 'cheap fares again'];
 * const counts = fitTfidf(docs, { useIdf: false, norm: null });
 * const X = transformTfidf(counts, docs);
 * const lda = fitLda(X, { nTopics: 2, seed: 3 });
 * ldaPerplexity(lda, X) === lda.perplexity; // => true
 * ```
 * @category Topics
 */
export function ldaPerplexity(model: LdaModel, X: CsrMatrix): number {
  const fn = 'text/ldaPerplexity';
  const mdl = checkedModel(fn, model, 'lda', checkLdaModel);
  const V = mdl.components[0]!.length;
  const m = checkCounts(fn, X, V);
  let words = 0;
  for (let j = 0; j < m.data.length; j++) words += m.data[j]!;
  if (!(words > 0)) throw new InvalidInputError(fn, 'X must hold at least one word', words);
  const lambda = lambdaOf(mdl);
  return perplexityOf(m, inferGamma(m, lambda, mdl.params, V), lambda, mdl.params, V);
}

/** A topic's term and its probability under the topic. */
export interface TopicTerm {
  /** The term (from `vocabulary`) or its column index as a string when no vocabulary is given. */
  term: string;
  /** Its probability in the topic, λ_kv / Σ_v λ_kv. */
  weight: number;
}

/**
 * The top terms of each topic of a fitted LDA model, by probability.
 *
 * @throws {@link ModelFormatError} when model is not an LDA model
 * @throws {@link InvalidOptionError} when `vocabulary` does not have one term per column or `top` is not a positive integer
 * @example
 * ```ts
 * import { ldaTopTerms, type LdaModel } from 'crmkit/text';
 * const model: LdaModel = {
 *   kind: 'lda', formatVersion: 1, iterations: 1, perplexity: 1, components: [[3, 1], [1, 3]],
 *   params: { nTopics: 2, docTopicPrior: 0.5, topicWordPrior: 0.5, learningMethod: 'batch', learningDecay: 0.7, learningOffset: 10, maxIterations: 10, batchSize: 128, evaluateEvery: 0, perplexityTolerance: 0.1, meanChangeTolerance: 0.001, maxDocUpdateIterations: 100, seed: 0 },
 * };
 * ldaTopTerms(model, { vocabulary: ['fares', 'bags'], top: 1 }); // => [[{ term: 'fares', weight: 0.75 }], [{ term: 'bags', weight: 0.75 }]]
 * ```
 * @category Topics
 */
export function ldaTopTerms(model: LdaModel, options?: { vocabulary?: readonly string[]; top?: number }): TopicTerm[][] {
  const fn = 'text/ldaTopTerms';
  const mdl = checkedModel(fn, model, 'lda', checkLdaModel);
  const o = checkOptions(fn, options, ['vocabulary', 'top']);
  const V = mdl.components[0]!.length;
  const top = o.top === undefined ? 10 : integerInRange(fn, 'options.top', o.top, { min: 1 });
  const vocab = o.vocabulary;
  if (vocab !== undefined) checkVocabulary(fn, 'options.vocabulary', vocab, V);
  return mdl.components.map((row) => {
    let s = 0;
    for (const x of row) s += x;
    const idx = Array.from(row.keys()).sort((a, b) => row[b]! - row[a]! || a - b).slice(0, top);
    return idx.map((v) => ({ term: vocab ? vocab[v]! : String(v), weight: row[v]! / s }));
  });
}

/**
 * Checks that a value is an LDA model (from {@link fitLda}, possibly through JSON) and returns it.
 *
 * @remarks Checks every param against the range {@link fitLda} accepts, `iterations`, `perplexity`, and
 * components of positive weights of at most 2⁵³ (λ counts words), one per term. O(nTopics × terms).
 * @throws {@link ModelFormatError} when kind, formatVersion, params or components are malformed
 * @example
 * ```ts
 * import { parseLdaModel } from 'crmkit/text';
 * try { parseLdaModel({ kind: 'kmeans' }); } catch (e) { (e as Error).name; } // => 'ModelFormatError'
 * ```
 * @category Topics
 */
export function parseLdaModel(json: unknown): LdaModel {
  return checkLdaModel('text/parseLdaModel', json);
}
