import { InvalidInputError, ModelFormatError, NotConvergedError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import { checkModel, fitOptions, holdoutCheck, holdoutRows, MAX_FREQUENCY, MAX_TOTAL_WEIGHT, named, runFit, type BtydFitOptions, type FitDiagnostics, type LogLikelihoodKernel } from './_btyd.js';
import { averageSpend } from './expectedAverageSpend.js';
import { digamma, logGamma } from '../core/special/index.js';

/** One customer's spend summary for the Gamma-Gamma model. */
export interface SpendCustomer {
  /** Repeat purchases x (integer ≥ 0); rows with x = 0 carry no spend information and are skipped (counted). */
  readonly frequency: number;
  /**
   * Mean spend per repeat purchase z̄; required and > 0 when x > 0 (optional in the type so that
   * {@link summarizeTransactions} rows can be passed directly; a missing value throws).
   */
  readonly monetaryValue?: number;
  /** Customers sharing this row (> 0). @defaultValue 1 */
  readonly weight?: number;
}

/** Parameters of the Gamma-Gamma spend model. */
export interface GammaGammaParams {
  /** Gamma shape of each transaction's value around the customer's mean. */
  p: number;
  /** Gamma shape of the heterogeneity of customers' mean spend. */
  q: number;
  /** Gamma scale of the heterogeneity of customers' mean spend (γ). */
  gamma: number;
}

/** A fitted Gamma-Gamma model (JSON-ready). */
export interface GammaGammaModel {
  kind: 'gammaGamma';
  formatVersion: 1;
  params: GammaGammaParams;
  /** Standard errors of `params` from the inverse Hessian of the (penalized) negative log-likelihood; absent when that Hessian is not positive definite. */
  standardErrors?: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Repeat customers fitted (sum of weights). */
  nCustomers: number;
  /** Rows skipped because frequency = 0 (sum of weights). */
  skippedNoRepeat: number;
  /**
   * Weighted Pearson correlation of frequency and monetary value among repeat customers. The model
   * assumes spend is independent of frequency; |ρ| well above ~0.1 is a warning sign.
   */
  frequencyMonetaryCorrelation: number;
  options: { penalizer: number; maxIterations: number; tolerance: number };
  /** What limits how far the fit can be trusted (absent only in models saved by older versions). */
  diagnostics?: FitDiagnostics;
}

export const GAMMA_GAMMA_NAMES = ['p', 'q', 'gamma'] as const;

/** Repeat customers as typed columns. */
export interface SpendData {
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
  totalWeight: number;
  skipped: number;
}

/** Validates spend rows and keeps those with x > 0. @internal */
export function toSpendData(fn: string, customers: unknown): SpendData {
  const arr = arrayLike<SpendCustomer>(fn, 'customers', customers, 1);
  const xs: number[] = [];
  const ms: number[] = [];
  const ws: number[] = [];
  let total = 0;
  let skipped = 0;
  for (let i = 0; i < arr.length; i++) {
    const c = arr[i];
    if (c === null || typeof c !== 'object') throw new InvalidInputError(fn, `customers[${i}] must be an object { frequency, monetaryValue }`, c);
    const x = c.frequency;
    const m = c.monetaryValue;
    const w = c.weight === undefined ? 1 : c.weight;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_FREQUENCY) throw new InvalidInputError(fn, `customers[${i}].frequency must be an integer in [0, ${MAX_FREQUENCY}]`, x);
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) throw new InvalidInputError(fn, `customers[${i}].weight must be a finite number > 0`, w);
    if (x === 0) {
      skipped += w;
      continue;
    }
    if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0) throw new InvalidInputError(fn, `customers[${i}].monetaryValue must be a finite number > 0 when frequency > 0`, m);
    xs.push(x);
    ms.push(m);
    ws.push(w);
    total += w;
  }
  if (xs.length === 0) throw new InvalidInputError(fn, 'customers must contain at least one customer with frequency > 0', arr.length);
  if (!(total <= MAX_TOTAL_WEIGHT)) throw new InvalidInputError(fn, `the weights of customers must sum to at most 2^53 (${MAX_TOTAL_WEIGHT})`, total);
  return { x: Float64Array.from(xs), m: Float64Array.from(ms), w: Float64Array.from(ws), totalWeight: total, skipped };
}

/**
 * Gamma-Gamma log-likelihood of mean spends z̄ given x:
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + γ).
 * Gamma functions are evaluated once per distinct x; the data-only sums are precomputed.
 * @internal
 */
