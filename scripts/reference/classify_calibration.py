#!/usr/bin/python3
"""Reference for crmkit/classify's calibrateClassifier (Platt / isotonic on a prefit model).

Pinned: Debian python3 with numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1.
Run:    /usr/bin/python3 scripts/reference/classify_calibration.py -> writes test/fixtures/classify_calibration.json

Seeded data: a logistic model fitted on 400 rows (its coefficients are stored, and the test loads them into a
crmkit model, so both sides calibrate the same decision function), then calibrated on 300 other rows with
CalibratedClassifierCV(base, cv='prefit', method='sigmoid' | 'isotonic'), and a depth-3 tree (probability
scores with ties) calibrated with isotonic. scikit-learn's sigmoid stops BFGS at gtol 1e-5, so the sigmoid
reference is also solved to the optimum of the same objective (Platt's smoothed targets) with scipy's
Newton-CG at xtol 1e-14; crmkit must match that optimum at 1e-6 and scikit-learn's own a, b at 1e-4.
"""
import json
import os

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, xlogy
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rng = np.random.RandomState(5)
X = np.round(rng.normal(size=(700, 3)), 3)
logit = 1.5 * X[:, 0] - X[:, 1] + 0.5 * X[:, 2] ** 2 - 0.3
y = (rng.random_sample(700) < expit(logit)).astype(int)
Xf, yf, Xc, yc = X[:400], y[:400], X[400:], y[400:]
lr = LogisticRegression(C=0.05).fit(Xf, yf)  # strongly penalized: its scores need calibration
tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(Xf, yf)
out = {'X': X.tolist(), 'y': y.tolist(), 'lr': {'coef': lr.coef_[0].tolist(), 'intercept': float(lr.intercept_[0])},
       'sklearnRandState': int(np.random.RandomState(0).randint(0, 2147483647)), 'treeNodeCount': int(tree.tree_.node_count)}
Xt = X[:50]
for name, base, method in [('lrSigmoid', lr, 'sigmoid'), ('lrIsotonic', lr, 'isotonic'), ('treeIsotonic', tree, 'isotonic'), ('treeSigmoid', tree, 'sigmoid')]:
    cal = CalibratedClassifierCV(base, cv='prefit', method=method).fit(Xc, yc)
    c = cal.calibrated_classifiers_[0].calibrators[0]
    entry = {'proba1': cal.predict_proba(Xt)[:, 1].tolist()}
    if method == 'sigmoid':
        entry['sklearn'] = {'a': float(c.a_), 'b': float(c.b_)}
        F = base.decision_function(Xc) if hasattr(base, 'decision_function') else base.predict_proba(Xc)[:, 1]
        n1 = yc.sum(); n0 = len(yc) - n1
        T = np.where(yc > 0, (n1 + 1.0) / (n1 + 2.0), 1.0 / (n0 + 2.0))
        def obj(ab):
            P = expit(-(ab[0] * F + ab[1]))
            return -(xlogy(T, P) + xlogy(1 - T, 1 - P)).sum()
        def grad(ab):
            P = expit(-(ab[0] * F + ab[1]))
            r = T - P
            return np.array([np.dot(r, F), r.sum()])
        def hess(ab):
            P = expit(-(ab[0] * F + ab[1]))
            w = P * (1 - P)
            return np.array([[np.dot(w, F * F), np.dot(w, F)], [np.dot(w, F), w.sum()]])
        res = minimize(obj, np.array([0.0, np.log((n0 + 1.0) / (n1 + 1.0))]), jac=grad, hess=hess, method='trust-exact', options={'gtol': 1e-12})
        entry['optimum'] = {'a': float(res.x[0]), 'b': float(res.x[1]), 'gradNorm': float(np.abs(grad(res.x)).max())}
        Ft = base.decision_function(Xt) if hasattr(base, 'decision_function') else base.predict_proba(Xt)[:, 1]
        entry['proba1AtOptimum'] = expit(-(res.x[0] * Ft + res.x[1])).tolist()
    else:
        entry['x'] = c.X_thresholds_.tolist()
        entry['y'] = c.y_thresholds_.tolist()
    out[name] = entry
with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_calibration.json'), 'w') as fh:
    json.dump(out, fh)
print('wrote test/fixtures/classify_calibration.json', {k: out[k].get('optimum') for k in ['lrSigmoid', 'treeSigmoid']}, out['lrSigmoid']['sklearn'])
