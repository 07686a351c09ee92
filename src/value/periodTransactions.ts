import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError, ModelFormatError } from '../core/errors.js';
import { integerInRange, options as checkOptions } from '../core/validate.js';
import type { BtydCustomer } from './_btyd.js';
import type { ContinuousPurchaseModel } from './models.js';
import { probabilityOfPurchases } from './probabilityOfPurchases.js';
import { coreErrorsAs, customerColumns, purchaseModel } from './_predict.js';
import { chartRows } from './_chartRows.js';

/** Options of {@link periodTransactions}. */
export interface PeriodTransactionsOptions {
  /** Frequencies at or above this are pooled into one `'N+'` bucket. @defaultValue 7 */
  maxFrequency?: number;
}

/** One bucket of {@link periodTransactions}. */
export interface PeriodTransactionsBucket {
  /** Repeat purchases, or `'7+'` for the pooled top bucket. */
  frequency: string;
  /** Customers with that many repeat purchases in their calibration period. */
  actual: number;
  /** Customers the model expects there: Σ over customers of P(X(T_i) = k). */
  expected: number;
}

/**
 * Model check on the calibration data itself (lifetimes' `plot_period_transactions`): how many customers
 * made 0, 1, 2, … repeat purchases, against how many the fitted model expects given each customer's T.
 *
 * @remarks Expected count of bucket k = Σ_i P(X(T_i) = k) with `probabilityOfPurchases` (a new
 * customer observed for T_i); the top bucket takes the rest of each customer's probability, so both
 * columns sum to the number of customers. lifetimes simulates new customers instead; the expectation is
 * the exact value its simulation estimates. O(customers × maxFrequency) with customers grouped by T.
 * @throws {@link ModelFormatError} when the model is not a continuous-time purchase model
 * @throws {@link InvalidInputError} on malformed or no customers
 * @example
 * ```ts
 * import { periodTransactions } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const b = periodTransactions(model, [{ frequency: 0, recency: 0, T: 38 }, { frequency: 2, recency: 30, T: 38 }], { maxFrequency: 3 });
 * b.map((x) => [x.frequency, x.actual]); // => [['0', 1], ['1', 0], ['2', 1], ['3+', 0]]
 * ```
 * @category Model checks
 */
export function periodTransactions(model: ContinuousPurchaseModel, customers: readonly BtydCustomer[], options?: PeriodTransactionsOptions): PeriodTransactionsBucket[] {
  const fn = 'value/periodTransactions';
  const opts = checkOptions(fn, options, ['maxFrequency']);
  const maxF = opts.maxFrequency === undefined ? 7 : integerInRange(fn, 'options.maxFrequency', opts.maxFrequency, { min: 1, max: 1000 });
  const m = purchaseModel(fn, model);
  if (m.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'model must be a continuous-time purchase model', m.kind);
  const { x, T } = customerColumns(fn, customers);
  if (x.length === 0) throw new InvalidInputError(fn, 'customers must not be empty', 0);
  const actual = new Array<number>(maxF + 1).fill(0);
  const expected = new Array<number>(maxF + 1).fill(0);
  const byT = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    actual[Math.min(maxF, x[i]!)]!++;
    byT.set(T[i]!, (byT.get(T[i]!) ?? 0) + 1);
  }
  coreErrorsAs(fn, () => {
    for (const [t, count] of byT) {
      let below = 0;
      for (let k = 0; k < maxF; k++) {
        const p = probabilityOfPurchases(m, t, k);
        expected[k]! += count * p;
        below += p;
      }
      expected[maxF]! += count * Math.max(0, 1 - below);
    }
  });
  return actual.map((a, k) => ({ frequency: k === maxF ? `${maxF}+` : String(k), actual: a, expected: expected[k]! }));
}

/**
 * Bar chart of {@link periodTransactions}: actual vs model customers per number of repeat purchases.
 *
 * @remarks `data.values` are the buckets as they are, folded into `series` / `customers` for the bars.
 * @throws {@link InvalidInputError} when `buckets` is not an array of buckets
 * @example
 * ```ts
 * import { periodTransactions, periodTransactionsChart } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const spec = periodTransactionsChart(periodTransactions(model, [{ frequency: 1, recency: 5, T: 38 }]));
 * spec.data?.values.length; // => 8
 * ```
 * @category Charts
 */
export function periodTransactionsChart(buckets: readonly PeriodTransactionsBucket[], options?: ChartOptions): VegaLiteSpec {
  const fn = 'value/periodTransactionsChart';
  chartRows(fn, 'buckets', buckets, { frequency: 'string', actual: 'number', expected: 'number' });
  return chartSpec(fn, {
    data: { values: buckets },
    transform: [{ fold: ['actual', 'expected'], as: ['series', 'customers'] }],
    mark: 'bar',
    encoding: {
      x: { field: 'frequency', type: 'ordinal', sort: buckets.map((b) => b.frequency), title: 'repeat purchases in the calibration period' },
      xOffset: { field: 'series', type: 'nominal' },
      y: { field: 'customers', type: 'quantitative', title: 'customers' },
      color: { field: 'series', type: 'nominal', title: null },
    },
  }, { title: 'Repeat purchases per customer: actual vs model', width: 420, height: 260 }, options);
}
