import { ConnectorError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import type { Customer } from '../core/types.js';
import { options as checkOptions } from '../core/validate.js';
import { retrier, type RetryOptions } from './_retry.js';
import type { CustomerPage, CustomerStore, StoredCustomer } from './types.js';

/** Versions last seen on each side, per id: the state that makes change and delete detection work. */
export interface CustomerSyncState {
  kind: 'customerSyncState';
  formatVersion: 1;
  /** id → [version in a, version in b] after the last run (`null`: absent on that side). */
  known: Record<string, [string | number | null, string | number | null]>;
}

/** How a record changed on both sides since the last run is resolved. */
export type ConflictRule = 'newest' | 'source' | 'target' | ((a: StoredCustomer | null, b: StoredCustomer | null) => 'a' | 'b');

/** Options of {@link syncCustomers}. */
export interface SyncCustomersOptions extends LongRunOptions {
  /** `'pull'`: a → b; `'push'`: b → a; `'both'`: changes and deletes flow both ways. */
  direction: 'pull' | 'push' | 'both';
  /**
   * Both sides changed (or one changed and the other deleted): `'newest'` (later `updatedAt`; a
   * change beats a delete), `'source'` (a wins), `'target'` (b wins), or a function naming the winner.
   * @defaultValue 'newest'
   */
  conflict?: ConflictRule;
  /** The state the previous run returned; omit on the first run. */
  state?: CustomerSyncState;
  /** Page size for `list`. @defaultValue 1000 */
  batchSize?: number;
  retry?: RetryOptions;
  timeoutMs?: number;
}

/** Result of {@link syncCustomers}. */
export interface SyncCustomersResult {
  /** `'rate-limited'`: stopped before writing; nothing was changed, run again later. */
  status: 'complete' | 'rate-limited';
  state: CustomerSyncState;
  /** Ids written / deleted on each side. */
  upserted: { a: string[]; b: string[] };
  deleted: { a: string[]; b: string[] };
  /** Ids changed on both sides, with the side that won. */
  conflicts: { id: string; winner: 'a' | 'b' }[];
  retryAfterMs?: number;
}

const time = (c: StoredCustomer | null): number => {
  if (c === null) return -Infinity;
  const t = c.updatedAt instanceof Date ? c.updatedAt.getTime() : typeof c.updatedAt === 'number' ? c.updatedAt : Date.parse(c.updatedAt);
  return Number.isFinite(t) ? t : -Infinity;
};

function strip(c: StoredCustomer): Customer {
  const { version: _v, updatedAt: _u, ...rest } = c;
  return rest;
}

/**
 * Synchronizes customers between two stores (a platform and the CRM, say): one way or both ways,
 * with versions to detect what changed since the last run, a conflict rule for records changed on
 * both sides, and deletes that propagate.
 *
 * @remarks Each run lists both stores, compares every id's version with the versions recorded in
 * `state.known` after the previous run, and classifies it as unchanged, changed or deleted per side.
 * A change on one side is copied to the other (in the allowed direction); a record deleted on one
 * side (known before, gone now) is deleted on the other unless the other changed it meanwhile, which
 * is a conflict. The first run (no state) treats every record as changed: with `'both'`, records
 * present on both sides go through the conflict rule. Writes happen after both lists are read, so a
 * rate limit while listing changes nothing. Store errors marked `retryable` are retried with
 * backoff; others throw a {@link ConnectorError}.
 * @throws {@link ConnectorError} when a store fails for good
 * @throws {@link ModelFormatError} for a malformed `state`
 * @throws {@link InvalidOptionError} for a bad option
 * @example
 * ```ts
 * import { createInMemoryCustomerStore, syncCustomers } from 'crmkit/connectors';
 * const platform = createInMemoryCustomerStore([{ id: 'c1', email: 'a@x.com' }, { id: 'c2' }]);
 * const crm = createInMemoryCustomerStore();
 * const first = await syncCustomers(platform, crm, { direction: 'both' });
 * first.upserted; // => { a: [], b: ['c1', 'c2'] }
 * await platform.delete(['c2'], { signal: new AbortController().signal });
 * const second = await syncCustomers(platform, crm, { direction: 'both', state: first.state });
 * second.deleted; // => { a: [], b: ['c2'] }
 * [...crm.rows.keys()]; // => ['c1']
 * ```
 * @category Sync
 */
export async function syncCustomers(a: CustomerStore, b: CustomerStore, options: SyncCustomersOptions): Promise<SyncCustomersResult> {
  const fn = 'connectors/syncCustomers';
  const o = checkOptions(fn, options, ['direction', 'conflict', 'state', 'batchSize', 'retry', 'timeoutMs', 'signal', 'onProgress']);
  const direction = o.direction;
  if (direction !== 'pull' && direction !== 'push' && direction !== 'both') throw new InvalidOptionError(fn, "options.direction must be one of 'pull', 'push', 'both'", direction);
  const conflict = o.conflict ?? 'newest';
  if (typeof conflict !== 'function' && conflict !== 'newest' && conflict !== 'source' && conflict !== 'target') throw new InvalidOptionError(fn, "options.conflict must be 'newest', 'source', 'target' or a function", conflict);
  for (const [name, s] of [['a', a], ['b', b]] as const) {
    if (s === null || typeof s !== 'object' || typeof s.list !== 'function' || typeof s.upsert !== 'function' || typeof s.delete !== 'function') throw new InvalidOptionError(fn, `${name} must implement list, upsert and delete`, s);
  }
  const batchSize = o.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidOptionError(fn, 'options.batchSize must be an integer >= 1', batchSize);
  let known: CustomerSyncState['known'] = {};
  if (o.state !== undefined) {
    const st = o.state as CustomerSyncState;
    if (st === null || typeof st !== 'object' || st.kind !== 'customerSyncState' || st.formatVersion !== 1 || st.known === null || typeof st.known !== 'object') throw new ModelFormatError(fn, "options.state must be a customer sync state (kind 'customerSyncState', formatVersion 1)", st);
    known = structuredClone(st.known);
  }
  const task = taskControl(fn, { ...(o.signal !== undefined && { signal: o.signal }), ...(o.onProgress !== undefined && { onProgress: o.onProgress }) });
  const retry = retrier(fn, o.retry, o.timeoutMs, o.signal);
  const result: SyncCustomersResult = { status: 'complete', state: { kind: 'customerSyncState', formatVersion: 1, known }, upserted: { a: [], b: [] }, deleted: { a: [], b: [] }, conflicts: [] };

  const listAll = async (s: CustomerStore, what: string): Promise<Map<string, StoredCustomer> | number> => {
    const out = new Map<string, StoredCustomer>();
    let cursor: string | null = null;
    for (let pages = 0; ; pages++) {
      task.throwIfAborted();
      const c: string | null = cursor;
      const r: { ok: true; value: CustomerPage } | { ok: false; retryAfterMs: number } = await retry.run(`${what}.list`, (signal): Promise<CustomerPage> => s.list({ cursor: c, limit: batchSize, signal }));
      if (!r.ok) return r.retryAfterMs;
      const page = r.value as { items?: unknown; nextCursor?: unknown } | null;
      if (page === null || typeof page !== 'object' || !Array.isArray(page.items)) throw new ConnectorError(fn, `${what}.list must resolve to { items: [...], nextCursor }`, new TypeError(`received ${page === null ? 'null' : typeof page}`));
      if (!(page.nextCursor === null || typeof page.nextCursor === 'string')) throw new ConnectorError(fn, `${what}.list returned a nextCursor that is not a string or null`, new TypeError(typeof page.nextCursor));
      for (const item of page.items as unknown[]) {
        const c = item as StoredCustomer | null;
        if (c === null || typeof c !== 'object' || typeof c.id !== 'string' || c.id.length === 0 || !(typeof c.version === 'string' || (typeof c.version === 'number' && Number.isFinite(c.version)))) {
          throw new ConnectorError(fn, `${what}.list returned a customer without a string id and a string or finite-number version`, new TypeError(JSON.stringify(c)?.slice(0, 80) ?? typeof c));
        }
        out.set(c.id, c);
      }
      if (r.value.nextCursor === null) return out;
      if (r.value.nextCursor === cursor) throw new InvalidOptionError(fn, `${what}.list returned the same cursor twice`, cursor);
      cursor = r.value.nextCursor;
    }
  };
  const la = await listAll(a, 'a');
  if (typeof la === 'number') return { ...result, status: 'rate-limited', retryAfterMs: la };
  const lb = await listAll(b, 'b');
  if (typeof lb === 'number') return { ...result, status: 'rate-limited', retryAfterMs: lb };

  const ids = [...new Set([...la.keys(), ...lb.keys(), ...Object.keys(known)])].sort();
  const toA: Customer[] = [];
  const toB: Customer[] = [];
  const delA: string[] = [];
  const delB: string[] = [];
  const canA = direction !== 'pull';
  const canB = direction !== 'push';
  for (const id of ids) {
    const ra = la.get(id) ?? null;
    const rb = lb.get(id) ?? null;
    const k = Object.prototype.hasOwnProperty.call(known, id) ? known[id]! : null;
    const changedA = ra !== null && (k === null || k[0] !== ra.version);
    const changedB = rb !== null && (k === null || k[1] !== rb.version);
    const deletedA = ra === null && k !== null && k[0] !== null;
    const deletedB = rb === null && k !== null && k[1] !== null;
    const actA = changedA || deletedA;
    const actB = changedB || deletedB;
    let winner: 'a' | 'b' | null = null;
    if (actA && actB) {
      if (deletedA && deletedB) winner = null;
      else if (ra !== null && rb !== null && k === null && JSON.stringify(strip(ra)) === JSON.stringify(strip(rb))) winner = null;
      else {
        winner = typeof conflict === 'function' ? conflict(ra, rb) : conflict === 'source' ? 'a' : conflict === 'target' ? 'b' : deletedA ? 'b' : deletedB ? 'a' : time(ra) >= time(rb) ? 'a' : 'b';
        if (winner !== 'a' && winner !== 'b') throw new InvalidOptionError(fn, "options.conflict must return 'a' or 'b'", winner);
        result.conflicts.push({ id, winner });
      }
    } else if (actA) winner = 'a';
    else if (actB) winner = 'b';
    if (winner === 'a' && canB) {
      if (ra === null) delB.push(id);
      else toB.push(strip(ra));
    } else if (winner === 'b' && canA) {
      if (rb === null) delA.push(id);
      else toA.push(strip(rb));
    }
  }
  const write = async (s: CustomerStore, what: string, ups: Customer[], dels: string[]): Promise<Map<string, StoredCustomer> | number> => {
    const saved = new Map<string, StoredCustomer>();
    for (let i = 0; i < ups.length; i += batchSize) {
      const chunk = ups.slice(i, i + batchSize);
      const r = await retry.run(`${what}.upsert`, (signal) => s.upsert(chunk, { signal }));
      if (!r.ok) return r.retryAfterMs;
      for (const c of r.value) saved.set(c.id, c);
    }
    if (dels.length > 0) {
      const r = await retry.run(`${what}.delete`, (signal) => s.delete(dels, { signal }));
      if (!r.ok) return r.retryAfterMs;
    }
    return saved;
  };
  const sb = await write(b, 'b', toB, delB);
  if (typeof sb === 'number') return { ...result, status: 'rate-limited', retryAfterMs: sb };
  const sa = await write(a, 'a', toA, delA);
  if (typeof sa === 'number') return { ...result, status: 'rate-limited', retryAfterMs: sa };
  result.upserted = { a: toA.map((c) => c.id), b: toB.map((c) => c.id) };
  result.deleted = { a: delA, b: delB };
  const next: CustomerSyncState['known'] = {};
  const goneA = new Set(delA);
  const goneB = new Set(delB);
  for (const id of ids) {
    const va = sa.get(id)?.version ?? (goneA.has(id) ? null : (la.get(id)?.version ?? null));
    const vb = sb.get(id)?.version ?? (goneB.has(id) ? null : (lb.get(id)?.version ?? null));
    if (va !== null || vb !== null) next[id] = [va, vb];
  }
  result.state = { kind: 'customerSyncState', formatVersion: 1, known: next };
  task.checkpoint(ids.length, ids.length);
  return result;
}
