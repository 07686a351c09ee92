import { describe, expect, it } from 'vitest';
import {
  AbortError,
  DimensionMismatchError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  NotConvergedError,
  calinskiHarabaszScore,
  chooseK,
  daviesBouldinScore,
  describeSegments,
  elbow,
  expm1,
  findKnee,
  fitKMeans,
  fitMiniBatchKMeans,
  fitMinMaxScaler,
  fitOneHotEncoder,
  fitOrdinalEncoder,
  fitPreprocessor,
  fitRobustScaler,
  fitStandardScaler,
  inverseTransformOneHotEncoder,
  inverseTransformOrdinalEncoder,
  inverseTransformPreprocessor,
  inverseTransformScaler,
  log1p,
  parseEncoderModel,
  parseKMeansModel,
  parsePreprocessorModel,
  parseScalerModel,
  partialFitMiniBatchKMeans,
  predictKMeans,
  silhouetteSamples,
  silhouetteScore,
  transformOneHotEncoder,
  transformOrdinalEncoder,
  transformPreprocessor,
  transformScaler,
} from 'crmkit/segment';
import { createRandom } from 'crmkit';
import { expectAllClose, expectClose } from '../helpers/close.js';

/** Seeded Gaussian blobs around the given centres (sd 0.5). */
function blobs(centres: number[][], perBlob: number, seed: number): { X: number[][]; truth: number[] } {
  const rng = createRandom(seed);
  const X: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, j) => {
    for (let i = 0; i < perBlob; i++) {
      X.push(c.map((v) => v + 0.5 * rng.normal()));
      truth.push(j);
    }
  });
  return { X, truth };
}

