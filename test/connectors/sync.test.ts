import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectorError,
  createInMemoryCustomerStore,
  createInMemoryPostSource,
  createInMemorySink,
  exportSnapshot,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  restoreSnapshot,
  syncCustomers,
  syncPosts,
  type Post,
  type PostSource,
} from 'crmkit/connectors';

const post = (id: string, t: number, extra: Record<string, unknown> = {}) => ({ id, author: 'a', text: `t${id}`, createdAt: t, ...extra });
const signal = () => new AbortController().signal;

describe('syncPosts(source, sink, options)', () => {
  it('never loses or duplicates records that share the boundary cursor value, across runs', async () => {
    const source = createInMemoryPostSource([post('a', 1), post('b', 2), post('c', 2)]);
    const sink = createInMemorySink();
    const r1 = await syncPosts(source, sink, { batchSize: 2 });
    expect(r1.state.cursor).toBe(2);
    expect(r1.state.boundaryKeys).toEqual(['b', 'c']);
    source.add(post('d', 2), post('e', 3)); // arrives later with the same cursor value as the boundary
    const r2 = await syncPosts(source, sink, { state: r1.state, batchSize: 2 });
    expect(r2.written).toBe(2);
    expect([...sink.records.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(r2.duplicates).toBeGreaterThan(0);
  });
  it('grows the page while a group of equal cursor values is larger than batchSize', async () => {
    const source = createInMemoryPostSource(Array.from({ length: 9 }, (_, i) => post(`p${i}`, 5)));
    const sink = createInMemorySink();
    const r = await syncPosts(source, sink, { batchSize: 2 });
    expect(r.written).toBe(9);
    expect(sink.records.size).toBe(9);
  });
  it('detects a cursor that does not advance instead of looping', async () => {
    const stuck: PostSource<Post> = { fetch: async () => ({ items: [post('x', 1)], nextCursor: 1 }) };
    await expect(syncPosts(stuck, createInMemorySink(), { batchSize: 1 })).rejects.toThrow(/does not advance/);
  });
  it('ends early on retryAfter with a checkpoint that resumes exactly', async () => {
    const inner = createInMemoryPostSource([post('a', 1), post('b', 2), post('c', 3)]);
    let calls = 0;
    const limited: PostSource<Post> = {
      fetch: async (req) => {
        if (++calls === 2) throw Object.assign(new Error('429'), { retryAfter: 30 });
        return inner.fetch(req);
      },
    };
    const sink = createInMemorySink();
    const r1 = await syncPosts(limited, sink, { batchSize: 1 });
    expect(r1).toMatchObject({ status: 'rate-limited', retryAfterMs: 30_000, written: 1 });
    const r2 = await syncPosts(limited, sink, { batchSize: 1, state: r1.state });
    expect(r2.status).toBe('complete');
    expect([...sink.records.keys()]).toEqual(['a', 'b', 'c']);
  });
  it('retries retryable errors with seeded, reproducible backoff, then gives up with the cause', async () => {
    const delays: number[][] = [];
    for (let rep = 0; rep < 2; rep++) {
      let last = performance.now();
      const d: number[] = [];
      const flaky: PostSource<Post> = {
        fetch: async () => {
          const now = performance.now();
          d.push(now - last);
          last = now;
          throw Object.assign(new Error('503'), { retryable: true });
        },
      };
      const e = await syncPosts(flaky, createInMemorySink(), { retry: { maxAttempts: 3, baseDelayMs: 20, seed: 7 } }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConnectorError);
      expect(((e as ConnectorError).cause as Error).message).toBe('503');
      delays.push(d.slice(1));
    }
    // Waits of 10–20 ms then 20–40 ms (jittered); timers only ever fire late.
    expect(delays[0]![0]).toBeGreaterThanOrEqual(9);
    expect(delays[0]![1]).toBeGreaterThanOrEqual(19);
  });
  it('reports schema changes, validation failures, mapped fields, deletes', async () => {
    const source = createInMemoryPostSource<Record<string, unknown> & { id: string }>([
      { id: '1', user: 'ann', body: 'hi', ts: 1, likes: 3 },
      { id: '2', user: 'bob', body: 'x'.repeat(50), ts: 2, likes: 1 },
    ], { cursorOf: (r) => (r as Record<string, unknown>)['ts'] as number });
    const sink = createInMemorySink();
    const opts = {
      cursorOf: (r: Record<string, unknown>) => r['ts'] as number,
      map: (r: Record<string, unknown>): Post => ({ id: r['id'] as string, author: r['user'] as string, text: r['body'] as string, createdAt: r['ts'] as number }),
      maxFieldLength: 20,
    };
    const r1 = await syncPosts(source, sink, opts);
    expect(r1.failures).toEqual([{ key: '2', reason: 'text is longer than maxFieldLength (20)' }]);
    expect(sink.records.get('1')).toEqual({ id: '1', author: 'ann', text: 'hi', createdAt: 1 });
    source.add({ id: '3', user: 'cy', body: 'yo', ts: 3, likes: '7', lang: 'en' }, { id: '1', ts: 4, deleted: true });
    const r2 = await syncPosts(source, sink, { ...opts, state: r1.state });
    expect(r2.schemaChanges).toEqual([
      { field: 'likes', change: 'type-changed', from: 'number', to: 'string' },
      { field: 'lang', change: 'added', to: 'string' },
      { field: 'deleted', change: 'added', to: 'boolean' },
    ]);
    expect(r2.deleted).toBe(1);
    expect([...sink.records.keys()]).toEqual(['3']);
  });
  it('bad input: non-array pages, missing ids, malformed state, bad options, abort', async () => {
    const bad: PostSource<Post> = { fetch: async () => ({ items: 'nope', nextCursor: null }) as never };
    await expect(syncPosts(bad, createInMemorySink())).rejects.toThrow(ConnectorError);
    const r = await syncPosts(createInMemoryPostSource([{ author: 'a', text: 't', createdAt: 1 } as never]), createInMemorySink());
    expect(r.failures).toEqual([{ key: null, reason: 'the record has no key (id)' }]);
    await expect(syncPosts(createInMemoryPostSource([]), createInMemorySink(), { state: { kind: 'x' } as never })).rejects.toThrow(ModelFormatError);
    await expect(syncPosts(createInMemoryPostSource([]), createInMemorySink(), { batchSize: 0 })).rejects.toThrow(InvalidOptionError);
    await expect(syncPosts({} as never, createInMemorySink())).rejects.toThrow(InvalidOptionError);
    const ac = new AbortController();
    ac.abort();
    await expect(syncPosts(createInMemoryPostSource([post('a', 1)]), createInMemorySink(), { signal: ac.signal })).rejects.toThrow(AbortError);
  });
  it('drops content duplicates within a window when asked', async () => {
    const source = createInMemoryPostSource([post('a', 1, { text: 'same' }), post('b', 2, { text: 'same' }), post('c', 5000, { text: 'same' })]);
    const r = await syncPosts(source, createInMemorySink(), { dedupeContentWithinMs: 1000 });
    expect([r.written, r.duplicates]).toEqual([2, 1]);
  });
});

describe('syncCustomers(a, b, { direction, conflict })', () => {
  it('pull copies a to b only; push b to a only', async () => {
    const a = createInMemoryCustomerStore([{ id: 'c1' }]);
    const b = createInMemoryCustomerStore([{ id: 'c2' }]);
    const r = await syncCustomers(a, b, { direction: 'pull' });
    expect(r.upserted).toEqual({ a: [], b: ['c1'] });
    expect([...a.rows.keys()]).toEqual(['c1']);
  });
  it('resolves conflicts by rule and propagates deletes both ways', async () => {
    const a = createInMemoryCustomerStore([{ id: 'c1', name: 'A' }, { id: 'c2' }]);
    const b = createInMemoryCustomerStore();
    const s1 = (await syncCustomers(a, b, { direction: 'both' })).state;
    await a.upsert([{ id: 'c1', name: 'from a' }], { signal: signal() });
    await b.upsert([{ id: 'c1', name: 'from b' }], { signal: signal() });
    await b.delete(['c2'], { signal: signal() });
    const r = await syncCustomers(a, b, { direction: 'both', conflict: 'source', state: s1 });
    expect(r.conflicts).toEqual([{ id: 'c1', winner: 'a' }]);
    expect(r.deleted).toEqual({ a: ['c2'], b: [] });
    expect(b.rows.get('c1')!.name).toBe('from a');
    const again = await syncCustomers(a, b, { direction: 'both', state: r.state });
    expect([again.upserted, again.deleted, again.conflicts]).toEqual([{ a: [], b: [] }, { a: [], b: [] }, []]);
  });
  it("'newest' keeps a change over a concurrent delete", async () => {
    const a = createInMemoryCustomerStore([{ id: 'c1' }]);
    const b = createInMemoryCustomerStore();
    const s = (await syncCustomers(a, b, { direction: 'both' })).state;
    await a.delete(['c1'], { signal: signal() });
    await b.upsert([{ id: 'c1', name: 'kept' }], { signal: signal() });
    const r = await syncCustomers(a, b, { direction: 'both', state: s });
    expect(r.conflicts).toEqual([{ id: 'c1', winner: 'b' }]);
    expect(a.rows.get('c1')!.name).toBe('kept');
  });
  it('rejects bad options and state', async () => {
    const a = createInMemoryCustomerStore();
    await expect(syncCustomers(a, a, { direction: 'sideways' as never })).rejects.toThrow(InvalidOptionError);
    await expect(syncCustomers(a, a, { direction: 'both', state: { known: {} } as never })).rejects.toThrow(ModelFormatError);
  });
});

describe('exportSnapshot / restoreSnapshot', () => {
  it('round-trips a store and detects truncation and alteration', async () => {
    const store = createInMemoryCustomerStore([{ id: 'c1', email: 'a@x.com', attributes: { city: 'Leeds', vip: true } }, { id: 'c2' }]);
    const snap = await exportSnapshot(store);
    const copy = createInMemoryCustomerStore();
    expect(await restoreSnapshot(copy, snap)).toEqual({ restored: 2, verified: true });
    expect(await exportSnapshot(copy)).toBe(snap);
    const lines = snap.trimEnd().split('\n');
    await expect(restoreSnapshot(copy, lines.slice(0, 2).join('\n'))).rejects.toThrow(/truncated/);
    await expect(restoreSnapshot(copy, snap.replace('Leeds', 'Leads'))).rejects.toThrow(/checksum/);
    await expect(restoreSnapshot(copy, 'hello')).rejects.toThrow(InvalidInputError);
  });
});
