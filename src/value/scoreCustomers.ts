import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { checkCustomer } from './_btyd.js';
import { coreErrorsAs, purchaseModel } from './_predict.js';
import { chartRows } from './_chartRows.js';
import { conditionalOne } from './conditionalExpectedPurchases.js';
import { clvOne, discountFactors, UNITS_PER_MONTH } from './customerLifetimeValue.js';
import { averageSpend, spendParams, type SpendModel } from './expectedAverageSpend.js';
import type { ContinuousPurchaseModel } from './models.js';
import { aliveOne } from './probabilityAlive.js';
import { rfmScoresAs, type RfmSegmentRule } from './rfmScores.js';

/** One summary row for {@link scoreCustomers}: the fields of `summarizeTransactions`' rows (or a SQL query producing the same names). */
export interface ScoreCustomersInput {
  /** The customer's id (string or number), unique in the summary. */
  readonly customerId: unknown;
  /** Repeat purchase periods x (integer ≥ 0). */
  readonly frequency: number;
  /** Time from the first to the last purchase, t_x (≤ T; 0 when frequency = 0). */
  readonly recency: number;
  /** Time from the first purchase to the end of observation. */
  readonly T: number;
  /** Mean repeat spend (0 when frequency = 0). Required with `spend`; without it the RFM monetary score is 1 for everyone. */
  readonly monetaryValue?: number;
}

/** What {@link scoreCustomers} ranks by (descending). */
export type ScoreCustomersSortKey = 'clv' | 'expectedPurchases' | 'probabilityAlive' | 'frequency';

/** Options of {@link scoreCustomers}. */
export interface ScoreCustomersOptions {
  /** The fitted purchase model (BG/NBD, MBG/NBD or Pareto/NBD), or its `{ kind, params }`. Required. */
  purchases: ContinuousPurchaseModel;
  /** The fitted Gamma-Gamma spend model; without it rows have no `expectedAverageSpend` / `clv`. */
  spend?: SpendModel;
  /** The time unit of the summary's recency and T (lifetimes' `freq`). Required: a wrong unit silently scales every prediction. */
  timeUnit: 'day' | 'week' | 'month' | 'hour';
  /** Horizon in months for `expectedPurchases` and `clv` (a month is 30 days, 4.345 weeks or 720 hours). @defaultValue 12 */
  horizon?: number;
  /** Discount rate per month for `clv`. @defaultValue 0.01 */
  discountRate?: number;
  /** RFM segment rules on 5 score levels (see `rfmScores`). @defaultValue `RFM_SEGMENTS` */
  segments?: readonly RfmSegmentRule[];
  /** Column the rank is based on (largest first; ties keep summary order). @defaultValue `'clv'` with `spend`, else `'expectedPurchases'` */
  sortBy?: ScoreCustomersSortKey;
}

/** One customer of {@link scoreCustomers}: plain JSON, one flat row ready for a table, CSV or a CRM field sync. */
export interface CustomerScore {
  customerId: unknown;
  /** 1 = the best customer by `sortBy`. */
  rank: number;
  frequency: number;
  recency: number;
  T: number;
  /** Present when the summary row had it. */
  monetaryValue?: number;
  /** Expected purchases in the next `horizon` months, given the history. */
  expectedPurchases: number;
  /** Probability the customer is still active at the end of observation. */
  probabilityAlive: number;
  /** Gamma-Gamma expected spend per purchase (with `spend`). */
  expectedAverageSpend?: number;
  /** Discounted value of the next `horizon` months (with `spend`), lifetimes' convention. */
  clv?: number;
  /** RFM scores 1–5 (R from the time since the last purchase, T − recency). */
  rfmRecency: number;
  rfmFrequency: number;
  rfmMonetary: number;
  /** R, F, M concatenated, e.g. `'545'`. */
  rfmCode: string;
  /** Named RFM segment. */
  segment: string;
}

/** Result of {@link scoreCustomers}. */
export interface ScoreCustomersResult {
  /** One row per customer, sorted by rank. */
  rows: CustomerScore[];
  /** What the rank is based on. */
  sortBy: ScoreCustomersSortKey;
  /** The horizon in months and in model time units. */
  horizon: { months: number; timeUnit: 'day' | 'week' | 'month' | 'hour'; units: number };
  /** Sums over all customers (`clv` only with `spend`). */
  totals: { customers: number; expectedPurchases: number; clv?: number };
  /** Customers per RFM segment, in rule order. */
  segmentCounts: { segment: string; count: number }[];
}

const KEYS = ['purchases', 'spend', 'timeUnit', 'horizon', 'discountRate', 'segments', 'sortBy'] as const;

