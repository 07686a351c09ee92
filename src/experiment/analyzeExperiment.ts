import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, oneOf, openUnitInterval, options as checkOptions, string as checkString } from '../core/validate.js';
import { checkAlpha, isObject } from './_common.js';
import type { PValueAdjustment } from './adjustPValues.js';
import { betaLaw, probabilityBestExact } from './_beta.js';
import { probabilityBestNormalExact } from './_normalBest.js';
import { normalArmPosterior } from './probabilityBestNormal.js';
import { checkBeta, type BetaParameters } from './bayesianBetaBinomial.js';
import { sampleRatioMismatchTest, type SampleRatioMismatchTestResult } from './sampleRatioMismatchTest.js';
import { readBreakdown, readMetrics, readRows, readSummaries, type ArmStats, type DimensionStats, type MetricSpec } from './_experimentInput.js';
import { compare, metricMoments, relativePosterior, type CompareContext } from './_compare.js';
import { analyzeDimension, correct, topLevels, type DimensionSpec } from './_dimensions.js';
import { postStratify } from './_postStratify.js';
import { sequentialSrmTest, type SequentialSrmTestResult } from './sequentialSrmTest.js';
import { buildVerdict, fmtP, type SrmCheck } from './_verdict.js';
import type { ArmMoments, Interval, MeanSdSummary, SumSummary } from './types.js';
import type { PValueAdjustment as Adj } from './adjustPValues.js';
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
  | { summaries: readonly ArmSummaryInput[]; breakdown?: readonly BreakdownSummaryInput[] }
  | { rows: readonly Record<string, unknown>[]; armColumn: string };

/**
 * One (dimension, level, arm) cell of a breakdown from summaries (SQL grouped by arm and a dimension
 * column): the same metric sums as {@link ArmSummaryInput}.
 * @category Experiment
 */
export interface BreakdownSummaryInput {
  /** Dimension name, as in `options.dimensions[].name`. */
  dimension: string;
  /** The level (country, device…). */
  level: string;
  /** Arm name, as in `input.summaries`. */
  arm: string;
  /** Users of the arm in this level. */
  users: number;
  /** Per-metric sufficient statistics of the cell, as in {@link ArmSummaryInput.metrics}. */
  metrics: ArmSummaryInput['metrics'];
}

/** A dimension to break the results down by (country, device…). @category Experiment */
export interface ExperimentDimension {
  /** Dimension name; with summaries the `dimension` of `input.breakdown` rows. */
  name: string;
  /** Raw rows: the column holding the level. @defaultValue the name */
  column?: string;
  /** Levels kept (the largest by users); the rest are merged into one '(other)' level. @defaultValue 10 */
  topN?: number;
  /** Correction across every (level, metric, arm) p-value of this breakdown. @defaultValue the analysis' `correction` */
  correction?: PValueAdjustment | 'none';
}

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
  /**
   * Gaussian prior on the relative lift of mean, ratio and CUPED metrics (gbstats' proper relative
   * prior, e.g. `{ mean: 0, variance: 0.3 ** 2 }`: lifts beyond ±60% are rare); the chance to beat
   * control then comes from the posterior, reported in `comparisons[].posterior`. Binomial metrics
   * keep their Beta `prior`. @defaultValue undefined (flat)
   */
  meanPrior?: { mean: number; variance: number };
  /** Break every comparison down by these dimensions. @defaultValue none */
  dimensions?: readonly ExperimentDimension[];
  /** Name of one of `dimensions`: estimate mean and binomial effects post-stratified on its levels (after the top-n merge). @defaultValue undefined */
  postStratify?: string;
  /**
   * The SRM check the verdict acts on: 'chi-square' (fixed horizon) or 'sequential' (GrowthBook's
   * Bayesian Dirichlet check, valid however often you look; {@link sequentialSrmTest}).
   * @defaultValue 'sequential' with `sequentialTuning` or `srmPeriods`, else 'chi-square'
   */
  srmTest?: 'chi-square' | 'sequential';
  /** Users per arm (keyed by arm name) in each period so far (e.g. per day), for the sequential SRM check; must add up to the arms' users. @defaultValue one period with all users */
  srmPeriods?: readonly Record<string, number>[];
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
  /** With `meanPrior`: the posterior of the relative lift (mean, sd, credible interval at 1 − alpha) and P(lift > 0). */
  posterior?: { mean: number; sd: number; credibleInterval: Interval; chanceToWin: number };
  /** With `postStratify`: the dimension, its number of strata, the unadjusted difference and 1 − SE²_post-stratified / SE²_unadjusted. */
  postStratified?: { dimension: string; strata: number; unadjustedDifference: number; varianceReduction: number };
}

