import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { AbortError, DimensionMismatchError, InvalidOptionError, NotConvergedError } from '../core/errors.js';
import minimizeSteps from '../core/optimize.js';
import type { LongRunOptions } from '../core/progress.js';
import * as v from '../core/validate.js';
import { classWeights, encodeLabels, featureNamesOption, sampleWeights, type Label } from './_common.js';
import { newtonPolish, type NewtonProblem } from './_newton.js';
import { linearPredictor, toDesign, transposeProduct, type LinearFeatures } from './_design.js';

export type { LinearFeatures } from './_design.js';

/** Penalty of a logistic regression. */
export type LogisticPenalty = 'l2' | 'l1' | 'elasticnet' | 'none';

/** Options of {@link fitLogisticRegression}. */
export interface FitLogisticRegressionOptions extends LongRunOptions {
  /** Regularization: `'l2'` (ridge), `'l1'` (lasso), `'elasticnet'` (both, mixed by `l1Ratio`) or `'none'`. @defaultValue 'l2' */
  penalty?: LogisticPenalty;
  /** Inverse regularization strength (> 0): smaller means a stronger penalty, as in scikit-learn. @defaultValue 1 */
  C?: number;
  /** Elastic-net mixing in [0, 1]: 1 is pure L1, 0 pure L2. Required for (and only allowed with) `'elasticnet'`. */
  l1Ratio?: number;
  /** `'balanced'` (n / (k · n_c)) or a Map / object from class label to weight; multiplies `sampleWeight`. @defaultValue none */
  classWeight?: 'balanced' | ReadonlyMap<Label, number> | Readonly<Record<string, number>>;
  /** Non-negative weight per row. @defaultValue all 1 */
  sampleWeight?: readonly number[] | Float64Array;
  /** Fit an (unpenalized) intercept. @defaultValue true */
  fitIntercept?: boolean;
  /**
   * With more than 2 classes: one softmax model (`'multinomial'`) or one binary model per class
   * against the rest (`'ovr'`). `'auto'` is multinomial (scikit-learn's choice for lbfgs). Two
   * classes always give one binary model. @defaultValue 'auto'
   */
  multiClass?: 'auto' | 'multinomial' | 'ovr';
  /** Iteration cap of the solver (per class with `'ovr'`). @defaultValue 100 */
  maxIterations?: number;
  /**
   * Stop when the largest entry of the (projected) gradient of the summed objective is at most this
   * (scikit-learn's `tol`, which it passes to L-BFGS-B as `gtol`), or when the objective's relative
   * decrease falls below `tolerance · 2.22e-5` twice. @defaultValue 1e-4
   */
  tolerance?: number;
  /** Recorded in `params` (the solver is deterministic; kept for pipelines that pass one seed everywhere). @defaultValue 0 */
  seed?: number;
  /** Throw {@link NotConvergedError} instead of returning `converged: false` (also for perfectly separable data without a penalty). @defaultValue false */
  strict?: boolean;
  /** Column names, kept in the model for summaries. @defaultValue none */
  featureNames?: readonly string[];
}

/** Resolved parameters stored in a {@link LogisticRegressionModel}. */
export interface LogisticRegressionParams {
  penalty: LogisticPenalty;
  C: number;
  l1Ratio: number | null;
  classWeight: 'balanced' | number[] | null;
  fitIntercept: boolean;
  multiClass: 'multinomial' | 'ovr';
  maxIterations: number;
  tolerance: number;
  seed: number;
}

/** Why the solver stopped (`'separable'`: no penalty and the classes are perfectly separated, so the coefficients diverge). */
export type LogisticStopReason = 'gradientTolerance' | 'valueTolerance' | 'maxIterations' | 'lineSearchFailed' | 'separable';

/** A fitted logistic regression (JSON-ready). */
export interface LogisticRegressionModel {
  readonly kind: 'logisticRegression';
  readonly formatVersion: 1;
  readonly params: LogisticRegressionParams;
  readonly nFeatures: number;
  /** Class labels, sorted (numbers ascending, strings by code units, false < true). */
  readonly classes: Label[];
  readonly featureNames: string[] | null;
  /**
   * Coefficients: one row of `nFeatures` numbers per class with more than two classes (rows in
   * `classes` order), one row (for `classes[1]`) with two classes — scikit-learn's `coef_`.
   */
  readonly coefficients: number[][];
  /** Intercepts, one per coefficient row (0 without `fitIntercept`) — scikit-learn's `intercept_`. */
  readonly intercepts: number[];
  /** Whether the solver met its tolerance (every class with `'ovr'`) and the fit is not separable. */
  readonly converged: boolean;
  /** Solver iterations (the largest over classes with `'ovr'`). */
  readonly iterations: number;
  /** Why the solver stopped (the first non-converged class with `'ovr'`). */
  readonly reason: LogisticStopReason;
}

