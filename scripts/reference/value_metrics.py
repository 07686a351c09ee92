#!/usr/bin/python3
"""Reference values for crmkit/value's closed-form interval metrics.

Pinned (Debian python3): numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5.
  /usr/bin/python3 scripts/reference/value_metrics.py   # writes test/fixtures/value_metrics.json
"""
import json
import os

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
out = {'wilson': [], 'satisfaction': [], 'nps': []}
for n, k, conf in [(200, 14, 0.95), (10, 0, 0.95), (10, 10, 0.9), (1, 1, 0.95), (12345, 6789, 0.99), (50, 3, 0.8)]:
    lo, hi = proportion_confint(k, n, alpha=1 - conf, method='wilson')
    out['wilson'].append({'trials': n, 'conversions': k, 'confidence': conf, 'lower': float(lo), 'upper': float(hi)})

rng = np.random.default_rng(7)
for n, lo, hi, top, conf in [(10, 1, 5, 2, 0.95), (57, 1, 7, 1, 0.9), (400, 0, 10, 3, 0.99)]:
    s = rng.integers(lo, hi + 1, size=n)
    mean = float(np.mean(s))
    sd = float(np.std(s, ddof=1))
    ci = stats.t.interval(conf, n - 1, loc=mean, scale=sd / np.sqrt(n))
    k = int(np.sum(s >= hi - top + 1))
    tl, tu = proportion_confint(k, n, alpha=1 - conf, method='wilson')
    out['satisfaction'].append({'scores': [int(v) for v in s], 'scale': [lo, hi], 'topBox': top, 'confidence': conf,
                                'mean': mean, 'sd': sd, 'meanLower': float(ci[0]), 'meanUpper': float(ci[1]),
                                'topBoxShare': k / n, 'topBoxLower': float(tl), 'topBoxUpper': float(tu)})

for n, conf in [(10, 0.95), (250, 0.9), (3000, 0.99)]:
    s = rng.integers(0, 11, size=n)
    score = np.where(s >= 9, 1, np.where(s >= 7, 0, -1))
    nps = 100 * score.mean()
    se = 100 * score.std(ddof=0) / np.sqrt(n)  # population sd of the ±1/0 score = sqrt(p+ + p- - (p+ - p-)^2)
    z = stats.norm.isf((1 - conf) / 2)
    out['nps'].append({'scores': [int(v) for v in s], 'confidence': conf, 'nps': float(nps), 'standardError': float(se),
                       'lower': float(max(-100, nps - z * se)), 'upper': float(min(100, nps + z * se))})

with open(os.path.join(ROOT, 'test', 'fixtures', 'value_metrics.json'), 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
