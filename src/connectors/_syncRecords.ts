/**
 * The incremental, loss-free sync engine behind syncPosts and syncTransactions.
 *
 * @internal
 * @module
 */
import { ConnectorError, InvalidOptionError, ModelFormatError } from '../core/errors.js';
import { taskControl } from '../core/progress.js';
import { options as checkOptions } from '../core/validate.js';
import { retrier } from './_retry.js';
import type { SyncFailure, SyncOptions, SyncResult, SyncState } from './syncPosts.js';
import type { CursorValue, EventSink } from './types.js';

/** What differs between record kinds: the validation of a mapped record and its content key. */
export interface RecordKind<T> {
  /** Why a mapped record is invalid, or `null`. */
  problem(mapped: unknown, maxLen: number): string | null;
  /** Author and text of a post, for `dedupeContentWithinMs` (posts only). */
  content?(mapped: T): { key: string; at: number };
  /** Option keys accepted besides the shared ones. */
  keys: readonly string[];
  /** Default cursor of a raw record. */
  cursorOf(raw: unknown): CursorValue;
  /** Whether a mapped record without an id takes the record key as its id (transactions). */
  idFromKey: boolean;
}

export const SYNC_KEYS = ['state', 'batchSize', 'map', 'cursorOf', 'keyOf', 'isDeleted', 'retry', 'timeoutMs', 'maxFieldLength', 'onCheckpoint', 'signal', 'onProgress'] as const;

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

function cmp(a: CursorValue, b: CursorValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs one sync. @internal */
export async function syncRecords<Raw, T extends { id?: string | undefined }>(fn: string, kind: RecordKind<T>, source: { fetch: (r: { cursor: CursorValue | null; limit: number; signal: AbortSignal }) => Promise<unknown> }, sink: EventSink<T>, options: SyncOptions<Raw, T>): Promise<SyncResult> {
  const o = checkOptions(fn, options, [...SYNC_KEYS, ...kind.keys]) as SyncOptions<Raw, T>;
  if (source === null || typeof source !== 'object' || typeof source.fetch !== 'function') throw new InvalidOptionError(fn, 'source must implement fetch({ cursor, limit, signal })', source);
  if (sink === null || typeof sink !== 'object' || typeof sink.write !== 'function') throw new InvalidOptionError(fn, 'sink must implement write(records, { signal })', sink);
  const batchSize = o.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidOptionError(fn, 'options.batchSize must be an integer >= 1', batchSize);
  const maxLen = o.maxFieldLength ?? 100_000;
  if (!Number.isInteger(maxLen) || maxLen < 1) throw new InvalidOptionError(fn, 'options.maxFieldLength must be an integer >= 1', maxLen);
  const window = (o as { dedupeContentWithinMs?: unknown }).dedupeContentWithinMs as number | undefined;
  if (window !== undefined && !(typeof window === 'number' && window >= 0)) throw new InvalidOptionError(fn, 'options.dedupeContentWithinMs must be a number >= 0', window);
  for (const f of ['map', 'cursorOf', 'keyOf', 'isDeleted', 'onCheckpoint'] as const) {
    if (o[f] !== undefined && typeof o[f] !== 'function') throw new InvalidOptionError(fn, `options.${f} must be a function`, o[f]);
  }
  const map = o.map ?? ((r: Raw) => r as unknown as T);
  const cursorOf = o.cursorOf ?? (kind.cursorOf as (r: Raw) => CursorValue);
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
    const toWrite: T[] = [];
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
          let mapped: T | string;
          try {
            mapped = map(raw);
          } catch (e) {
            mapped = `map threw: ${(e as Error)?.message ?? String(e)}`;
          }
          const problem = typeof mapped === 'string' ? mapped : kind.problem(mapped, maxLen);
          if (problem !== null || typeof mapped === 'string') failures.push({ key: k, reason: problem ?? String(mapped) });
          else if (mapped.id !== k && !(kind.idFromKey && mapped.id === undefined)) failures.push({ key: k, reason: 'the mapped id differs from the record key' });
          else {
            if (mapped.id === undefined) mapped = { ...mapped, id: k };
            let dup = false;
            if (window !== undefined && kind.content !== undefined) {
              const { key: ck, at: t } = kind.content(mapped);
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
