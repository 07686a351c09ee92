/**
 * Dimension breakdowns of analyzeExperiment: the top-n levels of each dimension (by users) with the
 * rest merged into '(other)', every (level, metric, arm) comparison, p-values corrected across the
 * whole breakdown, and a per-level SRM check.
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';
import { adjustPValues, type PValueAdjustment } from './adjustPValues.js';
import { sampleRatioMismatchTest } from './sampleRatioMismatchTest.js';
import { cannotCompare, compare, metricMoments, type CompareContext } from './_compare.js';
import { mergeStats, type DimensionStats, type LevelStats, type MetricSpec } from './_experimentInput.js';
import type { ExperimentComparison, ExperimentDimensionResult } from './analyzeExperiment.js';

/** The bucket that holds the levels beyond the top n. */
export const OTHER = '(other)';

/** A validated dimension option. */
export interface DimensionSpec {
  name: string;
  /** Rows: the column holding the level. */
  column: string;
  topN: number;
  correction: PValueAdjustment | 'none';
}

/** The top-n levels by users (ties by name), the rest merged into one '(other)' level. */
export function topLevels(fn: string, d: DimensionStats, topN: number): { levels: LevelStats[]; merged: string[] } {
  const total = (l: LevelStats) => l.users.reduce((a, b) => a + b, 0);
  const sorted = d.levels.slice().sort((a, b) => total(b) - total(a) || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0));
  if (sorted.length <= topN) return { levels: sorted, merged: [] };
  const keep = sorted.slice(0, topN);
  const rest = sorted.slice(topN);
  if (keep.some((l) => l.level === OTHER)) throw new InvalidInputError(fn, `dimension '${d.name}' has a level named '${OTHER}', which is reserved for the merged levels beyond topN`, OTHER);
  const other: LevelStats = {
    level: OTHER,
    users: rest[0]!.users.map((_, ai) => rest.reduce((a, l) => a + l.users[ai]!, 0)),
    metrics: rest[0]!.metrics.map((row, ai) => row.map((_, j) => rest.reduce((acc, l) => mergeStats(acc, l.metrics[ai]![j]!), emptyLike()))),
  };
  return { levels: [...keep, other], merged: rest.map((l) => l.level) };
}

const emptyLike = () => ({ n: 0, mx: 0, sxx: 0, my: 0, syy: 0, sxy: 0, conversions: 0, lost: false, residual: -1 });

/** Every comparison in every level of one dimension, with p-values corrected across the breakdown. */
export function analyzeDimension(
  ctx: CompareContext,
  spec: DimensionSpec,
  d: DimensionStats,
  metrics: readonly MetricSpec[],
  armNames: readonly string[],
  ci: number,
  srm: { threshold: number; weights?: number[] },
): ExperimentDimensionResult {
  const { levels, merged } = topLevels(ctx.fn, d, spec.topN);
  const out: ExperimentDimensionResult = { dimension: spec.name, correction: spec.correction, mergedLevels: merged, levels: [] };
  const all: ExperimentComparison[] = [];
  for (const l of levels) {
    const users = l.users.reduce((a, b) => a + b, 0);
    const level: ExperimentDimensionResult['levels'][number] = {
      level: l.level,
      users,
      arms: armNames.map((name, ai) => ({ name, users: l.users[ai]! })),
      srm: sampleRatioMismatchTest(l.users, srm),
      comparisons: [],
    };
    for (let j = 0; j < metrics.length && level.skipped === undefined; j++) {
      const stats = l.metrics.map((a) => a[j]!);
      const why = cannotCompare(metrics[j]!, stats);
      if (why !== undefined) level.skipped = why;
    }
    if (level.skipped === undefined) {
      for (let j = 0; j < metrics.length; j++) {
        const m = metrics[j]!;
        const stats = l.metrics.map((a) => a[j]!);
        const mm = metricMoments(ctx.fn, m, stats);
        for (let ai = 0; ai < armNames.length; ai++) if (ai !== ci) level.comparisons.push(compare(ctx, m, stats, armNames[ai]!, ci, ai, mm));
      }
      all.push(...level.comparisons);
    }
    out.levels.push(level);
  }
  correct(all, metrics, spec.correction, ctx.alpha);
  return out;
}

/** Adjusts p-values across the goal comparisons (guardrails stay at their own p) and sets significance and outcome. */
export function correct(comparisons: ExperimentComparison[], metrics: readonly MetricSpec[], correction: PValueAdjustment | 'none', alpha: number): void {
  const spec = new Map(metrics.map((m) => [m.name, m]));
  const goal = comparisons.filter((c) => !spec.get(c.metric)!.guardrail);
  const adj = correction === 'none' || goal.length === 0 ? goal.map((c) => c.pValue) : adjustPValues(goal.map((c) => c.pValue), { method: correction, alpha }).adjusted;
  goal.forEach((c, i) => (c.adjustedPValue = adj[i]!));
  for (const c of comparisons) {
    const m = spec.get(c.metric)!;
    c.significant = c.adjustedPValue < alpha;
    c.outcome = c.significant && c.difference !== 0 ? ((c.difference > 0) === m.higherIsBetter ? 'better' : 'worse') : 'inconclusive';
  }
}
