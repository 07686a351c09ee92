import { hyp2f1, logBeta, regularizedBeta } from '../core/special/index.js';
import { logNbdCoefficient, pochSums, sortedValues } from './_poch.js';
import { checkModel, fitContinuousModel, type BtydCustomer, type ContinuousFitOptions, type FitDiagnostics, type LogLikelihoodKernel, type Patterns } from './_btyd.js';

/** Parameters of the BG/NBD model. */
export interface BetaGeoParams {
  /** Shape of the gamma heterogeneity of purchase rates λ. */
  r: number;
  /** Scale (rate) of the gamma heterogeneity of λ. */
  alpha: number;
  /** Beta shape a of the drop-out probability p. */
  a: number;
  /** Beta shape b of the drop-out probability p. */
  b: number;
}

/** A fitted BG/NBD model (JSON-ready). */
export interface BetaGeoModel {
  kind: 'betaGeo';
  formatVersion: 1;
  params: BetaGeoParams;
  /** Standard errors of `params` from the inverse Hessian of the (penalized) negative log-likelihood; absent when that Hessian is not positive definite (e.g. a fit that did not converge). */
  standardErrors?: BetaGeoParams;
  /** Weighted log-likelihood at `params` (without the penalty). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Customers fitted (sum of weights). */
  nCustomers: number;
  /** Resolved fit options. */
  options: { penalizer: number; maxIterations: number; tolerance: number; penalizerScaling?: 'none' | 'lifetimes' };
  /** What limits how far the fit can be trusted: parameters near a bound, a Hessian that is not positive definite, data without variation (absent only in models saved by older versions). */
  diagnostics?: FitDiagnostics;
}

export const BETA_GEO_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * BG/NBD log-likelihood kernel over integer-frequency patterns.
 *
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
 *        + ln[(α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x)].
 * Because x is an integer, the gamma ratios are finite sums of logs (Γ(r+x)/Γ(r) = Π_{j<x}(r+j)),
 * accumulated once per evaluation up to max x; x = 0 customers are grouped by T.
 * @internal
 */
