/**
 * One-sided sequential tests against gbstats' published test values (tests/frequentist/test_tests.py,
 * TestSequentialOneSided{Greater,Lesser}TTest, tuning 5000): the confidence sequences to 1e-9; the
 * p-value, which gbstats finds by bisection to a 1e-6 tolerance on the bound, in closed form here.
 */
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, sequentialTest } from '../../src/experiment/index.js';
import { expectClose } from '../helpers/close.js';

const a = { n: 3000, sum: 1396.87, sumSquares: 52377.9767 };
const b = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };
const CLOSED = { rel: 1e-9 };

describe('sequentialTest one-sided (gbstats SequentialOneSided*TTest)', () => {
  it('greater, absolute: interval and p-value', () => {
    const r = sequentialTest(a, b, { alternative: 'greater' });
    expectClose(r.estimate, 0.23437666666666668, CLOSED, 'estimate');
    expectClose(r.standardError, 0.12983081254184736, CLOSED, 'se');
    expectClose(r.confidenceInterval.lower, -0.12656844172804982, CLOSED, 'lower');
    expect(r.confidenceInterval.upper).toBe(Infinity);
    // gbstats: 0.46316491943359384 from bisection (|bound| < 1e-6), so only ~1e-4 apart
    expectClose(r.pValue, 0.46316491943359384, { abs: 2e-4 }, 'p vs gbstats');
    // the closed-form p is the α at which the bound touches 0 (ρ held at its value for alpha = 0.05)
    const k = r.rho * r.rho;
    const n = r.n;
    const s2 = r.standardError ** 2 * n;
    const tr = n * k + 1;
    const half = Math.sqrt(((s2 * 2 * tr) / (n * n * k)) * Math.log(1 + Math.sqrt(tr) / (2 * r.pValue)));
    expectClose(half, r.estimate, CLOSED, 'bound at α = p is 0');
  });

  it('greater, relative; less, both: intervals as gbstats, p = 1 when the estimate points away', () => {
    const g = sequentialTest(a, b, { alternative: 'greater', differenceType: 'relative' });
    expectClose(g.estimate, 0.5033610858562358, CLOSED, 'lift');
    expectClose(g.confidenceInterval.lower, -0.42356454602790883, CLOSED, 'lower');
    expect(g.pValue).toBeGreaterThan(0.4999); // gbstats reports its bisection cap 0.4999
    const l = sequentialTest(a, b, { alternative: 'less', differenceType: 'relative' });
    expectClose(l.confidenceInterval.upper, 1.4302867177403806, CLOSED, 'upper rel');
    expect(l.confidenceInterval.lower).toBe(-Infinity);
    expect(l.pValue).toBe(1);
    const la = sequentialTest(a, b, { alternative: 'less' });
    expectClose(la.confidenceInterval.upper, 0.5953217750613832, CLOSED, 'upper abs');
    expect(la.alternative).toBe('less');
  });

  it('is narrower on its finite side than the two-sided sequence, and rejects a bad alternative', () => {
    const two = sequentialTest(a, b);
    const one = sequentialTest(a, b, { alternative: 'greater' });
    expect(one.confidenceInterval.lower).toBeGreaterThan(two.confidenceInterval.lower);
    expect(one.pValue).toBeLessThan(two.pValue);
    expect(() => sequentialTest(a, b, { alternative: 'bigger' as never })).toThrow(InvalidOptionError);
  });
});