/** One level of a dimension breakdown. @category Experiment */
export interface ExperimentDimensionLevel {
  /** The level, or '(other)' for the merged levels beyond the top n. */
  level: string;
  users: number;
  arms: { name: string; users: number }[];
  /** χ² SRM check within the level (an assignment bug often shows in one country or device first). */
  srm: SampleRatioMismatchTestResult;
  /** Comparisons in the level, p-values adjusted across the whole breakdown; empty when skipped. */
  comparisons: ExperimentComparison[];
  /** Why the level has no comparisons (an arm with too few users, a zero denominator). */
  skipped?: string;
}

/** Results of one dimension breakdown. @category Experiment */
export interface ExperimentDimensionResult {
  dimension: string;
  /** The correction applied across all comparisons of the breakdown. */
  correction: PValueAdjustment | 'none';
  /** Levels merged into '(other)'. */
  mergedLevels: string[];
  /** Levels by users, largest first, '(other)' last. */
  levels: ExperimentDimensionLevel[];
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
  /** The sequential (always-valid) SRM check, when `srmTest` is 'sequential'. */
  sequentialSrm?: SequentialSrmTestResult;
  /** Dimension breakdowns, in `options.dimensions` order (empty without dimensions). */
  dimensions: ExperimentDimensionResult[];
}

const FN = 'experiment/analyzeExperiment';
/**
 * Absolute accuracy of the chance to be best in the analysis (shown to 4 decimals; each arm's
 * `error` reports the bound reached): a chance of 1e-14 needs no 10 correct digits, and asking for
 * them made the quadrature refine to its panel cap (40 ms of a 3-arm analysis from sums).
 */
