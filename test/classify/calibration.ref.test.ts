/**
 * Reference: scikit-learn 1.2.1 CalibratedClassifierCV(base, cv='prefit') with method 'sigmoid' and
 * 'isotonic' (scripts/reference/classify_calibration.py), on the same base models: the logistic
 * model's coefficients are scikit-learn's, the tree is grown with the hook that replays scikit-learn's
 * feature order. Sigmoid parameters at Platt's objective's optimum 1e-6 (iterative; scikit-learn's own
 * BFGS stop at 1e-4), isotonic thresholds and probabilities 1e-9 (closed form).
 */
import { describe, expect, it } from 'vitest';
import { calibrateClassifier, fitLogisticRegression, InvalidInputError, ModelFormatError, parseCalibratedClassifierModel, predictProbaCalibrated, type DecisionTreeModel, type LogisticRegressionModel } from 'crmkit/classify';
import { _growClassifier } from '../../src/classify/fitDecisionTree.js';
import { treeImportances } from '../../src/classify/_tree.js';
import { expectAllClose, expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Sig { proba1: number[]; sklearn: { a: number; b: number }; optimum: { a: number; b: number }; proba1AtOptimum: number[] }
interface Iso { proba1: number[]; x: number[]; y: number[] }
const fx = loadFixture<{ X: number[][]; y: number[]; lr: { coef: number[]; intercept: number }; sklearnRandState: number; treeNodeCount: number; lrSigmoid: Sig; treeSigmoid: Sig; lrIsotonic: Iso; treeIsotonic: Iso }>('classify_calibration');
const Xf = fx.X.slice(0, 400);
const yf = fx.y.slice(0, 400);
const Xc = fx.X.slice(400);
const yc = fx.y.slice(400);
const Xt = fx.X.slice(0, 50);
const lr: LogisticRegressionModel = { ...fitLogisticRegression(Xf, yf, { C: 0.05 }), coefficients: [fx.lr.coef], intercepts: [fx.lr.intercept] };
const g = _growClassifier('test', Xf, yf, { maxDepth: 3 }, fx.sklearnRandState);
const tree: DecisionTreeModel = { kind: 'decisionTree', formatVersion: 1, params: g.params, nFeatures: 3, featureNames: null, classes: g.enc.classes, classWeights: [1, 1], tree: g.tree, featureImportances: treeImportances(g.tree, 3) };

describe('calibrateClassifier = scikit-learn CalibratedClassifierCV(prefit)', () => {
  it('the tree is scikit-learn\'s', () => expect(tree.tree.left.length).toBe(fx.treeNodeCount));
  for (const [name, base] of [['lrSigmoid', lr], ['treeSigmoid', tree]] as const) {
    it(`${name}: Platt a, b at the objective's optimum (1e-6), within 1e-4 of scikit-learn's BFGS stop; probabilities`, () => {
      const ref = fx[name];
      const cal = calibrateClassifier(base, Xc, yc);
      const c = cal.calibrator as { a: number; b: number };
      expectAllClose([c.a, c.b], [ref.optimum.a, ref.optimum.b], { abs: 1e-6 }, 'optimum');
      expectAllClose([c.a, c.b], [ref.sklearn.a, ref.sklearn.b], { abs: 1e-4 }, 'scikit-learn');
      expectAllClose(predictProbaCalibrated(cal, Xt).map((p) => p[1]!), ref.proba1AtOptimum, { abs: 1e-6 }, 'probabilities');
    });
  }
  for (const [name, base] of [['lrIsotonic', lr], ['treeIsotonic', tree]] as const) {
    it(`${name}: isotonic thresholds and probabilities (1e-9)`, () => {
      const ref = fx[name];
      const cal = calibrateClassifier(base, Xc, yc, { method: 'isotonic' });
      const c = cal.calibrator as { x: number[]; y: number[] };
      expectAllClose(c.x, ref.x, { abs: 1e-9 }, 'x');
      expectAllClose(c.y, ref.y, { abs: 1e-9 }, 'y');
      expectAllClose(predictProbaCalibrated(cal, Xt).map((p) => p[1]!), ref.proba1, { abs: 1e-9 }, 'probabilities');
    });
  }
  it('JSON round trip predicts the same; bad input gives typed errors', () => {
    const cal = calibrateClassifier(tree, Xc, yc, { method: 'isotonic' });
    expect(predictProbaCalibrated(parseCalibratedClassifierModel(JSON.parse(JSON.stringify(cal))), Xt)).toEqual(predictProbaCalibrated(cal, Xt));
    expect(() => calibrateClassifier(tree, Xc, yc.map(() => 0))).toThrow(InvalidInputError);
    expect(() => calibrateClassifier(tree, Xc, yc.map((v) => v + 5))).toThrow(InvalidInputError);
    expect(() => parseCalibratedClassifierModel({ ...cal, calibrator: { x: [1, 0], y: [0, 1] } })).toThrow(ModelFormatError);
  });
  it('sigmoid probabilities stay in (0, 1) and beat the uncalibrated penalized logistic model on held-out log loss', () => {
    const cal = calibrateClassifier(lr, Xc, yc);
    const p = predictProbaCalibrated(cal, Xc).map((r) => r[1]!);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
    const ll = (q: number[]) => -q.reduce((s, v, i) => s + (yc[i] ? Math.log(v) : Math.log(1 - v)), 0) / q.length;
    const raw = Xc.map((r) => 1 / (1 + Math.exp(-(fx.lr.intercept + r.reduce((s, v, j) => s + v * fx.lr.coef[j]!, 0)))));
    expectClose(Math.min(ll(p), ll(raw)), ll(p), { abs: 0 }, 'calibrated log loss is the smaller');
  });
});
