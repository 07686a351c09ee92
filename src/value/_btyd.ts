/**
 * Shared machinery of the buy-till-you-die fits: input validation, compression of customers into
 * (x, t_x, T) patterns, the optimizer driver (log-parameters, penalizer, standard errors, strictness)
 * and model-format checks.
 *
 * @internal
 * @module
 */
import { CrmkitError, InvalidInputError, InvalidOptionError, ModelFormatError, NotConvergedError } from '../core/errors.js';
import { coreErrorsAs, isCoreKernelError } from './_errors.js';
import { invertSymmetric, minimize, numericHessian } from '../core/optimize.js';
import type { LongRunOptions } from '../core/progress.js';
import { arrayLike, boolean, integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';

/** One customer (or a pattern of identical customers) for the continuous-time models. */
export interface BtydCustomer {
  /** Repeat purchases x (integer ≥ 0). */
  readonly frequency: number;
  /** Time of the last repeat purchase since the first, t_x (0 when x = 0; ≤ T). */
  readonly recency: number;
  /** Time from the first purchase to the end of observation (≥ 0; a customer whose first purchase is on the last day has T = 0). */
  readonly T: number;
  /** How many customers share this row (> 0). @defaultValue 1 */
  readonly weight?: number;
}

/** Options every BTYD fit accepts. */
export interface BtydFitOptions extends LongRunOptions {
  /**
   * L2 penalty λ added to the mean negative log-likelihood, λ·Σp² over the parameters in the data's
   * time unit. This is lifetimes' `penalizer_coef` only for the models without a time scale (Gamma-Gamma,
   * BG/BB); for BG/NBD, MBG/NBD and Pareto/NBD pass `penalizerScaling: 'lifetimes'` to get lifetimes'
   * objective. @defaultValue 0
   */
  penalizer?: number;
  /** Optimizer iteration cap. @defaultValue 1000 */
  maxIterations?: number;
  /** Convergence: infinity norm of the objective's gradient in log-parameters. @defaultValue 1e-10 */
  tolerance?: number;
  /**
   * Throw instead of returning a fit that cannot be trusted: {@link NotConvergedError} when it does not
   * converge or its `diagnostics` report a parameter near a bound or a Hessian that is not positive
   * definite, {@link InvalidInputError} when they report data without the variation the model needs.
   * @defaultValue false
   */
  strict?: boolean;
  /**
   * Starting values of the parameters (all > 0), in the model's parameter order.
   * @defaultValue data-driven: r = 0.5, α = 0.5·ΣT/Σx, then 1 and 2 for the continuous-time models;
   * p = q = 2, γ = mean spend / 2 for Gamma-Gamma; all 1 for BG/BB
   */
  initialParams?: readonly number[];
  /**
   * Holdout rows for the holdout check in `diagnostics.holdout` (as `summarizeTransactions` returns them
   * with `calibrationEnd`): one per customer, matched by `customerId` when the rows carry ids, else by
   * position. Purchase models compare each customer's expected holdout purchases with `frequency`;
   * Gamma-Gamma compares expected spend per purchase with `monetaryValue`. Not available for BG/BB, nor
   * with weighted customers (a pattern row has no single holdout).
   * @defaultValue no holdout check
   */
  holdout?: readonly HoldoutRow[];
}

/** One customer's holdout summary for a fit's holdout check. */
export interface HoldoutRow {
  /** Matches the calibration row's `customerId` (both lists carry ids, or neither). */
  readonly customerId?: unknown;
  /** Purchases (distinct purchase periods) in the holdout window. */
  readonly frequency: number;
  /** Length of the holdout window in the model's time unit (purchase models: required, the same for every row). */
  readonly duration?: number;
  /** Mean spend per holdout purchase (Gamma-Gamma: required when frequency > 0). */
  readonly monetaryValue?: number;
}

/**
 * The holdout check of a fit: the model's expectation for the holdout window against what the
 * customers did, in total and per customer.
 */
export interface HoldoutDiagnostics {
  /** `'purchases'` (purchase models: Σ expected vs actual holdout purchases) or `'spend'` (Gamma-Gamma: Σ over holdout purchases of expected vs actual spend per purchase). */
  measure: 'purchases' | 'spend';
  /** Customers compared (Gamma-Gamma: those with holdout purchases and calibration repeat purchases). */
  customers: number;
  /** Holdout window length (purchase models; 0 for spend). */
  duration: number;
  /** Σ actual. */
  actual: number;
  /** Σ model expectation. */
  expected: number;
  /** (expected − actual) / actual; 0 when both are 0 (absent: actual 0 and expected not). */
  relativeError?: number;
  /** Root mean squared per-customer error. */
  rmse: number;
  /**
   * True when |expected − actual| ≤ 0.1·actual + noise: within 10% in total, plus two Poisson standard
   * deviations √expected (purchases) or two standard errors √(Σ per-customer squared errors) (spend),
   * so that a small holdout does not fail on noise alone.
   */
  ok: boolean;
}

/** Options of the continuous-time fits (BG/NBD, MBG/NBD, Pareto/NBD). */
export interface ContinuousFitOptions extends BtydFitOptions {
  /**
   * How `penalizer` is applied. `'none'`: λ·Σp² with α (and β) in the data's time unit, objective
   * divided by the total weight. `'lifetimes'`: lifetimes' objective — time scaled by 1/max(T) before
   * fitting (so the penalty sees α/max T, β/max T) and, for Pareto/NBD, the objective divided by the
   * mean weight of the rows passed (the sum of log-likelihoods for one row per customer). The
   * fitted parameters are always reported in the data's time unit.
   * @defaultValue 'none'
   */
  penalizerScaling?: 'none' | 'lifetimes';
}

/** What a fit found that limits how far it can be trusted (`ok` when nothing). */
export interface FitDiagnostics {
  /** True when none of the findings below (and the fit converged). */
  ok: boolean;
  /**
   * Parameters at or near the edge of what the data identify: a shape parameter below 1e-4 or above 1e4,
   * or a time scale (α, β, γ) outside [1e-4, 1e4] × the data's scale (the longest T, or the mean spend).
   */
  nearBound: string[];
  /** False when the Hessian of the objective is not positive definite at the fit (no standard errors). */
  hessianPositiveDefinite: boolean;
  /**
   * Data without the variation the model needs: `'noRepeatPurchases'` (frequency 0 everywhere),
   * `'noObservationTime'` (T = 0 everywhere), `'constantSpend'` (every mean spend identical).
   */
  data: string[];
  /** One sentence per finding, for logs and UIs. */
  warnings: string[];
  /** The holdout check, when the fit was given `holdout` rows. */
  holdout?: HoldoutDiagnostics;
}

export const FIT_KEYS = ['penalizer', 'maxIterations', 'tolerance', 'strict', 'initialParams', 'holdout', 'signal', 'onProgress'] as const;

/** Resolved fit options stored in the model. */
export interface ResolvedFitOptions {
  penalizer: number;
  maxIterations: number;
  tolerance: number;
  /** Only on the continuous-time fits. */
  penalizerScaling?: 'none' | 'lifetimes';
}

/** Customers compressed into distinct (x, t_x, T) patterns with weights. */
export interface Patterns {
  n: number;
  x: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
  totalWeight: number;
  xMax: number;
  /** Rows passed (before merging identical patterns). */
  rows: number;
}

/** Largest frequency a customer may have (2³¹ − 1: counts are stored as 32-bit integers). */
export const MAX_FREQUENCY = 2147483647;
/**
 * Largest total weight of a fit (2⁵³, the largest exact integer): beyond it a weighted sum of
 * log-likelihoods overflows, and counts of customers are no longer exact.
 */
export const MAX_TOTAL_WEIGHT = 9007199254740992;

/** Validates one continuous-time customer; returns nothing, throws a typed error naming `name[i]`. */
export function checkCustomer(fn: string, name: string, i: number, c: unknown, needT = true): void {
  if (c === null || typeof c !== 'object') throw new InvalidInputError(fn, `${name}[${i}] must be an object { frequency, recency, T }`, c);
  const r = c as Record<string, unknown>;
  const x = r.frequency;
  const tx = r.recency;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_FREQUENCY) throw new InvalidInputError(fn, `${name}[${i}].frequency must be an integer in [0, ${MAX_FREQUENCY}]`, x);
  if (typeof tx !== 'number' || !Number.isFinite(tx) || tx < 0) throw new InvalidInputError(fn, `${name}[${i}].recency must be a finite number ≥ 0`, tx);
  if (x === 0 && tx !== 0) throw new InvalidInputError(fn, `${name}[${i}].recency must be 0 when frequency is 0`, tx);
  if (needT) {
    const T = r.T;
    if (typeof T !== 'number' || !Number.isFinite(T) || T < 0) throw new InvalidInputError(fn, `${name}[${i}].T must be a finite number ≥ 0`, T);
    if (tx > T) throw new InvalidInputError(fn, `${name}[${i}].recency must be ≤ T (${T})`, tx);
  }
  const w = r.weight;
  if (w !== undefined && (typeof w !== 'number' || !Number.isFinite(w) || w <= 0)) throw new InvalidInputError(fn, `${name}[${i}].weight must be a finite number > 0`, w);
}