const BEST_ABS_TOL = 1e-12;

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
 *
 * Dimension breakdowns (`dimensions`): per level of each dimension (a rows column, or `input.breakdown`
 * cells from SQL grouped by arm and dimension) the same comparisons, the top `topN` levels by users
 * kept and the rest merged into '(other)' (exact merging of the sufficient statistics); p-values are
 * corrected across all (level, metric, arm) comparisons of the breakdown (Holm by default), each level
 * gets its own χ² SRM check, and a level where an arm has too few users is reported as `skipped`.
 * `postStratify` estimates mean and binomial effects as Σ ν_h Δ_h over the levels of one dimension
 * (ν_h the level's share of users; equal to Lin's interacted regression estimate) with variance
 * Σ ν_h² Var(Δ_h) + Σ ν_h (Δ_h − Δ)²/N (gbstats' multinomial weighted means), z test. `meanPrior`
 * is a Gaussian prior on the relative lift of mean, ratio and CUPED metrics (gbstats' relative
 * prior); the posterior of the lift and the chance to win come from it. The SRM check the verdict
 * uses is the sequential Dirichlet one of {@link sequentialSrmTest} under `sequentialTuning` or
 * `srmPeriods` (or `srmTest: 'sequential'`), else the χ² test; p below `srmThreshold` (0.001) makes
 * the verdict invalid, p below `srmWarningThreshold` (0.01) adds a caveat.
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
 *
 * // per device, from raw rows: the top levels plus '(other)', Holm across the breakdown
 * const rows = Array.from({ length: 400 }, (_, i) => ({
 *   arm: i % 2 ? 'B' : 'A',
 *   device: ['ios', 'android', 'web', 'tv'][i % 8 >> 1]!,
 *   spend: 10 + (i % 7) + (i % 2) * 2,
 * }));
 * const d = analyzeExperiment({ rows, armColumn: 'arm' }, { metrics: [{ name: 'spend', type: 'mean' }], dimensions: [{ name: 'device', topN: 2 }] });
 * d.dimensions[0]!.levels.map((l) => `${l.level} ${l.users}`); // => ['android 100', 'ios 100', '(other) 200']
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
    'meanPrior',
    'dimensions',
    'postStratify',
    'srmTest',
    'srmPeriods',
  ]);
  const alpha = checkAlpha(FN, o.alpha);
  const correction = checkCorrection('options.correction', o.correction, 'holm');
  const srmThreshold = o.srmThreshold === undefined ? 0.001 : openUnitInterval(FN, 'options.srmThreshold', o.srmThreshold);
  const srmWarning = o.srmWarningThreshold === undefined ? 0.01 : openUnitInterval(FN, 'options.srmWarningThreshold', o.srmWarningThreshold);
  const prior = o.prior === undefined ? { alpha: 1, beta: 1 } : checkBeta(FN, 'options.prior', o.prior);
  const tuning = o.sequentialTuning === undefined ? undefined : numberInRange(FN, 'options.sequentialTuning', o.sequentialTuning, { min: 0, minExclusive: true });
  const meanPrior = o.meanPrior === undefined ? undefined : checkMeanPrior(o.meanPrior);
  const metrics = readMetrics(FN, o.metrics);
  const dimSpecs = readDimensions(o.dimensions, correction);
  const postBy = o.postStratify === undefined ? undefined : checkString(FN, 'options.postStratify', o.postStratify);
  if (postBy !== undefined && !dimSpecs.some((d) => d.name === postBy)) {
    throw new InvalidOptionError(FN, `options.postStratify must name one of options.dimensions (${dimSpecs.map((d) => d.name).join(', ') || 'none given'})`, postBy);
  }
  const srmTest = o.srmTest === undefined ? (tuning !== undefined || o.srmPeriods !== undefined ? 'sequential' : 'chi-square') : oneOf(FN, 'options.srmTest', o.srmTest, ['chi-square', 'sequential'] as const);
  const warnings: string[] = [];
  const { arms, dimensions: dimStats } = readInput(input, metrics, dimSpecs, warnings);
  if (arms.length < 2) throw new InvalidInputError(FN, 'the experiment needs at least 2 arms', arms.length);
  const controlName = o.control === undefined ? arms[0]!.name : checkString(FN, 'options.control', o.control);
  const ci = arms.findIndex((a) => a.name === controlName);
  if (ci < 0) throw new InvalidOptionError(FN, `options.control must name an arm (${arms.map((a) => a.name).join(', ')})`, controlName);
  const control = arms[ci]!;
  const srmOpts = srmOptions(o.weights, arms, srmThreshold);
  const srm = sampleRatioMismatchTest(arms.map((a) => a.users), srmOpts);
  let sequentialSrm: SequentialSrmTestResult | undefined;
  if (srmTest === 'sequential' || o.srmPeriods !== undefined) {
    sequentialSrm = sequentialSrmTest(srmPeriodCounts(o.srmPeriods, arms), { threshold: srmThreshold, warningThreshold: srmWarning, ...(srmOpts.weights ? { weights: srmOpts.weights } : {}) });
  }
  const srmCheck: SrmCheck =
    srmTest === 'sequential'
      ? { method: 'sequential', pValue: sequentialSrm!.pValue, mismatch: sequentialSrm!.mismatch, threshold: srmThreshold }
      : { method: 'chi-square', pValue: srm.pValue, mismatch: srm.mismatch, threshold: srmThreshold, statistic: srm.statistic };

  const ctx: CompareContext = { fn: FN, prior, meanPrior, alpha, tuning };
  const comparisons: ExperimentComparison[] = [];
  const perMetricMoments: ArmMoments[][] = [];
  const armNames = arms.map((a) => a.name);
  const postLevels = postBy === undefined ? undefined : topLevels(FN, dimStats[dimSpecs.findIndex((d) => d.name === postBy)]!, dimSpecs.find((d) => d.name === postBy)!.topN).levels;
  for (let j = 0; j < metrics.length; j++) {
    const m = metrics[j]!;
    const stats = arms.map((a) => a.metrics[j]!);
    const mm = metricMoments(FN, m, stats);
    perMetricMoments.push(mm.moments);
    for (let ai = 0; ai < arms.length; ai++) {
      if (ai === ci) continue;
      const cmp = compare(ctx, m, stats, armNames[ai]!, ci, ai, mm);
      if (postLevels !== undefined && m.type !== 'ratio' && !m.cuped) {
        const { liftSe } = postStratify(FN, cmp, m, j, postLevels, postBy!, ci, ai, alpha, tuning);
        if (meanPrior !== undefined && m.type === 'mean' && Number.isFinite(liftSe)) {
          cmp.posterior = relativePosterior(cmp.relativeLift, liftSe, meanPrior, alpha);
          cmp.chanceToBeatControl = m.higherIsBetter ? cmp.posterior.chanceToWin : 1 - cmp.posterior.chanceToWin;
        }
      }
      comparisons.push(cmp);
    }
  }
  const chanceToBeBest: ExperimentChanceToBeBest[] = metrics.map((m, j) => chanceBest(m, j, arms, perMetricMoments[j]!, prior));
  // guardrails stay outside the correction family of the goal metrics
  correct(comparisons, metrics, correction, alpha);
  const dimensions = dimSpecs.map((d, i) => analyzeDimension(ctx, d, dimStats[i]!, metrics, armNames, ci, srmOpts));
  const armList = arms.map((a) => ({ name: a.name, users: a.users }));
  const verdict = buildVerdict(metrics, comparisons, srmCheck, srmWarning, control.name, alpha, correction, tuning !== undefined, armList, chanceToBeBest[0]!);
  for (const d of dimensions) {
    const bad = d.levels.filter((l) => l.srm.mismatch);
    if (bad.length > 0) {
      verdict.caveats.push(`Sample ratio mismatch within ${d.dimension}: ${bad.map((l) => `${l.level} (${fmtP(l.srm.pValue)})`).join(', ')}. Assignment or tracking may be broken there.`);
    }
    const sig = d.levels.reduce((a, l) => a + l.comparisons.filter((c) => c.significant).length, 0);
    const total = d.levels.reduce((a, l) => a + l.comparisons.length, 0);
    if (total > 0) verdict.caveats.push(`Breakdown by ${d.dimension}: ${sig} of ${total} comparisons significant after ${d.correction === 'none' ? 'no correction' : `${d.correction} correction across the breakdown`}; treat level effects as exploratory.`);
  }
  if (warnings.length > 0) verdict.caveats.push(...warnings);
  const out: AnalyzeExperimentResult = { arms: armList, control: control.name, srm, comparisons, chanceToBeBest, correction, alpha, sequential: tuning !== undefined, verdict, warnings, dimensions };
  if (sequentialSrm !== undefined) out.sequentialSrm = sequentialSrm;
  return out;
}

