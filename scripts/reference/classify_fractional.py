#!/usr/bin/python3
"""Reference for fractional tree options (scikit-learn's float meaning) in crmkit/classify.

Pinned: Debian python3 with numpy 1.24.2, scikit-learn 1.2.1.
Run:    /usr/bin/python3 scripts/reference/classify_fractional.py -> writes test/fixtures/classify_fractional.json

A seeded 200 x 4 dataset (values rounded to 3 decimals, continuous, so no exact split ties); for each option
set, DecisionTreeClassifier's structure (children, features, thresholds). min_samples_split/leaf floats
resolve to ceil(f * n_samples); max_features float to max(1, int(f * n_features)) (random feature subsets:
only the node count and the root split are compared there, since the random streams differ).
"""
import json
import os

import numpy as np
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rng = np.random.RandomState(0)
X = np.round(rng.normal(size=(200, 4)), 3)
y = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(scale=0.5, size=200) > 0).astype(int)
yr = X[:, 0] * 2 + X[:, 2] + rng.normal(scale=0.3, size=200)
cases = []
for params in [{'min_samples_split': 0.1}, {'min_samples_leaf': 0.05}, {'min_samples_split': 0.25, 'min_samples_leaf': 0.03}]:
    for kind, Est, target in [('classifier', DecisionTreeClassifier, y), ('regressor', DecisionTreeRegressor, yr)]:
        t = Est(random_state=0, **params).fit(X, target).tree_
        cases.append({'kind': kind, 'params': params, 'nodeCount': int(t.node_count), 'left': t.children_left.tolist(), 'right': t.children_right.tolist(),
                      'feature': [int(f) if l >= 0 else -1 for f, l in zip(t.feature, t.children_left)],
                      'threshold': [float(th) if l >= 0 else 0.0 for th, l in zip(t.threshold, t.children_left)]})
# the splitter's rand_r_state for random_state=0 (crmkit's test hook replays scikit-learn's feature order on exact ties)
rand_state = int(np.random.RandomState(0).randint(0, 2147483647))
with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_fractional.json'), 'w') as f:
    json.dump({'X': X.tolist(), 'y': y.tolist(), 'yRegression': yr.tolist(), 'sklearnRandState': rand_state, 'cases': cases}, f)
print('wrote test/fixtures/classify_fractional.json')
