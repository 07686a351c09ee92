import { InvalidInputError } from '../core/errors.js';
import type { Timestamp } from '../core/types.js';
import { arrayLike } from '../core/validate.js';
import { transactionAccumulator } from './_summary.js';
import type { Accessor, DateFormat, Period } from './_rows.js';

/** What to do with a row of a given problem: throw (`'error'`), leave it out (`'drop'`, counted), or use it (`'keep'`, counted). */
export type RowPolicy = 'error' | 'drop';
/** Like {@link RowPolicy}, with `'keep'` for rows that are unusual but usable. */
export type AmountPolicy = 'error' | 'drop' | 'keep';

/** Options of {@link summarizeTransactions}. */
export interface SummarizeTransactionsOptions<Row> {
  /** Field name or function giving the customer id (string or number; ids are compared with `Map` semantics, so `'1'` ≠ `1`). Required. */
  customerId: Accessor<Row, unknown>;
  /**
   * Field name or function giving the purchase time: a Date, epoch ms (or another `dateFormat`),
   * `YYYYMMDD`, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (wall-clock time: needs `timeZone`) or ISO-8601
   * with `Z`/offset. Other strings
   * and impossible dates (2024-02-30) are unreadable and go to the `invalidDate` policy. Required.
   */
  date: Accessor<Row, unknown>;
  /** Field name or function giving the purchase value. Without it no monetary value is computed. */
  amount?: Accessor<Row, unknown>;
  /** End of the observation window (its whole period is included). Later rows are dropped and counted. Required. */
  observationEnd: Timestamp;
  /**
   * End of the calibration window; rows in later periods (up to `observationEnd`) form the holdout.
   * The split is at a period boundary: the whole period containing `calibrationEnd` is calibration.
   * lifetimes' `calibration_and_holdout_data` splits by date instead, so with `period: 'week'` and a
   * mid-week `calibrationEnd` it sends the rest of that week to the holdout (where that week counts as a
   * holdout purchase period though `duration_holdout` does not include it). crmkit's split equals
   * lifetimes' with `calibration_period_end` moved to the last day of its period. Pick a period's last
   * day (a Sunday for weeks) to get the same split from both.
   */
  calibrationEnd?: Timestamp;
  /**
   * How holdout `monetaryValue` averages: `'perPeriod'` (the mean of the holdout purchase periods'
   * summed spend, as calibration's `monetaryValue` and `frequency` count periods) or `'perRow'` (the
   * plain mean of the holdout rows' amounts, what lifetimes' `monetary_value_holdout` is).
   * @defaultValue 'perPeriod'
   */
  holdoutMonetaryValue?: 'perPeriod' | 'perRow';
  /**
   * Period in which purchases are merged and time is counted (UTC days; weeks start on Monday).
   * @defaultValue 'day'
   */
  period?: Period;
  /**
   * Periods per output time unit: recency and T are (period difference) / periodsPerUnit
   * (lifetimes' `freq_multiplier`; 7 with `period: 'day'` gives weeks as in the CDNOW summary).
   * @defaultValue 1
   */
  periodsPerUnit?: number;
  /** Rows whose customer id is undefined, null, NaN or the empty string. @defaultValue 'error' */
  missingCustomerId?: RowPolicy;
  /** Rows whose date cannot be read. @defaultValue 'error' */
  invalidDate?: RowPolicy;
  /** Rows whose amount is not a finite number (only with `amount`). @defaultValue 'error' */
  invalidAmount?: RowPolicy;
  /** Rows with amount exactly 0 (free items, vouchers). `'keep'` counts the row as a purchase. @defaultValue 'error' */
  zeroAmount?: AmountPolicy;
  /** Rows with a negative amount (returns, cancellations). `'keep'` nets them into the period's spend. @defaultValue 'error' */
  negativeAmount?: AmountPolicy;
  /** Rows dated after `observationEnd`. @defaultValue 'drop' */
  afterObservationEnd?: RowPolicy;
  /**
   * Returns and cancellations (rows with a negative amount, such as UCI Online Retail's `C` invoices):
   * `'net'` offsets each against the latest earlier purchase of the same customer and `product`
   * (dated on or before it, earlier in the log), removing fully offset purchase rows — a period whose
   * every row was returned is no purchase, a customer whose every purchase was returned leaves the
   * summary — with every match listed in `report.returns`; `'drop'` leaves returns out (counted);
   * `'error'` throws. Replaces `negativeAmount` (set one of the two); needs `amount`, and `product`
   * for `'net'`.
   */
  returns?: 'net' | 'drop' | 'error';
  /** Field name or function giving the product (SKU, stock code) a `'net'` return is matched on. */
  product?: Accessor<Row, unknown>;
  /**
   * How numeric dates are read: `'yyyymmdd'` (CDNOW's 19970101), `'epochMs'` or `'epochSeconds'`.
   * Without it numbers are epoch milliseconds, except 8-digit numbers that are valid YYYYMMDD dates,
   * which throw (read as milliseconds they would all fall on 1 January 1970).
   */
  dateFormat?: DateFormat;
  /**
   * IANA zone of the log's clock (`'UTC'`, `'Europe/London'`). Required when dates carry a time of
   * day without a zone (`'2011-12-01 08:26'`); periods are then calendar days of this zone, and
   * zoned instants (`Z` / offset strings, Dates, epoch numbers) are converted to it.
   * @defaultValue UTC for dates and zoned instants; zone-less times throw without it
   */
  timeZone?: string;
}

