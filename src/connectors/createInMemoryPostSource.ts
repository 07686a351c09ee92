import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';
import { jsonRecord } from './_record.js';
import type { Customer, Post } from '../core/types.js';
import type { CursorValue, CustomerPage, CustomerStore, EventSink, FetchRequest, PostSource, SourcePage, StoredCustomer, WriteRequest } from './types.js';

/** A record as the in-memory source holds it: any object, keyed by its `id`. */
export interface SourceRecord {
  id?: unknown;
}

/** Options of {@link createInMemoryPostSource}. */
export interface InMemorySourceOptions {
  /** Cursor value of a record. @defaultValue `updatedAt ?? createdAt ?? at` (a Date becomes epoch ms; `at` for transactions) */
  cursorOf?: (record: SourceRecord) => CursorValue;
}

/** The in-memory {@link PostSource}: also a {@link TransactionSource}; `add` appends records (new or updated versions). */
export interface InMemoryPostSource<R extends SourceRecord = SourceRecord> extends PostSource<R> {
  /** Adds records (a record with an existing id replaces it). */
  add(...records: R[]): void;
  /** All records, in cursor order. */
  readonly records: readonly R[];
}

function defaultCursorOf(r: SourceRecord): CursorValue {
  const o = r as { updatedAt?: unknown; createdAt?: unknown; at?: unknown };
  const v = o.updatedAt ?? o.createdAt ?? o.at;
  return v instanceof Date ? v.getTime() : (v as CursorValue);
}

/**
 * A reference {@link PostSource} over an array, for tests and demos: returns records with cursor
 * value `>= cursor` in (cursor, id) order, `limit` at a time, honouring the contract the syncs rely on.
 *
 * @throws {@link InvalidInputError} when `records` is not an array of objects with JSON values, an id is not a string,
 * or a record has no valid cursor value (a string or a finite number)
 * @example
 * ```ts
 * import { createInMemoryPostSource } from 'crmkit/connectors';
 * const src = createInMemoryPostSource([{ id: 'b', createdAt: 2 }, { id: 'a', createdAt: 1 }]);
 * const page = await src.fetch({ cursor: 2, limit: 10, signal: new AbortController().signal });
 * page; // => { items: [{ id: 'b', createdAt: 2 }], nextCursor: null }
 * ```
 * @category Sync
 */
export function createInMemoryPostSource<R extends SourceRecord = Post>(records: readonly R[] = [], options: InMemorySourceOptions = {}): InMemoryPostSource<R> {
  const fn = 'connectors/createInMemoryPostSource';
  if (!Array.isArray(records)) throw new InvalidInputError(fn, 'records must be an array', records);
  const o = checkOptions(fn, options, ['cursorOf']);
  const cursorOf = o.cursorOf ?? defaultCursorOf;
  if (typeof cursorOf !== 'function') throw new InvalidOptionError(fn, 'options.cursorOf must be a function', cursorOf);
  const byId = new Map<unknown, R>();
  let sorted: R[] | null = null;
  const add = (...rs: R[]): void => {
    for (const r of rs) {
      jsonRecord(fn, 'a record', r); // platform records are JSON: NaN or a function in one is a caller's bug
      if (!(r.id === undefined || typeof r.id === 'string')) throw new InvalidInputError(fn, 'a record id must be a string (or absent: the sync reports such records)', r.id);
      const c = cursorOf(r);
      if (!(typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c)))) throw new InvalidInputError(fn, 'a record needs a cursor value: a string or a finite number (updatedAt, createdAt or at by default)', c);
      byId.set(r.id ?? Symbol('no id'), r);
    }
    sorted = null;
  };
  add(...records);
  const all = (): R[] => {
    if (sorted === null) {
      sorted = [...byId.values()].sort((a, b) => {
        const ca = cursorOf(a);
        const cb = cursorOf(b);
        if (ca !== cb) return ca < cb ? -1 : 1;
        return String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;
      });
    }
    return sorted;
  };
  return {
    add,
    get records() {
      return all();
    },
    async fetch(req: FetchRequest): Promise<SourcePage<R>> {
      const list = all();
      let lo = 0;
      if (req.cursor !== null) {
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cursorOf(list[mid]!) < req.cursor) lo = mid + 1;
          else hi = mid;
        }
      }
      const items = list.slice(lo, lo + req.limit);
      const more = lo + req.limit < list.length;
      return { items, nextCursor: more ? cursorOf(items[items.length - 1]!) : null };
    },
  };
}

/** The in-memory {@link EventSink}: an upsert by key into a `Map`. */
export interface InMemorySink<T> extends EventSink<T> {
  /** Records by key, in first-write order. */
  readonly records: Map<string, T>;
  /** Calls to `write` so far. */
  writes: number;
}