/**
 * The ranked customer table: per customer (keyed by id) the expected purchases and CLV over a horizon,
 * P(alive), the expected spend per purchase, RFM scores and segment, and a rank.
 *
 * @remarks Expected purchases = E[Y(h·u) | x, t_x, T] with h months of u time units; CLV = lifetimes'
 * monthly-discounted sum (as `customerLifetimeValue`, identical values); P(alive) and spend as
 * `probabilityAlive` and `expectedAverageSpend`; RFM as `rfmScores` on (T − recency, frequency,
 * monetaryValue). Any summary with these field names works — `summarizeTransactions`,
 * `summarizeTransactionStream` or a SQL query — and the summary may be any iterable. Ranks are 1…n by
 * `sortBy`, largest first, ties in summary order, so the table is deterministic. O(n · horizon)
 * hypergeometric evaluations plus an O(n log n) sort.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves", *JMR* 42(4).
 * @throws {@link InvalidInputError} on an empty summary, a row without a customer id, a duplicate id,
 *   or a malformed frequency / recency / T / monetaryValue (named by index)
 * @throws {@link InvalidOptionError} on a missing `purchases` or `timeUnit`, or another bad option
 * @throws {@link ModelFormatError} when a model is of the wrong kind
 * @example
 * ```ts
 * import { scoreCustomers } from 'crmkit/value';
 * const purchases = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const spend = { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * const table = scoreCustomers([
 *   { customerId: 'ann', frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
 *   { customerId: 'bob', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 * ], { purchases, spend, timeUnit: 'week' });
 * table.rows.map((r) => [r.rank, r.customerId, r.clv!.toFixed(2)]); // => [[1, 'bob', '36.29'], [2, 'ann', '8.36']]
 * ```
 * @category Predictions
 */
export function scoreCustomers(summary: Iterable<ScoreCustomersInput> | ArrayLike<ScoreCustomersInput>, options: ScoreCustomersOptions): ScoreCustomersResult {
  const fn = 'value/scoreCustomers';
  const opts = checkOptions(fn, options, KEYS);
  if (opts.purchases === undefined) throw new InvalidOptionError(fn, 'options.purchases (a fitted purchase model) is required', undefined);
  const pm = purchaseModel(fn, opts.purchases);
  if (pm.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'options.purchases must be a continuous-time model (betaGeo, modifiedBetaGeo, paretoNbd)', pm.kind);
  const hasSpend = opts.spend !== undefined;
  const prm = hasSpend ? spendParams(fn, opts.spend) : undefined;
  if (opts.timeUnit === undefined) throw new InvalidOptionError(fn, "options.timeUnit (the unit of the summary's recency and T) is required", undefined);
  const unit = oneOf(fn, 'options.timeUnit', opts.timeUnit, ['day', 'week', 'month', 'hour'] as const);
  const months = opts.horizon === undefined ? 12 : integerInRange(fn, 'options.horizon', opts.horizon, { min: 1, max: 1200 });
  const d = opts.discountRate === undefined ? 0.01 : numberInRange(fn, 'options.discountRate', opts.discountRate, { min: -1, minExclusive: true });
  const sortBy = opts.sortBy === undefined ? (hasSpend ? 'clv' : 'expectedPurchases') : oneOf(fn, 'options.sortBy', opts.sortBy, ['clv', 'expectedPurchases', 'probabilityAlive', 'frequency'] as const);
  if (sortBy === 'clv' && !hasSpend) throw new InvalidOptionError(fn, "options.sortBy 'clv' needs options.spend", sortBy);
  const input = rowsOf(fn, summary);
  const n = input.length;
  if (n === 0) throw new InvalidInputError(fn, 'summary must not be empty', 0);
  const u = UNITS_PER_MONTH[unit];
  const disc = discountFactors(months, d);
  const seen = new Map<unknown, number>();
  const rows: CustomerScore[] = new Array(n);
  const rfmIn = new Array<{ customerId: unknown; recency: number; frequency: number; monetary: number }>(n);
  const key = new Float64Array(n);
  let totalE = 0;
  let totalClv = 0;
  for (let i = 0; i < n; i++) {
    const c = input[i];
    checkCustomer(fn, 'summary', i, c);
    const id = c!.customerId;
    if (id === undefined || id === null || id === '' || (typeof id === 'number' && Number.isNaN(id))) throw new InvalidInputError(fn, `summary[${i}].customerId is missing`, id);
    const prev = seen.get(id);
    if (prev !== undefined) throw new InvalidInputError(fn, `summary[${i}].customerId repeats summary[${prev}]'s id`, id);
    seen.set(id, i);
    const { frequency: x, recency: tx, T } = c!;
    const mv = c!.monetaryValue;
    if (mv !== undefined || hasSpend) {
      if (typeof mv !== 'number' || !Number.isFinite(mv) || mv < 0 || (hasSpend && x > 0 && mv <= 0)) {
        throw new InvalidInputError(fn, `summary[${i}].monetaryValue must be a finite number ≥ 0${hasSpend ? ' (> 0 when frequency > 0; required with options.spend)' : ''}`, mv);
      }
    }
    const e = coreErrorsAs(fn, () => conditionalOne(pm, months * u, x, tx, T));
    const alive = aliveOne(pm, x, tx, T);
    if (!Number.isFinite(e) || !Number.isFinite(alive)) throw new InvalidInputError(fn, `the predictions for summary[${i}] are not finite for these parameters`, e);
    let s: number | undefined;
    let v: number | undefined;
    if (prm !== undefined) {
      s = averageSpend(prm, x, mv!);
      v = coreErrorsAs(fn, () => clvOne(pm, s!, x, tx, T, u, disc));
      if (!Number.isFinite(v)) throw new InvalidInputError(fn, `the value of summary[${i}] is not finite for these parameters`, v);
      totalClv += v;
    }
    const row: CustomerScore = {
      customerId: id, rank: 0, frequency: x, recency: tx, T,
      ...(mv !== undefined && { monetaryValue: mv }),
      expectedPurchases: e, probabilityAlive: alive,
      ...(s !== undefined && { expectedAverageSpend: s, clv: v! }),
      rfmRecency: 0, rfmFrequency: 0, rfmMonetary: 0, rfmCode: '', segment: '',
    };
    totalE += e;
    rows[i] = row;
    rfmIn[i] = { customerId: id, recency: T - tx, frequency: x, monetary: mv ?? 0 };
    key[i] = sortBy === 'clv' ? row.clv! : sortBy === 'frequency' ? x : sortBy === 'probabilityAlive' ? alive : e;
  }
  const rfm = rfmScoresAs(fn, rfmIn, opts.segments === undefined ? undefined : { segments: opts.segments });
  for (let i = 0; i < n; i++) {
    const s = rfm.rows[i]!;
    const row = rows[i]!;
    row.rfmRecency = s.recency;
    row.rfmFrequency = s.frequency;
    row.rfmMonetary = s.monetary;
    row.rfmCode = s.code;
    row.segment = s.segment;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key[b]! - key[a]! || a - b);
  const sorted = order.map((i, k) => {
    rows[i]!.rank = k + 1;
    return rows[i]!;
  });
  const totals: ScoreCustomersResult['totals'] = { customers: n, expectedPurchases: totalE };
  if (hasSpend) totals.clv = totalClv;
  return { rows: sorted, sortBy, horizon: { months, timeUnit: unit, units: months * u }, totals, segmentCounts: rfm.segmentCounts };
}

