import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import type { Timestamp } from '../../core/types.js';
import { numberInRange, oneOf, options as checkOptions, timestamp } from '../../core/validate.js';
import type { CustomerSummary, HoldoutSummary, SummarizeTransactionsReport, SummarizeTransactionsResult } from '../../value/summarizeTransactions.js';
import { add, countArg, dialectOption, doubleSql, engineOption, finiteSql, key, num, quoteIdentifier, recordArg, rowsArg, statement, sumArg, tableReference, textType } from './_sql.js';
import type { SqlDialect, SqlRow, SqlStatement } from './types.js';

/** Options of {@link rfmSummarySql}: the table, its columns, and the options of value's `summarizeTransactions`. @category SQL */
export interface RfmSummarySqlOptions {
  /** The transaction table: a name, or `[schema, table]` / `[catalog, schema, table]`. */
  table: string | readonly string[];
  /** Column of the customer id (read as text: `17850` and `'17850'` are the same customer). */
  customerId: string;
  /** Column of the purchase time: DATE, TIMESTAMP or TIMESTAMPTZ (read in the session's zone; the adapters set UTC), or text the engine casts to DATE. */
  date: string;
  /** Column of the purchase value, or two columns whose product it is (`['Quantity', 'UnitPrice']`). Without it no monetary value is computed. */
  amount?: string | readonly [string, string];
  /** End of the observation window (its whole period included); as in `summarizeTransactions`. */
  observationEnd: Timestamp;
  /** End of the calibration window; later rows up to `observationEnd` form the holdout. */
  calibrationEnd?: Timestamp;
  /** @defaultValue 'day' */
  period?: 'day' | 'week' | 'month';
  /** @defaultValue 1 */
  periodsPerUnit?: number;
  /** @defaultValue 'error' */
  missingCustomerId?: 'error' | 'drop';
  /** @defaultValue 'error' */
  invalidDate?: 'error' | 'drop';
  /** @defaultValue 'error' */
  invalidAmount?: 'error' | 'drop';
  /** @defaultValue 'error' */
  zeroAmount?: 'error' | 'drop' | 'keep';
  /** @defaultValue 'error' */
  negativeAmount?: 'error' | 'drop' | 'keep';
  /** @defaultValue 'drop' */
  afterObservationEnd?: 'error' | 'drop';
  /** @defaultValue 'duckdb' */
  dialect?: SqlDialect;
}

/** The resolved settings a {@link RfmSummarySql} was built with (periods are integer indexes). @category SQL */
export interface RfmSummarySpec {
  period: 'day' | 'week' | 'month';
  periodsPerUnit: number;
  observationEndPeriod: number;
  calibrationEndPeriod: number;
  hasCalibration: boolean;
  hasAmount: boolean;
  policies: {
    missingCustomerId: 'error' | 'drop';
    invalidDate: 'error' | 'drop';
    invalidAmount: 'error' | 'drop';
    zeroAmount: 'error' | 'drop' | 'keep';
    negativeAmount: 'error' | 'drop' | 'keep';
    afterObservationEnd: 'error' | 'drop';
  };
  /** The source column names, for error messages. */
  columns: { customerId: string; date: string; amount: string | null };
}

/** The two statements of an RFM summary and the settings needed to read their rows. @category SQL */
export interface RfmSummarySql {
  /** One row per customer: the mergeable partial sums and the finished frequency / recency / T / monetary value. */
  customers: SqlStatement;
  /** One row: what happened to every input row (the `report` of `summarizeTransactions`). */
  report: SqlStatement;
  /**
   * Both in one statement and one scan of the table: the report's columns on every row, joined to
   * the customer columns (one row with NULL customer columns when no customer is left).
   */
  combined: SqlStatement;
  spec: RfmSummarySpec;
}

/** One customer's mergeable RFM state; periods are integer period indexes. @category SQL */
export interface RfmCustomerPartial {
  customerId: string;
  /** Distinct purchase periods in the calibration window. */
  periods: number;
  /** First / last calibration purchase period; null when the customer bought only in the holdout. */
  firstPeriod: number | null;
  lastPeriod: number | null;
  /** Spend of the first calibration period, and of all calibration periods. */
  firstSpend: number;
  spend: number;
  /** Distinct purchase periods and spend in the holdout window. */
  holdoutPeriods: number;
  holdoutSpend: number;
  /** First and last purchase period over both windows (the range the merge rule checks). */
  minPeriod: number;
  maxPeriod: number;
}

/** Row counts of an RFM summary; every field adds up across shards. @category SQL */
export interface RfmReportPartial {
  rowsIn: number;
  rowsUsed: number;
  dropped: SummarizeTransactionsReport['dropped'];
  kept: SummarizeTransactionsReport['kept'];
  /** Distinct (customer, period) pairs among the used rows. */
  customerPeriods: number;
  holdoutRows: number;
}

