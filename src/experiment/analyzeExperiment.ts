import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { numberInRange, oneOf, openUnitInterval, options as checkOptions, string as checkString } from '../core/validate.js';
import { checkAlpha, isObject, pFromZ, relative, safeRatio } from './_common.js';
import { adjustPValues, type PValueAdjustment } from './adjustPValues.js';
import { betaLaw, probabilityBestExact } from './_beta.js';
import { probabilityBestNormalExact } from './_normalBest.js';
import { normalArmPosterior } from './probabilityBestNormal.js';
import { checkBeta, type BetaParameters } from './bayesianBetaBinomial.js';
import { normalPosterior } from './bayesianNormal.js';
import { liftFromMoments } from './relativeLift.js';
import { sampleRatioMismatchTest, type SampleRatioMismatchTestResult } from './sampleRatioMismatchTest.js';
import { mixtureSprt } from './sequentialTest.js';
import { tTestFromMoments } from './welchTTest.js';
import { normalIsf } from './_dist.js';
import { readMetrics, readRows, readSummaries, type ArmStats, type MetricSpec, type MetricStats } from './_experimentInput.js';
import { analyzeBinomial } from './_analyzeBinomial.js';
import { cupedMoments, meanMoments } from './_analyzeMean.js';
import { ratioMoments } from './_analyzeRatio.js';
import { buildVerdict } from './_verdict.js';
import type { ArmMoments, Interval, MeanSdSummary, SumSummary } from './types.js';
import type { RatioSums } from './deltaMethodRatio.js';

/** A metric of {@link analyzeExperiment}. @category Experiment */
export interface ExperimentMetric {
  /** Name shown in results and in the verdict. */
  name: string;
  /**
   * 'binomial' (0/1 conversion per user: z test + Beta–Binomial), 'mean' (continuous: Welch t + normal
   * model) or 'ratio' (Σ numerator / Σ denominator per arm with users as the unit, e.g. revenue per
   * order: delta-method z test + normal model).
   */
  type: 'binomial' | 'mean' | 'ratio';
  /** Raw rows only: the column holding the per-user value. @defaultValue the metric's name */
  column?: string;
  /** Whether larger is better (false for unsubscribes, churn, latency). @defaultValue true */
  higherIsBetter?: boolean;
  /** Lower is better (the same as `higherIsBetter: false`). @defaultValue false */
  inverse?: boolean;
  /** Raw rows, mean / binomial metrics: the pre-experiment covariate column; turns CUPED on. */
  covariate?: string;
  /** Summaries, mean / binomial metrics: CUPED from `{ sum, sumSquares, covariateSum, covariateSumSquares, sumProducts }`. @defaultValue true when `covariate` is given */
  cuped?: boolean;
  /**
   * A guardrail (latency, unsubscribes, refunds): tested at `alpha` without the multiple-comparison
   * correction of the goal metrics (a safety check should not be diluted); when the winning arm is
   * significantly worse on it the verdict becomes 'inconclusive' and recommends the control.
   * Not allowed on the first (primary) metric. @defaultValue false
   */
  guardrail?: boolean;
  /** Raw rows, ratio metrics: numerator column. @defaultValue `${name}_numerator` */
  numerator?: string;
  /** Raw rows, ratio metrics: denominator column. @defaultValue `${name}_denominator` */
  denominator?: string;
}

/** Per-arm CUPED sums of a mean or binomial metric, with exactly the field names the SQL produces (sumProducts = Σ metric·covariate). @category Experiment */
export interface CupedSums {
  /** Users; defaults to the arm's users. */
  n?: number;
  sum: number;
  /** Σ metric² (binomial metrics may omit it: it equals sum). */
  sumSquares?: number;
  covariateSum: number;
  covariateSumSquares: number;
  sumProducts: number;
}

