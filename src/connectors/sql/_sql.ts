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
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint' && Number.isFinite(Number(v))) return Number(v);
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

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Map) && !(x instanceof Set) && !ArrayBuffer.isView(x);

/** A plain object (a summary keyed by arm / segment, a result row), else a typed error naming `name`. */
export function recordArg(fn: string, name: string, x: unknown): Record<string, unknown> {
  if (!isRecord(x)) throw new InvalidInputError(fn, `${name} must be an object`, x);
  return x;
}

/** Result rows: an array of objects keyed by column. */
export function rowsArg(fn: string, name: string, x: unknown): readonly SqlRow[] {
  if (!Array.isArray(x)) throw new InvalidInputError(fn, `${name} must be an array of result rows (objects keyed by column)`, x);
  for (let i = 0; i < x.length; i++) if (!isRecord(x[i])) throw new InvalidInputError(fn, `${name}[${i}] must be a result row (an object keyed by column)`, x[i]);
  return x as readonly SqlRow[];
}

function isStatement(x: unknown): boolean {
  const s = x as SqlStatement | null;
  return isRecord(s) && typeof s.text === 'string' && Array.isArray(s.params) && Array.isArray(s.columns) && s.columns.every((c) => typeof c === 'string');
}

/**
 * What a statement builder returned: an object holding the named statements and a `columns` object
 * whose values are column names (or null), as the readers use them in messages.
 */
export function builtArg<T>(fn: string, x: unknown, builder: string, statements: readonly string[], columns: readonly string[]): T {
  const what = `sql must be what ${builder} returns`;
  if (!isRecord(x)) throw new InvalidInputError(fn, what, x);
  for (const s of statements) if (!isStatement(x[s])) throw new InvalidInputError(fn, `${what} (sql.${s} is not a statement)`, x[s]);
  const c = x['columns'];
  if (!isRecord(c)) throw new InvalidInputError(fn, `${what} (sql.columns is not an object)`, c);
  for (const k of columns) if (typeof c[k] !== 'string') throw new InvalidInputError(fn, `${what} (sql.columns.${k} is not a column name)`, c[k]);
  for (const [k, v] of Object.entries(c)) if (!(v === undefined || v === null || typeof v === 'string')) throw new InvalidInputError(fn, `${what} (sql.columns.${k} is not a column name)`, v);
  return x as T;
}

/** The readers' `{ engine }` options. */
export function engineOption(fn: string, options: unknown): string {
  if (options === undefined) return 'the SQL engine';
  if (!isRecord(options)) throw new InvalidOptionError(fn, 'options must be an object', options);
  for (const k of Object.keys(options)) if (k !== 'engine') throw new InvalidOptionError(fn, `unknown option '${k}'; allowed: engine`, k);
  const e = options['engine'];
  if (e === undefined) return 'the SQL engine';
  if (typeof e !== 'string' || e.length === 0 || e.length > 100) throw new InvalidOptionError(fn, 'options.engine must be a short engine name', e);
  return e;
}

/** A summary keyed by arm / segment: an object whose values are objects with the given count and sum fields. */
export function keyedSums<T>(fn: string, name: string, x: unknown, counts: readonly string[], sums: readonly string[]): Record<string, T> {
  const rec = recordArg(fn, name, x);
  for (const [k, v] of Object.entries(rec)) {
    const path = `${name}[${JSON.stringify(k).slice(0, 40)}]`;
    const o = recordArg(fn, path, v);
    for (const f of counts) countArg(fn, `${path}.${f}`, o[f]);
    for (const f of sums) sumArg(fn, `${path}.${f}`, o[f]);
  }
  return rec as Record<string, T>;
}

/** A count in a summary: an integer in [0, 2^53). */
export function countArg(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new InvalidInputError(fn, `${name} must be a count (an integer >= 0)`, x);
  return x;
}

/** A sum in a summary: a finite number. */
export function sumArg(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidInputError(fn, `${name} must be a finite number`, x);
  return x;
}

/** `a + b` for merged sums and counts: a typed error when the total overflows. */
export function add(fn: string, name: string, a: number, b: number): number {
  const s = a + b;
  if (!Number.isFinite(s)) throw new InvalidInputError(fn, `${name} overflows when the two summaries are added`, [a, b]);
  return s;
}

/** A null-prototype object for results keyed by user data (`__proto__` is an ordinary arm name). */
export function keyed<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