/**
 * A mergeable RFM summary of one table or shard: per-customer partial sums plus the row counts.
 * Plain JSON, so workers can send it anywhere. @category SQL
 */
export interface RfmSummaryPartial {
  kind: 'rfmSummaryPartial';
  formatVersion: 1;
  spec: RfmSummarySpec;
  customers: RfmCustomerPartial[];
  report: RfmReportPartial;
}

const FN = 'connectors/rfmSummarySql';
const KEYS = ['table', 'customerId', 'date', 'amount', 'observationEnd', 'calibrationEnd', 'period', 'periodsPerUnit', 'missingCustomerId', 'invalidDate', 'invalidAmount', 'zeroAmount', 'negativeAmount', 'afterObservationEnd', 'dialect'];
const CUSTOMER_COLUMNS = ['customer_id', 'periods', 'first_period', 'last_period', 'first_spend', 'spend', 'holdout_periods', 'holdout_spend', 'min_period', 'max_period', 'frequency', 'recency', 't', 'monetary_value'];
const STATUSES = ['missingCustomerId', 'invalidDate', 'invalidAmount', 'zeroAmount', 'negativeAmount', 'afterObservationEnd'] as const;
/** Result column of each dropped-row count (snake case: unquoted names fold to lower case in PostgreSQL). */
const DROPPED_COLUMN: Record<(typeof STATUSES)[number], string> = {
  missingCustomerId: 'dropped_missing_customer_id',
  invalidDate: 'dropped_invalid_date',
  invalidAmount: 'dropped_invalid_amount',
  zeroAmount: 'dropped_zero_amount',
  negativeAmount: 'dropped_negative_amount',
  afterObservationEnd: 'dropped_after_observation_end',
};
const REPORT_COLUMNS = ['rows_in', 'rows_used', ...STATUSES.map((s) => DROPPED_COLUMN[s]), 'kept_zero_amount', 'kept_negative_amount', 'customer_periods', 'holdout_rows'];

/** UTC day number of an option timestamp (dates `YYYY-MM-DD` are UTC midnight, as in value). */
function dayOf(fn: string, name: string, x: unknown): number {
  return Math.floor(timestamp(fn, name, x) / 86_400_000);
}

/** Period index of a UTC day: the same numbering as value's `summarizeTransactions`. */
function periodOf(day: number, period: 'day' | 'week' | 'month'): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7); // ISO weeks: 1969-12-29 (day −3) was a Monday
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function periodSql(dialect: SqlDialect, period: 'day' | 'week' | 'month', d: string): string {
  const dbl = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  const days = `(${d} - DATE '1970-01-01')`;
  if (period === 'day') return `CAST(${days} AS BIGINT)`;
  if (period === 'week') return `CAST(FLOOR(CAST(${days} + 3 AS ${dbl}) / 7) AS BIGINT)`;
  return `(CAST(EXTRACT(YEAR FROM ${d}) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM ${d}) AS BIGINT) - 1)`;
}

/**
 * SQL that summarizes a transaction table per customer exactly as value's `summarizeTransactions`
 * does in memory: frequency, recency, T and monetary value, the calibration / holdout split, the same
 * row policies and the same report counts.
 *
 * @remarks The statements classify every row in one pass, in the in-memory order of checks: missing
 * customer id (NULL or `''`), unreadable date (NULL, or text the engine cannot cast to DATE: NULL
 * under DuckDB's `TRY_CAST`, a server error under PostgreSQL), amount that is not a finite number,
 * zero or negative amount (unless kept), date after `observationEnd`. Rows under an `'error'` policy
 * are counted, and {@link readRfmSummary} throws naming the column when the count is not 0. Used
 * rows are merged per (customer, period) (`GROUP BY`), then per customer. Period indexes are the
 * in-memory ones (UTC day number; ISO week from Monday; year·12 + month − 1) and are bound as
 * parameters (`$1` observation-end period, `$2` calibration-end period, `$3` periodsPerUnit), so the
 * SQL text holds quoted identifiers and constants only. Rows are grouped once per (customer,
 * period, status); `customers` and `report` read that grouping, and `combined` returns both from a
 * single scan of the table (the report's columns on every customer row). Read them with
 * {@link readRfmSummary}, combine shards with {@link mergeRfmSummary}, and finish with
 * {@link rfmSummaryResult}. Cost: one scan and two hash aggregations.
 * @throws {@link InvalidOptionError} on a missing or malformed option or name
 * @example
 * ```ts
 * import { rfmSummarySql } from 'crmkit/connectors';
 * const q = rfmSummarySql({ table: 'orders', customerId: 'customer', date: 'ordered_at', amount: 'total', observationEnd: '2024-06-30' });
 * q.customers.params; // => [19904, 19904, 1]
 * q.customers.text.includes('FROM "orders"'); // => true
 * ```
 * @category SQL
 */
