#!/usr/bin/python3
"""Reference values for crmkit/experiment.

Pinned: Python 3.11 (Debian), numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5, mpmath 1.2.1, pandas 1.5.3.
Run:    /usr/bin/python3 scripts/reference/experiment.py      -> writes test/fixtures/experiment.json
        /usr/bin/python3 scripts/reference/experiment.py --bench   -> times the hillstrom analysis in Python

Every value comes from scipy / statsmodels / mpmath (or, where no library has the function, from a
formula written out here independently and evaluated in mpmath at 40 digits). Keys say which.
"""
import gzip
import io
import json
import math
import os
import sys
import time

import mpmath as mp
import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from scipy.optimize import brentq
from scipy.stats import contingency
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_effectsize,
                                          proportions_ztest, test_proportions_2indep)
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

assert np.__version__ == '1.24.2', np.__version__
assert scipy.__version__ == '1.10.1', scipy.__version__
assert statsmodels.__version__.startswith('0.13.5'), statsmodels.__version__
assert mp.__version__ == '1.2.1', mp.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA = os.environ.get('CRMKIT_DATA_DIR', os.path.abspath(os.path.join(ROOT, '..', 'shared', 'data')))
mp.mp.dps = 40


def f(x):
    x = float(x)
    if math.isnan(x):
        raise ValueError('NaN in reference')
    return x


ALTS = {'two-sided': 'two-sided', 'greater': 'larger', 'less': 'smaller'}

# ---------------------------------------------------------------- two-proportion z test
# (control conversions, control n, treatment conversions, treatment n)
PROP_CASES = [
    (122, 21306, 189, 21387),      # hillstrom womens vs none
    (8502, 44700, 8279, 45489),    # cookie cats retention_7
    (0, 100, 3, 100),              # zero conversions in control
    (100, 100, 97, 100),           # 100% conversion in control
    (5, 1000, 9, 40),              # very unequal arms
    (1, 1, 0, 1),                  # n = 1
    (0, 1, 1, 1),
    (20000, 100000, 30000, 100000),  # p-value below 1e-300
    (480, 5000, 520, 5000),
    (20000, 100000, 25900, 100000),  # z near -31 to -32 (pooled / unpooled): p-values near 1e-210
    (10000, 100000, 15550, 100000),  # two-sided p-value 1.6e-302, below 1e-300
]


def two_prop():
    out = []
    for (c1, n1, c2, n2) in PROP_CASES:
        for alt in ['two-sided', 'greater', 'less']:
            rec = {'control': {'n': n1, 'conversions': c1}, 'treatment': {'n': n2, 'conversions': c2},
                   'alternative': alt}
            p1, p2 = c1 / n1, c2 / n2
            # pooled z (statsmodels proportions_ztest, treatment first)
            pooled_ok = 0 < (c1 + c2) < (n1 + n2)
            if pooled_ok:
                z, p = proportions_ztest([c2, c1], [n2, n1], alternative=ALTS[alt])
                rec['pooled'] = {'statistic': f(z), 'pValue': f(p)}
                # extreme tail: z is exact; p from mpmath where scipy underflows
                if alt == 'two-sided':
                    rec['pooled']['pValueMp'] = f(mp.erfc(abs(mp.mpf(z)) / mp.sqrt(2)))
            unpooled_ok = not ((c1 in (0, n1)) and (c2 in (0, n2)))
            if unpooled_ok:
                # Wald (unpooled) z: statsmodels' test_proportions_2indep(method='wald') where it can
                # run (it divides by p2 even for compare='diff'), the same formula in scipy otherwise.
                zu = (p2 - p1) / math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
                pu = {'two-sided': 2 * stats.norm.sf(abs(zu)), 'greater': stats.norm.sf(zu), 'less': stats.norm.cdf(zu)}[alt]
                if p1 > 0 and p2 > 0:
                    st = test_proportions_2indep(c2, n2, c1, n1, method='wald', compare='diff',
                                                 alternative=ALTS[alt], correction=False)
                    assert abs(st.statistic - zu) <= 1e-12 * abs(zu) + 1e-300 and abs(st.pvalue - pu) <= 1e-12 * pu + 1e-300
                rec['unpooled'] = {'statistic': f(zu), 'pValue': f(pu)}
            for alpha in [0.05, 0.01]:
                lo, hi = confint_proportions_2indep(c2, n2, c1, n1, method='newcomb', compare='diff', alpha=alpha)
                rec[f'newcombe_{alpha}'] = [f(lo), f(hi)]
                if unpooled_ok:
                    lo, hi = confint_proportions_2indep(c2, n2, c1, n1, method='wald', compare='diff', alpha=alpha)
                    rec[f'wald_{alpha}'] = [f(lo), f(hi)]
            out.append(rec)
    return out


# ---------------------------------------------------------------- SRM
SRM_CASES = [
    ([21306, 21307, 21387], [1, 1, 1]),       # hillstrom (none, mens, womens)
    ([44700, 45489], [1, 1]),                 # cookie cats
    ([5000, 5100, 4900, 5300], [0.25, 0.25, 0.25, 0.25]),
    ([900, 100], [0.9, 0.1]),
    ([1000000, 1100000], [1, 1]),             # p-value < 1e-300 territory
    ([10, 0], [0.5, 0.5]),
    ([200148, 224352], [1, 1]),               # p-value near 1e-301, below 1e-300
]


