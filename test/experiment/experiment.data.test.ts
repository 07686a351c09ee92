/**
 * Real-data checks on ../shared/data (hillstrom-email, cookie-cats): the reference figures
 * (statsmodels 0.13.5 / scipy 1.10.1) and the fixture values computed from the same files by
 * scripts/reference/experiment.py. Closed forms at 1e-9.
 */
import { beforeAll, expect, it } from 'vitest';
import {
  analyzeExperiment,
  bayesianBetaBinomial,
  cupedAdjust,
  mannWhitneyUTest,
  sampleRatioMismatchTest,
  twoProportionZTest,
  welchTTest,
} from 'crmkit/experiment';
import { expectClose } from '../helpers/close.js';
import { describeWithData, readDataCsv } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';

const CLOSED = { rel: 1e-9 };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = loadFixture<any>('experiment').realData;

describeWithData('hillstrom e-mail experiment', [['hillstrom-email', 'hillstrom.csv.gz']], () => {
  let rows: Record<string, string>[] = [];
  const arm = (name: string) => rows.filter((r) => r.segment === name);
  beforeAll(() => {
    rows = readDataCsv(['hillstrom-email', 'hillstrom.csv.gz']);
  });
  it('conversion, Womens E-mail vs No E-mail: the issue figures z = 3.77956, p = 1.5711e-4, P(beat) = 0.999924', () => {
    const c = arm('No E-Mail');
    const t = arm('Womens E-Mail');
    const cc = c.filter((r) => r.conversion === '1').length;
    const tc = t.filter((r) => r.conversion === '1').length;
    expect([cc, c.length, tc, t.length]).toEqual([122, 21306, 189, 21387]);
    const z = twoProportionZTest({ n: c.length, conversions: cc }, { n: t.length, conversions: tc });
    expect(z.statistic.toFixed(5)).toBe('3.77956');
    expect(z.pValue.toExponential(4)).toBe('1.5711e-4');
    expectClose(z.statistic, fx.hillstromConversion.statistic, CLOSED, 'z');
    expectClose(z.pValue, fx.hillstromConversion.pValue, CLOSED, 'p');
    const b = bayesianBetaBinomial({ n: c.length, conversions: cc }, { n: t.length, conversions: tc });
    expect(b.probabilityTreatmentBeatsControl.toFixed(6)).toBe('0.999924');
    expectClose(b.probabilityTreatmentBeatsControl, fx.hillstromConversion.probabilityBeatsControl, CLOSED, 'P(beat)');
  });
  it('SRM over the three arms: χ² = 0.20253, p = 0.90369', () => {
    const counts = ['No E-Mail', 'Mens E-Mail', 'Womens E-Mail'].map((a) => arm(a).length);
    const r = sampleRatioMismatchTest(counts);
    expect(r.statistic.toFixed(5)).toBe('0.20253');
    expect(r.pValue.toFixed(5)).toBe('0.90369');
    expectClose(r.pValue, fx.hillstromSrm.pValue, CLOSED, 'p');
    expect(r.mismatch).toBe(false);
  });
  it('spend: Welch t, Mann–Whitney and CUPED (history as covariate) vs scipy / statsmodels OLS', () => {
    const c = arm('No E-Mail');
    const t = arm('Womens E-Mail');
    const cs = c.map((r) => Number(r.spend));
    const ts = t.map((r) => Number(r.spend));
    const w = welchTTest(cs, ts);
    expectClose(w.statistic, fx.hillstromSpendWelch.statistic, CLOSED, 'welch t');
    expectClose(w.pValue, fx.hillstromSpendWelch.pValue, CLOSED, 'welch p');
    const m = mannWhitneyUTest(cs, ts, { method: 'asymptotic' });
    expectClose(m.statistic, fx.hillstromSpendMannWhitney.statistic, CLOSED, 'U');
    expectClose(m.pValue, fx.hillstromSpendMannWhitney.pValue, CLOSED, 'MWU p');
    const cu = cupedAdjust({ y: cs, x: c.map((r) => Number(r.history)) }, { y: ts, x: t.map((r) => Number(r.history)) });
    expectClose(cu.difference, fx.hillstromSpendCuped.difference, CLOSED, 'cuped difference');
    expectClose(cu.standardError, fx.hillstromSpendCuped.se, CLOSED, 'cuped se');
    expectClose(cu.theta, fx.hillstromSpendCuped.theta, CLOSED, 'theta');
  });
  it('analyzeExperiment from raw rows: Womens and Mens e-mails win on conversion, no SRM', () => {
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
    expect(r.srm.mismatch).toBe(false);
    expect(r.verdict.status).toBe('winner');
    expect(r.verdict.recommendedArm).toBe('Mens E-Mail');
    const womens = r.comparisons.find((c) => c.metric === 'conversion' && c.arm === 'Womens E-Mail')!;
    expectClose(womens.statistic, fx.hillstromConversion.statistic, CLOSED, 'z via analyzeExperiment');
    expectClose(womens.chanceToBeatControl, fx.hillstromConversion.probabilityBeatsControl, CLOSED, 'P(beat) via analyzeExperiment');
    const spend = r.comparisons.find((c) => c.metric === 'spend' && c.arm === 'Womens E-Mail')!;
    expectClose(spend.statistic, fx.hillstromSpendWelch.statistic, CLOSED, 'welch via analyzeExperiment');
    expect(r.verdict.headline).toContain('Mens E-Mail beats No E-Mail');
    // the same analysis from SQL-style summaries (COUNT, SUM, SUM of squares) agrees to 1e-9
    const summaries = ['No E-Mail', 'Mens E-Mail', 'Womens E-Mail'].map((name) => {
      const a = arm(name);
      let conv = 0;
      let visit = 0;
      let sum = 0;
      let sumSquares = 0;
      for (const row of a) {
        conv += Number(row.conversion);
        visit += Number(row.visit);
        sum += Number(row.spend);
        sumSquares += Number(row.spend) ** 2;
      }
      return { arm: name, users: a.length, metrics: { conversion: { conversions: conv }, visit: { conversions: visit }, spend: { sum, sumSquares } } };
    });
    const s = analyzeExperiment(
      { summaries },
      { control: 'No E-Mail', metrics: [{ name: 'conversion', type: 'binomial' }, { name: 'visit', type: 'binomial' }, { name: 'spend', type: 'mean' }] },
    );
    expect(s.verdict.status).toBe(r.verdict.status);
    for (const c of r.comparisons) {
      const d = s.comparisons.find((x) => x.metric === c.metric && x.arm === c.arm)!;
      expectClose(d.statistic, c.statistic, CLOSED, `${c.metric} ${c.arm} statistic`);
      expectClose(d.pValue, c.pValue, { rel: 1e-9, abs: 1e-300 }, `${c.metric} ${c.arm} p`);
      expectClose(d.chanceToBeatControl, c.chanceToBeatControl, CLOSED, `${c.metric} ${c.arm} chance`);
    }
  });
});