export function betaGeoKernel(d: Patterns): LogLikelihoodKernel {
  const { n, x, tx, T, w } = d;
  // distinct T and t_x values (logs are taken once per distinct value)
  const tIndex = distinct(T);
  const txIndex = distinct(tx);
  const Tvals = tIndex.values;
  const txVals = txIndex.values;
  const lnT = new Float64Array(Tvals.length);
  const invT = new Float64Array(Tvals.length);
  const lnTx = new Float64Array(txVals.length);
  const invTx = new Float64Array(txVals.length);
  // distinct frequencies (ascending) with their weights, and x = 0 weights per T
  const xs = sortedValues(x);
  const nx = xs.values.length;
  const wx = new Float64Array(nx);
  const w0T = new Float64Array(Tvals.length);
  const rep: number[] = [];
  for (let i = 0; i < n; i++) {
    wx[xs.at.get(x[i]!)!]! += w[i]!;
    if (x[i] === 0) w0T[tIndex.index[i]!]! += w[i]!;
    else rep.push(i);
  }
  const rx = Int32Array.from(rep, (i) => x[i]!);
  const rxk = Int32Array.from(rep, (i) => xs.at.get(x[i]!)!);
  const rT = Int32Array.from(rep, (i) => tIndex.index[i]!);
  const rtx = Int32Array.from(rep, (i) => txIndex.index[i]!);
  const rw = Float64Array.from(rep, (i) => w[i]!);
  const lnB1 = new Float64Array(nx);
  const invB1 = new Float64Array(nx);
  const Lr = new Float64Array(nx);
  const Lb = new Float64Array(nx);
  const Lab = new Float64Array(nx);
  const Dr = new Float64Array(nx);
  const Db = new Float64Array(nx);
  const Dab = new Float64Array(nx);
  return (p, grad) => {
    const r = p[0]!;
    const alpha = p[1]!;
    const a = p[2]!;
    const b = p[3]!;
    const lnAlpha = Math.log(alpha);
    // Σ_x W_x [Σ_{j<x} ln(r+j) + ln(b+j) − ln(a+b+j)] and derivatives
    let ll = 0;
    let gr = 0;
    let ga = 0;
    let gb = 0;
    let galpha = 0;
    let wTot = 0;
    pochSums(r, xs.values, Lr, grad ? Dr : undefined);
    pochSums(b, xs.values, Lb, grad ? Db : undefined);
    pochSums(a + b, xs.values, Lab, grad ? Dab : undefined);
    for (let k = 0; k < nx; k++) {
      const v = xs.values[k]!;
      if (v > 0) {
        lnB1[k] = Math.log(b + v - 1);
        invB1[k] = 1 / (b + v - 1);
      }
      const wk = wx[k]!;
      wTot += wk;
      ll += wk * (Lr[k]! + Lb[k]! - Lab[k]!);
      if (grad) {
        gr += wk * Dr[k]!;
        ga -= wk * Dab[k]!;
        gb += wk * (Db[k]! - Dab[k]!);
      }
    }
    ll += wTot * r * lnAlpha;
    if (grad) {
      gr += wTot * lnAlpha;
      galpha += (wTot * r) / alpha;
    }
    for (let t = 0; t < Tvals.length; t++) {
      lnT[t] = Math.log(alpha + Tvals[t]!);
      invT[t] = 1 / (alpha + Tvals[t]!);
      const w0 = w0T[t]!;
      if (w0 !== 0) {
        ll -= w0 * r * lnT[t]!;
        if (grad) {
          gr -= w0 * lnT[t]!;
          galpha -= w0 * r * invT[t]!;
        }
      }
    }
    for (let t = 0; t < txVals.length; t++) {
      lnTx[t] = Math.log(alpha + txVals[t]!);
      invTx[t] = 1 / (alpha + txVals[t]!);
    }
    const lnA = Math.log(a);
    const m = rx.length;
    for (let i = 0; i < m; i++) {
      const xi = rx[i]!;
      const xk = rxk[i]!;
      const it = rT[i]!;
      const itx = rtx[i]!;
      const rx1 = r + xi;
      const A3 = -rx1 * lnT[it]!;
      const A4 = lnA - lnB1[xk]! - rx1 * lnTx[itx]!;
      const wi = rw[i]!;
      let L: number;
      let w4: number;
      if (A4 > A3) {
        const e = Math.exp(A3 - A4);
        L = A4 + Math.log1p(e);
        w4 = 1 / (1 + e);
      } else {
        const e = Math.exp(A4 - A3);
        L = A3 + Math.log1p(e);
        w4 = e / (1 + e);
      }
      ll += wi * L;
      if (grad) {
        const w3 = 1 - w4;
        gr -= wi * (w3 * lnT[it]! + w4 * lnTx[itx]!);
        galpha -= wi * rx1 * (w3 * invT[it]! + w4 * invTx[itx]!);
        ga += (wi * w4) / a;
        gb -= wi * w4 * invB1[xk]!;
      }
    }
    if (grad) {
      grad[0] = gr;
      grad[1] = galpha;
      grad[2] = ga;
      grad[3] = gb;
    }
    return ll;
  };
}

/** Distinct values of a column and each row's index into them. */
export function distinct(v: Float64Array): { values: Float64Array; index: Int32Array } {
  const map = new Map<number, number>();
  const values: number[] = [];
  const index = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    let k = map.get(v[i]!);
    if (k === undefined) {
      k = values.length;
      map.set(v[i]!, k);
      values.push(v[i]!);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index };
}

/**
 * Fits the BG/NBD ("beta-geometric / negative binomial") buy-till-you-die model by maximum likelihood.
 *
 * @remarks While alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they
 * drop out with probability p ~ Beta(a, b). The objective is lifetimes': −Σwᵢ ln Lᵢ / Σwᵢ + λ_pen·Σθ²,
 * minimized over log-parameters by L-BFGS with the analytic gradient. Customers with identical
 * (x, t_x, T) are merged and the gamma-function ratios of integer x become running sums, so one
 * evaluation costs O(distinct patterns + max x) logs. Standard errors come from the numeric Hessian.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2); lifetimes `BetaGeoFitter`.
 * @throws {@link InvalidInputError} on an empty list, a non-integer or negative frequency, negative or non-finite recency or T, recency > T, recency ≠ 0 with frequency 0
 * @throws {@link InvalidOptionError} on bad options
 * @throws {@link NotConvergedError} with `strict: true` when the optimizer does not converge
 * @example
 * ```ts
 * import { fitBetaGeo } from 'crmkit/value';
 * // customers with identical histories can share one row through `weight`
 * const m = fitBetaGeo([
 *   { frequency: 0, recency: 0, T: 38, weight: 60 }, { frequency: 0, recency: 0, T: 30, weight: 50 },
 *   { frequency: 1, recency: 10, T: 38, weight: 15 }, { frequency: 1, recency: 30, T: 32, weight: 12 },
 *   { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 3, recency: 5, T: 35, weight: 4 },
 *   { frequency: 4, recency: 33, T: 37, weight: 5 }, { frequency: 7, recency: 30, T: 38, weight: 3 },
 *   { frequency: 12, recency: 36, T: 38, weight: 2 },
 * ]);
 * m.converged; // => true
 * m.params.r.toFixed(3); // => '0.215'
 * m.nCustomers; // => 159
 * ```
 * @category Models
 */
