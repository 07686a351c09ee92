import { hyp2f1, logBeta, regularizedBeta } from '../core/special/index.js';
import { checkModel, fitContinuousModel, type BtydCustomer, type ContinuousFitOptions, type FitDiagnostics, type LogLikelihoodKernel, type Patterns } from './_btyd.js';
import { distinct, oneMinusScaledF, type BetaGeoParams } from './fitBetaGeo.js';
import { logNbdCoefficient, pochSums, sortedValues } from './_poch.js';

/** A fitted MBG/NBD model (JSON-ready); same parameters as BG/NBD. */
export interface ModifiedBetaGeoModel {
  kind: 'modifiedBetaGeo';
  formatVersion: 1;
  params: BetaGeoParams;
  /** Absent when the Hessian at the optimum is not positive definite. */
  standardErrors?: BetaGeoParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  nCustomers: number;
  options: { penalizer: number; maxIterations: number; tolerance: number; penalizerScaling?: 'none' | 'lifetimes' };
  /** What limits how far the fit can be trusted: parameters near a bound, a Hessian that is not positive definite, data without variation (absent only in models saved by older versions). */
  diagnostics?: FitDiagnostics;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * MBG/NBD kernel: ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b) − (r+x) ln(α+T)
 * + ln[1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)], gamma ratios as running sums over integer x.
 * @internal
 */
export function modifiedBetaGeoKernel(d: Patterns): LogLikelihoodKernel {
  const { n, x, tx, T, w } = d;
  const ti = distinct(T);
  const txi = distinct(tx);
  const lnT = new Float64Array(ti.values.length);
  const invT = new Float64Array(ti.values.length);
  const lnTx = new Float64Array(txi.values.length);
  const invTx = new Float64Array(txi.values.length);
  // sums are needed at x (for r) and at x + 1 (for b, a + b): one table over both, ascending
  const xs = sortedValues(x, Float64Array.from(x, (v) => v + 1));
  const k0 = Int32Array.from(x, (v) => xs.at.get(v)!);
  const k1 = Int32Array.from(x, (v) => xs.at.get(v + 1)!);
  const nv = xs.values.length;
  const Lr = new Float64Array(nv);
  const Dr = new Float64Array(nv);
  const Lb = new Float64Array(nv);
  const Lab = new Float64Array(nv);
  const Db1 = new Float64Array(nv);
  const Dab = new Float64Array(nv);
  return (p, grad) => {
    const r = p[0]!;
    const alpha = p[1]!;
    const a = p[2]!;
    const b = p[3]!;
    pochSums(r, xs.values, Lr, grad ? Dr : undefined);
    pochSums(b, xs.values, Lb, grad ? Db1 : undefined);
    pochSums(a + b, xs.values, Lab, grad ? Dab : undefined);
    for (let t = 0; t < lnT.length; t++) {
      lnT[t] = Math.log(alpha + ti.values[t]!);
      invT[t] = 1 / (alpha + ti.values[t]!);
    }
    for (let t = 0; t < lnTx.length; t++) {
      lnTx[t] = Math.log(alpha + txi.values[t]!);
      invTx[t] = 1 / (alpha + txi.values[t]!);
    }
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    let ll = 0;
    let gr = 0;
    let gal = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const a0 = k0[i]!;
      const a1 = k1[i]!;
      const it = ti.index[i]!;
      const itx = txi.index[i]!;
      const rx = r + xi;
      const lnBx = Math.log(b + xi);
      const A4 = lnA - lnBx + rx * (lnT[it]! - lnTx[itx]!);
      const e = Math.exp(-Math.abs(A4));
      const sp = (A4 > 0 ? A4 : 0) + Math.log1p(e);
      const wi = w[i]!;
      ll += wi * (Lr[a0]! + r * lnAlpha + (Lb[a1]! - Lab[a1]!) - rx * lnT[it]! + sp);
      if (grad) {
        const s = A4 > 0 ? 1 / (1 + e) : e / (1 + e);
        gr += wi * (Dr[a0]! + lnAlpha - lnT[it]! + s * (lnT[it]! - lnTx[itx]!));
        gal += wi * (r / alpha - rx * invT[it]! + s * rx * (invT[it]! - invTx[itx]!));
        ga += wi * (-Dab[a1]! + s / a);
        gb += wi * (Db1[a1]! - Dab[a1]! - s / (b + xi));
      }
    }
    if (grad) {
      grad[0] = gr;
      grad[1] = gal;
      grad[2] = ga;
      grad[3] = gb;
    }
    return ll;
  };
}

