import { hyp2f1 } from '../core/special/index.js';
import { checkModel, fitOptions, named, runFit, toPatterns, type BtydCustomer, type BtydFitOptions, type LogLikelihoodKernel, type Patterns } from './_btyd.js';

/** Parameters of the Pareto/NBD model. */
export interface ParetoNbdParams {
  /** Gamma shape of purchase rates λ. */
  r: number;
  /** Gamma scale (rate) of λ. */
  alpha: number;
  /** Gamma shape of drop-out rates μ. */
  s: number;
  /** Gamma scale (rate) of μ. */
  beta: number;
}

/** A fitted Pareto/NBD model (JSON-ready). */
export interface ParetoNbdModel {
  kind: 'paretoNbd';
  formatVersion: 1;
  params: ParetoNbdParams;
  /** Absent when the Hessian at the optimum is not positive definite. */
  standardErrors?: ParetoNbdParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  nCustomers: number;
  options: { penalizer: number; maxIterations: number; tolerance: number };
}

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * ₂F₁(a, b; a+1; z) for 0 ≤ z < 1 — the only hypergeometric the Pareto/NBD likelihood needs —
 * summed as Σ a/(a+k)·(b)_k/k!·z^k when the series is short (z ≤ 0.5), else by the general routine.
 */
function f21ap1(a: number, b: number, z: number): number {
  if (z === 0) return 1;
  if (z > 0.5) return hyp2f1(a, b, a + 1, z);
  let c = 1; // (b)_k z^k / k!
  let s = 1;
  for (let k = 1; k < 200; k++) {
    c *= ((b + k - 1) / k) * z;
    const t = (a / (a + k)) * c;
    s += t;
    if (Math.abs(t) <= 1e-17 * s) break;
  }
  return s;
}

/** Per-pattern pieces of the Pareto/NBD likelihood at p (natural parameters). */
function paretoParts(p: ArrayLike<number>, x: number, tx: number, T: number, lgRatio: number): { head: number; t1: number; t2: number } {
  const r = p[0]!;
  const alpha = p[1]!;
  const s = p[2]!;
  const beta = p[3]!;
  const rsx = r + s + x;
  const big = alpha >= beta ? alpha : beta;
  const c2 = alpha >= beta ? s + 1 : r + x;
  const d = Math.abs(alpha - beta);
  const l1 = Math.log(f21ap1(rsx, c2, d / (big + tx))) - rsx * Math.log(big + tx);
  const l2 = Math.log(f21ap1(rsx, c2, d / (big + T))) - rsx * Math.log(big + T);
  const head = lgRatio + r * Math.log(alpha) + s * Math.log(beta);
  const t1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const t2 = l2 < l1 ? Math.log(s / rsx) + l1 + Math.log1p(-Math.exp(l2 - l1)) : -Infinity;
  return { head, t1, t2 };
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Γ(r+x) − ln Γ(r) for integer x by a running sum. */
function lgRatioTable(r: number, xMax: number, out: Float64Array): void {
  let s = 0;
  for (let k = 0; k <= xMax; k++) {
    out[k] = s;
    s += Math.log(r + k);
  }
}

/**
 * Pareto/NBD kernel (value only): ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
 * + ln[(α+T)^−(r+x)(β+T)^−s + s/(r+s+x)·A₀], with A₀ from Fader & Hardie's note (two ₂F₁(·;·;c=a+1;·) terms).
 * @internal
 */
export function paretoNbdKernel(d: Patterns): LogLikelihoodKernel {
  const { n, x, tx, T, w, xMax } = d;
  const lg = new Float64Array(xMax + 1);
  return (p) => {
    lgRatioTable(p[0]!, xMax, lg);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const { head, t1, t2 } = paretoParts(p, x[i]!, tx[i]!, T[i]!, lg[x[i]!]!);
      ll += w[i]! * (head + logAddExp(t1, t2));
    }
    return ll;
  };
}

/** P(alive | x, t_x, T) = (α+T)^−(r+x)(β+T)^−s·Γ(r+x)α^rβ^s/Γ(r) / L. @internal */
export function paretoNbdAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const arr = [p.r, p.alpha, p.s, p.beta];
  const lg = new Float64Array(x + 1);
  lgRatioTable(p.r, x, lg);
  const { t1, t2 } = paretoParts(arr, x, tx, T, lg[x]!);
  return Math.exp(t1 - logAddExp(t1, t2));
}

