/**
 * Reference: sklearn.metrics 1.2.1 on the online-shoppers test split (scripts/reference/classify.py):
 * scores of a depth-6 tree (many tied scores) and of a logistic regression (continuous scores),
 * and a 3-class VisitorType problem. Tolerance 1e-12 (relative, absolute 1e-15 near 0): closed
 * forms, same operations; only summation order may differ.
 */
import { describe, expect, it } from 'vitest';
import { expectAllClose, expectClose } from '../helpers/close.js';
import {
  accuracyScore,
  averagePrecision,
  brierScore,
  calibrationCurve,
  confusionMatrix,
  liftTable,
  logLoss,
  precisionRecallCurve,
  precisionRecallFscore,
  rocAucScore,
  rocCurve,
} from 'crmkit/classify';
import { fixture } from './_data.js';

const TOL = { rel: 1e-12, abs: 1e-15 };
const fx = fixture().metrics;

for (const key of ['tree', 'logistic'] as const) {
  describe(`binary metrics vs sklearn.metrics (${key} scores)`, () => {
    const b = fx[key];
    const y: number[] = b.yTrue;
    const s: number[] = b.score;
    const pred: number[] = b.yPred;
    it('accuracyScore, confusionMatrix', () => {
      expectClose(accuracyScore(y, pred), b.accuracy, TOL, 'accuracy');
      expect(confusionMatrix(y, pred).matrix).toEqual(b.confusionMatrix);
    });
    it('precisionRecallFscore: binary, micro, macro, weighted; beta 1 and 2', () => {
      for (const avg of ['binary', 'micro', 'macro', 'weighted'] as const) {
        for (const beta of [1, 2]) {
          const r = precisionRecallFscore(y, pred, { average: avg, beta });
          expectAllClose([r.precision, r.recall, r.fScore], b.prf[`${avg}_${beta}`], TOL, `${avg} beta ${beta}`);
        }
      }
    });
    it('rocAucScore, rocCurve (with and without dropping intermediate points)', () => {
      expectClose(rocAucScore(y, s), b.rocAuc, TOL, 'auc');
      const r = rocCurve(y, s);
      expectAllClose(r.fpr, b.rocCurve.fpr, TOL, 'fpr');
      expectAllClose(r.tpr, b.rocCurve.tpr, TOL, 'tpr');
      expectAllClose(r.thresholds, b.rocCurve.thresholds, TOL, 'thresholds');
      const all = rocCurve(y, s, { dropIntermediate: false });
      expectAllClose(all.fpr, b.rocCurveAll.fpr, TOL, 'fpr all');
      expectAllClose(all.thresholds, b.rocCurveAll.thresholds, TOL, 'thr all');
    });
    it('precisionRecallCurve, averagePrecision', () => {
      const r = precisionRecallCurve(y, s);
      expectAllClose(r.precision, b.prCurve.precision, TOL, 'precision');
      expectAllClose(r.recall, b.prCurve.recall, TOL, 'recall');
      expectAllClose(r.thresholds, b.prCurve.thresholds, TOL, 'thresholds');
      expectClose(averagePrecision(y, s), b.averagePrecision, TOL, 'ap');
    });
    it('logLoss, brierScore', () => {
      expectClose(logLoss(y, s), b.logLoss, TOL, 'logLoss');
      expectClose(brierScore(y, s), b.brier, TOL, 'brier');
    });
    it('calibrationCurve: uniform 10 bins and quantile 5 bins', () => {
      const u = calibrationCurve(y, s, { nBins: 10 });
      expectAllClose(u.probTrue, b.calibrationUniform10[0], TOL, 'uniform true');
      expectAllClose(u.probPred, b.calibrationUniform10[1], TOL, 'uniform pred');
      const q = calibrationCurve(y, s, { nBins: 5, strategy: 'quantile' });
      expectAllClose(q.probTrue, b.calibrationQuantile5[0], TOL, 'quantile true');
      expectAllClose(q.probPred, b.calibrationQuantile5[1], TOL, 'quantile pred');
    });
    it('liftTable equals the numpy computation (stable sort, array_split groups)', () => {
      const t = liftTable(y, s, { nBins: 10 });
      expect(t.length).toBe(10);
      t.forEach((row, i) => {
        const ref = b.lift10[i];
        expect([row.count, row.positives, row.cumulativeCount, row.cumulativePositives]).toEqual([ref.count, ref.positives, ref.cumulativeCount, ref.cumulativePositives]);
        expectAllClose([row.responseRate, row.lift, row.cumulativeGain, row.cumulativeLift, row.minScore, row.maxScore], [ref.responseRate, ref.lift, ref.cumulativeGain, ref.cumulativeLift, ref.minScore, ref.maxScore], TOL, `row ${i}`);
      });
    });
  });
}

describe('multiclass metrics vs sklearn.metrics (VisitorType, 3 classes)', () => {
  const m = fx.multiclass;
  it('accuracy, confusion matrix, micro/macro/weighted P/R/F, log loss of a probability matrix', () => {
    expectClose(accuracyScore(m.yTrue, m.yPred), m.accuracy, TOL, 'accuracy');
    expect(confusionMatrix(m.yTrue, m.yPred, { labels: [0, 1, 2] }).matrix).toEqual(m.confusionMatrix);
    for (const avg of ['micro', 'macro', 'weighted'] as const) {
      const r = precisionRecallFscore(m.yTrue, m.yPred, { average: avg });
      expectAllClose([r.precision, r.recall, r.fScore], m.prf[avg], TOL, avg);
    }
    expectClose(logLoss(m.yTrue, m.proba), m.logLoss, TOL, 'logLoss');
  });
  it("average 'binary' refuses more than two labels", () => {
    expect(() => precisionRecallFscore(m.yTrue, m.yPred)).toThrow(/at most 2 labels/);
  });
});
