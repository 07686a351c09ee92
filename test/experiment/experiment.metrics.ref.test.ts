/**
 * analyzeExperiment's ratio and CUPED metrics against held-out style vectors written by
 * scripts/reference/experiment_metrics.py (numpy 1.24.2, scipy 1.10.1): from raw rows and from the
 * SQL-style sums of the same rows. Tolerances: 1e-9 relative (closed forms).
 */
import { describe, expect, it } from 'vitest';
import { analyzeExperiment, cupedAdjust, deltaMethodRatio, InvalidInputError, type ArmSummaryInput } from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_metrics');
const CLOSED = { rel: 1e-9 };
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('ratio metrics (delta method, users as the unit)', () => {
  for (const c of fx.ratio) {
    const rows = c.arms.flatMap((a: { arm: string; numerator: number[]; denominator: number[] }) =>
      a.numerator.map((x, i) => ({ arm: a.arm, rev_numerator: x, rev_denominator: a.denominator[i] })),
    );
    const summaries: ArmSummaryInput[] = c.arms.map((a: { arm: string; numerator: number[]; denominator: number[] }) => ({
      arm: a.arm,
      users: a.numerator.length,
      metrics: {
        rev: {
          sumNumerator: sum(a.numerator),
          sumDenominator: sum(a.denominator),
          sumNumeratorSquares: dot(a.numerator, a.numerator),
          sumDenominatorSquares: dot(a.denominator, a.denominator),
          sumProducts: dot(a.numerator, a.denominator),
        },
      },
    }));
    for (const [label, input] of [['rows', { rows, armColumn: 'arm' }], ['sums', { summaries }]] as const) {
      it(`seed ${c.seed}, ${c.arms.length} arms, from ${label}`, () => {
        const r = analyzeExperiment(input, { metrics: [{ name: 'rev', type: 'ratio' }], correction: 'none' });
        c.comparisons.forEach((e: Record<string, number | string>, i: number) => {
          const got = r.comparisons[i]!;
          expect(got.arm).toBe(e.arm);
          expect(got.type).toBe('ratio');
          expectClose(got.control.mean, c.ratios[0], CLOSED, 'control ratio');
          expectClose(got.treatment.variance / got.treatment.n, c.variances[i + 1], CLOSED, 'Var(R)');
          expectClose(got.difference, e.difference as number, CLOSED, 'difference');
          expectClose(got.statistic, e.statistic as number, CLOSED, 'z');
          expectClose(got.pValue, e.pValue as number, CLOSED, 'p');
          expectClose(got.confidenceInterval.lower, e.lower as number, CLOSED, 'lower');
          expectClose(got.confidenceInterval.upper, e.upper as number, CLOSED, 'upper');
        });
      });
    }
    it(`seed ${c.seed}: the same figures as deltaMethodRatio`, () => {
      const a0 = c.arms[0];
      const a1 = c.arms[1];
      const d = deltaMethodRatio({ numerator: a0.numerator, denominator: a0.denominator }, { numerator: a1.numerator, denominator: a1.denominator });
      const r = analyzeExperiment({ rows, armColumn: 'arm' }, { metrics: [{ name: 'rev', type: 'ratio' }], correction: 'none' });
      expectClose(r.comparisons[0]!.pValue, d.pValue, { rel: 1e-12 }, 'p');
      expectClose(r.comparisons[0]!.relativeLift, d.relativeLift.lift, { rel: 1e-12 }, 'lift');
    });
  }
  it('a denominator averaging 0 is a typed error', () => {
    const rows = [
      { arm: 'a', r_numerator: 1, r_denominator: 0 },
      { arm: 'a', r_numerator: 2, r_denominator: 0 },
      { arm: 'b', r_numerator: 1, r_denominator: 1 },
      { arm: 'b', r_numerator: 2, r_denominator: 2 },
    ];
    expect(() => analyzeExperiment({ rows, armColumn: 'arm' }, { metrics: [{ name: 'r', type: 'ratio' }] })).toThrow(InvalidInputError);
  });
});