/** Whether two labelings are the same partition (equal up to renaming). */
function samePartition(a: readonly number[], b: readonly number[]): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]!) ?? b[i]) !== b[i] || (ba.get(b[i]!) ?? a[i]) !== a[i]) return false;
    ab.set(a[i]!, b[i]!);
    ba.set(b[i]!, a[i]!);
  }
  return true;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !ArrayBuffer.isView(x)) {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

const three = blobs([[0, 0], [6, 0], [0, 6]], 40, 11);

describe('fitKMeans(X, options)', () => {
  it('recovers well-separated blobs with k-means++ and with random init, Lloyd and Elkan alike', () => {
    for (const init of ['k-means++', 'random'] as const) {
      const lloyd = fitKMeans(three.X, { k: 3, init, seed: 4 });
      const elkan = fitKMeans(three.X, { k: 3, init, seed: 4, algorithm: 'elkan' });
      expect(samePartition(lloyd.labels, three.truth)).toBe(true);
      expect(elkan.labels).toEqual(lloyd.labels);
      expectClose(elkan.inertia, lloyd.inertia, { rel: 1e-12 }, 'elkan = lloyd');
      expect(lloyd.converged).toBe(true);
      expect(lloyd.runInertias).toHaveLength(10);
      expect(lloyd.inertia).toBe(Math.min(...lloyd.runInertias));
    }
  });

  it('inertia equals Σ‖x − centroid‖² recomputed from the returned labels and centroids', () => {
    const m = fitKMeans(three.X, { k: 4, seed: 2 });
    let s = 0;
    three.X.forEach((x, i) => x.forEach((v, t) => (s += (v - m.centroids[m.labels[i]!]![t]!) ** 2)));
    expectClose(m.inertia, s, { rel: 1e-12 }, 'inertia');
    expect(m.clusterSizes.reduce((a, b) => a + b, 0)).toBe(three.X.length);
  });

  it('weights act like repeated rows: weight 2 equals the row given twice', () => {
    const X = [[0], [1], [2], [10], [11], [13]];
    const init = [[0], [10]];
    const weighted = fitKMeans(X, { k: 2, init, sampleWeight: [1, 1, 2, 1, 1, 1] });
    const repeated = fitKMeans([...X, [2]], { k: 2, init });
    expectAllClose(weighted.centroids.flat(), repeated.centroids.flat(), { rel: 1e-12 }, 'centroids');
    expectClose(weighted.inertia, repeated.inertia, { rel: 1e-12 }, 'inertia');
  });

  it('relocates an empty cluster to the farthest point instead of leaving it empty (never -1)', () => {
    const X = [[0], [1], [2], [3], [20]];
    const m = fitKMeans(X, { k: 3, init: [[0], [3], [1000]] });
    expect(new Set(m.labels).size).toBe(3);
    expect(m.labels.every((l) => l >= 0 && l < 3)).toBe(true);
    expect(m.centroids[2]).toEqual([20]);
  });

  it('does not mutate its (frozen) inputs', () => {
    const X = deepFreeze(three.X.map((r) => r.slice()));
    const init = deepFreeze([[0, 0], [6, 0], [0, 6]]);
    expect(() => fitKMeans(X, { k: 3, init })).not.toThrow();
  });

  it('reports converged: false at the iteration cap, and strict: true throws NotConvergedError', () => {
    const m = fitKMeans(three.X, { k: 3, init: [[3, 3], [3.1, 3], [3, 3.1]], maxIterations: 1 });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBe(1);
    expect(() => fitKMeans(three.X, { k: 3, init: [[3, 3], [3.1, 3], [3, 3.1]], maxIterations: 1, strict: true })).toThrow(NotConvergedError);
  });

  it('accepts a FlatMatrix and gives the same model as rows', () => {
    const data = Float64Array.from(three.X.flat());
    const a = fitKMeans({ data, rows: three.X.length, cols: 2 }, { k: 3, seed: 9 });
    const b = fitKMeans(three.X, { k: 3, seed: 9 });
    expect(a).toEqual(b);
  });

  it('throws typed errors on bad input', () => {
    expect(() => fitKMeans([[1, NaN]], { k: 1 })).toThrow(InvalidInputError);
    expect(() => fitKMeans([[1, 2], [Infinity, 0]], { k: 1 })).toThrow(/X\[1\]\[0\] must be a finite number; received Infinity/);
    expect(() => fitKMeans([[1, 2], [3]], { k: 1 })).toThrow(DimensionMismatchError);
    expect(() => fitKMeans([], { k: 1 })).toThrow(InvalidInputError);
    expect(() => fitKMeans({ data: new Float64Array([1, NaN]), rows: 1, cols: 2 }, { k: 1 })).toThrow(InvalidInputError);
    expect(() => fitKMeans([[1], [2]], { k: 0 })).toThrow(/options.k must be an integer in \[1, 2\]; received 0/);
    expect(() => fitKMeans([[1], [2]], { k: 3 })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [1], [1], [2]], { k: 3 })).toThrow(/at most the number of distinct rows of X \(2\); received 3/);
    expect(() => fitKMeans([[0], [-0], [1]], { k: 3 })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, init: [[1]] })).toThrow(DimensionMismatchError);
    expect(() => fitKMeans([[1], [2]], { k: 2, init: [[1], [2]], nInit: 3 })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, init: 'kmeans++' as never })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, algorithm: 'full' as never })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, sampleWeight: [1] })).toThrow(DimensionMismatchError);
    expect(() => fitKMeans([[1], [2]], { k: 2, sampleWeight: [1, -1] })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, sampleWeight: [0, 0] })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, tolerance: -1 })).toThrow(InvalidOptionError);
    expect(() => fitKMeans([[1], [2]], { k: 2, nClusters: 2 } as never)).toThrow(/unknown option 'nClusters'/);
  });

  it('throws a typed error, not an empty cluster, when rows differ only below distance resolution', () => {
    expect(() => fitKMeans([[0], [5e-324], [0], [0]], { k: 2 })).toThrow(/fewer than options.k rows that are apart at floating-point resolution/);
  });

  it('throws AbortError when the signal has fired', () => {
    const c = new AbortController();
    c.abort();
    expect(() => fitKMeans(three.X, { k: 3, signal: c.signal })).toThrow(AbortError);
  });
});

