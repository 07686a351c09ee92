#!/usr/bin/python3
"""Independent reference for crmkit/value's buy-till-you-die models, written from the papers.

Pinned (Debian python3): numpy 1.24.2, scipy 1.10.1, mpmath 1.2.1, pandas 1.5.3.

  /usr/bin/python3 scripts/reference/value.py          # writes test/fixtures/value.json
  /usr/bin/python3 scripts/reference/value.py --bench  # prints timings as JSON (peer of bench/value.bench.ts)
  /usr/bin/python3 scripts/reference/value.py --rss uci|cdnow  # peak RSS of one pipeline run, fresh process

Formulas:
- BG/NBD and Pareto/NBD: Fader, Hardie & Lee (2005), "Counting your customers the easy way",
  Marketing Science 24(2); Fader & Hardie (2005) "A note on deriving the Pareto/NBD model".
- MBG/NBD: Batislam, Denizel & Filiztekin (2007), IJRM 24(3).
- BG/BB: Fader, Hardie & Shang (2010), Marketing Science 29(6).
- Gamma-Gamma: Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4); Hardie's note 025.
Log-likelihoods, gradients and predictions at fixed parameters are evaluated in mpmath at 40 digits
(gradients by central differences in mpmath), so they are exact to double precision. Fits use scipy
L-BFGS-B on log-parameters with the objective lifetimes minimizes: -sum(w*LL)/sum(w) + penalizer*sum(theta^2).
"""
import json
import warnings
import os
import sys
import time

import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, betaln

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA = os.environ.get('CRMKIT_DATA_DIR', os.path.abspath(os.path.join(ROOT, '..', 'shared', 'data')))


def read_csv(path):
    with open(path, newline='') as f:
        lines = [l.strip() for l in f.read().splitlines() if l.strip()]
    head = lines[0].split(',')
    return head, np.array([[float(v) for v in l.split(',')] for l in lines[1:]])


# ---------------------------------------------------------------- numpy log-likelihoods (per row)
def ll_bgnbd(p, x, tx, T):
    r, alpha, a, b = p
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A3 = -(r + x) * np.log(alpha + T)
    xp = x > 0
    A4 = np.where(xp, np.log(a) - np.log(np.where(xp, b + x - 1, 1.0)) - (r + x) * np.log(alpha + tx), -np.inf)
    return A1 + A2 + np.logaddexp(A3, A4)


def ll_mbgnbd(p, x, tx, T):
    r, alpha, a, b = p
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x + 1) - gammaln(b) - gammaln(a + b + x + 1)
    A3 = -(r + x) * np.log(alpha + T)
    A4 = np.log(a) - np.log(b + x) + (r + x) * (np.log(alpha + T) - np.log(alpha + tx))
    return A1 + A2 + A3 + np.logaddexp(A4, 0.0)


def ll_pareto(p, x, tx, T):
    r, alpha, s, beta = p
    rsx = r + s + x
    if alpha >= beta:
        big, c2 = alpha, s + 1
    else:
        big, c2 = beta, r + x
    d = abs(alpha - beta)
    l1 = np.log(hyp2f1(rsx, c2, rsx + 1, d / (big + tx))) - rsx * np.log(big + tx)
    l2 = np.log(hyp2f1(rsx, c2, rsx + 1, d / (big + T))) - rsx * np.log(big + T)
    logA0 = l1 + np.log1p(-np.exp(l2 - l1))
    t1 = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    t2 = np.log(s) - np.log(rsx) + logA0
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    return head + np.logaddexp(t1, t2)


def ll_gg(p, x, m):
    pp, q, g = p
    return (gammaln(pp * x + q) - gammaln(pp * x) - gammaln(q) + q * np.log(g) + (pp * x - 1) * np.log(m)
            + pp * x * np.log(x) - (pp * x + q) * np.log(x * m + g))


def ll_bgbb(p, x, tx, n):
    al, be, ga, de = p
    out = np.empty(len(x))
    for k in range(len(x)):
        xi, ti, ni = x[k], tx[k], n[k]
        terms = [betaln(al + xi, be + ni - xi) - betaln(al, be) + betaln(ga, de + ni) - betaln(ga, de)]
        for i in range(int(ni - ti)):
            terms.append(betaln(al + xi, be + ti - xi + i) - betaln(al, be) + betaln(ga + 1, de + ti + i) - betaln(ga, de))
        out[k] = np.logaddexp.reduce(terms)
    return out


