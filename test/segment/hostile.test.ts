/**
 * Regression tests for hostile input found by the hardening issue's fuzz run (segment).
 */
import { describe, expect, it } from 'vitest';
import {
  calinskiHarabaszScore,
  daviesBouldinScore,
  fitKMeans,
  fitMinMaxScaler,
  fitOneHotEncoder,
  fitPreprocessor,
  fitStandardScaler,
  InvalidInputError,
  ModelFormatError,
  predictKMeans,
  silhouetteScore,
  transformOneHotEncoder,
  transformPreprocessor,
  transformScaler,
} from 'crmkit/segment';

const X = [[1e308, -1e308], [1e308, 1e308], [-1e308, 1e308], [-1e308, -1e308], [0, 0], [1e307, 1e307]];
const labels = [0, 0, 1, 1, 0, 1];
const tiny = X.map((r) => r.map((v) => v * 2 ** -1000));

describe('scores near the double range', () => {
  it('silhouette, Calinski–Harabasz and Davies–Bouldin on ±1e308 equal the scores of the same points scaled down (were NaN)', () => {
    for (const score of [silhouetteScore, calinskiHarabaszScore, daviesBouldinScore]) {
      const big = score(X, labels);
      expect(Number.isFinite(big)).toBe(true);
      expect(big).toBe(score(tiny, labels));
    }
  });

  it('fitMinMaxScaler on columns spanning ±1e308 maps min to 0 and max to 1 (scale was 0)', () => {
    const mm = fitMinMaxScaler(X);
    const t = transformScaler(mm, X);
    expect(mm.scale.every((s) => s > 0)).toBe(true);
    expect(t[0]![0]).toBeCloseTo(1, 12);
    expect(t[3]![0]).toBe(0);
    expect(t[4]![0]).toBeCloseTo(0.5, 12);
  });

  it('fitStandardScaler with a variance beyond the double range is a typed error naming the column (mean was NaN)', () => {
    expect(() => fitStandardScaler(X)).toThrow(InvalidInputError);
    expect(() => fitStandardScaler(X)).toThrow(/segment\/fitStandardScaler: column 0/);
    // large but representable: mean and variance exact to rounding
    const m = fitStandardScaler([[1e150], [3e150]]);
    expect(m.mean[0]).toBe(2e150);
    expect(m.variance[0]! / 1e300).toBeCloseTo(1, 12);
  });
});

describe('malformed models passed to transform and predict functions', () => {
  const km = fitKMeans([[0], [1], [5], [6]], { k: 2, seed: 1 });

  it('predictKMeans with a NaN centroid is a ModelFormatError naming predictKMeans', () => {
    const bad = { ...km, centroids: [[Number.NaN], [1]] };
    expect(() => predictKMeans(bad, [[1]])).toThrow(ModelFormatError);
    expect(() => predictKMeans(bad, [[1]])).toThrow(/^segment\/predictKMeans: centroids\[0\]\[0\]/);
  });

  it('an encoder without categories is a ModelFormatError, not a TypeError', () => {
    const enc = fitOneHotEncoder([['a'], ['b']]);
    const broken = { ...enc, categories: undefined } as unknown as typeof enc;
    expect(() => transformOneHotEncoder(broken, [['a']])).toThrow(ModelFormatError);
    expect(() => transformOneHotEncoder(undefined as never, [['a']])).toThrow(/^segment\/transformOneHotEncoder: /);
  });

  it('a preprocessor whose scaler step holds a string is rejected by transformPreprocessor', () => {
    const { model } = fitPreprocessor([{ x: 1 }, { x: 2 }], { columns: [{ name: 'x', type: 'numeric', scaler: 'standard' }] });
    const step = model.steps[0] as unknown as { scaler: { mean: unknown[] } };
    const tampered = { ...model, steps: [{ ...step, scaler: { ...step.scaler, mean: ['1'] } }] } as unknown as typeof model;
    expect(() => transformPreprocessor(tampered, [{ x: 1 }])).toThrow(/^segment\/transformPreprocessor: /);
    expect(() => transformPreprocessor(tampered, [{ x: 1 }])).toThrow(ModelFormatError);
  });

  it('a valid model is checked once and then reused (same object, same result)', () => {
    expect(predictKMeans(km, [[0.2], [5.5]])).toEqual(predictKMeans(km, [[0.2], [5.5]]));
  });
});
