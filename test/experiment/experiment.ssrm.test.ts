/**
 * sequentialSrmTest: gbstats' tests/test_ssrm.py assertions (inequalities), figures from an
 * independent 40-digit mpmath implementation (scripts/reference/experiment_ssrm.py) at 1e-9, and the
 * always-valid property (simulated daily looks under the planned split rarely cross α).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from 'crmkit';
import { InvalidInputError, InvalidOptionError, sampleRatioMismatchTest, sequentialSrmTest } from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_ssrm');

describe('sequentialSrmTest', () => {
  it("gbstats' test_ssrm assertions", () => {
    expect(sequentialSrmTest([[500, 500]]).pValue).toBeGreaterThan(0.05);
    expect(sequentialSrmTest([[100, 900]]).pValue).toBeLessThan(0.05);
    expect(sequentialSrmTest([[250, 250], [250, 250]]).pValue).toBeGreaterThan(0.05);
    expect(sequentialSrmTest([[50, 450], [50, 450]]).pValue).toBeLessThan(0.05);
    expect(sequentialSrmTest([[0, 0]]).pValue).toBe(1);
    const p = sequentialSrmTest([[500, 600]]).pValue;
    expect(p >= 0 && p <= 1).toBe(true);
  });

  it('p-values after every period and the log Bayes factor vs mpmath (1e-9)', () => {
    for (const c of fx) {
      const r = sequentialSrmTest(c.periods, { weights: c.weights, concentration: c.concentration, slabWeight: c.slabWeight });
      c.pValues.forEach((p: number, t: number) => expectClose(r.pValues[t]!, p, { rel: 1e-9, abs: 1e-300 }, `p after period ${t}`));
      expectClose(r.logBayesFactor, c.logBayesFactor, { rel: 1e-9, abs: 1e-9 }, 'log BF');
    }
  });

  it('warning band between 0.001 and 0.01, beside the χ² test', () => {
    const r = sequentialSrmTest([[5000, 5150], [5100, 5200], [0, 0], [4900, 5300]], { warningThreshold: 0.02 });
    expect(r.mismatch).toBe(false);
    expect(r.warning).toBe(true);
    expect(r.users).toEqual([15000, 15650]);
    expect(sampleRatioMismatchTest(r.users).pValue).toBeLessThan(r.pValue); // the fixed test is less conservative on the totals
  });

  it('stays valid under daily looks: under the planned split, P(p ever < 0.05 over 30 days) ≤ 0.05 (+3 SE)', () => {
    const rng = createRandom(7);
    const runs = 400;
    let crossed = 0;
    for (let s = 0; s < runs; s++) {
      const days: number[][] = [];
      for (let d = 0; d < 30; d++) {
        let a = 0;
        for (let u = 0; u < 200; u++) if (rng.uniform() < 0.5) a++;
        days.push([a, 200 - a]);
      }
      if (sequentialSrmTest(days).pValue < 0.05) crossed++;
    }
    expect(crossed / runs).toBeLessThan(0.05 + 3 * Math.sqrt((0.05 * 0.95) / runs));
  });

  it('typed errors', () => {
    expect(() => sequentialSrmTest([[1, 2], [1]])).toThrow(InvalidInputError);
    expect(() => sequentialSrmTest([[1.5, 2]])).toThrow(InvalidInputError);
    expect(() => sequentialSrmTest([[1, 2]], { weights: [1] })).toThrow(InvalidInputError);
    expect(() => sequentialSrmTest([[1, 2]], { slabWeight: 2 })).toThrow(InvalidOptionError);
  });
});
