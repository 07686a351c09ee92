import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import { oneOf, options as checkOptions } from '../core/validate.js';
import type { AnalyzeExperimentResult } from './analyzeExperiment.js';

/** Options of {@link experimentEffectsChart}. */
export interface ExperimentEffectsChartOptions extends ChartOptions {
  /** Draw the relative lift (`'relative'`, as a percentage of control) or the difference. @defaultValue 'relative' */
  scale?: 'relative' | 'absolute';
}

/** One row of {@link experimentEffectsChart}: a treatment arm on one metric. */
export interface ExperimentEffectRow {
  metric: string;
  arm: string;
  /** `'metric · arm'`, the row's axis label. */
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  pValue: number;
  adjustedPValue: number;
  chanceToBeatControl: number;
  outcome: 'better' | 'worse' | 'inconclusive';
}

/**
 * The effects of an {@link analyzeExperiment} result as a forest plot: one row per (metric, treatment
 * arm), the estimate as a point and its interval as a bar, coloured by outcome (better / worse /
 * inconclusive), with the no-effect line at 0. `data.values` hold one row per comparison, in the
 * result's order: the lift (or difference) and its interval as the result gives them.
 *
 * @throws {@link InvalidInputError} when `result` is not an analyzeExperiment result or an interval is not finite; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { analyzeExperiment, experimentEffectsChart } from 'crmkit/experiment';
 * const result = analyzeExperiment(
 *   { summaries: [
 *     { arm: 'control', users: 21306, metrics: { conversion: { conversions: 122 } } },
 *     { arm: 'womens', users: 21387, metrics: { conversion: { conversions: 189 } } },
 *   ] },
 *   { metrics: [{ name: 'conversion', type: 'binomial' }] },
 * );
 * const spec = experimentEffectsChart(result);
 * spec.data?.values.map((r) => [r.label, r.outcome]); // => [['conversion · womens', 'better']]
 * ```
 * @category Charts
 */
export function experimentEffectsChart(result: AnalyzeExperimentResult, options?: ExperimentEffectsChartOptions): VegaLiteSpec {
  const fn = 'experiment/experimentEffectsChart';
  if (result === null || typeof result !== 'object' || !Array.isArray(result.comparisons)) throw new InvalidInputError(fn, 'result must be an analyzeExperiment result', result);
  const o = checkOptions(fn, options, ['title', 'width', 'height', 'scale']) as ExperimentEffectsChartOptions;
  const scale = o.scale === undefined ? 'relative' : oneOf(fn, 'options.scale', o.scale, ['relative', 'absolute'] as const);
  const rel = scale === 'relative';
  const rows: ExperimentEffectRow[] = result.comparisons.map((c, i) => {
    if (c === null || typeof c !== 'object') throw new InvalidInputError(fn, `result.comparisons[${i}] must be a comparison`, c);
    const estimate = rel ? c.relativeLift : c.difference;
    const ci = rel ? c.relativeInterval : c.confidenceInterval;
    if (!Number.isFinite(estimate) || ci === null || typeof ci !== 'object' || !Number.isFinite(ci.lower) || !Number.isFinite(ci.upper)) {
      throw new InvalidInputError(fn, `result.comparisons[${i}] has no finite ${rel ? 'relative lift and interval (control at 0? draw scale: \'absolute\')' : 'difference and interval'}`, estimate);
    }
    return { metric: c.metric, arm: c.arm, label: `${c.metric} · ${c.arm}`, estimate, lower: ci.lower, upper: ci.upper, pValue: c.pValue, adjustedPValue: c.adjustedPValue, chanceToBeatControl: c.chanceToBeatControl, outcome: c.outcome };
  });
  if (rows.length === 0) throw new InvalidInputError(fn, 'result has no comparison to draw', 0);
  const fmt = rel ? '+.1%' : '+.4g';
  const x = { type: 'quantitative', title: rel ? `lift vs ${result.control}` : `difference vs ${result.control}`, axis: { format: rel ? '%' : 's' } };
  return chartSpec(fn, {
    data: { values: rows },
    encoding: { y: { field: 'label', type: 'nominal', sort: null, title: null } },
    layer: [
      { mark: { type: 'rule', strokeWidth: 3 }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color: { field: 'outcome', type: 'nominal', title: null, scale: { domain: ['better', 'worse', 'inconclusive'], range: ['#2ca02c', '#d62728', '#7f7f7f'] } } } },
      {
        mark: { type: 'point', filled: true, size: 90, color: '#222' },
        encoding: { x: { ...x, field: 'estimate' }, tooltip: [{ field: 'label' }, { field: 'estimate', type: 'quantitative', format: fmt }, { field: 'lower', type: 'quantitative', format: fmt }, { field: 'upper', type: 'quantitative', format: fmt }, { field: 'adjustedPValue', type: 'quantitative', format: '.2g' }, { field: 'chanceToBeatControl', type: 'quantitative', format: '.1%' }] },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#333' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  }, { title: `Effects with ${Math.round((1 - result.alpha) * 100)}% intervals`, width: 420, height: Math.max(60, 36 * rows.length) }, o, ['scale']);
}