def srm():
    out = []
    for counts, w in SRM_CASES:
        w = np.asarray(w, float)
        exp = w / w.sum() * sum(counts)
        r = stats.chisquare(counts, exp)
        # high-precision statistic and upper tail
        total = mp.mpf(sum(counts))
        ws = sum(mp.mpf(float(x)) for x in w)
        stat = mp.mpf(0)
        for o, wi in zip(counts, w):
            e = total * mp.mpf(float(wi)) / ws
            stat += (o - e) ** 2 / e
        k = len(counts) - 1
        p_mp = mp.gammainc(mp.mpf(k) / 2, stat / 2, mp.inf, regularized=True)
        out.append({'counts': counts, 'weights': [float(x) for x in w], 'statistic': f(r.statistic),
                    'pValue': f(r.pvalue), 'pValueMp': f(p_mp), 'df': k,
                    'expected': [f(x) for x in exp]})
    return out


# ---------------------------------------------------------------- t tests from summaries and raw data
def t_isf_mp(p, df):
    """Upper-tail quantile of Student's t in mpmath (40 digits): solve I_{df/(df+t²)}(df/2, 1/2)/2 = p."""
    df = mp.mpf(df)
    sf = lambda t: mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return mp.findroot(lambda t: sf(t) - mp.mpf(p), mp.mpf(float(stats.t.isf(p, float(df)))))


def ttests():
    rng = np.random.default_rng(20261123)
    raw = [
        (rng.normal(10, 2, 30), rng.normal(11, 3, 45)),
        (rng.exponential(5, 12), rng.exponential(8, 7)),
        (np.array([1.0, 2.0]), np.array([2.5, 3.5, 4.5])),
        (rng.normal(0, 1, 500), rng.normal(0.05, 1, 20)),
    ]
    out = []
    for x, y in raw:
        for eqv in [False, True]:
            for alt in ['two-sided', 'greater', 'less']:
                r = stats.ttest_ind(y, x, equal_var=eqv, alternative=alt)
                cm = CompareMeans(DescrStatsW(y), DescrStatsW(x))
                usevar = 'pooled' if eqv else 'unequal'
                rec = {'control': list(map(float, x)), 'treatment': list(map(float, y)), 'equalVariance': eqv,
                       'alternative': alt, 'statistic': f(r.statistic), 'pValue': f(r.pvalue)}
                _, _, df = cm.ttest_ind(usevar=usevar, alternative=ALTS[alt])
                rec['df'] = f(df)
                se = cm.std_meandiff_pooledvar if eqv else cm.std_meandiff_separatevar
                diff = float(np.mean(y) - np.mean(x))
                for alpha in [0.05, 0.1]:
                    lo, hi = cm.tconfint_diff(alpha=alpha, usevar=usevar, alternative=ALTS[alt])
                    # statsmodels' t quantile (scipy/boost) is off by up to ~4e-9 at small df; the
                    # quantile is recomputed here in mpmath and the interval checked against statsmodels at 1e-7
                    q = float(t_isf_mp(alpha / 2 if alt == 'two-sided' else alpha, df))
                    mlo = diff - q * se if alt != 'less' else -math.inf
                    mhi = diff + q * se if alt != 'greater' else math.inf
                    for a, b in ((lo, mlo), (hi, mhi)):
                        assert (math.isinf(a) and a == b) or abs(a - b) <= 1e-7 * abs(b), (a, b)
                    rec[f'ci_{alpha}'] = [f(mlo) if np.isfinite(mlo) else mlo, f(mhi) if np.isfinite(mhi) else mhi]
                out.append(rec)
    # from summaries
    summ = [
        ((1000, 5.0, 2.0), (1200, 5.2, 2.5)),
        ((5, 1.0, 0.0), (6, 2.0, 1.0)),
        ((2, 3.0, 1.0), (2, 3.0, 1.0)),
        ((100000, 10.0, 3.0), (100000, 10.3, 3.0)),  # tiny p-value
    ]
    for (n1, m1, s1), (n2, m2, s2) in summ:
        for eqv in [False, True]:
            for alt in ['two-sided', 'greater', 'less']:
                r = stats.ttest_ind_from_stats(m2, s2, n2, m1, s1, n1, equal_var=eqv, alternative=alt)
                rec = {'controlSummary': {'n': n1, 'mean': m1, 'sd': s1}, 'treatmentSummary': {'n': n2, 'mean': m2, 'sd': s2},
                       'equalVariance': eqv, 'alternative': alt, 'statistic': f(r.statistic), 'pValue': f(r.pvalue)}
                if eqv:
                    df = n1 + n2 - 2
                else:
                    v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
                    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
                rec['df'] = f(df)
                out.append(rec)
    return out