function checkCorrection(name: string, x: unknown, dflt: Adj | 'none'): Adj | 'none' {
  return x === undefined ? dflt : oneOf(FN, name, x, ['none', 'bonferroni', 'holm', 'benjamini-hochberg', 'benjamini-yekutieli'] as const);
}

function checkMeanPrior(p: unknown): { mean: number; variance: number } {
  if (!isObject(p)) throw new InvalidOptionError(FN, 'options.meanPrior must be an object { mean, variance } (on the relative lift)', p);
  checkOptions(FN, p as object, ['mean', 'variance']);
  return {
    mean: numberInRange(FN, 'options.meanPrior.mean', p.mean, { min: -1e6, max: 1e6 }),
    variance: numberInRange(FN, 'options.meanPrior.variance', p.variance, { min: 1e-12, max: 1e12 }),
  };
}

function readDimensions(list: unknown, correction: Adj | 'none'): DimensionSpec[] {
  if (list === undefined) return [];
  const dl = arrayLike<unknown>(FN, 'options.dimensions', list);
  const names = new Set<string>();
  return Array.from(dl, (d, i) => {
    const at = `options.dimensions[${i}]`;
    if (!isObject(d)) throw new InvalidOptionError(FN, `${at} must be an object { name, column?, topN?, correction? }`, d);
    checkOptions(FN, d as object, ['name', 'column', 'topN', 'correction']);
    const name = checkString(FN, `${at}.name`, d.name);
    if (names.has(name)) throw new InvalidOptionError(FN, `options.dimensions has '${name}' twice`, name);
    names.add(name);
    return {
      name,
      column: d.column === undefined ? name : checkString(FN, `${at}.column`, d.column),
      topN: d.topN === undefined ? 10 : integerInRange(FN, `${at}.topN`, d.topN, { min: 1, max: 1000 }),
      correction: checkCorrection(`${at}.correction`, d.correction, correction),
    };
  });
}

