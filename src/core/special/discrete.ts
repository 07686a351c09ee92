/**
 * Discrete distributions: Poisson, binomial and hypergeometric pmf, cdf and sf.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';
import { count, nonNegative, probability } from './_check.js';
import { LN_SQRT_2PI, bd0, logPoissonTerm, stirlerr } from './_gammaKernels.js';
import { incGamma } from './_incGammaKernels.js';
import { betaInc } from './_incBetaKernels.js';

function integer(fn: string, name: string, k: unknown): number {
  if (typeof k !== 'number' || !Number.isInteger(k)) throw new InvalidInputError(fn, `${name} must be an integer`, k);
  return k;
}

/** Loader's binomial probability C(n,k) pᵏ qⁿ⁻ᵏ without cancellation (q = 1 − p given separately). */
function dbinomRaw(k: number, n: number, p: number, q: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) return n === 0 ? 1 : Math.exp(-bd0(n, n * q) - n * p);
  if (k === n) return Math.exp(-bd0(n, n * p) - n * q);
  if (k < 0 || k > n) return 0;
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  return Math.exp(lc - LN_SQRT_2PI - 0.5 * (Math.log(k) + Math.log1p(-k / n)));
}

/**
 * Poisson probability mass P(X = k) = μᵏe^(−μ)/k!.
 *
 * @remarks Loader's saddle-point form exp(−S(k) − bd0(k, μ))/√(2πk): no overflow of μᵏ or k! and
 * ≈ 1e-15 relative even at k, μ ~ 1e9. 0 for k < 0.
 * @see scipy.stats.poisson.pmf
 * @throws {@link InvalidInputError} unless k is an integer and μ ≥ 0 is finite
 * @example
 * ```ts
 * import { poissonPmf } from 'crmkit';
 * poissonPmf(2, 3); // => 0.22404180765538775
 * ```
 * @category Distributions
 */
export function poissonPmf(k: number, mu: number): number {
  const fn = 'core/poissonPmf';
  integer(fn, 'k', k);
  nonNegative(fn, 'mu', mu);
  if (k < 0) return 0;
  if (mu === 0) return k === 0 ? 1 : 0;
  if (k === 0) return Math.exp(-mu);
  return Math.exp(logPoissonTerm(k, mu));
}

/**
 * Poisson cdf P(X ≤ k) = Q(k + 1, μ) (regularized upper incomplete gamma).
 *
 * @remarks See {@link regularizedGammaQ}. 0 for k < 0.
 * @see scipy.stats.poisson.cdf
 * @throws {@link InvalidInputError} unless k is an integer and μ ≥ 0 is finite
 * @example
 * ```ts
 * import { poissonCdf } from 'crmkit';
 * poissonCdf(2, 3); // => 0.4231900811268434
 * ```
 * @category Distributions
 */
export function poissonCdf(k: number, mu: number): number {
  const fn = 'core/poissonCdf';
  integer(fn, 'k', k);
  nonNegative(fn, 'mu', mu);
  if (k < 0) return 0;
  if (mu === 0) return 1;
  return incGamma(k + 1, mu, true);
}

/**
 * Poisson survival function P(X > k) = P(k + 1, μ), computed directly.
 *
 * @remarks See {@link regularizedGammaP}. 1 for k < 0.
 * @see scipy.stats.poisson.sf
 * @throws {@link InvalidInputError} unless k is an integer and μ ≥ 0 is finite
 * @example
 * ```ts
 * import { poissonSf } from 'crmkit';
 * poissonSf(2, 3); // => 0.5768099188731566
 * ```
 * @category Distributions
 */
export function poissonSf(k: number, mu: number): number {
  const fn = 'core/poissonSf';
  integer(fn, 'k', k);
  nonNegative(fn, 'mu', mu);
  if (k < 0) return 1;
  if (mu === 0) return 0;
  return incGamma(k + 1, mu, false);
}

