import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import {
  arrayLike,
  boolean as checkBoolean,
  integerInRange,
  numberInRange,
  oneOf,
  openUnitInterval,
  options as checkOptions,
  string as checkString,
} from '../core/validate.js';
import { checkAlpha, checkMeanInput, checkProportion, isObject, relative } from './_common.js';
import { adjustPValues, type PValueAdjustment } from './adjustPValues.js';
import { betaLaw, probabilityBestExact, probabilityGreater } from './_beta.js';
import { probabilityBestNormalExact } from './_normalBest.js';
import { normalArmPosterior } from './probabilityBestNormal.js';
import { checkBeta, type BetaParameters } from './bayesianBetaBinomial.js';
import { normalPosterior } from './bayesianNormal.js';
import { liftFromMoments } from './relativeLift.js';
import { sampleRatioMismatchTest, type SampleRatioMismatchTestResult } from './sampleRatioMismatchTest.js';
import { mixtureSprt } from './sequentialTest.js';
import { twoProportionZTest } from './twoProportionZTest.js';
import { tTestFromMoments } from './welchTTest.js';
import type { ArmMoments, Interval, MeanSdSummary, ProportionSummary, SumSummary } from './types.js';

/** A metric of {@link analyzeExperiment}. @category Experiment */
export interface ExperimentMetric {
  /** Name shown in results and in the verdict. */
  name: string;
  /** 'binomial' (0/1 conversion per user: z test + Beta–Binomial) or 'mean' (continuous: Welch t + normal model). */
  type: 'binomial' | 'mean';
  /** Raw rows only: the column holding the per-user value. @defaultValue the metric's name */
  column?: string;
  /** Whether larger is better (false for unsubscribes, churn, latency). @defaultValue true */
  higherIsBetter?: boolean;
}

/** Per-arm input of {@link analyzeExperiment} from summaries. @category Experiment */
export interface ArmSummaryInput {
  /** Arm name. */
  arm: string;
  /** Users assigned (for the SRM check; for binomial metrics also the trial count). */
  users: number;
  /** Per-metric sufficient statistics, keyed by metric name: `{ conversions }` for binomial metrics (n = users), `{ n?, mean, sd }` or `{ n?, sum, sumSquares }` for means. */
  metrics: Record<string, { conversions: number } | Partial<Pick<MeanSdSummary, 'n'>> & (Omit<MeanSdSummary, 'n'> | Omit<SumSummary, 'n'>)>;
}

/** Input of {@link analyzeExperiment}: summaries per arm, or raw per-user rows with an arm column. @category Experiment */
export type ExperimentInput =
  | { summaries: readonly ArmSummaryInput[] }
  | { rows: readonly Record<string, unknown>[]; armColumn: string };

/** Options of {@link analyzeExperiment}. @category Experiment */
export interface AnalyzeExperimentOptions {
  /** Metrics to analyze; the first is the primary metric the verdict is about. */
  metrics: readonly ExperimentMetric[];
  /** Name of the control arm. @defaultValue the first arm (summaries order, or first seen in rows) */
  control?: string;
  /** Significance level. @defaultValue 0.05 */
  alpha?: number;
  /** Correction across all (metric, treatment arm) p-values, or 'none'. @defaultValue 'holm' */
  correction?: PValueAdjustment | 'none';
  /** Planned traffic weights per arm, keyed by arm name. @defaultValue equal */
  weights?: Record<string, number>;
  /** SRM p-value below which results are declared invalid (GrowthBook's default). @defaultValue 0.001 */
  srmThreshold?: number;
  /** SRM p-value below which the verdict warns of a likely mismatch. @defaultValue 0.01 */
  srmWarningThreshold?: number;
  /** Beta prior for binomial metrics. @defaultValue { alpha: 1, beta: 1 } */
  prior?: BetaParameters;
  /** Use always-valid (mixture SPRT) p-values and intervals, safe under peeking; the value is the tuning parameter N. @defaultValue undefined (fixed-horizon tests) */
  sequentialTuning?: number;
}