/** The sequential SRM's periods in arm order, checked to add up to each arm's users (one period with all users when absent). */
function srmPeriodCounts(periods: unknown, arms: readonly ArmStats[]): number[][] {
  if (periods === undefined) return [arms.map((a) => a.users)];
  const list = arrayLike<unknown>(FN, 'options.srmPeriods', periods, 1);
  const totals = arms.map(() => 0);
  const out = Array.from(list, (p, t) => {
    if (!isObject(p)) throw new InvalidOptionError(FN, `options.srmPeriods[${t}] must be an object of users keyed by arm name`, p);
    return arms.map((a, i) => {
      const v = Object.prototype.hasOwnProperty.call(p, a.name) ? p[a.name] : 0;
      const x = integerInRange(FN, `options.srmPeriods[${t}].${a.name}`, v, { min: 0, max: Number.MAX_SAFE_INTEGER });
      totals[i] = totals[i]! + x;
      return x;
    });
  });
  arms.forEach((a, i) => {
    if (totals[i] !== a.users) throw new InvalidOptionError(FN, `options.srmPeriods add up to ${totals[i]} users for arm '${a.name}', which has ${a.users}`, totals[i]);
  });
  return out;
}

function readInput(input: unknown, metrics: readonly MetricSpec[], dims: readonly DimensionSpec[], warnings: string[]): { arms: ArmStats[]; dimensions: DimensionStats[] } {
  if (!isObject(input)) throw new InvalidInputError(FN, 'input must be { summaries } or { rows, armColumn }', input);
  if ('rows' in input) {
    const r = readRows(FN, input.rows, checkString(FN, 'input.armColumn', input.armColumn), metrics, dims.map((d) => d.column));
    return { arms: r.arms, dimensions: r.dimensions.map((d, i) => ({ ...d, name: dims[i]!.name })) };
  }
  if ('summaries' in input) {
    const arms = readSummaries(FN, input.summaries, metrics, warnings);
    const dimensions = readBreakdown(FN, input.breakdown, arms, metrics, dims.map((d) => d.name), warnings);
    return { arms, dimensions };
  }
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
      BEST_ABS_TOL,
    );
  } else {
    r = probabilityBestNormalExact(
      moments.map((mo) => {
        const p = normalArmPosterior(mo, 0, Infinity);
        return good ? p : { mean: -p.mean, sd: p.sd };
      }),
      BEST_ABS_TOL,
    );
  }
  return { metric: m.name, arms: arms.map((a, i) => ({ arm: a.name, probability: r.values[i]!, error: r.errors[i]! })), method: beta ? 'beta-exact' : 'normal-exact' };
}
