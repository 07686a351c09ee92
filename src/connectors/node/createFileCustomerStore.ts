import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import type { Customer } from '../../core/types.js';
import { options as checkOptions } from '../../core/validate.js';
import type { CustomerPage, CustomerStore, StoredCustomer } from '../types.js';
import { FILE_READ_KEYS, FileTable, fileFormat, rowsReader, type FileReadOptions } from './_fileRows.js';
import { checkRequest } from './createFileSink.js';

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
 * @remarks Same file rules as `createFileSink`: one line per customer, appends for new ids,
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