function rowsOf(fn: string, x: unknown): ArrayLike<ScoreCustomersInput> {
  if (x !== null && typeof x === 'object' && !('length' in x) && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
    return Array.from(x as Iterable<ScoreCustomersInput>);
  }
  return arrayLike<ScoreCustomersInput>(fn, 'summary', x);
}

/** Options of {@link clvDistributionChart}. */
export interface ClvDistributionChartOptions extends ChartOptions {
  /** Largest number of histogram bins. @defaultValue 30 */
  maxBins?: number;
}

/**
 * CLV distribution of a customer table: a histogram of `clv` over the rows of {@link scoreCustomers}
 * (log-scaled counts, since a few customers carry most of the value).
 *
 * @remarks `data.values` are the table's rows as they are (id, rank, clv, segment… for tooltips and
 * further encodings).
 * @throws {@link InvalidInputError} when the table has no `clv` (scored without a spend model)
 * @throws {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { clvDistributionChart, scoreCustomers } from 'crmkit/value';
 * const purchases = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const spend = { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * const table = scoreCustomers([{ customerId: 'a', frequency: 2, recency: 30, T: 38, monetaryValue: 20 }, { customerId: 'b', frequency: 0, recency: 0, T: 38, monetaryValue: 0 }], { purchases, spend, timeUnit: 'week' });
 * clvDistributionChart(table).mark; // => 'bar'
 * ```
 * @category Charts
 */
export function clvDistributionChart(table: ScoreCustomersResult, options?: ClvDistributionChartOptions): VegaLiteSpec {
  const fn = 'value/clvDistributionChart';
  const opts = checkOptions(fn, options, ['maxBins', 'title', 'width', 'height']);
  const maxBins = opts.maxBins === undefined ? 30 : integerInRange(fn, 'options.maxBins', opts.maxBins, { min: 2, max: 500 });
  if (table === null || typeof table !== 'object' || !Array.isArray(table.rows)) throw new InvalidInputError(fn, 'table must be a scoreCustomers result', table);
  if (table.rows.some((r) => r !== null && typeof r === 'object' && r.clv === undefined)) throw new InvalidInputError(fn, 'table has no clv (score the customers with options.spend)', table.sortBy);
  chartRows(fn, 'table.rows', table.rows, { clv: 'number' });
  const months = (table.horizon as { months?: unknown } | null | undefined)?.months;
  if (typeof months !== 'number' || !Number.isFinite(months)) throw new InvalidInputError(fn, 'table.horizon.months must be a finite number (a scoreCustomers result)', months);
  const { maxBins: _m, ...chart } = opts;
  return chartSpec(fn, {
    data: { values: table.rows },
    mark: 'bar',
    encoding: {
      x: { field: 'clv', type: 'quantitative', bin: { maxbins: maxBins }, title: `CLV over ${months} months` },
      y: { aggregate: 'count', type: 'quantitative', title: 'customers', scale: { type: 'symlog' } },
    },
  }, { title: 'Customer lifetime value distribution', width: 420, height: 260 }, chart as ChartOptions);
}
