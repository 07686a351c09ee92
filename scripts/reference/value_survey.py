#!/usr/bin/python3
"""Reference for crmkit/value likertSummary's Mann-Whitney comparison: scipy.stats.mannwhitneyu,
two-sided, method='asymptotic' (continuity correction on, scipy's default), on tied Likert data.

Pinned (Debian python3): scipy 1.10.1, numpy 1.24.2.

  /usr/bin/python3 scripts/reference/value_survey.py   # writes test/fixtures/value-survey.json
"""
import json
import os

import numpy as np
from scipy.stats import mannwhitneyu

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
rng = np.random.default_rng(7)
cases = [
    {'name': 'doc example', 'scale': [1, 5], 'x': [5, 4, 4, 3, 5, 2, 4, 5, 1, 4], 'y': [3, 2, 4, 3, 2, 1, 3, 2]},
    {'name': 'equal groups', 'scale': [1, 5], 'x': [1, 2, 3, 4, 5], 'y': [5, 4, 3, 2, 1]},
    {'name': '7-point, 120 vs 95', 'scale': [1, 7], 'x': rng.integers(1, 8, 120).tolist(), 'y': rng.integers(2, 8, 95).tolist()},
    {'name': 'NPS 0-10, 300 vs 280', 'scale': [0, 10], 'x': rng.integers(0, 11, 300).tolist(), 'y': np.clip(rng.integers(0, 11, 280) + 1, 0, 10).tolist()},
]
for c in cases:
    res = mannwhitneyu(c['x'], c['y'], alternative='two-sided', method='asymptotic', use_continuity=True)
    c['u'] = float(res.statistic)
    c['p'] = float(res.pvalue)
with open(os.path.join(ROOT, 'test', 'fixtures', 'value-survey.json'), 'w') as f:
    json.dump({'mannWhitney': cases}, f, indent=1)
print(json.dumps([[c['name'], c['u'], c['p']] for c in cases]))