/** Validates and compresses customers into weighted (x, t_x, T) patterns. */
export function toPatterns(fn: string, customers: unknown, filter?: (x: number) => boolean): Patterns {
  const arr = arrayLike<BtydCustomer>(fn, 'customers', customers, 1);
  const index = new Map<string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const ws: number[] = [];
  let total = 0;
  let xMax = 0;
  for (let i = 0; i < arr.length; i++) {
    const c = arr[i];
    checkCustomer(fn, 'customers', i, c);
    const x = c!.frequency;
    if (filter !== undefined && !filter(x)) continue;
    const w = c!.weight ?? 1;
    const key = `${x} ${c!.recency} ${c!.T}`;
    const k = index.get(key);
    total += w;
    if (k !== undefined) {
      ws[k]! += w;
      continue;
    }
    index.set(key, xs.length);
    xs.push(x);
    txs.push(c!.recency);
    Ts.push(c!.T);
    ws.push(w);
    if (x > xMax) xMax = x;
  }
  if (xs.length === 0) throw new InvalidInputError(fn, 'customers must contain at least one usable customer', arr.length);
  if (!(total <= MAX_TOTAL_WEIGHT)) throw new InvalidInputError(fn, `the weights of customers must sum to at most 2^53 (${MAX_TOTAL_WEIGHT})`, total);
  // Canonical order (x, t_x, T ascending): the likelihood is a sum over patterns, and floating-point
  // sums depend on their order. Sorting makes a fit a function of the multiset of customers, so a
  // summary from SQL and one from memory, or the same customers shuffled, give the same parameters
  // to the last bit, even where the likelihood is flat (BG/NBD's b on UCI Online Retail).
  const order = Array.from(xs, (_, k) => k).sort((i, j) => xs[i]! - xs[j]! || txs[i]! - txs[j]! || Ts[i]! - Ts[j]!);
  return {
    n: xs.length,
    x: Int32Array.from(order, (k) => xs[k]!),
    tx: Float64Array.from(order, (k) => txs[k]!),
    T: Float64Array.from(order, (k) => Ts[k]!),
    w: Float64Array.from(order, (k) => ws[k]!),
    totalWeight: total,
    xMax,
    rows: arr.length,
  };
}

