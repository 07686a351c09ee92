import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { conditionalOne } from './conditionalExpectedPurchases.js';
import type { ContinuousPurchaseModel } from './models.js';
import { aliveOne } from './probabilityAlive.js';
import { coreErrorsAs, finiteResult, purchaseModel } from './_predict.js';

/** Options of {@link frequencyRecencyChart}. */
export interface FrequencyRecencyChartOptions extends ChartOptions {
  /** What each cell shows: P(alive), or the expected purchases in the next `t` (needs `t`). @defaultValue 'probabilityAlive' */
  measure?: 'probabilityAlive' | 'expectedPurchases';
  /** Age of the hypothetical customers (time since first purchase). Required. */
  T: number;
  /** Horizon of `'expectedPurchases'`. */
  t?: number;
  /** Largest frequency shown (rows 0…maxFrequency). @defaultValue 20 */
  maxFrequency?: number;
  /** Recency columns: `recencySteps + 1` values evenly from 0 to T. @defaultValue 20 */
  recencySteps?: number;
}

/** One cell of {@link frequencyRecencyChart}. */
export interface FrequencyRecencyCell {
  frequency: number;
  recency: number;
  value: number;
}

/**
 * The frequency × recency matrix a lifetimes user plots (`plot_probability_alive_matrix`,
 * `plot_frequency_recency_matrix`): P(alive) or expected purchases in the next t of a customer of age T
 * for every (frequency, recency), as a Vega-Lite heatmap whose `data.values` are the cells
 * ({@link FrequencyRecencyCell}).
 *
 * @remarks Cell (x, t_x) = `probabilityAlive` or `conditionalExpectedPurchases` of the customer
 * { frequency: x, recency: t_x, T }. A customer with x = 0 has no repeat purchase, so recency does not
 * apply: row 0 repeats its one value across the columns, as lifetimes draws it.
 * O((maxFrequency + 1)·(recencySteps + 1)) predictions.
 * @throws {@link ModelFormatError} when the model is not a continuous-time purchase model
 * @throws {@link InvalidOptionError} on a missing T, a missing t for expected purchases, or bad sizes
 * @example
 * ```ts
 * import { frequencyRecencyChart } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const spec = frequencyRecencyChart(model, { T: 39, maxFrequency: 10, recencySteps: 13 });
 * [spec.data?.values.length, spec.mark]; // => [154, 'rect']
 * ```
 * @category Charts
 */
export function frequencyRecencyChart(model: ContinuousPurchaseModel, options: FrequencyRecencyChartOptions): VegaLiteSpec {
  const fn = 'value/frequencyRecencyChart';
  const own = ['measure', 'T', 't', 'maxFrequency', 'recencySteps'];
  const opts = checkOptions(fn, options, [...own, 'title', 'width', 'height']);
  const m = purchaseModel(fn, model);
  if (m.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'model must be a continuous-time purchase model', m.kind);
  const measure = opts.measure === undefined ? 'probabilityAlive' : oneOf(fn, 'options.measure', opts.measure, ['probabilityAlive', 'expectedPurchases'] as const);
  if (opts.T === undefined) throw new InvalidOptionError(fn, 'options.T (the age of the customers) is required', undefined);
  const T = numberInRange(fn, 'options.T', opts.T, { min: 0, minExclusive: true });
  if (measure === 'expectedPurchases' && opts.t === undefined) throw new InvalidOptionError(fn, "options.t is required with measure 'expectedPurchases'", undefined);
  const t = measure === 'expectedPurchases' ? numberInRange(fn, 'options.t', opts.t, { min: 0 }) : 0;
  const maxF = opts.maxFrequency === undefined ? 20 : integerInRange(fn, 'options.maxFrequency', opts.maxFrequency, { min: 0, max: 10000 });
  const steps = opts.recencySteps === undefined ? 20 : integerInRange(fn, 'options.recencySteps', opts.recencySteps, { min: 1, max: 1000 });
  const cells: FrequencyRecencyCell[] = [];
  coreErrorsAs(fn, () => {
    for (let x = 0; x <= maxF; x++) {
      const zero = x === 0 ? value(0, 0) : 0;
      for (let k = 0; k <= steps; k++) {
        const tx = k === steps ? T : (k * T) / steps;
        cells.push({ frequency: x, recency: tx, value: x === 0 ? zero : value(x, tx) });
      }
    }
  });
  function value(x: number, tx: number): number {
    const v = measure === 'probabilityAlive' ? aliveOne(m as ContinuousPurchaseModel, x, tx, T) : conditionalOne(m as ContinuousPurchaseModel, t, x, tx, T);
    return finiteResult(fn, v, `the value at frequency ${x}, recency ${tx}`);
  }
  const label = measure === 'probabilityAlive' ? 'P(alive)' : `expected purchases in the next ${t}`;
  return chartSpec(fn, {
    data: { values: cells },
    mark: 'rect',
    encoding: {
      x: { field: 'recency', type: 'ordinal', title: 'recency (time of the last purchase)', axis: { format: '.3~g' } },
      y: { field: 'frequency', type: 'ordinal', sort: 'descending', title: 'frequency (repeat purchases)' },
      color: { field: 'value', type: 'quantitative', title: label, scale: { scheme: 'viridis' } },
      tooltip: [{ field: 'frequency', type: 'quantitative' }, { field: 'recency', type: 'quantitative' }, { field: 'value', type: 'quantitative', title: label, format: '.3f' }],
    },
  }, { title: `${label} by frequency and recency (T = ${T})`, width: 480, height: 360 }, pick(opts), []);
}

function pick(o: Partial<FrequencyRecencyChartOptions>): ChartOptions {
  const c: ChartOptions = {};
  if (o.title !== undefined) c.title = o.title;
  if (o.width !== undefined) c.width = o.width;
  if (o.height !== undefined) c.height = o.height;
  return c;
}