# ---------------------------------------------------------------- chi-square contingency
def chisq():
    tables = [
        [[122, 21184], [189, 21198]],
        [[10, 20, 30], [15, 25, 35]],
        [[3, 7], [9, 1]],
        [[20, 5, 7], [3, 9, 14], [6, 6, 6]],
        [[8502, 36198], [8279, 37210]],
    ]
    out = []
    for t in tables:
        for corr in [True, False]:
            stat, p, dof, exp = stats.chi2_contingency(t, correction=corr)
            out.append({'table': t, 'correction': corr, 'statistic': f(stat), 'pValue': f(p), 'df': int(dof),
                        'expected': [[f(v) for v in row] for row in exp]})
    return out


# ---------------------------------------------------------------- Fisher exact
def fisher():
    tables = [[[7, 2], [1, 9]], [[1, 9], [11, 3]], [[0, 5], [5, 0]], [[3, 0], [0, 3]], [[10, 10], [10, 10]],
              [[122, 21184], [189, 21198]], [[0, 10], [2, 8]], [[12, 5], [3, 14]], [[2, 7], [8, 2]]]
    out = []
    for t in tables:
        for alt in ['two-sided', 'greater', 'less']:
            oddsr, p = stats.fisher_exact(t, alternative=alt)
            rec = {'table': t, 'alternative': alt, 'sampleOddsRatio': f(oddsr) if np.isfinite(oddsr) else ('Infinity' if oddsr > 0 else 'NaN'),
                   'pValue': f(p)}
            res = contingency.odds_ratio(t, kind='conditional')
            est = res.statistic
            rec['conditionalOddsRatio'] = f(est) if np.isfinite(est) else 'Infinity'
            for cl in [0.95, 0.9]:
                ci = res.confidence_interval(confidence_level=cl, alternative=alt)
                rec[f'ci_{cl}'] = [f(ci.low) if np.isfinite(ci.low) else 'Infinity',
                                   f(ci.high) if np.isfinite(ci.high) else 'Infinity']
            out.append(rec)
    return out


# ---------------------------------------------------------------- Bayesian beta-binomial
def p_b_beats_a_integer(aA, bA, aB, bB):
    """Evan Miller's closed form (valid when aB is an integer), evaluated in mpmath."""
    total = mp.mpf(0)
    for i in range(int(aB)):
        total += mp.exp(mp.log(mp.beta(aA + i, bA + bB)) - mp.log(bB + i) - mp.log(mp.beta(1 + i, bB)) - mp.log(mp.beta(aA, bA)))
    return total


