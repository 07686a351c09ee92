import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import type { Customer } from '../../core/types.js';
import { options as checkOptions } from '../../core/validate.js';
import type { ReadReport } from '../_columns.js';
import type { CustomerPage, CustomerStore, EventSink, StoredCustomer, WriteRequest } from '../types.js';
import { FILE_READ_KEYS, FileTable, fileFormat, rowsReader, type FileReadOptions } from './_fileRows.js';

/** Options of {@link createFileSink}. */
export interface FileSinkOptions<T> extends FileReadOptions {
  /** Key of a record (the upsert key). @defaultValue `record.id` */
  keyOf?: (record: T) => string;
}

/** The file {@link EventSink} that {@link createFileSink} returns. */
export interface FileSink<T> extends EventSink<T> {
  /** The file written. */
  readonly path: string;
  /** The records the file holds, by key, in file order (reads the file on first use). */
  records(): Promise<ReadonlyMap<string, T>>;
  /** Torn last lines (from a crash during an append) cut off when the file was opened. */
  readonly recoveredLines: number;
  /** What reading the existing file saw. */
  readonly report: ReadReport;
}

function checkRequest(fn: string, req: unknown): AbortSignal {
  const signal = (req as WriteRequest | null)?.signal;
  if (!(signal instanceof AbortSignal)) throw new InvalidInputError(fn, 'the request must be { signal: AbortSignal }', req);
  return signal;
}

/**
 * An {@link EventSink} that upserts records by key into a JSON Lines or CSV file, for results
 * written back (scores, segments) and as the target of `syncPosts` / `syncTransactions`.
 *
 * @remarks The file holds each key once at every moment a write has returned. A batch of new keys
 * is appended to a JSON Lines file; a batch that replaces or deletes keys, and every CSV write,
 * rewrites the file atomically (a temporary file, flushed, renamed over it), so a crash leaves the
 * old or the new file, never a mix. A crash during an append can leave a last line without its
 * line end: it is cut off when the file is next opened and counted in `recoveredLines`; that write
 * never returned, so a sync re-sends it from its checkpoint. The file's records are held in memory
 * (read on first use); one writer per file. CSV columns are the union of the records' fields;
 * values read back from CSV are strings unless `columns` types them. Gzip is not supported here
 * (the file is appended to).
 * @throws {@link InvalidInputError} when `path` is not a plain `.jsonl`/`.csv` path; (from `write`)
 * for a record without a key or a value the format cannot carry
 * @throws {@link ConnectorError} (from `write`/`delete`) when the file system fails, its error as `cause`
 * @throws {@link InvalidOptionError} for a bad option
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createFileSink } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'scores.jsonl');
 * const sink = createFileSink<{ id: string; clv: number }>(file);
 * const signal = new AbortController().signal;
 * await sink.write([{ id: 'c1', clv: 10 }, { id: 'c2', clv: 4 }], { signal });
 * await sink.write([{ id: 'c1', clv: 12 }], { signal });
 * readFileSync(file, 'utf8'); // => '{"id":"c1","clv":12}\n{"id":"c2","clv":4}\n'
 * ```
 * @category Sync
 */
export function createFileSink<T = Record<string, unknown>>(path: string, options: FileSinkOptions<T> = {}): FileSink<T> {
  const fn = 'connectors/createFileSink';
  const o = checkOptions(fn, options, [...FILE_READ_KEYS, 'keyOf']);
  const format = fileFormat(fn, path, o.format);
  if (o.keyOf !== undefined && typeof o.keyOf !== 'function') throw new InvalidOptionError(fn, 'options.keyOf must be a function', o.keyOf);
  const keyOf = o.keyOf ?? ((r: T) => (r as { id?: unknown } | null)?.id as string);
  const table = new FileTable<T>(fn, path, format, rowsReader(fn, path, format, o), keyOf, o.delimiter);
  return {
    path,
    get recoveredLines() {
      return table.recoveredLines;
    },
    get report() {
      return table.report;
    },
    async records() {
      return new Map(await table.load(taskControl(fn, {})));
    },
    async write(records, req) {
      const signal = checkRequest(fn, req);
      if (!Array.isArray(records)) throw new InvalidInputError(fn, 'records must be an array', records);
      await table.upsert(records, taskControl(fn, { signal }));
    },
    async delete(keys, req) {
      const signal = checkRequest(fn, req);
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new InvalidInputError(fn, 'keys must be an array of strings', keys);
      await table.remove(keys, taskControl(fn, { signal }));
    },
  };
}

/** Options of {@link createFileCustomerStore}. */
export interface FileCustomerStoreOptions extends FileReadOptions {
  /** Time of a write (epoch ms). @defaultValue `Date.now` */
  now?: () => number;
}

/** The file {@link CustomerStore} that {@link createFileCustomerStore} returns. */
export interface FileCustomerStore extends CustomerStore {
  /** The file written. */
  readonly path: string;
  /** Torn last lines (from a crash during an append) cut off when the file was opened. */
  readonly recoveredLines: number;
}