const KEYS = ['penalty', 'C', 'l1Ratio', 'classWeight', 'sampleWeight', 'fitIntercept', 'multiClass', 'maxIterations', 'tolerance', 'seed', 'strict', 'featureNames', 'signal', 'onProgress'];
const FN = 'classify/fitLogisticRegression';

/** Data and penalty weights of one solve (shared with the Newton polish). */
type Problem = NewtonProblem;

/** Minimizes Σ sᵢ·lossᵢ + l1·‖W‖₁ + l2/2·‖W‖² (W without the intercepts); returns W (k × p) and b. */
function* solve(pr: Problem, o: { fn: string; maxIterations: number; tolerance: number; signal?: AbortSignal; onProgress?: LongRunOptions['onProgress']; stage: string }) {
  const { d, k, sw, fitIntercept, l1, l2 } = pr;
  const n = d.rows;
  const p = d.cols;
  const kp = k * p;
  const split = l1 > 0; // W = W⁺ − W⁻ with W± ≥ 0 makes the L1 term smooth (bound-constrained)
  const nw = split ? 2 * kp : kp;
  const nvar = nw + (fitIntercept ? k : 0);
  const w = new Float64Array(kp);
  const b = fitIntercept ? new Float64Array(k) : null;
  const z = new Float64Array(n * k);
  const r = new Float64Array(n * k);
  const gw = new Float64Array(kp);
  const cacheX = new Float64Array(nvar);
  const cacheG = new Float64Array(nvar);
  let cached = false;

  const evaluate = (x: Float64Array): number => {
    if (split) for (let j = 0; j < kp; j++) w[j] = x[j]! - x[kp + j]!;
    else w.set(x.subarray(0, kp));
    if (b !== null) b.set(x.subarray(nw, nw + k));
    linearPredictor(d, w, k, b, z);
    // Kahan-compensated sum: near the optimum the line search compares values that differ in their
    // last digits, so the summation error of n terms must stay near one rounding of the total.
    // (inlined: a closure over mutated doubles would box every partial sum)
    let loss = 0;
    let comp = 0;
    if (k === 1) {
      const y = pr.y01!;
      for (let i = 0; i < n; i++) {
        const zi = z[i]!;
        const s = sw[i]!;
        // log(1 + e^z) − y·z, and σ(z) − y, computed without overflow
        const e = Math.exp(-Math.abs(zi));
        const lse = (zi > 0 ? zi : 0) + Math.log1p(e);
        const sig = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
        const yk = s * (lse - y[i]! * zi) - comp;
        const tk = loss + yk;
        comp = tk - loss - yk;
        loss = tk;
        r[i] = s * (sig - y[i]!);
      }
    } else {
      const codes = pr.codes;
      for (let i = 0; i < n; i++) {
        const off = i * k;
        let mx = -Infinity;
        for (let c = 0; c < k; c++) if (z[off + c]! > mx) mx = z[off + c]!;
        let se = 0;
        for (let c = 0; c < k; c++) {
          const e = Math.exp(z[off + c]! - mx);
          r[off + c] = e;
          se += e;
        }
        const s = sw[i]!;
        const yi = codes[i]!;
        const yk = s * (mx + Math.log(se) - z[off + yi]!) - comp;
        const tk = loss + yk;
        comp = tk - loss - yk;
        loss = tk;
        for (let c = 0; c < k; c++) r[off + c] = s * (r[off + c]! / se - (c === yi ? 1 : 0));
      }
    }
    transposeProduct(d, r, k, gw);
    let pen = 0;
    if (split) {
      for (let j = 0; j < kp; j++) {
        const wj = w[j]!;
        pen += l1 * (x[j]! + x[kp + j]!) + 0.5 * l2 * wj * wj;
        const gj = gw[j]! + l2 * wj;
        cacheG[j] = gj + l1;
        cacheG[kp + j] = -gj + l1;
      }
    } else {
      for (let j = 0; j < kp; j++) {
        const wj = w[j]!;
        pen += 0.5 * l2 * wj * wj;
        cacheG[j] = gw[j]! + l2 * wj;
      }
    }
    if (b !== null) {
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += r[i * k + c]!;
        cacheG[nw + c] = s;
      }
    }
    cacheX.set(x);
    cached = true;
    return loss + pen;
  };
  const gradient = (x: Float64Array, out: Float64Array): void => {
    let same = cached;
    for (let j = 0; same && j < nvar; j++) same = cacheX[j] === x[j];
    if (!same) evaluate(x);
    out.set(cacheG);
  };
  const res = yield* minimizeSteps(evaluate, new Float64Array(nvar), {
    gradient,
    ...(split ? { lower: Array.from({ length: nvar }, (_, j) => (j < nw ? 0 : -Infinity)) } : {}),
    maxIterations: o.maxIterations,
    gradientTolerance: o.tolerance,
    valueTolerance: o.tolerance * 2.220446049250313e-5,
    ...(o.signal !== undefined && { signal: o.signal }),
    ...(o.onProgress !== undefined && { onProgress: (pg: { completed: number; total?: number }) => o.onProgress!({ fn: o.fn, completed: pg.completed, ...(pg.total !== undefined && { total: pg.total }), stage: o.stage }) }),
  });
  const x = Float64Array.from(res.x);
  if (split) for (let j = 0; j < kp; j++) w[j] = x[j]! - x[kp + j]!;
  else w.set(x.subarray(0, kp));
  if (b !== null) b.set(x.subarray(nw, nw + k));
  let converged = res.converged;
  let reason = res.reason as LogisticStopReason;
  if (res.reason !== 'gradientTolerance') {
    // Below the objective's rounding level the line search stalls while the gradient is still
    // resolvable (and on badly scaled columns L-BFGS crawls): finish with Newton steps on the exact
    // Hessian when it is small enough.
    const norm = newtonPolish(pr, w, b, o.tolerance, 50);
    if (norm <= o.tolerance) {
      converged = true;
      reason = 'gradientTolerance';
    }
  }
  return { w, b, iterations: res.iterations, converged, reason };
}

