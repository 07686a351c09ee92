/**
 * fitKMeans `refine: 'hartigan'`: Hartigan's single-point transfers after Lloyd. Checked against the
 * definition, not against our own outputs: a hand-worked case where Lloyd is stuck (inertia 16) and
 * one transfer reaches the optimum (14); and, on random data, that every restart ends no worse than
 * without refinement, that the result is a fixed point of the transfer rule (no single move of a
 * point to another cluster lowers the inertia; checked with the exact move cost at 1e-9 relative),
 * that centroids are the weighted means of their clusters (1e-9) and that every point is nearest its
 * own centroid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitKMeans, parseKMeansModel, predictKMeans } from 'crmkit/segment';
import { InvalidOptionError, ModelFormatError } from '../../src/core/errors.js';

const sq = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, t) => s + (v - b[t]!) ** 2, 0);

describe('fitKMeans refine: hartigan', () => {
  it('is the default after k-means++ and random starts, not from given centroids', () => {
    const X = [[0], [4], [5], [9], [10]];
    expect(fitKMeans(X, { k: 2, seed: 3 }).params.refine).toBe('hartigan');
    expect(fitKMeans(X, { k: 2, seed: 3, init: 'random' }).params.refine).toBe('hartigan');
    expect(fitKMeans(X, { k: 2, init: [[2], [7]] }).params.refine).toBe('none');
    expect(fitKMeans(X, { k: 2, seed: 3, refine: 'none' }).params.refine).toBe('none');
  });

  it('moves a point that Lloyd keeps: [0], [4], [5], [9] from centres 2 and 7 (inertia 16 → 14)', () => {
    const X = [[0], [4], [5], [9]];
    const lloyd = fitKMeans(X, { k: 2, init: [[2], [7]] });
    expect(lloyd.labels).toEqual([0, 0, 1, 1]);
    expect(lloyd.inertia).toBe(16); // a Lloyd fixed point: 4 is nearer 2 than 7
    // moving 4 from {0, 4} to {5, 9}: leaving costs 2/1·(4 − 2)² = 8, joining 2/3·(4 − 7)² = 6
    const refined = fitKMeans(X, { k: 2, init: [[2], [7]], refine: 'hartigan' });
    expect(refined.labels).toEqual([0, 1, 1, 1]);
    expect(refined.centroids).toEqual([[0], [6]]);
    expect(refined.inertia).toBe(14); // = the optimum ({0}, {4, 5, 9}); exact arithmetic on small integers
    expect(refined.params.refine).toBe('hartigan');
    expect(lloyd.params.refine).toBe('none');
  });

  it('rows of weight 0 end at their nearest centre (they cannot move the inertia)', () => {
    const X = [[0], [4], [5], [9], [4.4]];
    const m = fitKMeans(X, { k: 2, init: [[2], [7]], refine: 'hartigan', sampleWeight: [1, 1, 1, 1, 0] });
    expect(m.centroids).toEqual([[0], [6]]);
    expect(m.labels).toEqual([0, 1, 1, 1, 1]); // 4.4 is nearer 6 than 0
    expect(predictKMeans(m, X)).toEqual(m.labels);
  });

  it('rejects an unknown refine and a model with one', () => {
    expect(() => fitKMeans([[0], [1], [2]], { k: 2, refine: 'hartiganWong' as never })).toThrow(InvalidOptionError);
    const m = JSON.parse(JSON.stringify(fitKMeans([[0], [1], [5]], { k: 2, refine: 'hartigan' })));
    expect(parseKMeansModel(m).kind).toBe('kmeans');
    m.params.refine = 'lloyd';
    expect(() => parseKMeansModel(m)).toThrow(ModelFormatError);
    delete m.params.refine; // models saved before the option existed
    expect(parseKMeansModel(m).kind).toBe('kmeans');
  });

  const value = fc.integer({ min: -50, max: 50 }).map((v) => v / 4);
  const data = fc
    .tuple(fc.integer({ min: 6, max: 40 }), fc.integer({ min: 1, max: 4 }))
    .chain(([n, d]) => fc.tuple(fc.array(fc.array(value, { minLength: d, maxLength: d }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n })));

  it('is never worse per restart, ends at a fixed point of the transfer rule, with means as centroids', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: 2, max: 5 }), fc.nat(1000), fc.boolean(), ([X, weights], kWanted, seed, weighted) => {
        const k = Math.min(kWanted, new Set(X.map((r) => r.join(','))).size);
        if (k < 2) return;
        const w = weighted ? weights : X.map(() => 1);
        const opts = { k, seed, nInit: 3, ...(weighted ? { sampleWeight: weights } : {}) };
        const plain = fitKMeans(X, { ...opts, refine: 'none' });
        const refined = fitKMeans(X, opts); // the default after k-means++ starts
        refined.runInertias.forEach((v, r) => expect(v).toBeLessThanOrEqual(plain.runInertias[r]! * (1 + 1e-12) + 1e-12));
        const { labels, centroids } = refined;
        const W = new Array<number>(k).fill(0);
        labels.forEach((l, i) => (W[l] = W[l]! + w[i]!));
        for (let j = 0; j < k; j++) {
          const mean = X[0]!.map((_, t) => X.reduce((s, row, i) => s + (labels[i] === j ? w[i]! * row[t]! : 0), 0) / W[j]!);
          mean.forEach((v, t) => expect(Math.abs(v - centroids[j]![t]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v))));
        }
        X.forEach((x, i) => {
          const a = labels[i]!;
          const dA = sq(x, centroids[a]!);
          for (let b = 0; b < k; b++) {
            if (b === a) continue;
            const dB = sq(x, centroids[b]!);
            expect(dB).toBeGreaterThanOrEqual(dA * (1 - 1e-9) - 1e-12); // nearest own centroid
            if (W[a]! - w[i]! > 0) {
              const leave = ((w[i]! * W[a]!) / (W[a]! - w[i]!)) * dA;
              const join = ((w[i]! * W[b]!) / (W[b]! + w[i]!)) * dB;
              expect(join).toBeGreaterThanOrEqual(leave * (1 - 1e-9) - 1e-12);
            }
          }
        });
        expect(predictKMeans(refined, X)).toEqual(labels);
      }),
      { numRuns: 150 },
    );
  });
});