describe('predictKMeans(model, X) and parseKMeansModel(json)', () => {
  const model = fitKMeans(three.X, { k: 3, seed: 1 });
  it('predicts the training labels on the training rows', () => {
    expect(predictKMeans(model, three.X)).toEqual(model.labels);
  });
  it('throws on a column mismatch or bad values', () => {
    expect(() => predictKMeans(model, [[1, 2, 3]])).toThrow(DimensionMismatchError);
    expect(() => predictKMeans(model, [[1, NaN]])).toThrow(InvalidInputError);
  });
  it('rejects models of another kind, version or shape', () => {
    const json = JSON.parse(JSON.stringify(model));
    expect(() => parseKMeansModel({ ...json, kind: 'tree' })).toThrow(ModelFormatError);
    expect(() => parseKMeansModel({ ...json, formatVersion: 2 })).toThrow(ModelFormatError);
    expect(() => parseKMeansModel({ ...json, labels: [0, 3] })).toThrow(/labels\[1\] must be an integer in \[0, 3\)/);
    expect(() => parseKMeansModel({ ...json, centroids: json.centroids.slice(1) })).toThrow(ModelFormatError);
    expect(() => parseKMeansModel(null)).toThrow(ModelFormatError);
    expect(parseKMeansModel(json)).toEqual(model);
  });
});

