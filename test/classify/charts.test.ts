import { describe, expect, it } from 'vitest';
import { calibrationChart, calibrationCurve, liftChart, liftTable, rocAucScore, rocCurve, rocCurveChart, InvalidInputError, InvalidOptionError } from 'crmkit/classify';
import { createRandom } from 'crmkit';
import { checkChart } from '../helpers/vega.js';

const rng = createRandom(7);
const y: number[] = [];
const p: number[] = [];
for (let i = 0; i < 400; i++) {
  const s = rng.uniform();
  p.push(s);
  y.push(rng.uniform() < s * 0.8 ? 1 : 0);
}

describe('classify charts: schema-valid Vega-Lite, render to SVG without messages, data = the crmkit result', () => {
  it('rocCurveChart: one point per threshold, the curve as rocCurve gives it', async () => {
    const r = rocCurve(y, p);
    const spec = rocCurveChart(r, { auc: rocAucScore(y, p) });
    expect(spec.title).toBe(`ROC curve (AUC ${rocAucScore(y, p).toFixed(3)})`);
    expect(spec.data!.values).toEqual(r.fpr.map((fpr, i) => ({ fpr, tpr: r.tpr[i], threshold: r.thresholds[i] })));
    await checkChart(spec);
    expect(() => rocCurveChart({ fpr: [0, 1], tpr: [0], thresholds: [1, 0] })).toThrow(InvalidInputError);
    expect(() => rocCurveChart(r, { auc: 2 })).toThrow(/classify\/rocCurveChart/);
    expect(() => rocCurveChart(r, { bogus: 1 } as never)).toThrow(InvalidOptionError);
  });

  it('liftChart: the table rows as they are, numbered best first', async () => {
    const t = liftTable(y, p);
    const spec = liftChart(t);
    expect(spec.data!.values).toEqual(t.map((row, i) => ({ group: i + 1, ...row })));
    await checkChart(spec);
    expect(() => liftChart([])).toThrow(InvalidInputError);
  });

  it('calibrationChart: one point per bin', async () => {
    const c = calibrationCurve(y, p, { nBins: 8 });
    const spec = calibrationChart(c);
    expect(spec.data!.values).toEqual(c.probPred.map((probPred, i) => ({ probPred, probTrue: c.probTrue[i], count: c.count[i] })));
    await checkChart(spec);
    expect(() => calibrationChart({ probPred: [0.5], probTrue: [2], count: [1] })).toThrow(/probTrue\[0\]/);
  });
});