export function rfmSummarySql(options: RfmSummarySqlOptions): RfmSummarySql {
  return rfmSummarySqlFor(FN, options);
}

/** rfmSummarySql naming the public function `fn` in its errors. @internal */
export function rfmSummarySqlFor(fn: string, options: RfmSummarySqlOptions): RfmSummarySql {
  const o = checkOptions(fn, options, KEYS);
  for (const k of ['table', 'customerId', 'date', 'observationEnd'] as const) {
    if (o[k] === undefined) throw new InvalidOptionError(fn, `options.${k} is required`, undefined);
  }
  const dialect = dialectOption(fn, o.dialect);
  const table = tableReference(fn, o.table);
  const idCol = quoteIdentifier(fn, 'options.customerId', o.customerId);
  const dateCol = quoteIdentifier(fn, 'options.date', o.date);
  let amountExpr: string | null = null;
  let amountName: string | null = null;
  if (o.amount !== undefined) {
    if (Array.isArray(o.amount)) {
      if (o.amount.length !== 2) throw new InvalidOptionError(fn, 'options.amount must be a column name or two column names whose product is the amount', o.amount);
      const a = quoteIdentifier(fn, 'options.amount[0]', o.amount[0]);
      const b = quoteIdentifier(fn, 'options.amount[1]', o.amount[1]);
      amountExpr = `(${doubleSql(dialect, a)} * ${doubleSql(dialect, b)})`;
      amountName = `${o.amount[0]}·${o.amount[1]}`;
    } else {
      amountExpr = doubleSql(dialect, quoteIdentifier(fn, 'options.amount', o.amount));
      amountName = o.amount as string;
    }
  }
  const period = o.period === undefined ? 'day' : oneOf(fn, 'options.period', o.period, ['day', 'week', 'month'] as const);
  const periodsPerUnit = o.periodsPerUnit === undefined ? 1 : numberInRange(fn, 'options.periodsPerUnit', o.periodsPerUnit, { min: 0, minExclusive: true });
  const row = (name: string, v: unknown, d: 'error' | 'drop') => (v === undefined ? d : oneOf(fn, `options.${name}`, v, ['error', 'drop'] as const));
  const amt = (name: string, v: unknown) => (v === undefined ? 'error' : oneOf(fn, `options.${name}`, v, ['error', 'drop', 'keep'] as const));
  const policies = {
    missingCustomerId: row('missingCustomerId', o.missingCustomerId, 'error'),
    invalidDate: row('invalidDate', o.invalidDate, 'error'),
    invalidAmount: row('invalidAmount', o.invalidAmount, 'error'),
    zeroAmount: amt('zeroAmount', o.zeroAmount),
    negativeAmount: amt('negativeAmount', o.negativeAmount),
    afterObservationEnd: row('afterObservationEnd', o.afterObservationEnd, 'drop'),
  };
  const endPeriod = periodOf(dayOf(fn, 'options.observationEnd', o.observationEnd), period);
  const hasCalibration = o.calibrationEnd !== undefined;
  const calPeriod = hasCalibration ? periodOf(dayOf(fn, 'options.calibrationEnd', o.calibrationEnd), period) : endPeriod;
  if (calPeriod > endPeriod) throw new InvalidOptionError(fn, 'options.calibrationEnd must not be after options.observationEnd', o.calibrationEnd);

  const text = textType(dialect);
  const dbl = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  const dateExpr = dialect === 'duckdb' ? `TRY_CAST(${dateCol} AS DATE)` : `CAST(${dateCol} AS DATE)`;
  const amountSql = amountExpr ?? `CAST(0 AS ${dbl})`;
  const checks = [
    `WHEN customer_id IS NULL OR customer_id = '' THEN 'missingCustomerId'`,
    `WHEN p IS NULL THEN 'invalidDate'`,
  ];
  if (amountExpr !== null) {
    checks.push(`WHEN NOT ${finiteSql('amount')} THEN 'invalidAmount'`);
    if (policies.zeroAmount !== 'keep') checks.push(`WHEN amount = 0 THEN 'zeroAmount'`);
    if (policies.negativeAmount !== 'keep') checks.push(`WHEN amount < 0 THEN 'negativeAmount'`);
  }
  checks.push(`WHEN p > CAST($1 AS BIGINT) THEN 'afterObservationEnd'`);
  const cal = 'CAST($2 AS BIGINT)';
  // One scan of the table: rows are classified, then grouped per (customer, period, status) with
  // their counts; everything else reads that grouped table, which is at most customer-periods large.
  const materialized = 'AS MATERIALIZED';
  const prefix = [
    'WITH src AS (',
    `  SELECT CAST(${idCol} AS ${text}) AS customer_id, ${dateExpr} AS d, ${amountSql} AS amount FROM ${table}`,
    '), classified AS (',
    `  SELECT customer_id, amount, p, CASE ${checks.join(' ')} ELSE 'used' END AS status`,
    `  FROM (SELECT customer_id, amount, ${periodSql(dialect, period, 'd')} AS p FROM src) AS typed`,
    `), grouped ${materialized} (`,
    '  SELECT customer_id, p, status, COUNT(*) AS n, SUM(CASE WHEN amount = 0 THEN 1 ELSE 0 END) AS n_zero,',
    '    SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS n_negative, SUM(amount) AS spend',
    '  FROM classified GROUP BY customer_id, p, status',
    '), windowed AS (',
    `  SELECT customer_id, p, spend, MIN(CASE WHEN p <= ${cal} THEN p END) OVER (PARTITION BY customer_id) AS fp FROM grouped WHERE status = 'used'`,
    ')',
  ].join('\n');
  const unit = `CAST($3 AS ${dbl})`;
  const customerSelect = [
    'SELECT customer_id,',
    `  COUNT(CASE WHEN p <= ${cal} THEN 1 END) AS periods,`,
    `  MIN(CASE WHEN p <= ${cal} THEN p END) AS first_period,`,
    `  MAX(CASE WHEN p <= ${cal} THEN p END) AS last_period,`,
    `  SUM(CASE WHEN p = fp THEN spend ELSE 0 END) AS first_spend,`,
    `  SUM(CASE WHEN p <= ${cal} THEN spend ELSE 0 END) AS spend,`,
    `  COUNT(CASE WHEN p > ${cal} THEN 1 END) AS holdout_periods,`,
    `  SUM(CASE WHEN p > ${cal} THEN spend ELSE 0 END) AS holdout_spend,`,
    '  MIN(p) AS min_period, MAX(p) AS max_period,',
    `  COUNT(CASE WHEN p <= ${cal} THEN 1 END) - 1 AS frequency,`,
    `  CAST(MAX(CASE WHEN p <= ${cal} THEN p END) - MIN(CASE WHEN p <= ${cal} THEN p END) AS ${dbl}) / ${unit} AS recency,`,
    `  CAST(${cal} - MIN(CASE WHEN p <= ${cal} THEN p END) AS ${dbl}) / ${unit} AS t,`,
    `  CASE WHEN COUNT(CASE WHEN p <= ${cal} THEN 1 END) > 1 THEN (SUM(CASE WHEN p <= ${cal} THEN spend ELSE 0 END) - SUM(CASE WHEN p = fp THEN spend ELSE 0 END)) / (COUNT(CASE WHEN p <= ${cal} THEN 1 END) - 1) ELSE 0 END AS monetary_value`,
    'FROM windowed GROUP BY customer_id',
  ].join('\n');
  const sumIf = (cond: string, what = 'n') => `SUM(CASE WHEN ${cond} THEN ${what} ELSE 0 END)`;
  const reportSelect = [
    'SELECT SUM(n) AS rows_in,',
    `  ${sumIf(`status = 'used'`)} AS rows_used,`,
    ...STATUSES.map((st) => `  ${sumIf(`status = '${st}'`)} AS ${DROPPED_COLUMN[st]},`),
    `  ${sumIf(`status IN ('used', 'afterObservationEnd')`, 'n_zero')} AS kept_zero_amount,`,
    `  ${sumIf(`status IN ('used', 'afterObservationEnd')`, 'n_negative')} AS kept_negative_amount,`,
    `  ${sumIf(`status = 'used'`, '1')} AS customer_periods,`,
    `  ${sumIf(`status = 'used' AND p > ${cal}`)} AS holdout_rows`,
    'FROM grouped',
  ].join('\n');
  const customers = `${prefix}\n${customerSelect}`;
  const report = `${prefix}\n${reportSelect}`;
  const combined = `${prefix}, per_customer AS (\n${customerSelect}\n), report AS (\n${reportSelect}\n)\nSELECT * FROM report LEFT JOIN per_customer ON TRUE`;
  const params = [endPeriod, calPeriod, periodsPerUnit];
  return {
    customers: statement(customers, params, CUSTOMER_COLUMNS),
    combined: statement(combined, params, [...REPORT_COLUMNS, ...CUSTOMER_COLUMNS]),
    report: statement(report, params.slice(0, 2), REPORT_COLUMNS),
    spec: {
      period,
      periodsPerUnit,
      observationEndPeriod: endPeriod,
      calibrationEndPeriod: calPeriod,
      hasCalibration,
      hasAmount: amountExpr !== null,
      policies,
      columns: { customerId: o.customerId as string, date: o.date as string, amount: amountName },
    },
  };
}

