/**
 * Reference: scripts/reference/classify_uplift.py, an independent numpy implementation of
 * scikit-uplift 0.5's uplift_curve, qini_curve, qini_auc_score, uplift_auc_score, uplift_at_k and
 * uplift_by_percentile (scikit-uplift itself is not installable here), and scikit-learn 1.2.1
 * LogisticRegression two-model uplift on Hillstrom (Womens E-Mail vs No E-Mail).
 * Tolerances: metrics on the same scores 1e-9 (closed form); base coefficients and predicted uplift
 * 1e-6 (iterative fits).
 */
import { expect, it, describe } from 'vitest';
import { fitUplift, predictUplift, qiniCoefficient, qiniCurve, upliftAtK, upliftAuc, upliftByDecile, upliftCurve, type LogisticRegressionModel } from 'crmkit/classify';
import { expectAllClose, expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { loadHillstromWomens } from '../../examples/classify-uplift-data.js';

interface Band { band: number; n: number; nTreated: number; nControl: number; responseRateTreated: number | null; responseRateControl: number | null; uplift: number | null; meanScore: number }
interface Curve { nTargeted: number[]; value: number[] }
interface SynthCase { y: number[]; score: number[]; treatment: (0 | 1)[]; upliftCurve: Curve; qiniCurve: Curve; qiniCoefficient: number; upliftAuc: number; upliftAt30: number; upliftAt10: number; byDecile: Band[] }
interface HillOutcome { coefficients: Record<'treated' | 'control', { coef: number[]; intercept: number }>; testUplift: number[]; qiniCoefficient: number; upliftAuc: number; upliftAt30: number; byDecile: Band[]; qiniCurveEvery500: Curve }
const fx = loadFixture<{ synthetic: Record<string, SynthCase>; hillstrom?: Record<'visit' | 'conversion', HillOutcome> & { nTest: number } }>('classify_uplift');

function expectBands(actual: ReturnType<typeof upliftByDecile>, expected: Band[]): void {
  expect(actual.map((b) => [b.band, b.n, b.nTreated, b.nControl])).toEqual(expected.map((b) => [b.band, b.n, b.nTreated, b.nControl]));
  actual.forEach((b, i) => {
    const e = expected[i]!;
    for (const k of ['responseRateTreated', 'responseRateControl', 'uplift'] as const) {
      if (e[k] === null) expect(b[k], `band ${i} ${k}`).toBeNull();
      else expectClose(b[k]!, e[k]!, { abs: 1e-9 }, `band ${i} ${k}`);
    }
    expectClose(b.meanScore, e.meanScore, { abs: 1e-9, rel: 1e-9 }, `band ${i} meanScore`);
  });
}

describe('uplift metrics = the numpy reference of scikit-uplift 0.5 (synthetic, with and without tied scores)', () => {
  for (const [name, c] of Object.entries(fx.synthetic)) {
    it(`${name}: curves, Qini coefficient, AUUC, uplift@k and deciles (1e-9)`, () => {
      const u = upliftCurve(c.y, c.score, c.treatment);
      expect(u.nTargeted).toEqual(c.upliftCurve.nTargeted);
      expectAllClose(u.value, c.upliftCurve.value, { abs: 1e-9 }, 'uplift curve');
      const q = qiniCurve(c.y, c.score, c.treatment);
      expect(q.nTargeted).toEqual(c.qiniCurve.nTargeted);
      expectAllClose(q.value, c.qiniCurve.value, { abs: 1e-9 }, 'qini curve');
      expectClose(qiniCoefficient(c.y, c.score, c.treatment), c.qiniCoefficient, { abs: 1e-9 }, 'qini');
      expectClose(upliftAuc(c.y, c.score, c.treatment), c.upliftAuc, { abs: 1e-9 }, 'auuc');
      expectClose(upliftAtK(c.y, c.score, c.treatment), c.upliftAt30, { abs: 1e-9 }, 'uplift@30%');
      expectClose(upliftAtK(c.y, c.score, c.treatment, { k: 0.1 }), c.upliftAt10, { abs: 1e-9 }, 'uplift@10%');
      expectBands(upliftByDecile(c.y, c.score, c.treatment), c.byDecile);
    });
  }
});

describeWithData('two-model uplift on Hillstrom (Womens E-Mail vs No E-Mail) = scikit-learn + the numpy metrics', [['hillstrom-email', 'hillstrom.csv.gz']], () => {
  const d = loadHillstromWomens();
  const h = fx.hillstrom!;
  it('the held-out split has the reference size', () => expect(d.XTest.length).toBe(h.nTest));
  for (const outcome of ['visit', 'conversion'] as const) {
    it(`${outcome}: base coefficients and held-out uplift equal scikit-learn's (1e-6); metrics on scikit-learn's scores equal the reference (1e-9)`, () => {
      const ref = h[outcome];
      const yTrain = outcome === 'visit' ? d.visitTrain : d.conversionTrain;
      const yTest = outcome === 'visit' ? d.visitTest : d.conversionTest;
      const model = fitUplift(d.XTrain, yTrain, d.tTrain, { learnerOptions: { tolerance: 1e-8, maxIterations: 1000 } });
      const treated = model.arms[0]!.model as LogisticRegressionModel;
      const control = model.controlModel as LogisticRegressionModel;
      expectAllClose([...treated.coefficients[0]!, ...treated.intercepts], [...ref.coefficients.treated.coef, ref.coefficients.treated.intercept], { abs: 1e-6 }, 'treated coefficients');
      expectAllClose([...control.coefficients[0]!, ...control.intercepts], [...ref.coefficients.control.coef, ref.coefficients.control.intercept], { abs: 1e-6 }, 'control coefficients');
      expectAllClose(predictUplift(model, d.XTest), ref.testUplift, { abs: 1e-6 }, 'held-out uplift');
      const s = ref.testUplift;
      expectClose(qiniCoefficient(yTest, s, d.tTest), ref.qiniCoefficient, { abs: 1e-9 }, 'qini');
      expectClose(upliftAuc(yTest, s, d.tTest), ref.upliftAuc, { abs: 1e-9 }, 'auuc');
      expectClose(upliftAtK(yTest, s, d.tTest), ref.upliftAt30, { abs: 1e-9 }, 'uplift@30%');
      expectBands(upliftByDecile(yTest, s, d.tTest), ref.byDecile);
      const q = qiniCurve(yTest, s, d.tTest);
      const every500 = { nTargeted: q.nTargeted.filter((_, k) => k % 500 === 0), value: q.value.filter((_, k) => k % 500 === 0) };
      expect(every500.nTargeted).toEqual(ref.qiniCurveEvery500.nTargeted);
      expectAllClose(every500.value, ref.qiniCurveEvery500.value, { abs: 1e-9 }, 'qini curve');
    }, 120_000);
  }
});