# ---------------------------------------------------------------- mpmath versions (per row)
def mll_bgnbd(p, x, tx, T):
    r, alpha, a, b = p
    A1 = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha)
    A2 = mp.loggamma(a + b) + mp.loggamma(b + x) - mp.loggamma(b) - mp.loggamma(a + b + x)
    v = mp.exp(-(r + x) * mp.log(alpha + T))
    if x > 0:
        v += a / (b + x - 1) * mp.exp(-(r + x) * mp.log(alpha + tx))
    return A1 + A2 + mp.log(v)


def mll_mbgnbd(p, x, tx, T):
    r, alpha, a, b = p
    A1 = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha)
    A2 = mp.loggamma(a + b) + mp.loggamma(b + x + 1) - mp.loggamma(b) - mp.loggamma(a + b + x + 1)
    v = mp.exp(-(r + x) * mp.log(alpha + T)) + a / (b + x) * mp.exp(-(r + x) * mp.log(alpha + tx))
    return A1 + A2 + mp.log(v)


def mll_pareto(p, x, tx, T):
    r, alpha, s, beta = p
    rsx = r + s + x
    if alpha >= beta:
        big, c2 = alpha, s + 1
    else:
        big, c2 = beta, r + x
    d = abs(alpha - beta)
    A0 = mp.hyp2f1(rsx, c2, rsx + 1, d / (big + tx)) / (big + tx) ** rsx - mp.hyp2f1(rsx, c2, rsx + 1, d / (big + T)) / (big + T) ** rsx
    head = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(alpha) + s * mp.log(beta)
    return head + mp.log(1 / ((alpha + T) ** (r + x) * (beta + T) ** s) + s / rsx * A0)


def mll_gg(p, x, m):
    pp, q, g = p
    return (mp.loggamma(pp * x + q) - mp.loggamma(pp * x) - mp.loggamma(q) + q * mp.log(g) + (pp * x - 1) * mp.log(m)
            + pp * x * mp.log(x) - (pp * x + q) * mp.log(x * m + g))


def mbeta(a, b):
    return mp.beta(a, b)


def mlik_bgbb(p, x, tx, n):
    al, be, ga, de = p
    v = mbeta(al + x, be + n - x) / mbeta(al, be) * mbeta(ga, de + n) / mbeta(ga, de)
    for i in range(int(n - tx)):
        v += mbeta(al + x, be + tx - x + i) / mbeta(al, be) * mbeta(ga + 1, de + tx + i) / mbeta(ga, de)
    return v


def mll_bgbb(p, x, tx, n):
    return mp.log(mlik_bgbb(p, x, tx, n))


# ---------------------------------------------------------------- helpers
def patterns(cols, weights=None):
    arr = np.column_stack(cols)
    uniq, inv, cnt = np.unique(arr, axis=0, return_inverse=True, return_counts=True)
    if weights is not None:
        w = np.zeros(len(uniq))
        np.add.at(w, inv, weights)
        cnt = w
    return [uniq[:, k] for k in range(uniq.shape[1])], cnt.astype(float)


def mp_total(mll, p, cols, w):
    p = [mp.mpf(v) for v in p]
    return mp.fsum(mp.mpf(w[i]) * mll(p, *[mp.mpf(c[i]) for c in cols]) for i in range(len(w)))


def mp_grad(mll, p, cols, w):
    h = mp.mpf('1e-15')
    g = []
    for k in range(len(p)):
        up = [mp.mpf(v) for v in p]
        dn = [mp.mpf(v) for v in p]
        up[k] += h * p[k]
        dn[k] -= h * p[k]
        g.append((mp_total(mll, up, cols, w) - mp_total(mll, dn, cols, w)) / (2 * h * p[k]))
    return [float(v) for v in g]


def mp_standard_errors(mll, p, cols, w):
    """sqrt(diag(H^-1)) with H the Hessian of the total negative log-likelihood in natural parameters,
    by central differences in mpmath (h = 1e-12 relative; error ~1e-24)."""
    k = len(p)
    p = [mp.mpf(v) for v in p]
    f = lambda q: -mp_total(mll, q, cols, w)
    H = mp.matrix(k, k)
    for i in range(k):
        for j in range(i, k):
            hi = mp.mpf('1e-12') * p[i]
            hj = mp.mpf('1e-12') * p[j]
            def at(a, b):
                q = list(p)
                q[i] += a
                q[j] += b
                return f(q)
            if i == j:
                v = (at(hi, 0) - 2 * f(p) + at(-hi, 0)) / (hi * hi)
            else:
                v = (at(hi, hj) - at(hi, -hj) - at(-hi, hj) + at(-hi, -hj)) / (4 * hi * hj)
            H[i, j] = v
            H[j, i] = v
    C = H ** -1
    return [float(mp.sqrt(C[i, i])) for i in range(k)]


