import { DimensionMismatchError, ModelFormatError } from '../core/errors.js';
import { fSf } from '../core/special/fDist.js';
import { studentTIsf, studentTSf } from '../core/special/studentT.js';
import * as v from '../core/validate.js';
import { checkFeatureNames, checkKind, checkMatrix, checkNumberArray, checkSquareSafe, featureNamesOption, sampleWeights, type Matrix } from './_common.js';
import { inverseGram, qrDecompose, qrSolve, sandwich } from './_linalg.js';

/** One coefficient of a regression summary (keyed by its term name). */
export interface CoefficientRow {
  /** `'intercept'`, a feature name, or `x0`, `x1`, … without names. */
  term: string;
  estimate: number;
  /** Classical (non-robust) standard error. */
  standardError: number;
  /** estimate / standardError: t for OLS, z for the logistic model. */
  statistic: number;
  /** Two-sided p-value (Student t with the residual df for OLS, normal for the logistic model). */
  pValue: number;
  /** Lower end of the confidence interval (`alpha` of the call). */
  ciLower: number;
  /** Upper end of the confidence interval. */
  ciUpper: number;
  /** Heteroskedasticity-robust standard errors (White's HC0; HC1 scales by n / (n − k); HC2/HC3 use leverages; HC2/HC3 are `null` for the logistic model). */
  robustStandardErrors: { HC0: number; HC1: number; HC2: number | null; HC3: number | null };
}

/** Fit statistics of {@link fitLinearRegression} (statsmodels `OLS`/`WLS` results). */
export interface LinearRegressionSummary {
  nObservations: number;
  /** Parameters minus the intercept (statsmodels `df_model`). */
  dfModel: number;
  dfResidual: number;
  rSquared: number;
  adjustedRSquared: number;
  fStatistic: number;
  fPValue: number;
  logLikelihood: number;
  aic: number;
  bic: number;
  /** Residual variance estimate σ² = SSR / dfResidual (weighted SSR with weights). */
  scale: number;
  coefficients: CoefficientRow[];
}

/** Options of {@link fitLinearRegression}. */
export interface FitLinearRegressionOptions {
  /** Weights for weighted least squares (statsmodels `WLS` weights, ∝ 1/variance). @defaultValue all 1 */
  sampleWeight?: readonly number[] | Float64Array;
  /** Add an intercept column (first term). @defaultValue true */
  fitIntercept?: boolean;
  /** Confidence level is 1 − alpha. @defaultValue 0.05 */
  alpha?: number;
  /** Column names for the summary. @defaultValue x0, x1, … */
  featureNames?: readonly string[];
}

/** A fitted linear regression with its inference summary (JSON-ready). */
export interface LinearRegressionModel {
  readonly kind: 'linearRegression';
  readonly formatVersion: 1;
  readonly params: { fitIntercept: boolean; alpha: number; weighted: boolean };
  readonly nFeatures: number;
  readonly featureNames: string[] | null;
  /** One coefficient per feature column. */
  readonly coefficients: number[];
  /** The intercept (0 without `fitIntercept`). */
  readonly intercept: number;
  readonly summary: LinearRegressionSummary;
}

const KEYS = ['sampleWeight', 'fitIntercept', 'alpha', 'featureNames'];

/** @internal Design with an optional leading intercept column, scaled by √w per row. */
export function designWithIntercept(x: Float64Array, n: number, p: number, fitIntercept: boolean, sqrtW: Float64Array | null): { a: Float64Array; k: number } {
  const k = p + (fitIntercept ? 1 : 0);
  const a = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const s = sqrtW === null ? 1 : sqrtW[i]!;
    let c = 0;
    if (fitIntercept) a[i * k + c++] = s;
    for (let j = 0; j < p; j++) a[i * k + c++] = s * x[i * p + j]!;
  }
  return { a, k };
}

/** @internal Term names: 'intercept' then feature names or x0, x1, …. */
export function termNames(names: readonly string[] | null, p: number, fitIntercept: boolean): string[] {
  const f = names ?? Array.from({ length: p }, (_, j) => `x${j}`);
  return fitIntercept ? ['intercept', ...f] : f.slice();
}

