import { describe, expect, it } from 'vitest';
import {
  DimensionMismatchError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  featureImportances,
  fitDecisionTree,
  fitRandomForest,
  fitRegressionTree,
  parseDecisionTreeModel,
  parseRandomForestModel,
  parseRegressionTreeModel,
  predictDecisionTree,
  predictProbaDecisionTree,
  predictRandomForest,
  treeToRules,
  treeToText,
} from 'crmkit/classify';

describe('fitDecisionTree: the measured gaps of ml-cart 2.1.1', () => {
  it('tied values: x = [0,0,0,1,1], y = [1,0,0,0,0] splits at 0.5 in every row order', () => {
    const X = [[0], [0], [0], [1], [1]];
    const y = [1, 0, 0, 0, 0];
    const orders = [[0, 1, 2, 3, 4], [1, 2, 0, 4, 3], [3, 4, 2, 1, 0], [4, 0, 3, 1, 2]];
    for (const ord of orders) {
      const m = fitDecisionTree(ord.map((i) => X[i]!), ord.map((i) => y[i]!));
      // x <= 0.5 holds 1 positive of 3; x > 0.5 is pure: gini falls from 0.32 to 0.2667
      expect([m.tree.feature[0], m.tree.threshold[0], m.tree.left.length]).toEqual([0, 0.5, 3]);
      expect(predictProbaDecisionTree(m, [[0], [1]])).toEqual([[2 / 3, 1 / 3], [1, 0]]);
    }
  });
  it('no absolute gain threshold: a split with a tiny impurity decrease is still made by default', () => {
    // 1 positive among 200 rows: the best split lowers weighted gini by ~0.005 (< ml-cart's 0.01)
    const X = Array.from({ length: 200 }, (_, i) => [i]);
    const y = X.map(([i]) => (i === 199 ? 1 : 0));
    const m = fitDecisionTree(X, y, { maxDepth: 1 });
    expect(m.tree.left.length).toBe(3);
    const gain = m.tree.impurity[0]! - 0; // both children are pure
    expect(gain).toBeLessThan(0.01);
    // and minImpurityDecrease, when asked for, is the weighted decrease (scikit-learn's definition)
    expect(fitDecisionTree(X, y, { maxDepth: 1, minImpurityDecrease: gain + 1e-9 }).tree.left.length).toBe(1);
    expect(fitDecisionTree(X, y, { maxDepth: 1, minImpurityDecrease: gain - 1e-9 }).tree.left.length).toBe(3);
  });
  it('boolean labels: a plainly positive point is predicted true', () => {
    const m = fitDecisionTree([[0], [1], [2], [10], [11], [12]], [false, false, false, true, true, true]);
    expect(m.classes).toEqual([false, true]);
    expect(predictDecisionTree(m, [[11.5], [0.5]])).toEqual([true, false]);
  });
  it('predict with the wrong feature count or NaN throws a typed error', () => {
    const m = fitDecisionTree([[0, 1], [1, 0]], [0, 1]);
    expect(() => predictDecisionTree(m, [[0]])).toThrow(DimensionMismatchError);
    expect(() => predictDecisionTree(m, [[0, 1, 2]])).toThrow(DimensionMismatchError);
    expect(() => predictDecisionTree(m, [[NaN, 1]])).toThrow(InvalidInputError);
    expect(() => predictProbaDecisionTree(m, [[0, Infinity]])).toThrow(InvalidInputError);
  });
  it('predictProba rows have one entry per class and sum to 1, even for 3 classes with pure leaves', () => {
    const m = fitDecisionTree([[0], [1], [2], [3]], ['a', 'b', 'c', 'c']);
    for (const row of predictProbaDecisionTree(m, [[0], [1], [2.5]])) {
      expect(row.length).toBe(3);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
  it('minSamplesLeaf, classWeight and feature importances exist', () => {
    const X = [[0], [1], [2], [3], [4], [5]];
    const y = [0, 0, 0, 1, 1, 1];
    const m = fitDecisionTree(X, y, { minSamplesLeaf: 4 });
    expect(m.tree.left.length).toBe(1); // no split leaves 4 rows on both sides
    const w = fitDecisionTree(X, [0, 0, 0, 0, 0, 1], { classWeight: 'balanced', maxDepth: 1 });
    expect(w.classWeights).toEqual([6 / 10, 6 / 2]);
    expect(featureImportances(fitDecisionTree([[0, 5], [1, 5]], [0, 1]))[0]).toEqual({ feature: 0, name: 'x0', importance: 1 });
  });
  it('unknown options are rejected', () => {
    expect(() => fitDecisionTree([[0], [1]], [0, 1], { gainThreshold: 0.01 } as never)).toThrow(InvalidOptionError);
    expect(() => fitRandomForest([[0], [1]], [0, 1], { ccpAlpha: 0.1 } as never)).toThrow(InvalidOptionError);
    const m = fitDecisionTree([[0], [1]], [0, 1]);
    expect(() => predictDecisionTree(m, [[0]], { strict: true } as never)).toThrow(InvalidOptionError);
  });
});

describe('fitDecisionTree(X, y, options): bad input', () => {
  it('labels of another length, one class, NaN features, maxDepth 0', () => {
    expect(() => fitDecisionTree([[0], [1]], [0])).toThrow(DimensionMismatchError);
    expect(() => fitDecisionTree([[0], [1]], [1, 1])).toThrow(InvalidInputError);
    expect(() => fitDecisionTree([[0], [NaN]], [0, 1])).toThrow(InvalidInputError);
    expect(() => fitDecisionTree([[0], [1]], [0, 1], { maxDepth: 0 })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree([[0], [1]], [0, 'a'] as never)).toThrow(InvalidInputError);
    expect(() => fitDecisionTree([[0], [1]], [0, NaN])).toThrow(InvalidInputError);
    expect(() => fitDecisionTree([[0], [1]], [0, 1], { sampleWeight: [1, -1] })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree([[0], [1]], [0, 1], { maxFeatures: 2 })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree([[0], [1]], [0, 1], { classWeight: { 7: 2 } })).toThrow(InvalidOptionError);
    expect(() => fitDecisionTree([[0], [1]], [0, 1], { classWeight: { 0: 0, 1: 0 } })).toThrow(/no row with a positive weight/);
    expect(() => fitRandomForest([[0], [1]], [0, 1], { classWeight: new Map([[0, 0], [1, 0]]) })).toThrow(InvalidOptionError);
  });
  it('feature names: unknown or reordered features at predict time throw', () => {
    const m = fitDecisionTree([[0, 1], [1, 0]], [0, 1], { featureNames: ['age', 'balance'] });
    expect(predictDecisionTree(m, [[1, 0]], { featureNames: ['age', 'balance'] })).toEqual([1]);
    expect(() => predictDecisionTree(m, [[1, 0]], { featureNames: ['balance', 'age'] })).toThrow(InvalidInputError);
    expect(() => predictDecisionTree(m, [[1, 0]], { featureNames: ['age', 'city'] })).toThrow(/unknown or reordered/);
  });
  it('does not mutate its inputs', () => {
    const X = Object.freeze([Object.freeze([1, 2]), Object.freeze([3, 4]), Object.freeze([5, 1])]);
    const y = Object.freeze([0, 1, 1]);
    expect(() => fitDecisionTree(X as number[][], y as number[])).not.toThrow();
  });
});

describe('model JSON', () => {
  const X = [[1, 0], [2, 1], [3, 0], [8, 1], [9, 0], [10, 1]];
  const y = ['no', 'no', 'yes', 'yes', 'yes', 'no'];
  it('a tree, a regression tree and a forest survive JSON round trips and predict the same', () => {
    const t = fitDecisionTree(X, y);
    const t2 = parseDecisionTreeModel(JSON.parse(JSON.stringify(t)));
    expect(predictProbaDecisionTree(t2, X)).toEqual(predictProbaDecisionTree(t, X));
    const r = fitRegressionTree(X, [1, 2, 3, 4, 5, 6]);
    expect(parseRegressionTreeModel(JSON.parse(JSON.stringify(r)))).toEqual(r);
    const f = fitRandomForest(X, y, { nEstimators: 5 });
    expect(predictRandomForest(parseRandomForestModel(JSON.parse(JSON.stringify(f))), X)).toEqual(predictRandomForest(f, X));
  });
  it('a model of another kind or version, or a broken one, throws ModelFormatError', () => {
    const t = fitDecisionTree(X, y);
    const r = fitRegressionTree(X, [1, 2, 3, 4, 5, 6]);
    expect(() => parseDecisionTreeModel(r)).toThrow(ModelFormatError);
    expect(() => parseDecisionTreeModel({ ...t, formatVersion: 2 })).toThrow(ModelFormatError);
    expect(() => parseDecisionTreeModel({ name: 'DTClassifier', root: {} })).toThrow(ModelFormatError);
    expect(() => parseDecisionTreeModel({ ...t, tree: { ...t.tree, left: t.tree.left.map(() => 0) } })).toThrow(ModelFormatError);
    expect(() => parseRandomForestModel(t)).toThrow(ModelFormatError);
  });
});

describe('treeToRules / treeToText', () => {
  it('rules merge bounds, cover every training row once, and report class shares', () => {
    const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
    const y = [0, 0, 1, 1, 1, 0, 0, 0];
    const m = fitDecisionTree(X, y, { featureNames: ['visits'] });
    const rules = treeToRules(m);
    expect(rules.reduce((a, r) => a + r.support, 0)).toBe(8);
    const middle = rules.find((r) => r.prediction === 1)!;
    expect(middle.conditions).toEqual([{ feature: 0, name: 'visits', greaterThan: 2.5, atMost: 5.5 }]);
    expect(middle.text).toBe('if 2.50 < visits <= 5.50 then 1 (support 3 = 37.50%; 0 0.00%, 1 100.00%)');
    expect(treeToText(m).split('\n')[0]).toBe('|--- visits <= 5.50'); // gini: 5 rows at 0.48 beats 6 rows at 0.5
  });
});

describe('treeToRules(model, { categories })', () => {
  it('prints ordinal-coded categories as sets and rejects unknown features', () => {
    const m = fitDecisionTree([[0, 1], [1, 1], [2, 1], [3, 1]], [0, 0, 1, 1], { featureNames: ['poutcome', 'x'] });
    const rules = treeToRules(m, { categories: { poutcome: ['failure', 'other', 'success', 'unknown'] } });
    expect(rules.map((r) => r.conditions[0]!.levels)).toEqual([['failure', 'other'], ['success', 'unknown']]);
    expect(rules[1]!.text.startsWith('if poutcome in {success, unknown} then 1')).toBe(true);
    expect(() => treeToRules(m, { categories: { city: ['a'] } })).toThrow(InvalidInputError);
  });
});
