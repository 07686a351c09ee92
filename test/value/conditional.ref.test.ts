import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, conditionalProbabilityOfPurchases, customerLifetimeValue, InvalidInputError, ModelFormatError } from 'crmkit/value';
import { expectClose } from '../helpers/close.js';
import fx from '../fixtures/value-conditional.json';

const BG = { kind: 'betaGeo', params: { r: fx.betaGeo[0]!, alpha: fx.betaGeo[1]!, a: fx.betaGeo[2]!, b: fx.betaGeo[3]! } } as const;
const MBG = { kind: 'modifiedBetaGeo', params: { r: fx.modifiedBetaGeo[0]!, alpha: fx.modifiedBetaGeo[1]!, a: fx.modifiedBetaGeo[2]!, b: fx.modifiedBetaGeo[3]! } } as const;
const PNBD = { kind: 'paretoNbd', params: { r: fx.paretoNbd[0]!, alpha: fx.paretoNbd[1]!, s: fx.paretoNbd[2]!, beta: fx.paretoNbd[3]! } } as const;

describe('conditional expectations at large frequencies (scripts/reference/value_conditional.py, mpmath)', () => {
  it('BG/NBD and MBG/NBD at x up to 1000 and long horizons match mpmath to 1e-9', () => {
    fx.largeFrequency.cases.forEach(([x, tx, T, t], i) => {
      const c = [{ frequency: x!, recency: tx!, T: T! }];
      expectClose(conditionalExpectedPurchases(BG, c, t!)[0]!, fx.largeFrequency.betaGeo[i]!, { rel: 1e-9 }, `BG case ${i}`);
      expectClose(conditionalExpectedPurchases(MBG, c, t!)[0]!, fx.largeFrequency.modifiedBetaGeo[i]!, { rel: 1e-9 }, `MBG case ${i}`);
    });
    expect(conditionalExpectedPurchases(BG, [{ frequency: 1000, recency: 99, T: 100 }], 180)[0]!.toFixed(2)).toBe('85.76');
  });
  it('CLV of a very frequent buyer is finite (the monthly increments use the same expectation)', () => {
    const v = customerLifetimeValue(BG, { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } }, [{ frequency: 1000, recency: 99, T: 100, monetaryValue: 30 }], { months: 24, timeUnit: 'week' });
    expect(Number.isFinite(v[0])).toBe(true);
    expect(v[0]!).toBeGreaterThan(0);
  });
});

describe('conditionalProbabilityOfPurchases(model, customers, t, n)', () => {
  it('matches the joint-law integrals in mpmath to 1e-9 (BG/NBD, MBG/NBD and Pareto/NBD)', () => {
    fx.conditionalPn.cases.forEach(([x, tx, T, t, n], i) => {
      const c = [{ frequency: x!, recency: tx!, T: T! }];
      expectClose(conditionalProbabilityOfPurchases(BG, c, t!, n!)[0]!, fx.conditionalPn.betaGeo[i]!, { rel: 1e-9 }, `BG case ${i}`);
      expectClose(conditionalProbabilityOfPurchases(PNBD, c, t!, n!)[0]!, fx.conditionalPn.paretoNbd[i]!, { rel: 1e-9 }, `Pareto case ${i}`);
      expectClose(conditionalProbabilityOfPurchases(MBG, c, t!, n!)[0]!, fx.conditionalPn.modifiedBetaGeo[i]!, { rel: 1e-9 }, `MBG case ${i}`);
    });
  });
  it('sums to 1 over n, and its mean is the conditional expectation', () => {
    const c = [{ frequency: 3, recency: 20, T: 38 }, { frequency: 0, recency: 0, T: 12 }];
    for (const m of [BG, MBG, PNBD]) {
      const mean = conditionalExpectedPurchases(m, c, 26);
      for (let j = 0; j < c.length; j++) {
        let total = 0;
        let first = 0;
        for (let n = 0; n < 150; n++) {
          const p = conditionalProbabilityOfPurchases(m, [c[j]!], 26, n)[0]!;
          total += p;
          first += n * p;
        }
        expectClose(total, 1, { rel: 1e-10 }, `${m.kind} total`);
        expectClose(first, mean[j]!, { rel: 1e-8 }, `${m.kind} mean`);
      }
    }
  });
  it('t = 0 gives certainty of no purchase; bad input is a typed error', () => {
    expect(conditionalProbabilityOfPurchases(BG, [{ frequency: 1, recency: 1, T: 2 }], 0, 0)).toEqual([1]);
    expect(() => conditionalProbabilityOfPurchases(BG, [{ frequency: 1, recency: 1, T: 2 }], -1, 0)).toThrow(InvalidInputError);
    expect(() => conditionalProbabilityOfPurchases(BG, [{ frequency: 1, recency: 1, T: 2 }], 1, 1.5)).toThrow(InvalidInputError);
    expect(() => conditionalProbabilityOfPurchases({ kind: 'betaGeoBetaBinom', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } } as never, [{ frequency: 1, recency: 1, T: 2 }], 1, 1)).toThrow(ModelFormatError);
  });
});