/**
 * Fits ordinary (or weighted) least squares with the inference table statsmodels prints:
 * standard errors, t statistics, p-values, confidence intervals, R², adjusted R², the F test,
 * log-likelihood, AIC/BIC and heteroskedasticity-robust standard errors (HC0–HC3).
 *
 * @remarks Householder QR of √w·[1, X] (no normal equations, so ill-scaled columns keep their
 * digits); β = R⁻¹Qᵀ√w·y, Cov = σ²(XᵀWX)⁻¹ with σ² = Σwᵢeᵢ² / (n − k). R² is centered with an
 * intercept (weighted mean with weights), uncentered without, as statsmodels. log L =
 * −n/2·(ln 2π + ln(SSR/n) + 1) + ½Σ ln wᵢ; AIC = −2 log L + 2k, BIC = −2 log L + k ln n. HC0 =
 * (XᵀX)⁻¹Xᵀdiag(e²)X(XᵀX)⁻¹ on the whitened data, HC1 = HC0·n/(n − k), HC2/HC3 divide e² by
 * (1 − hᵢ) / (1 − hᵢ)². Cost O(n·k²) time, O(n·k) memory.
 * @see statsmodels 0.13.5 `OLS` / `WLS` (`fit()`, `bse`, `tvalues`, `pvalues`, `conf_int`, `HC0_se`…`HC3_se`), the reference of the tests at 1e-9
 * @throws {@link InvalidInputError} on NaN/Infinity, fewer rows than parameters, or collinear columns (rank-deficient X: the message names the column)
 * @throws {@link DimensionMismatchError} when y or sampleWeight do not have one entry per row
 * @throws {@link InvalidOptionError} on unknown options, negative weights, alpha outside (0, 1)
 * @example
 * ```ts
 * import { fitLinearRegression } from 'crmkit/classify';
 * const m = fitLinearRegression([[1], [2], [3], [4]], [3, 5, 7, 10]);
 * m.coefficients.map((c) => Math.round(c * 1e9) / 1e9); // => [2.3]
 * Math.round(m.summary.rSquared * 1e6) / 1e6; // => 0.988785
 * m.summary.coefficients.map((c) => c.term); // => ['intercept', 'x0']
 * ```
 * @category Linear models
 */
export function fitLinearRegression(X: Matrix, y: readonly number[] | Float64Array, options?: FitLinearRegressionOptions): LinearRegressionModel {
  const fn = 'classify/fitLinearRegression';
  const o = v.options(fn, options, KEYS);
  const m = checkMatrix(fn, X);
  const yy = v.finiteArray(fn, 'y', y, 1);
  if (yy.length !== m.rows) throw new DimensionMismatchError(fn, `y must have one value per row of X (${m.rows} rows)`, yy.length);
  checkSquareSafe(fn, 'X', m.data, m.cols);
  checkSquareSafe(fn, 'y', yy);
  const fitIntercept = o.fitIntercept === undefined ? true : v.boolean(fn, 'options.fitIntercept', o.fitIntercept);
  const alpha = o.alpha === undefined ? 0.05 : v.openUnitInterval(fn, 'options.alpha', o.alpha);
  const names = featureNamesOption(fn, o.featureNames, m.cols);
  const weighted = o.sampleWeight !== undefined;
  const w = sampleWeights(fn, o.sampleWeight, m.rows);
  const n = m.rows;
  const p = m.cols;
  const sqrtW = weighted ? Float64Array.from(w, Math.sqrt) : null;
  const { a, k } = designWithIntercept(m.data, n, p, fitIntercept, sqrtW);
  const terms = termNames(names, p, fitIntercept);
  const q = qrDecompose(fn, a, n, k, terms);
  const yw = sqrtW === null ? yy : Float64Array.from(yy, (t, i) => t * sqrtW[i]!);
  const beta = qrSolve(q, yw);
  const dfResid = n - k;
  const e = new Float64Array(n);
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let t = 0; t < k; t++) f += a[i * k + t]! * beta[t]!;
    e[i] = yw[i]! - f;
    ssr += e[i]! * e[i]!;
  }
  let tss = 0;
  if (fitIntercept) {
    let sw = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sw += w[i]!;
      sy += w[i]! * yy[i]!;
    }
    const mean = sy / sw;
    for (let i = 0; i < n; i++) tss += w[i]! * (yy[i]! - mean) ** 2;
  } else {
    for (let i = 0; i < n; i++) tss += w[i]! * yy[i]! * yy[i]!;
  }
  const scale = ssr / dfResid;
  const inv = inverseGram(q);
  const hc = (f: (e2: number, h: number) => number): Float64Array => sandwich(a, n, k, inv, (i, h) => f(e[i]! * e[i]!, h));
  const hc0 = hc((e2) => e2);
  const hc2 = hc((e2, h) => e2 / (1 - h));
  const hc3 = hc((e2, h) => e2 / ((1 - h) * (1 - h)));
  const tq = studentTIsf(alpha / 2, dfResid);
  const coefficients: CoefficientRow[] = terms.map((term, t) => {
    const se = Math.sqrt(scale * inv[t * k + t]!);
    const stat = beta[t]! / se;
    return {
      term,
      estimate: beta[t]!,
      standardError: se,
      statistic: stat,
      pValue: 2 * studentTSf(Math.abs(stat), dfResid),
      ciLower: beta[t]! - tq * se,
      ciUpper: beta[t]! + tq * se,
      robustStandardErrors: {
        HC0: Math.sqrt(hc0[t * k + t]!),
        HC1: Math.sqrt((hc0[t * k + t]! * n) / dfResid),
        HC2: Math.sqrt(hc2[t * k + t]!),
        HC3: Math.sqrt(hc3[t * k + t]!),
      },
    };
  });
  let sumLogW = 0;
  if (weighted) for (let i = 0; i < n; i++) sumLogW += Math.log(w[i]!);
  const llf = -0.5 * n * (Math.log(2 * Math.PI) + Math.log(ssr / n) + 1) + 0.5 * sumLogW;
  const rSquared = 1 - ssr / tss;
  const dfModel = k - (fitIntercept ? 1 : 0);
  const fStat = ((tss - ssr) / dfModel) / scale;
  return {
    kind: 'linearRegression',
    formatVersion: 1,
    params: { fitIntercept, alpha, weighted },
    nFeatures: p,
    featureNames: names,
    coefficients: Array.from(beta.subarray(fitIntercept ? 1 : 0)),
    intercept: fitIntercept ? beta[0]! : 0,
    summary: {
      nObservations: n,
      dfModel,
      dfResidual: dfResid,
      rSquared,
      adjustedRSquared: 1 - ((fitIntercept ? n - 1 : n) / dfResid) * (1 - rSquared),
      fStatistic: fStat,
      fPValue: fSf(fStat, dfModel, dfResid),
      logLikelihood: llf,
      aic: -2 * llf + 2 * k,
      bic: -2 * llf + k * Math.log(n),
      scale,
      coefficients,
    },
  };
}

