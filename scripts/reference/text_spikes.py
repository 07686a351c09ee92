"""Reference scores for crmkit/text detectSpikes and its private Poisson tail.

Pinned: Debian bookworm /usr/bin/python3 (3.11), numpy 1.24.2, pandas 1.5.3, scipy 1.10.1, mpmath 1.2.1.

- zscore: baseline = the 7 previous values (pandas s.shift(1).rolling(7)), score =
  (x - mean) / max(std(ddof=1), 1); buckets with fewer than 7 previous values are None.
- poisson: score = -log10 P(X >= x), X ~ Poisson(max(mean, 1)), with P from scipy.stats.poisson.sf(x - 1, mu).
- tails: ln P(X >= x) from mpmath (50 digits) for moderate and extreme (x, mu), far past double underflow.

Writes test/fixtures/text-spikes.json. Run: /usr/bin/python3 scripts/reference/text_spikes.py
"""
import json
import os

import mpmath
import numpy as np
import pandas as pd
from scipy.stats import poisson

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
rng = np.random.default_rng(20240305)
series = rng.poisson(4.0, 60).astype(int)
series[20] += 15
series[41] += 9
series[42] += 25
s = pd.Series(series, dtype=float)
base = s.shift(1).rolling(7, min_periods=7)
mean = base.mean()
std = base.std(ddof=1)
z = (s - mean) / np.maximum(std, 1.0)
mu = np.maximum(mean, 1.0)
p = poisson.sf(s - 1, mu)
pscore = -np.log10(p)


def opt(a):
    return [None if np.isnan(v) else float(v) for v in a]


mpmath.mp.dps = 50
tails = []
for x, m in [(1, 0.5), (3, 1.0), (5, 1.0), (10, 2.5), (20, 4.0), (50, 3.0), (200, 3.0), (2000, 3.0), (7, 30.0), (30, 30.0), (31, 30.0), (1000, 900.0), (5, 5000.0)]:
    tail = mpmath.gammainc(x, 0, m, regularized=True)  # P(X >= x) = lower regularized gamma P(x, mu)
    tails.append({"x": x, "mu": m, "logTail": float(mpmath.log(tail))})

out = {
    "generator": "scripts/reference/text_spikes.py",
    "series": series.tolist(),
    "window": 7,
    "zscore": {"scores": opt(z), "expected": opt(mean)},
    "poisson": {"scores": opt(pscore)},
    "tails": tails,
}
with open(os.path.join(ROOT, "test", "fixtures", "text-spikes.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
