import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import type { Timestamp } from '../core/types.js';
import { arrayLike, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { accessor, dayOption, periodIndex, utcDay, type Accessor, type Period } from './_rows.js';

/** What to do with a row of a given problem: throw (`'error'`), leave it out (`'drop'`, counted), or use it (`'keep'`, counted). */
export type RowPolicy = 'error' | 'drop';
/** Like {@link RowPolicy}, with `'keep'` for rows that are unusual but usable. */
export type AmountPolicy = 'error' | 'drop' | 'keep';

/** Options of {@link summarizeTransactions}. */
export interface SummarizeTransactionsOptions<Row> {
  /** Field name or function giving the customer id (string or number; ids are compared with `Map` semantics, so `'1'` ≠ `1`). Required. */
  customerId: Accessor<Row, unknown>;
  /**
   * Field name or function giving the purchase time: a Date, epoch ms, `YYYYMMDD`, `YYYY-MM-DD`,
   * `YYYY-MM-DD HH:MM[:SS]` (read as UTC wall-clock time) or ISO-8601 with `Z`/offset. Other strings
   * and impossible dates (2024-02-30) are unreadable and go to the `invalidDate` policy. Required.
   */
  date: Accessor<Row, unknown>;
  /** Field name or function giving the purchase value. Without it no monetary value is computed. */
  amount?: Accessor<Row, unknown>;
  /** End of the observation window (its whole period is included). Later rows are dropped and counted. Required. */
  observationEnd: Timestamp;
  /** End of the calibration window; rows after it (up to `observationEnd`) form the holdout. */
  calibrationEnd?: Timestamp;
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
}

/** Result of {@link summarizeTransactions}. */
export interface SummarizeTransactionsResult {
  /** One summary per customer, in order of first appearance in the log. */
  rows: CustomerSummary[];
  /** With `calibrationEnd`: holdout figures, one per calibration customer, same order as `rows`. */
  holdout?: HoldoutSummary[];
  report: SummarizeTransactionsReport;
}

const KEYS = [
  'customerId', 'date', 'amount', 'observationEnd', 'calibrationEnd', 'period', 'periodsPerUnit',
  'missingCustomerId', 'invalidDate', 'invalidAmount', 'zeroAmount', 'negativeAmount', 'afterObservationEnd',
] as const;
const SHIFT = 4194304; // 2^22 periods of room per customer in the merge key

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
 * @throws {@link InvalidInputError} on an empty log, a row broken under an `'error'` policy, or no usable rows
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
  const opts = checkOptions(fn, options, KEYS);
  const rowsArr = arrayLike<Row>(fn, 'transactions', transactions);
  if (rowsArr.length === 0) throw new InvalidInputError(fn, 'transactions must not be empty', transactions);
  if (opts.customerId === undefined) throw new InvalidOptionError(fn, 'options.customerId is required', undefined);
  if (opts.date === undefined) throw new InvalidOptionError(fn, 'options.date is required', undefined);
  if (opts.observationEnd === undefined) throw new InvalidOptionError(fn, 'options.observationEnd is required', undefined);
  const getId = accessor<Row, unknown>(fn, 'options.customerId', opts.customerId);
  const getDate = accessor<Row, unknown>(fn, 'options.date', opts.date);
  const getAmount = opts.amount === undefined ? undefined : accessor<Row, unknown>(fn, 'options.amount', opts.amount);
  const period: Period = opts.period === undefined ? 'day' : oneOf(fn, 'options.period', opts.period, ['day', 'week', 'month'] as const);
  const perUnit = opts.periodsPerUnit === undefined ? 1 : numberInRange(fn, 'options.periodsPerUnit', opts.periodsPerUnit, { min: 0, minExclusive: true });
  const rowPolicy = (name: string, v: unknown, dflt: RowPolicy): RowPolicy => (v === undefined ? dflt : oneOf(fn, `options.${name}`, v, ['error', 'drop'] as const));
  const amountPolicy = (name: string, v: unknown): AmountPolicy => (v === undefined ? 'error' : oneOf(fn, `options.${name}`, v, ['error', 'drop', 'keep'] as const));
  const pMissing = rowPolicy('missingCustomerId', opts.missingCustomerId, 'error');
  const pDate = rowPolicy('invalidDate', opts.invalidDate, 'error');
  const pAmount = rowPolicy('invalidAmount', opts.invalidAmount, 'error');
  const pAfter = rowPolicy('afterObservationEnd', opts.afterObservationEnd, 'drop');
  const pZero = amountPolicy('zeroAmount', opts.zeroAmount);
  const pNeg = amountPolicy('negativeAmount', opts.negativeAmount);
  const endPeriod = periodIndex(dayOption(fn, 'options.observationEnd', opts.observationEnd), period);
  const hasCal = opts.calibrationEnd !== undefined;
  const calPeriod = hasCal ? periodIndex(dayOption(fn, 'options.calibrationEnd', opts.calibrationEnd), period) : endPeriod;
  if (calPeriod > endPeriod) throw new InvalidOptionError(fn, 'options.calibrationEnd must not be after options.observationEnd', opts.calibrationEnd);

  const dropped = { missingCustomerId: 0, invalidDate: 0, invalidAmount: 0, zeroAmount: 0, negativeAmount: 0, afterObservationEnd: 0 };
  const kept = { zeroAmount: 0, negativeAmount: 0 };
  const custIndex = new Map<unknown, number>();
  const ids: unknown[] = [];
  const slotOf = new Map<number, number>();
  let cap = 1024;
  let slotCust = new Int32Array(cap);
  let slotPeriod = new Float64Array(cap);
  let slotSum = new Float64Array(cap);
  let slots = 0;
  let used = 0;
  let merged = 0;
  let holdoutRows = 0;
  let minPeriod = Infinity;
  const n = rowsArr.length;
  for (let i = 0; i < n; i++) {
    const row = rowsArr[i]!;
    const id = getId(row, i);
    if (id === undefined || id === null || id === '' || (typeof id === 'number' && Number.isNaN(id))) {
      if (pMissing === 'error') throw new InvalidInputError(fn, `transactions[${i}] has no customer id (set options.missingCustomerId to 'drop' to count and skip such rows)`, id);
      dropped.missingCustomerId++;
      continue;
    }
    const rawDate = getDate(row, i);
    const day = utcDay(rawDate);
    if (!Number.isFinite(day)) {
      if (pDate === 'error') throw new InvalidInputError(fn, `transactions[${i}] has an unreadable date (set options.invalidDate to 'drop' to count and skip such rows)`, rawDate);
      dropped.invalidDate++;
      continue;
    }
    let amt = 0;
    if (getAmount !== undefined) {
      const a = getAmount(row, i);
      if (typeof a !== 'number' || !Number.isFinite(a)) {
        if (pAmount === 'error') throw new InvalidInputError(fn, `transactions[${i}] has an amount that is not a finite number (set options.invalidAmount to 'drop' to count and skip such rows)`, a);
        dropped.invalidAmount++;
        continue;
      }
      if (a === 0) {
        if (pZero === 'error') throw new InvalidInputError(fn, `transactions[${i}] has a zero amount (set options.zeroAmount to 'drop' or 'keep')`, a);
        if (pZero === 'drop') {
          dropped.zeroAmount++;
          continue;
        }
        kept.zeroAmount++;
      } else if (a < 0) {
        if (pNeg === 'error') throw new InvalidInputError(fn, `transactions[${i}] has a negative amount, a return or cancellation (set options.negativeAmount to 'drop' or 'keep')`, a);
        if (pNeg === 'drop') {
          dropped.negativeAmount++;
          continue;
        }
        kept.negativeAmount++;
      }
      amt = a;
    }
    const p = periodIndex(day, period);
    if (p > endPeriod) {
      if (pAfter === 'error') throw new InvalidInputError(fn, `transactions[${i}] is dated after options.observationEnd (set options.afterObservationEnd to 'drop')`, rawDate);
      dropped.afterObservationEnd++;
      continue;
    }
    if (p > calPeriod) holdoutRows++;
    used++;
    if (p < minPeriod) minPeriod = p;
    let c = custIndex.get(id);
    if (c === undefined) {
      c = ids.length;
      custIndex.set(id, c);
      ids.push(id);
    }
    const key = c * SHIFT + (p - endPeriod + SHIFT / 2);
    const s = slotOf.get(key);
    if (s !== undefined) {
      slotSum[s]! += amt;
      merged++;
      continue;
    }
    if (slots === cap) {
      cap *= 2;
      const a1 = new Int32Array(cap); a1.set(slotCust); slotCust = a1;
      const a2 = new Float64Array(cap); a2.set(slotPeriod); slotPeriod = a2;
      const a3 = new Float64Array(cap); a3.set(slotSum); slotSum = a3;
    }
    slotOf.set(key, slots);
    slotCust[slots] = c;
    slotPeriod[slots] = p;
    slotSum[slots] = amt;
    slots++;
  }
  if (used === 0) throw new InvalidInputError(fn, 'no usable transactions are left after cleaning (see the policies)', dropped);
  if (endPeriod - minPeriod >= SHIFT / 2) throw new InvalidInputError(fn, `the log spans more than ${SHIFT / 2} periods`, endPeriod - minPeriod);

  const nc = ids.length;
  const first = new Float64Array(nc).fill(Infinity);
  const firstSum = new Float64Array(nc);
  const last = new Float64Array(nc).fill(-Infinity);
  const count = new Int32Array(nc);
  const total = new Float64Array(nc);
  const hCount = new Int32Array(nc);
  const hTotal = new Float64Array(nc);
  for (let s = 0; s < slots; s++) {
    const c = slotCust[s]!;
    const p = slotPeriod[s]!;
    if (p > calPeriod) {
      hCount[c]!++;
      hTotal[c]! += slotSum[s]!;
      continue;
    }
    count[c]!++;
    total[c]! += slotSum[s]!;
    if (p < first[c]!) {
      first[c] = p;
      firstSum[c] = slotSum[s]!;
    }
    if (p > last[c]!) last[c] = p;
  }
  const rows: CustomerSummary[] = [];
  const holdout: HoldoutSummary[] = [];
  const duration = (endPeriod - calPeriod) / perUnit;
  let onlyHoldout = 0;
  for (let c = 0; c < nc; c++) {
    if (count[c] === 0) {
      onlyHoldout++;
      continue;
    }
    const freq = count[c]! - 1;
    const row: CustomerSummary = { customerId: ids[c], frequency: freq, recency: (last[c]! - first[c]!) / perUnit, T: (calPeriod - first[c]!) / perUnit };
    if (getAmount !== undefined) row.monetaryValue = freq === 0 ? 0 : (total[c]! - firstSum[c]!) / freq;
    rows.push(row);
    if (hasCal) {
      const h: HoldoutSummary = { customerId: ids[c], frequency: hCount[c]!, duration };
      if (getAmount !== undefined) h.monetaryValue = hCount[c] === 0 ? 0 : hTotal[c]! / hCount[c]!;
      holdout.push(h);
    }
  }
  const report: SummarizeTransactionsReport = {
    rowsIn: n,
    rowsUsed: used,
    dropped,
    kept,
    mergedIntoSamePeriod: merged,
    customers: rows.length,
    customersOnlyInHoldout: onlyHoldout,
    holdoutRows,
  };
  const result: SummarizeTransactionsResult = { rows, report };
  if (hasCal) result.holdout = holdout;
  return result;
}