function binomArgs(fn: string, k: number, n: number, p: number): void {
  integer(fn, 'k', k);
  count(fn, 'n', n);
  probability(fn, 'p', p);
}

/**
 * Binomial probability mass P(X = k) for n trials with success probability p.
 *
 * @remarks Loader's algorithm: exp(S(n) − S(k) − S(n−k) − bd0(k, np) − bd0(n−k, nq))·√(n/(2πk(n−k))),
 * accurate (≈ 1e-15) for n up to 1e15. 0 outside 0…n.
 * @see scipy.stats.binom.pmf
 * @throws {@link InvalidInputError} unless k is an integer, n an integer ≥ 0 and p ∈ [0, 1]
 * @example
 * ```ts
 * import { binomialPmf } from 'crmkit';
 * binomialPmf(3, 10, 0.5); // => 0.11718750000000003
 * ```
 * @category Distributions
 */
export function binomialPmf(k: number, n: number, p: number): number {
  binomArgs('core/binomialPmf', k, n, p);
  if (k < 0 || k > n) return 0;
  return dbinomRaw(k, n, p, 1 - p);
}

/**
 * Binomial cdf P(X ≤ k) = I_(1−p)(n − k, k + 1).
 *
 * @remarks Regularized incomplete beta with 1 − p and p both passed exactly. 0 for k < 0, 1 for k ≥ n.
 * @see scipy.stats.binom.cdf
 * @throws {@link InvalidInputError} unless k is an integer, n an integer ≥ 0 and p ∈ [0, 1]
 * @example
 * ```ts
 * import { binomialCdf } from 'crmkit';
 * binomialCdf(3, 10, 0.5); // => 0.17187500000000003
 * ```
 * @category Distributions
 */
export function binomialCdf(k: number, n: number, p: number): number {
  binomArgs('core/binomialCdf', k, n, p);
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaInc(n - k, k + 1, 1 - p, p, false);
}

/**
 * Binomial survival function P(X > k) = I_p(k + 1, n − k), computed directly.
 *
 * @remarks See {@link binomialCdf}. 1 for k < 0, 0 for k ≥ n.
 * @see scipy.stats.binom.sf
 * @throws {@link InvalidInputError} unless k is an integer, n an integer ≥ 0 and p ∈ [0, 1]
 * @example
 * ```ts
 * import { binomialSf } from 'crmkit';
 * binomialSf(3, 10, 0.5); // => 0.828125
 * ```
 * @category Distributions
 */
export function binomialSf(k: number, n: number, p: number): number {
  binomArgs('core/binomialSf', k, n, p);
  if (k < 0) return 1;
  if (k >= n) return 0;
  return betaInc(k + 1, n - k, p, 1 - p, false);
}

function hyperArgs(fn: string, k: number, M: number, n: number, N: number): void {
  integer(fn, 'k', k);
  count(fn, 'M', M);
  count(fn, 'n', n);
  count(fn, 'N', N);
  if (n > M) throw new InvalidInputError(fn, `n (successes in the population) must be <= M (${M})`, n);
  if (N > M) throw new InvalidInputError(fn, `N (draws) must be <= M (${M})`, N);
}

function hyperPmfK(k: number, M: number, n: number, N: number): number {
  const lo = Math.max(0, N - (M - n));
  const hi = Math.min(n, N);
  if (k < lo || k > hi) return 0;
  const p = N / M;
  const q = (M - N) / M;
  return (dbinomRaw(k, n, p, q) * dbinomRaw(N - k, M - n, p, q)) / dbinomRaw(N, M, p, q);
}

/** Σ pmf(j) for j from k down to the support's low end (k at or below the mode: terms decrease). */
function hyperSumDown(k: number, M: number, n: number, N: number): number {
  const lo = Math.max(0, N - (M - n));
  let term = hyperPmfK(k, M, n, N);
  let s = term;
  for (let j = k; j > lo; j--) {
    term *= (j * (M - n - N + j)) / ((n - j + 1) * (N - j + 1));
    s += term;
    if (term <= 1e-17 * s) break;
  }
  return s;
}