export function gammaGammaKernel(d: SpendData): LogLikelihoodKernel {
  const { x, m, w } = d;
  const n = x.length;
  const xm = new Float64Array(n);
  // distinct x with their total weights
  const byX = new Map<number, number>();
  let sW = 0;
  let sWxlnm = 0;
  let sWlnm = 0;
  let sWxlnx = 0;
  for (let i = 0; i < n; i++) {
    const lm = Math.log(m[i]!);
    xm[i] = x[i]! * m[i]!;
    sW += w[i]!;
    sWxlnm += w[i]! * x[i]! * lm;
    sWlnm += w[i]! * lm;
    sWxlnx += w[i]! * x[i]! * Math.log(x[i]!);
    byX.set(x[i]!, (byX.get(x[i]!) ?? 0) + w[i]!);
  }
  const ux = Float64Array.from(byX.keys());
  const uw = Float64Array.from(byX.values());
  return (prm, grad) => {
    const p = prm[0]!;
    const q = prm[1]!;
    const g = prm[2]!;
    let ll = sW * (q * Math.log(g) - logGamma(q)) + p * (sWxlnm + sWxlnx) - sWlnm;
    let gp = sWxlnm + sWxlnx;
    let gq = sW * (Math.log(g) - (grad ? digamma(q) : 0));
    let gg = (sW * q) / g;
    for (let k = 0; k < ux.length; k++) {
      const xk = ux[k]!;
      const wk = uw[k]!;
      ll += wk * (logGamma(p * xk + q) - logGamma(p * xk));
      if (grad) {
        const d1 = digamma(p * xk + q);
        gp += wk * xk * (d1 - digamma(p * xk));
        gq += wk * d1;
      }
    }
    for (let i = 0; i < n; i++) {
      const u = xm[i]! + g;
      const a = p * x[i]! + q;
      const lu = Math.log(u);
      ll -= w[i]! * a * lu;
      if (grad) {
        gp -= w[i]! * x[i]! * lu;
        gq -= w[i]! * lu;
        gg -= (w[i]! * a) / u;
      }
    }
    if (grad) {
      grad[0] = gp;
      grad[1] = gq;
      grad[2] = gg;
    }
    return ll;
  };
}

/**
 * Fits the Gamma-Gamma model of spend per transaction, on customers with at least one repeat purchase.
 *
 * @remarks Transaction values are Gamma(p, ν) around a customer's mean p/ν, with ν ~ Gamma(q, γ)
 * across customers. Objective and optimizer as in {@link fitBetaGeo} (analytic gradient; lifetimes'
 * `GammaGammaFitter` objective). The model assumes spend is independent of purchase frequency: the
 * fitted model reports their correlation. O(customers) per evaluation.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4); Hardie, "The Gamma-Gamma model of monetary value" (2013).
 * @throws {@link InvalidInputError} on an empty list, a non-integer frequency, or a monetary value ≤ 0 with frequency > 0
 * @throws {@link InvalidOptionError} on bad options
 * @throws {@link NotConvergedError} with `strict: true` when the optimizer does not converge
 * @example
 * ```ts
 * import { fitGammaGamma } from 'crmkit/value';
 * const m = fitGammaGamma([
 *   { frequency: 1, monetaryValue: 12, weight: 30 }, { frequency: 1, monetaryValue: 30, weight: 20 },
 *   { frequency: 2, monetaryValue: 18, weight: 15 }, { frequency: 2, monetaryValue: 45, weight: 8 },
 *   { frequency: 4, monetaryValue: 25, weight: 6 }, { frequency: 6, monetaryValue: 35, weight: 3 },
 *   { frequency: 0, monetaryValue: 0, weight: 5 },
 * ]);
 * m.converged; // => true
 * m.skippedNoRepeat; // => 5
 * m.frequencyMonetaryCorrelation.toFixed(2); // => '0.34'
 * ```
 * @category Models
 */
