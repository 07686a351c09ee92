/**
 * Variational Bayes kernels of latent Dirichlet allocation, as in scikit-learn 1.2.1's
 * `LatentDirichletAllocation` (Hoffman, Blei and Bach 2010): the per-document E-step, the
 * Dirichlet expectations and the evidence lower bound behind perplexity.
 *
 * @internal
 * @module
 */
import type { CsrMatrix } from '../core/sparse.js';
import { logGamma } from '../core/special/gamma.js';

/**
 * ψ(x) for x > 0, unvalidated, for the hot loops: shift to x ≥ 10 with ψ(x) = ψ(x + 1) − 1/x, then
 * the asymptotic series ln x − 1/(2x) − Σ B_2k / (2k x^2k) to x^-14 (next term below 5e-17 at
 * x ≥ 10; checked against core's digamma in the tests).
 */
export function digamma(x: number): number {
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const t = f * (-1 / 12 + f * (1 / 120 + f * (-1 / 252 + f * (1 / 240 + f * (-1 / 132 + f * (691 / 32760 + f * (-1 / 12)))))));
  return r + Math.log(x) - 0.5 / x + t;
}

/** numpy's float64 machine epsilon, added to φ normalizers as scikit-learn does. */
const EPS = 2.220446049250313e-16;

/** exp(ψ(λ_kv) − ψ(Σ_v λ_kv)) for a K × V row-major matrix, written transposed (V × K). */
export function expDirichletTransposed(lambda: Float64Array, K: number, V: number, out: Float64Array): void {
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let v = 0; v < V; v++) s += lambda[k * V + v]!;
    const ps = digamma(s);
    for (let v = 0; v < V; v++) out[v * K + k] = Math.exp(digamma(lambda[k * V + v]!) - ps);
  }
}

/** E[log θ] (or E[log β]) rows: ψ(x_i) − ψ(Σ x) for a K-vector. */
function dirichletExpectation(x: Float64Array, off: number, K: number, out: Float64Array, outOff: number): void {
  let s = 0;
  for (let k = 0; k < K; k++) s += x[off + k]!;
  const ps = digamma(s);
  for (let k = 0; k < K; k++) out[outOff + k] = digamma(x[off + k]!) - ps;
}

export interface EStepConfig {
  K: number;
  alpha: number;
  maxDocUpdate: number;
  meanChangeTol: number;
}

/**
 * The E-step over rows [r0, r1) of X: variational γ per document (written to `gamma`, row-major,
 * starting from its current content) and, when `sstats` is given (V × K), the sufficient
 * statistics Σ_d n_dv φ_dvk (before the final multiplication by exp E[log β]).
 */
export function eStep(X: CsrMatrix, r0: number, r1: number, expBetaT: Float64Array, cfg: EStepConfig, gamma: Float64Array, sstats: Float64Array | null): void {
  const { K, alpha, maxDocUpdate, meanChangeTol } = cfg;
  const expTheta = new Float64Array(K);
  const next = new Float64Array(K);
  const tmp = new Float64Array(K);
  let phinorm = new Float64Array(64);
  for (let d = r0; d < r1; d++) {
    const g0 = (d - r0) * K;
    const a = X.indptr[d]!;
    const b = X.indptr[d + 1]!;
    if (b - a > phinorm.length) phinorm = new Float64Array(2 * (b - a));
    dirichletExpectation(gamma, g0, K, tmp, 0);
    for (let k = 0; k < K; k++) expTheta[k] = Math.exp(tmp[k]!);
    for (let it = 0; it < maxDocUpdate; it++) {
      next.fill(0);
      for (let j = a; j < b; j++) {
        const base = X.indices[j]! * K;
        let s = 0;
        for (let k = 0; k < K; k++) s += expTheta[k]! * expBetaT[base + k]!;
        const w = X.data[j]! / (s + EPS);
        for (let k = 0; k < K; k++) next[k]! += w * expBetaT[base + k]!;
      }
      let change = 0;
      for (let k = 0; k < K; k++) {
        const v = expTheta[k]! * next[k]! + alpha;
        change += Math.abs(v - gamma[g0 + k]!);
        gamma[g0 + k] = v;
      }
      dirichletExpectation(gamma, g0, K, tmp, 0);
      for (let k = 0; k < K; k++) expTheta[k] = Math.exp(tmp[k]!);
      if (change / K < meanChangeTol) break;
    }
    if (sstats !== null) {
      for (let j = a; j < b; j++) {
        const base = X.indices[j]! * K;
        let s = 0;
        for (let k = 0; k < K; k++) s += expTheta[k]! * expBetaT[base + k]!;
        const w = X.data[j]! / (s + EPS);
        for (let k = 0; k < K; k++) sstats[base + k]! += expTheta[k]! * w;
      }
    }
  }
}

/**
 * scikit-learn's `_approx_bound` without sub-sampling: E[log p(docs | θ, β)] + E[log p(θ | α) −
 * log q(θ | γ)] + E[log p(β | η) − log q(β | λ)].
 */
export function approxBound(X: CsrMatrix, gamma: Float64Array, lambda: Float64Array, K: number, V: number, alpha: number, eta: number): number {
  const n = X.rows;
  const eLogTheta = new Float64Array(n * K);
  for (let d = 0; d < n; d++) dirichletExpectation(gamma, d * K, K, eLogTheta, d * K);
  // E[log β], transposed V × K for the per-word loop.
  const eLogBetaT = new Float64Array(V * K);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let v = 0; v < V; v++) s += lambda[k * V + v]!;
    const ps = digamma(s);
    for (let v = 0; v < V; v++) eLogBetaT[v * K + k] = digamma(lambda[k * V + v]!) - ps;
  }
  let score = 0;
  for (let d = 0; d < n; d++) {
    for (let j = X.indptr[d]!; j < X.indptr[d + 1]!; j++) {
      const base = X.indices[j]! * K;
      let m = -Infinity;
      for (let k = 0; k < K; k++) m = Math.max(m, eLogTheta[d * K + k]! + eLogBetaT[base + k]!);
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(eLogTheta[d * K + k]! + eLogBetaT[base + k]! - m);
      score += X.data[j]! * (m + Math.log(s));
    }
  }
  score += logLikelihood(alpha, gamma, eLogTheta, n, K, false);
  score += logLikelihood(eta, lambda, eLogBetaT, K, V, true);
  return score;
}

/** scikit-learn's `_loglikelihood(prior, distr, dirichlet_distr, size)` over `rows` rows of `size`. */
function logLikelihood(prior: number, distr: Float64Array, dir: Float64Array, rows: number, size: number, dirTransposed: boolean): number {
  let score = 0;
  const lgPrior = logGamma(prior);
  const lgPriorSize = logGamma(prior * size);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < size; c++) {
      const x = distr[r * size + c]!;
      const e = dirTransposed ? dir[c * rows + r]! : dir[r * size + c]!;
      score += (prior - x) * e + logGamma(x) - lgPrior;
      sum += x;
    }
    score += lgPriorSize - logGamma(sum);
  }
  return score;
}