/** Resolves and checks the common fit options. */
export function fitOptions(fn: string, options: BtydFitOptions | undefined, nParams: number, extraKeys: readonly string[] = []): ResolvedFitOptions & { strict: boolean; initial: Float64Array; userInitial: boolean; control: LongRunOptions; holdout: unknown } {
  const opts = checkOptions(fn, options, [...FIT_KEYS, ...extraKeys]);
  const penalizer = opts.penalizer === undefined ? 0 : numberInRange(fn, 'options.penalizer', opts.penalizer, { min: 0 });
  const maxIterations = opts.maxIterations === undefined ? 1000 : integerInRange(fn, 'options.maxIterations', opts.maxIterations, { min: 1 });
  const tolerance = opts.tolerance === undefined ? 1e-10 : numberInRange(fn, 'options.tolerance', opts.tolerance, { min: 0 });
  const strict = opts.strict === undefined ? false : boolean(fn, 'options.strict', opts.strict);
  const initial = new Float64Array(nParams).fill(1);
  if (opts.initialParams !== undefined) {
    const a = arrayLike<unknown>(fn, 'options.initialParams', opts.initialParams);
    if (a.length !== nParams) throw new InvalidOptionError(fn, `options.initialParams must have ${nParams} values`, opts.initialParams);
    for (let i = 0; i < nParams; i++) initial[i] = numberInRange(fn, `options.initialParams[${i}]`, a[i], { min: 0, minExclusive: true });
  }
  const control: LongRunOptions = {};
  if (opts.signal !== undefined) control.signal = opts.signal;
  if (opts.onProgress !== undefined) control.onProgress = opts.onProgress;
  return { penalizer, maxIterations, tolerance, strict, initial, userInitial: opts.initialParams !== undefined, control, holdout: opts.holdout };
}

/**
 * Total weighted log-likelihood (and its gradient in natural parameters) of a model over its data.
 * `grad` may be undefined when only the value is needed.
 */
export type LogLikelihoodKernel = (p: Float64Array, grad: Float64Array | undefined) => number;

/** What a fit returns before the model object is built. */
export interface FitOutcome {
  diagnostics: FitDiagnostics;
  params: number[];
  standardErrors: number[] | undefined;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
}

/**
 * Minimizes −ℓ(p)/W + λ·Σp² over θ = log p. `kernel` returns the total weighted log-likelihood ℓ
 * (and ∂ℓ/∂p into grad when given); with `analytic` false the optimizer differentiates numerically.
 * Standard errors: √diag of the inverse Hessian of W·(objective) in θ, mapped to p by the delta method
 * (SE_p = p·SE_θ; exact at a stationary point).
 */
