/**
 * One (metric, treatment arm) comparison of analyzeExperiment, on per-arm statistics: shared by the
 * overall analysis and by each level of a dimension breakdown.
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';
import { pFromZ, relative, safeRatio } from './_common.js';
import { normalCdf, normalIsf } from './_dist.js';
import type { BetaParameters } from './bayesianBetaBinomial.js';
import { normalPosterior } from './bayesianNormal.js';
import { liftFromMoments } from './relativeLift.js';
import { mixtureSprt } from './sequentialTest.js';
import { tTestFromMoments } from './welchTTest.js';
import type { MetricSpec, MetricStats } from './_experimentInput.js';
import { analyzeBinomial } from './_analyzeBinomial.js';
import { cupedMoments, meanMoments } from './_analyzeMean.js';
import { ratioMoments } from './_analyzeRatio.js';
import type { ExperimentComparison } from './analyzeExperiment.js';
import type { ArmMoments, Interval } from './types.js';

/** The settings every comparison of one analysis shares. */
export interface CompareContext {
  fn: string;
  prior: BetaParameters;
  /** Gaussian prior on the relative lift of mean, ratio and CUPED metrics (gbstats' relative prior); undefined: flat. */
  meanPrior: { mean: number; variance: number } | undefined;
  alpha: number;
  tuning: number | undefined;
}

/** The per-arm moments a metric is compared on (and, for CUPED, θ and the unadjusted moments). */
export interface MetricMoments {
  moments: ArmMoments[];
  theta?: number;
  plain: ArmMoments[];
}

/** Per-arm moments of one metric (`stats` in arm order). */
export function metricMoments(fn: string, m: MetricSpec, stats: readonly MetricStats[]): MetricMoments {
  if (m.type === 'ratio') {
    stats.forEach((s, i) => {
      if (s.my === 0) throw new InvalidInputError(fn, `metric '${m.name}': the denominators of arm ${i} average 0; the ratio is undefined`, s.my);
    });
    const moments = ratioMoments(stats);
    return { moments, plain: moments };
  }
  const plain = meanMoments(stats);
  if (!m.cuped) return { moments: plain, plain };
  const c = cupedMoments(stats);
  return { moments: c.moments, theta: c.theta, plain };
}

/** Why a metric cannot be compared on these arms (too few users, a zero denominator), or undefined when it can. */
export function cannotCompare(m: MetricSpec, stats: readonly MetricStats[]): string | undefined {
  for (const s of stats) {
    if (s.n === 0) return 'an arm has no users';
    if (!(m.type === 'binomial' && !m.cuped) && s.n < 2) return `metric '${m.name}' needs at least 2 users per arm`;
    if (m.type === 'ratio' && s.my === 0) return `metric '${m.name}': the denominators of an arm average 0`;
  }
  return undefined;
}

/** The comparison of arm `ai` with the control arm `ci` on metric `m` (p-values not yet adjusted). */
export function compare(
  ctx: CompareContext,
  m: MetricSpec,
  stats: readonly MetricStats[],
  armName: string,
  ci: number,
  ai: number,
  mm: MetricMoments,
): ExperimentComparison {
  const { fn, prior, alpha, tuning } = ctx;
  const { moments, plain, theta } = mm;
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
  const beta = m.type === 'binomial' && !m.cuped;
  if (beta) {
    const r = analyzeBinomial({ n: c.n, conversions: stats[ci]!.conversions }, { n: t.n, conversions: stats[ai]!.conversions }, prior, alpha);
    ({ difference, confidenceInterval, statistic, pValue, se, test } = r);
    chance = good > 0 ? r.pTreatmentHigher : 1 - r.pTreatmentHigher;
  } else {
    if (c.n < 2 || t.n < 2) throw new InvalidInputError(fn, `metric '${m.name}' needs at least 2 users per arm`, Math.min(c.n, t.n));
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
  let liftSe = Infinity;
  if (base.mean !== 0) {
    const l = liftFromMoments(m.cuped ? { ...c, mean: base.mean } : c, m.cuped ? { ...t, mean: base.mean + difference } : t, 'two-sided', alpha);
    relativeInterval = l.confidenceInterval;
    liftSe = l.standardError;
    if (tuning !== undefined) relativeInterval = mixtureSprt(l.lift, l.standardError, c.n + t.n, alpha, tuning).confidenceInterval;
  }
  const out: ExperimentComparison = {
    metric: m.name,
    type: m.type,
    arm: armName,
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
  if (!beta && ctx.meanPrior !== undefined && base.mean !== 0 && Number.isFinite(liftSe)) {
    out.posterior = relativePosterior(lift, liftSe, ctx.meanPrior, alpha);
    out.chanceToBeatControl = good > 0 ? out.posterior.chanceToWin : 1 - out.posterior.chanceToWin;
  }
  if (theta !== undefined) {
    const pc = plain[ci]!;
    const pt = plain[ai]!;
    const seRaw2 = pc.variance / pc.n + pt.variance / pt.n;
    out.cuped = { theta, varianceReduction: seRaw2 > 0 ? 1 - (se * se) / seRaw2 : 0 };
  }
  return out;
}

/**
 * Normal–normal posterior of the relative lift with a proper Gaussian prior (gbstats'
 * `EffectBayesianABTest` with `prior_type: 'relative'`): precision-weighted mean of the delta-method
 * lift and the prior mean. A lift SE of 0 gives the data as a point mass.
 */
export function relativePosterior(
  lift: number,
  se: number,
  prior: { mean: number; variance: number },
  alpha: number,
): { mean: number; sd: number; credibleInterval: Interval; chanceToWin: number } {
  let mean: number;
  let sd: number;
  if (se > 0) {
    const prec = 1 / (se * se) + 1 / prior.variance;
    mean = (lift / (se * se) + prior.mean / prior.variance) / prec;
    sd = Math.sqrt(1 / prec);
  } else {
    mean = lift;
    sd = 0;
  }
  const z = normalIsf(alpha / 2);
  const chanceToWin = sd > 0 ? normalCdf(mean / sd) : mean > 0 ? 1 : mean < 0 ? 0 : 0.5;
  return { mean, sd, credibleInterval: { lower: mean - z * sd, upper: mean + z * sd }, chanceToWin };
}