const HINT: Record<(typeof STATUSES)[number], [string, string]> = {
  missingCustomerId: ['have no customer id (NULL or empty) in column', 'missingCustomerId'],
  invalidDate: ['have a date the engine cannot read in column', 'invalidDate'],
  invalidAmount: ['have an amount that is not a finite number in column', 'invalidAmount'],
  zeroAmount: ['have a zero amount in column', 'zeroAmount'],
  negativeAmount: ['have a negative amount in column', 'negativeAmount'],
  afterObservationEnd: ['are dated after options.observationEnd in column', 'afterObservationEnd'],
};

/** Options of {@link readRfmSummary}. @category SQL */
export interface ReadRfmSummaryOptions {
  /** The engine that ran the statements, named in errors (`'duckdb'`, `'postgres'`, `'bigquery'`, …). @defaultValue the statement's dialect */
  engine?: string;
}

/**
 * Reads the rows of an {@link RfmSummarySql}'s two statements into a mergeable
 * {@link RfmSummaryPartial}, throwing where a row policy is `'error'` and such rows were found.
 *
 * @throws {@link InvalidInputError} naming the column and engine when rows broke an `'error'` policy,
 * or when a result row is not what the statement returns
 * @example
 * ```ts
 * import { readRfmSummary, rfmSummarySql } from 'crmkit/connectors';
 * const q = rfmSummarySql({ table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-10' });
 * const report = { rows_in: 2, rows_used: 2, dropped_missing_customer_id: 0, kept_zero_amount: 0, customer_periods: 2, holdout_rows: 0 };
 * const customers = [{ customer_id: 'a', periods: 2, first_period: 19723, last_period: 19726, first_spend: 0, spend: 0, holdout_periods: 0, holdout_spend: 0, min_period: 19723, max_period: 19726 }];
 * readRfmSummary(q, customers, report).customers[0]!.periods; // => 2
 * ```
 * @category SQL
 */
