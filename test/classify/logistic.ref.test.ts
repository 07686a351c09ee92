/**
 * fitLogisticRegression against scikit-learn 1.2.1 (scripts/reference/classify_linear.py): the
 * optimum of the same objective, to 1e-6 (iterative). L2/none references: newton-cg at tol 1e-14
 * (lbfgs's objective); L1/elastic-net: saga at tol 1e-12.
 */
import { beforeAll, expect, it } from 'vitest';
import { fitLogisticRegression, predictLogisticRegression, predictProbaLogisticRegression, type FitLogisticRegressionOptions, type LogisticRegressionModel } from '../../src/classify/index.js';
import { expectAllClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { linearFixture, loadBankOneHot, loadShoppersMulticlass, split, toCsr, type RefLr } from './_linearData.js';

const TOL = { rel: 1e-6, abs: 1e-6 };
const TIGHT = { tolerance: 1e-10, maxIterations: 5000 } as const;

function compare(model: LogisticRegressionModel, ref: RefLr, Xte: Parameters<typeof predictLogisticRegression>[1], label: string): void {
  expect(model.converged, `${label} converged`).toBe(true);
  expect(model.coefficients.length).toBe(ref.coef.length);
  model.coefficients.forEach((row, c) => expectAllClose(row, ref.coef[c]!, TOL, `${label} coef[${c}]`));
  expectAllClose(model.intercepts, ref.intercept, TOL, `${label} intercept`);
  const proba = predictProbaLogisticRegression(model, Xte).slice(0, ref.testProba.length);
  proba.forEach((row, i) => expectAllClose(row, ref.testProba[i]!, TOL, `${label} proba[${i}]`));
  expect(predictLogisticRegression(model, Xte).slice(0, ref.testPredict.length)).toEqual(ref.testPredict);
}

describeWithData('fitLogisticRegression(bank one-hot) = scikit-learn', [['uci-bank-marketing', 'bank-full.csv.gz']], () => {
  let d: ReturnType<typeof split<number[]>>;
  beforeAll(() => {
    const b = loadBankOneHot();
    expect(b.featureNames).toEqual(linearFixture().bank.featureNames);
    d = split(b.X, b.y);
  });
  const cases: [string, FitLogisticRegressionOptions][] = [
    ['l2', {}],
    ['none', { penalty: 'none' }],
    ['l2NoIntercept', { C: 10, fitIntercept: false }],
  ];
  for (const [name, opts] of cases) {
    it(`penalty ${name}`, () => {
      const model = fitLogisticRegression(d.Xtr, d.ytr, { ...TIGHT, ...opts });
      compare(model, linearFixture().bank[name], d.Xte.slice(0, 50), name);
    });
  }
  it('C = 0.1, classWeight balanced, sampleWeight 1, 2, 3, …', () => {
    const sampleWeight = d.ytr.map((_, i) => 1 + (i % 3));
    const model = fitLogisticRegression(d.Xtr, d.ytr, { ...TIGHT, C: 0.1, classWeight: 'balanced', sampleWeight });
    compare(model, linearFixture().bank.l2Balanced, d.Xte.slice(0, 50), 'balanced');
  });
  it('L1 and elastic-net (saga objective) on 3,000 rows', () => {
    const Xs = d.Xtr.slice(0, 3000);
    const ys = d.ytr.slice(0, 3000);
    compare(fitLogisticRegression(Xs, ys, { ...TIGHT, penalty: 'l1', C: 1 }), linearFixture().bankL1.l1, d.Xte.slice(0, 50), 'l1');
    compare(fitLogisticRegression(Xs, ys, { ...TIGHT, penalty: 'elasticnet', C: 1, l1Ratio: 0.5 }), linearFixture().bankL1.elasticnet, d.Xte.slice(0, 50), 'elasticnet');
  });
});

describeWithData('fitLogisticRegression(shoppers, 3 classes) = scikit-learn', [['uci-online-shoppers', 'online_shoppers_intention.csv']], () => {
  it('multinomial and one-vs-rest', () => {
    const s = loadShoppersMulticlass();
    expect(s.featureNames).toEqual(linearFixture().shoppersMulticlass.featureNames);
    const d = split(s.X, s.y);
    compare(fitLogisticRegression(d.Xtr, d.ytr, { ...TIGHT, C: 0.5 }), linearFixture().shoppersMulticlass.multinomial, d.Xte.slice(0, 50), 'multinomial');
    compare(fitLogisticRegression(d.Xtr, d.ytr, { ...TIGHT, C: 0.5, multiClass: 'ovr' }), linearFixture().shoppersMulticlass.ovr, d.Xte.slice(0, 50), 'ovr');
  });
});

it('fitLogisticRegression(CsrMatrix) = scikit-learn on sparse counts, and equals the dense fit', () => {
  const f = linearFixture().sparse;
  const X = toCsr(f.X);
  const y: number[] = f.y;
  compare(fitLogisticRegression(X, y, { ...TIGHT, C: 0.3 }), f.multinomial, X, 'sparse multinomial');
  const yb = y.map((c) => (c === 2 ? 1 : 0));
  const l2 = fitLogisticRegression(X, yb, { ...TIGHT, C: 2 });
  compare(l2, f.binaryL2, X, 'sparse binary l2');
  compare(fitLogisticRegression(X, yb, { ...TIGHT, penalty: 'l1', C: 0.5 }), f.binaryL1, X, 'sparse binary l1');
  const dense: number[][] = Array.from({ length: X.rows }, () => new Array<number>(X.cols).fill(0));
  for (let i = 0; i < X.rows; i++) for (let t = X.indptr[i]!; t < X.indptr[i + 1]!; t++) dense[i]![X.indices[t]!] = X.data[t]!;
  const dl2 = fitLogisticRegression(dense, yb, { ...TIGHT, C: 2 });
  expectAllClose(dl2.coefficients[0]!, l2.coefficients[0]!, { abs: 1e-9 }, 'dense vs sparse');
});
