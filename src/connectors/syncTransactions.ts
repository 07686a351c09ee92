import type { Transaction } from '../core/types.js';
import { syncRecords, type RecordKind } from './_syncRecords.js';
import type { SyncOptions, SyncResult } from './syncPosts.js';
import type { CursorValue, EventSink, TransactionSource } from './types.js';

/** Options of {@link syncTransactions}. */
export type SyncTransactionsOptions<Raw> = SyncOptions<Raw, Transaction>;

/** `raw.updatedAt ?? raw.at` (a Date becomes epoch ms). */
function transactionCursor(raw: unknown): CursorValue {
  const r = raw as { updatedAt?: unknown; at?: unknown } | null;
  const v = r?.updatedAt ?? r?.at;
  if (v instanceof Date) return v.getTime();
  return v as CursorValue;
}

/** Validates a mapped transaction: customer id, timestamp, finite amount, string fields and lengths. */
function transactionProblem(t: unknown, maxLen: number): string | null {
  if (t === null || typeof t !== 'object' || Array.isArray(t)) return 'the mapped record is not an object';
  const q = t as Record<string, unknown>;
  if (typeof q['customerId'] !== 'string') return 'customerId must be a string';
  if ((q['customerId'] as string).length === 0) return 'customerId must not be empty';
  for (const f of ['id', 'customerId', 'currency']) {
    const v = q[f];
    if (v !== undefined && typeof v !== 'string') return `${f} must be a string`;
    if (typeof v === 'string' && v.length > maxLen) return `${f} is longer than maxFieldLength (${maxLen})`;
  }
  if (q['id'] === '') return 'id must not be empty';
  const a = q['amount'];
  if (typeof a !== 'number' || !Number.isFinite(a)) return 'amount must be a finite number';
  const c = q['at'];
  const ms = c instanceof Date ? c.getTime() : typeof c === 'number' ? c : typeof c === 'string' ? Date.parse(c) : NaN;
  if (!Number.isFinite(ms)) return 'at must be a valid Date, ISO 8601 string or epoch milliseconds';
  return null;
}

const TRANSACTION_KIND: RecordKind<Transaction> = { problem: transactionProblem, keys: [], cursorOf: transactionCursor, idFromKey: true };

/**
 * Copies transactions from a shop or billing system into a sink, incrementally and loss-free, with
 * the same checkpoint, `>=` cursor plus key de-duplication, retry, rate-limit, validation, schema and
 * failure reports and delete propagation as `syncPosts`.
 *
 * @remarks The default cursor is `updatedAt ?? at` and the default key `id`; a transaction whose
 * mapped record has no `id` gets its key as `id`, so a sink that upserts by `id` holds each once.
 * A record is rejected (listed in `failures` with the reason, never dropped in silence) when its
 * `customerId` is missing or empty, `amount` is not a finite number, `at` is not a valid time, or a
 * string field is longer than `maxFieldLength`. Returns (negative amounts) are valid transactions.
 * Memory: one page at a time plus the keys at the boundary cursor value.
 * @throws {@link ConnectorError} when an adapter fails for good (its error as `cause`), returns a
 * malformed page, or its cursor does not advance
 * @throws {@link ModelFormatError} when `options.state` is not a sync state
 * @throws {@link InvalidOptionError} for a bad option
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { createInMemoryPostSource, createInMemorySink, syncTransactions, type Transaction } from 'crmkit/connectors';
 * const source = createInMemoryPostSource([
 *   { id: 't1', customerId: 'c1', at: 1000, amount: 12.5 },
 *   { id: 't2', customerId: 'c2', at: 1000, amount: -3 },
 *   { id: 't3', customerId: 'c1', at: 2000, amount: 'twelve' },
 * ]);
 * const sink = createInMemorySink<Transaction>();
 * const first = await syncTransactions(source, sink, { batchSize: 2 });
 * [first.written, first.failures]; // => [2, [{ key: 't3', reason: 'amount must be a finite number' }]]
 * source.add({ id: 't4', customerId: 'c2', at: 2000, amount: 7 });
 * (await syncTransactions(source, sink, { state: first.state })).written; // => 1
 * [...sink.records.keys()]; // => ['t1', 't2', 't4']
 * ```
 * @category Sync
 */
export async function syncTransactions<Raw = Transaction>(source: TransactionSource<Raw>, sink: EventSink<Transaction>, options: SyncTransactionsOptions<Raw> = {}): Promise<SyncResult> {
  return syncRecords('connectors/syncTransactions', TRANSACTION_KIND, source, sink, options);
}