/** Result for one (metric, treatment arm) pair. @category Experiment */
export interface ExperimentComparison {
  metric: string;
  type: 'binomial' | 'mean';
  arm: string;
  control: ArmMoments;
  treatment: ArmMoments;
  /** treatment − control. */
  difference: number;
  /** Interval of the difference at 1 − alpha (Newcombe for binomial, Welch t for means; always-valid when sequential). */
  confidenceInterval: Interval;
  /** treatment / control − 1, with its delta-method interval (±Infinity / 0 conventions when control is 0). */
  relativeLift: number;
  relativeInterval: Interval;
  /** Test statistic (z or t). */
  statistic: number;
  pValue: number;
  /** After the correction across metrics and arms. */
  adjustedPValue: number;
  significant: boolean;
  /** Bayesian P(treatment better than control in the metric's good direction). */
  chanceToBeatControl: number;
  /** 'better' / 'worse' when significant (in the metric's good direction), else 'inconclusive'. */
  outcome: 'better' | 'worse' | 'inconclusive';
  test: string;
}

/** Chance that each arm (control included) is the best on one metric, in the metric's good direction. @category Experiment */
export interface ExperimentChanceToBeBest {
  metric: string;
  /** One entry per arm, in arm order; the probabilities sum to 1. */
  arms: { arm: string; probability: number; error: number }[];
  /** How it was computed: exact quadrature over Beta posteriors (binomial) or over normal posteriors of the arm means (mean). */
  method: 'beta-exact' | 'normal-exact';
}

/** The plain-English verdict of {@link analyzeExperiment}. @category Experiment */
export interface ExperimentVerdict {
  /** 'invalid' when the SRM check fails; 'winner' when a treatment is significantly better on the primary metric; 'loser' when all significant results are worse; else 'inconclusive'. */
  status: 'invalid' | 'winner' | 'loser' | 'inconclusive';
  /** The recommended arm (the control unless a treatment wins). */
  recommendedArm: string;
  /** One sentence for the campaign page. */
  headline: string;
  /** Things to keep in mind before acting. */
  caveats: string[];
  /** Chance that each arm is the best on the primary metric (as in {@link AnalyzeExperimentResult.chanceToBeBest}). */
  chanceToBeBest: { arm: string; probability: number }[];
}

/** Result of {@link analyzeExperiment}. @category Experiment */
export interface AnalyzeExperimentResult {
  arms: { name: string; users: number }[];
  control: string;
  srm: SampleRatioMismatchTestResult;
  comparisons: ExperimentComparison[];
  /** Per metric (in metric order): the Bayesian chance that each arm is the best. */
  chanceToBeBest: ExperimentChanceToBeBest[];
  correction: PValueAdjustment | 'none';
  alpha: number;
  sequential: boolean;
  verdict: ExperimentVerdict;
}

const FN = 'experiment/analyzeExperiment';

interface ArmAcc {
  name: string;
  users: number;
  moments: ArmMoments[];
  conversions: number[];
}

/**
 * Whether `s` is a decimal number: [+-] digits [. digits] [e [+-] digits], at least one digit before
 * the exponent (so no '0x10', '0b1', 'Infinity', '1_000' or ''). One linear scan, no regex.
 */
export function isDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = s.charCodeAt(++i);
  }
  if (c === 46) {
    c = s.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = s.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    let e = 0;
    while (c >= 48 && c <= 57) {
      e++;
      c = s.charCodeAt(++i);
    }
    if (e === 0) return false;
  }
  return i === n;
}

function toNumber(v: unknown, r: number, column: string): number {
  if (typeof v === 'string' && v.length > 0) {
    // fast path for plain decimal strings (CSV cells)
    if (isDecimal(v)) {
      const x = +v;
      if (x !== Infinity && x !== -Infinity) return x;
    }
  }
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
  } else if (typeof v === 'boolean') {
    return v ? 1 : 0;
  } else if (typeof v === 'string') {
    const s = v.trim();
    const low = s.toLowerCase();
    if (low === 'true') return 1;
    if (low === 'false') return 0;
    if (isDecimal(s)) {
      const x = Number(s);
      if (Number.isFinite(x)) return x;
    }
  }
  throw new InvalidInputError(FN, `input.rows[${r}].${column} must be a finite number, a boolean, or a decimal-notation / 'true' / 'false' string`, v);
}

