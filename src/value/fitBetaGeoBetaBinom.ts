import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import { assembleModel, checkModel, fitOptions, MAX_TOTAL_WEIGHT, runFit, type BtydFitOptions, type FitDiagnostics, type LogLikelihoodKernel } from './_btyd.js';
import { logBeta, logGamma } from '../core/special/index.js';

/** One customer (or weighted pattern) in discrete time for BG/BB. */
export interface DiscreteCustomer {
  /** Repeat transactions x, integer in [0, periods]. */
  readonly frequency: number;
  /** Period of the last transaction t_x, integer in [x, periods] (0 when x = 0). */
  readonly recency: number;
  /** Transaction opportunities n after the first, integer ≥ 1. */
  readonly periods: number;
  /** Customers sharing this pattern (> 0). @defaultValue 1 */
  readonly weight?: number;
}

/** Parameters of the BG/BB model. */
export interface BetaGeoBetaBinomParams {
  /** Beta shape α of the transaction probability p. */
  alpha: number;
  /** Beta shape β of p. */
  beta: number;
  /** Beta shape γ of the drop-out probability θ. */
  gamma: number;
  /** Beta shape δ of θ. */
  delta: number;
}

/** A fitted BG/BB model (JSON-ready). */
export interface BetaGeoBetaBinomModel {
  kind: 'betaGeoBetaBinom';
  formatVersion: 1;
  params: BetaGeoBetaBinomParams;
  /** Absent when the Hessian at the optimum is not positive definite. */
  standardErrors?: BetaGeoBetaBinomParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  nCustomers: number;
  options: { penalizer: number; maxIterations: number; tolerance: number };
  /** What limits how far the fit can be trusted: parameters near a bound, a Hessian that is not positive definite, data without variation (absent only in models saved by older versions). */
  diagnostics?: FitDiagnostics;
}

const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

/** Validated discrete patterns. @internal */
export interface DiscreteData {
  x: Int32Array;
  tx: Int32Array;
  n: Int32Array;
  w: Float64Array;
  totalWeight: number;
  nMax: number;
}

/** Validates BG/BB rows. @internal */
export function toDiscrete(fn: string, customers: unknown): DiscreteData {
  const arr = arrayLike<DiscreteCustomer>(fn, 'customers', customers, 1);
  const m = arr.length;
  const x = new Int32Array(m);
  const tx = new Int32Array(m);
  const n = new Int32Array(m);
  const w = new Float64Array(m);
  let total = 0;
  let nMax = 0;
  for (let i = 0; i < m; i++) {
    const c = arr[i];
    if (c === null || typeof c !== 'object') throw new InvalidInputError(fn, `customers[${i}] must be an object { frequency, recency, periods }`, c);
    const ni = c.periods;
    if (typeof ni !== 'number' || !Number.isInteger(ni) || ni < 1 || ni > MAX_PERIODS) throw new InvalidInputError(fn, `customers[${i}].periods must be an integer in [1, ${MAX_PERIODS}]`, ni);
    const xi = c.frequency;
    if (typeof xi !== 'number' || !Number.isInteger(xi) || xi < 0 || xi > ni) throw new InvalidInputError(fn, `customers[${i}].frequency must be an integer in [0, periods = ${ni}]`, xi);
    const ti = c.recency;
    if (typeof ti !== 'number' || !Number.isInteger(ti) || ti < xi || ti > ni || (xi === 0 && ti !== 0)) {
      throw new InvalidInputError(fn, `customers[${i}].recency must be an integer in [frequency, periods] (0 when frequency is 0)`, ti);
    }
    const wi = c.weight === undefined ? 1 : c.weight;
    if (typeof wi !== 'number' || !Number.isFinite(wi) || wi <= 0) throw new InvalidInputError(fn, `customers[${i}].weight must be a finite number > 0`, wi);
    x[i] = xi;
    tx[i] = ti;
    n[i] = ni;
    w[i] = wi;
    total += wi;
    if (ni > nMax) nMax = ni;
  }
  if (!(total <= MAX_TOTAL_WEIGHT)) throw new InvalidInputError(fn, `the weights of customers must sum to at most 2^53 (${MAX_TOTAL_WEIGHT})`, total);
  return { x, tx, n, w, totalWeight: total, nMax };
}

/**
 * Most transaction opportunities a BG/BB customer may have (the likelihood and the probabilities cost
 * O(periods)); 100,000 is daily opportunities over 270 years.
 */
export const MAX_PERIODS = 100000;

