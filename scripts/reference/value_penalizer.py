#!/usr/bin/python3
"""Reference for crmkit/value's `penalizer` and `penalizerScaling` on CDNOW (Hardie's 2,357-customer
summary), written from lifetimes' documented objective (read, not copied).

Pinned (Debian python3): numpy 1.24.2, scipy 1.10.1.

  /usr/bin/python3 scripts/reference/value_penalizer.py   # writes test/fixtures/value-penalizer.json

Objectives at penalizer lambda (theta = log p, minimized with scipy L-BFGS-B from several starts):
- 'none' (crmkit's default): -sum(w*LL)/sum(w) + lambda*sum(p^2), p in the data's time unit.
- 'lifetimes': time scaled by s = 1/max(T) before fitting (alpha, beta become alpha*s, beta*s in the
  penalty), BG/NBD and MBG/NBD divide by sum(w), Pareto/NBD by mean(w) over the rows passed (here one
  row per customer, so mean(w) = 1 and the log-likelihood is summed). Parameters are reported back in
  the data's unit (alpha = alpha_scaled / s).
"""
import json
import os
import sys

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from value import DATA, ROOT, ll_bgnbd, ll_mbgnbd, ll_pareto, read_csv  # noqa: E402

LAMBDA = 0.1


def best_fit(f, k, starts):
    best = None
    for x0 in starts:
        res = minimize(f, np.log(x0), method='L-BFGS-B', options={'ftol': 1e-15, 'gtol': 1e-11, 'maxiter': 5000, 'maxfun': 50000})
        if best is None or res.fun < best.fun:
            best = res
    return best


def run(ll, x, tx, T, rate_idx, mean_weight):
    out = {}
    n = len(x)
    w = np.ones(n)
    starts = [[1, 1, 1, 1], [0.5, 5, 0.5, 1], [0.2, 2, 0.2, 0.5], [0.3, 10, 1, 3]]
    # crmkit default: unscaled time, objective divided by the total weight
    f_none = lambda lp: -(w * ll(np.exp(lp), x, tx, T)).sum() / w.sum() + LAMBDA * (np.exp(lp) ** 2).sum()
    r = best_fit(f_none, 4, starts)
    out['none'] = {'params': np.exp(r.x).tolist(), 'objective': float(r.fun)}
    # lifetimes: time scaled by 1/max(T); Pareto/NBD divides by the mean weight
    s = 1.0 / T.max()
    div = w.mean() if mean_weight else w.sum()
    f_lt = lambda lp: -(w * ll(np.exp(lp), x, tx * s, T * s)).sum() / div + LAMBDA * (np.exp(lp) ** 2).sum()
    r = best_fit(f_lt, 4, [[v if i not in rate_idx else v * s for i, v in enumerate(st)] for st in starts] + [[0.2, 0.1, 0.1, 0.3]])
    p = np.exp(r.x)
    for i in rate_idx:
        p[i] /= s
    out['lifetimes'] = {'params': p.tolist(), 'objective': float(r.fun)}
    return out


def main():
    _, d = read_csv(os.path.join(DATA, 'cdnow', 'cdnow_customers_summary.csv'))
    # columns: id, frequency, recency, T (weeks)
    x, tx, T = d[:, 1], d[:, 2], d[:, 3]
    res = {
        'penalizer': LAMBDA,
        'betaGeo': run(ll_bgnbd, x, tx, T, [1], False),
        'modifiedBetaGeo': run(ll_mbgnbd, x, tx, T, [1], False),
        'paretoNbd': run(ll_pareto, x, tx, T, [1, 3], True),
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'value-penalizer.json')
    with open(path, 'w') as f:
        json.dump(res, f, indent=1)
    print(json.dumps(res, indent=1))


if __name__ == '__main__':
    main()