/** One offset of a return against a purchase (`'net'` returns). */
export interface ReturnMatch {
  /** Index of the return row in the log. */
  returnRow: number;
  /** Index of the purchase row it offsets. */
  purchaseRow: number;
  customerId: unknown;
  product: unknown;
  /** Amount offset (positive). */
  amount: number;
}

/** What the `returns` policy did. */
export interface ReturnsReport {
  policy: 'net' | 'drop' | 'error';
  /** Rows with a negative amount seen. */
  rows: number;
  /** Return rows offset against at least one purchase (counted in `rowsUsed`). */
  matched: number;
  /** Return rows without an earlier purchase of the same customer and product (dropped, in `dropped.returns`). */
  unmatched: number;
  /** Purchase rows offset in full (removed). */
  purchasesCancelled: number;
  /** Total amount offset. */
  amountNetted: number;
  /** Part of matched returns larger than the purchases they found (not netted). */
  amountUnmatched: number;
  /** Customers left out because every purchase of theirs was returned. */
  customersAllReturned: number;
  /** Every offset, in log order. */
  matches: ReturnMatch[];
}

/** One customer's summary (lifetimes' definitions). */
export interface CustomerSummary {
  customerId: unknown;
  /** Number of repeat purchase periods (distinct purchase periods − 1). */
  frequency: number;
  /** Time from first to last purchase, in units (0 when frequency = 0). */
  recency: number;
  /** Time from first purchase to the end of the (calibration) window, in units. */
  T: number;
  /** Mean spend of the repeat purchase periods (the first period excluded; same-period amounts summed); 0 when frequency = 0. Present only with `amount`. */
  monetaryValue?: number;
}

/** Holdout figures of one calibration customer. */
export interface HoldoutSummary {
  customerId: unknown;
  /** Distinct purchase periods in the holdout window. */
  frequency: number;
  /** Mean spend per holdout purchase period (0 when none). Present only with `amount`. */
  monetaryValue?: number;
  /** Length of the holdout window in units. */
  duration: number;
}