export function readRfmSummary(sql: RfmSummarySql, customerRows: readonly SqlRow[], reportRow: SqlRow, options: ReadRfmSummaryOptions = {}): RfmSummaryPartial {
  return readRfmSummaryFor('connectors/readRfmSummary', sql, customerRows, reportRow, options);
}

/** readRfmSummary naming the public function `fn` in its errors. @internal */
export function readRfmSummaryFor(fn: string, sql: RfmSummarySql, customerRows: readonly SqlRow[], reportRow: SqlRow, options: ReadRfmSummaryOptions = {}): RfmSummaryPartial {
  const spec = specArg(fn, 'sql.spec', recordArg(fn, 'sql', sql)['spec']);
  const engine = engineOption(fn, options);
  recordArg(fn, 'reportRow', reportRow);
  rowsArg(fn, 'customerRows', customerRows);
  const dropped = {} as RfmReportPartial['dropped'];
  for (const s of STATUSES) {
    const c = num(fn, reportRow, DROPPED_COLUMN[s], true);
    dropped[s] = c;
    if (c > 0 && spec.policies[s] === 'error') {
      const col = s === 'missingCustomerId' ? spec.columns.customerId : s === 'afterObservationEnd' || s === 'invalidDate' ? spec.columns.date : spec.columns.amount;
      throw new InvalidInputError(fn, `${c} rows ${HINT[s][0]} "${col}" (engine: ${engine}; set options.${HINT[s][1]} to 'drop' to count and skip them)`, c);
    }
  }
  // The SQL has no returns matching (value's `returns` policy): negative amounts follow
  // `negativeAmount`, so the report's returns count is 0, as in summarizeTransactions without `returns`.
  dropped.returns = 0;
  const report: RfmReportPartial = {
    rowsIn: num(fn, reportRow, 'rows_in', true),
    rowsUsed: num(fn, reportRow, 'rows_used', true),
    dropped,
    kept: { zeroAmount: num(fn, reportRow, 'kept_zero_amount', true), negativeAmount: num(fn, reportRow, 'kept_negative_amount', true) },
    customerPeriods: num(fn, reportRow, 'customer_periods', true),
    holdoutRows: num(fn, reportRow, 'holdout_rows', true),
  };
  const customers = customerRows.map((r): RfmCustomerPartial => {
    const periods = num(fn, r, 'periods');
    return {
      customerId: key(fn, r, 'customer_id'),
      periods,
      firstPeriod: periods === 0 ? null : num(fn, r, 'first_period'),
      lastPeriod: periods === 0 ? null : num(fn, r, 'last_period'),
      firstSpend: num(fn, r, 'first_spend', true),
      spend: num(fn, r, 'spend', true),
      holdoutPeriods: num(fn, r, 'holdout_periods'),
      holdoutSpend: num(fn, r, 'holdout_spend', true),
      minPeriod: num(fn, r, 'min_period'),
      maxPeriod: num(fn, r, 'max_period'),
    };
  });
  return { kind: 'rfmSummaryPartial', formatVersion: 1, spec, customers, report };
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

/** Checks a {@link RfmSummarySpec} (from a statement or a stored partial). */
function specArg(fn: string, name: string, x: unknown): RfmSummarySpec {
  const s = recordArg(fn, name, x);
  const bad = (what: string, v: unknown): never => {
    throw new InvalidInputError(fn, `${name}.${what} is not what rfmSummarySql builds`, v);
  };
  if (!['day', 'week', 'month'].includes(s['period'] as string)) bad('period', s['period']);
  if (!(typeof s['periodsPerUnit'] === 'number' && Number.isFinite(s['periodsPerUnit']) && s['periodsPerUnit'] > 0)) bad('periodsPerUnit', s['periodsPerUnit']);
  for (const k of ['observationEndPeriod', 'calibrationEndPeriod']) if (!isInt(s[k])) bad(k, s[k]);
  if ((s['calibrationEndPeriod'] as number) > (s['observationEndPeriod'] as number)) bad('calibrationEndPeriod', s['calibrationEndPeriod']);
  for (const k of ['hasCalibration', 'hasAmount']) if (typeof s[k] !== 'boolean') bad(k, s[k]);
  const pol = recordArg(fn, `${name}.policies`, s['policies']);
  for (const k of STATUSES) if (!['error', 'drop', 'keep'].includes(pol[k] as string)) bad(`policies.${k}`, pol[k]);
  const cols = recordArg(fn, `${name}.columns`, s['columns']);
  for (const k of ['customerId', 'date']) if (typeof cols[k] !== 'string') bad(`columns.${k}`, cols[k]);
  if (!(cols['amount'] === null || typeof cols['amount'] === 'string')) bad('columns.amount', cols['amount']);
  return s as unknown as RfmSummarySpec;
}

/** Checks an {@link RfmSummaryPartial} passed back in (merged shards, stored JSON). */
function partialArg(fn: string, name: string, x: unknown): RfmSummaryPartial {
  const p = recordArg(fn, name, x);
  if (p['kind'] !== 'rfmSummaryPartial' || p['formatVersion'] !== 1) throw new InvalidInputError(fn, `${name} must be an RFM summary partial (kind 'rfmSummaryPartial', formatVersion 1) from readRfmSummary or mergeRfmSummary`, x);
  specArg(fn, `${name}.spec`, p['spec']);
  const cs = p['customers'];
  if (!Array.isArray(cs)) throw new InvalidInputError(fn, `${name}.customers must be an array`, cs);
  cs.forEach((c: unknown, i) => {
    const path = `${name}.customers[${i}]`;
    const o = recordArg(fn, path, c);
    if (typeof o['customerId'] !== 'string') throw new InvalidInputError(fn, `${path}.customerId must be a string`, o['customerId']);
    for (const k of ['periods', 'holdoutPeriods']) countArg(fn, `${path}.${k}`, o[k]);
    for (const k of ['firstSpend', 'spend', 'holdoutSpend']) sumArg(fn, `${path}.${k}`, o[k]);
    for (const k of ['minPeriod', 'maxPeriod']) if (!isInt(o[k])) throw new InvalidInputError(fn, `${path}.${k} must be an integer period`, o[k]);
    for (const k of ['firstPeriod', 'lastPeriod']) if (!(o[k] === null || isInt(o[k]))) throw new InvalidInputError(fn, `${path}.${k} must be an integer period or null`, o[k]);
    if ((o['periods'] === 0) !== (o['firstPeriod'] === null) || (o['firstPeriod'] === null) !== (o['lastPeriod'] === null)) throw new InvalidInputError(fn, `${path}: firstPeriod and lastPeriod are null exactly when periods is 0`, o);
    if ((o['minPeriod'] as number) > (o['maxPeriod'] as number)) throw new InvalidInputError(fn, `${path}.minPeriod must not exceed maxPeriod`, o);
  });
  const r = recordArg(fn, `${name}.report`, p['report']);
  for (const k of ['rowsIn', 'rowsUsed', 'customerPeriods', 'holdoutRows']) countArg(fn, `${name}.report.${k}`, r[k]);
  const d = recordArg(fn, `${name}.report.dropped`, r['dropped']);
  for (const k of STATUSES) countArg(fn, `${name}.report.dropped.${k}`, d[k]);
  const kept = recordArg(fn, `${name}.report.kept`, r['kept']);
  for (const k of ['zeroAmount', 'negativeAmount']) countArg(fn, `${name}.report.kept.${k}`, kept[k]);
  return p as unknown as RfmSummaryPartial;
}

function sameSpec(a: RfmSummarySpec, b: RfmSummarySpec): boolean {
  return a.period === b.period && a.periodsPerUnit === b.periodsPerUnit && a.observationEndPeriod === b.observationEndPeriod && a.calibrationEndPeriod === b.calibrationEndPeriod && a.hasAmount === b.hasAmount && a.hasCalibration === b.hasCalibration;
}

/**
 * Combines the RFM summaries of two shards into the summary of their union.
 *
 * @remarks The merge is exact when no (customer, purchase period) pair has rows in both shards —
 * which holds when the log is sharded **by customer** (hash or range of the id) or **by time at
 * period boundaries** (each shard a range of whole days / weeks / months). Distinct purchase periods
 * cannot be counted from per-customer totals otherwise: a period bought in on both sides would be
 * counted twice. The rule is checked, not assumed: when a customer appears in both shards, their
 * [minPeriod, maxPeriod] ranges must not overlap (disjoint ranges cannot share a period), else the
 * merge throws. Re-shard such logs by customer, or merge at the (customer, period) level first.
 * Counts add exactly; spends add in floating point.
 * @throws {@link InvalidInputError} when the two summaries were built with different settings, or a
 * customer's period ranges overlap across the shards
 * @example
 * ```ts
 * import { mergeRfmSummary, readRfmSummary, rfmSummarySql } from 'crmkit/connectors';
 * const q = rfmSummarySql({ table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-10' });
 * const report = { rows_in: 1, rows_used: 1, customer_periods: 1 };
 * const one = (id: string, p: number) => readRfmSummary(q, [{ customer_id: id, periods: 1, first_period: p, last_period: p, holdout_periods: 0, min_period: p, max_period: p }], report);
 * const m = mergeRfmSummary(one('a', 19723), one('a', 19726));
 * [m.customers[0]!.periods, m.report.rowsIn]; // => [2, 2]
 * ```
 * @category SQL
 */
export function mergeRfmSummary(a: RfmSummaryPartial, b: RfmSummaryPartial): RfmSummaryPartial {
  return mergeRfmSummaryFor('connectors/mergeRfmSummary', a, b);
}

/** mergeRfmSummary naming the public function `fn` in its errors. @internal */
export function mergeRfmSummaryFor(fn: string, a: RfmSummaryPartial, b: RfmSummaryPartial): RfmSummaryPartial {
  partialArg(fn, 'a', a);
  partialArg(fn, 'b', b);
  if (!sameSpec(a.spec, b.spec)) throw new InvalidInputError(fn, 'the two summaries were built with different period, periodsPerUnit, window ends or amount settings', b.spec);
  const byId = new Map<string, RfmCustomerPartial>();
  for (const c of a.customers) byId.set(c.customerId, { ...c });
  for (const c of b.customers) {
    const x = byId.get(c.customerId);
    if (x === undefined) {
      byId.set(c.customerId, { ...c });
      continue;
    }
    if (!(x.maxPeriod < c.minPeriod || c.maxPeriod < x.minPeriod)) {
      throw new InvalidInputError(fn, `customer ${JSON.stringify(c.customerId).slice(0, 60)} bought in overlapping period ranges in both shards, so shared purchase periods cannot be told apart; shard by customer or by whole periods of time`, [x.minPeriod, x.maxPeriod, c.minPeriod, c.maxPeriod]);
    }
    const firstFromC = x.firstPeriod === null || (c.firstPeriod !== null && c.firstPeriod < x.firstPeriod);
    byId.set(c.customerId, {
      customerId: c.customerId,
      periods: add(fn, 'periods', x.periods, c.periods),
      firstPeriod: firstFromC ? c.firstPeriod : x.firstPeriod,
      lastPeriod: x.lastPeriod === null ? c.lastPeriod : c.lastPeriod === null ? x.lastPeriod : Math.max(x.lastPeriod, c.lastPeriod),
      firstSpend: firstFromC ? c.firstSpend : x.firstSpend,
      spend: add(fn, 'spend', x.spend, c.spend),
      holdoutPeriods: add(fn, 'holdoutPeriods', x.holdoutPeriods, c.holdoutPeriods),
      holdoutSpend: add(fn, 'holdoutSpend', x.holdoutSpend, c.holdoutSpend),
      minPeriod: Math.min(x.minPeriod, c.minPeriod),
      maxPeriod: Math.max(x.maxPeriod, c.maxPeriod),
    });
  }
  const ra = a.report;
  const rb = b.report;
  const dropped = { ...ra.dropped };
  for (const s of STATUSES) dropped[s] += rb.dropped[s];
  return {
    kind: 'rfmSummaryPartial',
    formatVersion: 1,
    spec: a.spec,
    customers: [...byId.values()],
    report: {
      rowsIn: ra.rowsIn + rb.rowsIn,
      rowsUsed: ra.rowsUsed + rb.rowsUsed,
      dropped,
      kept: { zeroAmount: ra.kept.zeroAmount + rb.kept.zeroAmount, negativeAmount: ra.kept.negativeAmount + rb.kept.negativeAmount },
      customerPeriods: ra.customerPeriods + rb.customerPeriods,
      holdoutRows: ra.holdoutRows + rb.holdoutRows,
    },
  };
}

/**
 * Finishes a (merged) {@link RfmSummaryPartial} into value's `SummarizeTransactionsResult`: the
 * rows, holdout and report `summarizeTransactions` gives on the same log, with customers in
 * code-point order of their id (text) instead of order of first appearance.
 *
 * @throws {@link InvalidInputError} when no usable rows are left (as `summarizeTransactions`)
 * @example
 * ```ts
 * import { readRfmSummary, rfmSummaryResult, rfmSummarySql } from 'crmkit/connectors';
 * const q = rfmSummarySql({ table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-15', periodsPerUnit: 7 });
 * const c = [{ customer_id: 'a', periods: 2, first_period: 19723, last_period: 19730, first_spend: 0, spend: 0, holdout_periods: 0, holdout_spend: 0, min_period: 19723, max_period: 19730 }];
 * rfmSummaryResult(readRfmSummary(q, c, { rows_in: 2, rows_used: 2, customer_periods: 2 })).rows[0];
 * // => { customerId: 'a', frequency: 1, recency: 1, T: 2 }
 * ```
 * @category SQL
 */
export function rfmSummaryResult(partial: RfmSummaryPartial): SummarizeTransactionsResult {
  return rfmSummaryResultFor('connectors/rfmSummaryResult', partial);
}

/** rfmSummaryResult naming the public function `fn` in its errors. @internal */
export function rfmSummaryResultFor(fn: string, partial: RfmSummaryPartial): SummarizeTransactionsResult {
  const { spec, report: r } = partialArg(fn, 'partial', partial);
  if (r.rowsUsed === 0) throw new InvalidInputError(fn, 'no usable transactions are left after cleaning (see the policies)', r.dropped);
  const unit = spec.periodsPerUnit;
  const cal = spec.calibrationEndPeriod;
  const duration = (spec.observationEndPeriod - cal) / unit;
  const sorted = [...partial.customers].sort((x, y) => (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0));
  const rows: CustomerSummary[] = [];
  const holdout: HoldoutSummary[] = [];
  let onlyHoldout = 0;
  for (const c of sorted) {
    if (c.periods === 0 || c.firstPeriod === null || c.lastPeriod === null) {
      onlyHoldout++;
      continue;
    }
    const freq = c.periods - 1;
    const row: CustomerSummary = { customerId: c.customerId, frequency: freq, recency: (c.lastPeriod - c.firstPeriod) / unit, T: (cal - c.firstPeriod) / unit };
    if (spec.hasAmount) row.monetaryValue = freq === 0 ? 0 : (c.spend - c.firstSpend) / freq;
    rows.push(row);
    if (spec.hasCalibration) {
      const h: HoldoutSummary = { customerId: c.customerId, frequency: c.holdoutPeriods, duration };
      if (spec.hasAmount) h.monetaryValue = c.holdoutPeriods === 0 ? 0 : c.holdoutSpend / c.holdoutPeriods;
      holdout.push(h);
    }
  }
  const report: SummarizeTransactionsReport = {
    rowsIn: r.rowsIn,
    rowsUsed: r.rowsUsed,
    dropped: { ...r.dropped },
    kept: { ...r.kept },
    mergedIntoSamePeriod: r.rowsUsed - r.customerPeriods,
    customers: rows.length,
    customersOnlyInHoldout: onlyHoldout,
    holdoutRows: r.holdoutRows,
  };
  const result: SummarizeTransactionsResult = { rows, report };
  if (spec.hasCalibration) result.holdout = holdout;
  return result;
}
