/**
 * The interfaces a host app implements so crmkit can read from and write to its systems. They are
 * types only (no runtime code, no dependencies) and browser-safe.
 *
 * @module
 */
import type { Customer, Timestamp, Transaction } from '../core/types.js';

/** A cursor value: a number (epoch ms, sequence number) or a string that sorts in order (ISO 8601 UTC). */
export type CursorValue = string | number;

/** What a source is asked for: records whose cursor value is `>= cursor` (all when `null`), in ascending cursor order. */
export interface FetchRequest {
  /** Inclusive lower bound on the cursor value; `null` on the first run. */
  cursor: CursorValue | null;
  /** Most records to return (a source may return fewer). */
  limit: number;
  /** Fires when the caller stops or the call times out: abort the request. */
  signal: AbortSignal;
}

/** A page from a source. */
export interface SourcePage<Raw> {
  /** Records with cursor value `>= request.cursor`, in ascending cursor order. */
  items: readonly Raw[];
  /**
   * `null` when the source has nothing more right now; otherwise the cursor value to ask from next
   * (normally the last item's; the sync uses it only as "more is available").
   */
  nextCursor: CursorValue | null;
}

/**
 * Posts and interactions from a platform, read incrementally. Implement `fetch` over the platform's
 * "updated since" query: return records with cursor value `>= cursor` (inclusive: records that share
 * the boundary value are re-sent and de-duplicated by key, so none is lost), in ascending order.
 *
 * Throw an error with `retryAfter` (seconds, as in HTTP `Retry-After`) when rate-limited, or with
 * `retryable: true` for transient failures (5xx, timeouts); see {@link AdapterError}.
 */
export interface PostSource<Raw = unknown> {
  /** Returns the page of records after `request.cursor` (the first page for `null`) and the next cursor. */
  fetch(request: FetchRequest): Promise<SourcePage<Raw>>;
}

/** Transactions from a shop or billing system, read incrementally like {@link PostSource}. */
export interface TransactionSource<Raw = Transaction> {
  /** Returns the page of transactions after `request.cursor` (the first page for `null`) and the next cursor. */
  fetch(request: FetchRequest): Promise<SourcePage<Raw>>;
}

/** Options passed to sink and store writes. */
export interface WriteRequest {
  signal: AbortSignal;
}

/**
 * Where results or synced records are written back. `write` must be an **upsert by key**
 * (idempotent): after a crash the last uncommitted batch is written again, and an upsert makes
 * that harmless.
 */
export interface EventSink<T> {
  /** Upserts the records by key (idempotent: a batch written twice leaves one copy). */
  write(records: readonly T[], request: WriteRequest): Promise<void>;
  /** Removes records by key (delete propagation). Optional when the source never deletes. */
  delete?(keys: readonly string[], request: WriteRequest): Promise<void>;
}

/** A customer as a store keeps it: with a version (changes on every write) and the time of the last change. */
export interface StoredCustomer extends Customer {
  /** Opaque version (an ETag, a revision number): any change to the record changes it. */
  version: string | number;
  updatedAt: Timestamp;
}

/** A page of customers from {@link CustomerStore.list}. */
export interface CustomerPage {
  items: readonly StoredCustomer[];
  /** Opaque token for the next page, `null` after the last. */
  nextCursor: string | null;
}

/**
 * A CRM's customer table: list, get, upsert and delete by id, with versions for conflict detection.
 * `upsert` returns the stored records (with their new versions), in input order.
 */
export interface CustomerStore {
  /** Returns up to `limit` customers after `cursor` (from the start for `null`), in a stable order. */
  list(request: { cursor: string | null; limit: number; signal: AbortSignal }): Promise<CustomerPage>;
  /** Returns the customer with this id, or `null` when there is none. */
  get(id: string, request: WriteRequest): Promise<StoredCustomer | null>;
  /** Inserts or replaces customers by id; returns the stored records with their new versions, in input order. */
  upsert(customers: readonly Customer[], request: WriteRequest): Promise<readonly StoredCustomer[]>;
  /** Deletes customers by id (ids not present are ignored). */
  delete(ids: readonly string[], request: WriteRequest): Promise<void>;
}

/** Fields an adapter error may carry to steer the sync (any `Error` with them works). */
export interface AdapterError extends Error {
  /** Rate-limited: seconds to wait (HTTP `Retry-After`). The run ends early with a safe checkpoint. */
  retryAfter?: number;
  /** A transient failure worth retrying with backoff. */
  retryable?: boolean;
}