/** Whether the fitted predictor puts every weighted row strictly on its class's side. */
function separates(pr: Problem, w: Float64Array, b: Float64Array | null): boolean {
  const { d, k, sw } = pr;
  const z = new Float64Array(d.rows * k);
  linearPredictor(d, w, k, b, z);
  for (let i = 0; i < d.rows; i++) {
    if (sw[i] === 0) continue;
    if (k === 1) {
      if (!((pr.y01![i] === 1 ? z[i]! : -z[i]!) > 0)) return false;
    } else {
      const yi = pr.codes[i]!;
      for (let c = 0; c < k; c++) if (c !== yi && !(z[i * k + yi]! > z[i * k + c]!)) return false;
    }
  }
  return true;
}

/**
 * Fits a logistic regression (binary, multinomial or one-vs-rest) with an L2, L1, elastic-net or
 * no penalty, on dense rows or a sparse `CsrMatrix` (from `crmkit`) (TF-IDF output) without densifying it.
 *
 * @remarks
 * Minimizes Σᵢ sᵢ·ℓᵢ + (1/C)·P(W), with ℓᵢ the log-loss of row i (softmax cross-entropy for
 * multinomial), sᵢ = sampleWeight·classWeight, and P = ½‖W‖² (`'l2'`), ‖W‖₁ (`'l1'`),
 * ρ‖W‖₁ + (1 − ρ)/2·‖W‖² (`'elasticnet'`, ρ = `l1Ratio`) or 0; the intercept is never penalized.
 * This is scikit-learn's objective for lbfgs (L2/none) and for saga (L1/elastic-net), so at a tight
 * tolerance the coefficients equal scikit-learn's `LogisticRegression` with `solver='lbfgs'` /
 * `solver='saga'` (not liblinear, which also penalizes the intercept).
 * Solver: crmkit's projected L-BFGS (core's `minimize`) with the analytic gradient; L1 terms are
 * made smooth by writing W = W⁺ − W⁻ with W± ≥ 0 (a bound-constrained problem the same solver
 * handles). With K > 2 multinomial classes the intercepts are centered to sum to 0 (the softmax
 * only determines them up to a shift; scikit-learn's lbfgs iterates keep that sum at 0 too).
 * Cost per iteration: two passes over X (O(nnz · K) for sparse X) plus O(m · K · p) for the
 * L-BFGS memory; memory O(n · K + m · K · p).
 *
 * Without a penalty and perfectly separable classes the likelihood has no maximum (the
 * coefficients grow without bound): the model then reports `converged: false` and
 * `reason: 'separable'` (with `strict`, a {@link NotConvergedError}).
 * @see scikit-learn 1.2.1 `LogisticRegression` (the reference of the tests, at 1e-6)
 * @throws {@link InvalidInputError} on NaN/Infinity features, fewer than 2 classes, malformed CSR
 * @throws {@link DimensionMismatchError} when y or sampleWeight do not have one entry per row
 * @throws {@link InvalidOptionError} on unknown or out-of-range options (`C` ≤ 0, `l1Ratio` without elastic-net)
 * @throws {@link NotConvergedError} with `strict: true` when the solver did not converge or the data are separable without a penalty
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { fitLogisticRegression, predictLogisticRegression } from 'crmkit/classify';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 0, 1, 0, 1, 1];
 * const model = fitLogisticRegression(X, y, { tolerance: 1e-10 });
 * model.coefficients[0]!.map((c) => Math.round(c * 1e4) / 1e4); // => [0.7671]
 * predictLogisticRegression(model, [[1], [4]]); // => [0, 1]
 * ```
 * @category Linear models
 */