def _betacf(a, b, x):
    tiny = mp.mpf('1e-300')
    qab, qap, qam = a + b, a + 1, a - 1
    c = mp.mpf(1)
    d = 1 - qab * x / qap
    if abs(d) < tiny:
        d = tiny
    d = 1 / d
    h = d
    for m in range(1, 200000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny:
            d = tiny
        c = 1 + aa / c
        if abs(c) < tiny:
            c = tiny
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny:
            d = tiny
        c = 1 + aa / c
        if abs(c) < tiny:
            c = tiny
        d = 1 / d
        de = d * c
        h *= de
        if abs(de - 1) < mp.mpf(10) ** (-(mp.mp.dps - 3)):
            return h
    raise RuntimeError('betacf did not converge')


def betainc_cf(a, b, x, lb):
    if x <= 0:
        return mp.mpf(0)
    if x >= 1:
        return mp.mpf(1)
    front = mp.exp(a * mp.log(x) + b * mp.log1p(-x) - lb)
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def p_b_beats_a_quad(aA, bA, aB, bB):
    """P(pB > pA) = integral of pdf_B(x) * cdf_A(x), mpmath at 40 digits on a grid around the modes."""
    aA, bA, aB, bB = map(mp.mpf, (aA, bA, aB, bB))

    def pdfB(x):
        return mp.exp((aB - 1) * mp.log(x) + (bB - 1) * mp.log1p(-x) - mp.log(mp.beta(aB, bB)))

    lbA = mp.log(mp.beta(aA, bA))

    def cdfA(x):
        # mpmath's betainc (hypergeometric series) does not converge at parameters near 1e6, so the
        # regularized incomplete beta is evaluated here by its continued fraction (modified Lentz),
        # at 40 digits, with the usual symmetry switch.
        return betainc_cf(aA, bA, x, lbA)

    mB, sB = aB / (aB + bB), mp.sqrt(aB * bB / ((aB + bB) ** 2 * (aB + bB + 1)))
    mA, sA = aA / (aA + bA), mp.sqrt(aA * bA / ((aA + bA) ** 2 * (aA + bA + 1)))
    pts = set([mp.mpf(0), mp.mpf(1)])
    for m, s in ((mB, sB), (mA, sA)):
        for k in [-40, -12, -6, -3, 0, 3, 6, 12, 40]:
            x = m + k * s
            if 0 < x < 1:
                pts.add(x)
    pts = sorted(pts)
    # Gauss-Legendre is fast for the smooth large-parameter integrands; tanh-sinh handles the
    # x^(a-1) endpoint singularities when a parameter is below 1.
    method = 'tanh-sinh' if min(aA, bA, aB, bB) < 1 else 'gauss-legendre'
    return mp.quad(lambda x: pdfB(x) * cdfA(x), pts, method=method)


def bayes():
    cases = [
        # (aA, bA, aB, bB): posteriors of control A and treatment B
        (1 + 122, 1 + 21306 - 122, 1 + 189, 1 + 21387 - 189),   # hillstrom, Beta(1,1) prior
        (1 + 8502, 1 + 44700 - 8502, 1 + 8279, 1 + 45489 - 8279),  # cookie cats
        (1, 1, 1, 1),
        (1, 11, 1, 1),
        (2, 3, 4, 5),
        (50, 50, 60, 40),
    ]
    real = [
        (0.5, 0.5, 0.5, 0.5),
        (0.5 + 3, 0.5 + 97, 0.5 + 9, 0.5 + 91),
        (12.3, 45.6, 15.7, 40.2),
        (1e6 + 0.5, 1e6 + 0.25, 1e6 + 1500.5, 1e6 - 1200.25),
        (123456.7, 876543.2, 124000.1, 876000.9),
        (0.7, 3000.2, 40.3, 2960.6),
    ]
    out = []
    for (aA, bA, aB, bB) in cases:
        p = p_b_beats_a_integer(aA, bA, aB, bB)
        # shifted probabilities for expected loss
        pA1 = 1 - p_b_beats_a_integer(aA + 1, bA, aB, bB)  # P(pA' > pB), pA' ~ Beta(aA+1, bA)
        pB1 = p_b_beats_a_integer(aA, bA, aB + 1, bB)      # P(pB' > pA)
        mA, mB = mp.mpf(aA) / (aA + bA), mp.mpf(aB) / (aB + bB)
        lossB = mA * pA1 - mB * (1 - pB1)   # E[(pA - pB)+]
        lossA = mB * pB1 - mA * (1 - pA1)   # E[(pB - pA)+]
        out.append({'a': [aA, bA], 'b': [aB, bB], 'method': 'evan-miller', 'probabilityBBeatsA': f(p),
                    'expectedLossChooseB': f(lossB), 'expectedLossChooseA': f(lossA),
                    'ciA95': [f(stats.beta.ppf(0.025, aA, bA)), f(stats.beta.ppf(0.975, aA, bA))],
                    'ciB95': [f(stats.beta.ppf(0.025, aB, bB)), f(stats.beta.ppf(0.975, aB, bB))]})
    for (aA, bA, aB, bB) in real:
        p = p_b_beats_a_quad(aA, bA, aB, bB)
        out.append({'a': [aA, bA], 'b': [aB, bB], 'method': 'mpmath-quad', 'probabilityBBeatsA': f(p)})
    # cross-check the two mpmath routes on an integer case
    assert abs(p_b_beats_a_quad(2, 3, 4, 5) - p_b_beats_a_integer(2, 3, 4, 5)) < 1e-20
    assert abs(p_b_beats_a_quad(20000, 3000000, 20600, 2999400) - p_b_beats_a_integer(20000, 3000000, 20600, 2999400)) < 1e-15
    return out


# ---------------------------------------------------------------- multiple testing
def adjust():
    sets = [[0.01, 0.04, 0.03, 0.005, 0.5], [0.001, 0.2, 0.2, 0.9, 1.0, 0.04], [1e-300, 0.05], [0.3]]
    out = []
    methods = {'bonferroni': 'bonferroni', 'holm': 'holm', 'benjamini-hochberg': 'fdr_bh', 'benjamini-yekutieli': 'fdr_by'}
    for ps in sets:
        for name, m in methods.items():
            rej, adj, _, _ = multipletests(ps, alpha=0.05, method=m)
            out.append({'pValues': ps, 'method': name, 'adjusted': [f(x) for x in adj], 'reject': [bool(x) for x in rej]})
    return out


# ---------------------------------------------------------------- planning
def z(p):
    return stats.norm.isf(p)


def prop_power(variant, p1, p2, n1, ratio, alpha, alt):
    """Power of the two-proportion z test under the normal approximation; both tails when two-sided."""
    n2 = n1 * ratio
    delta = p2 - p1
    if variant == 'cohen-h':
        h = abs(proportion_effectsize(p2, p1))
        return NormalIndPower().power(effect_size=h if alt != 'less' else -h if False else h, nobs1=n1, alpha=alpha,
                                      ratio=ratio, alternative='two-sided' if alt == 'two-sided' else 'larger')
    se1 = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    if variant == 'pooled':
        pbar = (p1 + ratio * p2) / (1 + ratio)
        se0 = math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2))
    else:
        se0 = se1
    if alt == 'two-sided':
        c = z(alpha / 2)
        return stats.norm.cdf((abs(delta) - c * se0) / se1) + stats.norm.cdf((-abs(delta) - c * se0) / se1)
    c = z(alpha)
    d = delta if alt == 'greater' else -delta
    return stats.norm.cdf((d - c * se0) / se1)


