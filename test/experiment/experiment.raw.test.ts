/**
 * twoProportionZTest on raw per-user 0/1 arrays: validation (typed errors naming the index) and
 * exact agreement with the summary path, including on the statsmodels reference cases of
 * test/fixtures/experiment.json (scripts/reference/experiment.py, statsmodels 0.13.5) at 1e-9.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, twoProportionZTest, type Alternative } from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment');

/** n users with `conversions` ones, spread through the array (not just a prefix). */
function rawArm(n: number, conversions: number): Uint8Array {
  const out = new Uint8Array(n);
  // place conversions at evenly spaced positions
  for (let k = 0; k < conversions; k++) out[Math.floor((k * n) / conversions)] = 1;
  return out;
}

describe('twoProportionZTest(rawControl, rawTreatment)', () => {
  it('raw arrays, booleans and typed arrays give exactly the summary result', () => {
    const c = { n: 7, conversions: 2 };
    const t = { n: 9, conversions: 5 };
    const ref = twoProportionZTest(c, t);
    expect(twoProportionZTest([0, 1, 0, 0, 1, 0, 0], [1, 1, 0, 1, 0, 1, 0, 1, 0])).toEqual(ref);
    expect(twoProportionZTest([false, true, false, false, true, false, false], [true, true, false, true, false, true, false, true, false])).toEqual(ref);
    expect(twoProportionZTest([0, 1, 0, 0, true, false, 0], new Float64Array([1, 1, 0, 1, 0, 1, 0, 1, 0]))).toEqual(ref);
    expect(twoProportionZTest(rawArm(7, 2), t, { pooled: false, alternative: 'less', alpha: 0.01 })).toEqual(
      twoProportionZTest(c, t, { pooled: false, alternative: 'less', alpha: 0.01 }),
    );
  });

  it('matches statsmodels on every reference case when the arms are given raw (1e-9)', () => {
    for (const cse of fx.twoProportion as {
      control: { n: number; conversions: number };
      treatment: { n: number; conversions: number };
      alternative: Alternative;
      pooled?: { statistic: number; pValue: number };
      unpooled?: { statistic: number; pValue: number };
    }[]) {
      const rc = rawArm(cse.control.n, cse.control.conversions);
      const rt = rawArm(cse.treatment.n, cse.treatment.conversions);
      for (const pooled of [true, false]) {
        const raw = twoProportionZTest(rc, rt, { alternative: cse.alternative, pooled });
        expect(raw).toEqual(twoProportionZTest(cse.control, cse.treatment, { alternative: cse.alternative, pooled }));
        const ref = pooled ? cse.pooled : cse.unpooled;
        if (ref) {
          expectClose(raw.statistic, ref.statistic, { rel: 1e-9 }, 'z from raw');
          expectClose(raw.pValue, ref.pValue, { rel: 1e-9, abs: 1e-300 }, 'p from raw');
        }
      }
    }
  });

  it('property: any 0/1 array equals its { n, conversions } summary exactly', () => {
    const bits = fc.array(fc.oneof(fc.constantFrom(0, 1), fc.boolean()), { minLength: 1, maxLength: 200 });
    const count = (a: (number | boolean)[]): { n: number; conversions: number } => ({
      n: a.length,
      conversions: a.filter((v) => v === 1 || v === true).length,
    });
    fc.assert(
      fc.property(bits, bits, fc.constantFrom<Alternative>('two-sided', 'greater', 'less'), fc.boolean(), (a, b, alternative, pooled) => {
        expect(twoProportionZTest(a, b, { alternative, pooled })).toEqual(twoProportionZTest(count(a), count(b), { alternative, pooled }));
      }),
      { numRuns: 200 },
    );
  });

  it('invalid entries throw InvalidInputError naming the arm and index', () => {
    const ok = [0, 1, 1];
    expect(() => twoProportionZTest([0, 2, 1], ok)).toThrow('experiment/twoProportionZTest: control[1] must be 0, 1, true or false; received 2');
    expect(() => twoProportionZTest(ok, [0, 1, NaN])).toThrow('experiment/twoProportionZTest: treatment[2] must be 0, 1, true or false; received NaN');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => twoProportionZTest([0, , 1] as number[], ok)).toThrow(/control\[1\] must be 0, 1, true or false \(the array has a hole there\)/);
    expect(() => twoProportionZTest(['1', 0] as never, ok)).toThrow(InvalidInputError);
    expect(() => twoProportionZTest([null, 0] as never, ok)).toThrow(/control\[0\]/);
    expect(() => twoProportionZTest([0.5, 0], ok)).toThrow(/control\[0\]/);
    expect(() => twoProportionZTest(new Float64Array([0, 1, -1]), ok)).toThrow(/control\[2\]/);
    expect(() => twoProportionZTest([], ok)).toThrow(InvalidInputError);
    expect(() => twoProportionZTest(ok, new Uint8Array(0))).toThrow(/treatment must have at least 1 value/);
    expect(() => twoProportionZTest('0101' as never, ok)).toThrow(InvalidInputError);
  });
});
