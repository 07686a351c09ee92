import type { LongRunOptions } from '../core/progress.js';
import type { Post } from '../core/types.js';
import type { RetryOptions } from './_retry.js';
import { syncRecords, type RecordKind } from './_syncRecords.js';
import type { CursorValue, EventSink, PostSource } from './types.js';

/** The checkpoint of an incremental sync: plain JSON the caller persists between runs. */
export interface SyncState {
  kind: 'syncState';
  formatVersion: 1;
  /** Highest cursor value committed; `null` before the first commit. */
  cursor: CursorValue | null;
  /** Keys already delivered whose cursor value equals `cursor` (re-sent by a `>=` query, skipped). */
  boundaryKeys: string[];
  /** Field name → JSON type seen so far (`'string'`, `'number'`, `'boolean'`, `'object'`, `'array'`). */
  schema: Record<string, string>;
}

/** A record the sync could not deliver, and why. */
export interface SyncFailure {
  /** The record's key when it has one. */
  key: string | null;
  /** Why it was rejected. */
  reason: string;
}

/** A change in the source's record shape, reported rather than silently coerced. */
export interface SchemaChange {
  field: string;
  change: 'added' | 'removed' | 'type-changed';
  /** Type before (for `removed` / `type-changed`). */
  from?: string;
  /** Type now (for `added` / `type-changed`). */
  to?: string;
}

/** Options shared by {@link syncPosts} and `syncTransactions`: `T` is the record type the sink receives. */
export interface SyncOptions<Raw, T> extends LongRunOptions {
  /** The state a previous run returned (or passed to `onCheckpoint`); omit on the first run. */
  state?: SyncState;
  /**
   * Records per page asked from the source.
   * @defaultValue 1000
   */
  batchSize?: number;
  /** Maps a platform record to the record type (field mapping); throw or return a string to reject it with that reason. @defaultValue the record itself */
  map?: (raw: Raw) => T | string;
  /** The cursor value of a raw record. @defaultValue `raw.updatedAt ?? raw.createdAt` for posts, `raw.updatedAt ?? raw.at` for transactions (epoch ms, or ISO strings compared as text) */
  cursorOf?: (raw: Raw) => CursorValue;
  /** The key of a raw record. @defaultValue `raw.id` */
  keyOf?: (raw: Raw) => string;
  /** Whether a raw record is a deletion (tombstone). @defaultValue `raw.deleted === true` */
  isDeleted?: (raw: Raw) => boolean;
  /** Retries of calls the adapter marks `retryable`. */
  retry?: RetryOptions;
  /** Time limit per adapter call; a timeout counts as retryable. */
  timeoutMs?: number;
  /**
   * Longest string field accepted in a record (longer is a failure, not truncated).
   * @defaultValue 100000
   */
  maxFieldLength?: number;
  /**
   * Called after every committed page with the new state and what the page committed (records
   * written, keys deleted, failures): persist them together to resume after a crash without losing
   * a failure report (a run that throws returns no result).
   */
  onCheckpoint?: (state: SyncState, committed: { written: number; deleted: number; failures: SyncFailure[] }) => void | Promise<void>;
}

/** Options of {@link syncPosts}. */
export interface SyncPostsOptions<Raw> extends SyncOptions<Raw, Post> {
  /** Also skip a post whose author and text equal another one's within this many ms (reported in `duplicates`). */
  dedupeContentWithinMs?: number;
}

/** Result of {@link syncPosts} and `syncTransactions`. */
export interface SyncResult {
  /** `'complete'`: the source had nothing more; `'rate-limited'`: stopped early, resume after `retryAfterMs`. */
  status: 'complete' | 'rate-limited';
  /** Persist this and pass it as `options.state` next time. */
  state: SyncState;
  /** Records written to the sink in this run. */
  written: number;
  /** Keys deleted in the sink in this run. */
  deleted: number;
  /** Records skipped as already delivered (boundary re-sends, repeated pages) or duplicate content. */
  duplicates: number;
  /** Every record rejected in this run, with its reason. */
  failures: SyncFailure[];
  /** Schema changes seen in this run. */
  schemaChanges: SchemaChange[];
  /** Adapter calls retried. */
  retries: number;
  /** With `'rate-limited'`: how long the adapter asked to wait. */
  retryAfterMs?: number;
}

/** `raw.updatedAt ?? raw.createdAt` (a Date becomes epoch ms). @internal */
export function defaultCursor(raw: unknown): CursorValue {
  const r = raw as { updatedAt?: unknown; createdAt?: unknown } | null;
  const v = r?.updatedAt ?? r?.createdAt;
  if (v instanceof Date) return v.getTime();
  return v as CursorValue;
}

