/**
 * Reference tests against scikit-learn 1.2.1 (fixture: test/fixtures/segment.json, made by
 * scripts/reference/segment.py on the shared wholesale-customers and online-retail data).
 * Tolerances: transformers 1e-12 (closed form, relative, absolute 1e-12 near zero); k-means from the
 * same initial centroids: labels and iteration counts identical, inertia and centroids 1e-9; cluster
 * quality metrics 1e-9 (closed form).
 */
import { expect, it } from 'vitest';
import {
  calinskiHarabaszScore,
  daviesBouldinScore,
  fitKMeans,
  fitMinMaxScaler,
  fitOneHotEncoder,
  fitOrdinalEncoder,
  fitPreprocessor,
  fitRobustScaler,
  fitStandardScaler,
  inverseTransformScaler,
  log1p,
  silhouetteSamples,
  silhouetteScore,
  transformOneHotEncoder,
  transformOrdinalEncoder,
  transformScaler,
  type ScalerModel,
} from 'crmkit/segment';
import { expectAllClose, expectClose } from '../helpers/close.js';
import { describeWithData } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import { RETAIL, SPEND, WHOLESALE, rfmMatrix, rfmTable, wholesaleMatrix, wholesaleRecords, wholesaleSpend } from './_data.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const fx = loadFixture<any>('segment');
const T12 = { rel: 1e-12, abs: 1e-12 };
const T9 = { rel: 1e-9, abs: 1e-9 };

function flat(rows: number[][]): number[] {
  return rows.flat();
}

describeWithData('segment transformers vs scikit-learn 1.2.1 (wholesale customers)', [WHOLESALE], () => {
  const records = wholesaleRecords();
  const spend = wholesaleSpend();
  // the six spending columns, a constant 7.5 column (zero variance), Channel as 1/2
  const A = spend.map((r, i) => [...r, 7.5, records[i]!.Channel === 'Horeca' ? 1 : 2]);
  const cases: [string, () => ScalerModel][] = [
    ['standard', () => fitStandardScaler(A)],
    ['standardNoMean', () => fitStandardScaler(A, { withMean: false })],
    ['minmax', () => fitMinMaxScaler(A)],
    ['minmaxRange', () => fitMinMaxScaler(A, { featureRange: [-1, 1] })],
    ['robust', () => fitRobustScaler(A)],
    ['robustRange', () => fitRobustScaler(A, { quantileRange: [10, 90] })],
  ];
  for (const [name, fit] of cases) {
    it(`${name}: fitted parameters, transform and inverse transform (1e-12)`, () => {
      const ref = fx.transformers[name];
      const model = fit();
      const Z = transformScaler(model, A);
      expectAllClose(flat(Z), flat(ref.transformed), T12, `${name} transform`);
      expectAllClose(flat(inverseTransformScaler(model, Z)), flat(ref.inverse), T12, `${name} inverse`);
      if (model.kind === 'standardScaler') {
        expectAllClose(model.mean, ref.mean, T12, 'mean_');
        expectAllClose(model.variance, ref.var, T12, 'var_');
        if (model.params.withStd) expectAllClose(model.scale, ref.scale, T12, 'scale_');
        expect(model.scale[6]).toBe(1); // zero-variance column: scale 1, transforms to 0
      } else if (model.kind === 'minMaxScaler') {
        expectAllClose(model.scale, ref.scale, T12, 'scale_');
        expectAllClose(model.min, ref.min, T12, 'min_');
        expectAllClose(model.dataMin, ref.data_min, T12, 'data_min_');
      } else {
        expectAllClose(model.center, ref.center, T12, 'center_');
        expectAllClose(model.scale, ref.scale, T12, 'scale_');
      }
      for (const row of Z) expect(Number.isFinite(row[6]!)).toBe(true);
    });
  }

  it('log1p equals numpy.log1p (1e-12)', () => {
    expectAllClose(flat(log1p(spend.slice(0, 5))), flat(fx.transformers.log1p), T12, 'log1p');
  });

  it('one-hot and ordinal encoders equal scikit-learn (categories, names, output)', () => {
    const cats = records.map((r) => [r.Channel, r.Region]);
    const featureNames = ['Channel', 'Region'];
    const ohe = fitOneHotEncoder(cats, { handleUnknown: 'ignore', featureNames });
    expect(ohe.categories).toEqual(fx.transformers.oneHot.categories);
    expect(ohe.featureNamesOut).toEqual(fx.transformers.oneHot.featureNames);
    expect(transformOneHotEncoder(ohe, cats.slice(0, 10))).toEqual(fx.transformers.oneHot.transformedHead);
    const all = transformOneHotEncoder(ohe, cats);
    expect(ohe.featureNamesOut.map((_, j) => all.reduce((s, r) => s + r[j]!, 0))).toEqual(fx.transformers.oneHot.columnSums);
    expect(transformOneHotEncoder(ohe, [['Horeca', 'Faro']])).toEqual(fx.transformers.oneHot.unknownRow);
    for (const [key, drop] of [['oneHotDropFirst', 'first'], ['oneHotDropIfBinary', 'ifBinary']] as const) {
      const e = fitOneHotEncoder(cats, { drop, featureNames });
      expect(e.featureNamesOut).toEqual(fx.transformers[key].featureNames);
      expect(transformOneHotEncoder(e, cats.slice(0, 10))).toEqual(fx.transformers[key].transformedHead);
    }
    const ord = fitOrdinalEncoder(cats);
    expect(ord.categories).toEqual(fx.transformers.ordinal.categories);
    expect(transformOrdinalEncoder(ord, cats.slice(0, 10))).toEqual(fx.transformers.ordinal.transformedHead);
  });

  it('fitPreprocessor equals a ColumnTransformer(log1p + StandardScaler, OneHotEncoder) (1e-12)', () => {
    const { X, featureNames } = fitPreprocessor(records, {
      columns: [...SPEND.map((name) => ({ name, type: 'numeric' as const, log1p: true })), { name: 'Channel', type: 'categorical' }, { name: 'Region', type: 'categorical' }],
    });
    expect(featureNames).toEqual(fx.transformers.preprocessor.featureNames);
    expectAllClose(flat(X), flat(fx.transformers.preprocessor.transformed), T12, 'preprocessor');
  });
});