describe('CUPED with θ pooled across arms (gbstats), from rows and from the SQL sums', () => {
  for (const c of fx.cuped) {
    const rows = c.arms.flatMap((a: { arm: string; y: number[]; x: number[] }) => a.y.map((y, i) => ({ arm: a.arm, spend: y, pre: a.x[i] })));
    const summaries: ArmSummaryInput[] = c.arms.map((a: { arm: string; y: number[]; x: number[] }) => ({
      arm: a.arm,
      users: a.y.length,
      metrics: { spend: { n: a.y.length, sum: sum(a.y), sumSquares: dot(a.y, a.y), covariateSum: sum(a.x), covariateSumSquares: dot(a.x, a.x), sumProducts: dot(a.y, a.x) } },
    }));
    const runs = [
      ['rows', () => analyzeExperiment({ rows, armColumn: 'arm' }, { metrics: [{ name: 'spend', type: 'mean', covariate: 'pre' }], correction: 'none' })],
      ['sums', () => analyzeExperiment({ summaries }, { metrics: [{ name: 'spend', type: 'mean', cuped: true }], correction: 'none' })],
    ] as const;
    for (const [label, run] of runs) {
      it(`seed ${c.seed}, ${c.arms.length} arms, from ${label}: θ, adjusted means, Welch t on adjusted moments (scipy), variance reduction`, () => {
        const r = run();
        c.comparisons.forEach((e: Record<string, number | string>, i: number) => {
          const got = r.comparisons[i]!;
          expectClose(got.cuped!.theta, c.theta, CLOSED, 'theta');
          expectClose(got.control.mean, c.adjustedMeans[0], CLOSED, 'adjusted control mean');
          expectClose(got.difference, e.difference as number, CLOSED, 'difference');
          expectClose(got.statistic, e.statistic as number, CLOSED, 't');
          expectClose(got.pValue, e.pValue as number, { rel: 1e-8 }, 'p');
          expectClose(got.relativeLift, e.relativeLift as number, CLOSED, 'relative lift over the unadjusted control mean');
          expectClose(got.cuped!.varianceReduction, e.varianceReduction as number, CLOSED, 'variance reduction');
        });
      });
    }
  }
  it('summaries with impossible CUPED sums (|correlation| > 1) are a typed error', () => {
    const arm = (name: string) => ({ arm: name, users: 3, metrics: { s: { sum: 6, sumSquares: 14, covariateSum: 6, covariateSumSquares: 14, sumProducts: 20 } } });
    expect(() => analyzeExperiment({ summaries: [arm('a'), arm('b')] }, { metrics: [{ name: 's', type: 'mean', cuped: true }] })).toThrow(/sumProducts/);
  });
  it('inverse: true is higherIsBetter: false', () => {
    const s = [
      { arm: 'a', users: 1000, metrics: { churn: { conversions: 100 } } },
      { arm: 'b', users: 1000, metrics: { churn: { conversions: 60 } } },
    ];
    const a = analyzeExperiment({ summaries: s }, { metrics: [{ name: 'churn', type: 'binomial', inverse: true }] });
    const b = analyzeExperiment({ summaries: s }, { metrics: [{ name: 'churn', type: 'binomial', higherIsBetter: false }] });
    expect(a.comparisons[0]!.outcome).toBe('better');
    expect(a).toEqual(b);
  });
});

describe('cupedAdjust from SQL sums, θ within arms (ANCOVA) or pooled across arms (gbstats)', () => {
  const toSums = (a: { y: number[]; x: number[] }) => ({
    n: a.y.length,
    sum: sum(a.y),
    sumSquares: dot(a.y, a.y),
    covariateSum: sum(a.x),
    covariateSumSquares: dot(a.x, a.x),
    sumProducts: dot(a.y, a.x),
  });
  for (const c of fx.cuped.filter((k: { arms: unknown[] }) => k.arms.length === 2)) {
    it(`seed ${c.seed}: pooled θ from sums = the reference figures; within θ from sums = from rows`, () => {
      const [a0, a1] = c.arms;
      const p = cupedAdjust(toSums(a0), toSums(a1), { theta: 'pooled' });
      const e = c.comparisons[0];
      expectClose(p.theta, c.theta, CLOSED, 'pooled theta');
      expectClose(p.difference, e.difference, CLOSED, 'difference');
      expectClose(p.statistic, e.statistic, CLOSED, 't');
      expectClose(p.pValue, e.pValue, { rel: 1e-8 }, 'p');
      expectClose(p.varianceReduction, e.varianceReduction, CLOSED, 'variance reduction');
      const w = cupedAdjust(toSums(a0), toSums(a1));
      const raw = cupedAdjust({ y: a0.y, x: a0.x }, { y: a1.y, x: a1.x });
      expectClose(w.theta, c.thetaWithin, CLOSED, 'within theta');
      expectClose(w.difference, raw.difference, { rel: 1e-9 }, 'within difference: sums vs rows');
      expectClose(w.standardError, raw.standardError, { rel: 1e-9 }, 'within SE: sums vs rows');
    });
  }
});

describe('guardrail metrics', () => {
  const s = (unsub: number) => [
    { arm: 'control', users: 20000, metrics: { conversion: { conversions: 400 }, unsubscribes: { conversions: 100 } } },
    { arm: 'new', users: 20000, metrics: { conversion: { conversions: 520 }, unsubscribes: { conversions: unsub } } },
  ];
  const metrics = [
    { name: 'conversion', type: 'binomial' as const },
    { name: 'unsubscribes', type: 'binomial' as const, inverse: true, guardrail: true },
  ];
  it('a winner failing a guardrail is not recommended; a passing one is', () => {
    const bad = analyzeExperiment({ summaries: s(160) }, { metrics });
    expect(bad.verdict.status).toBe('inconclusive');
    expect(bad.verdict.recommendedArm).toBe('control');
    expect(bad.verdict.headline).toMatch(/fails the guardrail unsubscribes/);
    const ok = analyzeExperiment({ summaries: s(105) }, { metrics });
    expect(ok.verdict.status).toBe('winner');
    expect(ok.verdict.recommendedArm).toBe('new');
  });
  it('guardrails are outside the correction family: their adjusted p is the raw p, and the goal metric is adjusted alone', () => {
    const r = analyzeExperiment({ summaries: s(160) }, { metrics });
    const g = r.comparisons.find((c) => c.metric === 'unsubscribes')!;
    expect(g.adjustedPValue).toBe(g.pValue);
    const p = r.comparisons.find((c) => c.metric === 'conversion')!;
    expect(p.adjustedPValue).toBe(p.pValue); // a family of one
    expect(() => analyzeExperiment({ summaries: s(160) }, { metrics: [{ name: 'conversion', type: 'binomial', guardrail: true }] })).toThrow(/primary/);
  });
});