export function runFit(fn: string, kernel: LogLikelihoodKernel, W: number, nParams: number, o: ReturnType<typeof fitOptions>, analytic: boolean, check?: FitCheck): FitOutcome {
  const p = new Float64Array(nParams);
  const c = check?.penaltyWeights ?? new Float64Array(nParams).fill(1);
  const gp = new Float64Array(nParams);
  const lam = o.penalizer;
  // With an analytic gradient, every evaluation computes value and gradient together (they share
  // all the expensive terms) and the gradient callback reuses it when asked at the same point.
  const cacheTheta = new Float64Array(nParams).fill(NaN);
  const cacheGrad = new Float64Array(nParams);
  const evaluate = (theta: Float64Array, withGrad: boolean): number => {
    let pen = 0;
    for (let k = 0; k < nParams; k++) {
      p[k] = Math.exp(theta[k]!);
      pen += c[k]! * p[k]! * p[k]!;
    }
    let ll: number;
    try {
      ll = kernel(p, withGrad ? gp : undefined);
    } catch (e) {
      // a special function out of its range at an extreme trial point: that point is infeasible
      if (isCoreKernelError(e)) return Infinity;
      throw e;
    }
    if (!Number.isFinite(ll)) return Infinity;
    if (withGrad) {
      for (let k = 0; k < nParams; k++) {
        const g = p[k]! * (-gp[k]! / W + 2 * lam * c[k]! * p[k]!);
        // a gradient that overflows at an extreme trial point: the point is infeasible
        if (!Number.isFinite(g)) return Infinity;
        cacheGrad[k] = g;
      }
      for (let k = 0; k < nParams; k++) cacheTheta[k] = theta[k]!;
    }
    return -ll / W + lam * pen;
  };
  const objective = (theta: Float64Array): number => evaluate(theta, analytic);
  const gradient = (theta: Float64Array, out: Float64Array): void => {
    let same = true;
    for (let k = 0; k < nParams; k++) if (cacheTheta[k] !== theta[k]) same = false;
    if (!same) evaluate(theta, true);
    for (let k = 0; k < nParams; k++) out[k] = cacheGrad[k]!;
  };
  const x0 = Array.from(o.initial, Math.log);
  if (!Number.isFinite(objective(Float64Array.from(x0)))) {
    throw new InvalidInputError(fn, `the likelihood cannot be evaluated at the start values [${Array.from(o.initial).join(', ')}] (set options.initialParams)`, Array.from(o.initial));
  }
  const res = coreErrorsAs(fn, () =>
    minimize(objective, x0, {
      ...(analytic && { gradient }),
      maxIterations: o.maxIterations,
      gradientTolerance: o.tolerance,
      ...o.control,
    }),
  );
  if (!res.converged && o.strict) {
    throw new NotConvergedError(fn, `the fit did not converge (${res.reason}) within ${res.iterations} iterations; gradient norm ${Math.max(...res.gradient.map(Math.abs))}`, res.iterations);
  }
  // central differences of the analytic gradient of W·objective in θ = log p (step 1e-5: truncation
  // ~1e-10, rounding ~ε/h·|∇| ~1e-11 relative — ample for standard errors and Newton steps)
  const hessianAt = (x: readonly number[]): number[][] => {
    const H: number[][] = [];
    const t = Float64Array.from(x);
    const g1 = new Float64Array(nParams);
    const g2 = new Float64Array(nParams);
    const h = 1e-5;
    for (let k = 0; k < nParams; k++) {
      t[k] = x[k]! + h;
      gradient(t, g1);
      t[k] = x[k]! - h;
      gradient(t, g2);
      t[k] = x[k]!;
      H.push(Array.from(g1, (v, j) => (W * (v - g2[j]!)) / (2 * h)));
    }
    for (let i = 0; i < nParams; i++) {
      for (let j = 0; j < i; j++) {
        const v = 0.5 * (H[i]![j]! + H[j]![i]!);
        H[i]![j] = v;
        H[j]![i] = v;
      }
    }
    return H;
  };
  let xFit: number[] = Array.from(res.x);
  let hessian: number[][] | undefined;
  if (analytic) {
    hessian = hessianAt(xFit);
    // Newton polish: L-BFGS stops where the gradient is below the tolerance, which along a flat ridge
    // of the likelihood (Pareto/NBD's s and β) still leaves the parameters ~1e-6 from the optimum. A few
    // Newton steps on the Hessian computed anyway for the standard errors close that gap; a step is kept
    // only when it lowers the gradient norm without raising the objective.
    if (res.converged) {
      const maxAbs = (v: ArrayLike<number>): number => {
        let m = 0;
        for (let k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k]!));
        return m;
      };
      const g0 = new Float64Array(nParams);
      const g1 = new Float64Array(nParams);
      for (let it = 0; it < 3; it++) {
        let cov: number[][];
        try {
          cov = invertSymmetric(hessian);
        } catch (e) {
          if (e instanceof CrmkitError) break;
          throw e;
        }
        const xt = Float64Array.from(xFit);
        const f0 = objective(xt);
        gradient(xt, g0);
        if (maxAbs(g0) === 0) break;
        const xNew = xFit.map((v, k) => v - cov[k]!.reduce((acc, c, j) => acc + c * W * g0[j]!, 0));
        const xn = Float64Array.from(xNew);
        const f1 = objective(xn);
        if (!(f1 <= f0 + 1e-13 * Math.abs(f0))) break;
        gradient(xn, g1);
        if (!(maxAbs(g1) < maxAbs(g0))) break;
        xFit = xNew;
        hessian = hessianAt(xFit);
      }
    }
  } else {
    try {
      hessian = numericHessian((theta) => W * evaluate(theta, false), res.x);
    } catch (e) {
      if (!isCoreKernelError(e)) throw e;
      hessian = undefined; // not finite near the fit: no standard errors
    }
  }
  const params = xFit.map(Math.exp);
  // A Hessian that is not positive definite (a fit running off to a boundary, parameters not
  // identified) has no standard errors: they are left out rather than reported as NaN.
  let standardErrors: number[] | undefined;
  try {
    if (hessian === undefined) throw new InvalidInputError(fn, 'the objective is not finite near the fit', undefined);
    const cov = invertSymmetric(hessian);
    standardErrors = params.map((v, k) => v * Math.sqrt(cov[k]![k]!));
    if (!standardErrors.every(Number.isFinite)) standardErrors = undefined;
  } catch (e) {
    if (!(e instanceof CrmkitError)) throw e;
    standardErrors = undefined;
  }
  const ll = coreErrorsAs(fn, () => kernel(Float64Array.from(params), undefined));
  const diagnostics = diagnose(params, standardErrors !== undefined, res.converged, check);
  if (o.strict && !diagnostics.ok) {
    const msg = `the fit cannot be trusted: ${diagnostics.warnings.join('; ')}`;
    if (diagnostics.data.length > 0) throw new InvalidInputError(fn, msg, diagnostics.data);
    throw new NotConvergedError(fn, msg, res.iterations);
  }
  return { diagnostics, params, standardErrors, logLikelihood: ll, converged: res.converged, iterations: res.iterations, evaluations: res.evaluations };
}

