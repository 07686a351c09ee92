import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  bayesianBetaBinomial,
  chiSquareTest,
  cupedAdjust,
  deltaMethodRatio,
  fisherExactTest,
  InvalidInputError,
  relativeLift,
  mannWhitneyUTest,
  sampleRatioMismatchTest,
  sequentialTest,
  twoProportionZTest,
  welchTTest,
  type Alternative,
} from 'crmkit/experiment';

const inUnit = (p: number): boolean => Number.isFinite(p) && p >= 0 && p <= 1;
const alt = fc.constantFrom<Alternative>('two-sided', 'greater', 'less');
const arm = fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.record({ n: fc.constant(n), conversions: fc.integer({ min: 0, max: n }) }));

describe('every p-value is finite and in [0, 1]', () => {
  it('twoProportionZTest (pooled and unpooled), sequentialTest', () => {
    fc.assert(
      fc.property(arm, arm, alt, fc.boolean(), (c, t, alternative, pooled) => {
        expect(inUnit(twoProportionZTest(c, t, { alternative, pooled }).pValue)).toBe(true);
        expect(inUnit(sequentialTest(c, t).pValue)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('welchTTest on summaries (Welch and Student)', () => {
    const s = fc.record({
      n: fc.integer({ min: 2, max: 1e6 }),
      mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      sd: fc.double({ min: 0, max: 1e4, noNaN: true }),
    });
    fc.assert(
      fc.property(s, s, alt, fc.boolean(), (c, t, alternative, equalVariance) => {
        expect(inUnit(welchTTest(c, t, { alternative, equalVariance }).pValue)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('chiSquareTest, fisherExactTest, sampleRatioMismatchTest', () => {
    const cell = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(cell, cell, cell, cell, alt, (a, b, c, d, alternative) => {
        const x = chiSquareTest([[a, b], [c, d]]);
        if (x.defined) expect(inUnit(x.pValue)).toBe(true);
        expect(inUnit(fisherExactTest([[a, b], [c, d]], { alternative }).pValue)).toBe(true);
        if (a + b + c + d > 0) expect(inUnit(sampleRatioMismatchTest([a, b, c, d]).pValue)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('mannWhitneyUTest', () => {
    const v = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(v, v, alt, (c, t, alternative) => {
        expect(inUnit(mannWhitneyUTest(c, t, { alternative }).pValue)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('welchTTest on raw arrays, relativeLift, deltaMethodRatio, cupedAdjust', () => {
    const vals = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 4, maxLength: 25 });
    fc.assert(
      fc.property(vals, vals, alt, (c, t, alternative) => {
        expect(inUnit(welchTTest(c, t, { alternative }).pValue)).toBe(true);
        // the control mean is 0 exactly only by the library's own (Welford) arithmetic, which a
        // naive sum here cannot predict (counterexample: [0, 999.999999999999, 0, −999.9999999999991]):
        // then the documented typed error is the right answer
        let lift: ReturnType<typeof relativeLift> | undefined;
        try {
          lift = relativeLift(c, t, { alternative });
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidInputError);
          expect((e as Error).message).toContain('control mean must not be 0');
        }
        if (lift) expect(inUnit(lift.pValue)).toBe(true);
        const den = c.map((x) => Math.abs(x) + 1);
        const den2 = t.map((x) => Math.abs(x) + 1);
        expect(inUnit(deltaMethodRatio({ numerator: c, denominator: den }, { numerator: t, denominator: den2 }, { alternative }).pValue)).toBe(true);
        const xc = c.map((v, i) => v * 0.5 + i);
        const xt = t.map((v, i) => v * 0.3 - i);
        expect(inUnit(cupedAdjust({ y: c, x: xc }, { y: t, x: xt }, { alternative }).pValue)).toBe(true);
      }),
      { numRuns: 200, examples: [[[0, 999.999999999999, 0, -999.9999999999991], [0, 0, 0, 0], 'two-sided']] },
    );
  });
  it('adjustPValues keeps adjusted values in [0, 1] and ≥ the raw ones', () => {
    const ps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 });
    const method = fc.constantFrom('bonferroni', 'holm', 'benjamini-hochberg', 'benjamini-yekutieli' as const);
    fc.assert(
      fc.property(ps, method, (p, m) => {
        const r = adjustPValues(p, { method: m });
        r.adjusted.forEach((a, i) => {
          expect(inUnit(a)).toBe(true);
          expect(a).toBeGreaterThanOrEqual(p[i]! * (1 - 1e-15));
        });
      }),
      { numRuns: 200 },
    );
  });
  it('bayesianBetaBinomial probabilities are in [0, 1] and P(T > C) + P(C > T) = 1', () => {
    fc.assert(
      fc.property(arm, arm, (c, t) => {
        const a = bayesianBetaBinomial(c, t).probabilityTreatmentBeatsControl;
        const b = bayesianBetaBinomial(t, c).probabilityTreatmentBeatsControl;
        expect(inUnit(a)).toBe(true);
        expect(Math.abs(a + b - 1)).toBeLessThan(1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
