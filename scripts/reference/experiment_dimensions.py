#!/usr/bin/python3
"""Held-out style vectors for analyzeExperiment's dimension breakdowns and post-stratification (issue 19).

Pinned: Python 3.11 (Debian), numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5.
Run:    /usr/bin/python3 scripts/reference/experiment_dimensions.py  -> writes test/fixtures/experiment_dimensions.json

Seeded synthetic per-user rows (arm, country with 6 levels of unequal size, spend, converted) are
written to the fixture; the expected figures are computed here independently:
- per level (top 3 countries by users, the rest merged into '(other)'): Welch's t test of spend with
  scipy.stats.ttest_ind(equal_var=False), the pooled two-proportion z test of conversion with
  statsmodels proportions_ztest; p-values Holm-adjusted across the whole breakdown with
  statsmodels multipletests;
- post-stratification by country: the point estimate is the treatment coefficient of Lin's (2013)
  fully interacted regression spend ~ T + D + T:D with D the level dummies centred at their pooled
  shares (statsmodels OLS), which equals Σ ν_h Δ_h; its variance Σ ν_h² (v_C,h + v_T,h) +
  Σ ν_h (Δ_h − Δ)²/N (gbstats' covariance of multinomial weighted means), written out with numpy.
"""
import json
import os

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

assert np.__version__ == '1.24.2', np.__version__
assert scipy.__version__ == '1.10.1', scipy.__version__
assert statsmodels.__version__.startswith('0.13.5'), statsmodels.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))

rng = np.random.default_rng(19)
levels = ['US', 'DE', 'FR', 'BR', 'JP', 'IN']
shares = np.array([0.35, 0.25, 0.2, 0.1, 0.06, 0.04])
base = {'US': 30, 'DE': 22, 'FR': 18, 'BR': 9, 'JP': 26, 'IN': 5}
conv = {'US': 0.12, 'DE': 0.09, 'FR': 0.08, 'BR': 0.05, 'JP': 0.1, 'IN': 0.04}
rows = []
N = 3000
for i in range(N):
    arm = 'control' if rng.random() < 0.5 else 'treatment'
    lev = levels[rng.choice(6, p=shares)]
    lift = 1.08 if arm == 'treatment' else 1.0
    spend = float(np.round(rng.gamma(2.0, base[lev] * lift / 2.0), 2))
    c = int(rng.random() < conv[lev] * (1.1 if arm == 'treatment' else 1.0))
    rows.append({'arm': arm, 'country': lev, 'spend': spend, 'converted': c})

arm = np.array([r['arm'] for r in rows])
country = np.array([r['country'] for r in rows])
spend = np.array([r['spend'] for r in rows])
conv_ = np.array([r['converted'] for r in rows], dtype=float)

TOP = 3
counts = {l: int((country == l).sum()) for l in levels}
order = sorted(levels, key=lambda l: (-counts[l], l))
kept = order[:TOP]
merged = order[TOP:]
bucket = np.array([c if c in kept else '(other)' for c in country])
out_levels = []
pvals = []
for lev in kept + ['(other)']:
    m = bucket == lev
    c = m & (arm == 'control')
    t = m & (arm == 'treatment')
    w = stats.ttest_ind(spend[t], spend[c], equal_var=False)
    z, pz = proportions_ztest([conv_[t].sum(), conv_[c].sum()], [t.sum(), c.sum()])
    out_levels.append({
        'level': lev,
        'users': int(m.sum()),
        'armUsers': [int(c.sum()), int(t.sum())],
        'spend': {'difference': float(spend[t].mean() - spend[c].mean()), 'statistic': float(w.statistic), 'pValue': float(w.pvalue)},
        'converted': {'difference': float(conv_[t].mean() - conv_[c].mean()), 'statistic': float(z), 'pValue': float(pz)},
    })
    pvals += [float(w.pvalue), float(pz)]
# analyzeExperiment's order within a level: metric order (spend, converted), then arms
holm = multipletests(pvals, method='holm')[1]
for i, l in enumerate(out_levels):
    l['spend']['adjustedPValue'] = float(holm[2 * i])
    l['converted']['adjustedPValue'] = float(holm[2 * i + 1])

# post-stratification by the 4 buckets
def post_strat(y, binomial):
    labs = kept + ['(other)']
    T = (arm == 'treatment').astype(float)
    nu = np.array([(bucket == l).mean() for l in labs])
    D = np.column_stack([(bucket == l).astype(float) - nu[k] for k, l in enumerate(labs[:-1])])
    X = sm.add_constant(np.column_stack([T, D, D * T[:, None]]))
    fit = sm.OLS(y, X).fit()
    est_ols = float(fit.params[1])
    mC, eff, vC, vT = [], [], [], []
    for l in labs:
        c = (bucket == l) & (arm == 'control')
        t = (bucket == l) & (arm == 'treatment')
        var = (lambda v: v.var(ddof=0)) if binomial else (lambda v: v.var(ddof=1))
        mC.append(y[c].mean()); eff.append(y[t].mean() - y[c].mean())
        vC.append(var(y[c]) / c.sum()); vT.append(var(y[t]) / t.sum())
    mC, eff, vC, vT = map(np.array, (mC, eff, vC, vT))
    d = float((nu * eff).sum()); m0 = float((nu * mC).sum())
    A = np.vstack([mC, eff])
    cov_nu = (np.diag(nu) - np.outer(nu, nu)) / len(y)
    C = A @ cov_nu @ A.T
    for h in range(len(labs)):
        C += nu[h] ** 2 * np.array([[vC[h], -vC[h]], [-vC[h], vC[h] + vT[h]]])
    se = float(np.sqrt(C[1, 1]))
    g = np.array([-d / m0 ** 2, 1 / m0])
    lift_se = float(np.sqrt(g @ C @ g))
    return {'difference': d, 'differenceOls': est_ols, 'standardError': se, 'statistic': d / se,
            'pValue': float(2 * stats.norm.sf(abs(d / se))), 'relativeLift': d / abs(m0),
            'relativeLower': d / abs(m0) - stats.norm.isf(0.025) * lift_se, 'relativeUpper': d / abs(m0) + stats.norm.isf(0.025) * lift_se}

out = {
    'rows': rows,
    'topN': TOP,
    'merged': merged,
    'levels': out_levels,
    'postStratified': {'spend': post_strat(spend, False), 'converted': post_strat(conv_, True)},
}
with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment_dimensions.json'), 'w') as f:
    json.dump(out, f, indent=None, separators=(',', ':'))
    f.write('\n')
print('levels', [(l['level'], l['users']) for l in out_levels], 'merged', merged)
print(out['postStratified'])