/** Validates a mapped post. @internal */
export function postProblem(p: unknown, maxLen: number): string | null {
  if (p === null || typeof p !== 'object') return 'the mapped record is not an object';
  const q = p as Record<string, unknown>;
  for (const f of ['id', 'author', 'text'] as const) {
    if (typeof q[f] !== 'string') return `${f} must be a string`;
    if (f !== 'text' && (q[f] as string).length === 0) return `${f} must not be empty`;
  }
  for (const f of ['id', 'author', 'text', 'replyTo', 'repostOf', 'lang']) {
    const v = q[f];
    if (v !== undefined && typeof v !== 'string') return `${f} must be a string`;
    if (typeof v === 'string' && v.length > maxLen) return `${f} is longer than maxFieldLength (${maxLen})`;
  }
  const c = q['createdAt'];
  const t = c instanceof Date ? c.getTime() : typeof c === 'number' ? c : typeof c === 'string' ? Date.parse(c) : NaN;
  if (!Number.isFinite(t)) return 'createdAt must be a valid Date, ISO 8601 string or epoch milliseconds';
  return null;
}

const POST_KIND: RecordKind<Post> = {
  problem: postProblem,
  content: (p) => ({ key: `${p.author}\u0000${p.text}`, at: new Date(p.createdAt).getTime() }),
  keys: ['dedupeContentWithinMs'],
  cursorOf: defaultCursor,
  idFromKey: false,
};

/**
 * Copies posts from a platform into a sink, incrementally and loss-free: resumable from a JSON
 * checkpoint, with `>=` cursors plus key de-duplication, retries, rate-limit handling, validation,
 * field mapping, schema-change and failure reports, and delete propagation.
 *
 * @remarks Each run asks the source for records with cursor value `>= state.cursor` (inclusive),
 * skips the keys already delivered at exactly that value (`state.boundaryKeys`), so records that
 * share the boundary value are never lost (as with `>`) nor written twice (as with a bare `>=`).
 * Per page: records are keyed (`keyOf`), de-duplicated, checked against the schema seen so far
 * (new, vanished and re-typed fields are reported in `schemaChanges`, never coerced), mapped and
 * validated (`failures` lists every rejected record with its reason), tombstones become
 * `sink.delete`, the rest one `sink.write`; then the checkpoint advances and `onCheckpoint` gets it.
 * A crash between write and checkpoint re-sends that page next time, which an upserting sink absorbs.
 * Errors marked `retryable` are retried with exponential backoff and seeded jitter; an error with
 * `retryAfter` ends the run early with `status: 'rate-limited'` and the last safe checkpoint. A source
 * whose cursor does not advance (a page of only already-delivered records) is asked for bigger
 * pages, up to 16× `batchSize`, then fails with a {@link ConnectorError} instead of looping forever.
 * @throws {@link ConnectorError} when an adapter fails for good (its error as `cause`), returns a
 * malformed page, or its cursor does not advance
 * @throws {@link ModelFormatError} when `options.state` is not a sync state
 * @throws {@link InvalidOptionError} for a bad option
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { createInMemoryPostSource, createInMemorySink, syncPosts } from 'crmkit/connectors';
 * const source = createInMemoryPostSource([
 *   { id: 'p1', author: 'ann', text: 'Loving the new app', createdAt: 1000 },
 *   { id: 'p2', author: 'bob', text: 'Support never answered', createdAt: 1000 },
 *   { id: 'p3', author: '', text: 'spam', createdAt: 2000 },
 * ]);
 * const sink = createInMemorySink();
 * const first = await syncPosts(source, sink, { batchSize: 1 });
 * [first.status, first.written, first.failures]; // => ['complete', 2, [{ key: 'p3', reason: 'author must not be empty' }]]
 * source.add({ id: 'p4', author: 'cy', text: 'Any news?', createdAt: 3000 });
 * (await syncPosts(source, sink, { state: first.state })).written; // => 1
 * [...sink.records.keys()]; // => ['p1', 'p2', 'p4']
 * ```
 * @category Sync
 */
export async function syncPosts<Raw = Post>(source: PostSource<Raw>, sink: EventSink<Post>, options: SyncPostsOptions<Raw> = {}): Promise<SyncResult> {
  return syncRecords('connectors/syncPosts', POST_KIND, source, sink, options);
}
