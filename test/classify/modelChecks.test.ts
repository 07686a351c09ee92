/**
 * Model arguments of every transform / predict / rules function are checked with the parse
 * functions' structural check, once per model object (issue 17 / 20): a malformed model gives a
 * ModelFormatError naming the called function, never a TypeError or an endless walk.
 */
import { describe, expect, it } from 'vitest';
import {
  featureImportances,
  fitDecisionTree,
  fitRandomForest,
  fitRegressionTree,
  ModelFormatError,
  parseDecisionTreeModel,
  parseRegressionTreeModel,
  predictDecisionTree,
  predictProbaDecisionTree,
  predictProbaRandomForest,
  predictRandomForest,
  predictRegressionTree,
  treeToRules,
  treeToText,
  type DecisionTreeModel,
  type RegressionTreeModel,
} from 'crmkit/classify';

const X = [[1, 0], [2, 1], [3, 0], [8, 1], [9, 0], [10, 1]];
const clf = fitDecisionTree(X, [0, 0, 0, 1, 1, 1]);
const reg = fitRegressionTree(X, [1, 2, 3, 8, 9, 10]);
const forest = fitRandomForest(X, [0, 0, 0, 1, 1, 1], { nEstimators: 3, seed: 1 });
const copy = <T>(m: T): T => JSON.parse(JSON.stringify(m)) as T;

function expectModelError(f: () => unknown, fn: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    expect((e as ModelFormatError).fn).toBe(`classify/${fn}`);
    return;
  }
  throw new Error(`${fn} accepted a malformed model`);
}

describe('tree models are checked by every function that takes one', () => {
  it('an edited regression tree with a cycle: predictRegressionTree throws instead of looping', () => {
    const m = copy(reg);
    m.tree.left[0] = 0;
    expectModelError(() => predictRegressionTree(m, [[5, 0]]), 'predictRegressionTree');
    expectModelError(() => treeToRules(m), 'treeToRules');
    expectModelError(() => treeToText(m), 'treeToText');
  });
  it('a cycle further down (child pointing back to an ancestor)', () => {
    const m = copy(clf);
    const inner = m.tree.left.findIndex((l, i) => i > 0 && l > 0);
    const at = inner > 0 ? inner : m.tree.left.findIndex((l) => l < 0);
    m.tree.left[at] = 0;
    m.tree.right[at] = 0;
    expectModelError(() => predictDecisionTree(m, [[5, 0]]), 'predictDecisionTree');
  });
  it('missing or wrongly sized arrays give ModelFormatError, not TypeError', () => {
    const noTree = { ...clf, tree: undefined } as unknown as DecisionTreeModel;
    expectModelError(() => predictDecisionTree(noTree, [[5, 0]]), 'predictDecisionTree');
    expectModelError(() => predictProbaDecisionTree(noTree, [[5, 0]]), 'predictProbaDecisionTree');
    expectModelError(() => treeToRules(noTree), 'treeToRules');
    const shortImportances = { ...clf, featureImportances: [1] };
    expectModelError(() => featureImportances(shortImportances), 'featureImportances');
    expectModelError(() => featureImportances({ featureImportances: [1, 0], featureNames: null, nFeatures: 2 }), 'featureImportances');
    expectModelError(() => predictRandomForest({ ...forest, trees: [] }, [[1, 0]]), 'predictRandomForest');
    expectModelError(() => predictProbaRandomForest({ ...forest, classes: [0] }, [[1, 0]]), 'predictProbaRandomForest');
  });
  it('negative class counts (probabilities outside [0, 1]) are rejected by parse and predict', () => {
    const m = copy(clf);
    const leaf = m.tree.left.findIndex((l) => l < 0);
    m.tree.value[leaf] = [-5, 6];
    expect(() => parseDecisionTreeModel(m)).toThrow(ModelFormatError);
    expectModelError(() => predictProbaDecisionTree(m, [[5, 0]]), 'predictProbaDecisionTree');
  });
  it('regression leaf values may be negative', () => {
    const m = copy(reg) as RegressionTreeModel;
    m.tree.value = m.tree.value.map(([v]) => [-v!]);
    expect(parseRegressionTreeModel(m).kind).toBe('regressionTree');
    expect(predictRegressionTree(m, [[1, 0]])[0]).toBeLessThan(0);
  });
  it('valid models keep working, and featureImportances still takes forests', () => {
    expect(featureImportances(forest)).toHaveLength(2);
    expect(predictDecisionTree(copy(clf), [[9, 0]])).toEqual([1]);
  });
});