/** Per-arm input of {@link analyzeExperiment} from summaries. @category Experiment */
export interface ArmSummaryInput {
  /** Arm name. */
  arm: string;
  /** Users assigned (for the SRM check; for binomial metrics also the trial count). */
  users: number;
  /**
   * Per-metric sufficient statistics, keyed by metric name: `{ conversions }` for binomial metrics
   * (n = users), `{ n?, mean, sd }` or `{ n?, sum, sumSquares }` for means, {@link CupedSums} for
   * CUPED metrics, {@link RatioSums} (n optional) for ratio metrics.
   */
  metrics: Record<
    string,
    | { conversions: number }
    | (Partial<Pick<MeanSdSummary, 'n'>> & (Omit<MeanSdSummary, 'n'> | Omit<SumSummary, 'n'>))
    | CupedSums
    | (Omit<RatioSums, 'n'> & { n?: number })
  >;
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
  type: 'binomial' | 'mean' | 'ratio';
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
  /** CUPED metrics: θ (pooled across arms) and the share of the difference's variance removed, 1 − SE²_adjusted / SE²_unadjusted. */
  cuped?: { theta: number; varianceReduction: number };
}

/** Chance that each arm (control included) is the best on one metric, in the metric's good direction. @category Experiment */
export interface ExperimentChanceToBeBest {
  metric: string;
  /** One entry per arm, in arm order; the probabilities sum to 1. */
  arms: { arm: string; probability: number; error: number }[];
  /** How it was computed: exact quadrature over Beta posteriors (binomial) or over normal posteriors of the arm estimates (mean, ratio, CUPED). */
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
  /** Problems with the input that did not stop the analysis (e.g. a variance from SQL sums lost to cancellation). Empty when none. */
  warnings: string[];
}

const FN = 'experiment/analyzeExperiment';