function fromRows(rows: unknown, armColumn: string, metrics: readonly ExperimentMetric[]): ArmAcc[] {
  const list = arrayLike<unknown>(FN, 'input.rows', rows, 1);
  const index = new Map<string, number>();
  const k = metrics.length;
  const cols = metrics.map((m) => m.column ?? m.name);
  const arms: ArmAcc[] = [];
  // Welford accumulators per arm and metric
  const mean: Float64Array[] = [];
  const m2: Float64Array[] = [];
  const isBinomial = metrics.map((m) => m.type === 'binomial');
  for (let r = 0; r < list.length; r++) {
    const row = list[r] as Record<string, unknown>;
    if (row === null || typeof row !== 'object') throw new InvalidInputError(FN, `input.rows[${r}] must be an object`, row);
    const a = row[armColumn];
    if (typeof a !== 'string' && typeof a !== 'number') {
      throw new InvalidInputError(FN, `input.rows[${r}].${armColumn} must be a string or number arm label`, a);
    }
    const key = typeof a === 'string' ? a : String(a);
    let ai = index.get(key);
    if (ai === undefined) {
      ai = arms.length;
      index.set(key, ai);
      arms.push({ name: key, users: 0, moments: [], conversions: new Array<number>(k).fill(0) });
      mean.push(new Float64Array(k));
      m2.push(new Float64Array(k));
    }
    const acc = arms[ai]!;
    const n = ++acc.users;
    const mu = mean[ai]!;
    const mm = m2[ai]!;
    for (let j = 0; j < k; j++) {
      const v = row[cols[j]!];
      const x = typeof v === 'number' && Number.isFinite(v) ? v : toNumber(v, r, cols[j]!); // message built only on error
      if (isBinomial[j]) {
        if (x !== 0 && x !== 1) throw new InvalidInputError(FN, `input.rows[${r}].${cols[j]} must be 0 or 1 for binomial metric '${metrics[j]!.name}'`, x);
        acc.conversions[j] = acc.conversions[j]! + x;
      }
      const d = x - mu[j]!;
      mu[j] = mu[j]! + d / n;
      mm[j] = mm[j]! + d * (x - mu[j]!);
    }
  }
  for (let ai = 0; ai < arms.length; ai++) {
    const acc = arms[ai]!;
    for (let j = 0; j < k; j++) {
      acc.moments.push({ n: acc.users, mean: mean[ai]![j]!, variance: acc.users > 1 ? m2[ai]![j]! / (acc.users - 1) : 0 });
    }
  }
  return arms;
}

function fromSummaries(summaries: unknown, metrics: readonly ExperimentMetric[]): ArmAcc[] {
  const list = arrayLike<unknown>(FN, 'input.summaries', summaries, 2);
  const arms: ArmAcc[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (!isObject(s)) throw new InvalidInputError(FN, `input.summaries[${i}] must be an object { arm, users, metrics }`, s);
    const name = checkString(FN, `input.summaries[${i}].arm`, s.arm);
    if (seen.has(name)) throw new InvalidInputError(FN, `input.summaries has arm '${name}' twice`, name);
    seen.add(name);
    const users = integerInRange(FN, `input.summaries[${i}].users`, s.users, { min: 1, max: Number.MAX_SAFE_INTEGER });
    if (!isObject(s.metrics)) throw new InvalidInputError(FN, `input.summaries[${i}].metrics must be an object keyed by metric name`, s.metrics);
    const acc: ArmAcc = { name, users, moments: [], conversions: [] };
    for (const m of metrics) {
      const v = Object.prototype.hasOwnProperty.call(s.metrics, m.name) ? s.metrics[m.name] : undefined;
      const where = `input.summaries[${i}].metrics.${m.name}`;
      if (!isObject(v)) throw new InvalidInputError(FN, `${where} must be an object`, v);
      if (m.type === 'binomial') {
        const p = checkProportion(FN, where, { n: users, conversions: v.conversions });
        const rate = p.conversions / users;
        acc.conversions.push(p.conversions);
        acc.moments.push({ n: users, mean: rate, variance: users > 1 ? (rate * (1 - rate) * users) / (users - 1) : 0 });
      } else {
        acc.conversions.push(0);
        acc.moments.push(checkMeanInput(FN, where, { ...v, n: v.n ?? users }));
      }
    }
    arms.push(acc);
  }
  return arms;
}

function pct(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return x > 0 ? '+∞%' : '−∞%';
  const v = (x * 100).toFixed(digits);
  return `${x >= 0 ? '+' : ''}${v}%`;
}

function chanceText(p: number): string {
  if (p >= 0.99995) return '> 99.99%';
  if (p <= 0.00005) return '< 0.01%';
  return `${(p * 100).toFixed(2)}%`;
}

