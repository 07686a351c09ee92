/**
 * Reference: scikit-learn 1.2.1 DecisionTreeClassifier / DecisionTreeRegressor with float
 * min_samples_split / min_samples_leaf (scripts/reference/classify_fractional.py). Continuous
 * features; the kernel replays scikit-learn's feature order (test hook) so equally good splits resolve
 * the same way: structure and thresholds must be identical (float32 thresholds: scikit-learn
 * rounds features to float32, so the data is stored with 3 decimals and thresholds compared at 1e-6).
 */
import { describe, expect, it } from 'vitest';
import { fitDecisionTree, InvalidOptionError } from 'crmkit/classify';
import { expectAllClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';
import { _growClassifier } from '../../src/classify/fitDecisionTree.js';
import { _fitRegressionTree } from '../../src/classify/fitRegressionTree.js';

interface Case { kind: 'classifier' | 'regressor'; params: Record<string, number>; nodeCount: number; left: number[]; right: number[]; feature: number[]; threshold: number[] }
const fx = loadFixture<{ X: number[][]; y: number[]; yRegression: number[]; sklearnRandState: number; cases: Case[] }>('classify_fractional');

describe('fractional minSamplesSplit / minSamplesLeaf = scikit-learn floats', () => {
  for (const c of fx.cases) {
    it(`${c.kind} ${JSON.stringify(c.params)}: same tree`, () => {
      const o: { minSamplesSplit?: number; minSamplesLeaf?: number } = {};
      if (c.params.min_samples_split !== undefined) o.minSamplesSplit = c.params.min_samples_split;
      if (c.params.min_samples_leaf !== undefined) o.minSamplesLeaf = c.params.min_samples_leaf;
      // scikit-learn's feature visiting order (test hook): small nodes often have several equally good splits
      const t = c.kind === 'classifier' ? _growClassifier('test', fx.X, fx.y, o, fx.sklearnRandState).tree : _fitRegressionTree(fx.X, fx.yRegression, o, fx.sklearnRandState).tree;
      expect(t.left.length).toBe(c.nodeCount);
      expect([t.left, t.right, t.feature]).toEqual([c.left, c.right, c.feature]);
      expectAllClose(t.threshold, c.threshold, { abs: 1e-6 }, 'thresholds');
    });
  }
  it('stores the resolved counts in params, and a share equals its count', () => {
    const a = fitDecisionTree(fx.X, fx.y, { minSamplesSplit: 0.1, minSamplesLeaf: 0.03 });
    expect([a.params.minSamplesSplit, a.params.minSamplesLeaf]).toEqual([20, 6]);
    expect(fitDecisionTree(fx.X, fx.y, { minSamplesSplit: 20, minSamplesLeaf: 6 }).tree).toEqual(a.tree);
  });
  it('maxFeatures as a share: max(1, ⌊share · F⌋) features per split', () => {
    const a = fitDecisionTree(fx.X, fx.y, { maxFeatures: 0.5, seed: 3 });
    expect(a.tree).toEqual(fitDecisionTree(fx.X, fx.y, { maxFeatures: 2, seed: 3 }).tree);
    expect(fitDecisionTree(fx.X, fx.y, { maxFeatures: 0.1, seed: 3 }).tree).toEqual(fitDecisionTree(fx.X, fx.y, { maxFeatures: 1, seed: 3 }).tree);
  });
  it('rejects shares outside (0, 1) and non-integer counts', () => {
    expect(() => fitDecisionTree(fx.X, fx.y, { minSamplesLeaf: 1.5 })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree(fx.X, fx.y, { minSamplesSplit: 1 })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree(fx.X, fx.y, { minSamplesLeaf: 0 })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree(fx.X, fx.y, { maxFeatures: 1.5 })).toThrow(InvalidOptionError);
  });
});
