/**
 * analyzeExperiment's dimension breakdowns, post-stratification, relative mean prior and sequential
 * SRM wiring. Breakdowns and post-stratification against scripts/reference/experiment_dimensions.py
 * (scipy 1.10.1 Welch t, statsmodels 0.13.5 proportions_ztest / multipletests / OLS), from raw rows
 * and from SQL-style breakdown sums of the same rows; the prior against gbstats' published test values.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExperiment, InvalidInputError, InvalidOptionError, sequentialSrmTest, type ArmSummaryInput, type BreakdownSummaryInput } from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

type Row = {
  arm: string;
  country: string | null;
  spend: number;
  converted: number;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment_dimensions');
const rows: Row[] = fx.rows;
const CLOSED = { rel: 1e-9, abs: 1e-15 };
const metrics = [
  { name: 'spend', type: 'mean' as const },
  { name: 'converted', type: 'binomial' as const },
];

function sums(rs: readonly Row[]) {
  let s = 0;
  let ss = 0;
  let c = 0;
  for (const r of rs) {
    s += r.spend;
    ss += r.spend * r.spend;
    c += r.converted;
  }
  return { users: rs.length, metrics: { spend: { sum: s, sumSquares: ss }, converted: { conversions: c } } };
}
const arms = ['control', 'treatment'];
const summaries: ArmSummaryInput[] = arms.map((a) => ({ arm: a, ...sums(rows.filter((r) => r.arm === a)) }));
const breakdown: BreakdownSummaryInput[] = [...new Set(rows.map((r) => r.country!))].flatMap((level) =>
  arms.map((a) => ({ dimension: 'country', level, arm: a, ...sums(rows.filter((r) => r.arm === a && r.country === level)) })),
);
const inputs = [
  ['rows', { rows, armColumn: 'arm' }],
  ['sums', { summaries, breakdown }],
] as const;

describe('analyzeExperiment dimension breakdown (top 3 + (other), Holm across the breakdown)', () => {
  for (const [label, input] of inputs) {
    it(`matches scipy / statsmodels per level, from ${label}`, () => {
      const r = analyzeExperiment(input, { metrics, control: 'control', dimensions: [{ name: 'country', topN: fx.topN }] });
      expect(r.dimensions).toHaveLength(1);
      const d = r.dimensions[0]!;
      expect(d.correction).toBe('holm');
      expect(d.mergedLevels.slice().sort()).toEqual(fx.merged.slice().sort());
      expect(d.levels.map((l) => l.level)).toEqual(fx.levels.map((l: { level: string }) => l.level));
      d.levels.forEach((l, i) => {
        const e = fx.levels[i];
        expect(l.users).toBe(e.users);
        expect(l.arms.map((a) => a.users)).toEqual(e.armUsers);
        expect(l.srm.pValue).toBeGreaterThan(0);
        for (const [j, name] of ['spend', 'converted'].entries()) {
          const c = l.comparisons[j]!;
          expect(c.metric).toBe(name);
          expectClose(c.difference, e[name].difference, CLOSED, `${l.level} ${name} difference`);
          expectClose(c.statistic, e[name].statistic, CLOSED, `${l.level} ${name} statistic`);
          expectClose(c.pValue, e[name].pValue, CLOSED, `${l.level} ${name} p`);
          expectClose(c.adjustedPValue, e[name].adjustedPValue, CLOSED, `${l.level} ${name} Holm p`);
          expect(c.significant).toBe(e[name].adjustedPValue < 0.05);
        }
      });
    });

    it(`post-stratifies spend and conversion by country, from ${label}`, () => {
      const r = analyzeExperiment(input, { metrics, control: 'control', dimensions: [{ name: 'country', topN: fx.topN }], postStratify: 'country' });
      for (const [j, name] of ['spend', 'converted'].entries()) {
        const c = r.comparisons[j]!;
        const e = fx.postStratified[name];
        expectClose(c.difference, e.difference, CLOSED, `${name} difference`);
        expectClose(c.difference, e.differenceOls, { rel: 1e-9 }, `${name} = Lin's OLS coefficient`);
        expectClose(c.statistic, e.statistic, CLOSED, `${name} z`);
        expectClose(c.pValue, e.pValue, CLOSED, `${name} p`);
        expectClose(c.relativeLift, e.relativeLift, CLOSED, `${name} lift`);
        expectClose(c.relativeInterval.lower, e.relativeLower, CLOSED, `${name} lift lower`);
        expectClose(c.relativeInterval.upper, e.relativeUpper, CLOSED, `${name} lift upper`);
        expect(c.postStratified?.dimension).toBe('country');
        expect(c.postStratified?.strata).toBe(4);
        expect(c.test).toMatch(/post-stratified by country/);
      }
    });
  }

  it('rows and sums give the same breakdown, and topN ≥ levels merges nothing', () => {
    const a = analyzeExperiment({ rows, armColumn: 'arm' }, { metrics, dimensions: [{ name: 'country' }] });
    const b = analyzeExperiment({ summaries, breakdown }, { metrics, dimensions: [{ name: 'country' }] });
    expect(a.dimensions[0]!.mergedLevels).toEqual([]);
    expect(a.dimensions[0]!.levels).toHaveLength(6);
    a.dimensions[0]!.levels.forEach((l, i) => {
      const m = b.dimensions[0]!.levels[i]!;
      expect(m.level).toBe(l.level);
      l.comparisons.forEach((c, k) => expectClose(m.comparisons[k]!.pValue, c.pValue, { rel: 1e-9 }, `${l.level} p`));
    });
  });

  it('skips a level where an arm has too few users instead of failing the analysis', () => {
    const extra: Row[] = [{ arm: 'control', country: 'NZ', spend: 5, converted: 0 }];
    const r = analyzeExperiment({ rows: [...rows, ...extra], armColumn: 'arm' }, { metrics, dimensions: [{ name: 'country', topN: 20 }] });
    const nz = r.dimensions[0]!.levels.find((l) => l.level === 'NZ')!;
    expect(nz.skipped).toMatch(/needs at least 2 users per arm/);
    expect(nz.comparisons).toEqual([]);
  });

  it('missing levels are "(missing)", and a real "(other)" level among the kept ones is a typed error', () => {
    const r = analyzeExperiment({ rows: rows.map((x, i) => (i % 7 === 0 ? { ...x, country: null } : x)), armColumn: 'arm' }, { metrics, dimensions: [{ name: 'country', topN: 10 }] });
    expect(r.dimensions[0]!.levels.some((l) => l.level === '(missing)')).toBe(true);
    const clash = rows.map((x) => (x.country === 'US' ? { ...x, country: '(other)' } : x));
    expect(() => analyzeExperiment({ rows: clash, armColumn: 'arm' }, { metrics, dimensions: [{ name: 'country', topN: 2 }] })).toThrow(InvalidInputError);
  });

  it('rejects bad dimension options and breakdowns naming analyzeExperiment', () => {
    const run = (o: object, input: object = { rows, armColumn: 'arm' }) => () => analyzeExperiment(input as never, { metrics, ...o });
    expect(run({ dimensions: [{ name: 'country', topN: 0 }] })).toThrow(InvalidOptionError);
    expect(run({ dimensions: [{ name: 'country' }, { name: 'country' }] })).toThrow(/twice/);
    expect(run({ postStratify: 'device' })).toThrow(/options\.postStratify/);
    expect(run({ dimensions: [{ name: 'country' }] }, { summaries })).toThrow(/input\.breakdown/);
    expect(run({ dimensions: [{ name: 'country' }] }, { summaries, breakdown: [...breakdown, breakdown[0]] })).toThrow(/twice/);
    expect(run({ dimensions: [{ name: 'country' }] }, { rows: [{ ...rows[0], country: { a: 1 } }], armColumn: 'arm' })).toThrow(/experiment\/analyzeExperiment: input\.rows\[0\]\.country/);
  });
});

describe('analyzeExperiment meanPrior (relative Gaussian prior, gbstats EffectBayesianABTest)', () => {
  // gbstats tests/bayesian/test_tests.py test_bayesian_gaussian_ab_test_informative: published to 5 decimals
  it('reproduces gbstats: prior N(0.1, 0.1) on the relative lift', () => {
    const r = analyzeExperiment(
      {
        summaries: [
          { arm: 'a', users: 10, metrics: { m: { sum: 100, sumSquares: 1002.25 } } },
          { arm: 'b', users: 10, metrics: { m: { sum: 105, sumSquares: 1111.5 } } },
        ],
      },
      { metrics: [{ name: 'm', type: 'mean' }], meanPrior: { mean: 0.1, variance: 0.1 } },
    );
    const p = r.comparisons[0]!.posterior!;
    const G = { abs: 5e-6 };
    expectClose(p.mean, 0.05063, G, 'expected');
    expectClose(p.sd, 0.03549, G, 'stddev');
    expectClose(p.credibleInterval.lower, -0.01893, G, 'ci lower');
    expectClose(p.credibleInterval.upper, 0.12019, G, 'ci upper');
    expectClose(p.chanceToWin, 0.92315, G, 'chanceToWin');
    expect(r.comparisons[0]!.chanceToBeatControl).toBe(p.chanceToWin);
    // inverse metric: the chance flips
    const inv = analyzeExperiment(
      {
        summaries: [
          { arm: 'a', users: 10, metrics: { m: { sum: 100, sumSquares: 1002.25 } } },
          { arm: 'b', users: 10, metrics: { m: { sum: 105, sumSquares: 1111.5 } } },
        ],
      },
      { metrics: [{ name: 'm', type: 'mean', inverse: true }], meanPrior: { mean: 0.1, variance: 0.1 } },
    );
    expectClose(inv.comparisons[0]!.chanceToBeatControl, 1 - 0.92315, G, 'inverse');
  });

  it('a very wide prior gives the data (the flat relative posterior)', () => {
    const r = analyzeExperiment(
      { summaries: [{ arm: 'a', users: 10, metrics: { m: { sum: 100, sumSquares: 1002.25 } } }, { arm: 'b', users: 10, metrics: { m: { sum: 105, sumSquares: 1111.5 } } }] },
      { metrics: [{ name: 'm', type: 'mean' }], meanPrior: { mean: 0, variance: 1e12 } },
    );
    // gbstats test_bayesian_gaussian_ab_test (improper prior): expected 0.05, stddev 0.03572, chanceToWin 0.91923
    expectClose(r.comparisons[0]!.posterior!.mean, 0.05, { abs: 5e-6 }, 'mean');
    expectClose(r.comparisons[0]!.posterior!.sd, 0.03572, { abs: 5e-6 }, 'sd');
    expectClose(r.comparisons[0]!.posterior!.chanceToWin, 0.91923, { abs: 5e-6 }, 'ctw');
    expect(() => analyzeExperiment({ summaries: [] } as never, { metrics: [{ name: 'm', type: 'mean' }], meanPrior: { mean: 0, variance: 0 } })).toThrow(InvalidOptionError);
  });
});

describe('analyzeExperiment sequential SRM', () => {
  const s = (a: number, b: number): ArmSummaryInput[] => [
    { arm: 'A', users: a, metrics: { c: { conversions: Math.round(a / 10) } } },
    { arm: 'B', users: b, metrics: { c: { conversions: Math.round(b / 10) } } },
  ];
  const m = [{ name: 'c', type: 'binomial' as const }];

  it('is the verdict check with sequentialTuning, equal to sequentialSrmTest on the cumulative counts', () => {
    const r = analyzeExperiment({ summaries: s(5000, 5300) }, { metrics: m, sequentialTuning: 10000 });
    const ref = sequentialSrmTest([[5000, 5300]]);
    expect(r.sequentialSrm!.pValue).toBe(ref.pValue);
    // χ² alone would flag it (p ≈ 0.003); the always-valid check is more cautious
    expect(r.srm.pValue).toBeLessThan(0.01);
    expect(r.verdict.status).not.toBe('invalid');
  });

  it('uses the periods given, warns between 0.001 and 0.01, and flags below 0.001', () => {
    const periods = [
      { A: 2000, B: 2150 },
      { A: 3000, B: 3150 },
    ];
    const r = analyzeExperiment({ summaries: s(5000, 5300) }, { metrics: m, srmPeriods: periods });
    const ref = sequentialSrmTest([
      [2000, 2150],
      [3000, 3150],
    ]);
    expect(r.sequentialSrm!.pValues).toEqual(ref.pValues);
    const warn = analyzeExperiment({ summaries: s(50000, 51300) }, { metrics: m, srmTest: 'sequential' });
    expect(warn.sequentialSrm!.warning).toBe(true);
    expect(warn.verdict.caveats.some((c) => /Possible sample ratio mismatch.*sequential check/.test(c))).toBe(true);
    const bad = analyzeExperiment({ summaries: s(50000, 52000) }, { metrics: m, srmTest: 'sequential' });
    expect(bad.sequentialSrm!.mismatch).toBe(true);
    expect(bad.verdict.status).toBe('invalid');
    expect(bad.verdict.headline).toMatch(/sequential/);
  });

  it('rejects periods that do not add up to the arms', () => {
    expect(() => analyzeExperiment({ summaries: s(5000, 5300) }, { metrics: m, srmPeriods: [{ A: 10, B: 20 }] })).toThrow(/options\.srmPeriods add up/);
    expect(() => analyzeExperiment({ summaries: s(5000, 5300) }, { metrics: m, srmTest: 'bogus' as never })).toThrow(InvalidOptionError);
  });
});
