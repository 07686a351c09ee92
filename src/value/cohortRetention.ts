import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, oneOf, options as checkOptions } from '../core/validate.js';
import { accessor, dayReader, periodIndex, periodLabel, type Accessor, type DateFormat, type Period } from './_rows.js';
import type { RowPolicy } from './summarizeTransactions.js';

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions<Row> {
  /** Field name or function giving the customer id. Required. */
  customerId: Accessor<Row, unknown>;
  /** Field name or function giving the purchase time (read as in `summarizeTransactions`: UTC unless `timeZone`). Required. */
  date: Accessor<Row, unknown>;
  /** How numeric dates are read (as in `summarizeTransactions`). */
  dateFormat?: DateFormat;
  /** Zone of the log's clock; required for zone-less times of day (as in `summarizeTransactions`). */
  timeZone?: string;
  /** Cohort and activity period (weeks start on Monday). @defaultValue 'month' */
  period?: Period;
  /** Rows with no customer id. @defaultValue 'error' */
  missingCustomerId?: RowPolicy;
  /** Rows with an unreadable date. @defaultValue 'error' */
  invalidDate?: RowPolicy;
}

/** Result of {@link cohortRetention}. */
export interface CohortRetentionResult {
  /** Label of each cohort's first period (`YYYY-MM`, or `YYYY-MM-DD` for days and week starts), oldest first. */
  cohorts: string[];
  /** Customers whose first purchase fell in each cohort period. */
  sizes: number[];
  /** active[i][k]: customers of cohort i who bought in period i + k (k = 0 … last period of the log); active[i][0] = sizes[i]. */
  active: number[][];
  /** retention[i][k] = active[i][k] / sizes[i]. */
  retention: number[][];
  /** Rows dropped under the `'drop'` policies. */
  dropped: { missingCustomerId: number; invalidDate: number };
}

/** Most periods a cohort table spans (10,000 months is 833 years; 27 years of days). */
const MAX_COHORT_PERIODS = 10000;
/** Most cells of a cohort table (cohorts × periods since acquisition). */
const MAX_COHORT_CELLS = 10000000;

/**
 * Cohort retention matrix from a transaction log: customers grouped by the period of their first
 * purchase, and the share of each cohort buying again k periods later.
 *
 * @remarks Rows are ragged: cohort i has one column per period from its start to the last period in the
 * log. Periods without any cohort start still appear (size 0, empty rows are kept so the
 * calendar stays dense; their retention row is empty). O(n) expected.
 * @see Fader & Hardie (2010), "Customer-base valuation in a contractual setting", Marketing Science 29(1) (cohort survival tables).
 * @throws {@link InvalidInputError} on an empty log or a broken row under an `'error'` policy
 * @throws {@link InvalidOptionError} on missing or unknown options
 * @example
 * ```ts
 * import { cohortRetention } from 'crmkit/value';
 * const log = [
 *   { id: 'a', at: '2024-01-03' }, { id: 'b', at: '2024-01-20' }, { id: 'a', at: '2024-02-11' },
 *   { id: 'c', at: '2024-02-02' }, { id: 'b', at: '2024-03-05' }, { id: 'c', at: '2024-03-09' },
 * ];
 * const m = cohortRetention(log, { customerId: 'id', date: 'at' });
 * m.cohorts; // => ['2024-01', '2024-02', '2024-03']
 * m.active; // => [[2, 1, 1], [1, 1], []]
 * m.retention[0]; // => [1, 0.5, 0.5]
 * ```
 * @category Closed-form metrics
 */
