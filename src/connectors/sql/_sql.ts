/**
 * Internal helpers of the SQL statements: identifier quoting, dialect switches, result-row reading.
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import type { SqlDialect, SqlRow, SqlStatement } from './types.js';

const MAX_IDENTIFIER = 128;

/**
 * A SQL identifier in double quotes (standard SQL, PostgreSQL, DuckDB, Snowflake). The name is
 * taken literally (case kept); embedded double quotes are doubled. Empty names, NUL and names longer
 * than 128 characters are refused, so no value can break out of the quotes.
 */
export function quoteIdentifier(fn: string, name: string, x: unknown): string {
  if (typeof x !== 'string' || x.length === 0 || x.length > MAX_IDENTIFIER || x.includes('\u0000')) {
    throw new InvalidOptionError(fn, `${name} must be a column or table name: a non-empty string of at most ${MAX_IDENTIFIER} characters without NUL`, x);
  }
  return `"${x.replace(/"/g, '""')}"`;
}

/** A table reference: `'orders'` or `['sales', 'orders']` (schema-qualified), each part quoted. */
export function tableReference(fn: string, x: unknown): string {
  if (Array.isArray(x)) {
    if (x.length < 1 || x.length > 3) throw new InvalidOptionError(fn, 'options.table must be a name or an array of 1–3 name parts (catalog, schema, table)', x);
    return x.map((p, i) => quoteIdentifier(fn, `options.table[${i}]`, p)).join('.');
  }
  return quoteIdentifier(fn, 'options.table', x);
}

/** Checks the dialect option (default `'duckdb'`). */
export function dialectOption(fn: string, x: unknown): SqlDialect {
  if (x === undefined) return 'duckdb';
  if (x === 'duckdb' || x === 'postgres') return x;
  throw new InvalidOptionError(fn, "options.dialect must be 'duckdb' or 'postgres'", x);
}

/** The dialect's text type for casts (`VARCHAR` in DuckDB, `TEXT` in PostgreSQL). */
export function textType(dialect: SqlDialect): string {
  return dialect === 'postgres' ? 'TEXT' : 'VARCHAR';
}

/**
 * Reads a numeric column value as returned by a driver: numbers, bigints (DuckDB BIGINT / HUGEINT)
 * and numeric strings (PostgreSQL `bigint` / `numeric` via node-postgres). NULL reads as 0 only when
 * `nullAsZero` (SUM over no rows).
 */
export function num(fn: string, row: SqlRow, column: string, nullAsZero = false): number {
  const v = row[column];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if ((v === null || v === undefined) && nullAsZero) return 0;
  throw new InvalidInputError(fn, `result column ${column} is not a number (did the statement run on the table it was built for?)`, v);
}

/** Reads a key column (customer id, arm, term, segment) as a string. */
export function key(fn: string, row: SqlRow, column: string): string {
  const v = row[column];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  throw new InvalidInputError(fn, `result column ${column} is not a key string`, v);
}

/** Builds a {@link SqlStatement}. */
export function statement(text: string, params: readonly (number | string)[], columns: readonly string[]): SqlStatement {
  return { text, params: [...params], columns: [...columns] };
}

/** Finite-number test as SQL: false for NULL, NaN and ±Infinity in both DuckDB and PostgreSQL. */
export function finiteSql(expr: string): string {
  // NaN sorts above every number in both engines, so the comparison is false for it too.
  return `(${expr} IS NOT NULL AND ABS(${expr}) <= 1.7976931348623157e308)`;
}

/** A numeric column read as DOUBLE: TRY_CAST in DuckDB (unreadable → NULL), CAST in PostgreSQL. */
export function doubleSql(dialect: SqlDialect, col: string): string {
  return dialect === 'duckdb' ? `TRY_CAST(${col} AS DOUBLE)` : `CAST(${col} AS DOUBLE PRECISION)`;
}