/**
 * Predicts y for each row: intercept + Σ coefficient·x.
 *
 * @remarks O(n·p).
 * @throws {@link DimensionMismatchError} when X has another number of columns than the model
 * @throws {@link ModelFormatError} when `model` is not a linear regression model
 * @example
 * ```ts
 * import { fitLinearRegression, predictLinearRegression } from 'crmkit/classify';
 * const m = fitLinearRegression([[1], [2], [3]], [2, 4, 6]);
 * predictLinearRegression(m, [[10]]).map((v) => Math.round(v * 1e9) / 1e9); // => [20]
 * ```
 * @category Linear models
 */
export function predictLinearRegression(model: LinearRegressionModel, X: Matrix): number[] {
  const fn = 'classify/predictLinearRegression';
  const mo = parseLinearModel(fn, model);
  const m = checkMatrix(fn, X);
  if (m.cols !== mo.nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${mo.nFeatures} feature columns`, m.cols);
  const out: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    let s = mo.intercept;
    for (let j = 0; j < m.cols; j++) s += mo.coefficients[j]! * m.data[i * m.cols + j]!;
    out.push(s);
  }
  return out;
}

const checkedLinear = new WeakSet<object>();
/** @internal Structural check of a linear regression model, once per model object. */
export function _checkLinearModel(fn: string, json: unknown): LinearRegressionModel {
  return parseLinearModel(fn, json);
}

function parseLinearModel(fn: string, json: unknown): LinearRegressionModel {
  if (typeof json === 'object' && json !== null && checkedLinear.has(json)) return json as LinearRegressionModel;
  const o = checkKind(fn, json, 'linearRegression', 1);
  const p = o.nFeatures as number;
  checkFeatureNames(fn, o.featureNames, p);
  checkNumberArray(fn, 'coefficients', o.coefficients, p);
  if (typeof o.intercept !== 'number' || !Number.isFinite(o.intercept)) throw new ModelFormatError(fn, 'intercept must be a finite number', o.intercept);
  checkedLinear.add(o);
  return o as unknown as LinearRegressionModel;
}

/**
 * Checks a stored linear regression (for example `JSON.parse` of a saved model) and returns it typed.
 *
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitLinearRegression, parseLinearRegressionModel } from 'crmkit/classify';
 * const saved = JSON.stringify(fitLinearRegression([[1], [2], [3]], [1, 3, 5]));
 * parseLinearRegressionModel(JSON.parse(saved)).nFeatures; // => 1
 * ```
 * @category Linear models
 */
export function parseLinearRegressionModel(json: unknown): LinearRegressionModel {
  return parseLinearModel('classify/parseLinearRegressionModel', json);
}