/**
 * One-call analysis of an A/B/n experiment, as a CRM campaign page shows it: SRM check, effect and
 * interval per metric and arm, p-values corrected across metrics and arms, Bayesian chance to beat
 * control and chance that each arm is the best, and a plain-English verdict with its caveats.
 *
 * @remarks Binomial metrics: pooled two-proportion z test with the Newcombe interval, Beta–Binomial
 * exact chance to beat control. Mean metrics: Welch's t test, normal–normal chance to beat control
 * (flat prior). Ratio metrics (Σ numerator / Σ denominator per arm, users as the unit): delta-method
 * variance Σ(x − R·y)²/((n − 1)·n·ȳ²), z test, normal chance to beat control. CUPED (mean and binomial
 * metrics; a `covariate` column in rows, or `{ sum, sumSquares, covariateSum, covariateSumSquares,
 * sumProducts }` per arm in summaries): θ = pooled cov/var over all arms as one sample (gbstats),
 * adjusted means ȳ − θ(x̄ − x̄_all) and variances s²_y − 2θs_xy + θ²s²_x, Welch's t on those; the
 * relative lift divides the adjusted difference by the control's unadjusted mean; `cuped` reports θ
 * and the variance reduction. Rows and summaries of the same data give the same figures. Chance to be best, per metric over all arms (control included), in the metric's
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
  const metrics = readMetrics(FN, o.metrics);
  const warnings: string[] = [];
  const arms = readInput(input, metrics, warnings);
  if (arms.length < 2) throw new InvalidInputError(FN, 'the experiment needs at least 2 arms', arms.length);
  const controlName = o.control === undefined ? arms[0]!.name : checkString(FN, 'options.control', o.control);
  const ci = arms.findIndex((a) => a.name === controlName);
  if (ci < 0) throw new InvalidOptionError(FN, `options.control must name an arm (${arms.map((a) => a.name).join(', ')})`, controlName);
  const control = arms[ci]!;
  const srm = sampleRatioMismatchTest(arms.map((a) => a.users), srmOptions(o.weights, arms, srmThreshold));

  const comparisons: ExperimentComparison[] = [];
  const perMetricMoments: ArmMoments[][] = [];
  for (let j = 0; j < metrics.length; j++) {
    const m = metrics[j]!;
    const { moments, theta, plain } = metricMoments(m, arms.map((a) => a.metrics[j]!));
    perMetricMoments.push(moments);
    for (let ai = 0; ai < arms.length; ai++) {
      if (ai !== ci) comparisons.push(compare(m, j, arms, ci, ai, moments, plain, theta, prior, alpha, tuning));
    }
  }
  const chanceToBeBest: ExperimentChanceToBeBest[] = metrics.map((m, j) => chanceBest(m, j, arms, perMetricMoments[j]!, prior));
  // guardrails stay outside the correction family of the goal metrics
  const isGuard = comparisons.map((x) => metrics.find((m) => m.name === x.metric)!.guardrail);
  const family = comparisons.filter((_, i) => !isGuard[i]).map((x) => x.pValue);
  const famAdj = correction === 'none' ? family : adjustPValues(family, { method: correction, alpha }).adjusted;
  let fi = 0;
  const adjusted = comparisons.map((x, i) => (isGuard[i] ? x.pValue : famAdj[fi++]!));
  for (let i = 0; i < comparisons.length; i++) {
    const cmp = comparisons[i]!;
    const m = metrics.find((x) => x.name === cmp.metric)!;
    cmp.adjustedPValue = adjusted[i]!;
    cmp.significant = cmp.adjustedPValue < alpha;
    if (cmp.significant && cmp.difference !== 0) {
      cmp.outcome = (cmp.difference > 0) === m.higherIsBetter ? 'better' : 'worse';
    }
  }
  const armList = arms.map((a) => ({ name: a.name, users: a.users }));
  const verdict = buildVerdict(metrics, comparisons, srm, srmWarning, control.name, alpha, correction, tuning !== undefined, armList, chanceToBeBest[0]!);
  if (warnings.length > 0) verdict.caveats.push(...warnings);
  return { arms: armList, control: control.name, srm, comparisons, chanceToBeBest, correction, alpha, sequential: tuning !== undefined, verdict, warnings };
}

function readInput(input: unknown, metrics: readonly MetricSpec[], warnings: string[]): ArmStats[] {
  if (!isObject(input)) throw new InvalidInputError(FN, 'input must be { summaries } or { rows, armColumn }', input);
  if ('rows' in input) return readRows(FN, input.rows, checkString(FN, 'input.armColumn', input.armColumn), metrics);
  if ('summaries' in input) return readSummaries(FN, input.summaries, metrics, warnings);
  throw new InvalidInputError(FN, 'input must be { summaries } or { rows, armColumn }', input);
}

function srmOptions(w: unknown, arms: readonly ArmStats[], threshold: number): { threshold: number; weights?: number[] } {
  if (w === undefined) return { threshold };
  if (!isObject(w)) throw new InvalidOptionError(FN, 'options.weights must be an object keyed by arm name', w);
  const weights = arms.map((a) => {
    if (!Object.prototype.hasOwnProperty.call(w, a.name)) throw new InvalidOptionError(FN, `options.weights has no weight for arm '${a.name}'`, a.name);
    return numberInRange(FN, `options.weights.${a.name}`, w[a.name], { min: 0, minExclusive: true });
  });
  return { threshold, weights };
}

/** The per-arm moments each metric type is compared on (and, for CUPED, θ and the unadjusted moments). */
function metricMoments(m: MetricSpec, stats: readonly MetricStats[]): { moments: ArmMoments[]; theta?: number; plain: ArmMoments[] } {
  if (m.type === 'ratio') {
    stats.forEach((s, i) => {
      if (s.my === 0) throw new InvalidInputError(FN, `metric '${m.name}': the denominators of arm ${i} average 0; the ratio is undefined`, s.my);
    });
    const moments = ratioMoments(stats);
    return { moments, plain: moments };
  }
  const plain = meanMoments(stats);
  if (!m.cuped) return { moments: plain, plain };
  const c = cupedMoments(stats);
  return { moments: c.moments, theta: c.theta, plain };
}