/** Running log-Pochhammer sums: out[k] = Σ_{j<k} ln(v + j). */
function poch(v: number, kMax: number, out: Float64Array): void {
  let s = 0;
  for (let k = 0; k <= kMax; k++) {
    out[k] = s;
    s += Math.log(v + k);
  }
}

/**
 * BG/BB kernel (value only). With integer x, t_x, n every beta ratio is a ratio of Pochhammer
 * products: B(α+x, β+m)/B(α, β) = (α)_x(β)_m/(α+β)_{x+m}, B(γ, δ+m)/B(γ, δ) = (δ)_m/(γ+δ)_m,
 * B(γ+1, δ+m)/B(γ, δ) = γ(δ)_m/(γ+δ)_{m+1}.
 * @internal
 */
export function betaGeoBetaBinomKernel(d: DiscreteData): LogLikelihoodKernel {
  const K = 2 * d.nMax + 2;
  const la = new Float64Array(K + 1);
  const lb = new Float64Array(K + 1);
  const lab = new Float64Array(K + 1);
  const ld = new Float64Array(K + 1);
  const lgd = new Float64Array(K + 1);
  const terms = new Float64Array(d.nMax + 2);
  return (p) => {
    const [al, be, ga, de] = [p[0]!, p[1]!, p[2]!, p[3]!];
    poch(al, K, la);
    poch(be, K, lb);
    poch(al + be, K, lab);
    poch(de, K, ld);
    poch(ga + de, K, lgd);
    const lnGa = Math.log(ga);
    let ll = 0;
    for (let i = 0; i < d.x.length; i++) {
      const x = d.x[i]!;
      const tx = d.tx[i]!;
      const n = d.n[i]!;
      let best = la[x]! + lb[n - x]! - lab[n]! + ld[n]! - lgd[n]!;
      terms[0] = best;
      const m = n - tx;
      for (let j = 0; j < m; j++) {
        const v = la[x]! + lb[tx - x + j]! - lab[tx + j]! + lnGa + ld[tx + j]! - lgd[tx + j + 1]!;
        terms[j + 1] = v;
        if (v > best) best = v;
      }
      let s = 0;
      for (let j = 0; j <= m; j++) s += Math.exp(terms[j]! - best);
      ll += d.w[i]! * (best + Math.log(s));
    }
    return ll;
  };
}


/** ln L(α, β, γ, δ | x, t_x, n) for one pattern. @internal */
export function betaGeoBetaBinomLogLik(p: BetaGeoBetaBinomParams, x: number, tx: number, n: number): number {
  const k = betaGeoBetaBinomKernel({ x: Int32Array.of(x), tx: Int32Array.of(tx), n: Int32Array.of(n), w: Float64Array.of(1), totalWeight: 1, nMax: n });
  return k(Float64Array.of(p.alpha, p.beta, p.gamma, p.delta), undefined);
}

/** P(alive at period n+1 | x, t_x, n). @internal */
export function betaGeoBetaBinomAlive(p: BetaGeoBetaBinomParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const l = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) - logBeta(gamma, delta);
  return Math.exp(l - betaGeoBetaBinomLogLik(p, x, tx, n));
}

/** E[X(n*)] for a new customer over n* periods. @internal */
export function betaGeoBetaBinomExpected(p: BetaGeoBetaBinomParams, nStar: number): number {
  const { alpha, beta, gamma, delta } = p;
  const ratio = Math.exp(logGamma(gamma + delta) - logGamma(gamma + delta + nStar) + logGamma(1 + delta + nStar) - logGamma(1 + delta));
  return (alpha / (alpha + beta)) * (delta / (gamma - 1)) * (1 - ratio);
}

/**
 * P(X(t) = k) for a new customer over t periods (FHS 2010 eq. 7): alive through all t periods and k
 * of t transactions, or dead after i ∈ [k, t) periods alive with k of i transactions. O(t) log-beta
 * terms, summed in log space from the largest. @internal
 */
export function betaGeoBetaBinomProbabilityOfPurchases(p: BetaGeoBetaBinomParams, t: number, k: number): number {
  if (k > t) return 0;
  const { alpha, beta, gamma, delta } = p;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const lnChoose = (m: number): number => logGamma(m + 1) - logGamma(k + 1) - logGamma(m - k + 1);
  const terms = new Float64Array(t - k + 1);
  terms[0] = lnChoose(t) + logBeta(alpha + k, beta + t - k) - lbAB + logBeta(gamma, delta + t) - lbGD;
  let top = terms[0]!;
  for (let i = k; i < t; i++) {
    const v = lnChoose(i) + logBeta(alpha + k, beta + i - k) - lbAB + logBeta(gamma + 1, delta + i) - lbGD;
    terms[i - k + 1] = v;
    if (v > top) top = v;
  }
  let s = 0;
  for (let j = 0; j < terms.length; j++) s += Math.exp(terms[j]! - top);
  return Math.exp(top) * s;
}

