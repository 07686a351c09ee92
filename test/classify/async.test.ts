import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  crossValidate,
  crossValidateAsync,
  fitDecisionTree,
  fitLogisticRegression,
  fitLogisticRegressionAsync,
  fitRandomForest,
  fitRandomForestAsync,
  gridSearch,
  gridSearchAsync,
  predictDecisionTree,
} from 'crmkit/classify';
import { createRandom, type Progress } from 'crmkit';
import { expectSameAsync, expectStopsOnTimer } from '../helpers/longWork.js';

function data(n: number, d: number, seed: number, classes = 2): { X: number[][]; y: number[] } {
  const r = createRandom(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    X.push(Array.from({ length: d }, (_, j) => r.normal() + (j === 0 ? c : 0)));
    y.push(c);
  }
  return { X, y };
}

describe('awaitable forms of classify', () => {
  test.prop([fc.integer({ min: 6, max: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 0, max: 1e6 })], { numRuns: 15 })(
    'each equals its synchronous form, yielding at every checkpoint',
    async (n, d, k, seed) => {
      const { X, y } = data(n, d, seed, k);
      await expectSameAsync(fitLogisticRegression, fitLogisticRegressionAsync, X, y, {});
      await expectSameAsync(fitLogisticRegression, fitLogisticRegressionAsync, X, y, { penalty: 'l1', C: 0.5 });
      await expectSameAsync(fitRandomForest, fitRandomForestAsync, X, y, { nEstimators: 5, seed, oobScore: true });
      const fit = (Xt: readonly (readonly number[])[], yt: readonly (string | number | boolean)[]) => fitDecisionTree(Xt, yt, { maxDepth: 2 });
      await expectSameAsync(crossValidate, crossValidateAsync, fit, predictDecisionTree, X, y, { cv: 3, stratified: false });
      const byDepth = (Xt: readonly (readonly number[])[], yt: readonly (string | number | boolean)[], p: Record<string, unknown>) => fitDecisionTree(Xt, yt, { maxDepth: p.maxDepth as number });
      const gridOptions = { grid: { maxDepth: [1, 3] }, cv: 2, stratified: false };
      await expectSameAsync((Xs: number[][]) => gridSearch(byDepth, predictDecisionTree, Xs, y, gridOptions), (Xs: number[][]) => gridSearchAsync(byDepth, predictDecisionTree, Xs, y, gridOptions), X);
    },
  );

  it('the new signal/onProgress options of fitRandomForest, crossValidate and gridSearch work in the sync forms', () => {
    const { X, y } = data(40, 2, 1);
    const seen: Progress[] = [];
    fitRandomForest(X, y, { nEstimators: 3, onProgress: (p) => seen.push(p) });
    crossValidate((Xt, yt) => fitDecisionTree(Xt, yt), predictDecisionTree, X, y, { cv: 2, onProgress: (p) => seen.push(p) });
    gridSearch((Xt, yt) => fitDecisionTree(Xt, yt), predictDecisionTree, X, y, { grid: { a: [1, 2] }, cv: 2, onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.completed === p.total).map((p) => p.fn)).toEqual(['classify/fitRandomForest', 'classify/crossValidate', 'classify/gridSearch']);
    const ac = new AbortController();
    ac.abort();
    expect(() => fitRandomForest(X, y, { signal: ac.signal })).toThrow(expect.objectContaining({ code: 'ABORTED', fn: 'classify/fitRandomForest' }));
  });

  it('each stops within 100 ms of a real setTimeout abort', async () => {
    const big = data(20_000, 10, 2, 3);
    await expectStopsOnTimer('classify/fitLogisticRegressionAsync', (signal) => fitLogisticRegressionAsync(big.X, big.y, { tolerance: 0, maxIterations: 100_000, signal }));
    // one unit (a tree, a fold's fit) of a few ms: the checks are about the driver, not about unit size
    const small = data(2000, 8, 4);
    await expectStopsOnTimer('classify/fitRandomForestAsync', (signal) => fitRandomForestAsync(small.X, small.y, { nEstimators: 5000, signal }));
    const mid = data(5000, 8, 3);
    const fit = (Xt: readonly (readonly number[])[], yt: readonly (string | number | boolean)[]) => fitDecisionTree(Xt, yt, { maxDepth: 3 });
    await expectStopsOnTimer('classify/crossValidateAsync', (signal) => crossValidateAsync(fit, predictDecisionTree, mid.X, mid.y, { cv: 200, signal }));
    await expectStopsOnTimer('classify/gridSearchAsync', (signal) => gridSearchAsync(fit, predictDecisionTree, mid.X, mid.y, { grid: { a: Array.from({ length: 200 }, (_, i) => i) }, cv: 10, signal }));
  });
});
