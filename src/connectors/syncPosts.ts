import { ConnectorError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import type { Post } from '../core/types.js';
import { options as checkOptions } from '../core/validate.js';
import { retrier, type RetryOptions } from './_retry.js';
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

/** Options of {@link syncPosts}. */
export interface SyncPostsOptions<Raw> extends LongRunOptions {
  /** The state a previous run returned (or passed to `onCheckpoint`); omit on the first run. */
  state?: SyncState;
  /**
   * Records per page asked from the source.
   * @defaultValue 1000
   */
  batchSize?: number;
  /** Maps a platform record to a {@link Post} (field mapping); throw or return a string to reject it with that reason. @defaultValue the record itself */
  map?: (raw: Raw) => Post | string;
  /** The cursor value of a raw record. @defaultValue `raw.updatedAt ?? raw.createdAt` (epoch ms, or ISO strings compared as text) */
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
   * Longest string field accepted in a post (longer is a failure, not truncated).
   * @defaultValue 100000
   */
  maxFieldLength?: number;
  /** Also skip a post whose author and text equal another one's within this many ms (reported in `duplicates`). */
  dedupeContentWithinMs?: number;
  /**
   * Called after every committed page with the new state and what the page committed (records
   * written, keys deleted, failures): persist them together to resume after a crash without losing
   * a failure report (a run that throws returns no result).
   */
  onCheckpoint?: (state: SyncState, committed: { written: number; deleted: number; failures: SyncFailure[] }) => void | Promise<void>;
}

/** Result of {@link syncPosts}. */
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

const KEYS = ['state', 'batchSize', 'map', 'cursorOf', 'keyOf', 'isDeleted', 'retry', 'timeoutMs', 'maxFieldLength', 'dedupeContentWithinMs', 'onCheckpoint', 'signal', 'onProgress'] as const;

/** A new, empty sync state. @internal */
export function emptyState(): SyncState {
  return { kind: 'syncState', formatVersion: 1, cursor: null, boundaryKeys: [], schema: {} };
}

/** Checks a persisted state. @internal */
export function parseSyncState(fn: string, s: unknown): SyncState {
  const st = s as SyncState;
  if (st === null || typeof st !== 'object' || st.kind !== 'syncState') throw new ModelFormatError(fn, "options.state must be a sync state (kind 'syncState')", s);
  if (st.formatVersion !== 1) throw new ModelFormatError(fn, 'options.state.formatVersion must be 1', st.formatVersion);
  if (!(st.cursor === null || typeof st.cursor === 'string' || (typeof st.cursor === 'number' && Number.isFinite(st.cursor)))) throw new ModelFormatError(fn, 'options.state.cursor must be a string, a finite number or null', st.cursor);
  if (!Array.isArray(st.boundaryKeys) || !st.boundaryKeys.every((k) => typeof k === 'string')) throw new ModelFormatError(fn, 'options.state.boundaryKeys must be an array of keys', st.boundaryKeys);
  if (st.schema === null || typeof st.schema !== 'object') throw new ModelFormatError(fn, 'options.state.schema must be an object', st.schema);
  return { kind: 'syncState', formatVersion: 1, cursor: st.cursor, boundaryKeys: [...st.boundaryKeys], schema: { ...st.schema } };
}

function jsonType(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  return typeof v;
}

function defaultCursor(raw: unknown): CursorValue {
  const r = raw as { updatedAt?: unknown; createdAt?: unknown } | null;
  const v = r?.updatedAt ?? r?.createdAt;
  if (v instanceof Date) return v.getTime();
  return v as CursorValue;
}

function cmp(a: CursorValue, b: CursorValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Validates a mapped post: required fields and types, lengths, a valid timestamp. */
function postProblem(p: unknown, maxLen: number): string | null {
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
  const fn = 'connectors/syncPosts';
  const o = checkOptions(fn, options, KEYS);
  if (source === null || typeof source !== 'object' || typeof source.fetch !== 'function') throw new InvalidOptionError(fn, 'source must implement fetch({ cursor, limit, signal })', source);
  if (sink === null || typeof sink !== 'object' || typeof sink.write !== 'function') throw new InvalidOptionError(fn, 'sink must implement write(records, { signal })', sink);
  const batchSize = o.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidOptionError(fn, 'options.batchSize must be an integer >= 1', batchSize);
  const maxLen = o.maxFieldLength ?? 100_000;
  if (!Number.isInteger(maxLen) || maxLen < 1) throw new InvalidOptionError(fn, 'options.maxFieldLength must be an integer >= 1', maxLen);
  const window = o.dedupeContentWithinMs;
  if (window !== undefined && !(typeof window === 'number' && window >= 0)) throw new InvalidOptionError(fn, 'options.dedupeContentWithinMs must be a number >= 0', window);
  for (const f of ['map', 'cursorOf', 'keyOf', 'isDeleted', 'onCheckpoint'] as const) {
    if (o[f] !== undefined && typeof o[f] !== 'function') throw new InvalidOptionError(fn, `options.${f} must be a function`, o[f]);
  }
  const map = o.map ?? ((r: Raw) => r as unknown as Post);
  const cursorOf = o.cursorOf ?? (defaultCursor as (r: Raw) => CursorValue);
  const keyOf = o.keyOf ?? ((r: Raw) => (r as { id?: unknown } | null)?.id as string);
  const isDeleted = o.isDeleted ?? ((r: Raw) => (r as { deleted?: unknown } | null)?.deleted === true);
  const task = taskControl(fn, { ...(o.signal !== undefined && { signal: o.signal }), ...(o.onProgress !== undefined && { onProgress: o.onProgress }) });
  const retry = retrier(fn, o.retry, o.timeoutMs, o.signal);
  const state = o.state === undefined ? emptyState() : parseSyncState(fn, o.state);
  const result: SyncResult = { status: 'complete', state, written: 0, deleted: 0, duplicates: 0, failures: [], schemaChanges: [], retries: 0 };
  const seenFields = new Set<string>();
  const firstSchema = Object.keys(state.schema).length === 0;
  const contentSeen = new Map<string, number>();
  let limit = batchSize;
  let processed = 0;

  for (;;) {
    task.throwIfAborted();
    const cursor = state.cursor;
    const got = await retry.run('source.fetch', (signal) => source.fetch({ cursor, limit, signal }));
    if (!got.ok) {
      result.status = 'rate-limited';
      result.retryAfterMs = got.retryAfterMs;
      break;
    }
    const page = got.value as { items?: unknown; nextCursor?: unknown } | null;
    if (page === null || typeof page !== 'object' || !Array.isArray(page.items)) throw new ConnectorError(fn, 'source.fetch must resolve to { items: [...], nextCursor }', new TypeError(`received ${page === null ? 'null' : typeof page}`));
    const next = page.nextCursor;
    if (!(next === null || typeof next === 'string' || typeof next === 'number')) throw new ConnectorError(fn, 'source.fetch returned a nextCursor that is not a string, number or null', new TypeError(typeof next));
    const items = page.items as Raw[];
    const boundary = new Set(state.boundaryKeys);
    const pageKeys = new Set<string>();
    const toWrite: Post[] = [];
    const toDelete: string[] = [];
    const failures: SyncFailure[] = [];
    let duplicates = 0;
    let fresh = 0;
    let maxCursor: CursorValue | null = cursor;
    const atMax: string[] = [];
    for (const raw of items) {
      let key: unknown;
      let c: unknown;
      try {
        key = keyOf(raw);
        c = cursorOf(raw);
      } catch (e) {
        failures.push({ key: null, reason: `keyOf/cursorOf threw: ${(e as Error)?.message ?? String(e)}` });
        continue;
      }
      const keyOk = typeof key === 'string' && key.length > 0;
      if (!(typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c)))) {
        failures.push({ key: keyOk ? (key as string) : null, reason: 'the record has no valid cursor value' });
        fresh++;
        continue;
      }
      if (cursor !== null && typeof c !== typeof cursor) throw new ConnectorError(fn, 'cursor values changed type between runs', new TypeError(`${typeof cursor} then ${typeof c}`));
      if (cursor !== null && cmp(c, cursor) < 0) {
        duplicates++; // replayed from before the checkpoint: delivered or reported already
        continue;
      }
      if (!keyOk) {
        failures.push({ key: null, reason: 'the record has no key (id)' });
        fresh++;
      } else {
        const k = key as string;
        if ((cursor !== null && cmp(c, cursor) === 0 && boundary.has(k)) || pageKeys.has(k)) {
          duplicates++;
          continue;
        }
        pageKeys.add(k);
        fresh++;
        // Schema of the raw record.
        if (raw !== null && typeof raw === 'object') {
          for (const [f, v] of Object.entries(raw as object)) {
            seenFields.add(f);
            const t = jsonType(v);
            if (t === null) continue;
            const before = state.schema[f];
            if (before === undefined) {
              if (!firstSchema) result.schemaChanges.push({ field: f, change: 'added', to: t });
              state.schema[f] = t;
            } else if (before !== t) {
              result.schemaChanges.push({ field: f, change: 'type-changed', from: before, to: t });
              state.schema[f] = t;
            }
          }
        }
        if (isDeleted(raw)) toDelete.push(k);
        else {
          let mapped: Post | string;
          try {
            mapped = map(raw);
          } catch (e) {
            mapped = `map threw: ${(e as Error)?.message ?? String(e)}`;
          }
          const problem = typeof mapped === 'string' ? mapped : postProblem(mapped, maxLen);
          if (problem !== null || typeof mapped === 'string') failures.push({ key: k, reason: problem ?? String(mapped) });
          else if (mapped.id !== k) failures.push({ key: k, reason: 'the mapped id differs from the record key' });
          else {
            let dup = false;
            if (window !== undefined) {
              const ck = `${mapped.author}\u0000${mapped.text}`;
              const t = new Date(mapped.createdAt).getTime();
              const prev = contentSeen.get(ck);
              if (prev !== undefined && Math.abs(t - prev) <= window) dup = true;
              else contentSeen.set(ck, t);
            }
            if (dup) duplicates++;
            else toWrite.push(mapped);
          }
        }
      }
      if (maxCursor === null || cmp(c, maxCursor) > 0) {
        maxCursor = c;
        atMax.length = 0;
      }
      if (cmp(c, maxCursor) === 0 && keyOk) atMax.push(key as string);
    }
    // No progress: nothing new and the cursor did not move, while the source says there is more.
    if (fresh === 0 && next !== null && (maxCursor === null || cursor === null || cmp(maxCursor, cursor) === 0)) {
      if (limit < batchSize * 16) {
        limit *= 2;
        result.duplicates += duplicates;
        continue;
      }
      throw new ConnectorError(fn, `the source's cursor does not advance: more than ${limit} records share cursor value ${String(cursor)}, or the source ignores the cursor`, new Error('non-advancing cursor'));
    }
    if (toDelete.length > 0) {
      if (typeof sink.delete !== 'function') throw new ConnectorError(fn, 'the source sent deletions but the sink has no delete()', new Error('sink.delete missing'));
      const del = await retry.run('sink.delete', (signal) => sink.delete!(toDelete, { signal }));
      if (!del.ok) {
        result.status = 'rate-limited';
        result.retryAfterMs = del.retryAfterMs;
        break;
      }
    }
    if (toWrite.length > 0) {
      const w = await retry.run('sink.write', (signal) => sink.write(toWrite, { signal }));
      if (!w.ok) {
        result.status = 'rate-limited';
        result.retryAfterMs = w.retryAfterMs;
        break;
      }
    }
    // Commit: the page is in the sink; advance the checkpoint.
    result.written += toWrite.length;
    result.deleted += toDelete.length;
    result.duplicates += duplicates;
    result.failures.push(...failures);
    if (maxCursor !== null) {
      if (cursor !== null && cmp(maxCursor, cursor) === 0) state.boundaryKeys = [...new Set([...state.boundaryKeys, ...atMax])];
      else state.boundaryKeys = [...new Set(atMax)];
      state.cursor = maxCursor;
    }
    processed += items.length;
    if (o.onCheckpoint) await o.onCheckpoint(structuredClone(state), { written: toWrite.length, deleted: toDelete.length, failures });
    task.checkpoint(processed);
    if (state.cursor !== cursor) limit = batchSize; // keep a grown page size while a big group of equal cursor values drains
    if (next === null) break;
  }
  if (result.status === 'complete' && processed > 0 && !firstSchema) {
    for (const f of Object.keys(state.schema)) {
      if (!seenFields.has(f)) {
        result.schemaChanges.push({ field: f, change: 'removed', from: state.schema[f]! });
        delete state.schema[f];
      }
    }
  }
  result.retries = retry.retries;
  result.state = structuredClone(state);
  return result;
}