/** What `runFit` needs to weigh the penalty and judge the fit. */
export interface FitCheck {
  names: readonly string[];
  /** Per-parameter multipliers c_k of the penalty λ·Σ c_k p_k². */
  penaltyWeights?: Float64Array;
  /** Indexes of time-scale (or money-scale) parameters and the data's scale they are compared with. */
  scaleParams?: readonly number[];
  scale?: number;
  /** Data findings (`FitDiagnostics.data`) with their sentences. */
  data?: readonly (readonly [string, string])[];
}

/** The diagnostics of a finished fit. */
export function diagnose(params: readonly number[], hessianPD: boolean, converged: boolean, check: FitCheck | undefined): FitDiagnostics {
  const nearBound: string[] = [];
  const warnings: string[] = [];
  if (!converged && params.length > 0) warnings.push('the optimizer did not converge');
  const names = check?.names ?? params.map((_, k) => `p${k}`);
  for (let k = 0; k < params.length; k++) {
    const isScale = check?.scaleParams?.includes(k) === true;
    const v = isScale ? params[k]! / (check!.scale! > 0 ? check!.scale! : 1) : params[k]!;
    if (v < 1e-4 || v > 1e4) {
      nearBound.push(names[k]!);
      warnings.push(`${names[k]} = ${params[k]!.toPrecision(3)} is near a bound${isScale ? ` (${v.toPrecision(2)} × the data's scale)` : ''}: the data do not identify it, and predictions that depend on it are extrapolations`);
    }
  }
  if (!hessianPD && params.length > 0) warnings.push('the Hessian is not positive definite at the fit: no standard errors, the parameters are not identified');
  const data = (check?.data ?? []).map(([code, text]) => {
    warnings.push(text);
    return code;
  });
  return { ok: warnings.length === 0, nearBound, hessianPositiveDefinite: hessianPD, data, warnings };
}

/** Names → values object. */
export function named<K extends string>(names: readonly K[], values: ArrayLike<number>): Record<K, number> {
  const o = {} as Record<K, number>;
  for (let i = 0; i < names.length; i++) o[names[i]!] = values[i]!;
  return o;
}

/** The JSON shape every buy-till-you-die fit returns (the public model interfaces are instances of it). */
export interface AssembledModel<Kind extends string, K extends string> {
  kind: Kind;
  formatVersion: 1;
  params: Record<K, number>;
  standardErrors?: Record<K, number>;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  nCustomers: number;
  options: ResolvedFitOptions;
  /** What limits how far the fit can be trusted (every fit of this version reports it). */
  diagnostics?: FitDiagnostics;
}

/**
 * Builds the model object from a fit: named parameters, log-likelihood, convergence, customer count,
 * the resolved options, and named standard errors when the Hessian gave them (left out otherwise).
 */
export function assembleModel<Kind extends string, K extends string>(kind: Kind, names: readonly K[], fit: FitOutcome, nCustomers: number, o: ResolvedFitOptions): AssembledModel<Kind, K> {
  const model: AssembledModel<Kind, K> = {
    kind,
    formatVersion: 1,
    params: named(names, fit.params),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    nCustomers,
    options: { penalizer: o.penalizer, maxIterations: o.maxIterations, tolerance: o.tolerance, ...(o.penalizerScaling !== undefined && { penalizerScaling: o.penalizerScaling }) },
    diagnostics: fit.diagnostics,
  };
  if (fit.standardErrors !== undefined) model.standardErrors = named(names, fit.standardErrors);
  return model;
}

/** Checks `kind`, `formatVersion` and positive finite parameters of a serialized model. */
export function checkModel(fn: string, json: unknown, kind: string, names: readonly string[]): Record<string, unknown> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ModelFormatError(fn, 'a model must be a plain object', json);
  const m = json as Record<string, unknown>;
  if (m.kind !== kind) throw new ModelFormatError(fn, `kind must be '${kind}'`, m.kind);
  if (m.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', m.formatVersion);
  const params = m.params as Record<string, unknown> | undefined;
  if (params === null || typeof params !== 'object') throw new ModelFormatError(fn, 'params must be an object', params);
  for (const n of names) {
    const v = params[n];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ModelFormatError(fn, `params.${n} must be a finite number > 0`, v);
  }
  for (const k of ['logLikelihood', 'iterations']) {
    if (typeof m[k] !== 'number' || !Number.isFinite(m[k] as number)) throw new ModelFormatError(fn, `${k} must be a finite number`, m[k]);
  }
  if (typeof m.converged !== 'boolean') throw new ModelFormatError(fn, 'converged must be a boolean', m.converged);
  checkModelFields(fn, m, names);
  return m;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Checks the optional fields a fit writes (a tampered or truncated file must not load with NaN in it):
 * `iterations`, `nCustomers`, `standardErrors`, `options`, `diagnostics`.
 */
function checkModelFields(fn: string, m: Record<string, unknown>, names: readonly string[]): void {
  if (!Number.isInteger(m.iterations) || (m.iterations as number) < 0) throw new ModelFormatError(fn, 'iterations must be an integer ≥ 0', m.iterations);
  if (m.nCustomers !== undefined && !(typeof m.nCustomers === 'number' && Number.isFinite(m.nCustomers) && m.nCustomers >= 0)) {
    throw new ModelFormatError(fn, 'nCustomers must be a finite number ≥ 0', m.nCustomers);
  }
  if (m.standardErrors !== undefined) {
    const se = m.standardErrors;
    if (!isObject(se)) throw new ModelFormatError(fn, 'standardErrors must be an object', se);
    for (const n of names) {
      const v = se[n];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ModelFormatError(fn, `standardErrors.${n} must be a finite number ≥ 0`, v);
    }
  }
  if (m.options !== undefined) {
    const o = m.options;
    if (!isObject(o)) throw new ModelFormatError(fn, 'options must be an object', o);
    const num = (k: string, ok: (v: number) => boolean): void => {
      if (o[k] !== undefined && !(typeof o[k] === 'number' && ok(o[k] as number))) throw new ModelFormatError(fn, `options.${k} is not a valid value`, o[k]);
    };
    num('penalizer', (v) => Number.isFinite(v) && v >= 0);
    num('maxIterations', (v) => Number.isInteger(v) && v >= 1);
    num('tolerance', (v) => Number.isFinite(v) && v >= 0);
    if (o.penalizerScaling !== undefined && o.penalizerScaling !== 'none' && o.penalizerScaling !== 'lifetimes') {
      throw new ModelFormatError(fn, "options.penalizerScaling must be 'none' or 'lifetimes'", o.penalizerScaling);
    }
  }
  if (m.diagnostics !== undefined) {
    const d = m.diagnostics;
    if (!isObject(d)) throw new ModelFormatError(fn, 'diagnostics must be an object', d);
    if (typeof d.ok !== 'boolean') throw new ModelFormatError(fn, 'diagnostics.ok must be a boolean', d.ok);
    if (typeof d.hessianPositiveDefinite !== 'boolean') throw new ModelFormatError(fn, 'diagnostics.hessianPositiveDefinite must be a boolean', d.hessianPositiveDefinite);
    for (const k of ['nearBound', 'data', 'warnings']) {
      if (!isStringArray(d[k])) throw new ModelFormatError(fn, `diagnostics.${k} must be an array of strings`, d[k]);
    }
    if (d.holdout !== undefined) checkHoldoutDiagnostics(fn, d.holdout);
  }
}

/** The whole fit of a continuous-time model (BG/NBD, MBG/NBD, Pareto/NBD): validate, merge patterns, start, minimize with the analytic gradient, assemble. */
export function fitContinuousModel<Kind extends string, K extends string>(
  fn: string,
  kind: Kind,
  names: readonly K[],
  makeKernel: (d: Patterns) => LogLikelihoodKernel,
  customers: readonly BtydCustomer[],
  options: ContinuousFitOptions | undefined,
  conditional: (p: Record<K, number>, t: number, x: number, tx: number, T: number) => number,
): AssembledModel<Kind, K> {
  const o = fitOptions(fn, options, names.length, ['penalizerScaling']);
  const scaling = (options as ContinuousFitOptions | undefined)?.penalizerScaling === undefined ? 'none' : oneOf(fn, 'options.penalizerScaling', options!.penalizerScaling, ['none', 'lifetimes'] as const);
  const data = toPatterns(fn, customers);
  const hold = o.holdout === undefined ? undefined : holdoutRows(fn, customers, o.holdout, true);
  continuousStart(data, o);
  let maxT = 0;
  let anyRepeat = false;
  for (let i = 0; i < data.n; i++) {
    if (data.T[i]! > maxT) maxT = data.T[i]!;
    if (data.x[i]! > 0) anyRepeat = true;
  }
  const scaleParams = names.flatMap((nm, k) => (nm === 'alpha' || nm === 'beta' ? [k] : []));
  const penaltyWeights = new Float64Array(names.length).fill(1);
  if (scaling === 'lifetimes' && maxT > 0) {
    for (const k of scaleParams) penaltyWeights[k] = 1 / (maxT * maxT);
    if (kind === 'paretoNbd') for (let k = 0; k < names.length; k++) penaltyWeights[k]! /= data.rows;
  }
  const findings: [string, string][] = [];
  if (!anyRepeat) findings.push(['noRepeatPurchases', 'no customer has a repeat purchase (frequency 0 everywhere): purchase rates and drop-out cannot be estimated']);
  if (maxT === 0) findings.push(['noObservationTime', 'T is 0 for every customer: there is no observation time to estimate rates from']);
  const check: FitCheck = { names, penaltyWeights, scaleParams, scale: maxT, data: findings };
  const kernel = makeKernel(data);
  let fit: FitOutcome;
  if (findings.length > 0) {
    // Nothing to estimate from: the likelihood has no interior optimum, and the optimizer would wander
    // off to extreme parameters (slowly, for Pareto/NBD). The start values are returned, not converged.
    const diagnostics = diagnose([], false, false, check);
    if (o.strict) throw new InvalidInputError(fn, `the fit cannot be trusted: ${diagnostics.warnings.join('; ')}`, diagnostics.data);
    diagnostics.warnings.unshift('the optimizer was not run (the parameters are the start values)');
    const params = Array.from(o.initial);
    fit = { diagnostics, params, standardErrors: undefined, logLikelihood: kernel(o.initial, undefined), converged: false, iterations: 0, evaluations: 1 };
  } else {
    fit = runFit(fn, kernel, data.totalWeight, names.length, o, true, check);
    if (hold !== undefined) {
      const params = named(names, fit.params);
      const e = coreErrorsAs(fn, () => Array.from(customers, (c) => conditional(params, hold.duration, c.frequency, c.recency, c.T)));
      const h = holdoutCheck('purchases', hold.duration, e, hold.frequency, undefined, fit.diagnostics);
      if (o.strict && !h.ok) throw new NotConvergedError(fn, `the fit cannot be trusted: ${fit.diagnostics.warnings.join('; ')}`, fit.iterations);
    }
  }
  return assembleModel(kind, names, fit, data.totalWeight, { ...o, penalizerScaling: scaling });
}

/** The default start of the continuous-time fits: r = 0.5, α = 0.5·ΣwT/Σwx (mean rate r/α ≈ Σx/ΣT), 1, 2. */
export function continuousStart(d: Patterns, o: { initial: Float64Array; userInitial: boolean }): void {
  if (o.userInitial) return;
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < d.n; i++) {
    sx += d.w[i]! * d.x[i]!;
    sT += d.w[i]! * d.T[i]!;
  }
  const alpha = sx > 0 && sT > 0 ? Math.min(1e6, Math.max(1e-3, (0.5 * sT) / sx)) : 1;
  o.initial.set([0.5, alpha, 1, 2]);
}

/** Checks a serialized `diagnostics.holdout`. */
function checkHoldoutDiagnostics(fn: string, h: unknown): void {
  if (!isObject(h)) throw new ModelFormatError(fn, 'diagnostics.holdout must be an object', h);
  if (h.measure !== 'purchases' && h.measure !== 'spend') throw new ModelFormatError(fn, "diagnostics.holdout.measure must be 'purchases' or 'spend'", h.measure);
  if (typeof h.ok !== 'boolean') throw new ModelFormatError(fn, 'diagnostics.holdout.ok must be a boolean', h.ok);
  for (const k of ['customers', 'duration', 'actual', 'expected', 'rmse', 'relativeError']) {
    if (k === 'relativeError' && h[k] === undefined) continue;
    const v = h[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || (k !== 'relativeError' && v < 0)) throw new ModelFormatError(fn, `diagnostics.holdout.${k} must be a finite number${k === 'relativeError' ? '' : ' ≥ 0'}`, v);
  }
}

function idOf(row: unknown): unknown {
  return row !== null && typeof row === 'object' ? (row as { customerId?: unknown }).customerId : undefined;
}

/**
 * Index of the holdout row of each calibration row: by `customerId` when the rows carry ids (every
 * calibration id found exactly once in the holdout), by position when neither side has any id.
 * `calName` and `holdName` name the two lists in errors.
 */
export function matchById(fn: string, cal: ArrayLike<unknown>, hold: ArrayLike<unknown>, calName = 'calibration', holdName = 'holdout'): Int32Array {
  const n = cal.length;
  const out = new Int32Array(n);
  let withId = 0;
  for (let i = 0; i < n; i++) if (idOf(cal[i]) !== undefined) withId++;
  for (let j = 0; j < hold.length; j++) if (idOf(hold[j]) !== undefined) withId++;
  if (withId === 0) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  const at = new Map<unknown, number>();
  for (let j = 0; j < hold.length; j++) {
    const id = idOf(hold[j]);
    if (id === undefined) throw new InvalidInputError(fn, `${holdName}[${j}].customerId is missing (rows are matched by customerId when any row has one)`, id);
    if (at.has(id)) throw new InvalidInputError(fn, `${holdName}[${j}].customerId repeats ${holdName}[${at.get(id)}]'s id`, id);
    at.set(id, j);
  }
  for (let i = 0; i < n; i++) {
    const id = idOf(cal[i]);
    if (id === undefined) throw new InvalidInputError(fn, `${calName}[${i}].customerId is missing (rows are matched by customerId when any row has one)`, id);
    const j = at.get(id);
    if (j === undefined) throw new InvalidInputError(fn, `${calName}[${i}].customerId has no holdout row`, id);
    out[i] = j;
  }
  return out;
}

/**
 * Validates `options.holdout` against the fit's customers and returns, per calibration row, the
 * matched holdout row (frequency, and monetary value when `needSpend`), plus the window length.
 */
export function holdoutRows(fn: string, customers: ArrayLike<unknown>, holdout: unknown, needDuration: boolean): { frequency: Float64Array; monetary: Float64Array; duration: number } {
  const hold = arrayLike<unknown>(fn, 'options.holdout', holdout);
  if (hold.length !== customers.length) throw new InvalidOptionError(fn, `options.holdout must have one row per customer (${customers.length})`, hold.length);
  for (let i = 0; i < customers.length; i++) {
    const w = (customers[i] as { weight?: unknown }).weight;
    if (w !== undefined && w !== 1) throw new InvalidOptionError(fn, `options.holdout cannot be checked against weighted customers (customers[${i}].weight is ${String(w)}): a pattern row has no single holdout`, w);
  }
  for (let j = 0; j < hold.length; j++) {
    if (hold[j] === null || typeof hold[j] !== 'object') throw new InvalidOptionError(fn, `options.holdout[${j}] must be an object { frequency, duration }`, hold[j]);
  }
  const match = matchById(fn, customers, hold, 'customers', 'options.holdout');
  const frequency = new Float64Array(customers.length);
  const monetary = new Float64Array(customers.length);
  let duration = 0;
  for (let i = 0; i < customers.length; i++) {
    const j = match[i]!;
    const h = hold[j] as HoldoutRow;
    const f = h.frequency;
    if (typeof f !== 'number' || !Number.isInteger(f) || f < 0 || f > MAX_FREQUENCY) throw new InvalidOptionError(fn, `options.holdout[${j}].frequency must be an integer in [0, ${MAX_FREQUENCY}]`, f);
    frequency[i] = f;
    if (needDuration) {
      const d = h.duration;
      if (typeof d !== 'number' || !Number.isFinite(d) || d <= 0) throw new InvalidOptionError(fn, `options.holdout[${j}].duration must be a finite number > 0`, d);
      if (i === 0) duration = d;
      else if (d !== duration) throw new InvalidOptionError(fn, `options.holdout[${j}].duration must equal the other rows' (${duration})`, d);
    } else if (f > 0) {
      const m = h.monetaryValue;
      if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0) throw new InvalidOptionError(fn, `options.holdout[${j}].monetaryValue must be a finite number > 0 when frequency > 0`, m);
      monetary[i] = m;
    }
  }
  return { frequency, monetary, duration };
}

/**
 * The holdout check from per-customer expectations `e` and actual values `a` (each weighted by `k`,
 * 1 for purchases, holdout purchases for spend). Adds its warning to `d` when it fails.
 */
export function holdoutCheck(measure: 'purchases' | 'spend', duration: number, e: ArrayLike<number>, a: ArrayLike<number>, k: ArrayLike<number> | undefined, d: FitDiagnostics): HoldoutDiagnostics {
  let se = 0;
  let sa = 0;
  let sq = 0;
  let n = 0;
  for (let i = 0; i < e.length; i++) {
    const ki = k === undefined ? 1 : k[i]!;
    if (ki === 0) continue;
    n++;
    se += ki * e[i]!;
    sa += ki * a[i]!;
    const diff = ki * (e[i]! - a[i]!);
    sq += diff * diff;
  }
  const diff = se - sa;
  // noise allowance: two Poisson standard deviations of the expected count (purchases); for spend,
  // two standard errors of the total from the per-customer deviations
  const noise = measure === 'purchases' ? 2 * Math.sqrt(Math.max(se, 0)) : 2 * Math.sqrt(sq);
  const ok = Math.abs(diff) <= 0.1 * sa + noise;
  const h: HoldoutDiagnostics = { measure, customers: n, duration, actual: sa, expected: se, rmse: n > 0 ? Math.sqrt(sq / n) : 0, ok };
  if (sa > 0) h.relativeError = diff / sa;
  else if (se === 0) h.relativeError = 0;
  if (!Number.isFinite(h.expected) || !Number.isFinite(h.rmse)) {
    h.ok = false;
    h.expected = Number.isFinite(h.expected) ? h.expected : 0;
    h.rmse = Number.isFinite(h.rmse) ? h.rmse : 0;
    delete h.relativeError;
  }
  if (!h.ok) {
    const what = measure === 'purchases' ? `holdout purchases: the model expects ${se.toPrecision(4)}, the customers made ${sa}` : `holdout spend: the model expects ${se.toPrecision(4)}, the customers spent ${sa.toPrecision(4)}`;
    d.warnings.push(`the holdout check fails (${what}; off by more than 10% plus the noise allowance)`);
    d.ok = false;
  }
  d.holdout = h;
  return h;
}
