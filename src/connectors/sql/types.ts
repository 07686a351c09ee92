/**
 * Shared types of the SQL statements in `crmkit/connectors` (`sql*` builders).
 *
 * @module
 */

/**
 * The SQL engine a statement is written for. The statements are standard SQL (CTEs, `GROUP BY`,
 * window functions, `CAST`) and differ only in a few spots: `'duckdb'` reads numbers and dates with
 * `TRY_CAST` (unreadable values become NULL and are counted), `'postgres'` with `CAST` (unreadable
 * text is an error of the server) and compares strings with `COLLATE "C"`.
 * @category SQL
 */
export type SqlDialect = 'duckdb' | 'postgres';

/**
 * One SQL statement: its text with `$1, $2, …` placeholders, the values to bind to them, and the
 * names of the result columns. Identifiers are quoted inside the text; values are never spliced in.
 * @category SQL
 */
export interface SqlStatement {
  text: string;
  params: (number | string)[];
  columns: string[];
}

/** A result row as a database driver returns it (numbers may come as `bigint` or numeric strings). @category SQL */
export type SqlRow = Record<string, unknown>;

/**
 * Anything that runs a {@link SqlStatement} and returns its rows: the DuckDB and PostgreSQL adapters
 * of `crmkit/connectors/node`, or your own wrapper around a warehouse client.
 * @category SQL
 */
export interface SqlRunner {
  /** Engine name used in error messages (`'duckdb'`, `'postgres'`, `'bigquery'`, …). */
  readonly engine: string;
  /** Runs one statement with its parameters bound, resolving to all result rows. */
  query(statement: SqlStatement, options?: { signal?: AbortSignal }): Promise<SqlRow[]>;
}
