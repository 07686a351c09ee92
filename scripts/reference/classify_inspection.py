#!/usr/bin/python3
"""Reference for crmkit/classify's permutationImportance and partialDependence.

Pinned: Debian python3 with numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1.
Run:    /usr/bin/python3 scripts/reference/classify_inspection.py -> writes test/fixtures/classify_inspection.json

A seeded 240 x 4 dataset (3 decimals). Models: DecisionTreeClassifier(max_depth=4) and
DecisionTreeRegressor(max_depth=4), random_state=0 (crmkit grows the same trees with its test hook that
replays scikit-learn's feature order). permutation_importance(n_repeats=4, random_state=7) with
'accuracy' / 'roc_auc' / 'r2' / 'neg_mean_squared_error'; the shuffles scikit-learn applies are replayed here
(random_seed = RandomState(7).randint(2**31); per feature RandomState(random_seed).shuffle of one index array,
cumulatively, each repeat) and stored so the test feeds crmkit the same permutations.
partial_dependence(method='brute', kind='average') on features 0 and 2 with grid_resolution 20 (and the
default 100, where feature 3 takes fewer distinct values than the grid).
"""
import json
import os

import numpy as np
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rng = np.random.RandomState(1)
X = np.round(rng.normal(size=(240, 4)), 3)
X[:, 3] = rng.randint(0, 6, size=240)  # a small-integer feature: its grid is its distinct values
y = (X[:, 0] - 0.7 * X[:, 1] + 0.3 * X[:, 3] + rng.normal(scale=0.6, size=240) > 0.5).astype(int)
yr = 2 * X[:, 0] + X[:, 2] ** 2 + 0.5 * X[:, 3] + rng.normal(scale=0.3, size=240)
N_REPEATS, SEED = 4, 7

random_seed = np.random.RandomState(SEED).randint(np.iinfo(np.int32).max + 1)
rs = np.random.RandomState(random_seed)
idx = np.arange(X.shape[0])
shuffles = []
for _ in range(N_REPEATS):
    rs.shuffle(idx)
    shuffles.append(idx.tolist())

clf = DecisionTreeClassifier(max_depth=4, random_state=0).fit(X, y)
reg = DecisionTreeRegressor(max_depth=4, random_state=0).fit(X, yr)
out = {'X': X.tolist(), 'y': y.tolist(), 'yRegression': yr.tolist(), 'nRepeats': N_REPEATS, 'shuffles': shuffles,
       'sklearnRandState': int(np.random.RandomState(0).randint(0, 2147483647)),
       'classifierNodeCount': int(clf.tree_.node_count), 'regressorNodeCount': int(reg.tree_.node_count), 'permutation': {}, 'partialDependence': {}}
for name, est, target, scoring in [('accuracy', clf, y, 'accuracy'), ('rocAuc', clf, y, 'roc_auc'), ('r2', reg, yr, 'r2'), ('negMeanSquaredError', reg, yr, 'neg_mean_squared_error')]:
    r = permutation_importance(est, X, target, scoring=scoring, n_repeats=N_REPEATS, random_state=SEED)
    out['permutation'][name] = {'importances': r.importances.tolist(), 'mean': r.importances_mean.tolist(), 'std': r.importances_std.tolist()}
for name, est in [('classifier', clf), ('regressor', reg)]:
    for f in [0, 2, 3]:
        for res in [20, 100]:
            pd = partial_dependence(est, X, [f], method='brute', kind='average', grid_resolution=res)
            out['partialDependence'][f'{name}-{f}-{res}'] = {'grid': pd['values'][0].tolist(), 'average': pd['average'][0].tolist()}
with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_inspection.json'), 'w') as fh:
    json.dump(out, fh)
print('wrote test/fixtures/classify_inspection.json')