def fit(ll, cols, w, k, penalizer=0.0, jac='3-point', x0=None):
    sw = w.sum()

    def f(lp):
        p = np.exp(lp)
        return -(w * ll(p, *cols)).sum() / sw + penalizer * (p ** 2).sum()
    x0 = np.zeros(k) if x0 is None else np.log(x0)
    res = minimize(f, x0, method='L-BFGS-B', jac=jac, options={'ftol': 1e-15 if jac != '2-point' else 2.2e-9, 'gtol': 1e-11 if jac != '2-point' else 1e-5, 'maxiter': 2000, 'maxfun': 20000})
    p = np.exp(res.x)
    return p, float((w * ll(p, *cols)).sum()), res


# ---------------------------------------------------------------- predictions in mpmath
def m_bg_expected(p, t):
    r, al, a, b = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b, a + b - 1, t / (al + t)))


def m_bg_cond(p, t, x, tx, T):
    r, al, a, b = [mp.mpf(v) for v in p]
    t, x, tx, T = mp.mpf(t), mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0)
    return num / den


def m_bg_alive(p, x, tx, T):
    r, al, a, b = [mp.mpf(v) for v in p]
    x, tx, T = mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    if x == 0:
        return mp.mpf(1)
    return 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))


def m_bg_pn(p, t, n):
    r, al, a, b = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    B = mp.beta
    first = B(a, b + n) / B(a, b) * mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (al / (al + t)) ** r * (t / (al + t)) ** n
    if n == 0:
        return first
    s = mp.fsum(mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * (t / (al + t)) ** j for j in range(n))
    return first + B(a + 1, b + n - 1) / B(a, b) * (1 - (al / (al + t)) ** r * s)


def m_mbg_pn(p, t, n):
    """P(X(t) = n) for a new MBG/NBD customer (Batislam et al. 2007): the drop-out coin is also tossed at
    time 0, so alive with n purchases has weight (1-p)^(n+1) and dead after the n-th, p(1-p)^n."""
    r, al, a, b = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    B = mp.beta
    nbd = lambda j: mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * (al / (al + t)) ** r * (t / (al + t)) ** j
    tail = 1 - mp.fsum(nbd(j) for j in range(n))
    return B(a, b + n + 1) / B(a, b) * nbd(n) + B(a + 1, b + n) / B(a, b) * tail


def m_pnbd_pn(p, t, n):
    """P(X(t) = n) for a new Pareto/NBD customer, by quadrature rather than the closed form (Fader &
    Hardie's note on the Pareto/NBD, eq. for P(X(t)=x)): lambda and mu are independent, so
    P = NBD(n; r, alpha, t) * (beta/(beta+t))^s + int_0^t NBD(n; r, alpha, u) * f_tau(u) du, where
    f_tau(u) = (s/beta) (beta/(beta+u))^(s+1) is the (Lomax) density of the lifetime."""
    r, al, s, be = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    nbd = lambda u: mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (al / (al + u)) ** r * (u / (al + u)) ** n
    dens = lambda u: s / be * (be / (be + u)) ** (s + 1)
    alive = nbd(t) * (be / (be + t)) ** s
    dead = mp.quad(lambda u: nbd(u) * dens(u), [0, t / 4, t / 2, t])
    return alive + dead


def m_pnbd_pn_closed(p, t, n):
    """The same probability by the closed form of Fader & Hardie's note (a self-check of the quadrature):
    NBD(n)(beta/(beta+t))^s + alpha^r beta^s B(r+n, s+1)/B(r, s) [B1 - sum_{i<=n} (r+s)_i/i! t^i B2(i)]."""
    r, al, s, be = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    c = r + s + n + 1
    big, b2 = (al, s + 1) if al >= be else (be, r + n)
    d = abs(al - be)
    alive = mp.gamma(r + n) / (mp.gamma(r) * mp.factorial(n)) * (al / (al + t)) ** r * (t / (al + t)) ** n * (be / (be + t)) ** s
    B1 = mp.hyp2f1(r + s, b2, c, d / big) / big ** (r + s)
    S = mp.fsum(mp.rf(r + s, i) / mp.factorial(i) * t ** i * mp.hyp2f1(r + s + i, b2, c, d / (big + t)) / (big + t) ** (r + s + i) for i in range(n + 1))
    return alive + al ** r * be ** s * mp.beta(r + n, s + 1) / mp.beta(r, s) * (B1 - S)