/** E[X(t)] new customer: rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)] (the limit rβ/α·ln(1+t/β) at s = 1). @internal */
export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  if (Math.abs(s - 1) < 1e-12) return ((r * beta) / alpha) * Math.log1p(t / beta);
  return ((r * beta) / (alpha * (s - 1))) * -Math.expm1((s - 1) * Math.log(beta / (beta + t)));
}

/** E[Y(t) | x, t_x, T] = P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]. @internal */
export function paretoNbdConditional(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alive = paretoNbdAlive(p, x, tx, T);
  const scale = (r + x) / (alpha + T);
  if (Math.abs(s - 1) < 1e-12) return alive * scale * (beta + T) * Math.log1p(t / (beta + T));
  return (alive * scale * (beta + T) * -Math.expm1((s - 1) * Math.log((beta + T) / (beta + T + t)))) / (s - 1);
}

/**
 * Fits the Pareto/NBD model (Poisson purchases at rate λ ~ Gamma(r, α) while alive; exponential
 * lifetime at rate μ ~ Gamma(s, β)).
 *
 * @remarks Objective as in {@link fitBetaGeo} (lifetimes' `ParetoNBDFitter`: mean negative
 * log-likelihood plus λ·Σθ²), minimized over log-parameters by L-BFGS with central-difference
 * gradients. The likelihood's Gauss hypergeometric functions all have c = a + 1 and are summed
 * directly when their argument is ≤ 0.5. Customers with identical (x, t_x, T) are merged.
 * @see Schmittlein, Morrison & Colombo (1987), Management Science 33(1); Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions"; Fader, Hardie & Lee (2005), Marketing Science 24(2).
 * @throws {@link InvalidInputError} on malformed customers (see {@link fitBetaGeo})
 * @throws {@link InvalidOptionError} on bad options
 * @throws {@link NotConvergedError} with `strict: true` when the optimizer does not converge
 * @example
 * ```ts
 * import { fitParetoNbd } from 'crmkit/value';
 * const m = fitParetoNbd([
 *   { frequency: 0, recency: 0, T: 38, weight: 60 }, { frequency: 0, recency: 0, T: 30, weight: 50 },
 *   { frequency: 1, recency: 10, T: 38, weight: 15 }, { frequency: 1, recency: 30, T: 32, weight: 12 },
 *   { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 3, recency: 5, T: 35, weight: 4 },
 *   { frequency: 4, recency: 33, T: 37, weight: 5 }, { frequency: 7, recency: 30, T: 38, weight: 3 },
 * ]);
 * m.kind; // => 'paretoNbd'
 * m.converged; // => true
 * ```
 * @category Models
 */
export function fitParetoNbd(customers: readonly BtydCustomer[], options?: BtydFitOptions): ParetoNbdModel {
  const fn = 'value/fitParetoNbd';
  const o = fitOptions(fn, options, 4);
  const data = toPatterns(fn, customers);
  const fit = runFit(fn, paretoNbdKernel(data), data.totalWeight, 4, o, false);
  const model: ParetoNbdModel = {
    kind: 'paretoNbd',
    formatVersion: 1,
    params: named(NAMES, fit.params),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    nCustomers: data.totalWeight,
    options: { penalizer: o.penalizer, maxIterations: o.maxIterations, tolerance: o.tolerance },
  };
  if (fit.standardErrors !== undefined) model.standardErrors = named(NAMES, fit.standardErrors);
  return model;
}

/**
 * Loads a Pareto/NBD model from parsed JSON, checking its kind, format version and parameters.
 *
 * @throws {@link ModelFormatError} when the object is not a version-1 `paretoNbd` model
 * @example
 * ```ts
 * import { parseParetoNbdModel } from 'crmkit/value';
 * const json = { kind: 'paretoNbd', formatVersion: 1, params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, logLikelihood: -9595, converged: true, iterations: 30 };
 * parseParetoNbdModel(json).params.s; // => 0.61
 * ```
 * @category Models
 */
export function parseParetoNbdModel(json: unknown): ParetoNbdModel {
  checkModel('value/parseParetoNbdModel', json, 'paretoNbd', NAMES);
  return json as ParetoNbdModel;
}
