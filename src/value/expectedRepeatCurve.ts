import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { DimensionMismatchError, InvalidInputError, ModelFormatError } from '../core/errors.js';
import { oneOf, options as checkOptions } from '../core/validate.js';
import { finiteArray } from '../core/validate.js';
import { betaGeoExpected } from './fitBetaGeo.js';
import { modifiedBetaGeoExpected } from './fitModifiedBetaGeo.js';
import { paretoNbdExpected } from './fitParetoNbd.js';
import type { ContinuousPurchaseModel } from './models.js';
import { coreErrorsAs, finiteResult, purchaseModel } from './_predict.js';

/**
 * Expected cumulative repeat purchases of a cohort on a calendar clock — the tracking plot of
 * Fader, Hardie & Lee (2005), Figure 2 — to draw beside the actual cumulative curve.
 *
 * @remarks curve(t) = Σᵢ E[X(max(0, t − sᵢ))], where sᵢ is customer i's first-purchase time on the same
 * clock and E[X(·)] the new-customer expectation. Customers sharing a first-purchase time are
 * evaluated once: O(distinct sᵢ × times).
 * @see Fader, Hardie & Lee (2005), Figure 2; lifetimes `plot_cumulative_transactions`.
 * @throws {@link ModelFormatError} when the model is not a continuous-time purchase model
 * @throws {@link InvalidInputError} when a first-purchase time or a time is not finite
 * @example
 * ```ts
 * import { expectedRepeatCurve } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * expectedRepeatCurve(model, [0, 0, 1.5], [0, 1, 2]).map((v) => v.toFixed(3)); // => ['0.000', '0.106', '0.233']
 * ```
 * @category Model checks
 */
export function expectedRepeatCurve(model: ContinuousPurchaseModel, firstPurchaseTimes: ArrayLike<number>, times: ArrayLike<number>): number[] {
  const fn = 'value/expectedRepeatCurve';
  const m = purchaseModel(fn, model);
  if (m.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'model must be a continuous-time purchase model', m.kind);
  const s = finiteArray(fn, 'firstPurchaseTimes', firstPurchaseTimes, 1);
  const t = finiteArray(fn, 'times', times);
  const births = new Map<number, number>();
  for (const v of s) births.set(v, (births.get(v) ?? 0) + 1);
  const expected = (u: number): number => {
    if (u <= 0) return 0;
    switch (m.kind) {
      case 'betaGeo':
        return betaGeoExpected(m.params, u);
      case 'modifiedBetaGeo':
        return modifiedBetaGeoExpected(m.params, u);
      case 'paretoNbd':
        return paretoNbdExpected(m.params, u);
    }
  };
  return coreErrorsAs(fn, () =>
    Array.from(t, (tt, i) => {
      let sum = 0;
      for (const [b, k] of births) sum += k * expected(tt - b);
      return finiteResult(fn, sum, `the expectation at times[${i}]`);
    }),
  );
}

/** Input of {@link repeatPurchasesChart}: the times, the model curve and optionally the actual curve (all cumulative). */
export interface RepeatPurchasesSeries {
  /** Time points, increasing. */
  times: ArrayLike<number>;
  /** Expected cumulative repeat purchases at each time (`expectedRepeatCurve`). */
  expected: ArrayLike<number>;
  /** Actual cumulative repeat purchases at each time, from your log. */
  actual?: ArrayLike<number>;
}

/** Options of {@link repeatPurchasesChart}. */
export interface RepeatPurchasesChartOptions extends ChartOptions {
  /** `'cumulative'` totals or `'incremental'` purchases per step (differences of the cumulative curves). @defaultValue 'cumulative' */
  mode?: 'cumulative' | 'incremental';
  /** Draw a vertical rule at the end of calibration. */
  calibrationEnd?: number;
}

/**
 * Cumulative or incremental repeat purchases of a cohort, model vs actual (lifetimes'
 * `plot_cumulative_transactions` / `plot_incremental_transactions`).
 *
 * @remarks Rows `{ time, series: 'expected' | 'actual', purchases }`; incremental values are the
 * differences of consecutive cumulative values (the first step from 0).
 * @throws {@link InvalidInputError} on arrays of different lengths, non-finite values or decreasing times
 * @throws {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { expectedRepeatCurve, repeatPurchasesChart } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const times = [0, 13, 26, 39];
 * const spec = repeatPurchasesChart({ times, expected: expectedRepeatCurve(model, [0, 5, 10], times), actual: [0, 1, 3, 4] });
 * spec.data?.values.length; // => 8
 * ```
 * @category Charts
 */
export function repeatPurchasesChart(series: RepeatPurchasesSeries, options?: RepeatPurchasesChartOptions): VegaLiteSpec {
  const fn = 'value/repeatPurchasesChart';
  const opts = checkOptions(fn, options, ['mode', 'calibrationEnd', 'title', 'width', 'height']);
  const mode = opts.mode === undefined ? 'cumulative' : oneOf(fn, 'options.mode', opts.mode, ['cumulative', 'incremental'] as const);
  if (series === null || typeof series !== 'object') throw new InvalidInputError(fn, 'series must be { times, expected, actual? }', series);
  const times = finiteArray(fn, 'series.times', series.times, 1);
  for (let i = 1; i < times.length; i++) if (!(times[i]! > times[i - 1]!)) throw new InvalidInputError(fn, `series.times must increase (times[${i}])`, times[i]);
  const cols: [string, Float64Array][] = [['expected', finiteArray(fn, 'series.expected', series.expected)]];
  if (series.actual !== undefined) cols.push(['actual', finiteArray(fn, 'series.actual', series.actual)]);
  const rows: { time: number; series: string; purchases: number }[] = [];
  for (const [name, v] of cols) {
    if (v.length !== times.length) throw new DimensionMismatchError(fn, `series.${name} must have one value per time (${times.length})`, v.length);
    for (let i = 0; i < v.length; i++) rows.push({ time: times[i]!, series: name, purchases: mode === 'cumulative' ? v[i]! : v[i]! - (i === 0 ? 0 : v[i - 1]!) });
  }
  const layers: Record<string, unknown>[] = [{
    mark: mode === 'cumulative' ? 'line' : { type: 'line', point: true },
    encoding: {
      x: { field: 'time', type: 'quantitative', title: 'time since the start of the cohort' },
      y: { field: 'purchases', type: 'quantitative', title: mode === 'cumulative' ? 'cumulative repeat purchases' : 'repeat purchases per step' },
      color: { field: 'series', type: 'nominal', title: null },
      strokeDash: { field: 'series', type: 'nominal', legend: null },
    },
  }];
  const { mode: _m, calibrationEnd, ...chart } = opts;
  if (calibrationEnd !== undefined) {
    const c = finiteArray(fn, 'options.calibrationEnd', [calibrationEnd])[0]!;
    layers.push({ data: { values: [{ time: c }] }, mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, encoding: { x: { field: 'time', type: 'quantitative' } } });
  }
  return chartSpec(fn, { data: { values: rows }, layer: layers }, { title: mode === 'cumulative' ? 'Cumulative repeat purchases: actual vs model' : 'Repeat purchases per step: actual vs model', width: 480, height: 280 }, chart as ChartOptions);
}
