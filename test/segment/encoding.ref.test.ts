/**
 * Reference tests for RobustScaler(unit_variance=True) and OneHotEncoder's infrequent categories
 * against scikit-learn 1.2.1 (fixture: test/fixtures/segment_encoding.json, made by
 * scripts/reference/segment_encoding.py on the shared wholesale-customers data).
 * Tolerances: 1e-12 relative, 1e-12 absolute near zero (closed form).
 */
import { expect, it } from 'vitest';
import { fitRobustScaler, inverseTransformScaler, transformScaler, type FitRobustScalerOptions } from 'crmkit/segment';
import { expectAllClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { WHOLESALE, wholesaleRecords, wholesaleSpend } from './_data.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const fx = loadFixture<any>('segment_encoding');
const T12 = { rel: 1e-12, abs: 1e-12 };

describeWithData('fitRobustScaler unitVariance vs scikit-learn 1.2.1 RobustScaler(unit_variance=True)', [WHOLESALE], () => {
  const records = wholesaleRecords();
  // the six spending columns, a constant 7.5 column (zero range), Channel as 1/2
  const A = wholesaleSpend().map((r, i) => [...r, 7.5, records[i]!.Channel === 'Horeca' ? 1 : 2]);
  const cases: [string, FitRobustScalerOptions][] = [
    ['unitVariance', { unitVariance: true }],
    ['unitVarianceRange', { unitVariance: true, quantileRange: [10, 90] }],
    ['unitVarianceNarrow', { unitVariance: true, quantileRange: [2.5, 60] }],
    ['unitVarianceNoCentering', { unitVariance: true, withCentering: false }],
  ];
  for (const [name, options] of cases) {
    it(`${name}: center, scale, transform and inverse (1e-12)`, () => {
      const ref = fx.robust[name];
      expect(ref.params.unit_variance).toBe(true);
      expect(ref.params.quantile_range).toEqual([...(options.quantileRange ?? [25, 75])]);
      const model = fitRobustScaler(A, options);
      expect(model.params.unitVariance).toBe(true);
      expectAllClose(model.scale, ref.scale, T12, 'scale_');
      if (ref.center === null) expect(model.center.every((c) => c === 0)).toBe(true);
      else expectAllClose(model.center, ref.center, T12, 'center_');
      const Z = transformScaler(model, A);
      expectAllClose(Z.flat(), ref.transformed.flat(), T12, 'transform');
      expectAllClose(inverseTransformScaler(model, Z).flat(), ref.inverse.flat(), T12, 'inverse');
    });
  }
});