def m_mbg_expected(p, t):
    r, al, a, b = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    return b / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b + 1, a + b, t / (al + t)))


def m_mbg_cond(p, t, x, tx, T):
    r, al, a, b = [mp.mpf(v) for v in p]
    t, x, tx, T = mp.mpf(t), mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    num = (a + b + x) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x + 1, a + b + x, t / (al + T + t)))
    return num / (1 + a / (b + x) * ((al + T) / (al + tx)) ** (r + x))


def m_mbg_alive(p, x, tx, T):
    r, al, a, b = [mp.mpf(v) for v in p]
    x, tx, T = mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    return 1 / (1 + a / (b + x) * ((al + T) / (al + tx)) ** (r + x))


def m_pnbd_alive(p, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]
    x, tx, T = mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    L = mp.exp(mll_pareto([r, al, s, be], x, tx, T))
    head = mp.gamma(r + x) / mp.gamma(r) * al ** r * be ** s / ((al + T) ** (r + x) * (be + T) ** s)
    return head / L


def m_pnbd_expected(p, t):
    r, al, s, be = [mp.mpf(v) for v in p]
    t = mp.mpf(t)
    return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))


def m_pnbd_cond(p, t, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]
    t, x, tx, T = mp.mpf(t), mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    return m_pnbd_alive(p, x, tx, T) * (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1))


def m_bgbb_alive(p, x, tx, n):
    al, be, ga, de = [mp.mpf(v) for v in p]
    B = mp.beta
    return B(al + x, be + n - x) / B(al, be) * B(ga, de + n + 1) / B(ga, de) / mlik_bgbb([al, be, ga, de], x, tx, n)


def m_bgbb_expected(p, nstar):
    al, be, ga, de = [mp.mpf(v) for v in p]
    return al / (al + be) * de / (ga - 1) * (1 - mp.gamma(ga + de) / mp.gamma(ga + de + nstar) * mp.gamma(1 + de + nstar) / mp.gamma(1 + de))


def m_bgbb_cond(p, nstar, x, tx, n):
    al, be, ga, de = [mp.mpf(v) for v in p]
    B, G = mp.beta, mp.gamma
    L = mlik_bgbb([al, be, ga, de], x, tx, n)
    return (1 / L * B(al + x + 1, be + n - x) / B(al, be) * de / (ga - 1) * G(ga + de) / G(1 + de)
            * (G(1 + de + n) / G(ga + de + n) - G(1 + de + n + nstar) / G(ga + de + n + nstar)))


def m_bgbb_pn(p, t, k):
    """P(X(t) = k) for a new BG/BB customer (Fader, Hardie & Shang 2010, eq. 7)."""
    al, be, ga, de = [mp.mpf(v) for v in p]
    B = mp.beta
    if k > t:
        return mp.mpf(0)
    alive = mp.binomial(t, k) * B(al + k, be + t - k) / B(al, be) * B(ga, de + t) / B(ga, de)
    dead = mp.fsum(mp.binomial(i, k) * B(al + k, be + i - k) / B(al, be) * B(ga + 1, de + i) / B(ga, de) for i in range(k, t))
    return alive + dead


def m_gg_spend(p, x, m):
    pp, q, g = [mp.mpf(v) for v in p]
    x, m = mp.mpf(x), mp.mpf(m)
    return (pp * (g + x * m)) / (pp * x + q - 1)


def m_clv(bg, gg, x, tx, T, m, months, rate, factor):
    total = mp.mpf(0)
    spend = m_gg_spend(gg, x, m) if x > 0 else mp.mpf(gg[0]) * mp.mpf(gg[2]) / (mp.mpf(gg[1]) - 1)
    for i in range(1, months + 1):
        t = mp.mpf(i) * mp.mpf(factor)
        prev = t - mp.mpf(factor)
        e = m_bg_cond(bg, t, x, tx, T) - (m_bg_cond(bg, prev, x, tx, T) if i > 1 else 0)
        total += spend * e / (1 + mp.mpf(rate)) ** i
    return total


