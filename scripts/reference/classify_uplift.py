#!/usr/bin/python3
"""Reference values for crmkit/classify's uplift functions (fitUplift, upliftCurve, qiniCurve,
qiniCoefficient, upliftAuc, upliftAtK, upliftByDecile).

Pinned: Debian python3 with numpy 1.24.2, scikit-learn 1.2.1, pandas 1.5.3.
Run:    /usr/bin/python3 scripts/reference/classify_uplift.py   -> writes test/fixtures/classify_uplift.json

scikit-uplift and causalml are not installable here, so the metrics are an independent numpy
implementation of scikit-uplift 0.5's definitions (sklift.metrics):
- uplift_curve: rows by descending score (np.argsort(kind='mergesort')[::-1]); at each distinct score,
  (Y_T/N_T - Y_C/N_C) * (N_T + N_C) with cumulative counts, a rate of an empty group taken as 0; (0, 0) prepended.
- qini_curve: Y_T - Y_C * N_T / N_C (Radcliffe's Qini curve, 0 when N_C = 0); (0, 0) prepended.
- qini_auc_score (our qiniCoefficient): (auc(actual) - auc(random)) / (auc(perfect) - auc(random)), trapezoidal
  areas, random = the line from (0, 0) to the perfect curve's end, perfect = qini_curve of the score
  y*t - y*(1-t) (negative_effect=True).
- uplift_auc_score (our upliftAuc): same normalization with uplift_curve and the perfect score
  2*(y == t) + (y if #control responders > #treated non-responders else t).
- uplift_at_k(strategy='overall'): top ceil(n*k) rows in the same order; treated rate - control rate.
- uplift_by_percentile(strategy='overall', bins): np.array_split of the ordered rows.
The sums are computed with plain cumulative integer counts (exact), areas with np.trapz.

Cases:
- synthetic: seeded random data with many tied scores (rounded to 1 decimal) and without ties.
- hillstrom: Womens E-Mail (treated) vs No E-Mail (control); features recency, history/1000, mens, womens,
  newbie, zip Urban, zip Rural, channel Web, channel Multichannel (Surburban and Phone are the dropped levels),
  in file order of the kept rows. Training rows: j % 3 != 0, held-out rows j % 3 == 0 (j = index among the
  kept rows). Two-model (T-learner) uplift with scikit-learn LogisticRegression (L2, C = 1, newton-cg at tol
  1e-14, the same objective as crmkit's lbfgs) for visit and conversion: the base coefficients, the held-out
  predictions, and the metrics on those predictions.
"""
import gzip
import io
import json
import math
import os
import sys

os.environ.setdefault('OMP_NUM_THREADS', '1')
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), 'shared', 'data')


def order_desc(s):
    return np.argsort(s, kind='mergesort')[::-1]


def counts(y, s, t):
    o = order_desc(s)
    y, s, t = y[o], s[o], t[o]
    thr = np.r_[np.where(np.diff(s))[0], s.size - 1]
    nT = np.cumsum(t)[thr]
    yT = np.cumsum(y * t)[thr]
    yC = np.cumsum(y * (1 - t))[thr]
    n = thr + 1
    return n, nT, n - nT, yT, yC


def prepend(x, v):
    if x.size == 0 or v[0] != 0 or x[0] != 0:
        return np.r_[0, x], np.r_[0, v]
    return x, v


def uplift_curve(y, s, t):
    n, nT, nC, yT, yC = counts(y, s, t)
    rt = np.divide(yT, nT, out=np.zeros(len(n)), where=nT != 0)
    rc = np.divide(yC, nC, out=np.zeros(len(n)), where=nC != 0)
    return prepend(n.astype(float), (rt - rc) * n)


def qini_curve(y, s, t):
    n, nT, nC, yT, yC = counts(y, s, t)
    ratio = np.divide(nT, nC, out=np.zeros(len(n)), where=nC != 0)
    return prepend(n.astype(float), yT - yC * ratio)


def normalized(actual, perfect):
    xe, ye = perfect[0][-1], perfect[1][-1]
    base = np.trapz([0, ye], [0, xe])
    return (np.trapz(actual[1], actual[0]) - base) / (np.trapz(perfect[1], perfect[0]) - base)


def qini_coefficient(y, s, t):
    return normalized(qini_curve(y, s, t), qini_curve(y, y * t - y * (1 - t), t))


def uplift_auc(y, s, t):
    cr = np.sum((y == 1) & (t == 0))
    tn = np.sum((y == 0) & (t == 1))
    summand = y if cr > tn else t
    perfect = 2 * (y == t) + summand
    return normalized(uplift_curve(y, s, t), uplift_curve(y, perfect.astype(float), t))


def uplift_at_k(y, s, t, k):
    o = order_desc(s)[: math.ceil(len(y) * k)]
    yy, tt = y[o], t[o]
    return yy[tt == 1].mean() - yy[tt == 0].mean()


