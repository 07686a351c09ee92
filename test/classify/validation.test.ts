import { describe, expect, it } from 'vitest';
import {
  InvalidInputError,
  InvalidOptionError,
  crossValidate,
  fitDecisionTree,
  gridSearch,
  kFold,
  predictDecisionTree,
  predictProbaDecisionTree,
  stratifiedKFold,
  trainTestSplit,
} from 'crmkit/classify';

const y = Array.from({ length: 103 }, (_, i) => (i % 10 === 0 ? 'yes' : 'no'));
const X = y.map((_, i) => [i, (i * 7) % 13]);

describe('trainTestSplit(X, y, options)', () => {
  it('is stratified, seeded, disjoint and complete', () => {
    const a = trainTestSplit(X, y, { testSize: 0.3, seed: 5 });
    const b = trainTestSplit(X, y, { testSize: 0.3, seed: 5 });
    expect(a.testIndex).toEqual(b.testIndex);
    expect(trainTestSplit(X, y, { testSize: 0.3, seed: 6 }).testIndex).not.toEqual(a.testIndex);
    expect([...a.trainIndex, ...a.testIndex].sort((p, q) => p - q)).toEqual(X.map((_, i) => i));
    // 11 'yes' rows -> round(0.3 * 11) = 3 in test; 92 'no' -> 28
    expect(a.yTest.filter((c) => c === 'yes').length).toBe(3);
    expect(a.yTest.length).toBe(31);
  });
  it('rejects bad sizes', () => {
    expect(() => trainTestSplit(X, y, { testSize: 1 })).toThrow(InvalidOptionError);
    expect(() => trainTestSplit(X, y.slice(1))).toThrow(/one label per row/);
  });
});

describe('kFold / stratifiedKFold', () => {
  it('kFold: every row tested once, sizes differ by at most one', () => {
    const folds = kFold(103, { nSplits: 5, shuffle: true, seed: 1 });
    const all = folds.flatMap((f) => f.testIndex).sort((p, q) => p - q);
    expect(all).toEqual(X.map((_, i) => i));
    expect(folds.map((f) => f.testIndex.length)).toEqual([21, 21, 21, 20, 20]);
    for (const f of folds) expect(f.trainIndex.length + f.testIndex.length).toBe(103);
  });
  it('stratifiedKFold: each fold holds 2 or 3 of the 11 positives', () => {
    const folds = stratifiedKFold(y, { nSplits: 5, shuffle: true, seed: 2 });
    for (const f of folds) {
      const pos = f.testIndex.filter((i) => y[i] === 'yes').length;
      expect(pos === 2 || pos === 3).toBe(true);
    }
    expect(folds.flatMap((f) => f.testIndex).length).toBe(103);
    expect(() => stratifiedKFold(['a', 'a', 'b'], { nSplits: 2 })).toThrow(InvalidInputError);
  });
});

describe('crossValidate / gridSearch', () => {
  const fit = (Xt: readonly (readonly number[])[], yt: readonly (string | number | boolean)[]) => fitDecisionTree(Xt as number[][], yt, { maxDepth: 2 });
  it('scores each fold on held-out rows only and needs predictScore for AUC', () => {
    const r = crossValidate(fit, predictDecisionTree, X, y, {
      cv: 4,
      scoring: ['accuracy', 'rocAuc'],
      posLabel: 'yes',
      predictScore: (m, Xt) => predictProbaDecisionTree(m, Xt as number[][]).map((p) => p[1]!),
    });
    expect(r.scores.accuracy!.length).toBe(4);
    expect(r.mean.accuracy).toBeCloseTo(r.scores.accuracy!.reduce((a, b) => a + b, 0) / 4, 14);
    expect(() => crossValidate(fit, predictDecisionTree, X, y, { scoring: 'rocAuc' })).toThrow(InvalidOptionError);
    expect(() => crossValidate(fit, predictDecisionTree, X, y, { scoring: 'auc' as never })).toThrow(InvalidOptionError);
  });
  it('gridSearch tries every combination on the same folds', () => {
    const r = gridSearch((Xt, yt, p) => fitDecisionTree(Xt as number[][], yt, { maxDepth: p.maxDepth as number, minSamplesLeaf: p.leaf as number }), predictDecisionTree, X, y, {
      grid: { maxDepth: [1, 3], leaf: [1, 5] },
      cv: 3,
    });
    expect(r.results.map((c) => c.params)).toEqual([{ maxDepth: 1, leaf: 1 }, { maxDepth: 1, leaf: 5 }, { maxDepth: 3, leaf: 1 }, { maxDepth: 3, leaf: 5 }]);
    expect(r.bestScore).toBe(Math.max(...r.results.map((c) => c.mean)));
  });
});

describe('kFold vs scikit-learn KFold (no shuffle)', () => {
  it('gives the same test blocks', async () => {
    const { fixture } = await import('./_data.js');
    for (const ref of fixture().kFold as Array<{ n: number; k: number; testIndex: number[][] }>) {
      expect(kFold(ref.n, { nSplits: ref.k }).map((f) => f.testIndex), `n=${ref.n} k=${ref.k}`).toEqual(ref.testIndex);
    }
  });
});
