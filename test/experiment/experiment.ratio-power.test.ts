/**
 * ratioMetricSd: the planning sd of a ratio metric is the delta-method linearization deltaMethodRatio
 * tests with (identity on the held-out ratio vectors of experiment_metrics.json, 1e-9), so the sample
 * size it gives has the power it claims (checked with the z power formula of statsmodels'
 * NormalIndPower written out: Φ(δ/SE − z_{1−α/2})).
 */
import { describe, expect, it } from 'vitest';
import { deltaMethodRatio, InvalidInputError, ratioMetricSd, sampleSizeForMeans } from '../../src/experiment/index.js';
import { normalCdf, normalQuantile } from '../../src/core/index.js';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_metrics');

function moments(x: number[], y: number[]) {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  const sx = Math.sqrt(sxx / (n - 1));
  const sy = Math.sqrt(syy / (n - 1));
  return { meanNumerator: mx, meanDenominator: my, sdNumerator: sx, sdDenominator: sy, correlation: sxy / (n - 1) / (sx * sy) };
}

describe('ratioMetricSd', () => {
  it('sd²/n is the delta-method variance deltaMethodRatio uses, on every held-out ratio arm', () => {
    for (const c of fx.ratio) {
      const [a0, a1] = c.arms;
      const r = deltaMethodRatio(a0, a1);
      for (const [arm, res] of [
        [a0, r.control],
        [a1, r.treatment],
      ] as const) {
        const sd = ratioMetricSd(moments(arm.numerator, arm.denominator));
        expectClose((sd * sd) / arm.numerator.length, res.variance, { rel: 1e-9 }, `seed ${c.seed}`);
      }
    }
  });

  it('a plan from it reaches the requested power for the delta-method z test', () => {
    const sd = ratioMetricSd({ meanNumerator: 50, meanDenominator: 2, sdNumerator: 80, sdDenominator: 1.5, correlation: 0.6 });
    const plan = sampleSizeForMeans({ sd, mde: 1 }, { distribution: 'z' });
    const se = sd * Math.sqrt(2 / plan.nControlRaw);
    expectClose(normalCdf(1 / se - normalQuantile(0.975)) + normalCdf(-1 / se - normalQuantile(0.975)), 0.8, { rel: 1e-9 }, 'power');
  });

  it('rejects impossible moments naming itself', () => {
    const ok = { meanNumerator: 1, meanDenominator: 2, sdNumerator: 1, sdDenominator: 1, correlation: 0.2 };
    expect(() => ratioMetricSd({ ...ok, meanDenominator: 0 })).toThrow(InvalidInputError);
    expect(() => ratioMetricSd({ ...ok, correlation: 1.5 })).toThrow(/experiment\/ratioMetricSd: moments\.correlation/);
    expect(() => ratioMetricSd({ ...ok, sdNumerator: -1 })).toThrow(InvalidInputError);
    expect(ratioMetricSd({ ...ok, meanNumerator: 0, sdNumerator: 0 })).toBe(0);
  });
});
