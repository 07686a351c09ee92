import { expect, it } from 'vitest';
import {
  conditionalExpectedPurchases, expectedPurchases, fitBetaGeoBetaBinom, fitModifiedBetaGeo, fitParetoNbd, probabilityAlive, probabilityOfPurchases,
} from 'crmkit/value';
import { modifiedBetaGeoKernel } from '../../src/value/fitModifiedBetaGeo.js';
import { paretoNbdKernel } from '../../src/value/fitParetoNbd.js';
import { betaGeoBetaBinomKernel, toDiscrete } from '../../src/value/fitBetaGeoBetaBinom.js';
import { toPatterns } from '../../src/value/_btyd.js';
import { numericGradient } from '../../src/core/optimize.js';
import { expectAllClose, expectClose } from '../helpers/close.js';
import { describeWithData, readDataCsv } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';
import type { ValueFixture } from './_fixture.js';

// 1e-9 relative at fixed parameters (closed form); 1e-6 relative for fitted parameters (iterative).
// BG/BB has no analytic gradient in crmkit: the mpmath gradient is compared with
// central differences of our log-likelihood, whose rounding error bound is 10·ε·|ℓ|/h for step h
// (the truncation error h²·ℓ''' is far smaller at h = 1e-5); that bound is the tolerance.
const fdBound = (ll: number, h: number): { abs: number } => ({ abs: (10 * 2.220446049250313e-16 * Math.abs(ll)) / h });
const CLOSED = { rel: 1e-9 };
const ITER = { rel: 1e-6 };
const fx = loadFixture<ValueFixture>('value');

