/**
 * Probability that each arm is the best: probabilityBest (Beta posteriors), probabilityBestNormal
 * (normal posteriors of arm means) and analyzeExperiment's per-metric chanceToBeBest, against
 * test/fixtures/experiment_best.json (scripts/reference/experiment_best.py: mpmath.quad at 40
 * digits cross-checked with scipy.integrate.quad, scipy 1.10.1, mpmath 1.2.1).
 * Tolerance: 1e-9 relative (the references are quadratures accurate far below that), with 1e-300
 * absolute for probabilities that underflow double precision. Sums to 1: 1e-12 absolute.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeExperiment,
  bayesianNormal,
  InvalidInputError,
  InvalidOptionError,
  probabilityBest,
  probabilityBestNormal,
  type ArmSummaryInput,
} from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { describeWithData, readDataCsv } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';

const REF = { rel: 1e-9, abs: 1e-300 };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_best');
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe('probabilityBestNormal(arms) vs mpmath / scipy quadrature', () => {
  for (const c of fx.normalBest) {
    it(c.label, () => {
      const r = probabilityBestNormal(c.arms);
      r.posteriors.forEach((p, i) => {
        expectClose(p.mean, c.posteriorMeans[i], { rel: 1e-15 }, `posterior mean ${i}`);
        expectClose(p.sd, c.posteriorSds[i], { rel: 1e-15 }, `posterior sd ${i}`);
      });
      r.probabilities.forEach((p, i) => expectClose(p, c.probabilities[i], REF, `P(arm ${i} best)`));
      expectClose(sum(r.probabilities), 1, { abs: 1e-12 }, 'sum');
      r.errors.forEach((e) => expect(e).toBeLessThan(1e-12));
    });
  }
});

describe('probabilityBest(arms) (Beta) vs scipy / mpmath quadrature', () => {
  for (const c of fx.betaBest as { posteriors: { alpha: number; beta: number }[]; probabilities: number[] }[]) {
    it(c.posteriors.map((p) => `Beta(${p.alpha}, ${p.beta})`).join(' · '), () => {
      // integer-count posteriors under a Beta(1, 1) prior; otherwise through the prior with zero data
      const integer = c.posteriors.every((p) => Number.isInteger(p.alpha) && p.alpha >= 1 && Number.isInteger(p.beta) && p.beta >= 1);
      if (integer) {
        const arms = c.posteriors.map((p) => ({ n: p.alpha + p.beta - 2, conversions: p.alpha - 1 }));
        const r = probabilityBest(arms);
        r.probabilities.forEach((p, i) => expectClose(p, c.probabilities[i]!, REF, `P(arm ${i} best)`));
      } else {
        const shift = 0.5; // the real-parameter case is Beta(0.5, 0.5) + counts
        const arms = c.posteriors.map((p) => ({ n: p.alpha + p.beta - 2 * shift, conversions: p.alpha - shift }));
        const r = probabilityBest(arms, { prior: { alpha: shift, beta: shift } });
        r.probabilities.forEach((p, i) => expectClose(p, c.probabilities[i]!, REF, `P(arm ${i} best)`));
      }
    });
  }
});

describe('probabilityBestNormal properties', () => {
  const arm = fc.record({
    n: fc.integer({ min: 2, max: 1e6 }),
    mean: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    sd: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  });
  it('probabilities are in [0, 1] and sum to 1 (1e-12), whatever the arms', () => {
    fc.assert(
      fc.property(fc.array(arm, { minLength: 2, maxLength: 6 }), (arms) => {
        const r = probabilityBestNormal(arms);
        for (const p of r.probabilities) expect(p >= 0 && p <= 1).toBe(true);
        expect(Math.abs(sum(r.probabilities) - 1)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 150 },
    );
  });
  it('two arms equal bayesianNormal’s chance to win (flat prior) to 1e-12; reordering the arms reorders the result', () => {
    fc.assert(
      fc.property(arm, arm, arm, (a, b, c) => {
        const two = probabilityBestNormal([a, b]).probabilities[1]!;
        expect(Math.abs(two - bayesianNormal(a, b).probabilityTreatmentBeatsControl)).toBeLessThanOrEqual(1e-12);
        const abc = probabilityBestNormal([a, b, c]).probabilities;
        const cab = probabilityBestNormal([c, a, b]).probabilities;
        // same integrals, products taken in another order: equal up to rounding
        [abc[2]!, abc[0]!, abc[1]!].forEach((p, i) => expect(Math.abs(cab[i]! - p)).toBeLessThanOrEqual(1e-13));
      }),
      { numRuns: 100 },
    );
  });
  it('nearly equal large means with tiny spreads keep their digits (property-test counterexample)', () => {
    // posterior sds ~1.4e-6 and 1.8e-6 at −1000: x = μ + σz would round away the difference
    const r = probabilityBestNormal([
      { n: 532191, mean: -999.9999999999986, sd: 0.0010000000000000013 },
      { n: 863983, mean: -999.9999999999987, sd: 0.0016658984382091604 },
    ]);
    const two = bayesianNormal(
      { n: 532191, mean: -999.9999999999986, sd: 0.0010000000000000013 },
      { n: 863983, mean: -999.9999999999987, sd: 0.0016658984382091604 },
    ).probabilityTreatmentBeatsControl;
    expectClose(r.probabilities[1]!, two, { abs: 1e-12 }, 'equals the closed form');
    expectClose(sum(r.probabilities), 1, { abs: 1e-12 }, 'sum');
  });
  it('zero-spread arms are point masses; tied point masses share', () => {
    const r = probabilityBestNormal([{ n: 10, mean: 1, sd: 0 }, { n: 10, mean: 1, sd: 0 }, [0, 0, 0]]);
    expect(r.probabilities).toEqual([0.5, 0.5, 0]);
    const s = probabilityBestNormal([{ n: 4, mean: 0, sd: 2 }, { n: 10, mean: 0.5, sd: 0 }]);
    // P(N(0, 1) > 0.5) = Φ(−0.5) = 0.3085375387259869 (scipy.stats.norm.sf(0.5))
    expectClose(s.probabilities[0]!, 0.3085375387259869, { rel: 1e-12 }, 'continuous vs point mass');
    expectClose(sum(s.probabilities), 1, { abs: 1e-12 }, 'sum');
  });
  it('a Gaussian prior shrinks each arm mean (conjugate update)', () => {
    const r = probabilityBestNormal([{ n: 100, mean: 1, sd: 10 }, { n: 100, mean: 2, sd: 10 }], { prior: { mean: 0, variance: 1 } });
    // precision 100/100 + 1/1 = 2: means halve, sd = √½
    expect(r.posteriors).toEqual([
      { mean: 0.5, sd: Math.sqrt(0.5) },
      { mean: 1, sd: Math.sqrt(0.5) },
    ]);
  });
  it('bad input gives typed errors', () => {
    const a = { n: 10, mean: 1, sd: 1 };
    expect(() => probabilityBestNormal([a])).toThrow(InvalidInputError);
    expect(() => probabilityBestNormal([a, { n: 10, mean: 1, sd: -1 }])).toThrow(InvalidInputError);
    expect(() => probabilityBestNormal([a, [1]])).toThrow(InvalidInputError);
    expect(() => probabilityBestNormal([a, [1, NaN]])).toThrow('arms[1][1]');
    expect(() => probabilityBestNormal([a, a], { prior: { mean: 0, variance: 0 } })).toThrow(InvalidOptionError);
    expect(() => probabilityBestNormal([a, a], { draws: 10 } as never)).toThrow(InvalidOptionError);
  });
});

describe('analyzeExperiment chanceToBeBest (summaries)', () => {
  const c = fx.betaBest[0] as { posteriors: { alpha: number; beta: number }[]; probabilities: number[] };
  const summaries: ArmSummaryInput[] = c.posteriors.map((p, i) => ({
    arm: ['A', 'B', 'C'][i]!,
    users: p.alpha + p.beta - 2,
    metrics: { conversion: { conversions: p.alpha - 1 }, unsubscribe: { conversions: p.alpha - 1 } },
  }));
  it('binomial: equals the Beta reference; lower-is-better flips to the chance of the lowest rate', () => {
    const r = analyzeExperiment(
      { summaries },
      { metrics: [{ name: 'conversion', type: 'binomial' }, { name: 'unsubscribe', type: 'binomial', higherIsBetter: false }] },
    );
    const conv = r.chanceToBeBest[0]!;
    expect(conv.metric).toBe('conversion');
    expect(conv.method).toBe('beta-exact');
    conv.arms.forEach((x, i) => expectClose(x.probability, c.probabilities[i]!, REF, `P(${x.arm} best)`));
    expect(r.verdict.chanceToBeBest).toEqual(conv.arms.map((x) => ({ arm: x.arm, probability: x.probability })));
    expect(r.verdict.caveats.some((s) => s.startsWith('Chance to be best on conversion (Bayesian, all arms): A '))).toBe(true);
    // lowest rate best = highest failure rate... of 1 − p: compare against probabilityBest on the flipped counts
    const flipped = probabilityBest(summaries.map((s) => ({ n: s.users, conversions: s.users - (s.metrics.unsubscribe as { conversions: number }).conversions })));
    r.chanceToBeBest[1]!.arms.forEach((x, i) => expectClose(x.probability, flipped.probabilities[i]!, { rel: 1e-12 }, `P(${x.arm} lowest)`));
  });
  it('mean: equals the normal reference; lower-is-better negates the means', () => {
    const nc = fx.normalBest[2] as { arms: { n: number; mean: number; sd: number }[]; probabilities: number[] };
    const s = nc.arms.map((a, i) => ({ arm: `arm${i}`, users: a.n, metrics: { revenue: { mean: a.mean, sd: a.sd }, cost: { mean: -a.mean, sd: a.sd } } }));
    const r = analyzeExperiment({ summaries: s }, { metrics: [{ name: 'revenue', type: 'mean' }, { name: 'cost', type: 'mean', higherIsBetter: false }] });
    expect(r.chanceToBeBest[0]!.method).toBe('normal-exact');
    r.chanceToBeBest[0]!.arms.forEach((x, i) => expectClose(x.probability, nc.probabilities[i]!, REF, `P(${x.arm} best)`));
    r.chanceToBeBest[1]!.arms.forEach((x, i) => expectClose(x.probability, nc.probabilities[i]!, REF, `P(${x.arm} lowest cost)`));
  });
});

describeWithData('hillstrom: chance each e-mail arm is best', [['hillstrom-email', 'hillstrom.csv.gz']], () => {
  let rows: Record<string, string>[] = [];
  beforeAll(() => {
    rows = readDataCsv(['hillstrom-email', 'hillstrom.csv.gz']);
  });
  it('analyzeExperiment from raw rows: visit, conversion (Beta) and spend (normal) vs scipy / mpmath', () => {
    const h = fx.hillstrom as { arms: string[]; [k: string]: unknown };
    const r = analyzeExperiment(
      { rows, armColumn: 'segment' },
      {
        control: 'No E-Mail',
        metrics: [
          { name: 'conversion', type: 'binomial' },
          { name: 'visit', type: 'binomial' },
          { name: 'spend', type: 'mean' },
        ],
      },
    );
    for (const best of r.chanceToBeBest) {
      const ref = (h[best.metric] as { probabilities: number[] }).probabilities;
      for (const x of best.arms) expectClose(x.probability, ref[h.arms.indexOf(x.arm)]!, REF, `${best.metric}: P(${x.arm} best)`);
      expectClose(sum(best.arms.map((x) => x.probability)), 1, { abs: 1e-12 }, `${best.metric} sum`);
    }
    expect(r.verdict.chanceToBeBest.map((x) => x.arm).sort()).toEqual([...h.arms].sort());
  });
});
