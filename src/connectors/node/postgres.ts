import { ConnectorError, InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import { integerInRange, options as checkOptions } from '../../core/validate.js';
import type { SqlRow, SqlRunner, SqlStatement } from '../sql/types.js';

/** Options of {@link connectPostgres}. @category SQL engines */
export interface ConnectPostgresOptions {
  /** A `postgresql://user@host:port/db` URL; or give `config`. */
  connectionString?: string;
  /** A node-postgres `ClientConfig` (host, port, user, password, database, ssl, …), passed through. */
  config?: Record<string, unknown>;
  /** Rows fetched per round trip when streaming. @defaultValue 10000 */
  batchSize?: number;
}

/** A PostgreSQL connection as a {@link SqlRunner}, with streamed results. @category SQL engines */
export interface PostgresRunner extends SqlRunner {
  readonly engine: 'postgres';
  /** Runs a statement through a server-side cursor, yielding batches of rows as they arrive. */
  stream(statement: SqlStatement, options?: { signal?: AbortSignal; batchSize?: number }): AsyncGenerator<SqlRow[]>;
  /** Runs a statement that returns no rows of interest (DDL, COPY-less loading); returns the affected row count. */
  execute(text: string, params?: readonly unknown[]): Promise<number>;
  /** Closes the connection. */
  close(): Promise<void>;
}

const FN = 'connectors/connectPostgres';
const PACKAGE = 'pg';

interface PgClient {
  connect(): Promise<void>;
  query(text: string, values?: readonly unknown[]): Promise<{ rows: SqlRow[]; rowCount: number | null }>;
  end(): Promise<void>;
  on(event: 'error', cb: (e: unknown) => void): void;
}

async function loadPg(): Promise<{ Client: new (config: Record<string, unknown>) => PgClient }> {
  try {
    const m = (await import('pg')) as unknown as { default?: { Client: unknown }; Client?: unknown };
    const Client = (m.Client ?? m.default?.Client) as new (config: Record<string, unknown>) => PgClient;
    return { Client };
  } catch (e) {
    throw new ConnectorError(FN, `the PostgreSQL engine needs the optional peer dependency '${PACKAGE}', which is not installed (npm i ${PACKAGE})`, e);
  }
}

function engineError(fn: string, e: unknown, text: string): InvalidInputError {
  const msg = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 300) : String(e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? ` [SQLSTATE ${String((e as { code: unknown }).code)}]` : '';
  const err = new InvalidInputError(fn, `PostgreSQL could not run the statement: ${msg}${code} (engine: postgres)`, text.slice(0, 80));
  (err as { cause?: unknown }).cause = e;
  return err;
}

/**
 * Connects to a PostgreSQL server as a {@link SqlRunner} for the SQL statements of
 * `crmkit/connectors`, so summaries are computed where the data lives.
 *
 * @remarks `pg` (node-postgres) is an optional peer dependency, imported only when this is called.
 * The session's `TimeZone` is set to UTC so TIMESTAMPTZ columns fall on UTC days as in the
 * in-memory functions. `query` reads through {@link PostgresRunner.stream} (a server-side cursor in
 * a read-only transaction, `batchSize` rows per round trip), so a big result never sits in one
 * message; `signal` is checked between batches and closes the cursor. Server errors on a statement
 * (a missing column, text that does not cast to a date) become {@link InvalidInputError} naming the
 * engine and carrying the server's message and SQLSTATE; the driver's error is the `cause`.
 * @throws {@link ConnectorError} when `pg` is not installed or the connection fails (the driver's error as `cause`)
 * @throws {@link InvalidOptionError} on a malformed option
 * @example
 * ```ts
 * import { connectPostgres } from 'crmkit/connectors/node';
 * const url = process.env.CRMKIT_PG_URL;
 * if (url !== undefined) {
 *   const pg = await connectPostgres({ connectionString: url });
 *   const rows = await pg.query({ text: 'SELECT CAST($1 AS INTEGER) + 1 AS x', params: [41], columns: ['x'] });
 *   await pg.close();
 *   console.log(rows); // [{ x: 42 }]
 * }
 * ```
 * @category SQL engines
 */
export async function connectPostgres(options: ConnectPostgresOptions): Promise<PostgresRunner> {
  const o = checkOptions(FN, options, ['connectionString', 'config', 'batchSize']);
  if (o.connectionString === undefined && o.config === undefined) throw new InvalidOptionError(FN, 'options.connectionString or options.config is required', undefined);
  if (o.connectionString !== undefined && typeof o.connectionString !== 'string') throw new InvalidOptionError(FN, 'options.connectionString must be a string', o.connectionString);
  if (o.config !== undefined && (o.config === null || typeof o.config !== 'object')) throw new InvalidOptionError(FN, 'options.config must be a node-postgres client config object', o.config);
  const defaultBatch = o.batchSize === undefined ? 10_000 : integerInRange(FN, 'options.batchSize', o.batchSize, { min: 1 });
  const { Client } = await loadPg();
  const client = new Client({ ...(o.config ?? {}), ...(o.connectionString !== undefined && { connectionString: o.connectionString }) });
  let broken: unknown;
  client.on('error', (e) => {
    broken = e;
  });
  try {
    await client.connect();
    await client.query("SET TimeZone = 'UTC'");
  } catch (e) {
    throw new ConnectorError(FN, `could not connect to PostgreSQL (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'})`, e);
  }
  let cursors = 0;
  async function* stream(stmt: SqlStatement, opts: { signal?: AbortSignal; batchSize?: number } = {}): AsyncGenerator<SqlRow[]> {
    const fn = 'connectors/postgres.stream';
    const task = taskControl(fn, opts.signal === undefined ? {} : { signal: opts.signal });
    const batch = opts.batchSize === undefined ? defaultBatch : integerInRange(fn, 'options.batchSize', opts.batchSize, { min: 1 });
    if (broken !== undefined) throw new ConnectorError(fn, 'the PostgreSQL connection was lost', broken);
    const name = `crmkit_cursor_${++cursors}`;
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${stmt.text}`, stmt.params);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw engineError(fn, e, stmt.text);
    }
    let done = false;
    try {
      for (;;) {
        task.throwIfAborted();
        let res: { rows: SqlRow[] };
        try {
          res = await client.query(`FETCH ${batch} FROM ${name}`);
        } catch (e) {
          throw engineError(fn, e, stmt.text);
        }
        if (res.rows.length > 0) yield res.rows;
        if (res.rows.length < batch) break;
      }
      done = true;
    } finally {
      await client.query(done ? 'COMMIT' : 'ROLLBACK').catch(() => undefined);
    }
  }
  return {
    engine: 'postgres',
    stream,
    async query(stmt: SqlStatement, opts: { signal?: AbortSignal } = {}): Promise<SqlRow[]> {
      const out: SqlRow[] = [];
      for await (const rows of stream(stmt, opts)) for (const r of rows) out.push(r);
      return out;
    },
    async execute(text: string, params: readonly unknown[] = []): Promise<number> {
      try {
        return (await client.query(text, params)).rowCount ?? 0;
      } catch (e) {
        throw engineError('connectors/postgres.execute', e, text);
      }
    },
    async close(): Promise<void> {
      await client.end();
    },
  };
}