describeWithData('MBG/NBD, Pareto/NBD and BG/BB (reference: scripts/reference/value.py, published fits)', [['cdnow', 'cdnow_customers_summary.csv'], ['cdnow', 'donations.csv']], () => {
  const customers = readDataCsv(['cdnow', 'cdnow_customers_summary.csv']).map((r) => ({ frequency: Number(r.frequency), recency: Number(r.recency), T: Number(r.T) }));
  const donations = readDataCsv(['cdnow', 'donations.csv']).map((r) => ({ frequency: Number(r.frequency), recency: Number(r.recency), periods: Number(r.periods), weight: Number(r.weights) }));
  const p = fx.predictions;
  const cust = p.customers.map(([x, tx, T]) => ({ frequency: x!, recency: tx!, T: T! }));

  it('MBG/NBD: LL and analytic gradient at fixed parameters match mpmath; fit matches scipy', () => {
    const ref = fx.models.modifiedBetaGeo;
    const g = new Float64Array(4);
    expectClose(modifiedBetaGeoKernel(toPatterns('t', customers))(Float64Array.from(ref.atParams), g), ref.logLikelihood, CLOSED, 'LL');
    expectAllClose(g, ref.gradient, CLOSED, 'gradient');
    const m = fitModifiedBetaGeo(customers);
    expect(m.converged).toBe(true);
    expectAllClose([m.params.r, m.params.alpha, m.params.a, m.params.b], ref.fits['0.0']!.params, ITER, 'params');
    // standard errors: mpmath Hessian of −ℓ at scipy's optimum (fixture) vs ours at our optimum
    const se = m.standardErrors!;
    expectAllClose([se.r, se.alpha, se.a, se.b], ref.standardErrorsAtFit!, ITER, 'standard errors');
    const m2 = fitModifiedBetaGeo(customers, { penalizer: 0.01 });
    expectAllClose([m2.params.r, m2.params.alpha, m2.params.a, m2.params.b], ref.fits['0.01']!.params, ITER, 'penalized params');
  });

  it('MBG/NBD predictions match mpmath', () => {
    const model = { kind: 'modifiedBetaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
    expectAllClose(p.times.map((t) => expectedPurchases(model, t)), p.modifiedBetaGeo.expected, CLOSED, 'E[X(t)]');
    expectAllClose(conditionalExpectedPurchases(model, cust, 39), p.modifiedBetaGeo.conditional39, CLOSED, 'E[Y(39)]');
    expectAllClose(probabilityAlive(model, cust), p.modifiedBetaGeo.alive, CLOSED, 'P(alive)');
    const pn = p.modifiedBetaGeo;
    expectAllClose(pn.probabilityOfPurchases39.map((_, n) => probabilityOfPurchases(model, 39, n)), pn.probabilityOfPurchases39, CLOSED, 'P(X(39)=n)');
    expectAllClose(pn.probabilityOfPurchases1.map((_, n) => probabilityOfPurchases(model, 1, n)), pn.probabilityOfPurchases1, CLOSED, 'P(X(1)=n)');
  });

  it('Pareto/NBD: LL and analytic gradient at fixed parameters match mpmath', () => {
    const ref = fx.models.paretoNbd;
    const k = paretoNbdKernel(toPatterns('t', customers));
    const g = new Float64Array(4);
    expectClose(k(Float64Array.from(ref.atParams), g), ref.logLikelihood, CLOSED, 'LL');
    expectAllClose(g, ref.gradient, CLOSED, 'gradient');
  });

  it('fitParetoNbd reproduces Fader, Hardie & Lee (2005): r 0.55, α 10.58, s 0.61, β 11.67, LL ≈ −9595.0', () => {
    const m = fitParetoNbd(customers);
    expect(m.converged).toBe(true);
    expect(m.params.r.toFixed(2)).toBe('0.55');
    expect(m.params.alpha.toFixed(2)).toBe('10.58');
    expect(m.params.s.toFixed(2)).toBe('0.61');
    expect(m.params.beta.toFixed(2)).toBe('11.67');
    expect(m.logLikelihood.toFixed(1)).toBe('-9595.0');
    const s = fx.models.paretoNbd.fits['0.0']!;
    expectAllClose([m.params.r, m.params.alpha, m.params.s, m.params.beta], s.params, ITER, 'params vs scipy');
    const se = m.standardErrors!;
    expectAllClose([se.r, se.alpha, se.s, se.beta], fx.models.paretoNbd.standardErrorsAtFit!, ITER, 'standard errors');
  });

  it('Pareto/NBD predictions match mpmath', () => {
    const model = { kind: 'paretoNbd', params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 } } as const;
    expectAllClose(p.times.map((t) => expectedPurchases(model, t)), p.paretoNbd.expected, CLOSED, 'E[X(t)]');
    expectAllClose(conditionalExpectedPurchases(model, cust, 39), p.paretoNbd.conditional39, CLOSED, 'E[Y(39)]');
    expectAllClose(probabilityAlive(model, cust), p.paretoNbd.alive, CLOSED, 'P(alive)');
    // reference: mpmath quadrature of the lifetime density (not the closed form used here)
    const pn = p.paretoNbd;
    expectAllClose(pn.probabilityOfPurchases39.map((_, n) => probabilityOfPurchases(model, 39, n)), pn.probabilityOfPurchases39, CLOSED, 'P(X(39)=n)');
    expectAllClose(pn.probabilityOfPurchases1.map((_, n) => probabilityOfPurchases(model, 1, n)), pn.probabilityOfPurchases1, CLOSED, 'P(X(1)=n)');
    expectAllClose([0, 1, 5, 20].map((n) => probabilityOfPurchases(model, 78, n)), pn.probabilityOfPurchases78, CLOSED, 'P(X(78)=n)');
  });

  it('BG/BB: LL at fixed parameters matches mpmath; fit reproduces Fader, Hardie & Shang (2010)', () => {
    const ref = fx.models.betaGeoBetaBinom;
    const k = betaGeoBetaBinomKernel(toDiscrete('t', donations));
    expectClose(k(Float64Array.from(ref.atParams), undefined), ref.logLikelihood, CLOSED, 'LL');
    expectAllClose(numericGradient((q) => k(q, undefined), ref.atParams, { step: 1e-5 }), ref.gradient, fdBound(ref.logLikelihood, 1e-5), 'gradient');
    const m = fitBetaGeoBetaBinom(donations);
    expect(m.converged).toBe(true);
    expect(m.nCustomers).toBe(11104);
    expect(m.params.alpha.toFixed(3)).toBe('1.204');
    expect(m.params.beta.toFixed(3)).toBe('0.750');
    expect(m.params.gamma.toFixed(3)).toBe('0.657');
    expect(m.params.delta.toFixed(3)).toBe('2.783');
    expect(m.logLikelihood.toFixed(1)).toBe('-33225.6');
    expectAllClose([m.params.alpha, m.params.beta, m.params.gamma, m.params.delta], ref.fits['0.0']!.params, ITER, 'params vs scipy');
    const se = m.standardErrors!;
    expectAllClose([se.alpha, se.beta, se.gamma, se.delta], ref.standardErrorsAtFit!, ITER, 'standard errors');
  });

  it('BG/BB predictions match mpmath', () => {
    const model = { kind: 'betaGeoBetaBinom', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
    const b = p.betaGeoBetaBinom;
    const pats = b.patterns.map(([x, tx, n]) => ({ frequency: x!, recency: tx!, periods: n! }));
    expectAllClose(probabilityAlive(model, pats), b.alive, CLOSED, 'P(alive)');
    expectAllClose(b.expectedPeriods.map((n) => expectedPurchases(model, n)), b.expected, CLOSED, 'E[X(n)]');
    expectAllClose(conditionalExpectedPurchases(model, pats, 5), b.conditional5, CLOSED, 'E[X(n, n+5)]');
    expectAllClose(b.probabilityOfPurchases5.map((_, k) => probabilityOfPurchases(model, 5, k)), b.probabilityOfPurchases5, CLOSED, 'P(X(5)=k)');
    expectAllClose(b.probabilityOfPurchases1.map((_, k) => probabilityOfPurchases(model, 1, k)), b.probabilityOfPurchases1, CLOSED, 'P(X(1)=k)');
    expectAllClose([0, 1, 7, 15, 30].map((k) => probabilityOfPurchases(model, 30, k)), b.probabilityOfPurchases30, CLOSED, 'P(X(30)=k)');
    expect(probabilityOfPurchases(model, 5, 6)).toBe(0);
    expect(probabilityOfPurchases(model, 0, 0)).toBe(1);
  });
});
