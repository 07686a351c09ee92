#!/usr/bin/python3
"""Reference values for crmkit/classify's inference: statsmodels Logit / OLS / WLS.

Pinned: Debian python3 with numpy 1.24.2, statsmodels 0.13.5, pandas 1.5.3.
Run:    /usr/bin/python3 scripts/reference/classify_inference.py  -> writes test/fixtures/classify_inference.json
Data encodings: bank one-hot as scripts/reference/classify_linear.py (training rows i % 10 >= 3);
online-shoppers as scripts/reference/classify.py (ordinal Month/VisitorType, Weekend 0/1), all rows.
statsmodels' Logit cov_type='HC1' applies no n/(n-k) factor (it equals HC0); crmkit's HC1 does, so the
fixture stores statsmodels' HC0 for both and the test applies the factor.
"""
import json
import os
import sys

import numpy as np
import statsmodels
import statsmodels.api as sm

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classify_linear import ROOT, load_bank_onehot, train_test  # noqa: E402
from classify import load_shoppers  # noqa: E402

assert statsmodels.__version__.startswith('0.13.5'), statsmodels.__version__
assert np.__version__ == '1.24.2', np.__version__


def logit(X, y):
    Xc = sm.add_constant(X, has_constant='add')
    r = sm.Logit(y, Xc).fit(method='newton', tol=1e-12, maxiter=200, disp=0)
    h0 = sm.Logit(y, Xc).fit(method='newton', tol=1e-12, maxiter=200, disp=0, cov_type='HC0')
    ci = r.conf_int()
    return {'params': r.params.tolist(), 'bse': r.bse.tolist(), 'tvalues': r.tvalues.tolist(), 'pvalues': r.pvalues.tolist(),
            'ciLower': ci[:, 0].tolist(), 'ciUpper': ci[:, 1].tolist(), 'llf': r.llf, 'llnull': r.llnull,
            'prsquared': r.prsquared, 'llr': r.llr, 'llrPvalue': r.llr_pvalue, 'aic': r.aic, 'bic': r.bic,
            'hc0': h0.bse.tolist()}


def ols(X, y, w=None):
    Xc = sm.add_constant(X, has_constant='add')
    r = (sm.OLS(y, Xc) if w is None else sm.WLS(y, Xc, weights=w)).fit()
    ci = r.conf_int()
    return {'params': r.params.tolist(), 'bse': r.bse.tolist(), 'tvalues': r.tvalues.tolist(), 'pvalues': r.pvalues.tolist(),
            'ciLower': ci[:, 0].tolist(), 'ciUpper': ci[:, 1].tolist(), 'llf': r.llf, 'aic': r.aic, 'bic': r.bic,
            'rsquared': r.rsquared, 'rsquaredAdj': r.rsquared_adj, 'fvalue': r.fvalue, 'fPvalue': r.f_pvalue, 'scale': r.scale,
            'hc0': r.HC0_se.tolist(), 'hc1': r.HC1_se.tolist(), 'hc2': r.HC2_se.tolist(), 'hc3': r.HC3_se.tolist()}


def main():
    out = {'versions': {'statsmodels': statsmodels.__version__, 'numpy': np.__version__}}
    names, X, y = load_bank_onehot()
    Xtr, ytr, _, _ = train_test(X, y)
    out['bankLogit'] = logit(Xtr, ytr)
    bal = names.index('balance')
    out['bankOls'] = ols(np.delete(Xtr, bal, axis=1), Xtr[:, bal])
    names, X, y = load_shoppers()
    out['shoppersLogit'] = logit(X, y)
    pv = names.index('PageValues')
    w = 1.0 + (np.arange(len(y)) % 3)
    out['shoppersOls'] = ols(np.delete(X, pv, axis=1), X[:, pv])
    out['shoppersWls'] = ols(np.delete(X, pv, axis=1), X[:, pv], w)
    with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_inference.json'), 'w') as f:
        json.dump(out, f)
    print('ok')


if __name__ == '__main__':
    main()
