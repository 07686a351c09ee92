import { ConnectorError, InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import { integerInRange, options as checkOptions, string } from '../../core/validate.js';
import { quoteIdentifier } from '../sql/_sql.js';
import type { SqlRow, SqlRunner, SqlStatement } from '../sql/types.js';

/** Options of {@link openDuckDb}. @category SQL engines */
export interface OpenDuckDbOptions {
  /** DuckDB's `memory_limit`, e.g. `'1GB'` or `'512MB'` (it spills to disk past it). @defaultValue DuckDB's (80% of RAM) */
  memoryLimit?: string;
  /** Worker threads. @defaultValue DuckDB's (all cores) */
  threads?: number;
  /** Database file; in memory when absent. */
  path?: string;
}

/** Options of {@link DuckDbRunner.attachFile}. @category SQL engines */
export interface AttachFileOptions {
  /** `'csv'` (also `.csv.gz`, `.tsv`) or `'parquet'`. @defaultValue from the file's extension */
  format?: 'csv' | 'parquet';
  /** CSV field delimiter. @defaultValue auto-detected */
  delimiter?: string;
  /**
   * Dates in a text column that DuckDB would not read by itself (e.g. CDNOW's `YYYYMMDD`): the
   * column and its `strptime` format; unreadable values become NULL (the `invalidDate` policy).
   */
  dateFormat?: { column: string; format: string };
  /**
   * Read the file once into a temporary DuckDB table (spilling to disk past `memoryLimit`) instead of
   * a view that re-reads it: faster when several statements run on it (an RFM summary runs two).
   * @defaultValue false
   */
  materialize?: boolean;
}

/** A DuckDB connection as a {@link SqlRunner}, able to expose CSV / Parquet files as views. @category SQL engines */
export interface DuckDbRunner extends SqlRunner {
  readonly engine: 'duckdb';
  /** Creates (or replaces) a temporary view (or with `materialize`, table) `name` over a CSV, `.csv.gz` or Parquet file (or glob). */
  attachFile(name: string, path: string, options?: AttachFileOptions): Promise<void>;
  /** Closes the connection and the database. */
  close(): void;
}

const FN = 'connectors/openDuckDb';
const PACKAGE = '@duckdb/node-api';

/** A string literal for DDL that cannot take parameters (file paths, formats): quotes doubled, NUL refused. */
function literal(fn: string, name: string, x: unknown): string {
  const s = string(fn, name, x);
  if (s.includes('\u0000')) throw new InvalidOptionError(fn, `${name} must not contain NUL`, s);
  return `'${s.replace(/'/g, "''")}'`;
}

type DuckModule = typeof import('@duckdb/node-api');

/** Loads the optional peer lazily; a typed error naming the package when it is absent. */
async function loadDuckDb(fn: string): Promise<DuckModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (e) {
    throw new ConnectorError(fn, `the DuckDB engine needs the optional peer dependency '${PACKAGE}', which is not installed (npm i ${PACKAGE})`, e);
  }
}

/**
 * Opens an embedded DuckDB database (in memory by default) as a {@link SqlRunner} for the SQL
 * statements of `crmkit/connectors` — the way to summarize logs larger than memory, or files
 * straight from disk, with the same numbers as the in-memory functions.
 *
 * @remarks `@duckdb/node-api` is an optional peer dependency, imported only when this is called.
 * The session time zone is set to UTC where DuckDB has its ICU extension, so TIMESTAMPTZ values fall
 * on UTC days as in the in-memory functions. `query` binds the statement's `$n` parameters; on
 * `signal` it interrupts the running statement and throws `AbortError`. Engine errors (a missing
 * column, a type that cannot be cast) become {@link InvalidInputError} naming the engine, with the
 * engine's message.
 * @throws {@link ConnectorError} when `@duckdb/node-api` is not installed or the database cannot be opened
 * @throws {@link InvalidOptionError} on a malformed option
 * @example
 * ```ts
 * import { openDuckDb } from 'crmkit/connectors/node';
 * const db = await openDuckDb({ threads: 1, memoryLimit: '256MB' });
 * const rows = await db.query({ text: 'SELECT 40 + $1 AS x', params: [2], columns: ['x'] });
 * db.close();
 * rows; // => [{ x: 42 }]
 * ```
 * @category SQL engines
 */
