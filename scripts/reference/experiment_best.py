#!/usr/bin/python3
"""Reference values for crmkit/experiment "probability each arm is best" (probabilityBest,
probabilityBestNormal, analyzeExperiment's per-metric chance to be best).

Pinned: Python 3.11 (Debian), numpy 1.24.2, scipy 1.10.1, mpmath 1.2.1, pandas 1.5.3.
Run:    /usr/bin/python3 scripts/reference/experiment_best.py   -> writes test/fixtures/experiment_best.json

Normal arms: P(i best) = ∫ φ(z) Π_{j≠i} Φ((μ_i + σ_i z − μ_j)/σ_j) dz, evaluated with mpmath.quad at
40 digits (breakpoints where each other arm's Φ turns over) and cross-checked against
scipy.integrate.quad (asserted to agree to 1e-10 relative). Beta arms: P(i best) = ∫ f_i(x) Π_{j≠i} I_x(a_j, b_j) dx
with scipy.integrate.quad + scipy.special.betainc, cross-checked with mpmath.quad of mpmath.betainc
(asserted to 1e-10 relative) on the synthetic cases.
"""
import gzip
import io
import json
import math
import os

import mpmath as mp
import numpy as np
import pandas as pd
import scipy
from scipy import integrate, special, stats

assert np.__version__ == '1.24.2', np.__version__
assert scipy.__version__ == '1.10.1', scipy.__version__
assert mp.__version__ == '1.2.1', mp.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA = os.environ.get('CRMKIT_DATA_DIR', os.path.abspath(os.path.join(ROOT, '..', 'shared', 'data')))
mp.mp.dps = 40


def normal_best_mp(mus, sds):
    k = len(mus)
    out = []
    for i in range(k):
        mi, si = mp.mpf(mus[i]), mp.mpf(sds[i])

        def g(z, i=i, mi=mi, si=si):
            v = mp.npdf(z)
            for j in range(k):
                if j != i:
                    v *= mp.ncdf((mi + si * z - mus[j]) / mp.mpf(sds[j]))
            return v
        # a quarter-unit grid over the whole range (the mass of a rarely-best arm sits far out in z) plus
        # each other arm's turning points
        pts = {mp.mpf(z) / 4 for z in range(-160, 161)}
        for j in range(k):
            if j == i:
                continue
            c = (mp.mpf(mus[j]) - mi) / si
            w = mp.mpf(sds[j]) / si
            for m in [0, -1, 1, -4, 4, -10, 10]:
                p = c + m * w
                if -40 < p < 40:
                    pts.add(p)
        # mpmath's own error estimate is very pessimistic here; accuracy is asserted instead by
        # agreement with scipy.integrate.quad (a different rule) in normal_case()
        out.append(mp.quad(g, sorted(pts), maxdegree=8))
    return out


def normal_best_scipy(mus, sds):
    k = len(mus)
    out = []
    for i in range(k):
        def g(z, i=i):
            v = stats.norm.pdf(z)
            for j in range(k):
                if j != i:
                    v *= special.ndtr((mus[i] + sds[i] * z - mus[j]) / sds[j])
            return v
        pts = sorted({(mus[j] - mus[i]) / sds[i] + m * sds[j] / sds[i] for j in range(k) for m in [0, -1, 1, -4, 4, -10, 10]
                      if j != i and abs((mus[j] - mus[i]) / sds[i] + m * sds[j] / sds[i]) < 40} | set(range(-39, 40)))
        v, _ = integrate.quad(g, -40, 40, points=pts or None, epsabs=0, epsrel=1e-13, limit=1000)
        out.append(v)
    return out


def normal_case(label, arms):
    """arms: list of (n, mean, sd) summaries; posterior of each arm mean N(mean, sd²/n) (flat prior)."""
    mus = [float(m) for (_, m, _) in arms]
    sds = [float(s) / math.sqrt(n) for (n, _, s) in arms]
    ref = normal_best_mp(mus, sds)
    sp = normal_best_scipy(mus, sds)
    for a, b in zip(ref, sp):
        assert abs(float(a) - b) <= 1e-10 * abs(float(a)) + 1e-300, (label, a, b)
    assert abs(sum(ref) - 1) < 1e-25, (label, sum(ref))
    if len(arms) == 2:  # closed form
        p2 = mp.ncdf((mp.mpf(mus[1]) - mus[0]) / mp.sqrt(mp.mpf(sds[0]) ** 2 + mp.mpf(sds[1]) ** 2))
        assert abs(p2 - ref[1]) < 1e-25
    return {'label': label, 'arms': [{'n': n, 'mean': m, 'sd': s} for (n, m, s) in arms],
            'posteriorMeans': mus, 'posteriorSds': sds, 'probabilities': [float(x) for x in ref]}