function fmtP(p: number): string {
  if (p === 0) return 'p < 1e-300';
  if (p < 1e-4) return `p = ${p.toExponential(1)}`;
  return `p = ${p.toPrecision(2)}`;
}

/**
 * One-call analysis of an A/B/n experiment, as a CRM campaign page shows it: SRM check, effect and
 * interval per metric and arm, p-values corrected across metrics and arms, Bayesian chance to beat
 * control and chance that each arm is the best, and a plain-English verdict with its caveats.
 *
 * @remarks Binomial metrics: pooled two-proportion z test with the Newcombe interval, Beta–Binomial
 * exact chance to beat control. Mean metrics: Welch's t test, normal–normal chance to beat control
 * (flat prior). Chance to be best, per metric over all arms (control included), in the metric's
 * good direction: exact quadrature over the Beta posteriors ({@link probabilityBest}) for binomial
 * metrics, over normal posteriors N(x̄, s²/n) of the arm means ({@link probabilityBestNormal}) for
 * mean metrics; with 3+ arms the verdict lists it for the primary metric. Relative lifts use the delta method. With `sequentialTuning` the p-values and
 * intervals of the difference are the always-valid mixture-SPRT ones of {@link sequentialTest}.
 * The SRM check runs first: a mismatch (p < srmThreshold) makes the verdict `invalid` whatever the
 * effects; p < srmWarningThreshold adds a caveat. Raw rows are aggregated in one pass (Welford per
 * arm and metric), O(rows × metrics); everything after works on those summaries.
 * @see GrowthBook's experiment results (SRM threshold 0.001, chance to win, sequential testing); statsmodels / scipy for each test
 * @throws {@link InvalidInputError} on malformed rows or summaries (missing metric values, non-0/1 binomial values, duplicate arms, fewer than 2 arms)
 * @throws {@link InvalidOptionError} when metrics are missing or duplicated, the control arm does not exist, or an option is out of range
 * @example
 * ```ts
 * import { analyzeExperiment } from 'crmkit/experiment';
 * const r = analyzeExperiment(
 *   { summaries: [
 *     { arm: 'No E-Mail', users: 21306, metrics: { conversion: { conversions: 122 } } },
 *     { arm: 'Womens E-Mail', users: 21387, metrics: { conversion: { conversions: 189 } } },
 *   ] },
 *   { metrics: [{ name: 'conversion', type: 'binomial' }] },
 * );
 * r.verdict.status; // => 'winner'
 * r.verdict.recommendedArm; // => 'Womens E-Mail'
 * r.verdict.chanceToBeBest.map((x) => x.probability.toFixed(4)); // => ['0.0001', '0.9999']
 * ```
 * @category Experiment
 */
