/**
 * Reference tests for RobustScaler(unit_variance=True) and OneHotEncoder's infrequent categories
 * against scikit-learn 1.2.1 (fixture: test/fixtures/segment_encoding.json, made by
 * scripts/reference/segment_encoding.py on the shared wholesale-customers data).
 * Tolerances: 1e-12 relative, 1e-12 absolute near zero (closed form).
 */
import { expect, it } from 'vitest';
import {
  fitOneHotEncoder,
  fitRobustScaler,
  inverseTransformOneHotEncoder,
  inverseTransformScaler,
  transformOneHotEncoder,
  transformScaler,
  type FitOneHotEncoderOptions,
  type FitRobustScalerOptions,
} from 'crmkit/segment';
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

describeWithData('fitOneHotEncoder infrequent categories vs scikit-learn 1.2.1 OneHotEncoder(min_frequency, max_categories)', [WHOLESALE], () => {
  const ref = fx.oneHot;
  const records = wholesaleRecords();
  // the synthetic City column, rebuilt as the reference script builds it
  const counts: [string, number][] = ref.cityCounts;
  const bounds: number[] = [];
  counts.reduce((s, [, c]) => (bounds.push(s + c), s + c), 0);
  const n = records.length;
  const city = (i: number): string => {
    const pos = (i * 173) % n;
    return counts[bounds.findIndex((b) => b > pos)]![0];
  };
  const table = records.map((r, i) => [r.Channel, r.Region, city(i)]);
  const featureNames = ['Channel', 'Region', 'City'];
  const sk = (name: string): string => name.replace(/_infrequent_sklearn$/, '=infrequent');
  const options: Record<string, FitOneHotEncoderOptions> = {
    minFrequency50: { minFrequency: 50 },
    minFrequencyShare: { minFrequency: 0.1 },
    minFrequencyAtCount: { minFrequency: 15 },
    maxCategories3: { maxCategories: 3 },
    maxCategories8Tie: { maxCategories: 8 },
    bothInfrequentIfExist: { minFrequency: 5, maxCategories: 4, handleUnknown: 'infrequentIfExist' },
    shareDropFirst: { minFrequency: 0.1, drop: 'first' },
    max2DropIfBinary: { maxCategories: 2, drop: 'ifBinary' },
    min100Ignore: { minFrequency: 100, handleUnknown: 'ignore' },
  };

  it('rebuilds the synthetic City column', () => {
    expect(table.slice(0, 20).map((r) => r[2])).toEqual(ref.cityHead);
    expect(Object.keys(options).sort()).toEqual(Object.keys(ref.cases).sort());
  });

  for (const [name, opts] of Object.entries(options)) {
    it(`${name}: infrequent sets, feature names, the full 440-row output, unknowns and inverse equal scikit-learn's`, () => {
      const c = ref.cases[name];
      const enc = fitOneHotEncoder(table, { ...opts, featureNames });
      expect(enc.categories).toEqual(c.categories);
      expect(enc.infrequentCategories).toEqual(c.infrequent);
      expect(enc.featureNamesOut).toEqual(c.featureNames.map(sk));
      const Z = transformOneHotEncoder(enc, table);
      expect(c.valuesAreZeroOne).toBe(true);
      expect(Z.map((row) => row.flatMap((v, j) => (v === 1 ? [j] : [])))).toEqual(c.hot);
      expect(Z.flat().every((v) => v === 0 || v === 1)).toBe(true);
      expect(Z.flat().reduce((a, b) => a + b, 0)).toBe(c.onesTotal);
      const back = inverseTransformOneHotEncoder(enc, Z.slice(0, 20));
      expect(back).toEqual(c.inverseHead.map((row: string[]) => row.map((v) => (v === 'infrequent_sklearn' ? 'infrequent' : v))));
      if (c.unknownTransformed !== undefined) expect(transformOneHotEncoder(enc, ref.unknownRows)).toEqual(c.unknownTransformed);
      else expect(() => transformOneHotEncoder(enc, ref.unknownRows)).toThrow(/is a category not seen in fitting/);
    });
  }
});