def planning():
    out = {'proportions': [], 'means': [], 'mde': []}
    for (p1, p2, ratio, alpha, power, alt) in [
        (0.0057, 0.0088, 1, 0.05, 0.8, 'two-sided'),
        (0.10, 0.12, 1, 0.05, 0.8, 'two-sided'),
        (0.10, 0.12, 2, 0.05, 0.9, 'greater'),
        (0.5, 0.45, 0.5, 0.01, 0.8, 'two-sided'),
        (0.2, 0.19, 1, 0.1, 0.95, 'less'),
    ]:
        for variant in ['cohen-h', 'pooled', 'unpooled']:
            n = brentq(lambda n1: prop_power(variant, p1, p2, n1, ratio, alpha, alt) - power, 2, 1e9, xtol=1e-12, rtol=1e-15)
            if variant == 'cohen-h':
                h = abs(proportion_effectsize(p2, p1))
                n_sm = NormalIndPower().solve_power(effect_size=h, nobs1=None, alpha=alpha, power=power, ratio=ratio,
                                                   alternative='two-sided' if alt == 'two-sided' else 'larger')
                assert abs(n_sm - n) / n < 1e-6, (n_sm, n)
            pw = prop_power(variant, p1, p2, 1000, ratio, alpha, alt)
            out['proportions'].append({'baseline': p1, 'treatment': p2, 'ratio': ratio, 'alpha': alpha, 'power': power,
                                       'alternative': alt, 'variant': variant, 'nControl': f(n),
                                       'powerAt1000': f(pw)})
    for (delta, sd, ratio, alpha, power, alt) in [(0.5, 2.0, 1, 0.05, 0.8, 'two-sided'), (0.1, 1.0, 1.5, 0.01, 0.9, 'greater'),
                                                  (2.0, 1.0, 1, 0.05, 0.8, 'two-sided')]:
        es = delta / sd
        a2 = 'two-sided' if alt == 'two-sided' else 'larger'
        nz = NormalIndPower().solve_power(effect_size=es, nobs1=None, alpha=alpha, power=power, ratio=ratio, alternative=a2)
        nt = TTestIndPower().solve_power(effect_size=es, nobs1=None, alpha=alpha, power=power, ratio=ratio, alternative=a2)
        # statsmodels' solve_power(effect_size=None) stops at ~1e-6; solve its closed-form power to full precision instead
        mde_z = brentq(lambda d: NormalIndPower().power(effect_size=d, nobs1=1000, alpha=alpha, ratio=ratio, alternative=a2) - power,
                       1e-9, 10, xtol=1e-15, rtol=1e-15) * sd
        mde_sm = NormalIndPower().solve_power(effect_size=None, nobs1=1000, alpha=alpha, power=power, ratio=ratio, alternative=a2) * sd
        assert abs(mde_sm - mde_z) / mde_z < 1e-4
        out['means'].append({'delta': delta, 'sd': sd, 'ratio': ratio, 'alpha': alpha, 'power': power, 'alternative': alt,
                             'nControlZ': f(nz), 'nControlT': f(nt), 'mdeAt1000': f(mde_z),
                             'powerTAt50': f(TTestIndPower().power(effect_size=es, nobs1=50, alpha=alpha, ratio=ratio, alternative=a2))})
    for (p1, n1, ratio, alpha, power, alt) in [(0.0057, 21306, 1, 0.05, 0.8, 'two-sided'), (0.2, 5000, 1, 0.05, 0.8, 'greater')]:
        for variant in ['pooled', 'unpooled']:
            p2 = brentq(lambda q: prop_power(variant, p1, q, n1, ratio, alpha, alt) - power, p1 + 1e-12, 1 - 1e-12, xtol=1e-15, rtol=1e-15)
            out['mde'].append({'baseline': p1, 'nControl': n1, 'ratio': ratio, 'alpha': alpha, 'power': power,
                               'alternative': alt, 'variant': variant, 'mdeAbsolute': f(p2 - p1)})
    return out


# ---------------------------------------------------------------- Mann-Whitney
def mwu():
    rng = np.random.default_rng(7)
    pairs = [
        ([1.2, 3.4, 0.5, 7.7, 2.2], [4.1, 5.5, 6.0, 0.9, 8.8, 9.1]),   # exact (small, no ties)
        ([1, 2, 3], [4, 5, 6]),
        ([5.5, 1.1, 2.2, 3.3, 4.4, 6.6, 7.7, 8.8], [9.9, 10.1, 0.3, 12.0]),
        (list(rng.lognormal(0, 2, 40)), list(rng.lognormal(0.5, 2, 35))),
        ([0, 0, 0, 1, 2, 2, 5], [0, 1, 1, 3, 3, 3, 8, 8]),          # ties -> asymptotic
        (list(rng.integers(0, 5, 200).astype(float)), list(rng.integers(0, 6, 180).astype(float))),
    ]
    out = []
    for x, y in pairs:
        for alt in ['two-sided', 'greater', 'less']:
            for method in ['auto', 'asymptotic', 'exact']:
                has_ties = len(set(list(x) + list(y))) < len(x) + len(y)
                if method == 'exact' and (has_ties or len(x) * len(y) > 400):
                    continue
                r = stats.mannwhitneyu(y, x, alternative=alt, method=method)
                out.append({'control': list(map(float, x)), 'treatment': list(map(float, y)), 'alternative': alt,
                            'method': method, 'statistic': f(r.statistic), 'pValue': f(r.pvalue)})
    return out


