#!/usr/bin/python3
"""Held-out style vectors for analyzeExperiment's ratio and CUPED metrics (issue 19).

Pinned: Python 3.11 (Debian), numpy 1.24.2, scipy 1.10.1.
Run:    /usr/bin/python3 scripts/reference/experiment_metrics.py  -> writes test/fixtures/experiment_metrics.json

Each case: seeded synthetic per-user rows (given in the fixture, so the tests can aggregate them both
as rows and as SQL-style sums), and the expected figures written out here independently:
- ratio: R = Σx/Σy per arm, Var(R) = (s²_x − 2R·s_xy + R²·s²_y)/(n·ȳ²) (Deng, Knoblich & Lu 2018),
  z test of the difference with scipy.stats.norm;
- CUPED: θ = cov(y, x)/var(x) over all arms pooled as one sample (gbstats `compute_theta`),
  adjusted means ȳ − θ(x̄ − x̄_all), adjusted variances s²_y − 2θ·s_xy + θ²·s²_x, then Welch's t test
  with scipy.stats.ttest_ind_from_stats; also the within-arm θ (the ANCOVA slope, crmkit's cupedAdjust).
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

assert np.__version__ == '1.24.2', np.__version__
assert scipy.__version__ == '1.10.1', scipy.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
out = {'ratio': [], 'cuped': []}

for seed, n_arms, n in [(1, 2, 60), (2, 3, 45), (3, 2, 400)]:
    rng = np.random.default_rng(seed)
    arms = []
    for a in range(n_arms):
        den = rng.poisson(3, n) + 1
        num = np.round(den * rng.gamma(2, 5 + a, n), 2)
        arms.append({'arm': f'arm{a}', 'numerator': num.tolist(), 'denominator': den.astype(float).tolist()})
    res = []
    for a in arms:
        x, y = np.array(a['numerator']), np.array(a['denominator'])
        r = x.sum() / y.sum()
        c = np.cov(x, y, ddof=1)
        var = (c[0, 0] - 2 * r * c[0, 1] + r * r * c[1, 1]) / (len(x) * y.mean() ** 2)
        res.append((r, var))
    comps = []
    for i in range(1, n_arms):
        d = res[i][0] - res[0][0]
        se = np.sqrt(res[i][1] + res[0][1])
        z = d / se
        comps.append({'arm': f'arm{i}', 'difference': d, 'se': se, 'statistic': z, 'pValue': 2 * stats.norm.sf(abs(z)),
                      'lower': d - stats.norm.isf(0.025) * se, 'upper': d + stats.norm.isf(0.025) * se})
    out['ratio'].append({'seed': seed, 'arms': arms, 'ratios': [r for r, _ in res], 'variances': [v for _, v in res], 'comparisons': comps})

for seed, n_arms, n, rho in [(11, 2, 80, 0.7), (12, 3, 50, 0.4), (13, 2, 500, 0.9)]:
    rng = np.random.default_rng(seed)
    arms = []
    for a in range(n_arms):
        x = np.round(rng.gamma(2, 10, n), 2)
        y = np.round(rho * x + (1 - rho) * rng.gamma(2, 10, n) + 0.8 * a, 2)
        arms.append({'arm': f'arm{a}', 'y': y.tolist(), 'x': x.tolist()})
    ally = np.concatenate([a['y'] for a in arms])
    allx = np.concatenate([a['x'] for a in arms])
    c = np.cov(ally, allx, ddof=1)
    theta = c[0, 1] / c[1, 1]
    xbar = allx.mean()
    # within-arm θ (ANCOVA slope) for the measured difference
    sxy = sum(((np.array(a['x']) - np.mean(a['x'])) * (np.array(a['y']) - np.mean(a['y']))).sum() for a in arms)
    sxx = sum(((np.array(a['x']) - np.mean(a['x'])) ** 2).sum() for a in arms)
    adj = []
    for a in arms:
        y, x = np.array(a['y']), np.array(a['x'])
        cc = np.cov(y, x, ddof=1)
        adj.append((y.mean() - theta * (x.mean() - xbar), cc[0, 0] - 2 * theta * cc[0, 1] + theta ** 2 * cc[1, 1], len(y), y.mean(), cc[0, 0]))
    comps = []
    for i in range(1, n_arms):
        m0, v0, n0, raw0, rv0 = adj[0]
        m1, v1, n1, raw1, rv1 = adj[i]
        t = stats.ttest_ind_from_stats(m1, np.sqrt(v1), n1, m0, np.sqrt(v0), n0, equal_var=False)
        se = np.sqrt(v0 / n0 + v1 / n1)
        comps.append({'arm': f'arm{i}', 'difference': m1 - m0, 'se': se, 'statistic': t.statistic, 'pValue': t.pvalue,
                      'relativeLift': (m1 - m0) / abs(raw0), 'varianceReduction': 1 - se ** 2 / (rv0 / n0 + rv1 / n1)})
    out['cuped'].append({'seed': seed, 'arms': arms, 'theta': theta, 'thetaWithin': sxy / sxx, 'adjustedMeans': [a[0] for a in adj], 'comparisons': comps})

with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment_metrics.json'), 'w') as fh:
    json.dump(out, fh)
print('wrote experiment_metrics.json', [round(c['theta'] - c['thetaWithin'], 4) for c in out['cuped']])
