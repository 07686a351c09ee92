import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { fitDecisionTree, fitRandomForest, predictProbaDecisionTree, predictProbaRandomForest, rocAucScore } from 'crmkit/classify';

const data = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -3, max: 3 }), fc.boolean()), { minLength: 4, maxLength: 40 })
  .filter((rows) => rows.some((r) => r[2]) && rows.some((r) => !r[2]));

test.prop([data, fc.integer({ min: 0, max: 1000 })])('the tree does not depend on row order (ties included)', (rows, s) => {
  const X = rows.map((r) => [r[0], r[1]]);
  const y = rows.map((r) => r[2]);
  const perm = rows.map((_, i) => i).sort((a, b) => ((a * 7919 + s) % 101) - ((b * 7919 + s) % 101));
  const a = fitDecisionTree(X, y);
  const b = fitDecisionTree(perm.map((i) => X[i]!), perm.map((i) => y[i]!));
  expect(b.tree.feature).toEqual(a.tree.feature);
  expect(b.tree.threshold).toEqual(a.tree.threshold);
  expect(b.tree.value).toEqual(a.tree.value);
});

test.prop([data])('probabilities are in [0, 1] and sum to 1; training rows of a pure leaf are predicted with certainty', (rows) => {
  const X = rows.map((r) => [r[0], r[1]]);
  const y = rows.map((r) => r[2]);
  const m = fitDecisionTree(X, y);
  for (const p of predictProbaDecisionTree(m, X)) {
    expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    expect(p[0]! >= 0 && p[1]! >= 0).toBe(true);
  }
});

test.prop([data, fc.integer({ min: 0, max: 2 ** 32 - 1 })])('a forest is a function of its seed', (rows, seed) => {
  const X = rows.map((r) => [r[0], r[1]]);
  const y = rows.map((r) => r[2]);
  const a = fitRandomForest(X, y, { nEstimators: 3, seed });
  const b = fitRandomForest(X, y, { nEstimators: 3, seed });
  expect(predictProbaRandomForest(a, X)).toEqual(predictProbaRandomForest(b, X));
});

test.prop([data])('AUC is invariant to a monotone transform of the scores and lies in [0, 1]', (rows) => {
  const y = rows.map((r) => r[2]);
  const s = rows.map((r) => r[0] + r[1] / 10);
  const auc = rocAucScore(y, s);
  expect(auc).toBeGreaterThanOrEqual(0);
  expect(auc).toBeLessThanOrEqual(1);
  expect(rocAucScore(y, s.map((v) => Math.exp(v)))).toBeCloseTo(auc, 12);
});