/** Σ pmf(j) for j from k up to the support's high end (k above the mode: terms decrease). */
function hyperSumUp(k: number, M: number, n: number, N: number): number {
  const hi = Math.min(n, N);
  let term = hyperPmfK(k, M, n, N);
  let s = term;
  for (let j = k; j < hi; j++) {
    term *= ((n - j) * (N - j)) / ((j + 1) * (M - n - N + j + 1));
    s += term;
    if (term <= 1e-17 * s) break;
  }
  return s;
}

/**
 * Hypergeometric probability mass: drawing N items without replacement from M, of which n are
 * successes, P(X = k) successes (scipy's argument order M, n, N).
 *
 * @remarks C(n,k)C(M−n,N−k)/C(M,N) as a ratio of three Loader binomial probabilities at p = N/M,
 * which avoids the cancellation of log-factorial differences for large M. 0 outside the support.
 * @see scipy.stats.hypergeom.pmf(k, M, n, N)
 * @throws {@link InvalidInputError} unless k is an integer and M, n, N are integers with 0 ≤ n, N ≤ M
 * @example
 * ```ts
 * import { hypergeometricPmf } from 'crmkit';
 * hypergeometricPmf(1, 20, 7, 12); // => 0.0043343653250774
 * ```
 * @category Distributions
 */
export function hypergeometricPmf(k: number, M: number, n: number, N: number): number {
  hyperArgs('core/hypergeometricPmf', k, M, n, N);
  return hyperPmfK(k, M, n, N);
}

/**
 * Hypergeometric cdf P(X ≤ k) (scipy's argument order M, n, N).
 *
 * @remarks Below the mode: the pmf at k plus the terms below by the ratio recurrence (decreasing, so
 * the sum stops at 1e-17 relative); above it 1 − {@link hypergeometricSf}.
 * @see scipy.stats.hypergeom.cdf(k, M, n, N)
 * @throws {@link InvalidInputError} unless k is an integer and M, n, N are integers with 0 ≤ n, N ≤ M
 * @example
 * ```ts
 * import { hypergeometricCdf } from 'crmkit';
 * hypergeometricCdf(1, 20, 7, 12); // => 0.004437564499484004
 * ```
 * @category Distributions
 */
export function hypergeometricCdf(k: number, M: number, n: number, N: number): number {
  hyperArgs('core/hypergeometricCdf', k, M, n, N);
  return hyperCdfK(k, M, n, N, false);
}

/**
 * Hypergeometric survival function P(X > k), computed directly in the upper tail.
 *
 * @remarks Above the mode: the terms above k summed upward; below it 1 − cdf.
 * @see scipy.stats.hypergeom.sf(k, M, n, N)
 * @throws {@link InvalidInputError} unless k is an integer and M, n, N are integers with 0 ≤ n, N ≤ M
 * @example
 * ```ts
 * import { hypergeometricSf } from 'crmkit';
 * hypergeometricSf(5, 20, 7, 12); // => 0.10557275541795674
 * ```
 * @category Distributions
 */
export function hypergeometricSf(k: number, M: number, n: number, N: number): number {
  hyperArgs('core/hypergeometricSf', k, M, n, N);
  return hyperCdfK(k, M, n, N, true);
}

function hyperCdfK(k: number, M: number, n: number, N: number, upper: boolean): number {
  const lo = Math.max(0, N - (M - n));
  const hi = Math.min(n, N);
  if (k < lo) return upper ? 1 : 0;
  if (k >= hi) return upper ? 0 : 1;
  const mode = Math.floor(((n + 1) * (N + 1)) / (M + 2));
  if (k <= mode) {
    const c = hyperSumDown(k, M, n, N);
    return upper ? 1 - c : c;
  }
  const s = hyperSumUp(k + 1, M, n, N);
  return upper ? s : 1 - s;
}