export function cohortRetention<Row>(transactions: readonly Row[], options: CohortRetentionOptions<Row>): CohortRetentionResult {
  const fn = 'value/cohortRetention';
  const opts = checkOptions(fn, options, ['customerId', 'date', 'period', 'missingCustomerId', 'invalidDate', 'dateFormat', 'timeZone']);
  const rows = arrayLike<Row>(fn, 'transactions', transactions);
  if (rows.length === 0) throw new InvalidInputError(fn, 'transactions must not be empty', transactions);
  if (opts.customerId === undefined) throw new InvalidOptionError(fn, 'options.customerId is required', undefined);
  if (opts.date === undefined) throw new InvalidOptionError(fn, 'options.date is required', undefined);
  const getId = accessor<Row, unknown>(fn, 'options.customerId', opts.customerId);
  const getDate = accessor<Row, unknown>(fn, 'options.date', opts.date);
  const period: Period = opts.period === undefined ? 'month' : oneOf(fn, 'options.period', opts.period, ['day', 'week', 'month'] as const);
  const pMissing = opts.missingCustomerId === undefined ? 'error' : oneOf(fn, 'options.missingCustomerId', opts.missingCustomerId, ['error', 'drop'] as const);
  const pDate = opts.invalidDate === undefined ? 'error' : oneOf(fn, 'options.invalidDate', opts.invalidDate, ['error', 'drop'] as const);
  const readDay = dayReader(fn, opts, 'transactions');
  const dropped = { missingCustomerId: 0, invalidDate: 0 };
  const custOf = new Map<unknown, number>();
  const custRows: number[] = [];
  const perRows: number[] = [];
  let firstOf: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row === null || typeof row !== 'object') throw new InvalidInputError(fn, `transactions[${i}] must be an object (a row of the log)`, row);
    const id = getId(row, i);
    if (id === undefined || id === null || id === '' || (typeof id === 'number' && Number.isNaN(id))) {
      if (pMissing === 'error') throw new InvalidInputError(fn, `transactions[${i}] has no customer id (set options.missingCustomerId to 'drop')`, id);
      dropped.missingCustomerId++;
      continue;
    }
    const raw = getDate(row, i);
    const day = readDay(raw, i);
    if (!Number.isFinite(day)) {
      if (pDate === 'error') throw new InvalidInputError(fn, `transactions[${i}] has an unreadable date (set options.invalidDate to 'drop')`, raw);
      dropped.invalidDate++;
      continue;
    }
    const p = periodIndex(day, period);
    let c = custOf.get(id);
    if (c === undefined) {
      c = firstOf.length;
      custOf.set(id, c);
      firstOf.push(p);
    } else if (p < firstOf[c]!) firstOf[c] = p;
    custRows.push(c);
    perRows.push(p);
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  if (custRows.length === 0) throw new InvalidInputError(fn, 'no usable transactions are left after cleaning', dropped);
  const span = hi - lo + 1;
  if (span > MAX_COHORT_PERIODS) throw new InvalidInputError(fn, `the log spans ${span} ${period}s; at most ${MAX_COHORT_PERIODS} are tabulated (check the dates, or use a coarser options.period)`, span);
  const sizes = new Array<number>(span).fill(0);
  for (const f of firstOf) sizes[f - lo]!++;
  let cells = 0;
  for (let i = 0; i < span; i++) if (sizes[i]! > 0) cells += span - i;
  if (cells > MAX_COHORT_CELLS) throw new InvalidInputError(fn, `the cohort table would have ${cells} cells; at most ${MAX_COHORT_CELLS} (use a coarser options.period)`, cells);
  const active: number[][] = [];
  for (let i = 0; i < span; i++) active.push(new Array<number>(sizes[i]! > 0 ? span - i : 0).fill(0));
  const seen = new Set<number>();
  for (let k = 0; k < custRows.length; k++) {
    const c = custRows[k]!;
    const key = c * (span + 1) + (perRows[k]! - lo);
    if (seen.has(key)) continue;
    seen.add(key);
    active[firstOf[c]! - lo]![perRows[k]! - firstOf[c]!]!++;
  }
  firstOf = [];
  const retention = active.map((row, i) => row.map((a) => a / sizes[i]!));
  const cohorts: string[] = [];
  for (let i = 0; i < span; i++) cohorts.push(periodLabel(lo + i, period));
  return { cohorts, sizes, active, retention, dropped };
}
