import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { chiSquareSf } from '../core/special/chiSquare.js';
import { normalIsf, normalSf } from '../core/special/normal.js';
import * as v from '../core/validate.js';
import { checkSquareSafe, type Label } from './_common.js';
import { predictDesign, type LinearFeatures } from './_design.js';
import { inverseGram, qrDecompose, sandwich } from './_linalg.js';
import type { LogisticRegressionModel } from './fitLogisticRegression.js';
import { designWithIntercept, termNames, type CoefficientRow } from './fitLinearRegression.js';
import { _checkLogisticModel } from './predictLogisticRegression.js';

/** Options of {@link summarizeLogisticRegression}. */
export interface SummarizeLogisticRegressionOptions {
  /** Confidence level is 1 − alpha. @defaultValue 0.05 */
  alpha?: number;
}

/** Inference for an unpenalized binary logistic regression (statsmodels `Logit` results). */
export interface LogisticRegressionSummary {
  nObservations: number;
  dfModel: number;
  dfResidual: number;
  logLikelihood: number;
  /** Log-likelihood of the intercept-only model (statsmodels `llnull`). */
  logLikelihoodNull: number;
  /** McFadden's pseudo-R² = 1 − logLikelihood / logLikelihoodNull. */
  pseudoRSquared: number;
  /** Likelihood-ratio statistic 2·(logLikelihood − logLikelihoodNull) and its χ²(dfModel) p-value. */
  llr: number;
  llrPValue: number;
  aic: number;
  bic: number;
  /** Rows keyed by term (intercept first); statistic is z, p-values and intervals are normal. HC2/HC3 are null. */
  coefficients: CoefficientRow[];
}

/**
 * Standard errors, z statistics, p-values, confidence intervals, log-likelihood, McFadden's
 * pseudo-R², the likelihood-ratio test, AIC/BIC and robust (HC0, HC1) standard errors of a fitted
 * binary logistic regression without penalty, evaluated on its training data.
 *
 * @remarks Cov = (XᵀWX)⁻¹ with W = diag(pᵢ(1 − pᵢ)) at the model's coefficients (Householder QR of
 * √W·[1, X]); robust: (XᵀWX)⁻¹ (Σ (yᵢ − pᵢ)² xᵢxᵢᵀ) (XᵀWX)⁻¹, times n / (n − k) for HC1. The
 * model should be fitted tightly (`tolerance: 1e-8` or lower) for the values to match statsmodels,
 * whose Newton fit stops at the optimum. Cost O(n·k²).
 * @see statsmodels 0.13.5 `Logit(y, add_constant(X)).fit()` (`bse`, `tvalues`, `pvalues`, `conf_int`, `llf`, `llnull`, `prsquared`, `llr_pvalue`, `aic`, `bic`, cov_type `HC0`/`HC1`), the reference of the tests at 1e-6
 * @throws {@link InvalidInputError} when the model did not converge (separable data included), is penalized, multiclass or class-weighted, when X is rank-deficient (naming the column), or y holds labels the model does not know
 * @throws {@link DimensionMismatchError} when X has another column count than the model, or y another length than X
 * @throws {@link ModelFormatError} when `model` is not a logistic regression model
 * @example
 * ```ts
 * import { fitLogisticRegression, summarizeLogisticRegression } from 'crmkit/classify';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 0, 1, 0, 1, 1];
 * const s = summarizeLogisticRegression(fitLogisticRegression(X, y, { penalty: 'none', tolerance: 1e-10 }), X, y);
 * s.coefficients.map((c) => c.term); // => ['intercept', 'x0']
 * Math.round(s.coefficients[1]!.standardError * 1e4) / 1e4; // => 0.9126
 * ```
 * @category Linear models
 */