export function fitLogisticRegression(X: LinearFeatures, y: readonly Label[], options?: FitLogisticRegressionOptions): LogisticRegressionModel {
  return runSteps(fitLogisticRegressionSteps(FN, X, y, options));
}

/**
 * {@link fitLogisticRegression} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (between L-BFGS-B iterations), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link fitLogisticRegression} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitLogisticRegressionAsync } from 'crmkit/classify';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 0, 1, 0, 1, 1];
 * const model = await fitLogisticRegressionAsync(X, y, { tolerance: 1e-10 });
 * model.coefficients[0]!.map((c) => Math.round(c * 1e4) / 1e4); // => [0.7671]
 * ```
 * @category Linear models
 */
export function fitLogisticRegressionAsync(X: LinearFeatures, y: readonly Label[], options?: FitLogisticRegressionOptions): Promise<LogisticRegressionModel> {
  return runStepsAsync(`${FN}Async`, fitLogisticRegressionSteps(`${FN}Async`, X, y, options), options);
}

/** The kernel of {@link fitLogisticRegression} and {@link fitLogisticRegressionAsync}: yields at checkpoints (core/_steps). */
function* fitLogisticRegressionSteps(FN: string, X: LinearFeatures, y: readonly Label[], options?: FitLogisticRegressionOptions): Steps<LogisticRegressionModel> {
  const o = v.options(FN, options, KEYS);
  const d = toDesign(FN, X);
  const enc = encodeLabels(FN, y);
  if (enc.codes.length !== d.rows) throw new DimensionMismatchError(FN, `y must have one label per row of X (${d.rows} rows)`, enc.codes.length);
  const penalty = o.penalty === undefined ? 'l2' : v.oneOf(FN, 'options.penalty', o.penalty, ['l2', 'l1', 'elasticnet', 'none'] as const);
  const C = o.C === undefined ? 1 : v.numberInRange(FN, 'options.C', o.C, { min: 0, minExclusive: true });
  let l1Ratio: number | null = null;
  if (penalty === 'elasticnet') {
    if (o.l1Ratio === undefined) throw new InvalidOptionError(FN, "options.l1Ratio is required with penalty 'elasticnet'", undefined);
    l1Ratio = v.numberInRange(FN, 'options.l1Ratio', o.l1Ratio, { min: 0, max: 1 });
  } else if (o.l1Ratio !== undefined) {
    throw new InvalidOptionError(FN, "options.l1Ratio is only used with penalty 'elasticnet'", o.l1Ratio);
  }
  const fitIntercept = o.fitIntercept === undefined ? true : v.boolean(FN, 'options.fitIntercept', o.fitIntercept);
  const mc = o.multiClass === undefined ? 'auto' : v.oneOf(FN, 'options.multiClass', o.multiClass, ['auto', 'multinomial', 'ovr'] as const);
  const maxIterations = o.maxIterations === undefined ? 100 : v.integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1 });
  const tolerance = o.tolerance === undefined ? 1e-4 : v.numberInRange(FN, 'options.tolerance', o.tolerance, { min: 0 });
  const seed = v.seed(FN, o.seed);
  const strict = o.strict === undefined ? false : v.boolean(FN, 'options.strict', o.strict);
  const featureNames = featureNamesOption(FN, o.featureNames, d.cols);
  const cw = classWeights(FN, o.classWeight, enc);
  const base = sampleWeights(FN, o.sampleWeight, d.rows);
  const sw = new Float64Array(d.rows);
  for (let i = 0; i < d.rows; i++) sw[i] = base[i]! * (cw === null ? 1 : cw[enc.codes[i]!]!);
  if (o.signal !== undefined && !(typeof o.signal === 'object' && o.signal !== null && 'aborted' in o.signal)) {
    throw new InvalidOptionError(FN, 'options.signal must be an AbortSignal', o.signal);
  }
  if (o.onProgress !== undefined) v.func(FN, 'options.onProgress', o.onProgress);
  if (o.signal?.aborted) throw new AbortError(FN, o.signal.reason);

  const K = enc.classes.length;
  const multiClass: 'multinomial' | 'ovr' = mc === 'ovr' ? 'ovr' : 'multinomial';
  const rho = penalty === 'l1' ? 1 : penalty === 'elasticnet' ? l1Ratio! : 0;
  const lam = penalty === 'none' ? 0 : 1 / C;
  const l1 = lam * rho;
  const l2 = lam * (1 - rho);
  const solveOpts = {
    fn: FN,
    maxIterations,
    tolerance,
    ...(o.signal !== undefined && { signal: o.signal }),
    ...(o.onProgress !== undefined && { onProgress: o.onProgress }),
  };
  const p = d.cols;
  const coefficients: number[][] = [];
  const intercepts: number[] = [];
  let iterations = 0;
  let converged = true;
  let reason: LogisticStopReason = 'gradientTolerance';
  const note = (r: { iterations: number; converged: boolean; reason: LogisticStopReason }, separable: boolean): void => {
    iterations = Math.max(iterations, r.iterations);
    if (separable && converged) {
      converged = false;
      reason = 'separable';
    } else if (!r.converged && converged) {
      converged = false;
      reason = r.reason;
    } else if (converged) reason = r.reason;
  };
  try {
    if (K === 2 || multiClass === 'ovr') {
      const targets = K === 2 ? [1] : Array.from({ length: K }, (_, c) => c);
      for (const t of targets) {
        const y01 = new Float64Array(d.rows);
        for (let i = 0; i < d.rows; i++) y01[i] = enc.codes[i] === t ? 1 : 0;
        const pr: Problem = { d, k: 1, y01, codes: enc.codes, sw, fitIntercept, l1, l2 };
        const r = yield* solve(pr, { ...solveOpts, stage: K === 2 ? 'binary' : `class ${t + 1} of ${K}` });
        note(r, penalty === 'none' && separates(pr, r.w, r.b));
        coefficients.push(Array.from(r.w));
        intercepts.push(r.b === null ? 0 : r.b[0]!);
      }
    } else {
      const pr: Problem = { d, k: K, y01: null, codes: enc.codes, sw, fitIntercept, l1, l2 };
      const r = yield* solve(pr, { ...solveOpts, stage: 'multinomial' });
      note(r, penalty === 'none' && separates(pr, r.w, r.b));
      const b = r.b ?? new Float64Array(K);
      let mb = 0;
      for (let c = 0; c < K; c++) mb += b[c]! / K;
      if (fitIntercept) for (let c = 0; c < K; c++) b[c] = b[c]! - mb;
      if (penalty === 'none') {
        for (let j = 0; j < p; j++) {
          let m = 0;
          for (let c = 0; c < K; c++) m += r.w[c * p + j]! / K;
          for (let c = 0; c < K; c++) r.w[c * p + j] = r.w[c * p + j]! - m;
        }
      }
      for (let c = 0; c < K; c++) {
        coefficients.push(Array.from(r.w.subarray(c * p, (c + 1) * p)));
        intercepts.push(b[c]!);
      }
    }
  } catch (e) {
    if (e instanceof AbortError && e.fn !== FN) throw new AbortError(FN, e.cause);
    throw e;
  }
  if (!converged && strict) {
    const why = (reason as LogisticStopReason) === 'separable' ? 'the classes are perfectly separable and there is no penalty, so the coefficients diverge (use a penalty)' : `the solver stopped (${reason}) after ${iterations} iterations`;
    throw new NotConvergedError(FN, `did not converge: ${why}`, iterations);
  }
  return {
    kind: 'logisticRegression',
    formatVersion: 1,
    params: { penalty, C, l1Ratio, classWeight: o.classWeight === 'balanced' ? 'balanced' : cw, fitIntercept, multiClass, maxIterations, tolerance, seed },
    nFeatures: p,
    classes: enc.classes,
    featureNames,
    coefficients,
    intercepts,
    converged,
    iterations,
    reason,
  };
}