function compare(
  m: MetricSpec,
  j: number,
  arms: readonly ArmStats[],
  ci: number,
  ai: number,
  moments: readonly ArmMoments[],
  plain: readonly ArmMoments[],
  theta: number | undefined,
  prior: BetaParameters,
  alpha: number,
  tuning: number | undefined,
): ExperimentComparison {
  const c = moments[ci]!;
  const t = moments[ai]!;
  const good = m.higherIsBetter ? 1 : -1;
  let difference: number;
  let confidenceInterval: Interval;
  let statistic: number;
  let pValue: number;
  let chance: number;
  let test: string;
  let se: number;
  if (m.type === 'binomial' && !m.cuped) {
    const r = analyzeBinomial({ n: c.n, conversions: arms[ci]!.metrics[j]!.conversions }, { n: t.n, conversions: arms[ai]!.metrics[j]!.conversions }, prior, alpha);
    ({ difference, confidenceInterval, statistic, pValue, se, test } = r);
    chance = good > 0 ? r.pTreatmentHigher : 1 - r.pTreatmentHigher;
  } else {
    if (c.n < 2 || t.n < 2) throw new InvalidInputError(FN, `metric '${m.name}' needs at least 2 users per arm`, Math.min(c.n, t.n));
    if (m.type === 'ratio') {
      difference = t.mean - c.mean;
      se = Math.sqrt(c.variance / c.n + t.variance / t.n);
      statistic = safeRatio(difference, se);
      pValue = pFromZ(statistic, 'two-sided', difference === 0 && se === 0);
      const z = normalIsf(alpha / 2);
      confidenceInterval = { lower: difference - z * se, upper: difference + z * se };
      test = 'delta-method z test (ratio of means, users as the unit)';
    } else {
      const r = tTestFromMoments(c, t, 'two-sided', alpha, false);
      ({ difference, confidenceInterval, statistic, pValue } = r);
      se = r.standardError;
      test = m.cuped ? "CUPED (θ pooled across arms) → Welch's t test" : "Welch's t test";
    }
    const post = normalPosterior(c, t, difference, se, 0, Infinity, 'absolute', 1 - alpha);
    chance = good > 0 ? post.probabilityTreatmentBeatsControl : 1 - post.probabilityTreatmentBeatsControl;
  }
  if (tuning !== undefined) {
    const sq = mixtureSprt(difference, se, c.n + t.n, alpha, tuning);
    confidenceInterval = sq.confidenceInterval;
    pValue = sq.pValue;
    test += ' → always-valid mixture SPRT';
  }
  // relative to the control's unadjusted mean for CUPED (as gbstats): (Δ_adj)/|ȳ_C|
  const base = plain[ci]!;
  let relativeInterval: Interval = { lower: -Infinity, upper: Infinity };
  let lift = relative(c.mean, t.mean);
  if (m.cuped) lift = base.mean === 0 ? relative(0, difference) : difference / Math.abs(base.mean);
  if (base.mean !== 0) {
    const l = liftFromMoments(m.cuped ? { ...c, mean: base.mean } : c, m.cuped ? { ...t, mean: base.mean + difference } : t, 'two-sided', alpha);
    relativeInterval = l.confidenceInterval;
    if (tuning !== undefined) relativeInterval = mixtureSprt(l.lift, l.standardError, c.n + t.n, alpha, tuning).confidenceInterval;
  }
  const out: ExperimentComparison = {
    metric: m.name,
    type: m.type,
    arm: arms[ai]!.name,
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
  };
  if (theta !== undefined) {
    const pc = plain[ci]!;
    const pt = plain[ai]!;
    const seRaw2 = pc.variance / pc.n + pt.variance / pt.n;
    out.cuped = { theta, varianceReduction: seRaw2 > 0 ? 1 - (se * se) / seRaw2 : 0 };
  }
  return out;
}

function chanceBest(m: MetricSpec, j: number, arms: readonly ArmStats[], moments: readonly ArmMoments[], prior: BetaParameters): ExperimentChanceToBeBest {
  const good = m.higherIsBetter;
  let r: { values: number[]; errors: number[] };
  const beta = m.type === 'binomial' && !m.cuped;
  if (beta) {
    // lower is better: the best arm has the largest 1 − rate, whose posterior is Beta(β, α)
    r = probabilityBestExact(
      arms.map((a) => {
        const s = a.metrics[j]!;
        const al = prior.alpha + s.conversions;
        const be = prior.beta + s.n - s.conversions;
        return good ? betaLaw(al, be) : betaLaw(be, al);
      }),
    );
  } else {
    r = probabilityBestNormalExact(
      moments.map((mo) => {
        const p = normalArmPosterior(mo, 0, Infinity);
        return good ? p : { mean: -p.mean, sd: p.sd };
      }),
    );
  }
  return { metric: m.name, arms: arms.map((a, i) => ({ arm: a.name, probability: r.values[i]!, error: r.errors[i]! })), method: beta ? 'beta-exact' : 'normal-exact' };
}