describe('fitMiniBatchKMeans(X, options) and partialFitMiniBatchKMeans(model, batch)', () => {
  const big = blobs([[0, 0, 0], [8, 0, 0], [0, 8, 0], [0, 0, 8]], 500, 5);
  it('recovers separated blobs', () => {
    const m = fitMiniBatchKMeans(big.X, { k: 4, batchSize: 256, seed: 2 });
    expect(samePartition(m.labels, big.truth)).toBe(true);
    expect(predictKMeans(m, big.X)).toEqual(m.labels);
  });
  it('is deterministic for a seed and survives JSON', () => {
    const a = fitMiniBatchKMeans(big.X, { k: 4, batchSize: 100, seed: 8 });
    const b = fitMiniBatchKMeans(big.X, { k: 4, batchSize: 100, seed: 8 });
    expect(a).toEqual(b);
    expect(parseKMeansModel(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });
  it('partial fits are pure, deterministic, and learn the blobs batch by batch', () => {
    const rng = createRandom(3);
    const order = rng.permutation(big.X.length);
    const batches: number[][][] = [];
    for (let s = 0; s < order.length; s += 200) batches.push(Array.from(order.subarray(s, s + 200), (i) => big.X[i]!));
    let model = partialFitMiniBatchKMeans(undefined, batches[0]!, { k: 4, seed: 1 });
    for (const b of batches.slice(1)) {
      const frozen = deepFreeze(JSON.parse(JSON.stringify(model)));
      const next = partialFitMiniBatchKMeans(frozen, b);
      expect(partialFitMiniBatchKMeans(frozen, b)).toEqual(next);
      model = next;
    }
    expect(model.samplesSeen).toBe(big.X.length);
    expect(samePartition(predictKMeans(model, big.X), big.truth)).toBe(true);
  });
  it('throws typed errors', () => {
    const m = partialFitMiniBatchKMeans(undefined, [[0, 0], [1, 1]], { k: 2 });
    expect(() => partialFitMiniBatchKMeans(m, [[0, 0, 0]])).toThrow(DimensionMismatchError);
    expect(() => partialFitMiniBatchKMeans(m, [[0, 0]], { k: 3 })).toThrow(InvalidOptionError);
    expect(() => partialFitMiniBatchKMeans(undefined, [[0, 0], [0, 0]], { k: 2 })).toThrow(InvalidOptionError);
    expect(() => fitMiniBatchKMeans([[0, NaN]], { k: 1 })).toThrow(InvalidInputError);
    expect(() => fitMiniBatchKMeans([[0], [1]], { k: 2, batchSize: 0 })).toThrow(InvalidOptionError);
  });
});

describe('scalers', () => {
  const X = [[1, 5, 0], [2, 5, 10], [4, 5, 20], [8, 5, 1000]];
  it('zero-variance columns follow scikit-learn: standard → 0, min-max → low, robust → 0 (never NaN)', () => {
    expect(transformScaler(fitStandardScaler(X), X).map((r) => r[1])).toEqual([0, 0, 0, 0]);
    expect(transformScaler(fitMinMaxScaler(X, { featureRange: [-1, 1] }), X).map((r) => r[1])).toEqual([-1, -1, -1, -1]);
    expect(transformScaler(fitRobustScaler(X), X).map((r) => r[1])).toEqual([0, 0, 0, 0]);
  });
  it('inverse transforms undo transforms, and models survive JSON', () => {
    for (const model of [fitStandardScaler(X), fitMinMaxScaler(X), fitRobustScaler(X, { quantileRange: [10, 90] })]) {
      const loaded = parseScalerModel(JSON.parse(JSON.stringify(model)));
      expect(transformScaler(loaded, X)).toEqual(transformScaler(model, X));
      expectAllClose(inverseTransformScaler(loaded, transformScaler(model, X)).flat(), X.flat(), { rel: 1e-12, abs: 1e-12 }, model.kind);
    }
  });
  it('min-max clip keeps new data inside featureRange', () => {
    const m = fitMinMaxScaler([[0], [10]], { clip: true });
    expect(transformScaler(m, [[-5], [20]])).toEqual([[0], [1]]);
  });
  it('throw typed errors', () => {
    expect(() => fitStandardScaler([[1], [NaN]])).toThrow(InvalidInputError);
    expect(() => fitStandardScaler([[1, 2], [1]])).toThrow(DimensionMismatchError);
    expect(() => fitMinMaxScaler([[1]], { featureRange: [1, 0] })).toThrow(InvalidOptionError);
    expect(() => fitRobustScaler([[1]], { quantileRange: [75, 25] })).toThrow(InvalidOptionError);
    expect(() => fitRobustScaler([[1]], { unitVariance: true, quantileRange: [0, 75] })).toThrow(/unitVariance needs 0 < quantileRange\[0\]/);
    expect(() => fitRobustScaler([[1]], { unitVariance: true, quantileRange: [25, 100] })).toThrow(InvalidOptionError);
    expect(() => fitRobustScaler([[1]], { unitVariance: 'yes' as never })).toThrow(InvalidOptionError);
    expect(() => transformScaler(fitStandardScaler(X), [[1, 2]])).toThrow(DimensionMismatchError);
    expect(() => transformScaler({ kind: 'kmeans' } as never, X)).toThrow(InvalidInputError);
    expect(() => parseScalerModel({ kind: 'standardScaler', formatVersion: 1, params: {}, nFeatures: 1 })).toThrow(ModelFormatError);
    expect(() => log1p([[-1]])).toThrow(/X\[0\]\[0\] must be > -1 for log1p; received -1/);
    expect(() => log1p([[1]], { columns: [1] })).toThrow(InvalidOptionError);
    expect(() => expm1([[1000]])).toThrow(InvalidInputError);
  });
  it('robust unitVariance: scale is the IQR over 2·Φ⁻¹(0.75), round-trips through JSON, and older models without the flag still load', () => {
    const Y = [[1], [2], [3], [4], [100]];
    const plain = fitRobustScaler(Y);
    const uv = fitRobustScaler(Y, { unitVariance: true });
    // Φ⁻¹(0.75) − Φ⁻¹(0.25) = 1.3489795003921634 (scipy.stats.norm.ppf, independent of our code)
    expect(uv.scale[0]! * 1.3489795003921634).toBeCloseTo(plain.scale[0]!, 14);
    expect(parseScalerModel(JSON.parse(JSON.stringify(uv)))).toEqual(uv);
    const { unitVariance: _, ...oldParams } = plain.params;
    expect(parseScalerModel({ ...plain, params: oldParams }).scale).toEqual(plain.scale);
    expect(() => parseScalerModel({ ...plain, params: { ...plain.params, unitVariance: 1 } })).toThrow(ModelFormatError);
    // withScaling false: unitVariance has nothing to divide (scale stays 1, as scikit-learn's scale_ = None)
    expect(fitRobustScaler(Y, { unitVariance: true, withScaling: false, quantileRange: [0, 100] }).scale).toEqual([1]);
  });
  it('expm1 inverts log1p', () => {
    expectAllClose(expm1(log1p(X)).flat(), X.flat(), { rel: 1e-12 }, 'round trip');
  });
});

describe('encoders', () => {
  const cats = [['Lisbon', 1], ['Oporto', 2], ['Other', 1], ['Lisbon', 3]];
  it('one-hot: unknown categories throw by default, encode as zeros with ignore', () => {
    const strict = fitOneHotEncoder(cats);
    expect(() => transformOneHotEncoder(strict, [['Faro', 1]])).toThrow(/X\[0\]\[0\] \(column 'x0'\) is a category not seen in fitting/);
    const lax = fitOneHotEncoder(cats, { handleUnknown: 'ignore' });
    expect(transformOneHotEncoder(lax, [['Faro', 2]])).toEqual([[0, 0, 0, 0, 1, 0]]);
    expect(() => inverseTransformOneHotEncoder(lax, [[0, 0, 0, 0, 1, 0]])).toThrow(InvalidInputError);
  });
  it('one-hot round trip, with and without drop', () => {
    for (const drop of ['none', 'first', 'ifBinary'] as const) {
      const e = fitOneHotEncoder(cats, { drop });
      expect(inverseTransformOneHotEncoder(e, transformOneHotEncoder(e, cats))).toEqual(cats);
      expect(parseEncoderModel(JSON.parse(JSON.stringify(e)))).toEqual(e);
    }
  });
  it('one-hot infrequent groups: numeric columns, JSON round trip, older models without the fields still load', () => {
    const nums = [[1], [1], [1], [2], [2], [3], [4]];
    const e = fitOneHotEncoder(nums, { minFrequency: 2, handleUnknown: 'infrequentIfExist' });
    expect(e.infrequentCategories).toEqual([[3, 4]]);
    expect(e.featureNamesOut).toEqual(['x0_1', 'x0_2', 'x0=infrequent']);
    expect(transformOneHotEncoder(e, [[4], [9], [2]])).toEqual([[0, 0, 1], [0, 0, 1], [0, 1, 0]]);
    expect(inverseTransformOneHotEncoder(e, [[0, 0, 1], [1, 0, 0]])).toEqual([['infrequent'], [1]]);
    expect(parseEncoderModel(JSON.parse(JSON.stringify(e)))).toEqual(e);
    // a column with no rare category under infrequentIfExist: unknowns are zeros, like 'ignore'
    const none = fitOneHotEncoder(nums, { minFrequency: 1, handleUnknown: 'infrequentIfExist' });
    expect(none.featureNamesOut).toEqual(['x0_1', 'x0_2', 'x0_3', 'x0_4']);
    expect(transformOneHotEncoder(none, [[9]])).toEqual([[0, 0, 0, 0]]);
    // maxCategories counts the group: 3 columns at most, the two rarest (3, 4) grouped
    expect(fitOneHotEncoder(nums, { maxCategories: 3 }).featureNamesOut).toEqual(['x0_1', 'x0_2', 'x0=infrequent']);
    const { infrequentCategories: _i, ...legacy } = fitOneHotEncoder(nums);
    const { minFrequency: _m, maxCategories: _c, ...legacyParams } = legacy.params;
    const old = parseEncoderModel({ ...legacy, params: legacyParams });
    expect(transformOneHotEncoder(old as never, [[3]])).toEqual([[0, 0, 1, 0]]);
    expect(() => parseEncoderModel({ ...e, infrequentCategories: [[5]] })).toThrow(ModelFormatError);
    expect(() => parseEncoderModel({ ...e, infrequentCategories: [[3]] })).toThrow(ModelFormatError); // width no longer matches
  });
  it('one-hot infrequent options are checked', () => {
    for (const bad of [0, -1, 1.5, NaN, '2']) expect(() => fitOneHotEncoder(cats, { minFrequency: bad as never })).toThrow(InvalidOptionError);
    expect(() => fitOneHotEncoder(cats, { maxCategories: 1 })).toThrow(InvalidOptionError);
    expect(() => fitOneHotEncoder(cats, { maxCategories: 2.5 })).toThrow(InvalidOptionError);
    expect(() => fitOneHotEncoder(cats, { handleUnknown: 'infrequent_if_exist' as never })).toThrow(InvalidOptionError);
    expect(() => fitOneHotEncoder([['infrequent'], ['infrequent'], ['x']], { minFrequency: 2 })).toThrow(/frequent category 'infrequent' and an infrequent group/);
    // 'infrequent' may itself be rare: it then sits inside the group, nothing to confuse
    expect(fitOneHotEncoder([['a'], ['a'], ['infrequent']], { minFrequency: 2 }).featureNamesOut).toEqual(['x0_a', 'x0=infrequent']);
  });
  it('preprocessor passes minFrequency / maxCategories / infrequentIfExist to its one-hot step', () => {
    const recs = ['a', 'a', 'a', 'b', 'b', 'c', 'd'].map((city, i) => ({ city, spend: i }));
    const spec = { name: 'city', type: 'categorical', minFrequency: 2, handleUnknown: 'infrequentIfExist' } as const;
    const { model, X, featureNames } = fitPreprocessor(recs, { columns: [spec] });
    const alone = fitOneHotEncoder(recs.map((r) => [r.city]), { minFrequency: 2, handleUnknown: 'infrequentIfExist', featureNames: ['city'] });
    expect(featureNames).toEqual(['city_a', 'city_b', 'city=infrequent']);
    expect(X).toEqual(transformOneHotEncoder(alone, recs.map((r) => [r.city])));
    expect(transformPreprocessor(model, [{ city: 'zzz', spend: 0 }])).toEqual([[0, 0, 1]]);
    expect(parsePreprocessorModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(fitPreprocessor(recs, { columns: [{ name: 'city', type: 'categorical', maxCategories: 2 }] }).featureNames).toEqual(['city_a', 'city=infrequent']);
    expect(() => fitPreprocessor(recs, { columns: [{ name: 'city', type: 'categorical', maxCategories: 1 }] })).toThrow(/segment\/fitPreprocessor: options.columns\[0\].maxCategories/);
  });
  it('keeps 1 and "1" apart, sorts strings by code point, and treats __proto__ as a plain word', () => {
    const e = fitOrdinalEncoder([['__proto__'], ['b'], ['😀'], ['\uffff']]);
    expect(e.categories[0]).toEqual(['__proto__', 'b', '\uffff', '😀']);
    expect(() => fitOneHotEncoder([[1], ['1']])).toThrow(/mixes numbers and strings/);
  });
  it('ordinal: unknown categories throw or take unknownValue', () => {
    const e = fitOrdinalEncoder(cats);
    expect(transformOrdinalEncoder(e, cats)).toEqual([[0, 0], [1, 1], [2, 0], [0, 2]]);
    expect(inverseTransformOrdinalEncoder(e, [[2, 1]])).toEqual([['Other', 2]]);
    expect(() => transformOrdinalEncoder(e, [['Faro', 1]])).toThrow(InvalidInputError);
    const u = fitOrdinalEncoder(cats, { handleUnknown: 'useEncodedValue', unknownValue: -1 });
    expect(transformOrdinalEncoder(u, [['Faro', 7]])).toEqual([[-1, -1]]);
    expect(() => fitOrdinalEncoder(cats, { handleUnknown: 'useEncodedValue' })).toThrow(InvalidOptionError);
    expect(() => fitOrdinalEncoder(cats, { handleUnknown: 'useEncodedValue', unknownValue: 1 })).toThrow(InvalidOptionError);
    expect(() => inverseTransformOrdinalEncoder(e, [[5, 0]])).toThrow(InvalidInputError);
  });
  it('throw typed errors on bad values', () => {
    expect(() => fitOneHotEncoder([[null as never]])).toThrow(InvalidInputError);
    expect(() => fitOneHotEncoder([['a'], ['b', 'c']])).toThrow(DimensionMismatchError);
    expect(() => fitOneHotEncoder([['a']], { featureNames: ['a', 'b'] })).toThrow(InvalidOptionError);
    expect(() => transformOneHotEncoder(fitOneHotEncoder(cats), [['Lisbon']])).toThrow(DimensionMismatchError);
  });
});

describe('fitPreprocessor(records, { columns })', () => {
  const records = [
    { spend: 100, visits: 1, city: 'Lisbon' },
    { spend: 300, visits: 4, city: 'Oporto' },
    { spend: 2000, visits: 2, city: 'Lisbon' },
  ];
  const columns = [
    { name: 'spend', type: 'numeric', log1p: true, scaler: 'robust' },
    { name: 'visits', type: 'numeric', scaler: 'minMax' },
    { name: 'city', type: 'categorical', handleUnknown: 'ignore' },
  ] as const;
  it('transforms new records the same way and inverts back to the records', () => {
    const { model, X, featureNames } = fitPreprocessor(records, { columns });
    expect(featureNames).toEqual(['spend', 'visits', 'city_Lisbon', 'city_Oporto']);
    expect(transformPreprocessor(model, records)).toEqual(X);
    const back = inverseTransformPreprocessor(model, X);
    back.forEach((r, i) => {
      expectClose(r.spend as number, records[i]!.spend, { rel: 1e-12 }, 'spend');
      expectClose(r.visits as number, records[i]!.visits, { rel: 1e-12 }, 'visits');
      expect(r.city).toBe(records[i]!.city);
    });
    expect(transformPreprocessor(model, [{ spend: 1, visits: 1, city: 'Faro' }])[0]!.slice(2)).toEqual([0, 0]);
    const loaded = parsePreprocessorModel(JSON.parse(JSON.stringify(model)));
    expect(transformPreprocessor(loaded, records)).toEqual(X);
  });
  it('throws typed errors on missing, non-numeric or unknown values and bad specs', () => {
    const { model } = fitPreprocessor(records, { columns: [{ name: 'city', type: 'categorical' }] });
    expect(() => transformPreprocessor(model, [{ city: 'Faro' }])).toThrow(InvalidInputError);
    expect(() => fitPreprocessor([{ spend: '100' }], { columns: [{ name: 'spend', type: 'numeric' }] })).toThrow(/records\[0\].spend must be a finite number/);
    expect(() => fitPreprocessor([{ spend: NaN }], { columns: [{ name: 'spend', type: 'numeric' }] })).toThrow(InvalidInputError);
    expect(() => fitPreprocessor(records, { columns: [{ name: 'spend', type: 'date' as never }] })).toThrow(InvalidOptionError);
    expect(() => fitPreprocessor(records, { columns: [{ name: 'spend', type: 'numeric', scaler: 'z' as never }] })).toThrow(InvalidOptionError);
    expect(() => fitPreprocessor(records, {} as never)).toThrow(InvalidOptionError);
    expect(() => parsePreprocessorModel({ ...model, featureNames: ['x'] })).toThrow(ModelFormatError);
  });
});

describe('cluster quality', () => {
  it('silhouetteSamples equals a direct O(n²) computation across several 128-row blocks', () => {
    const { X } = blobs([[0, 0], [3, 0], [0, 3]], 110, 21);
    const labels = fitKMeans(X, { k: 3, seed: 0 }).labels;
    const got = silhouetteSamples(X, labels);
    const dist = (a: number[], b: number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
    const n = X.length;
    const expected = X.map((x, i) => {
      const mean = (c: number): number => {
        let s = 0;
        let m = 0;
        for (let j = 0; j < n; j++) if (j !== i && labels[j] === c) (s += dist(x, X[j]!)), m++;
        return s / m;
      };
      const a = mean(labels[i]!);
      const b = Math.min(...[0, 1, 2].filter((c) => c !== labels[i]).map(mean));
      return (b - a) / Math.max(a, b);
    });
    expectAllClose(got, expected, { rel: 1e-12, abs: 1e-15 }, 'silhouette');
  });
  it('the sampled silhouette is seeded, and a sample of all rows equals the exact score', () => {
    const { X, truth } = blobs([[0, 0], [2, 0]], 200, 4);
    const exact = silhouetteScore(X, truth);
    expectClose(silhouetteScore(X, truth, { sampleSize: X.length, seed: 3 }), exact, { rel: 1e-12 }, 'all rows');
    const a = silhouetteScore(X, truth, { sampleSize: 100, seed: 5 });
    expect(silhouetteScore(X, truth, { sampleSize: 100, seed: 5 })).toBe(a);
    expect(silhouetteScore(X, truth, { sampleSize: 100, seed: 6 })).not.toBe(a);
  });
  it('throws on one cluster, n clusters, mismatched or bad labels', () => {
    const X = [[0], [1], [2]];
    for (const f of [silhouetteScore, calinskiHarabaszScore, daviesBouldinScore]) {
      expect(() => f(X, [0, 0, 0])).toThrow(InvalidInputError);
      expect(() => f(X, [0, 1, 2])).toThrow(InvalidInputError);
      expect(() => f(X, [0, 1])).toThrow(DimensionMismatchError);
      expect(() => f(X, [0, 1.5, 1])).toThrow(InvalidInputError);
      expect(() => f([[0], [NaN], [1]], [0, 1, 1])).toThrow(InvalidInputError);
    }
    expect(() => silhouetteScore(X, [0, 1, 1], { seed: 1 })).toThrow(InvalidOptionError);
  });
  it('accepts string labels (segment names)', () => {
    expect(silhouetteScore([[0], [1], [10], [11]], ['low', 'low', 'high', 'high'])).toBe(silhouetteScore([[0], [1], [10], [11]], [0, 0, 1, 1]));
  });
  it('findKnee, elbow and chooseK find three blobs', () => {
    expect(findKnee([1, 2, 3, 4], [4, 3, 2, 1]).strength).toBeCloseTo(0, 12);
    expect(() => findKnee([1, 2], [2, 1])).toThrow(InvalidInputError);
    expect(() => findKnee([1, 3, 2], [3, 2, 1])).toThrow(InvalidInputError);
    expect(elbow(three.X, { kRange: [1, 6] }).k).toBe(3);
    for (const criterion of ['silhouette', 'calinskiHarabasz', 'daviesBouldin', 'elbow'] as const) {
      const r = chooseK(three.X, { kRange: [2, 6], criterion });
      expect(r.k).toBe(3);
      expect(r.table).toHaveLength(5);
    }
    expect(() => chooseK(three.X, { kRange: [1, 4] })).toThrow(InvalidOptionError);
    const seen: number[] = [];
    chooseK(three.X, { kRange: [2, 4], onProgress: (p) => seen.push(p.completed) });
    expect(seen.at(-1)).toBe(3);
    const c = new AbortController();
    c.abort();
    expect(() => chooseK(three.X, { signal: c.signal })).toThrow(AbortError);
    expect(() => elbow(three.X, { signal: c.signal })).toThrow(AbortError);
    expect(() => chooseK(three.X, { kRange: [2, 3], criterion: 'elbow' })).toThrow(InvalidOptionError);
  });
});

describe('describeSegments(records, labels, options)', () => {
  const records = [
    { spend: 900, visits: 9, city: 'Lisbon' },
    { spend: 1100, visits: 11, city: 'Lisbon' },
    { spend: 100, visits: 2, city: 'Oporto' },
    { spend: 120, visits: 1, city: 'Lisbon' },
    { spend: 80, visits: 3, city: 'Oporto' },
  ];
  it('computes sizes, shares, means, medians, ratios and lift from the records', () => {
    const { segments, overall } = describeSegments(records, [1, 1, 0, 0, 0]);
    expect(segments.map((s) => [s.label, s.size, s.share])).toEqual([[0, 3, 0.6], [1, 2, 0.4]]);
    expect(overall[0]).toEqual({ column: 'spend', mean: 460, median: 120 });
    const spend1 = segments[1]!.numeric[0]!;
    expect([spend1.mean, spend1.median]).toEqual([1000, 1000]);
    expectClose(spend1.ratioToOverall!, 1000 / 460, { rel: 1e-15 }, 'ratio');
    const city0 = segments[0]!.categories[0]!.top[0]!;
    expect(city0.value).toBe('Oporto');
    expectClose(city0.lift, (2 / 3) / (2 / 5), { rel: 1e-15 }, 'lift');
    expect(segments[0]!.description).toBe('Low spend, low visits, mostly Oporto, 60% of customers');
  });
  it('uses given columns, takes string labels, and reports a null ratio for a zero overall mean', () => {
    const recs = [{ z: -1 }, { z: 1 }, { z: -1 }, { z: 1 }];
    const { segments } = describeSegments(recs, ['a', 'b', 'a', 'b'], { columns: [{ name: 'z', type: 'numeric' }], noun: 'accounts' });
    expect(segments[0]!.numeric[0]!.ratioToOverall).toBeNull();
    expect(segments[0]!.description).toBe('Low z, 50% of accounts');
  });
  it('throws typed errors', () => {
    expect(() => describeSegments(records, [0, 1])).toThrow(DimensionMismatchError);
    expect(() => describeSegments([{ spend: NaN }], [0])).toThrow(InvalidInputError);
    expect(() => describeSegments([{ spend: 1 }], [0], { columns: [{ name: 'spend', type: 'date' as never }] })).toThrow(InvalidOptionError);
    expect(() => describeSegments([{ spend: 1 }], [null as never])).toThrow(InvalidInputError);
  });
});
