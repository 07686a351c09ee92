import { ConnectorError, InvalidInputError } from '../core/errors.js';
import type { Customer } from '../core/types.js';
import { subtle, toHex, utf8 } from './_bytes.js';
import type { CustomerStore, StoredCustomer } from './types.js';

/** Result of {@link restoreSnapshot}. */
export interface RestoreSnapshotResult {
  /** Customers written. */
  restored: number;
  /** Every restored customer was read back and equals the snapshot (fields other than version/updatedAt). */
  verified: true;
}

const signal = (): AbortSignal => new AbortController().signal;

function strip(c: StoredCustomer | Customer): Customer {
  const { version: _v, updatedAt: _u, ...rest } = c as StoredCustomer;
  return rest;
}

/** JSON with object keys sorted, so equal records serialize equally. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

async function digest(fn: string, lines: readonly string[]): Promise<string> {
  return toHex(await subtle(fn).digest('SHA-256', utf8(lines.join('\n'))));
}

/**
 * Backs up a {@link CustomerStore} as JSON Lines: a header line (`kind`, `formatVersion`, `count`,
 * `sha256` of the record lines), then one customer per line in id order.
 *
 * @remarks Versions and `updatedAt` are store-specific and left out; restoring writes the customers
 * as new versions. Records are written with sorted keys, so two snapshots of the same data are
 * byte-identical. The text may hold personal data: encrypt it at rest (see {@link encryptFields}).
 * @throws {@link ConnectorError} when the store fails
 * @example
 * ```ts
 * import { createInMemoryCustomerStore, exportSnapshot, restoreSnapshot } from 'crmkit/connectors';
 * const store = createInMemoryCustomerStore([{ id: 'c2', name: 'Bo' }, { id: 'c1', email: 'a@x.com' }]);
 * const snapshot = await exportSnapshot(store);
 * snapshot.split('\n')[1]; // => '{"email":"a@x.com","id":"c1"}'
 * const copy = createInMemoryCustomerStore();
 * await restoreSnapshot(copy, snapshot); // => { restored: 2, verified: true }
 * ```
 * @category Sync
 */
export async function exportSnapshot(store: CustomerStore): Promise<string> {
  const fn = 'connectors/exportSnapshot';
  const all: StoredCustomer[] = [];
  let cursor: string | null = null;
  try {
    for (;;) {
      const page: Awaited<ReturnType<CustomerStore['list']>> = await store.list({ cursor, limit: 1000, signal: signal() });
      all.push(...page.items);
      if (page.nextCursor === null || page.nextCursor === cursor) break;
      cursor = page.nextCursor;
    }
  } catch (e) {
    throw new ConnectorError(fn, 'store.list failed', e);
  }
  all.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const lines = all.map((c) => canonical(strip(c)));
  const header = JSON.stringify({ kind: 'crmkitSnapshot', formatVersion: 1, count: lines.length, sha256: await digest(fn, lines) });
  return [header, ...lines].join('\n') + '\n';
}

/**
 * Restores a snapshot from {@link exportSnapshot} into a store, after checking its header, count and
 * SHA-256; then reads every customer back and checks it equals the snapshot.
 *
 * @throws {@link InvalidInputError} when the snapshot is not one, is truncated or altered (count or
 * checksum mismatch), or a line is not a customer with an id; nothing is written then
 * @throws {@link ConnectorError} when the store fails, or a customer read back differs from the snapshot
 * @example
 * ```ts
 * import { createInMemoryCustomerStore, exportSnapshot, restoreSnapshot } from 'crmkit/connectors';
 * const snapshot = await exportSnapshot(createInMemoryCustomerStore([{ id: 'c1', email: 'a@x.com' }]));
 * const altered = snapshot.replace('a@x.com', 'b@x.com');
 * await restoreSnapshot(createInMemoryCustomerStore(), altered).catch((e: Error) => e.message.includes('checksum')); // => true
 * ```
 * @category Sync
 */
export async function restoreSnapshot(store: CustomerStore, snapshot: string): Promise<RestoreSnapshotResult> {
  const fn = 'connectors/restoreSnapshot';
  if (typeof snapshot !== 'string') throw new InvalidInputError(fn, 'snapshot must be a string', snapshot);
  const lines = snapshot.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let header: { kind?: unknown; formatVersion?: unknown; count?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(lines[0] ?? '') as typeof header;
  } catch {
    throw new InvalidInputError(fn, 'the first line is not a snapshot header', lines[0]);
  }
  if (header?.kind !== 'crmkitSnapshot' || header.formatVersion !== 1) throw new InvalidInputError(fn, "the first line is not a snapshot header (kind 'crmkitSnapshot', formatVersion 1)", lines[0]);
  const body = lines.slice(1);
  if (body.length !== header.count) throw new InvalidInputError(fn, `the snapshot holds ${body.length} records but its header says ${String(header.count)} (truncated?)`, body.length);
  if ((await digest(fn, body)) !== header.sha256) throw new InvalidInputError(fn, 'the snapshot checksum does not match its records (altered or corrupted)', header.sha256);
  const customers: Customer[] = body.map((l, i) => {
    const c = JSON.parse(l) as Customer;
    if (c === null || typeof c !== 'object' || typeof c.id !== 'string' || c.id === '') throw new InvalidInputError(fn, `line ${i + 2} is not a customer with an id`, i + 2);
    return c;
  });
  try {
    for (let i = 0; i < customers.length; i += 1000) await store.upsert(customers.slice(i, i + 1000), { signal: signal() });
  } catch (e) {
    throw new ConnectorError(fn, 'store.upsert failed', e);
  }
  for (let i = 0; i < customers.length; i++) {
    let back: StoredCustomer | null;
    try {
      back = await store.get(customers[i]!.id, { signal: signal() });
    } catch (e) {
      throw new ConnectorError(fn, 'store.get failed', e);
    }
    if (back === null || canonical(strip(back)) !== body[i]) throw new ConnectorError(fn, `verification failed: customer on line ${i + 2} reads back differently`, new Error('restore verification'));
  }
  return { restored: customers.length, verified: true };
}
