/**
 * summarizeLogisticRegression and fitLinearRegression against statsmodels 0.13.5
 * (scripts/reference/classify_inference.py). OLS/WLS are closed form (1e-9); the logistic summary
 * depends on an iterative fit (1e-6).
 */
import { beforeAll, it } from 'vitest';
import { fitLinearRegression, fitLogisticRegression, summarizeLogisticRegression, type CoefficientRow } from '../../src/classify/index.js';
import { loadShoppers } from '../../examples/classify-data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectAllClose, expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadBankOneHot, split } from './_linearData.js';

const ref: any = loadFixture('classify_inference');

function checkRows(rows: CoefficientRow[], r: any, tol: { rel: number; abs: number }, label: string): void {
  expectAllClose(rows.map((c) => c.estimate), r.params, tol, `${label} params`);
  expectAllClose(rows.map((c) => c.standardError), r.bse, tol, `${label} bse`);
  expectAllClose(rows.map((c) => c.statistic), r.tvalues, tol, `${label} statistic`);
  expectAllClose(rows.map((c) => c.pValue), r.pvalues, { rel: tol.rel, abs: 1e-12 }, `${label} pvalues`);
  expectAllClose(rows.map((c) => c.ciLower), r.ciLower, tol, `${label} ciLower`);
  expectAllClose(rows.map((c) => c.ciUpper), r.ciUpper, tol, `${label} ciUpper`);
  expectAllClose(rows.map((c) => c.robustStandardErrors.HC0), r.hc0, tol, `${label} HC0`);
}

function checkLogit(X: number[][], y: number[], r: any, label: string): void {
  const model = fitLogisticRegression(X, y, { penalty: 'none', tolerance: 1e-10, maxIterations: 5000 });
  const s = summarizeLogisticRegression(model, X, y);
  const tol = { rel: 1e-6, abs: 1e-9 };
  checkRows(s.coefficients, r, tol, label);
  const n = X.length;
  const k = s.coefficients.length;
  expectAllClose(s.coefficients.map((c) => c.robustStandardErrors.HC1), r.hc0.map((x: number) => x * Math.sqrt(n / (n - k))), tol, `${label} HC1`);
  expectClose(s.logLikelihood, r.llf, tol, 'llf');
  expectClose(s.logLikelihoodNull, r.llnull, tol, 'llnull');
  expectClose(s.pseudoRSquared, r.prsquared, tol, 'prsquared');
  expectClose(s.llr, r.llr, tol, 'llr');
  expectClose(s.llrPValue, r.llrPvalue, { rel: 1e-6, abs: 1e-300 }, 'llr p');
  expectClose(s.aic, r.aic, tol, 'aic');
  expectClose(s.bic, r.bic, tol, 'bic');
}

function checkOls(X: number[][], y: number[], r: any, label: string, sampleWeight?: number[]): void {
  const m = fitLinearRegression(X, y, sampleWeight ? { sampleWeight } : {});
  const tol = { rel: 1e-9, abs: 1e-12 };
  const s = m.summary;
  checkRows(s.coefficients, r, tol, label);
  expectAllClose(s.coefficients.map((c) => c.robustStandardErrors.HC1), r.hc1, tol, `${label} HC1`);
  expectAllClose(s.coefficients.map((c) => c.robustStandardErrors.HC2!), r.hc2, tol, `${label} HC2`);
  expectAllClose(s.coefficients.map((c) => c.robustStandardErrors.HC3!), r.hc3, tol, `${label} HC3`);
  for (const [ours, theirs] of [['logLikelihood', 'llf'], ['aic', 'aic'], ['bic', 'bic'], ['rSquared', 'rsquared'], ['adjustedRSquared', 'rsquaredAdj'], ['fStatistic', 'fvalue'], ['scale', 'scale']] as const) {
    expectClose(s[ours], r[theirs], tol, `${label} ${ours}`);
  }
  expectClose(s.fPValue, r.fPvalue, { rel: 1e-9, abs: 1e-300 }, `${label} F p`);
}

describeWithData('inference = statsmodels (bank one-hot)', [['uci-bank-marketing', 'bank-full.csv.gz']], () => {
  let d: ReturnType<typeof split<number[]>>;
  let names: string[];
  beforeAll(() => {
    const b = loadBankOneHot();
    names = b.featureNames;
    d = split(b.X, b.y);
  });
  it('summarizeLogisticRegression = Logit', () => checkLogit(d.Xtr, d.ytr, ref.bankLogit, 'bank logit'));
  it('fitLinearRegression = OLS (balance on the rest)', () => {
    const j = names.indexOf('balance');
    checkOls(d.Xtr.map((r) => r.filter((_, c) => c !== j)), d.Xtr.map((r) => r[j]!), ref.bankOls, 'bank ols');
  });
});

describeWithData('inference = statsmodels (online-shoppers)', [['uci-online-shoppers', 'online_shoppers_intention.csv']], () => {
  it('Logit on the raw (unscaled) columns', () => {
    const s = loadShoppers();
    checkLogit(s.X, s.y.map((v) => (v ? 1 : 0)), ref.shoppersLogit, 'shoppers logit');
  });
  it('OLS and WLS (PageValues on the rest)', () => {
    const s = loadShoppers();
    const j = s.featureNames.indexOf('PageValues');
    const X = s.X.map((r) => r.filter((_, c) => c !== j));
    const y = s.X.map((r) => r[j]!);
    checkOls(X, y, ref.shoppersOls, 'shoppers ols');
    checkOls(X, y, ref.shoppersWls, 'shoppers wls', y.map((_, i) => 1 + (i % 3)));
  });
});