def beta_best_scipy(params):
    k = len(params)
    ms = [a / (a + b) for (a, b) in params]
    ss = [math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))) for (a, b) in params]
    # no ppf truncation: a rarely-best arm's whole chance lives in its far upper tail
    lo = max(0.0, min(m - 60 * s for m, s in zip(ms, ss)))
    hi = min(1.0, max(m + 60 * s for m, s in zip(ms, ss)))
    pts = sorted({m + t * s for m, s in zip(ms, ss) for t in range(-40, 41, 2)} | {lo + (hi - lo) * t / 64 for t in range(1, 64)})
    pts = [p for p in pts if lo < p < hi]
    out = []
    for i in range(k):
        a, b = params[i]

        def g(x, i=i, a=a, b=b):
            v = stats.beta.pdf(x, a, b)
            for j in range(k):
                if j != i:
                    v *= special.betainc(params[j][0], params[j][1], x)
            return v
        v, _ = integrate.quad(g, lo, hi, points=pts, epsabs=0, epsrel=1e-13, limit=4000)
        out.append(v)
    return out


def beta_best_mp(params):
    k = len(params)
    out = []
    for i in range(k):
        a, b = [mp.mpf(v) for v in params[i]]
        m = a / (a + b)
        s = mp.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))

        def g(x, i=i, a=a, b=b):
            v = mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - mp.log(mp.beta(a, b)))
            for j in range(k):
                if j != i:
                    v *= mp.betainc(params[j][0], params[j][1], 0, x, regularized=True)
            return v
        lo, hi = max(mp.mpf(10) ** -30, m - 40 * s), min(1 - mp.mpf(10) ** -30, m + 40 * s)
        pts = [lo, hi] + [m + t * s for t in range(-40, 41, 2)]
        for (aj, bj) in params:  # every other arm's centre region too
            mj = mp.mpf(aj) / (aj + bj)
            sj = mp.sqrt(mp.mpf(aj) * bj / ((aj + bj) ** 2 * (aj + bj + 1)))
            pts += [mj + t * sj for t in range(-8, 9, 2)]
        pts = sorted(set(p for p in pts if lo <= p <= hi))
        out.append(mp.quad(g, pts))
    return out


def hillstrom():
    p = os.path.join(DATA, 'hillstrom-email', 'hillstrom.csv.gz')
    if not os.path.exists(p):
        return None
    with gzip.open(p, 'rb') as fh:
        h = pd.read_csv(io.BytesIO(fh.read()))
    order = ['No E-Mail', 'Mens E-Mail', 'Womens E-Mail']
    out = {'arms': order}
    for col in ['visit', 'conversion']:
        params = []
        for a in order:
            x = h[h.segment == a][col]
            params.append((1 + int(x.sum()), 1 + len(x) - int(x.sum())))
        # mpmath's betainc does not converge for visit's parameters (a ≈ 3000, b ≈ 18000): scipy only there
        ref = beta_best_scipy(params)
        try:
            mpv = beta_best_mp(params)
            for u, v in zip(ref, mpv):
                assert abs(u - float(v)) <= 1e-10 * abs(float(v)), (col, u, v)
        except ValueError:
            pass  # mpmath's hypergeometric betainc gives up (visit)
        out[col] = {'posteriors': [{'alpha': a, 'beta': b} for (a, b) in params], 'probabilities': ref}
    arms = []
    for a in order:
        x = h[h.segment == a].spend.values.astype(float)
        arms.append((len(x), float(np.mean(x)), float(np.std(x, ddof=1))))
    out['spend'] = normal_case('hillstrom spend', arms)
    return out


def main():
    normal = [
        normal_case('two arms (closed form)', [(1000, 10.0, 4.0), (1000, 10.5, 4.0)]),
        normal_case('identical arms', [(500, 3.0, 2.0), (500, 3.0, 2.0), (500, 3.0, 2.0)]),
        normal_case('three revenue arms', [(21306, 0.6528, 15.0), (21307, 1.4229, 22.0), (21387, 1.0772, 18.0)]),
        normal_case('narrow vs broad', [(1_000_000, 5.0, 1.0), (4, 5.3, 3.0), (50, 4.0, 2.0)]),
        normal_case('tiny probabilities', [(10000, 0.0, 1.0), (10000, 0.5, 1.0), (10000, 0.52, 1.0), (10000, 0.3, 1.0)]),
        normal_case('five arms, negative means, unequal n', [(200, -3.0, 5.0), (50, -2.0, 9.0), (3000, -2.5, 4.0), (10, 0.0, 20.0), (700, -2.2, 6.0)]),
    ]
    beta = []
    for params in [[(123, 21185), (190, 21199), (151, 21158)], [(1, 1), (2, 1), (1, 2)], [(0.5, 0.5), (3.5, 97.5), (9.5, 91.5), (6.5, 94.5)]]:
        ref = beta_best_scipy(params)
        mpv = beta_best_mp(params)
        for u, v in zip(ref, mpv):
            assert abs(u - float(v)) <= 1e-10 * abs(float(v)), (params, u, v)
        beta.append({'posteriors': [{'alpha': a, 'beta': b} for (a, b) in params], 'probabilities': [float(v) for v in mpv]})
    fx = {'versions': {'numpy': np.__version__, 'scipy': scipy.__version__, 'mpmath': mp.__version__},
          'normalBest': normal, 'betaBest': beta}
    h = hillstrom()
    if h is not None:
        fx['hillstrom'] = h
    with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment_best.json'), 'w') as fh:
        json.dump(fx, fh, indent=1, allow_nan=False)


if __name__ == '__main__':
    main()
