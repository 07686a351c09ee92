/**
 * Reference: scikit-learn 1.2.1 `permutation_importance` and `partial_dependence` (method 'brute')
 * on the same trees (scripts/reference/classify_inspection.py). The trees are grown with the test
 * hook that replays scikit-learn's feature order, so they are scikit-learn's trees; the permutation
 * test feeds the shuffles scikit-learn applied (replayed from its RandomState in the script).
 * Tolerance 1e-9 (closed form on identical predictions).
 */
import { describe, expect, it } from 'vitest';
import { fitDecisionTree, InvalidOptionError, ModelFormatError, partialDependence, permutationImportance, type DecisionTreeModel } from 'crmkit/classify';
import { _growClassifier } from '../../src/classify/fitDecisionTree.js';
import { _fitRegressionTree } from '../../src/classify/fitRegressionTree.js';
import { _permutationImportance } from '../../src/classify/permutationImportance.js';
import { treeImportances } from '../../src/classify/_tree.js';
import { expectAllClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Perm { importances: number[][]; mean: number[]; std: number[] }
const fx = loadFixture<{
  X: number[][]; y: number[]; yRegression: number[]; nRepeats: number; shuffles: number[][]; sklearnRandState: number;
  classifierNodeCount: number; regressorNodeCount: number; permutation: Record<string, Perm>; partialDependence: Record<string, { grid: number[]; average: number[] }>;
}>('classify_inspection');

const g = _growClassifier('test', fx.X, fx.y, { maxDepth: 4 }, fx.sklearnRandState);
const clf: DecisionTreeModel = { kind: 'decisionTree', formatVersion: 1, params: g.params, nFeatures: 4, featureNames: null, classes: g.enc.classes, classWeights: [1, 1], tree: g.tree, featureImportances: treeImportances(g.tree, 4) };
const reg = _fitRegressionTree(fx.X, fx.yRegression, { maxDepth: 4 }, fx.sklearnRandState);

describe('permutationImportance = scikit-learn permutation_importance with the same shuffles', () => {
  it('the trees are scikit-learn\'s', () => {
    expect([clf.tree.left.length, reg.tree.left.length]).toEqual([fx.classifierNodeCount, fx.regressorNodeCount]);
  });
  for (const scoring of ['accuracy', 'rocAuc', 'r2', 'negMeanSquaredError'] as const) {
    it(`${scoring}: every repeat's drop, the mean and the std (1e-9)`, () => {
      const model = scoring === 'accuracy' || scoring === 'rocAuc' ? clf : reg;
      const y = model === clf ? fx.y : fx.yRegression;
      const r = _permutationImportance('test', model, fx.X, y, { scoring, nRepeats: fx.nRepeats }, fx.shuffles);
      const ref = fx.permutation[scoring]!;
      const byFeature = [...r.features].sort((a, b) => a.feature - b.feature);
      byFeature.forEach((row, f) => {
        expectAllClose(row.importances, ref.importances[f]!, { abs: 1e-9 }, `feature ${f}`);
        expectAllClose([row.importanceMean, row.importanceStd], [ref.mean[f]!, ref.std[f]!], { abs: 1e-9 }, `feature ${f} mean/std`);
      });
    });
  }
  it('the public function is seeded, ranks largest drop first and names features', () => {
    const model = fitDecisionTree(fx.X, fx.y, { maxDepth: 4, featureNames: ['a', 'b', 'c', 'd'] });
    const a = permutationImportance(model, fx.X, fx.y, { seed: 3 });
    expect(permutationImportance(model, fx.X, fx.y, { seed: 3 })).toEqual(a);
    expect(a.features.map((f) => f.importanceMean)).toEqual([...a.features.map((f) => f.importanceMean)].sort((p, q) => q - p));
    expect(a.features.map((f) => f.name).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('bad input: typed errors', () => {
    expect(() => permutationImportance(clf, fx.X, fx.y, { scoring: 'r2' })).toThrow(InvalidOptionError);
    expect(() => permutationImportance({ kind: 'svm' } as never, fx.X, fx.y)).toThrow(ModelFormatError);
    expect(() => permutationImportance(clf, fx.X, fx.y, { nRepeats: 0 })).toThrow(InvalidOptionError);
  });
});

describe('partialDependence = scikit-learn partial_dependence (brute, average)', () => {
  for (const [key, ref] of Object.entries(fx.partialDependence)) {
    it(`${key}: grid and averages (1e-9)`, () => {
      const [kind, f, res] = key.split('-');
      const pd = partialDependence(kind === 'classifier' ? clf : reg, fx.X, Number(f), { gridResolution: Number(res) });
      expectAllClose(pd.grid, ref.grid, { abs: 1e-9, rel: 1e-12 }, 'grid');
      expectAllClose(pd.average, ref.average, { abs: 1e-9 }, 'average');
    });
  }
  it('bad input: typed errors', () => {
    expect(() => partialDependence(clf, fx.X, 4)).toThrow();
    expect(() => partialDependence(reg, fx.X, 0, { classLabel: 1 })).toThrow(InvalidOptionError);
    expect(() => partialDependence(clf, fx.X, 0, { percentiles: [0.9, 0.1] })).toThrow(InvalidOptionError);
  });
});
