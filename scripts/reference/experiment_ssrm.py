#!/usr/bin/python3
"""Reference values for sequentialSrmTest (issue 19): the sequential Bayes-factor SRM test
(Dirichlet-multinomial vs multinomial, p = running min of 1/BF) written out independently here from
its definition and evaluated in mpmath at 40 digits. gbstats' own test file (tests/test_ssrm.py)
only asserts inequalities (balanced > 0.05, [[100, 900]] < 0.05, [[50, 450], [50, 450]] < 0.05), which
the crmkit tests check too.

Pinned: Python 3.11 (Debian), mpmath 1.2.1.
Run:    /usr/bin/python3 scripts/reference/experiment_ssrm.py  -> writes test/fixtures/experiment_ssrm.json
"""
import json
import os

import mpmath as mp

assert mp.__version__ == '1.2.1', mp.__version__
mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))


def log_dm(x, a):
    # log [n!/Π xᵢ!] + log B(a + x) − log B(a)
    n = sum(x)
    sa = sum(a)
    return (mp.loggamma(n + 1) - sum(mp.loggamma(xi + 1) for xi in x) + mp.loggamma(sa) - sum(mp.loggamma(ai) for ai in a)
            + sum(mp.loggamma(ai + xi) for ai, xi in zip(a, x)) - mp.loggamma(sa + n))


def log_mn(x, p):
    n = sum(x)
    return mp.loggamma(n + 1) + sum((xi * mp.log(pi) if xi > 0 else 0) - mp.loggamma(xi + 1) for xi, pi in zip(x, p))


def ssrm(data, weights, conc=10000, slab_w=0, slab_c=1):
    tw = sum(mp.mpf(w) for w in weights)
    p = [mp.mpf(w) / tw for w in weights]
    spike = [pi * conc for pi in p]
    slab = [mp.mpf(slab_c)] * len(p)
    lbf = mp.mpf(0)
    pmin = mp.mpf(1)
    out = []
    for x in data:
        if sum(x) > 0:
            l1 = log_dm(x, spike)
            if slab_w > 0:
                ls = log_dm(x, slab)
                l1 = ls if slab_w == 1 else mp.log((1 - mp.mpf(slab_w)) * mp.exp(l1) + mp.mpf(slab_w) * mp.exp(ls))
                slab = [a + xi for a, xi in zip(slab, x)]
            spike = [a + xi for a, xi in zip(spike, x)]
            lbf += l1 - log_mn(x, p)
        pmin = min(pmin, mp.exp(-lbf))
        out.append(float(pmin))
    return {'pValues': out, 'logBayesFactor': float(lbf)}


cases = [
    ([[500, 500]], [1, 1], 10000, 0),
    ([[100, 900]], [1, 1], 10000, 0),
    ([[250, 250], [250, 250]], [1, 1], 10000, 0),
    ([[50, 450], [50, 450]], [1, 1], 10000, 0),
    ([[5000, 5150], [5100, 5200], [0, 0], [4900, 5300]], [1, 1], 10000, 0),
    ([[1000, 2100, 980], [1010, 2000, 1005]], [1, 2, 1], 10000, 0),
    ([[1200, 1000], [1150, 990], [1300, 1010]], [1, 1], 1000, 0.1),
    ([[30, 10], [25, 12]], [1, 1], 100, 1),
]
out = []
for data, w, conc, sw in cases:
    out.append({'periods': data, 'weights': w, 'concentration': conc, 'slabWeight': sw, **ssrm(data, w, conc, sw)})
with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment_ssrm.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
print('wrote experiment_ssrm.json', [c['pValues'][-1] for c in out])