describeWithData('cookie cats gate experiment', [['cookie-cats', 'cookie_cats.csv.gz']], () => {
  let rows: Record<string, string>[] = [];
  beforeAll(() => {
    rows = readDataCsv(['cookie-cats', 'cookie_cats.csv.gz']);
  });
  it('retention_7, gate_40 vs gate_30: z = −3.16436, p = 1.5542e-3; SRM χ² = 6.90240, p = 0.008608', () => {
    const c = rows.filter((r) => r.version === 'gate_30');
    const t = rows.filter((r) => r.version === 'gate_40');
    const cc = c.filter((r) => r.retention_7 === 'True').length;
    const tc = t.filter((r) => r.retention_7 === 'True').length;
    expect([cc, c.length, tc, t.length]).toEqual([8502, 44700, 8279, 45489]);
    const z = twoProportionZTest({ n: c.length, conversions: cc }, { n: t.length, conversions: tc });
    expect(z.statistic.toFixed(5)).toBe('-3.16436');
    expect(z.pValue.toExponential(4)).toBe('1.5542e-3');
    expectClose(z.pValue, fx.cookie_retention_7.pValue, CLOSED, 'p');
    const s = sampleRatioMismatchTest([c.length, t.length]);
    expect(s.statistic.toFixed(5)).toBe('6.90240');
    expect(s.pValue.toFixed(6)).toBe('0.008608');
    expectClose(s.pValue, fx.cookieSrm.pValue, CLOSED, 'srm p');
  });
  it('analyzeExperiment flags the sample ratio mismatch in its verdict; a 0.01 SRM threshold makes the result invalid', () => {
    const metrics = [
      { name: 'retention_7', type: 'binomial' as const },
      { name: 'retention_1', type: 'binomial' as const },
    ];
    const r = analyzeExperiment({ rows, armColumn: 'version' }, { control: 'gate_30', metrics });
    expect(r.verdict.caveats.some((c) => c.includes('sample ratio mismatch'))).toBe(true);
    expect(r.verdict.status).toBe('loser');
    const strict = analyzeExperiment({ rows, armColumn: 'version' }, { control: 'gate_30', metrics, srmThreshold: 0.01 });
    expect(strict.verdict.status).toBe('invalid');
    expect(strict.verdict.headline).toContain('Sample ratio mismatch');
  });
});