/** E[X(t)] new customer: b/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]. @internal */
export function modifiedBetaGeoExpected(p: BetaGeoParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (t === 0) return 0;
  return (b / (a - 1)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
}

/** P(alive) = 1 / (1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)). @internal */
export function modifiedBetaGeoAlive(p: BetaGeoParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  return 1 / (1 + Math.exp(Math.log(a / (b + x)) + (r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/** E[Y(t) | x, t_x, T] (Batislam et al. 2007). @internal */
export function modifiedBetaGeoConditional(p: BetaGeoParams, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  return ((a + b + x) / (a - 1)) * oneMinusScaledF(r + x, b + x + 1, a + b + x, t / (alpha + T + t)) * modifiedBetaGeoAlive(p, x, tx, T);
}

/**
 * Fits the MBG/NBD model: BG/NBD in which a customer may also drop out right after the first purchase.
 *
 * @remarks Same parameters and data as {@link fitBetaGeo}; the drop-out coin is tossed at every
 * purchase including the first, so customers without repeat purchases can be inactive
 * (P(alive) < 1). Analytic gradient, integer-x running sums, O(distinct patterns + max x) per evaluation.
 * @see Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for customer base analysis", IJRM 24(3); lifetimes `ModifiedBetaGeoFitter`.
 * @throws {@link InvalidInputError} on malformed customers (see {@link fitBetaGeo})
 * @throws {@link InvalidOptionError} on bad options
 * @throws {@link NotConvergedError} with `strict: true` when the optimizer does not converge
 * @example
 * ```ts
 * import { fitModifiedBetaGeo } from 'crmkit/value';
 * const m = fitModifiedBetaGeo([
 *   { frequency: 0, recency: 0, T: 38, weight: 110 }, { frequency: 1, recency: 10, T: 38, weight: 15 },
 *   { frequency: 1, recency: 30, T: 32, weight: 12 }, { frequency: 2, recency: 25, T: 36, weight: 8 },
 *   { frequency: 4, recency: 33, T: 37, weight: 5 }, { frequency: 7, recency: 30, T: 38, weight: 3 },
 * ]);
 * m.kind; // => 'modifiedBetaGeo'
 * m.converged; // => true
 * ```
 * @category Models
 */
export function fitModifiedBetaGeo(customers: readonly BtydCustomer[], options?: ContinuousFitOptions): ModifiedBetaGeoModel {
  return fitContinuousModel('value/fitModifiedBetaGeo', 'modifiedBetaGeo', NAMES, modifiedBetaGeoKernel, customers, options, modifiedBetaGeoConditional);
}

/**
 * Loads an MBG/NBD model from parsed JSON, checking its kind, format version and parameters.
 *
 * @throws {@link ModelFormatError} when the object is not a version-1 `modifiedBetaGeo` model
 * @example
 * ```ts
 * import { fitModifiedBetaGeo, parseModifiedBetaGeoModel } from 'crmkit/value';
 * const m = fitModifiedBetaGeo([
 *   { frequency: 0, recency: 0, T: 38, weight: 110 }, { frequency: 1, recency: 10, T: 38, weight: 27 },
 *   { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 4, recency: 33, T: 37, weight: 5 },
 * ]);
 * parseModifiedBetaGeoModel(JSON.parse(JSON.stringify(m))).params.b === m.params.b; // => true
 * ```
 * @category Models
 */
export function parseModifiedBetaGeoModel(json: unknown): ModifiedBetaGeoModel {
  checkModel('value/parseModifiedBetaGeoModel', json, 'modifiedBetaGeo', NAMES);
  return json as ModifiedBetaGeoModel;
}

/**
 * P(X(t) = n) for a new MBG/NBD customer (Batislam et al. 2007): the drop-out coin is tossed at time 0
 * too, so B(a, b+n+1)/B(a, b)·NBD(n; r, α, t) + B(a+1, b+n)/B(a, b)·[1 − Σ_{j<n} NBD(j; r, α, t)] (that bracket as the incomplete
 * beta I_{t/(α+t)}(n, r)), NBD(j; r, α, t) = Γ(r+j)/(Γ(r) j!)·(α/(α+t))^r·(t/(α+t))^j. O(n). @internal
 */
export function modifiedBetaGeoProbabilityOfPurchases(p: BetaGeoParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lnBab = logBeta(a, b);
  const lq = r * Math.log(alpha / (alpha + t));
  const lz = Math.log(t / (alpha + t));
  const lnNbd = lq + logNbdCoefficient(r, n) + n * lz;
  const alive = Math.exp(logBeta(a, b + n + 1) - lnBab + lnNbd);
  // 1 − Σ_{j<n} NBD(j) = P(N(t) ≥ n) = I_{t/(α+t)}(n, r), computed directly (no cancellation)
  const atLeast = n === 0 ? 1 : regularizedBeta(t / (alpha + t), n, r);
  return alive + Math.exp(logBeta(a + 1, b + n) - lnBab) * atLeast;
}
