import { AbortError, ConnectorError, CrmkitError, InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import type { SummarizeTransactionsResult } from '../../value/summarizeTransactions.js';
import { armSumsSqlFor, ratioSumsSqlFor, readArmSumsFor, readRatioSumsFor, type ArmSums, type ArmSumsSqlOptions, type RatioSums, type RatioSumsSqlOptions } from './armSumsSql.js';
import { edgeListSqlFor, readEdgeListFor, type EdgeListSqlOptions, type WeightedEdge } from './edgeListSql.js';
import { readRfmSummaryFor, rfmSummaryResultFor, rfmSummarySqlFor, type RfmSummaryPartial, type RfmSummarySqlOptions } from './rfmSummarySql.js';
import { readSegmentSumsFor, segmentSumsSqlFor, type SegmentSums, type SegmentSumsSqlOptions } from './segmentSumsSql.js';
import { readTermCountsFor, termCountsSqlFor, type TermCounts, type TermCountsSqlOptions } from './termCountsSql.js';
import { rowsArg } from './_sql.js';
import type { SqlRow, SqlRunner, SqlStatement } from './types.js';

/** Options every `run…` helper takes besides the statement's own. @category SQL */
export interface RunSqlOptions {
  /** Stops the work; the runner interrupts the running statement where its driver can. */
  signal?: AbortSignal;
}

/**
 * Re-throws an engine's error on the RFM statements naming the column it concerns: a cast of the
 * date or amount column that failed (PostgreSQL has no TRY_CAST), or a column that does not exist.
 */
function columnError(fn: string, e: unknown, columns: { customerId: string; date: string; amount: string | null }, engine: string): unknown {
  if (!(e instanceof Error)) return e;
  const msg = e.message;
  let col: string | undefined;
  if (/type (date|timestamp)|date\/time|datetime/i.test(msg)) col = columns.date;
  else if (/type (double|numeric|real|integer|bigint)/i.test(msg)) col = columns.amount ?? undefined;
  else {
    for (const c of [columns.customerId, columns.date, ...(columns.amount === null ? [] : columns.amount.split('·'))]) if (msg.includes(`"${c}"`) || msg.includes(`"${c.toLowerCase()}"`)) col = c;
  }
  if (col === undefined) return e;
  const err = new InvalidInputError(fn, `column "${col}" could not be read by the engine (${engine}): ${msg.slice(0, 300)}`, col);
  (err as { cause?: unknown }).cause = e;
  return err;
}


/** The `run…` options: the builder's options plus a checked `signal`. */
function runOptions<O>(fn: string, options: unknown): { o: O; signal: AbortSignal | undefined } {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new InvalidOptionError(fn, 'options must be an object', options);
  const { signal, ...o } = options as { signal?: unknown };
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new InvalidOptionError(fn, 'options.signal must be an AbortSignal', signal);
  return { o: o as O, signal };
}

/**
 * Runs one statement through the runner: a failure of the runner is a {@link ConnectorError} with
 * its error as `cause` (or a typed error naming the column it concerns), an abort an
 * {@link AbortError}, and the rows must be an array of objects.
 */
async function query(fn: string, r: SqlRunner, st: SqlStatement, signal: AbortSignal | undefined, columns?: { customerId: string; date: string; amount: string | null }): Promise<readonly SqlRow[]> {
  let rows: unknown;
  try {
    rows = await r.query(st, signal === undefined ? {} : { signal });
  } catch (e) {
    if (signal?.aborted) throw new AbortError(fn, signal.reason);
    const mapped = columns === undefined ? e : columnError(fn, e, columns, r.engine);
    if (mapped instanceof CrmkitError && mapped.fn === fn) throw mapped;
    throw new ConnectorError(fn, `the query failed on ${r.engine}`, e);
  }
  if (signal?.aborted) throw new AbortError(fn, signal.reason);
  return rowsArg(fn, `the rows ${r.engine} returned`, rows);
}

function checkRunner(fn: string, runner: unknown): SqlRunner {
  if (runner === null || typeof runner !== 'object' || typeof (runner as SqlRunner).query !== 'function' || typeof (runner as SqlRunner).engine !== 'string') {
    throw new InvalidOptionError(fn, 'runner must be a SqlRunner { engine, query(statement) } (openDuckDb or connectPostgres from crmkit/connectors/node)', runner);
  }
  return runner as SqlRunner;
}

/**
 * Runs {@link rfmSummarySql}'s `combined` statement (one scan of the table) through a runner and returns the mergeable partial
 * (for shards) — see {@link runRfmSummary} for the finished result.
 * @throws {@link InvalidInputError} naming the column and engine when rows broke an `'error'` policy
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { runRfmSummaryPartial, type SqlRunner } from 'crmkit/connectors';
 * // A stand-in runner; use openDuckDb / connectPostgres from crmkit/connectors/node in practice.
 * const runner: SqlRunner = { engine: 'demo', query: async () => [{ rows_in: 1, rows_used: 1, customer_periods: 1, customer_id: 'a', periods: 1, first_period: 19723, last_period: 19723, holdout_periods: 0, min_period: 19723, max_period: 19723 }] };
 * const p = await runRfmSummaryPartial(runner, { table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-10' });
 * p.customers.length; // => 1
 * ```
 * @category SQL
 */
export async function runRfmSummaryPartial(runner: SqlRunner, options: RfmSummarySqlOptions & RunSqlOptions): Promise<RfmSummaryPartial> {
  return runRfmSummaryPartialFor('connectors/runRfmSummaryPartial', runner, options);
}

/** runRfmSummaryPartial naming the public function `fn` in its errors. @internal */
export async function runRfmSummaryPartialFor(fn: string, runner: SqlRunner, options: RfmSummarySqlOptions & RunSqlOptions): Promise<RfmSummaryPartial> {
  const r = checkRunner(fn, runner);
  const { o, signal } = runOptions<RfmSummarySqlOptions>(fn, options);
  const task = taskControl(fn, signal === undefined ? {} : { signal });
  const q = rfmSummarySqlFor(fn, o);
  const rows = await query(fn, r, q.combined, signal, q.spec.columns);
  task.throwIfAborted();
  const reportRow = rows[0] ?? {};
  const customers = rows.filter((row) => row.customer_id !== null && row.customer_id !== undefined);
  return readRfmSummaryFor(fn, q, customers, reportRow, { engine: r.engine });
}

/**
 * Summarizes a transaction table per customer in the database: value's `summarizeTransactions`
 * result (rows, holdout, report) computed by {@link rfmSummarySql} where the data lives.
 * @throws {@link InvalidInputError} naming the column and engine when rows broke an `'error'` policy, or no usable rows remain
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { runRfmSummary, type SqlRunner } from 'crmkit/connectors';
 * const runner: SqlRunner = { engine: 'demo', query: async () => [{ rows_in: 2, rows_used: 2, customer_periods: 2, customer_id: 'a', periods: 2, first_period: 19723, last_period: 19730, holdout_periods: 0, min_period: 19723, max_period: 19730 }] };
 * (await runRfmSummary(runner, { table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-15', periodsPerUnit: 7 })).rows;
 * // => [{ customerId: 'a', frequency: 1, recency: 1, T: 2 }]
 * ```
 * @category SQL
 */
export async function runRfmSummary(runner: SqlRunner, options: RfmSummarySqlOptions & RunSqlOptions): Promise<SummarizeTransactionsResult> {
  const fn = 'connectors/runRfmSummary';
  return rfmSummaryResultFor(fn, await runRfmSummaryPartialFor(fn, runner, options));
}

/**
 * Runs {@link armSumsSql} through a runner: per-arm n, sums, squares and CUPED cross-products.
 * @example
 * ```ts
 * import { runArmSums, type SqlRunner } from 'crmkit/connectors';
 * const runner: SqlRunner = { engine: 'demo', query: async () => [{ arm: 'A', n: 2, sum: 3, sum_squares: 5, covariate_sum: 0, covariate_sum_squares: 0, sum_products: 0, bad_rows: 0 }] };
 * (await runArmSums(runner, { table: 't', arm: 'arm', metric: 'y' })).A!.n; // => 2
 * ```
 * @category SQL
 */
export async function runArmSums(runner: SqlRunner, options: ArmSumsSqlOptions & RunSqlOptions): Promise<Record<string, ArmSums>> {
  const fn = 'connectors/runArmSums';
  const r = checkRunner(fn, runner);
  const { o, signal } = runOptions<ArmSumsSqlOptions>(fn, options);
  const q = armSumsSqlFor(fn, o);
  return readArmSumsFor(fn, q, await query(fn, r, q.statement, signal), { engine: r.engine });
}

/**
 * Runs {@link ratioSumsSql} through a runner: experiment's `RatioSums` per arm.
 * @example
 * ```ts
 * import { runRatioSums, type SqlRunner } from 'crmkit/connectors';
 * const runner: SqlRunner = { engine: 'demo', query: async () => [{ arm: 'A', n: 2, sum_numerator: 3, sum_denominator: 4, sum_numerator_squares: 5, sum_denominator_squares: 8, sum_products: 6, bad_rows: 0 }] };
 * (await runRatioSums(runner, { table: 't', arm: 'arm', numerator: 'rev', denominator: 'visits' })).A!.sumDenominator; // => 4
 * ```
 * @category SQL
 */
export async function runRatioSums(runner: SqlRunner, options: RatioSumsSqlOptions & RunSqlOptions): Promise<Record<string, RatioSums>> {
  const fn = 'connectors/runRatioSums';
  const r = checkRunner(fn, runner);
  const { o, signal } = runOptions<RatioSumsSqlOptions>(fn, options);
  const q = ratioSumsSqlFor(fn, o);
  return readRatioSumsFor(fn, q, await query(fn, r, q.statement, signal), { engine: r.engine });
}

/**
 * Runs {@link termCountsSql} through a runner: document frequencies and counts for TF-IDF.
 * @example
 * ```ts
 * import { runTermCounts, type SqlRunner } from 'crmkit/connectors';
 * const runner: SqlRunner = { engine: 'demo', query: async (s) => (s.columns[0] === 'term' ? [{ term: 'late', document_frequency: 2, count: 2 }] : [{ documents: 3, bad_rows: 0 }]) };
 * (await runTermCounts(runner, { table: 't', document: 'd', term: 'w' })).nDocuments; // => 3
 * ```
 * @category SQL
 */
export async function runTermCounts(runner: SqlRunner, options: TermCountsSqlOptions & RunSqlOptions): Promise<TermCounts> {
  const fn = 'connectors/runTermCounts';
  const r = checkRunner(fn, runner);
  const { o, signal } = runOptions<TermCountsSqlOptions>(fn, options);
  const q = termCountsSqlFor(fn, o);
  const docs = await query(fn, r, q.documents, signal);
  return readTermCountsFor(fn, q, await query(fn, r, q.terms, signal), docs[0] ?? {}, { engine: r.engine });
}

/**
 * Runs {@link edgeListSql} through a runner: the weighted, de-duplicated edge list.
 * @example
 * ```ts
 * import { runEdgeList, type SqlRunner } from 'crmkit/connectors';
 * const runner: SqlRunner = { engine: 'demo', query: async () => [{ source: 'a', target: 'b', weight: 2, count: 2, bad_rows: 0 }] };
 * (await runEdgeList(runner, { table: 't', source: 's', target: 't' }))[0]!.weight; // => 2
 * ```
 * @category SQL
 */
export async function runEdgeList(runner: SqlRunner, options: EdgeListSqlOptions & RunSqlOptions): Promise<WeightedEdge[]> {
  const fn = 'connectors/runEdgeList';
  const r = checkRunner(fn, runner);
  const { o, signal } = runOptions<EdgeListSqlOptions>(fn, options);
  const q = edgeListSqlFor(fn, o);
  return readEdgeListFor(fn, q, await query(fn, r, q.statement, signal), { engine: r.engine });
}

/**
 * Runs {@link segmentSumsSql} through a runner: per-segment n, Σx and Σx².
 * @example
 * ```ts
 * import { runSegmentSums, type SqlRunner } from 'crmkit/connectors';
 * const runner: SqlRunner = { engine: 'demo', query: async () => [{ segment: '0', n: 2, sum_0: 3, sum_squares_0: 5, bad_rows: 0 }] };
 * (await runSegmentSums(runner, { table: 't', segment: 'k', features: ['x'] }))['0']!.sums; // => [3]
 * ```
 * @category SQL
 */
export async function runSegmentSums(runner: SqlRunner, options: SegmentSumsSqlOptions & RunSqlOptions): Promise<Record<string, SegmentSums>> {
  const fn = 'connectors/runSegmentSums';
  const r = checkRunner(fn, runner);
  const { o, signal } = runOptions<SegmentSumsSqlOptions>(fn, options);
  const q = segmentSumsSqlFor(fn, o);
  return readSegmentSumsFor(fn, q, await query(fn, r, q.statement, signal), { engine: r.engine });
}