export function summarizeLogisticRegression(model: LogisticRegressionModel, X: LinearFeatures, y: readonly Label[], options?: SummarizeLogisticRegressionOptions): LogisticRegressionSummary {
  const fn = 'classify/summarizeLogisticRegression';
  const o = v.options(fn, options, ['alpha']);
  const alpha = o.alpha === undefined ? 0.05 : v.openUnitInterval(fn, 'options.alpha', o.alpha);
  const m = _checkLogisticModel(fn, model);
  if (m.classes.length !== 2) throw new InvalidInputError(fn, 'model must be binary (inference for multiclass models is not supported)', m.classes.length);
  if (m.params.penalty !== 'none') throw new InvalidInputError(fn, "model must be fitted with penalty 'none' (standard errors of a penalized fit are not those of the likelihood)", m.params.penalty);
  if (!m.converged) throw new InvalidInputError(fn, `model did not converge (${m.reason}); standard errors at a point that is not the maximum-likelihood estimate would be meaningless`, m.reason);
  if (m.params.classWeight !== null) throw new InvalidOptionError(fn, 'model must be fitted without classWeight', m.params.classWeight);
  const d = predictDesign(fn, X, m.nFeatures);
  checkSquareSafe(fn, 'X', d.data, d.sparse ? 1 : d.cols);
  const yArr = v.arrayLike<unknown>(fn, 'y', y, 1);
  if (yArr.length !== d.rows) throw new DimensionMismatchError(fn, `y must have one label per row of X (${d.rows} rows)`, yArr.length);
  const n = d.rows;
  const p = d.cols;
  const y01 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const idx = m.classes.indexOf(yArr[i] as Label);
    if (idx < 0) throw new InvalidInputError(fn, `y[${i}] is not one of the model's classes`, yArr[i]);
    y01[i] = idx;
  }
  // Dense copy of X (inference needs the k × k covariance anyway).
  const x = new Float64Array(n * p);
  if (d.sparse) {
    for (let i = 0; i < n; i++) for (let t = d.indptr[i]!; t < d.indptr[i + 1]!; t++) x[i * p + d.indices[t]!] = d.data[t]!;
  } else x.set(d.data);
  const fitIntercept = m.params.fitIntercept;
  const beta = [...(fitIntercept ? [m.intercepts[0]!] : []), ...m.coefficients[0]!];
  const { a: plain, k } = designWithIntercept(x, n, p, fitIntercept, null);
  const prob = new Float64Array(n);
  const sqrtW = new Float64Array(n);
  let llf = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let t = 0; t < k; t++) z += plain[i * k + t]! * beta[t]!;
    // log σ(z) and log(1 − σ(z)) without cancellation
    const lse = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    llf += y01[i] === 1 ? z - lse : -lse;
    const pi = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    prob[i] = pi;
    sqrtW[i] = Math.sqrt(pi * (1 - pi));
    ySum += y01[i]!;
  }
  const terms = termNames(m.featureNames, p, fitIntercept);
  const { a: weighted } = designWithIntercept(x, n, p, fitIntercept, sqrtW);
  const q = qrDecompose(fn, weighted, n, k, terms);
  const inv = inverseGram(q);
  const hc0 = sandwich(plain, n, k, inv, (i) => (y01[i]! - prob[i]!) ** 2);
  const zq = normalIsf(alpha / 2);
  const coefficients: CoefficientRow[] = terms.map((term, t) => {
    const se = Math.sqrt(inv[t * k + t]!);
    const stat = beta[t]! / se;
    return {
      term,
      estimate: beta[t]!,
      standardError: se,
      statistic: stat,
      pValue: 2 * normalSf(Math.abs(stat)),
      ciLower: beta[t]! - zq * se,
      ciUpper: beta[t]! + zq * se,
      robustStandardErrors: { HC0: Math.sqrt(hc0[t * k + t]!), HC1: Math.sqrt((hc0[t * k + t]! * n) / (n - k)), HC2: null, HC3: null },
    };
  });
  const ybar = ySum / n;
  const llnull = fitIntercept ? (ySum > 0 ? ySum * Math.log(ybar) : 0) + (n - ySum > 0 ? (n - ySum) * Math.log(1 - ybar) : 0) : n * Math.log(0.5);
  const dfModel = k - (fitIntercept ? 1 : 0);
  const llr = 2 * (llf - llnull);
  return {
    nObservations: n,
    dfModel,
    dfResidual: n - k,
    logLikelihood: llf,
    logLikelihoodNull: llnull,
    pseudoRSquared: 1 - llf / llnull,
    llr,
    llrPValue: chiSquareSf(llr, dfModel),
    aic: -2 * llf + 2 * k,
    bic: -2 * llf + k * Math.log(n),
    coefficients,
  };
}
