#!/usr/bin/python3
"""Reference values for crmkit/classify's naive Bayes: scikit-learn 1.2.1 MultinomialNB, ComplementNB,
BernoulliNB on the seeded sparse count matrix of test/fixtures/classify_linear.json (made by
classify_linear.py), trained on rows i % 4 != 0 and scored on all rows.

Pinned: Debian python3 with numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1.
Run:    /usr/bin/python3 scripts/reference/classify_nb.py -> writes test/fixtures/classify_nb.json
"""
import json
import os

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.naive_bayes import BernoulliNB, ComplementNB, MultinomialNB

assert sklearn.__version__ == '1.2.1', sklearn.__version__
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_linear.json')) as f:
    s = json.load(f)['sparse']
X = sp.csr_matrix((s['X']['data'], s['X']['indices'], s['X']['indptr']), shape=(s['X']['rows'], s['X']['cols']))
y = np.array(s['y'])
tr = np.arange(len(y)) % 4 != 0
w = 1.0 + (np.arange(tr.sum()) % 2)
out = {}
for name, est in [('multinomial', MultinomialNB()), ('multinomialAlpha', MultinomialNB(alpha=0.3, fit_prior=False)),
                  ('complement', ComplementNB(alpha=0.5)), ('bernoulli', BernoulliNB(alpha=1.0)),
                  ('multinomialWeighted', MultinomialNB())]:
    est.fit(X[tr], y[tr], sample_weight=w if name.endswith('Weighted') else None)
    out[name] = {'logProba': est.predict_log_proba(X).tolist(), 'predict': est.predict(X).tolist(),
                 'featureLogProb': est.feature_log_prob_.tolist(), 'classLogPrior': est.class_log_prior_.tolist()}
with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_nb.json'), 'w') as f:
    json.dump(out, f)
print('ok')