export function analyzeExperiment(input: ExperimentInput, options: AnalyzeExperimentOptions): AnalyzeExperimentResult {
  const o = checkOptions(FN, options, [
    'metrics',
    'control',
    'alpha',
    'correction',
    'weights',
    'srmThreshold',
    'srmWarningThreshold',
    'prior',
    'sequentialTuning',
  ]);
  const alpha = checkAlpha(FN, o.alpha);
  const correction =
    o.correction === undefined
      ? 'holm'
      : oneOf(FN, 'options.correction', o.correction, ['none', 'bonferroni', 'holm', 'benjamini-hochberg', 'benjamini-yekutieli'] as const);
  const srmThreshold = o.srmThreshold === undefined ? 0.001 : openUnitInterval(FN, 'options.srmThreshold', o.srmThreshold);
  const srmWarning = o.srmWarningThreshold === undefined ? 0.01 : openUnitInterval(FN, 'options.srmWarningThreshold', o.srmWarningThreshold);
  const prior = o.prior === undefined ? { alpha: 1, beta: 1 } : checkBeta(FN, 'options.prior', o.prior);
  const tuning = o.sequentialTuning === undefined ? undefined : numberInRange(FN, 'options.sequentialTuning', o.sequentialTuning, { min: 0, minExclusive: true });
  const mlist = arrayLike<unknown>(FN, 'options.metrics', o.metrics, 1);
  const metrics: ExperimentMetric[] = [];
  const names = new Set<string>();
  for (let i = 0; i < mlist.length; i++) {
    const m = mlist[i];
    if (!isObject(m)) throw new InvalidOptionError(FN, `options.metrics[${i}] must be an object { name, type }`, m);
    checkOptions(FN, m as object, ['name', 'type', 'column', 'higherIsBetter']);
    const name = checkString(FN, `options.metrics[${i}].name`, m.name);
    if (names.has(name)) throw new InvalidOptionError(FN, `options.metrics has '${name}' twice`, name);
    names.add(name);
    metrics.push({
      name,
      type: oneOf(FN, `options.metrics[${i}].type`, m.type, ['binomial', 'mean'] as const),
      column: m.column === undefined ? name : checkString(FN, `options.metrics[${i}].column`, m.column),
      higherIsBetter: m.higherIsBetter === undefined ? true : checkBoolean(FN, `options.metrics[${i}].higherIsBetter`, m.higherIsBetter),
    });
  }
  if (!isObject(input)) throw new InvalidInputError(FN, 'input must be { summaries } or { rows, armColumn }', input);
  let arms: ArmAcc[];
  if ('rows' in input) {
    arms = fromRows(input.rows, checkString(FN, 'input.armColumn', input.armColumn), metrics);
  } else if ('summaries' in input) {
    arms = fromSummaries(input.summaries, metrics);
  } else {
    throw new InvalidInputError(FN, 'input must be { summaries } or { rows, armColumn }', input);
  }
  if (arms.length < 2) throw new InvalidInputError(FN, 'the experiment needs at least 2 arms', arms.length);
  const controlName = o.control === undefined ? arms[0]!.name : checkString(FN, 'options.control', o.control);
  const ci = arms.findIndex((a) => a.name === controlName);
  if (ci < 0) throw new InvalidOptionError(FN, `options.control must name an arm (${arms.map((a) => a.name).join(', ')})`, controlName);
  const control = arms[ci]!;

  let weights: number[] | undefined;
  if (o.weights !== undefined) {
    if (!isObject(o.weights)) throw new InvalidOptionError(FN, 'options.weights must be an object keyed by arm name', o.weights);
    const w = o.weights as Record<string, unknown>;
    weights = arms.map((a) => {
      if (!Object.prototype.hasOwnProperty.call(w, a.name)) throw new InvalidOptionError(FN, `options.weights has no weight for arm '${a.name}'`, a.name);
      return numberInRange(FN, `options.weights.${a.name}`, w[a.name], { min: 0, minExclusive: true });
    });
  }
  const srm = sampleRatioMismatchTest(
    arms.map((a) => a.users),
    weights === undefined ? { threshold: srmThreshold } : { threshold: srmThreshold, weights },
  );

  const comparisons: ExperimentComparison[] = [];
  for (let j = 0; j < metrics.length; j++) {
    const m = metrics[j]!;
    const good = m.higherIsBetter ? 1 : -1;
    for (let ai = 0; ai < arms.length; ai++) {
      if (ai === ci) continue;
      const arm = arms[ai]!;
      const c = control.moments[j]!;
      const t = arm.moments[j]!;
      let difference: number;
      let confidenceInterval: Interval;
      let statistic: number;
      let pValue: number;
      let chance: number;
      let test: string;
      let se: number;
      if (m.type === 'binomial') {
        const cp: ProportionSummary = { n: control.users, conversions: control.conversions[j]! };
        const tp: ProportionSummary = { n: arm.users, conversions: arm.conversions[j]! };
        const r = twoProportionZTest(cp, tp, { alpha });
        difference = r.difference;
        confidenceInterval = r.newcombeInterval;
        statistic = r.statistic;
        pValue = r.pValue;
        se = Math.sqrt((r.control.rate * (1 - r.control.rate)) / cp.n + (r.treatment.rate * (1 - r.treatment.rate)) / tp.n);
        const pt = probabilityGreater(
          betaLaw(prior.alpha + cp.conversions, prior.beta + cp.n - cp.conversions),
          betaLaw(prior.alpha + tp.conversions, prior.beta + tp.n - tp.conversions),
        ).value;
        chance = good > 0 ? pt : 1 - pt;
        test = 'two-proportion z test (pooled), Newcombe interval';
      } else {
        if (c.n < 2 || t.n < 2) throw new InvalidInputError(FN, `metric '${m.name}' needs at least 2 users per arm`, Math.min(c.n, t.n));
        const r = tTestFromMoments(c, t, 'two-sided', alpha, false);
        difference = r.difference;
        confidenceInterval = r.confidenceInterval;
        statistic = r.statistic;
        pValue = r.pValue;
        se = r.standardError;
        const post = normalPosterior(c, t, difference, se, 0, Infinity, 'absolute', 1 - alpha);
        chance = good > 0 ? post.probabilityTreatmentBeatsControl : 1 - post.probabilityTreatmentBeatsControl;
        test = "Welch's t test";
      }
      if (tuning !== undefined) {
        const sq = mixtureSprt(difference, se, c.n + t.n, alpha, tuning);
        confidenceInterval = sq.confidenceInterval;
        pValue = sq.pValue;
        test += ' → always-valid mixture SPRT';
      }
      let relativeInterval: Interval = { lower: -Infinity, upper: Infinity };
      const lift = relative(c.mean, t.mean);
      if (c.mean !== 0) {
        const l = liftFromMoments(c, t, 'two-sided', alpha);
        relativeInterval = l.confidenceInterval;
        if (tuning !== undefined) relativeInterval = mixtureSprt(l.lift, l.standardError, c.n + t.n, alpha, tuning).confidenceInterval;
      }
      comparisons.push({
        metric: m.name,
        type: m.type,
        arm: arm.name,
        control: c,
        treatment: t,
        difference,
        confidenceInterval,
        relativeLift: lift,
        relativeInterval,
        statistic,
        pValue,
        adjustedPValue: pValue,
        significant: false,
        chanceToBeatControl: chance,
        outcome: 'inconclusive',
        test,
      });
    }
  }
  const chanceToBeBest: ExperimentChanceToBeBest[] = metrics.map((m, j) => {
    const good = m.higherIsBetter !== false;
    let r: { values: number[]; errors: number[] };
    if (m.type === 'binomial') {
      // lower is better: the best arm has the largest 1 − rate, whose posterior is Beta(β, α)
      r = probabilityBestExact(
        arms.map((a) => {
          const al = prior.alpha + a.conversions[j]!;
          const be = prior.beta + a.users - a.conversions[j]!;
          return good ? betaLaw(al, be) : betaLaw(be, al);
        }),
      );
    } else {
      r = probabilityBestNormalExact(
        arms.map((a) => {
          const p = normalArmPosterior(a.moments[j]!, 0, Infinity);
          return good ? p : { mean: -p.mean, sd: p.sd };
        }),
      );
    }
    return {
      metric: m.name,
      arms: arms.map((a, i) => ({ arm: a.name, probability: r.values[i]!, error: r.errors[i]! })),
      method: m.type === 'binomial' ? 'beta-exact' : 'normal-exact',
    };
  });
  const adjusted = correction === 'none' ? comparisons.map((x) => x.pValue) : adjustPValues(comparisons.map((x) => x.pValue), { method: correction, alpha }).adjusted;
  for (let i = 0; i < comparisons.length; i++) {
    const cmp = comparisons[i]!;
    const m = metrics.find((x) => x.name === cmp.metric)!;
    cmp.adjustedPValue = adjusted[i]!;
    cmp.significant = cmp.adjustedPValue < alpha;
    if (cmp.significant && cmp.difference !== 0) {
      cmp.outcome = (cmp.difference > 0) === (m.higherIsBetter !== false) ? 'better' : 'worse';
    }
  }
  const verdict = buildVerdict(metrics, comparisons, srm, srmWarning, control.name, alpha, correction, tuning !== undefined, arms, chanceToBeBest[0]!);
  return {
    arms: arms.map((a) => ({ name: a.name, users: a.users })),
    control: control.name,
    srm,
    comparisons,
    chanceToBeBest,
    correction,
    alpha,
    sequential: tuning !== undefined,
    verdict,
  };
}