def f(v):
    return float(v)


# ---------------------------------------------------------------- main
def load():
    _, s = read_csv(os.path.join(DATA, 'cdnow', 'cdnow_customers_summary.csv'))
    _, st = read_csv(os.path.join(DATA, 'cdnow', 'cdnow_customers_summary_with_transactions.csv'))
    _, d = read_csv(os.path.join(DATA, 'cdnow', 'donations.csv'))
    return s, st, d


def main():
    s, st, d = load()
    (px, ptx, pT), pw = patterns([s[:, 1], s[:, 2], s[:, 3]])
    rep = st[st[:, 1] > 0]
    (gx, gm), gw = patterns([rep[:, 1], rep[:, 4]])
    dcols = [d[:, 0], d[:, 1], d[:, 2]]
    dw = d[:, 3]
    out = {'source': 'scripts/reference/value.py (mpmath 1.2.1 at 40 digits; scipy 1.10.1 L-BFGS-B fits)', 'models': {}}

    published = {
        'betaGeo': [0.2426, 4.4136, 0.7929, 2.4259],
        'paretoNbd': [0.55, 10.58, 0.61, 11.67],
        'modifiedBetaGeo': [0.2426, 4.4136, 0.7929, 2.4259],
        'gammaGamma': [6.25, 3.74, 15.44],
        'betaGeoBetaBinom': [1.204, 0.750, 0.657, 2.783],
    }
    spec = {
        'betaGeo': (ll_bgnbd, mll_bgnbd, [px, ptx, pT], pw, 4),
        'paretoNbd': (ll_pareto, mll_pareto, [px, ptx, pT], pw, 4),
        'modifiedBetaGeo': (ll_mbgnbd, mll_mbgnbd, [px, ptx, pT], pw, 4),
        'gammaGamma': (ll_gg, mll_gg, [gx, gm], gw, 3),
        'betaGeoBetaBinom': (ll_bgbb, mll_bgbb, dcols, dw, 4),
    }
    for name, (ll, mll, cols, w, k) in spec.items():
        p0 = published[name]
        entry = {'atParams': p0}
        entry['logLikelihood'] = f(mp_total(mll, p0, cols, w))
        entry['gradient'] = mp_grad(mll, p0, cols, w)
        # numpy and mpmath agree (self-check of the two implementations)
        assert abs((w * ll(np.array(p0), *cols)).sum() - entry['logLikelihood']) < 1e-8 * abs(entry['logLikelihood']), name
        fits = {}
        for pen in [0.0, 0.01]:
            p, llv, res = fit(ll, cols, w, k, penalizer=pen)
            fits[str(pen)] = {'params': [float(v) for v in p], 'logLikelihood': llv, 'converged': bool(res.success), 'evaluations': int(res.nfev)}
        entry['fits'] = fits
        entry['standardErrorsAtFit'] = mp_standard_errors(mll, fits['0.0']['params'], cols, w)
        out['models'][name] = entry
        print(name, entry['logLikelihood'], fits['0.0']['params'], fits['0.0']['logLikelihood'], file=sys.stderr)

    # predictions at the published parameters
    idx = list(range(12)) + [int(i) for i in np.argsort(-s[:, 1])[:4]]
    cust = [[f(s[i, 1]), f(s[i, 2]), f(s[i, 3])] for i in idx]
    bg, pn, mb = published['betaGeo'], published['paretoNbd'], published['modifiedBetaGeo']
    times = [0.5, 1, 10, 39, 78]
    for t, n in [(1, 0), (1, 3), (39, 0), (39, 7), (78, 20)]:
        for q in (pn, [0.55, 11.67, 0.61, 10.58]):
            a, b = m_pnbd_pn(q, t, n), m_pnbd_pn_closed(q, t, n)
            assert abs(a - b) <= mp.mpf('1e-25') * b, (q, t, n, a, b)
    out['predictions'] = {
        'customers': cust,
        'times': times,
        'betaGeo': {
            'expected': [f(m_bg_expected(bg, t)) for t in times],
            'conditional39': [f(m_bg_cond(bg, 39, *c)) for c in cust],
            'conditional1': [f(m_bg_cond(bg, 1, *c)) for c in cust],
            'alive': [f(m_bg_alive(bg, *c)) for c in cust],
            'probabilityOfPurchases39': [f(m_bg_pn(bg, 39, n)) for n in range(0, 8)],
            'probabilityOfPurchases1': [f(m_bg_pn(bg, 1, n)) for n in range(0, 4)],
        },
        'paretoNbd': {
            'expected': [f(m_pnbd_expected(pn, t)) for t in times],
            'conditional39': [f(m_pnbd_cond(pn, 39, *c)) for c in cust],
            'alive': [f(m_pnbd_alive(pn, *c)) for c in cust],
            'probabilityOfPurchases39': [f(m_pnbd_pn(pn, 39, n)) for n in range(0, 8)],
            'probabilityOfPurchases1': [f(m_pnbd_pn(pn, 1, n)) for n in range(0, 4)],
            'probabilityOfPurchases78': [f(m_pnbd_pn(pn, 78, n)) for n in [0, 1, 5, 20]],
        },
        'modifiedBetaGeo': {
            'expected': [f(m_mbg_expected(mb, t)) for t in times],
            'conditional39': [f(m_mbg_cond(mb, 39, *c)) for c in cust],
            'alive': [f(m_mbg_alive(mb, *c)) for c in cust],
            'probabilityOfPurchases39': [f(m_mbg_pn(mb, 39, n)) for n in range(0, 8)],
            'probabilityOfPurchases1': [f(m_mbg_pn(mb, 1, n)) for n in range(0, 4)],
        },
    }
    bb = published['betaGeoBetaBinom']
    dpat = [[f(d[i, 0]), f(d[i, 1]), f(d[i, 2])] for i in range(len(d))]
    out['predictions']['betaGeoBetaBinom'] = {
        'patterns': dpat,
        'alive': [f(m_bgbb_alive(bb, *c)) for c in dpat],
        'expected': [f(m_bgbb_expected(bb, n)) for n in [1, 2, 5, 10]],
        'expectedPeriods': [1, 2, 5, 10],
        'conditional5': [f(m_bgbb_cond(bb, 5, *c)) for c in dpat],
        'probabilityOfPurchases5': [f(m_bgbb_pn(bb, 5, k)) for k in range(0, 6)],
        'probabilityOfPurchases1': [f(m_bgbb_pn(bb, 1, k)) for k in range(0, 2)],
        'probabilityOfPurchases30': [f(m_bgbb_pn(bb, 30, k)) for k in [0, 1, 7, 15, 30]],
    }
    gg = published['gammaGamma']
    gcust = [[f(st[i, 1]), f(st[i, 4])] for i in range(40) if st[i, 1] > 0][:12]
    out['predictions']['gammaGamma'] = {
        'customers': gcust,
        'expectedSpend': [f(m_gg_spend(gg, *c)) for c in gcust],
        'populationMean': f(mp.mpf(gg[0]) * mp.mpf(gg[2]) / (mp.mpf(gg[1]) - 1)),
    }
    ccust = [[f(st[i, 1]), f(st[i, 2]), f(st[i, 3]), f(st[i, 4])] for i in range(12)]
    out['predictions']['clv'] = {
        'customers': ccust, 'months': 12, 'discountRate': 0.01, 'unitsPerMonth': 4.345,
        'values': [f(m_clv(bg, gg, *c, 12, 0.01, 4.345)) for c in ccust],
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'value.json')
    with open(path, 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')
    print('wrote', path, file=sys.stderr)


def bench():
    s, st, d = load()
    x, tx, T = s[:, 1], s[:, 2], s[:, 3]
    rep = st[st[:, 1] > 0]
    ones = np.ones(len(x))
    res = {}

    def timeit(fn, reps=5):
        best = []
        cpu = []
        for _ in range(reps):
            t0 = time.perf_counter()
            c0 = time.process_time()
            fn()
            cpu.append((time.process_time() - c0) * 1000)
            best.append((time.perf_counter() - t0) * 1000)
        best.sort()
        cpu.sort()
        return [best[len(best) // 2], cpu[len(cpu) // 2]]
    res['betaGeo'] = timeit(lambda: fit(ll_bgnbd, [x, tx, T], ones, 4, jac='2-point'))
    res['paretoNbd'] = timeit(lambda: fit(ll_pareto, [x, tx, T], ones, 4, jac='2-point'), 3)
    res['modifiedBetaGeo'] = timeit(lambda: fit(ll_mbgnbd, [x, tx, T], ones, 4, jac='2-point'))
    res['gammaGamma'] = timeit(lambda: fit(ll_gg, [rep[:, 1], rep[:, 4]], np.ones(len(rep)), 3, jac='2-point'))
    res['betaGeoBetaBinom'] = timeit(lambda: fit(ll_bgbb, [d[:, 0], d[:, 1], d[:, 2]], d[:, 3], 4, jac='2-point'), 3)
    res['uciPipeline'] = timeit(uci_pipeline, 1)
    res['cdnowMasterPipeline'] = timeit(cdnow_master_pipeline, 3)
    print(json.dumps(res))


def summary_fit_clv(cust, day, amount, end):
    import pandas as pd
    df = pd.DataFrame({'c': cust, 'day': day, 'amount': amount})
    g = df.groupby(['c', 'day'])['amount'].sum().reset_index()
    first = g.groupby('c')['day'].transform('min')
    g['first'] = g['day'] == first
    agg = g.groupby('c').agg(n=('day', 'size'), mn=('day', 'min'), mx=('day', 'max'), tot=('amount', 'sum'))
    firstamt = g[g['first']].set_index('c')['amount']
    x = (agg['n'] - 1).to_numpy(float)
    tx = ((agg['mx'] - agg['mn']).dt.days / 7).to_numpy(float)
    T = ((end - agg['mn']).dt.days / 7).to_numpy(float)
    m = np.where(x > 0, (agg['tot'] - firstamt.reindex(agg.index)).to_numpy(float) / np.maximum(x, 1), 0)
    bg, _, _ = fit(ll_bgnbd, [x, tx, T], np.ones(len(x)), 4, jac='2-point')
    rp = x > 0
    gg, _, _ = fit(ll_gg, [x[rp], m[rp]], np.ones(rp.sum()), 3, jac='2-point')
    r, al, a, b = bg
    pp, q, gm = gg
    spend = np.where(x > 0, pp * (gm + x * m) / (pp * x + q - 1), pp * gm / (q - 1))

    def cond(t):
        hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t))
        num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * hyp)
        den = 1 + np.where(x > 0, a / np.maximum(b + x - 1, 1e-300) * ((al + T) / (al + tx)) ** (r + x), 0)
        return num / den
    clv = np.zeros(len(x))
    prev = np.zeros(len(x))
    for i in range(1, 13):
        c = cond(i * 4.345)
        clv += spend * (c - prev) / 1.01 ** i
        prev = c
    return clv


