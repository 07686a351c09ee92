/**
 * crmkit/experiment benchmarks: `npm run bench -- experiment`.
 *
 * Peers (installed for the run only):
 *   npm install --no-save @stdlib/stats-ttest2@0.2.3 @stdlib/stats-chi2gof@0.2.3 @stdlib/random-base-beta@0.2.2
 * No npm package computes the exact Bayesian chance to beat control, SRM, sequential tests and
 * sample size together; the nearest peers are stdlib's t test and χ² goodness-of-fit (frequentist
 * parts) and a Monte Carlo estimate with stdlib's Beta sampler (the usual JS way to get P(B > A)).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { analyzeExperiment, probabilityBetaGreater } from '../src/experiment/index.js';
import { hasData, readDataCsv } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const require = createRequire(import.meta.url);
function tryRequire<T>(name: string): T | null {
  try {
    return require(name) as T;
  } catch {
    return null;
  }
}
type TTest2 = (x: number[], y: number[], o: { variance: 'unequal' }) => { pValue: number };
type Chi2Gof = (x: number[], p: number[]) => { pValue: number };
type BetaFactory = { factory: (a: number, b: number, o: { seed: number }) => () => number };
const ttest2 = tryRequire<TTest2>('@stdlib/stats-ttest2');
const chi2gof = tryRequire<Chi2Gof>('@stdlib/stats-chi2gof');
const betaRand = tryRequire<BetaFactory>('@stdlib/random-base-beta');

const rows: Row[] = [];

if (hasData('hillstrom-email', 'hillstrom.csv.gz')) {
  const data = readDataCsv(['hillstrom-email', 'hillstrom.csv.gz']);
  const metrics = [
    { name: 'conversion', type: 'binomial' as const },
    { name: 'visit', type: 'binomial' as const },
    { name: 'spend', type: 'mean' as const },
  ];
  let worstP = 0;
  const ours = await measure(
    () => {
      const r = analyzeExperiment({ rows: data, armColumn: 'segment' }, { control: 'No E-Mail', metrics });
      for (const c of r.comparisons) if (!(c.pValue >= 0 && c.pValue <= 1)) worstP = NaN;
      return r;
    },
    { minRuns: 10, minMs: 1000 },
  );
  rows.push({
    case: 'hillstrom: 64,000 raw rows, 3 arms, 3 metrics',
    impl: 'crmkit analyzeExperiment (SRM, z/Welch, Newcombe, exact Bayes, Holm, verdict)',
    ms: ours.ms,
    heapMB: ours.heapMB,
    note: Number.isNaN(worstP) ? 'p-value out of [0,1]!' : 'rows = readDataCsv objects (strings)',
  });
  // the same rows as a database driver returns them: plain objects with numbers
  const typed = data.map((r) => ({ segment: r.segment!, conversion: Number(r.conversion), visit: Number(r.visit), spend: Number(r.spend) }));
  const oursTyped = await measure(() => analyzeExperiment({ rows: typed, armColumn: 'segment' }, { control: 'No E-Mail', metrics }), {
    minRuns: 10,
    minMs: 1000,
  });
  rows.push({
    case: 'hillstrom: 64,000 raw rows, 3 arms, 3 metrics',
    impl: 'crmkit analyzeExperiment, rows as plain objects with numbers',
    ms: oursTyped.ms,
    heapMB: oursTyped.heapMB,
  });
  if (ttest2 && chi2gof) {
    const peer = await measure(
      () => {
        const arms = new Map<string, { conversion: number[]; visit: number[]; spend: number[] }>();
        for (const r of data) {
          let a = arms.get(r.segment!);
          if (!a) arms.set(r.segment!, (a = { conversion: [], visit: [], spend: [] }));
          a.conversion.push(Number(r.conversion));
          a.visit.push(Number(r.visit));
          a.spend.push(Number(r.spend));
        }
        const c = arms.get('No E-Mail')!;
        const out: number[] = [];
        for (const [name, a] of arms) {
          if (name === 'No E-Mail') continue;
          for (const m of ['conversion', 'visit', 'spend'] as const) out.push(ttest2(a[m], c[m], { variance: 'unequal' }).pValue);
        }
        const counts = [...arms.values()].map((a) => a.spend.length);
        out.push(chi2gof(counts, counts.map(() => 1 / counts.length)).pValue);
        return out;
      },
      { minRuns: 10, minMs: 1000 },
    );
    rows.push({
      case: 'hillstrom: 64,000 raw rows, 3 arms, 3 metrics',
      impl: '@stdlib/stats-ttest2 ×6 + @stdlib/stats-chi2gof (grouping by hand; no Bayes/corrections)',
      ms: peer.ms,
      heapMB: peer.heapMB,
    });
  } else {
    rows.push({ case: 'hillstrom: 64,000 raw rows, 3 arms, 3 metrics', impl: '@stdlib peers', ms: null, note: 'not installed' });
  }
  try {
    const out = execFileSync('/usr/bin/python3', ['scripts/reference/experiment.py', '--bench'], { encoding: 'utf8' });
    const py = JSON.parse(out) as { analysisMs: number };
    rows.push({ case: 'hillstrom: 64,000 raw rows, 3 arms, 3 metrics', impl: 'Python statsmodels/scipy on a pandas frame (one run)', ms: py.analysisMs, note: 'z ×4, Welch ×2, chisquare; load excluded' });
  } catch {
    rows.push({ case: 'hillstrom', impl: 'Python', ms: null, note: '/usr/bin/python3 with statsmodels not available' });
  }
} else {
  rows.push({ case: 'hillstrom', impl: 'crmkit', ms: null, note: 'shared data not found' });
}

// Exact P(B > A) for Beta posteriors with parameters near 1e6
const A = { alpha: 1e6 + 0.5, beta: 1e6 + 0.25 };
const B = { alpha: 1e6 + 1500.5, beta: 1e6 - 1200.25 };
let exact = 0;
const ex = await measure(() => (exact = probabilityBetaGreater(A, B).probability), { minRuns: 20, minMs: 1000 });
rows.push({ case: 'P(B > A), Beta params ≈ 1e6', impl: 'crmkit probabilityBetaGreater (exact quadrature)', ms: ex.ms, heapMB: ex.heapMB, note: `P = ${exact.toFixed(12)} (mpmath 0.911507847693)` });
if (betaRand) {
  const draws = 1_000_000;
  let est = 0;
  const mc = await measure(
    () => {
      const ra = betaRand.factory(A.alpha, A.beta, { seed: 1 });
      const rb = betaRand.factory(B.alpha, B.beta, { seed: 2 });
      let wins = 0;
      for (let i = 0; i < draws; i++) if (rb() > ra()) wins++;
      return (est = wins / draws);
    },
    { minRuns: 3, minMs: 500, maxRuns: 5 },
  );
  rows.push({
    case: 'P(B > A), Beta params ≈ 1e6',
    impl: '@stdlib/random-base-beta Monte Carlo, 1e6 draws',
    ms: mc.ms,
    heapMB: mc.heapMB,
    note: `P = ${est.toFixed(6)} ± ${Math.sqrt((est * (1 - est)) / draws).toFixed(6)} (MC SE)`,
  });
} else {
  rows.push({ case: 'P(B > A), Beta params ≈ 1e6', impl: '@stdlib/random-base-beta', ms: null, note: 'not installed' });
}

printTable('crmkit/experiment', rows);
const load = (await import('node:os')).loadavg();
console.log(`load average during the run: ${load.map((x) => x.toFixed(1)).join(' ')} (2 cores)`);
