import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { DimensionMismatchError, InvalidInputError, ModelFormatError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, options as checkOptions } from '../core/validate.js';
import { matchById, type BtydCustomer } from './_btyd.js';
import { chartRows } from './_chartRows.js';
import { conditionalOne } from './conditionalExpectedPurchases.js';
import type { ContinuousPurchaseModel } from './models.js';
import { coreErrorsAs, customerColumns, purchaseModel } from './_predict.js';

/** Options of {@link holdoutComparison}. */
export interface HoldoutComparisonOptions {
  /** Calibration frequencies at or above this are pooled into one `'N+'` bucket. @defaultValue 7 */
  maxFrequency?: number;
  /** Length of the holdout window (model time units). @defaultValue the `duration` of the first holdout row */
  duration?: number;
}

/** One bucket of {@link holdoutComparison}. */
export interface HoldoutBucket {
  /** Calibration frequency, or `'7+'` for the pooled top bucket. */
  frequency: string;
  customers: number;
  /** Mean actual holdout purchases of the bucket's customers. */
  actual: number;
  /** Mean model prediction E[Y(duration) | x, t_x, T] of the same customers. */
  expected: number;
}

/** Result of {@link holdoutComparison}. */
export interface HoldoutComparisonResult {
  buckets: HoldoutBucket[];
  /** Totals over all customers: Σ actual and Σ expected holdout purchases. */
  totalActual: number;
  totalExpected: number;
  /** Root mean squared error of the per-customer predictions. */
  rmse: number;
}

/**
 * Model check: expected vs actual holdout purchases, grouped by calibration frequency (the
 * "conditional expectations" plot of Fader, Hardie & Lee 2005, Figure 4), ready to plot.
 *
 * @remarks For each customer the prediction is the model's conditional expectation over the holdout
 * length; buckets average predictions and actual holdout frequencies. Rows are matched by
 * `customerId` when they carry one (as `summarizeTransactions` gives them; the order of the two lists
 * may differ), and by position only when no row of either list has an id. O(n) predictions.
 * @see Fader, Hardie & Lee (2005), Figure 4; lifetimes `plot_calibration_purchases_vs_holdout_purchases`.
 * @throws {@link ModelFormatError} when the model is not a continuous-time purchase model
 * @throws {@link InvalidInputError} on malformed customers or holdout rows
 * @throws {@link DimensionMismatchError} when `holdout` does not have one row per calibration customer
 * @throws {@link InvalidInputError} when ids are used and one is missing, repeated or has no holdout row
 * @example
 * ```ts
 * import { holdoutComparison } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const cal = [{ frequency: 0, recency: 0, T: 38 }, { frequency: 2, recency: 30, T: 38 }, { frequency: 9, recency: 37, T: 38 }];
 * const hold = [{ frequency: 0 }, { frequency: 1 }, { frequency: 6 }];
 * const c = holdoutComparison(model, cal, hold, { duration: 39 });
 * c.buckets.map((b) => b.frequency); // => ['0', '2', '7+']
 * c.totalActual; // => 7
 * ```
 * @category Model checks
 */
export function holdoutComparison(model: ContinuousPurchaseModel, calibration: readonly BtydCustomer[], holdout: readonly { customerId?: unknown; frequency: number; duration?: number }[], options?: HoldoutComparisonOptions): HoldoutComparisonResult {
  const fn = 'value/holdoutComparison';
  const opts = checkOptions(fn, options, ['maxFrequency', 'duration']);
  const maxF = opts.maxFrequency === undefined ? 7 : integerInRange(fn, 'options.maxFrequency', opts.maxFrequency, { min: 1 });
  const m = purchaseModel(fn, model);
  if (m.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'model must be a continuous-time purchase model', m.kind);
  const { x, tx, T } = customerColumns(fn, calibration);
  const hold = arrayLike<{ frequency: number; duration?: number }>(fn, 'holdout', holdout);
  if (hold.length !== x.length) throw new DimensionMismatchError(fn, `holdout must have one row per calibration customer (${x.length})`, hold.length);
  if (x.length === 0) throw new InvalidInputError(fn, 'calibration must not be empty', 0);
  const match = matchById(fn, calibration as readonly unknown[], hold);
  const duration = opts.duration !== undefined ? numberInRange(fn, 'options.duration', opts.duration, { min: 0, minExclusive: true }) : numberInRange(fn, `holdout[${match[0]}].duration`, hold[match[0]!]?.duration, { min: 0, minExclusive: true });
  const n = new Array<number>(maxF + 1).fill(0);
  const act = new Array<number>(maxF + 1).fill(0);
  const exp = new Array<number>(maxF + 1).fill(0);
  let sq = 0;
  let ta = 0;
  let te = 0;
  for (let i = 0; i < x.length; i++) {
    const j = match[i]!;
    const hf = hold[j]?.frequency;
    if (typeof hf !== 'number' || !Number.isInteger(hf) || hf < 0) throw new InvalidInputError(fn, `holdout[${j}].frequency must be an integer ≥ 0`, hf);
    const e = coreErrorsAs(fn, () => conditionalOne(m, duration, x[i]!, tx[i]!, T[i]!));
    const b = Math.min(maxF, x[i]!);
    n[b]!++;
    act[b]! += hf;
    exp[b]! += e;
    ta += hf;
    te += e;
    sq += (e - hf) * (e - hf);
  }
  const buckets: HoldoutBucket[] = [];
  for (let b = 0; b <= maxF; b++) {
    if (n[b] === 0) continue;
    buckets.push({ frequency: b === maxF ? `${maxF}+` : String(b), customers: n[b]!, actual: act[b]! / n[b]!, expected: exp[b]! / n[b]! });
  }
  return { buckets, totalActual: ta, totalExpected: te, rmse: Math.sqrt(sq / x.length) };
}

/**
 * Calibration vs holdout chart (lifetimes' `plot_calibration_purchases_vs_holdout_purchases`): mean
 * actual and model-expected holdout purchases per calibration-frequency bucket, as two lines.
 *
 * @remarks `data.values` are the result's `buckets` as they are; the chart folds `actual` and
 * `expected` into one series field.
 * @throws {@link InvalidOptionError} on bad chart options
 * @example
 * ```ts
 * import { holdoutComparison, holdoutComparisonChart } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const c = holdoutComparison(model, [{ frequency: 0, recency: 0, T: 38 }, { frequency: 2, recency: 30, T: 38 }], [{ frequency: 0 }, { frequency: 1 }], { duration: 39 });
 * holdoutComparisonChart(c).data?.values.length; // => 2
 * ```
 * @category Charts
 */
export function holdoutComparisonChart(result: HoldoutComparisonResult, options?: ChartOptions): VegaLiteSpec {
  const fn = 'value/holdoutComparisonChart';
  if (result === null || typeof result !== 'object' || !Array.isArray(result.buckets)) throw new InvalidInputError(fn, 'result must be a holdoutComparison result', result);
  chartRows(fn, 'result.buckets', result.buckets, { frequency: 'string', actual: 'number', expected: 'number' });
  const order = result.buckets.map((b) => b.frequency);
  return chartSpec(fn, {
    data: { values: result.buckets },
    transform: [{ fold: ['actual', 'expected'], as: ['series', 'purchases'] }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'frequency', type: 'ordinal', sort: order, title: 'purchases in the calibration period' },
      y: { field: 'purchases', type: 'quantitative', title: 'mean purchases in the holdout period' },
      color: { field: 'series', type: 'nominal', title: null },
    },
  }, { title: 'Actual vs model: holdout purchases by calibration frequency', width: 420, height: 280 }, options);
}