export function fitGammaGamma(customers: readonly SpendCustomer[], options?: BtydFitOptions): GammaGammaModel {
  const fn = 'value/fitGammaGamma';
  const o = fitOptions(fn, options, 3);
  const data = toSpendData(fn, customers);
  const hold = o.holdout === undefined ? undefined : holdoutRows(fn, customers, o.holdout, false);
  let mean = 0;
  let constant = true;
  for (let i = 0; i < data.m.length; i++) {
    mean += data.w[i]! * data.m[i]!;
    if (data.m[i] !== data.m[0]) constant = false;
  }
  mean /= data.totalWeight;
  if (!o.userInitial) o.initial.set([2, 2, Math.max(1e-3, mean / 2)]);
  const fit = runFit(fn, gammaGammaKernel(data), data.totalWeight, 3, o, true, {
    names: GAMMA_GAMMA_NAMES, scaleParams: [2], scale: mean,
    data: constant ? [['constantSpend', 'every customer has the same mean spend: the spread of spend between customers cannot be estimated']] : [],
  });
  const model: GammaGammaModel = {
    kind: 'gammaGamma',
    formatVersion: 1,
    params: named(GAMMA_GAMMA_NAMES, fit.params),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    nCustomers: data.totalWeight,
    skippedNoRepeat: data.skipped,
    frequencyMonetaryCorrelation: correlation(data.x, data.m, data.w),
    options: { penalizer: o.penalizer, maxIterations: o.maxIterations, tolerance: o.tolerance },
    diagnostics: fit.diagnostics,
  };
  if (fit.standardErrors !== undefined) model.standardErrors = named(GAMMA_GAMMA_NAMES, fit.standardErrors);
  if (hold !== undefined) {
    // spend per holdout purchase: each customer's conditional mean against their holdout mean,
    // weighted by their holdout purchases (customers without repeat purchases in calibration or
    // without holdout purchases carry no comparison)
    const prm = model.params;
    const e = new Float64Array(hold.frequency.length);
    const k = new Float64Array(hold.frequency.length);
    for (let i = 0; i < e.length; i++) {
      const c = customers[i]!;
      if (c.frequency === 0 || hold.frequency[i] === 0 || !(prm.q > 1)) continue;
      e[i] = averageSpend(prm, c.frequency, c.monetaryValue!);
      k[i] = hold.frequency[i]!;
    }
    const h = holdoutCheck('spend', 0, e, hold.monetary, k, fit.diagnostics);
    if (o.strict && !h.ok) throw new NotConvergedError(fn, `the fit cannot be trusted: ${fit.diagnostics.warnings.join('; ')}`, fit.iterations);
  }
  return model;
}

/** Weighted Pearson correlation (0 when either column is constant); columns scaled by their largest magnitude first (no overflow). */
function correlation(a0: Float64Array, b0: Float64Array, w: Float64Array): number {
  const scale = (v: Float64Array): Float64Array => {
    let mx = 0;
    for (const x of v) mx = Math.max(mx, Math.abs(x));
    return mx > 0 ? v.map((x) => x / mx) : v;
  };
  const a = scale(a0);
  const b = scale(b0);
  let sw = 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    sw += w[i]!;
    ma += w[i]! * a[i]!;
    mb += w[i]! * b[i]!;
  }
  ma /= sw;
  mb /= sw;
  let cab = 0;
  let caa = 0;
  let cbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    cab += w[i]! * da * db;
    caa += w[i]! * da * da;
    cbb += w[i]! * db * db;
  }
  if (caa === 0 || cbb === 0) return 0;
  return Math.max(-1, Math.min(1, cab / Math.sqrt(caa) / Math.sqrt(cbb)));
}

/**
 * Loads a Gamma-Gamma model from parsed JSON, checking its kind, format version and parameters.
 *
 * @throws {@link ModelFormatError} when the object is not a version-1 `gammaGamma` model
 * @example
 * ```ts
 * import { fitGammaGamma, parseGammaGammaModel } from 'crmkit/value';
 * const m = fitGammaGamma([
 *   { frequency: 1, monetaryValue: 12, weight: 30 }, { frequency: 1, monetaryValue: 30, weight: 20 },
 *   { frequency: 2, monetaryValue: 18, weight: 15 }, { frequency: 4, monetaryValue: 25, weight: 6 },
 * ]);
 * const loaded = parseGammaGammaModel(JSON.parse(JSON.stringify(m)));
 * loaded.params.q === m.params.q; // => true
 * ```
 * @category Models
 */
export function parseGammaGammaModel(json: unknown): GammaGammaModel {
  const m = checkModel('value/parseGammaGammaModel', json, 'gammaGamma', GAMMA_GAMMA_NAMES);
  const rho = m.frequencyMonetaryCorrelation;
  if (typeof rho !== 'number' || !(rho >= -1 && rho <= 1)) throw new ModelFormatError('value/parseGammaGammaModel', 'frequencyMonetaryCorrelation must be a number in [-1, 1]', rho);
  const sk = m.skippedNoRepeat;
  if (sk !== undefined && !(typeof sk === 'number' && Number.isFinite(sk) && sk >= 0)) throw new ModelFormatError('value/parseGammaGammaModel', 'skippedNoRepeat must be a finite number ≥ 0', sk);
  return json as GammaGammaModel;
}