/** E[X(n, n+n*) | x, t_x, n] (FHS 2010 eq. 13). @internal */
export function betaGeoBetaBinomConditional(p: BetaGeoBetaBinomParams, nStar: number, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const lead = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) + logGamma(gamma + delta) - logGamma(1 + delta) - betaGeoBetaBinomLogLik(p, x, tx, n);
  const diff = Math.exp(logGamma(1 + delta + n) - logGamma(gamma + delta + n)) - Math.exp(logGamma(1 + delta + n + nStar) - logGamma(gamma + delta + n + nStar));
  // δ/(γ−1) and the difference of gamma ratios change sign together at γ = 1; keep both signed
  return Math.exp(lead) * (delta / (gamma - 1)) * diff;
}

/**
 * Fits the BG/BB model of discrete-time, noncontractual behaviour (one chance to transact per
 * period: annual donations, yearly events, …), on individual rows or weighted (x, t_x, n) patterns.
 *
 * @remarks While alive a customer transacts in each period with probability p ~ Beta(α, β) and dies
 * before each period with probability θ ~ Beta(γ, δ). Objective as in {@link fitBetaGeo} (weighted mean
 * negative log-likelihood plus λ·Σθ²); L-BFGS on log-parameters with central-difference gradients.
 * Beta-function ratios of integer arguments are running sums of logs, so one evaluation costs
 * O(Σ n over patterns).
 * @see Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science 29(6); lifetimes `BetaGeoBetaBinomFitter`.
 * @throws {@link InvalidInputError} when a row is malformed (non-integer counts, x > n, t_x < x, …)
 * @throws {@link InvalidOptionError} on bad options
 * @throws {@link NotConvergedError} with `strict: true` when the optimizer does not converge
 * @example
 * ```ts
 * import { fitBetaGeoBetaBinom } from 'crmkit/value';
 * const m = fitBetaGeoBetaBinom([
 *   { frequency: 0, recency: 0, periods: 6, weight: 3464 }, { frequency: 1, recency: 1, periods: 6, weight: 1091 },
 *   { frequency: 2, recency: 4, periods: 6, weight: 300 }, { frequency: 3, recency: 6, periods: 6, weight: 350 },
 *   { frequency: 6, recency: 6, periods: 6, weight: 1203 }, { frequency: 4, recency: 5, periods: 6, weight: 200 },
 *   { frequency: 1, recency: 5, periods: 6, weight: 150 },
 * ]);
 * m.converged; // => true
 * ```
 * @category Models
 */
export function fitBetaGeoBetaBinom(customers: readonly DiscreteCustomer[], options?: BtydFitOptions): BetaGeoBetaBinomModel {
  const fn = 'value/fitBetaGeoBetaBinom';
  const o = fitOptions(fn, options, 4);
  if (o.holdout !== undefined) throw new InvalidOptionError(fn, 'options.holdout is not available for BG/BB (compare conditionalExpectedPurchases with the holdout by hand)', o.holdout);
  const data = toDiscrete(fn, customers);
  let anyRepeat = false;
  for (let i = 0; i < data.x.length; i++) if (data.x[i]! > 0) anyRepeat = true;
  const fit = runFit(fn, betaGeoBetaBinomKernel(data), data.totalWeight, 4, o, false, {
    names: NAMES,
    data: anyRepeat ? [] : [['noRepeatPurchases', 'no customer has a transaction: purchase and drop-out probabilities cannot be estimated']],
  });
  return assembleModel('betaGeoBetaBinom', NAMES, fit, data.totalWeight, o);
}

/**
 * Loads a BG/BB model from parsed JSON, checking its kind, format version and parameters.
 *
 * @throws {@link ModelFormatError} when the object is not a version-1 `betaGeoBetaBinom` model
 * @example
 * ```ts
 * import { parseBetaGeoBetaBinomModel } from 'crmkit/value';
 * const json = { kind: 'betaGeoBetaBinom', formatVersion: 1, params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, logLikelihood: -33225.6, converged: true, iterations: 20 };
 * parseBetaGeoBetaBinomModel(json).params.delta; // => 2.783
 * ```
 * @category Models
 */
export function parseBetaGeoBetaBinomModel(json: unknown): BetaGeoBetaBinomModel {
  checkModel('value/parseBetaGeoBetaBinomModel', json, 'betaGeoBetaBinom', NAMES);
  return json as BetaGeoBetaBinomModel;
}