describeWithData('k-means and cluster metrics vs scikit-learn 1.2.1', [WHOLESALE, RETAIL], () => {
  const table = rfmTable();
  const data: Record<string, number[][]> = { wholesale: wholesaleMatrix(), rfm: rfmMatrix(table) };

  it('the RFM table matches the reference script (customers, column sums, first row)', () => {
    expect(table.customers.length).toBe(fx.rfm.n);
    expect(table.customers[0]).toBe(fx.rfm.firstRow[0]);
    expect([table.recency[0], table.frequency[0], table.monetary[0]]).toEqual(fx.rfm.firstRow.slice(1));
    expect(table.recency.reduce((a, b) => a + b, 0)).toBe(fx.rfm.sums[0]);
    expect(table.frequency.reduce((a, b) => a + b, 0)).toBe(fx.rfm.sums[1]);
    expectClose(table.monetary.reduce((a, b) => a + b, 0), fx.rfm.sums[2], { rel: 1e-12 }, 'monetary sum');
  });

  for (const g of fx.kmeansGiven) {
    const title = `${g.dataset} k=${g.k} ${g.algorithm}${g.weights ? ' weighted' : ''}${g.emptyStart ? ' (empty cluster relocated)' : ''}`;
    it(`fitKMeans from the same initial centroids: ${title}`, () => {
      const model = fitKMeans(data[g.dataset]!, {
        k: g.k,
        init: g.init,
        algorithm: g.algorithm,
        ...(g.weights ? { sampleWeight: fx.wholesaleWeights } : {}),
      });
      expect(model.labels).toEqual(g.labels);
      expect(model.iterations).toBe(g.iterations);
      expectClose(model.inertia, g.inertia, { rel: 1e-9 }, 'inertia');
      expectAllClose(flat(model.centroids), flat(g.centroids), T9, 'centroids');
    });
  }

  for (const m of fx.metrics) {
    it(`silhouette, Calinski–Harabasz, Davies–Bouldin: ${m.dataset} k=${m.k} (1e-9)`, () => {
      const X = data[m.dataset]!;
      const labels = fx.kmeansGiven.find((g: any) => g.dataset === m.dataset && g.k === m.k && g.algorithm === 'lloyd' && !g.weights).labels;
      expectClose(silhouetteScore(X, labels), m.silhouette, T9, 'silhouette');
      expectClose(calinskiHarabaszScore(X, labels), m.calinskiHarabasz, { rel: 1e-9 }, 'calinski-harabasz');
      expectClose(daviesBouldinScore(X, labels), m.daviesBouldin, T9, 'davies-bouldin');
      if (m.silhouetteSamples) expectAllClose(silhouetteSamples(X, labels), m.silhouetteSamples, T9, 'silhouette samples');
    });
  }
});

it('metrics on a toy set with skipped label values and a one-member cluster equal scikit-learn (1e-9)', () => {
  const t = fx.toy;
  expectClose(silhouetteScore(t.X, t.labels), t.silhouette, T9, 'silhouette');
  expectAllClose(silhouetteSamples(t.X, t.labels), t.silhouetteSamples, T9, 'samples');
  expect(silhouetteSamples(t.X, t.labels)[5]).toBe(0);
  expectClose(calinskiHarabaszScore(t.X, t.labels), t.calinskiHarabasz, { rel: 1e-9 }, 'ch');
  expectClose(daviesBouldinScore(t.X, t.labels), t.daviesBouldin, T9, 'db');
});