# ---------------------------------------------------------------- relative lift, delta-method ratio, CUPED
def lift():
    out = []
    for (mc, vc, nc, mt, vt, nt) in [(0.00573, 0.0057 * 0.9943, 21306, 0.00884, 0.0088 * 0.9912, 21387),
                                     (10.0, 4.0, 1000, 10.5, 5.0, 900)]:
        mc_, mt_ = mp.mpf(mc), mp.mpf(mt)
        vmc, vmt = mp.mpf(vc) / nc, mp.mpf(vt) / nt
        lift_ = mt_ / mc_ - 1
        var = vmt / mc_ ** 2 + mt_ ** 2 * vmc / mc_ ** 4
        se = mp.sqrt(var)
        zc = mp.mpf(stats.norm.isf(0.025))
        out.append({'control': {'mean': mc, 'variance': vc, 'n': nc}, 'treatment': {'mean': mt, 'variance': vt, 'n': nt},
                    'lift': f(lift_), 'se': f(se), 'ci95': [f(lift_ - zc * se), f(lift_ + zc * se)],
                    'pValue': f(mp.erfc(abs(lift_ / se) / mp.sqrt(2)))})
    return out


def ratio_ref():
    rng = np.random.default_rng(99)
    arms = []
    for k in range(2):
        den = rng.poisson(4, 300) + 1
        num = rng.binomial(den, 0.1 + 0.02 * k).astype(float)
        arms.append((num, den.astype(float)))
    res = []
    for num, den in arms:
        n = len(num)
        mx, my = mp.mpf(float(num.mean())), mp.mpf(float(den.mean()))
        vx = mp.mpf(float(num.var(ddof=1)))
        vy = mp.mpf(float(den.var(ddof=1)))
        cxy = mp.mpf(float(np.cov(num, den, ddof=1)[0, 1]))
        r = mx / my
        var = (vx / my ** 2 - 2 * mx * cxy / my ** 3 + mx ** 2 * vy / my ** 4) / n
        res.append({'numerator': list(map(float, num)), 'denominator': list(map(float, den)), 'ratio': f(r), 'variance': f(var)})
    d = mp.mpf(res[1]['ratio']) - mp.mpf(res[0]['ratio'])
    se = mp.sqrt(mp.mpf(res[0]['variance']) + mp.mpf(res[1]['variance']))
    return {'control': res[0], 'treatment': res[1], 'difference': f(d), 'se': f(se),
            'pValue': f(mp.erfc(abs(d / se) / mp.sqrt(2)))}


def cuped_ref(y_c, x_c, y_t, x_t):
    import statsmodels.api as sm
    y = np.concatenate([y_c, y_t])
    x = np.concatenate([x_c, x_t])
    t = np.concatenate([np.zeros(len(y_c)), np.ones(len(y_t))])
    X = sm.add_constant(np.column_stack([t, x]))
    m = sm.OLS(y, X).fit()
    return {'difference': f(m.params[1]), 'se': f(m.bse[1]), 'theta': f(m.params[2]), 'pValue': f(m.pvalues[1]),
            'df': f(m.df_resid)}


# ---------------------------------------------------------------- normal-normal (revenue) model and bootstrap
def normal_model():
    out = []
    for (mc, sc, nc, mt, st, nt, pm, pv) in [(10.0, 4.0, 1000, 10.5, 4.0, 1000, 0.0, math.inf),
                                               (1.0, 3.0, 500, 0.8, 2.5, 450, 0.0, 0.04),
                                               (0.653, 15.0, 21306, 1.077, 16.0, 21387, 0.1, 1.0)]:
        d = mp.mpf(mt) - mp.mpf(mc)
        se2 = mp.mpf(st) ** 2 / nt + mp.mpf(sc) ** 2 / nc
        prec = 1 / se2 + (0 if math.isinf(pv) else 1 / mp.mpf(pv))
        m = (d / se2 + (0 if math.isinf(pv) else mp.mpf(pm) / pv)) / prec
        sd = mp.sqrt(1 / prec)
        dens = lambda x: mp.npdf(x, m, sd)
        # expected losses by quadrature (independent of the closed form the code uses)
        loss_t = mp.quad(lambda x: -x * dens(x), [-mp.inf, 0])
        loss_c = mp.quad(lambda x: x * dens(x), [0, mp.inf])
        out.append({'control': {'n': nc, 'mean': mc, 'sd': sc}, 'treatment': {'n': nt, 'mean': mt, 'sd': st},
                    'prior': {'mean': pm, 'variance': pv}, 'posteriorMean': f(m), 'posteriorSd': f(sd),
                    'chance': f(mp.ncdf(m / sd)), 'lossChooseTreatment': f(loss_t), 'lossChooseControl': f(loss_c),
                    'ci95': [f(stats.norm.ppf(0.025, float(m), float(sd))), f(stats.norm.ppf(0.975, float(m), float(sd)))]})
    return out