/** What happened to every input row: rowsIn = rowsUsed + Σ dropped. */
export interface SummarizeTransactionsReport {
  rowsIn: number;
  rowsUsed: number;
  dropped: {
    missingCustomerId: number;
    invalidDate: number;
    invalidAmount: number;
    zeroAmount: number;
    negativeAmount: number;
    afterObservationEnd: number;
    /** Return rows under `returns: 'drop'`, and unmatched returns under `'net'`. */
    returns: number;
  };
  /** Unusual rows that were used under a `'keep'` policy. */
  kept: { zeroAmount: number; negativeAmount: number };
  /** Rows merged into a purchase period that already had a row of the same customer. */
  mergedIntoSamePeriod: number;
  /** Customers in `rows`. */
  customers: number;
  /** Customers whose first purchase falls in the holdout window (not in `rows`; they belong to a later cohort). */
  customersOnlyInHoldout: number;
  /** Rows in the holdout window. */
  holdoutRows: number;
  /** With a `returns` policy: what it did, every match included. */
  returns?: ReturnsReport;
}

/** Result of {@link summarizeTransactions}. */
export interface SummarizeTransactionsResult {
  /** One summary per customer, in order of first appearance in the log. */
  rows: CustomerSummary[];
  /** With `calibrationEnd`: holdout figures, one per calibration customer, same order as `rows`. */
  holdout?: HoldoutSummary[];
  report: SummarizeTransactionsReport;
}


/**
 * Turns a transaction log into per-customer frequency / recency / T / monetary value, optionally split
 * into calibration and holdout windows, with every unusual row handled by an explicit policy and counted.
 *
 * @remarks Same definitions as `lifetimes.utils.summary_data_from_transaction_data` and
 * `calibration_and_holdout_data`: purchases in the same period are merged (amounts summed); frequency =
 * distinct purchase periods − 1; recency = last − first purchase period; T = window-end period − first
 * period; both divided by `periodsPerUnit`; monetaryValue = mean of the repeat periods' spend (the first
 * period excluded), 0 when there are no repeats. Dates are read in UTC; the period containing
 * `observationEnd` (or `calibrationEnd`) is inside the window. O(n) expected time with hashing, O(customers + periods) memory.
 * @see lifetimes `summary_data_from_transaction_data` (https://lifetimes.readthedocs.io); Fader, Hardie & Lee (2005).
 * @throws {@link InvalidInputError} on an empty log, a null or non-object row, a row broken under an `'error'` policy, an 8-digit numeric date without `dateFormat`, a zone-less time without `timeZone`, or no usable rows
 * @throws {@link InvalidOptionError} on a missing or unknown option, or `calibrationEnd` after `observationEnd`
 * @example
 * ```ts
 * import { summarizeTransactions } from 'crmkit/value';
 * const log = [
 *   { id: 'a', at: '2024-01-01', eur: 10 },
 *   { id: 'a', at: '2024-01-01', eur: 5 },
 *   { id: 'a', at: '2024-01-08', eur: 30 },
 *   { id: 'b', at: '2024-01-05', eur: 7 },
 * ];
 * const s = summarizeTransactions(log, { customerId: 'id', date: 'at', amount: 'eur', observationEnd: '2024-01-15', periodsPerUnit: 7 });
 * s.rows[0]; // => { customerId: 'a', frequency: 1, recency: 1, T: 2, monetaryValue: 30 }
 * s.report.mergedIntoSamePeriod; // => 1
 * ```
 * @category Transaction logs
 */
export function summarizeTransactions<Row>(transactions: readonly Row[], options: SummarizeTransactionsOptions<Row>): SummarizeTransactionsResult {
  const fn = 'value/summarizeTransactions';
  const acc = transactionAccumulator(fn, options);
  const rowsArr = arrayLike<Row>(fn, 'transactions', transactions);
  if (rowsArr.length === 0) throw new InvalidInputError(fn, 'transactions must not be empty', transactions);
  const n = rowsArr.length;
  for (let i = 0; i < n; i++) acc.add(rowsArr[i]!, i);
  return acc.finish(n);
}
