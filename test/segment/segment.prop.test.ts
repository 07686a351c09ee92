import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitKMeans,
  fitMinMaxScaler,
  fitRobustScaler,
  fitStandardScaler,
  inverseTransformScaler,
  parseKMeansModel,
  predictKMeans,
  silhouetteSamples,
  transformScaler,
} from 'crmkit/segment';
import { expectAllClose } from '../helpers/close.js';

/**
 * Matrices of 4–40 rows × 1–4 columns with entries in [-1000, 1000] on a 1e-6 grid (subnormal
 * differences, whose squared distances underflow to 0, are covered by a unit test).
 */
const value = fc.integer({ min: -1e9, max: 1e9 }).map((v) => v / 1e6);
const matrix = fc
  .tuple(fc.integer({ min: 4, max: 40 }), fc.integer({ min: 1, max: 4 }))
  .chain(([n, d]) => fc.array(fc.array(value, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }));

function distinctRows(X: number[][]): number {
  return new Set(X.map((r) => r.map((v) => v + 0).join(','))).size;
}

describe('fitKMeans properties', () => {
  it('the same seed gives the same model; labels lie in [0, k); a JSON round trip predicts the same', () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 1, max: 5 }), fc.nat(1000), fc.constantFrom('lloyd', 'elkan'), (X, kWanted, seed, algorithm) => {
        const k = Math.min(kWanted, distinctRows(X));
        const a = fitKMeans(X, { k, seed, nInit: 2, algorithm });
        const b = fitKMeans(X, { k, seed, nInit: 2, algorithm });
        expect(a).toEqual(b);
        expect(a.labels.every((l) => Number.isInteger(l) && l >= 0 && l < k)).toBe(true);
        expect(new Set(a.labels).size).toBe(k); // no empty cluster survives
        const loaded = parseKMeansModel(JSON.parse(JSON.stringify(a)));
        expect(predictKMeans(loaded, X)).toEqual(predictKMeans(a, X));
      }),
      { numRuns: 60 },
    );
  });

  it('Elkan gives the same labels as Lloyd from the same centroids', () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 2, max: 4 }), fc.nat(1000), (X, kWanted, seed) => {
        const k = Math.min(kWanted, distinctRows(X));
        const init = fitKMeans(X, { k, seed, nInit: 1, maxIterations: 1 }).centroids;
        const lloyd = fitKMeans(X, { k, init });
        const elkan = fitKMeans(X, { k, init, algorithm: 'elkan' });
        expect(elkan.labels).toEqual(lloyd.labels);
      }),
      { numRuns: 60 },
    );
  });
});

describe('scaler and metric properties', () => {
  it('inverse(transform(X)) returns X for every scaler', () => {
    fc.assert(
      fc.property(matrix, (X) => {
        for (const model of [fitStandardScaler(X), fitMinMaxScaler(X), fitRobustScaler(X)]) {
          const Z = transformScaler(model, X);
          expect(Z.flat().every(Number.isFinite)).toBe(true);
          expectAllClose(inverseTransformScaler(model, Z).flat(), X.flat(), { rel: 1e-9, abs: 1e-9 }, model.kind);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('silhouette values lie in [-1, 1] and never NaN', () => {
    fc.assert(
      fc.property(matrix, fc.nat(100), (X, seed) => {
        const k = Math.min(3, distinctRows(X));
        fc.pre(k >= 2 && k < X.length);
        const { labels } = fitKMeans(X, { k, seed, nInit: 1 });
        for (const s of silhouetteSamples(X, labels)) expect(s >= -1 && s <= 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