function buildVerdict(
  metrics: ExperimentMetric[],
  comparisons: ExperimentComparison[],
  srm: SampleRatioMismatchTestResult,
  srmWarning: number,
  controlName: string,
  alpha: number,
  correction: PValueAdjustment | 'none',
  sequential: boolean,
  arms: ArmAcc[],
  best: ExperimentChanceToBeBest,
): ExperimentVerdict {
  const caveats: string[] = [];
  const chanceToBeBest = best.arms.map((x) => ({ arm: x.arm, probability: x.probability }));
  const level = `${Math.round((1 - alpha) * 1000) / 10}%`;
  const primary = metrics[0]!;
  const split = arms.map((a) => `${a.name} ${a.users}`).join(' / ');
  if (srm.mismatch) {
    return {
      status: 'invalid',
      recommendedArm: controlName,
      headline: `Sample ratio mismatch: the arms received ${split} users, which the planned split explains with ${fmtP(srm.pValue)} (< ${srm.threshold}). Fix assignment or tracking before reading any effect.`,
      caveats: ['Every effect below is measured on a biased split and may be wrong.'],
      chanceToBeBest,
    };
  }
  if (srm.pValue < srmWarning) {
    caveats.push(
      `Possible sample ratio mismatch: ${split} users (χ² = ${srm.statistic.toFixed(2)}, ${fmtP(srm.pValue)}, below ${srmWarning}). Check assignment and tracking before trusting the effects.`,
    );
  }
  const prim = comparisons.filter((c) => c.metric === primary.name);
  const winners = prim.filter((c) => c.outcome === 'better').sort((a, b) => b.relativeLift * (primary.higherIsBetter === false ? -1 : 1) - a.relativeLift * (primary.higherIsBetter === false ? -1 : 1));
  const losers = prim.filter((c) => c.outcome === 'worse');
  const describe = (c: ExperimentComparison): string =>
    `${c.arm} vs ${controlName} on ${c.metric}: ${pct(c.relativeLift)} relative (${level} CI ${pct(c.relativeInterval.lower)} to ${pct(c.relativeInterval.upper)}), ${fmtP(c.pValue)}${correction === 'none' ? '' : ` (${correction}-adjusted ${fmtP(c.adjustedPValue).replace('p = ', '').replace('p < ', '< ')})`}, ${chanceText(c.chanceToBeatControl)} chance to beat control`;
  let status: ExperimentVerdict['status'];
  let recommendedArm = controlName;
  let headline: string;
  if (winners.length > 0) {
    const w = winners[0]!;
    status = 'winner';
    recommendedArm = w.arm;
    headline = `${w.arm} beats ${controlName}. ${describe(w)}.`;
    if (winners.length > 1) caveats.push(`Other arms also beat control on ${primary.name}: ${winners.slice(1).map((x) => x.arm).join(', ')}; ${w.arm} has the largest lift, but compare them directly before choosing.`);
  } else if (losers.length > 0 && losers.length === prim.length) {
    status = 'loser';
    headline = `Keep ${controlName}: every variant is worse on ${primary.name}. ${describe(losers[0]!)}.`;
  } else {
    status = 'inconclusive';
    const best = prim.slice().sort((a, b) => b.chanceToBeatControl - a.chanceToBeatControl)[0]!;
    headline = `No significant difference on ${primary.name} at the ${level} level. Closest: ${describe(best)}. Keep ${controlName} or collect more data.`;
  }
  for (const c of comparisons) {
    if (c.metric !== primary.name && c.outcome === 'worse' && (status !== 'winner' || c.arm === recommendedArm)) {
      caveats.push(`Guardrail: ${c.arm} is significantly worse on ${c.metric} (${pct(c.relativeLift)}, ${fmtP(c.adjustedPValue)} adjusted).`);
    }
    if (c.type === 'binomial') {
      const conv = Math.min(Math.round(c.control.mean * c.control.n), Math.round(c.treatment.mean * c.treatment.n));
      if (conv < 30 && c.metric === primary.name) caveats.push(`Few conversions on ${c.metric} (${conv} in the smaller arm): the normal approximation is rough; confirm with fisherExactTest.`);
    }
  }
  if (arms.length > 2) {
    caveats.push(`Chance to be best on ${primary.name} (Bayesian, all arms): ${chanceToBeBest.map((x) => `${x.arm} ${chanceText(x.probability)}`).join(', ')}.`);
  }
  if (comparisons.length > 1 && correction !== 'none') caveats.push(`${comparisons.length} comparisons (metrics × arms): p-values are ${correction}-adjusted.`);
  if (comparisons.length > 1 && correction === 'none') caveats.push(`${comparisons.length} comparisons without correction: expect about ${(comparisons.length * alpha).toFixed(2)} false positives by chance.`);
  if (!sequential) caveats.push('Fixed-horizon test: valid only if the sample size was fixed in advance and the results were not used to decide when to stop. Use sequentialTuning for results you check repeatedly.');
  return { status, recommendedArm, headline, caveats, chanceToBeBest };
}