export function fitBetaGeo(customers: readonly BtydCustomer[], options?: ContinuousFitOptions): BetaGeoModel {
  return fitContinuousModel('value/fitBetaGeo', 'betaGeo', BETA_GEO_NAMES, betaGeoKernel, customers, options, betaGeoConditional);
}

/**
 * Loads a BG/NBD model from parsed JSON, checking its kind, format version and parameters.
 *
 * @throws {@link ModelFormatError} when the object is not a version-1 `betaGeo` model
 * @example
 * ```ts
 * import { fitBetaGeo, parseBetaGeoModel } from 'crmkit/value';
 * const m = fitBetaGeo([
 *   { frequency: 0, recency: 0, T: 38, weight: 110 }, { frequency: 1, recency: 10, T: 38, weight: 27 },
 *   { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 4, recency: 33, T: 37, weight: 5 },
 * ]);
 * parseBetaGeoModel(JSON.parse(JSON.stringify(m))).params.r === m.params.r; // => true
 * ```
 * @category Models
 */
export function parseBetaGeoModel(json: unknown): BetaGeoModel {
  checkModel('value/parseBetaGeoModel', json, 'betaGeo', BETA_GEO_NAMES);
  return json as BetaGeoModel;
}

/** E[X(t)] for a new customer: (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]. @internal */
export function betaGeoExpected(p: BetaGeoParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (t === 0) return 0;
  const h = hyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * h);
}

/** P(alive | x, t_x, T) = 1 / (1 + 1{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)). @internal */
export function betaGeoAlive(p: BetaGeoParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/** E[Y(t) | x, t_x, T] (FHL 2005 eq. 10). @internal */
export function betaGeoConditional(p: BetaGeoParams, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  return ((a + b + x - 1) / (a - 1)) * oneMinusScaledF(r + x, b + x, a + b + x - 1, t / (alpha + T + t)) * betaGeoAlive(p, x, tx, T);
}

/**
 * 1 − (1−z)^A ₂F₁(A, B; C; z) of the BG/NBD and MBG/NBD conditional expectations (C > B). For large A
 * the series of ₂F₁(A, B; C; z) grows like (1−z)^−A and overflows long before the product does (x ≈ 1000
 * purchases, t of a few T); Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z)
 * turns the product into (1−z)^(C−B) ₂F₁(C−A, C−B; C; z), whose series has small parameters over a
 * large C and converges in a few terms. Both forms are exact; the switch is at A·(−ln(1−z)) > 30 with
 * C ≥ 20 (its terms then fall at least like k^(C−A−B−1) even for z near 1). @internal
 */
export function oneMinusScaledF(A: number, B: number, C: number, z: number): number {
  const l1z = Math.log1p(-z);
  if (A * -l1z <= 30 || C < 20) return 1 - Math.exp(A * l1z) * hyp2f1(A, B, C, z);
  const p = C - A;
  const q = C - B;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100000; k++) {
    term *= ((p + k) * (q + k) * z) / ((C + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return 1 - Math.exp(q * l1z) * sum;
}

/** P(X(t) = n) for a new customer (FHL 2005 eq. 8). @internal */
export function betaGeoProbabilityOfPurchases(p: BetaGeoParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lnBab = logBeta(a, b);
  const lq = Math.log(alpha / (alpha + t));
  const lz = Math.log(t / (alpha + t));
  // ln[Γ(r+j)/(Γ(r) j!) (t/(α+t))^j], built up by the ratio (r+j−1)/j
  const term = (j: number): number => logNbdCoefficient(r, j) + j * lz;
  const first = Math.exp(logBeta(a, b + n) - lnBab + term(n) + r * lq);
  if (n === 0) return first;
  // 1 − Σ_{j<n} NBD(j) = P(N(t) ≥ n) = I_{t/(α+t)}(n, r), the regularized incomplete beta, computed
  // directly rather than as a difference (which goes negative by rounding when t ≪ α)
  return first + Math.exp(logBeta(a + 1, b + n - 1) - lnBab) * regularizedBeta(t / (alpha + t), n, r);
}
