import { describe, expect, it } from 'vitest';
import {
  cashFlowClv, churnRate, customerAcquisitionCost, customerPotential, retentionClv,
  DimensionMismatchError, InvalidInputError, InvalidOptionError,
} from 'crmkit/value';
import { expectClose } from '../helpers/close.js';

// Tolerance 1e-9 relative for closed forms (stated per contributing.md).
const TOL = { rel: 1e-9 };

describe('cashFlowClv(flows, { discountRate, timing })', () => {
  const flows = Object.freeze({ revenue: Object.freeze([100, 120, 140, 160, 180]), cost: Object.freeze([20, 22, 24, 26, 28]) });
  it('matches the issue reference values for both timings', () => {
    expectClose(cashFlowClv(flows, { discountRate: 0.05 }), 494.6226354343342, TOL, 'end');
    expectClose(cashFlowClv(flows, { discountRate: 0.05, timing: 'end' }), 494.6226354343342, TOL, 'end explicit');
    expectClose(cashFlowClv(flows, { discountRate: 0.05, timing: 'begin' }), 519.3537672060509, TOL, 'begin');
  });
  it('begin = (1 + r) × end, and r = 0 is the plain sum of margins', () => {
    const f = { revenue: [3, -1, 7.5] };
    expectClose(cashFlowClv(f, { discountRate: 0.13, timing: 'begin' }), 1.13 * cashFlowClv(f, { discountRate: 0.13 }), TOL);
    expect(cashFlowClv(f, { discountRate: 0 })).toBe(9.5);
  });
  it('throws typed errors on bad input', () => {
    expect(() => cashFlowClv({ revenue: [1, NaN] }, { discountRate: 0.1 })).toThrow(InvalidInputError);
    expect(() => cashFlowClv({ revenue: [] }, { discountRate: 0.1 })).toThrow(InvalidInputError);
    expect(() => cashFlowClv({ revenue: [1, 2], cost: [1] }, { discountRate: 0.1 })).toThrow(DimensionMismatchError);
    expect(() => cashFlowClv({ revenue: [1] }, { discountRate: -1 })).toThrow(InvalidOptionError);
    expect(() => cashFlowClv({ revenue: [1] }, {} as never)).toThrow(/discountRate is required/);
    expect(() => cashFlowClv({ revenue: [1] }, { discountRate: 0.1, timing: 'middle' as never })).toThrow(InvalidOptionError);
    expect(() => cashFlowClv({ revenue: [1] }, { discountRate: 0.1, rate: 1 } as never)).toThrow(/unknown option 'rate'/);
  });
});

describe('customerPotential(revenue, cost)', () => {
  it('divides element-wise and rejects zero cost', () => {
    expect(customerPotential([10, 3], [4, 6])).toEqual([2.5, 0.5]);
    expect(() => customerPotential([1], [0])).toThrow(/cost\[0\] must be in \(0, Infinity\)/);
    expect(() => customerPotential([1, 2], [1])).toThrow(DimensionMismatchError);
  });
});

describe('customerAcquisitionCost({ spend, newCustomers })', () => {
  it('is spend per new customer', () => {
    expect(customerAcquisitionCost({ spend: 1000, newCustomers: 8 })).toBe(125);
    expect(() => customerAcquisitionCost({ spend: 1000, newCustomers: 0 })).toThrow(InvalidInputError);
    expect(() => customerAcquisitionCost({ spend: -1, newCustomers: 2 })).toThrow(InvalidInputError);
  });
});

describe('retentionClv({ margin, retentionRate, discountRate })', () => {
  it('equals the limit of the discounted survival series Σ m ρ^t / (1+d)^t', () => {
    const m = 37;
    const rho = 0.72;
    const d = 0.08;
    let s = 0;
    for (let t = 1; t < 2000; t++) s += (m * rho ** t) / (1 + d) ** t;
    expectClose(retentionClv({ margin: m, retentionRate: rho, discountRate: d }), s, TOL);
  });
  it('rejects a rate outside [0, 1] and a non-convergent series', () => {
    expect(() => retentionClv({ margin: 1, retentionRate: 1.2, discountRate: 0.1 })).toThrow(InvalidInputError);
    expect(() => retentionClv({ margin: 1, retentionRate: 1, discountRate: 0 })).toThrow(/must be > 0/);
  });
});

describe('churnRate({ atStart, lost })', () => {
  it('gives per-period and pooled rates', () => {
    const r = churnRate({ atStart: [200, 100], lost: [20, 30] });
    expect(r.churn).toEqual([0.1, 0.3]);
    expectClose(r.retention[0]!, 0.9, TOL);
    expectClose(r.pooledChurn, 50 / 300, TOL);
    expectClose(r.pooledRetention, 250 / 300, TOL);
  });
  it('rejects lost > atStart and non-integers', () => {
    expect(() => churnRate({ atStart: [10], lost: [11] })).toThrow(/lost\[0\]/);
    expect(() => churnRate({ atStart: [10.5], lost: [1] })).toThrow(/atStart\[0\]/);
    expect(() => churnRate({ atStart: [10, 2], lost: [1] })).toThrow(DimensionMismatchError);
  });
});