/**
 * A {@link CustomerStore} in a JSON Lines (or CSV, for flat customers) file: list, get, upsert and
 * delete by id, each write giving the customer a new integer `version` and `updatedAt`, so
 * `syncCustomers` can detect conflicts and propagate deletes.
 *
 * @remarks Same file rules as {@link createFileSink}: one line per customer, appends for new ids,
 * atomic rewrites otherwise, a torn last line recovered on open, the records held in memory, one
 * writer per file. `list` pages in id order with the last id as the cursor, so deletes between pages
 * skip nothing. In CSV, `attributes` (an object) cannot be stored and `version`/`updatedAt` are read
 * as numbers.
 * @throws {@link InvalidInputError} when `path` is not a plain `.jsonl`/`.csv` path; (from the methods)
 * for a customer without an id or with a value the format cannot carry
 * @throws {@link ConnectorError} (from the methods) when the file system fails, its error as `cause`
 * @throws {@link InvalidOptionError} for a bad option
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createFileCustomerStore } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'customers.jsonl');
 * let clock = 0;
 * const store = createFileCustomerStore(file, { now: () => ++clock });
 * const signal = new AbortController().signal;
 * await store.upsert([{ id: 'c1', email: 'a@x.com' }], { signal });
 * await store.upsert([{ id: 'c1', email: 'ann@x.com' }], { signal });
 * await createFileCustomerStore(file).get('c1', { signal }); // => { id: 'c1', email: 'ann@x.com', version: 2, updatedAt: 2 }
 * ```
 * @category Sync
 */
export function createFileCustomerStore(path: string, options: FileCustomerStoreOptions = {}): FileCustomerStore {
  const fn = 'connectors/createFileCustomerStore';
  const o = checkOptions(fn, options, [...FILE_READ_KEYS, 'now']);
  const format = fileFormat(fn, path, o.format);
  if (o.now !== undefined && typeof o.now !== 'function') throw new InvalidOptionError(fn, 'options.now must be a function', o.now);
  const now = o.now ?? Date.now;
  const read = format === 'csv' ? { ...o, columns: { version: 'integer' as const, updatedAt: 'number' as const, ...o.columns } } : o;
  const table = new FileTable<StoredCustomer>(fn, path, format, rowsReader(fn, path, format, read), (c) => (c as { id?: unknown } | null)?.id, o.delimiter);
  const load = (signal: AbortSignal): Promise<Map<string, StoredCustomer>> => table.load(taskControl(fn, { signal }));
  return {
    path,
    get recoveredLines() {
      return table.recoveredLines;
    },
    async list(req): Promise<CustomerPage> {
      const signal = checkRequest(fn, req);
      const { cursor, limit } = req;
      if (!(cursor === null || typeof cursor === 'string')) throw new InvalidInputError(fn, 'list cursor must be null or a token this store returned', cursor);
      if (!(Number.isInteger(limit) && limit >= 1)) throw new InvalidInputError(fn, 'list limit must be an integer >= 1', limit);
      const map = await load(signal);
      const ids = [...map.keys()].sort();
      let lo = 0;
      if (cursor !== null) {
        let hi = ids.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (ids[mid]! <= cursor) lo = mid + 1;
          else hi = mid;
        }
      }
      const page = ids.slice(lo, lo + limit);
      return { items: page.map((id) => map.get(id)!), nextCursor: lo + limit < ids.length ? page[page.length - 1]! : null };
    },
    async get(id, req) {
      const signal = checkRequest(fn, req);
      if (typeof id !== 'string') throw new InvalidInputError(fn, 'id must be a string', id);
      return (await load(signal)).get(id) ?? null;
    },
    async upsert(customers, req) {
      const signal = checkRequest(fn, req);
      if (!Array.isArray(customers)) throw new InvalidInputError(fn, 'customers must be an array', customers);
      const map = await load(signal);
      const stored: StoredCustomer[] = [];
      const pending = new Map<string, StoredCustomer>();
      customers.forEach((c: Customer, i) => {
        if (c === null || typeof c !== 'object' || typeof c.id !== 'string' || c.id.length === 0) throw new InvalidInputError(fn, `customers[${i}] must be an object with a non-empty string id`, c);
        const prev = pending.get(c.id) ?? map.get(c.id);
        const v = typeof prev?.version === 'number' ? prev.version + 1 : 1;
        const t = now();
        if (typeof t !== 'number' || !Number.isFinite(t)) throw new InvalidOptionError(fn, 'options.now must return a finite number', t);
        const { version: _v, updatedAt: _u, ...rest } = c as StoredCustomer;
        const s: StoredCustomer = { ...rest, version: v, updatedAt: t };
        pending.set(c.id, s);
        stored.push(s);
      });
      await table.upsert([...pending.values()], taskControl(fn, { signal }));
      return stored;
    },
    async delete(ids, req) {
      const signal = checkRequest(fn, req);
      if (!Array.isArray(ids) || !ids.every((k) => typeof k === 'string')) throw new InvalidInputError(fn, 'ids must be an array of strings', ids);
      await table.remove(ids, taskControl(fn, { signal }));
    },
  };
}
