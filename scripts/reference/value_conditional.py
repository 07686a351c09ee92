#!/usr/bin/python3
"""Reference for crmkit/value's conditional predictions: E[Y(t) | x, t_x, T] at large frequencies
(BG/NBD, MBG/NBD) and P(n purchases in the next t | x, t_x, T) (BG/NBD, MBG/NBD, Pareto/NBD), in mpmath.

Pinned (Debian python3): mpmath 1.2.1.

  /usr/bin/python3 scripts/reference/value_conditional.py   # writes test/fixtures/value-conditional.json

The conditional probabilities are computed from the joint law of the history and the next t, without
the factorization crmkit uses (posterior given alive = a new customer with updated parameters):
  P(N = n | h) = P(h, N = n) / P(h),
integrating the individual-level law over the parameter distributions numerically (mpmath.quad):
- BG/NBD, per (lambda, p): alive after the history with weight lambda^x e^{-lambda T} (1-p)^x, then in
  the next t: n = 0 w.p. e^{-lambda t}; n >= 1 w.p. (1-p)^(n-1) p P(Pois(lambda t) >= n) +
  (1-p)^n P(Pois(lambda t) = n); dead with weight p (1-p)^(x-1) lambda^x e^{-lambda t_x} (x > 0), n = 0.
  p and lambda are integrated in closed form (beta and gamma functions), term by term.
- MBG/NBD: as BG/NBD with the coin also tossed at time 0: alive weight lambda^x e^{-lambda T} (1-p)^(x+1),
  dead weight p (1-p)^x lambda^x e^{-lambda t_x} (also for x = 0).
- Pareto/NBD, per (lambda, mu): alive weight lambda^x e^{-(lambda+mu) T}, then n purchases in
  min(tau, t) with tau ~ Exp(mu); dead weight int_{t_x}^T lambda^x e^{-lambda u} mu e^{-mu u} du.
  lambda and mu are integrated in closed form inside, the lifetime (death time) by quadrature.
"""
import json
import os
import sys

import mpmath as mp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from value import ROOT, m_bg_cond, m_mbg_cond  # noqa: E402

mp.mp.dps = 25
BG = [0.2426, 4.4136, 0.7929, 2.4259]          # FHL 2005, CDNOW weeks
MBG = [0.525, 6.183, 0.891, 1.614]
PNBD = [0.5533, 10.5776, 0.6061, 11.6650]       # Fader & Hardie, CDNOW weeks


def gamma_pdf(shape, rate):
    return lambda v: rate ** shape * v ** (shape - 1) * mp.exp(-rate * v) / mp.gamma(shape)


def pois(k, m):
    return mp.exp(-m) * m ** k / mp.factorial(k)


def pois_ge(k, m):
    return 1 - mp.fsum(pois(j, m) for j in range(k))


def bg_cond_pn(p, t, n, x, tx, T):
    r, al, a, b = [mp.mpf(v) for v in p]
    t, tx, T = mp.mpf(t), mp.mpf(tx), mp.mpf(T)
    B = mp.beta
    # E[lambda^k e^{-lambda v}] under the Gamma(r, alpha) prior, in closed form
    M = lambda k, v: mp.gamma(r + k) * al ** r / (mp.gamma(r) * (al + v) ** (r + k))
    # p integrated in closed form: E[(1-p)^x], E[p (1-p)^(x-1)]
    Ealive = B(a, b + x) / B(a, b)
    Edead = B(a + 1, b + x - 1) / B(a, b) if x > 0 else mp.mpf(0)
    hist = Ealive * M(x, T) + Edead * M(x, tx)
    if n == 0:
        joint = Ealive * M(x, T + t) + Edead * M(x, tx)
    else:
        # alive through T, then: n purchases and dead at the n-th (needs >= n Poisson events), or n and alive
        ge = M(x, T) - mp.fsum(t ** j / mp.factorial(j) * M(x + j, T + t) for j in range(n))
        eq = t ** n / mp.factorial(n) * M(x + n, T + t)
        joint = B(a + 1, b + x + n - 1) / B(a, b) * ge + B(a, b + x + n) / B(a, b) * eq
    return joint / hist