def bootstrap_ref():
    rng = np.random.default_rng(42)
    c = rng.lognormal(0, 1, 60)
    t = rng.lognormal(0.3, 1, 70)
    out = {'control': list(map(float, c)), 'treatment': list(map(float, t)), 'resamples': 100000}
    for method in ['percentile', 'BCa']:
        r = stats.bootstrap((t, c), lambda a, b, axis=-1: a.mean(axis=axis) - b.mean(axis=axis), vectorized=True,
                            n_resamples=100000, method=method, confidence_level=0.95, random_state=1)
        out[method] = [f(r.confidence_interval.low), f(r.confidence_interval.high)]
        out['standardError'] = f(r.standard_error)
    return out


# ---------------------------------------------------------------- real data
def load_hillstrom():
    p = os.path.join(DATA, 'hillstrom-email', 'hillstrom.csv.gz')
    with gzip.open(p, 'rb') as fh:
        return pd.read_csv(io.BytesIO(fh.read()))


def load_cookie():
    p = os.path.join(DATA, 'cookie-cats', 'cookie_cats.csv.gz')
    with gzip.open(p, 'rb') as fh:
        return pd.read_csv(io.BytesIO(fh.read()))


def real_data():
    h = load_hillstrom()
    out = {}
    arms = {'No E-Mail': None, 'Womens E-Mail': None, 'Mens E-Mail': None}
    for a in arms:
        arms[a] = h[h.segment == a]
    c, t = arms['No E-Mail'], arms['Womens E-Mail']
    z, p = proportions_ztest([t.conversion.sum(), c.conversion.sum()], [len(t), len(c)])
    out['hillstromConversion'] = {'control': {'n': len(c), 'conversions': int(c.conversion.sum())},
                                  'treatment': {'n': len(t), 'conversions': int(t.conversion.sum())},
                                  'statistic': f(z), 'pValue': f(p),
                                  'probabilityBeatsControl': f(p_b_beats_a_integer(1 + int(c.conversion.sum()), 1 + len(c) - int(c.conversion.sum()),
                                                                                   1 + int(t.conversion.sum()), 1 + len(t) - int(t.conversion.sum())))}
    counts = [len(arms['No E-Mail']), len(arms['Mens E-Mail']), len(arms['Womens E-Mail'])]
    r = stats.chisquare(counts)
    out['hillstromSrm'] = {'counts': counts, 'statistic': f(r.statistic), 'pValue': f(r.pvalue)}
    r = stats.ttest_ind(t.spend, c.spend, equal_var=False)
    out['hillstromSpendWelch'] = {'statistic': f(r.statistic), 'pValue': f(r.pvalue)}
    r = stats.mannwhitneyu(t.spend, c.spend, method='asymptotic')
    out['hillstromSpendMannWhitney'] = {'statistic': f(r.statistic), 'pValue': f(r.pvalue)}
    out['hillstromSpendCuped'] = cuped_ref(c.spend.values, c.history.values, t.spend.values, t.history.values)
    ck = load_cookie()
    g30, g40 = ck[ck.version == 'gate_30'], ck[ck.version == 'gate_40']
    for col in ['retention_1', 'retention_7']:
        z, p = proportions_ztest([int(g40[col].sum()), int(g30[col].sum())], [len(g40), len(g30)])
        out[f'cookie_{col}'] = {'control': {'n': len(g30), 'conversions': int(g30[col].sum())},
                                'treatment': {'n': len(g40), 'conversions': int(g40[col].sum())},
                                'statistic': f(z), 'pValue': f(p)}
    r = stats.chisquare([len(g30), len(g40)])
    out['cookieSrm'] = {'counts': [len(g30), len(g40)], 'statistic': f(r.statistic), 'pValue': f(r.pvalue)}
    return out


def cuped_synthetic():
    rng = np.random.default_rng(5)
    xc = rng.normal(10, 3, 200)
    yc = 2 + 0.8 * xc + rng.normal(0, 2, 200)
    xt = rng.normal(10, 3, 220)
    yt = 2.5 + 0.8 * xt + rng.normal(0, 2, 220)
    ref = cuped_ref(yc, xc, yt, xt)
    ref.update({'controlY': list(map(float, yc)), 'controlX': list(map(float, xc)),
                'treatmentY': list(map(float, yt)), 'treatmentX': list(map(float, xt))})
    return ref


