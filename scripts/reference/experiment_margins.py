#!/usr/bin/python3
"""Held-out style vectors for equivalenceTest (TOST) and nonInferiorityTest (issue 19).

Pinned: Python 3.11 (Debian), numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5.
Run:    /usr/bin/python3 scripts/reference/experiment_margins.py  -> writes test/fixtures/experiment_margins.json

x1 = treatment, x2 = control throughout (statsmodels tests x1 − x2).
Means: statsmodels ttost_ind(x1, x2, low, upp, usevar) and CompareMeans.ttest_ind(alternative, usevar, value).
Proportions: tost_proportions_2indep(…, method) — its results_larger / results_smaller; note that in
0.13.5 its top-level pvalue is the 'larger' test's, not the max of the two, so the fixture stores the
max of the two one-sided p-values itself — and test_proportions_2indep(value, alternative, method).
"""
import json
import os

import numpy as np
import scipy
import statsmodels
from statsmodels.stats.proportion import test_proportions_2indep, tost_proportions_2indep
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW, ttost_ind

assert np.__version__ == '1.24.2', np.__version__
assert scipy.__version__ == '1.10.1', scipy.__version__
assert statsmodels.__version__.startswith('0.13.5'), statsmodels.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
out = {'means': [], 'proportions': []}

for seed, nc, nt, shift, low, upp in [(21, 40, 55, 0.3, -1.0, 1.0), (22, 200, 180, -0.1, -0.5, 0.8), (23, 30, 30, 2.0, -1.5, 1.5)]:
    rng = np.random.default_rng(seed)
    c = np.round(rng.normal(10, 2, nc), 3)
    t = np.round(rng.normal(10 + shift, 2.5, nt), 3)
    for usevar in ['unequal', 'pooled']:
        p, r1, r2 = ttost_ind(t, c, low, upp, usevar=usevar)
        cm = CompareMeans(DescrStatsW(t), DescrStatsW(c))
        m = upp
        ni_hi = cm.ttest_ind(alternative='larger', usevar=usevar, value=-m)
        ni_lo = cm.ttest_ind(alternative='smaller', usevar=usevar, value=m)
        out['means'].append({'control': c.tolist(), 'treatment': t.tolist(), 'low': low, 'upp': upp, 'equalVariance': usevar == 'pooled',
                             'pValue': p, 'lower': [r1[0], r1[1]], 'upper': [r2[0], r2[1]], 'df': r1[2],
                             'margin': m, 'niHigher': [ni_hi[0], ni_hi[1]], 'niLower': [ni_lo[0], ni_lo[1]]})

for cc, ncc, ct, nct, low, upp in [(500, 5000, 510, 5000, -0.02, 0.02), (120, 1000, 95, 900, -0.03, 0.05), (3, 80, 9, 85, -0.1, 0.1), (1, 50, 2, 60, -0.05, 0.05)]:
    for method in ['wald', 'agresti-caffo']:
        r = tost_proportions_2indep(ct, nct, cc, ncc, low, upp, method=method)
        m = upp
        hi = test_proportions_2indep(ct, nct, cc, ncc, value=-m, alternative='larger', method=method)
        lo = test_proportions_2indep(ct, nct, cc, ncc, value=m, alternative='smaller', method=method)
        out['proportions'].append({'control': [cc, ncc], 'treatment': [ct, nct], 'low': low, 'upp': upp, 'method': method,
                                   'lower': [r.results_larger.statistic, r.results_larger.pvalue],
                                   'upper': [r.results_smaller.statistic, r.results_smaller.pvalue],
                                   'pValue': max(r.results_larger.pvalue, r.results_smaller.pvalue),
                                   'margin': m, 'niHigher': [hi.statistic, hi.pvalue], 'niLower': [lo.statistic, lo.pvalue]})

with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment_margins.json'), 'w') as fh:
    json.dump(out, fh)
print('wrote experiment_margins.json')