def mbg_cond_pn(p, t, n, x, tx, T):
    # MBG/NBD: the drop-out coin is also tossed at time 0, so alive after the history has weight
    # lambda^x e^{-lambda T} (1-p)^(x+1) and dead p (1-p)^x lambda^x e^{-lambda t_x} (x = 0 included:
    # gone at time 0); the next t goes as in BG/NBD (a coin after each purchase)
    r, al, a, b = [mp.mpf(v) for v in p]
    t, tx, T = mp.mpf(t), mp.mpf(tx), mp.mpf(T)
    B = mp.beta
    M = lambda k, v: mp.gamma(r + k) * al ** r / (mp.gamma(r) * (al + v) ** (r + k))
    Ealive = B(a, b + x + 1) / B(a, b)
    Edead = B(a + 1, b + x) / B(a, b)
    hist = Ealive * M(x, T) + Edead * M(x, tx)
    if n == 0:
        joint = Ealive * M(x, T + t) + Edead * M(x, tx)
    else:
        ge = M(x, T) - mp.fsum(t ** j / mp.factorial(j) * M(x + j, T + t) for j in range(n))
        eq = t ** n / mp.factorial(n) * M(x + n, T + t)
        joint = B(a + 1, b + x + n) / B(a, b) * ge + B(a, b + x + 1 + n) / B(a, b) * eq
    return joint / hist


def pnbd_cond_pn(p, t, n, x, tx, T):
    r, al, s, be = [mp.mpf(v) for v in p]
    t, tx, T = mp.mpf(t), mp.mpf(tx), mp.mpf(T)
    # lambda integrated in closed form: E[lambda^(x+n) e^{-lambda v}] under Gamma(r, alpha)
    lam = lambda k, v: mp.gamma(r + k) * al ** r / (mp.gamma(r) * (al + v) ** (r + k))
    # mu in closed form: E[e^{-mu v}] and E[mu e^{-mu v}] under Gamma(s, beta)
    surv = lambda v: (be / (be + v)) ** s
    dens = lambda v: s * be ** s / (be + v) ** (s + 1)
    # alive through T, then n purchases in min(tau, t): lifetime beyond T + t, or ending at T + u
    K = lambda u: lam(x + n, T + u) * u ** n / mp.factorial(n)
    alive = surv(T + t) * K(t) + mp.quad(lambda u: dens(T + u) * K(u), [0, t / 4, t / 2, t])
    # died between t_x and T (no purchase after t_x): only n = 0
    dead = mp.quad(lambda v: lam(x, v) * dens(v), [tx, (tx + T) / 2, T]) if T > tx else mp.mpf(0)
    hist = lam(x, T) * surv(T) + dead
    return (alive + (dead if n == 0 else 0)) / hist


def main():
    out = {'betaGeo': BG, 'modifiedBetaGeo': MBG, 'paretoNbd': PNBD}
    big = [[1000, 99, 100, 180], [1000, 99, 100, 39], [500, 60, 78, 520], [200, 30, 38.86, 52.14], [2, 30.43, 38.86, 1000]]
    out['largeFrequency'] = {
        'cases': big,
        'betaGeo': [float(m_bg_cond(BG, t, x, tx, T)) for x, tx, T, t in big],
        'modifiedBetaGeo': [float(m_mbg_cond(MBG, t, x, tx, T)) for x, tx, T, t in big],
    }
    cases = [[0, 0, 38.86, 39, 0], [0, 0, 38.86, 39, 1], [2, 30.43, 38.86, 39, 0], [2, 30.43, 38.86, 39, 1],
             [2, 30.43, 38.86, 39, 3], [7, 20, 38, 10, 2], [7, 37.5, 38, 52, 5], [1, 2, 35, 26, 0]]
    out['conditionalPn'] = {
        'cases': cases,
        'betaGeo': [float(bg_cond_pn(BG, t, n, x, tx, T)) for x, tx, T, t, n in cases],
        'modifiedBetaGeo': [float(mbg_cond_pn(MBG, t, n, x, tx, T)) for x, tx, T, t, n in cases],
        'paretoNbd': [float(pnbd_cond_pn(PNBD, t, n, x, tx, T)) for x, tx, T, t, n in cases],
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'value-conditional.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