def by_percentile(y, s, t, bins):
    o = order_desc(s)
    out = []
    for b, (yy, tt, ss) in enumerate(zip(np.array_split(y[o], bins), np.array_split(t[o], bins), np.array_split(s[o], bins))):
        nt = int(tt.sum())
        nc = len(tt) - nt
        rt = float(yy[tt == 1].mean()) if nt else None
        rc = float(yy[tt == 0].mean()) if nc else None
        out.append({'band': b + 1, 'n': len(tt), 'nTreated': nt, 'nControl': nc, 'responseRateTreated': rt,
                    'responseRateControl': rc, 'uplift': None if rt is None or rc is None else rt - rc, 'meanScore': float(ss.mean())})
    return out


def metrics(y, s, t):
    uc = uplift_curve(y, s, t)
    qc = qini_curve(y, s, t)
    return {
        'upliftCurve': {'nTargeted': uc[0].tolist(), 'value': uc[1].tolist()},
        'qiniCurve': {'nTargeted': qc[0].tolist(), 'value': qc[1].tolist()},
        'qiniCoefficient': float(qini_coefficient(y, s, t)),
        'upliftAuc': float(uplift_auc(y, s, t)),
        'upliftAt30': float(uplift_at_k(y, s, t, 0.3)),
        'upliftAt10': float(uplift_at_k(y, s, t, 0.1)),
        'byDecile': by_percentile(y, s, t, 10),
    }


def synthetic():
    rng = np.random.default_rng(20261208)
    cases = {}
    for name, n, decimals in [('ties', 300, 1), ('distinct', 257, None)]:
        t = (rng.random(n) < 0.45).astype(int)
        s = rng.normal(size=n)
        p = 0.2 + 0.15 * t * (s > 0) - 0.05 * t * (s < -1)
        y = (rng.random(n) < p).astype(int)
        if decimals is not None:
            s = np.round(s, decimals)
        cases[name] = {'y': y.tolist(), 'score': s.tolist(), 'treatment': t.tolist(), **metrics(y, s, t)}
    return cases


FEATURES = ['recency', 'history/1000', 'mens', 'womens', 'newbie', 'zipUrban', 'zipRural', 'channelWeb', 'channelMultichannel']


def hillstrom():
    with gzip.open(os.path.join(DATA, 'hillstrom-email', 'hillstrom.csv.gz'), 'rb') as f:
        df = pd.read_csv(io.BytesIO(f.read()))
    df = df[df.segment.isin(['Womens E-Mail', 'No E-Mail'])].reset_index(drop=True)
    X = np.column_stack([
        df.recency.astype(float), df.history / 1000.0, df.mens.astype(float), df.womens.astype(float), df.newbie.astype(float),
        (df.zip_code == 'Urban').astype(float), (df.zip_code == 'Rural').astype(float),
        (df.channel == 'Web').astype(float), (df.channel == 'Multichannel').astype(float),
    ])
    t = (df.segment == 'Womens E-Mail').astype(int).to_numpy()
    j = np.arange(len(df))
    train, test = j % 3 != 0, j % 3 == 0
    out = {'features': FEATURES, 'nRows': int(len(df)), 'nTest': int(test.sum())}
    for outcome in ['visit', 'conversion']:
        y = df[outcome].astype(int).to_numpy()
        models = {}
        for arm, mask in [('treated', t == 1), ('control', t == 0)]:
            m = LogisticRegression(C=1.0, solver='newton-cg', tol=1e-14, max_iter=10000)
            m.fit(X[train & mask], y[train & mask])
            models[arm] = m
        pred = models['treated'].predict_proba(X[test])[:, 1] - models['control'].predict_proba(X[test])[:, 1]
        yt, tt = y[test], t[test]
        out[outcome] = {
            'coefficients': {arm: {'coef': m.coef_[0].tolist(), 'intercept': float(m.intercept_[0])} for arm, m in models.items()},
            'testUplift': pred.tolist(),
            'qiniCoefficient': float(qini_coefficient(yt, pred, tt)),
            'upliftAuc': float(uplift_auc(yt, pred, tt)),
            'upliftAt30': float(uplift_at_k(yt, pred, tt, 0.3)),
            'byDecile': by_percentile(yt, pred, tt, 10),
            'qiniCurveEvery500': {'nTargeted': qini_curve(yt, pred, tt)[0][::500].tolist(), 'value': qini_curve(yt, pred, tt)[1][::500].tolist()},
        }
    return out


def main():
    fx = {'versions': {'numpy': np.__version__, 'sklearn': sklearn.__version__, 'pandas': pd.__version__}, 'synthetic': synthetic()}
    if os.path.exists(os.path.join(DATA, 'hillstrom-email', 'hillstrom.csv.gz')):
        fx['hillstrom'] = hillstrom()
    else:
        print('hillstrom data not found: fixture without the hillstrom case', file=sys.stderr)
    with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_uplift.json'), 'w') as f:
        json.dump(fx, f)
    print('wrote test/fixtures/classify_uplift.json')


if __name__ == '__main__':
    main()