# ---------------------------------------------------------------- sequential (mixture SPRT, Waudby-Smith et al. 2023 eq. 9/155/161)
def msprt():
    out = []
    for (pe, se, n, alpha, N) in [(0.003, 0.0009, 42693, 0.05, 5000), (0.1, 0.2, 100, 0.05, 5000), (-0.004, 0.0026, 90189, 0.01, 10000),
                                  (0.5, 0.05, 2000, 0.1, 500)]:
        pe_, se_, n_, a_, N_ = map(mp.mpf, (pe, se, n, alpha, N))
        rho2 = (-2 * mp.log(a_) + mp.log(-2 * mp.log(a_) + 1)) / N_
        s2 = se_ ** 2 * n_
        hw = mp.sqrt(s2) * mp.sqrt(2 * (n_ * rho2 + 1) * mp.log(mp.sqrt(n_ * rho2 + 1) / a_) / (n_ ** 2 * rho2))
        st2 = pe_ ** 2 * n_ / se_ ** 2
        tr = n_ * rho2 + 1
        e = mp.exp(rho2 * st2 / (2 * tr)) / mp.sqrt(tr)
        out.append({'estimate': pe, 'se': se, 'n': n, 'alpha': alpha, 'tuning': N, 'halfwidth': f(hw), 'pValue': f(min(1 / e, 1))})
    return out


# ---------------------------------------------------------------- group sequential (Lan-DeMets), via scipy mvn
def group_sequential():
    """Boundaries from a multivariate-normal route (scipy's Genz integration), independent of the
    recursive-integration method crmkit uses. Genz is randomized/iterative: compare at 1e-4 in z."""
    from scipy.stats import multivariate_normal as mvn
    out = []
    for (K, spending, alpha) in [(3, 'obrien-fleming', 0.05), (5, 'obrien-fleming', 0.05), (4, 'pocock', 0.05), (3, 'pocock', 0.025)]:
        t = np.arange(1, K + 1) / K
        if spending == 'obrien-fleming':
            cum = 2 - 2 * stats.norm.cdf(stats.norm.isf(alpha / 2) / np.sqrt(t))
        else:
            cum = alpha * np.log(1 + (math.e - 1) * t)
        b = []
        for k in range(K):
            tk = t[:k + 1]
            cov = np.minimum.outer(tk, tk) / np.sqrt(np.outer(tk, tk))
            target = cum[k]

            def crossed(c):
                bounds = np.array(b + [c])
                # P(|Z_j| < b_j for all j <= k) via inclusion over signs = mvn rectangle
                lower, upper = -bounds, bounds
                if k == 0:
                    inside = stats.norm.cdf(c) - stats.norm.cdf(-c)
                else:
                    inside = mvn.cdf(upper, mean=np.zeros(k + 1), cov=cov, lower_limit=lower,
                                     abseps=1e-9, releps=1e-9, maxpts=400_000 * (k + 1))
                return 1 - inside - target

            c = brentq(crossed, 0.5, 12, xtol=1e-8)
            b.append(c)
        out.append({'k': K, 'spending': spending, 'alpha': alpha, 'boundaries': [f(x) for x in b], 'cumulativeAlpha': [f(x) for x in cum]})
    return out


def bench():
    t0 = time.perf_counter()
    h = load_hillstrom()
    t1 = time.perf_counter()
    c = h[h.segment == 'No E-Mail']
    res = []
    for arm in ['Womens E-Mail', 'Mens E-Mail']:
        t = h[h.segment == arm]
        for col in ['visit', 'conversion']:
            res.append(proportions_ztest([t[col].sum(), c[col].sum()], [len(t), len(c)]))
        res.append(stats.ttest_ind(t.spend, c.spend, equal_var=False))
    res.append(stats.chisquare([len(h[h.segment == a]) for a in ['No E-Mail', 'Mens E-Mail', 'Womens E-Mail']]))
    t2 = time.perf_counter()
    print(json.dumps({'loadMs': (t1 - t0) * 1e3, 'analysisMs': (t2 - t1) * 1e3}))


def _infinities(x, path='fx'):
    """JSON has no Infinity: write it as the string 'Infinity' / '-Infinity' (the tests map it back)."""
    if isinstance(x, dict):
        return {k: _infinities(v, f'{path}.{k}') for k, v in x.items()}
    if isinstance(x, list):
        return [_infinities(v, f'{path}[{i}]') for i, v in enumerate(x)]
    if isinstance(x, float) and math.isinf(x):
        print('infinite value at', path, file=sys.stderr)
        return 'Infinity' if x > 0 else '-Infinity'
    return x


def main():
    if '--bench' in sys.argv:
        bench()
        return
    fx = {
        'versions': {'numpy': np.__version__, 'scipy': scipy.__version__, 'statsmodels': statsmodels.__version__, 'mpmath': mp.__version__},
        'twoProportion': two_prop(),
        'srm': srm(),
        'tTest': ttests(),
        'chiSquare': chisq(),
        'fisher': fisher(),
        'bayes': bayes(),
        'adjust': adjust(),
        'planning': planning(),
        'mannWhitney': mwu(),
        'lift': lift(),
        'ratio': ratio_ref(),
        'cuped': cuped_synthetic(),
        'msprt': msprt(),
        'normalModel': normal_model(),
        'bootstrap': bootstrap_ref(),
        'groupSequential': group_sequential(),
    }
    if os.path.exists(os.path.join(DATA, 'hillstrom-email', 'hillstrom.csv.gz')):
        fx['realData'] = real_data()
    with open(os.path.join(ROOT, 'test', 'fixtures', 'experiment.json'), 'w') as fh:
        json.dump(_infinities(fx), fh, indent=1, allow_nan=False)


if __name__ == '__main__':
    main()