/**
 * A reference {@link EventSink} for tests and demos: `write` upserts by key (`record.id` unless
 * `keyOf` is given), `delete` removes keys.
 *
 * @example
 * ```ts
 * import { createInMemorySink } from 'crmkit/connectors';
 * const sink = createInMemorySink<{ id: string; score: number }>();
 * const signal = new AbortController().signal;
 * await sink.write([{ id: 'c1', score: 1 }, { id: 'c1', score: 2 }], { signal });
 * sink.records.get('c1'); // => { id: 'c1', score: 2 }
 * ```
 * @category Sync
 */
export function createInMemorySink<T = Post>(options: { keyOf?: (record: T) => string } = {}): InMemorySink<T> {
  const fn = 'connectors/createInMemorySink';
  const o = checkOptions(fn, options, ['keyOf']);
  if (o.keyOf !== undefined && typeof o.keyOf !== 'function') throw new InvalidOptionError(fn, 'options.keyOf must be a function', o.keyOf);
  const keyOf = o.keyOf ?? ((r: T) => (r as { id: string }).id);
  const records = new Map<string, T>();
  const sink: InMemorySink<T> = {
    records,
    writes: 0,
    async write(rs: readonly T[], _req: WriteRequest) {
      sink.writes++;
      for (const r of rs) records.set(keyOf(r), r);
    },
    async delete(keys: readonly string[], _req: WriteRequest) {
      for (const k of keys) records.delete(k);
    },
  };
  return sink;
}

/** The in-memory {@link CustomerStore}, with its rows readable for tests. */
export interface InMemoryCustomerStore extends CustomerStore {
  /** Stored customers by id. */
  readonly rows: Map<string, StoredCustomer>;
}

/**
 * A reference {@link CustomerStore} for tests and demos: versions count up per id on every write,
 * `updatedAt` comes from `now()` (a counter by default, so runs are deterministic).
 *
 * @example
 * ```ts
 * import { createInMemoryCustomerStore } from 'crmkit/connectors';
 * const store = createInMemoryCustomerStore();
 * const signal = new AbortController().signal;
 * const [saved] = await store.upsert([{ id: 'c1', email: 'a@x.com' }], { signal });
 * saved; // => { id: 'c1', email: 'a@x.com', version: 1, updatedAt: 1 }
 * ```
 * @category Sync
 */
export function createInMemoryCustomerStore(customers: readonly Customer[] = [], options: { now?: () => number } = {}): InMemoryCustomerStore {
  const fn = 'connectors/createInMemoryCustomerStore';
  if (!Array.isArray(customers)) throw new InvalidInputError(fn, 'customers must be an array', customers);
  for (let i = 0; i < customers.length; i++) {
    const c: unknown = customers[i];
    if (c === null || typeof c !== 'object' || Array.isArray(c) || typeof (c as Customer).id !== 'string') throw new InvalidInputError(fn, `customers[${i}] must be an object with a string id`, c);
  }
  const o = checkOptions(fn, options, ['now']);
  if (o.now !== undefined && typeof o.now !== 'function') throw new InvalidOptionError(fn, 'options.now must be a function', o.now);
  let clock = 0;
  const now = o.now ?? (() => ++clock);
  const rows = new Map<string, StoredCustomer>();
  const versions = new Map<string, number>();
  const put = (c: Customer): StoredCustomer => {
    const v = (versions.get(c.id) ?? 0) + 1;
    versions.set(c.id, v);
    const { version: _v, updatedAt: _u, ...rest } = c as StoredCustomer;
    const stored: StoredCustomer = { ...rest, version: v, updatedAt: now() };
    rows.set(c.id, stored);
    return stored;
  };
  for (const c of customers) put(c);
  return {
    rows,
    async list(req): Promise<CustomerPage> {
      const ids = [...rows.keys()].sort();
      let start = 0;
      if (req.cursor !== null) {
        const at = Number(req.cursor);
        if (!Number.isInteger(at) || at < 0) throw new InvalidInputError('connectors/createInMemoryCustomerStore', 'list cursor must be a token this store returned', req.cursor);
        start = at;
      }
      const items = ids.slice(start, start + req.limit).map((id) => rows.get(id)!);
      return { items, nextCursor: start + req.limit < ids.length ? String(start + req.limit) : null };
    },
    async get(id) {
      return rows.get(id) ?? null;
    },
    async upsert(cs) {
      return cs.map(put);
    },
    async delete(ids) {
      for (const id of ids) rows.delete(id);
    },
  };
}