def cdnow_master_pipeline():
    import pandas as pd
    df = pd.read_csv(os.path.join(DATA, 'cdnow', 'CDNOW_master.txt'), sep=r'\s+', dtype={'customer_id': str, 'date': str})
    df = df[df['dollar_value'] > 0]
    day = pd.to_datetime(df['date'], format='%Y%m%d')
    return summary_fit_clv(df['customer_id'].to_numpy(), day.to_numpy(), df['dollar_value'].to_numpy(float), pd.Timestamp('1998-06-30'))


def uci_pipeline():
    import pandas as pd
    df = pd.read_csv(os.path.join(DATA, 'uci-online-retail', 'online_retail.csv.gz'), dtype={'InvoiceNo': str, 'StockCode': str, 'CustomerID': str})
    df = df[df['CustomerID'].notna()]
    amount = df['Quantity'] * df['UnitPrice']
    df = df[amount > 0]
    amount = amount[amount > 0]
    day = pd.to_datetime(df['InvoiceDate']).dt.floor('D')
    return summary_fit_clv(df['CustomerID'].to_numpy(), day.to_numpy(), amount.to_numpy(float), pd.Timestamp('2011-12-09'))


def rss(which):
    """Peak resident memory of one pipeline run in this process: baseline after imports, and peak."""
    import resource
    import pandas  # noqa: F401  (imported before the baseline, as the pipeline needs it)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (uci_pipeline if which == 'uci' else cdnow_master_pipeline)()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'baselineMB': base, 'peakMB': peak}))


if __name__ == '__main__':
    if '--rss' in sys.argv:
        warnings.simplefilter('ignore')
        rss(sys.argv[sys.argv.index('--rss') + 1])
    elif '--bench' in sys.argv:
        warnings.simplefilter('ignore')
        bench()
    else:
        main()
