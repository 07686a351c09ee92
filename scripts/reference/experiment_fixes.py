#!/usr/bin/python3
"""Reference values for the experiment fixes of issue 19 (regression tests of the reference suites' findings).

Pinned: Python 3.11 (Debian), numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5, mpmath 1.2.1.
Run:    /usr/bin/python3 scripts/reference/experiment_fixes.py  -> writes test/fixtures/experiment_fixes.json
"""
import json
import math
import os

import mpmath as mp
import numpy as np
import scipy
import statsmodels
from scipy import stats
from scipy.optimize import brentq
from scipy.stats import contingency
from statsmodels.stats.power import NormalIndPower, TTestIndPower

assert np.__version__ == '1.24.2', np.__version__
assert scipy.__version__ == '1.10.1', scipy.__version__
assert statsmodels.__version__.startswith('0.13.5'), statsmodels.__version__
assert mp.__version__ == '1.2.1', mp.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
mp.mp.dps = 50
out = {}

# t-test sample sizes at large n: root of statsmodels TTestIndPower.power(n) = 0.8 (scipy nct, boost)
# solved by brentq in n (xtol relative 1e-13), beside NormalIndPower's z root.
rows = []
for d in [0.05, 0.01, 0.005, 0.002]:
    for ratio in [1.0, 2.0]:
        for alt in ['two-sided', 'larger']:
            tp = TTestIndPower()
            zp = NormalIndPower()
            ft = lambda n: tp.power(effect_size=d, nobs1=n, alpha=0.05, ratio=ratio, alternative=alt) - 0.8
            fz = lambda n: zp.power(effect_size=d, nobs1=n, alpha=0.05, ratio=ratio, alternative=alt) - 0.8
            nz = brentq(fz, 2, 1e9, xtol=1e-9, rtol=1e-14)
            nt = brentq(ft, nz * 0.999, nz * 1.001 + 10, xtol=1e-9, rtol=1e-14)
            rows.append({'d': d, 'ratio': ratio, 'alternative': 'two-sided' if alt == 'two-sided' else 'greater', 'nz': nz, 'nt': nt})
out['tSampleSize'] = rows

# sampleSizeForProportions({ baseline: 0.1, mde: 1e-8 }): pooled (Fleiss) power with both rejection
# tails, Φ((|Δ| − z·SE₀)/SE₁) + Φ((−|Δ| − z·SE₀)/SE₁) = 0.8, solved in mpmath at 50 digits from the
# textbook closed form (one tail) as the starting point. The rate is the float64 value 0.1 + mde.
def fleiss(p1, p2, alpha=0.05, power=0.8, r=1):
    p1, p2 = mp.mpf(p1), mp.mpf(p2)
    za = mp.sqrt(2) * mp.erfinv(1 - mp.mpf(alpha))
    zb = mp.sqrt(2) * mp.erfinv(2 * mp.mpf(power) - 1)
    pbar = (p1 + r * p2) / (1 + r)
    num = za * mp.sqrt(pbar * (1 - pbar) * (1 + mp.mpf(1) / r)) + zb * mp.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / r)
    n0 = num ** 2 / (p2 - p1) ** 2

    def gap(n):
        se0 = mp.sqrt(pbar * (1 - pbar) * (1 / n + 1 / (r * n)))
        se1 = mp.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / (r * n))
        d = abs(p2 - p1)
        return mp.ncdf((d - za * se0) / se1) + mp.ncdf((-d - za * se0) / se1) - power

    return mp.findroot(gap, n0)

out['tinyMde'] = [{'baseline': 0.1, 'mde': m, 'n': float(fleiss(0.1, float(0.1 + m)))} for m in [1e-8, 1e-6, 1e-4]]

# Fisher's exact test on tables of ~23 million users (scipy fisher_exact; conditional odds ratio and
# its exact interval from scipy.stats.contingency.odds_ratio)
fish = []
for t in [[[1500, 11500000], [1700, 11498000]], [[50000, 11450000], [52000, 11448000]], [[230, 11499770], [260, 11499740]]]:
    rec = {'table': t}
    for alt in ['two-sided', 'less', 'greater']:
        rec['p_' + alt] = stats.fisher_exact(t, alternative=alt)[1]
    o = contingency.odds_ratio(t)
    ci = o.confidence_interval(0.95)
    rec['conditional'] = o.statistic
    rec['ci'] = [ci.low, ci.high]
    fish.append(rec)
out['fisherLarge'] = fish

# Welch t on small values: the same data multiplied by 1e200 must give the same t, df and p
a, b = [1.0, 2.0, 3.0], [2.0, 3.0, 5.0]
r = stats.ttest_ind(b, a, equal_var=False)
va, vb = np.var(a, ddof=1), np.var(b, ddof=1)
se = math.sqrt(va / 3 + vb / 3)
out['welchSmall'] = {'a': a, 'b': b, 'statistic': r.statistic, 'pValue': r.pvalue, 'se': se}

with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment_fixes.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
print('wrote experiment_fixes.json')