export async function openDuckDb(options: OpenDuckDbOptions = {}): Promise<DuckDbRunner> {
  const o = checkOptions(FN, options, ['memoryLimit', 'threads', 'path']);
  const config: Record<string, string> = {};
  if (o.memoryLimit !== undefined) {
    const m = string(FN, 'options.memoryLimit', o.memoryLimit);
    if (!/^\d+(\.\d+)?\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(m)) throw new InvalidOptionError(FN, "options.memoryLimit must be a size such as '512MB' or '2GB'", m);
    config.memory_limit = m;
  }
  if (o.threads !== undefined) config.threads = String(integerInRange(FN, 'options.threads', o.threads, { min: 1, max: 1024 }));
  const path = o.path === undefined ? ':memory:' : string(FN, 'options.path', o.path);
  const duck = await loadDuckDb(FN);
  let instance: Awaited<ReturnType<DuckModule['DuckDBInstance']['create']>>;
  let conn: Awaited<ReturnType<typeof instance.connect>>;
  try {
    instance = await duck.DuckDBInstance.create(path, config);
    conn = await instance.connect();
  } catch (e) {
    throw new ConnectorError(FN, `DuckDB could not open the database (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'})`, e);
  }
  try {
    await conn.run("SET TimeZone = 'UTC'");
  } catch {
    // Without ICU there is no TIMESTAMPTZ zone handling; TIMESTAMP / DATE columns do not need it.
  }
  const query = async (stmt: SqlStatement, opts: { signal?: AbortSignal } = {}): Promise<SqlRow[]> => {
    const fn = 'connectors/duckdb.query';
    const task = taskControl(fn, opts.signal === undefined ? {} : { signal: opts.signal });
    const onAbort = (): void => conn.interrupt();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reader = await conn.runAndReadAll(stmt.text, stmt.params);
      task.throwIfAborted();
      return reader.getRowObjectsJS() as SqlRow[];
    } catch (e) {
      task.throwIfAborted();
      if (e instanceof InvalidInputError) throw e;
      throw new InvalidInputError(fn, `DuckDB could not run the statement: ${e instanceof Error ? e.message.split('\n')[0]!.slice(0, 300) : String(e)} (engine: duckdb)`, stmt.text.slice(0, 80));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  };
  return {
    engine: 'duckdb',
    query,
    async attachFile(name: string, filePath: string, fileOptions: AttachFileOptions = {}): Promise<void> {
      const fn = 'connectors/duckdb.attachFile';
      const fo = checkOptions(fn, fileOptions, ['format', 'delimiter', 'dateFormat', 'materialize']);
      const view = quoteIdentifier(fn, 'name', name);
      const p = literal(fn, 'path', filePath);
      const format = fo.format ?? (/\.parquet$/i.test(filePath) ? 'parquet' : 'csv');
      if (format !== 'csv' && format !== 'parquet') throw new InvalidOptionError(fn, "options.format must be 'csv' or 'parquet'", format);
      let src = format === 'parquet' ? `read_parquet(${p})` : `read_csv(${p}${fo.delimiter === undefined ? '' : `, delim = ${literal(fn, 'options.delimiter', fo.delimiter)}`})`;
      if (fo.dateFormat !== undefined) {
        const col = quoteIdentifier(fn, 'options.dateFormat.column', fo.dateFormat.column);
        src = `(SELECT * REPLACE (try_strptime(CAST(${col} AS VARCHAR), ${literal(fn, 'options.dateFormat.format', fo.dateFormat.format)}) AS ${col}) FROM ${src})`;
      }
      try {
        await conn.run(`DROP VIEW IF EXISTS ${view}`).catch(() => undefined);
        await conn.run(`DROP TABLE IF EXISTS ${view}`).catch(() => undefined);
        await conn.run(`CREATE TEMP ${fo.materialize === true ? 'TABLE' : 'VIEW'} ${view} AS SELECT * FROM ${src}`);
      } catch (e) {
        throw new ConnectorError(fn, `DuckDB could not read the file as ${format} (${e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : 'unknown error'})`, e);
      }
    },
    close(): void {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
