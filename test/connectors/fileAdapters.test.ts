import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectorError, createInMemoryCustomerStore, createInMemorySink, InvalidInputError, InvalidOptionError, syncCustomers, syncPosts, syncTransactions, type Transaction } from 'crmkit/connectors';
import { createFileCustomerStore, createFileSink, createFileSource } from 'crmkit/connectors/node';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (ext: string): string => join(dir, `f${n++}.${ext}`);
const signal = () => new AbortController().signal;

describe('createFileSource(path, options)', () => {
  it('serves records >= cursor in (cursor, key) order and picks up lines appended between runs', async () => {
    const f = file('jsonl');
    writeFileSync(f, '{"id":"b","author":"x","text":"2","createdAt":2}\n{"id":"a","author":"x","text":"1","createdAt":1}\n');
    const source = createFileSource(f);
    const sink = createInMemorySink();
    const r1 = await syncPosts(source, sink, { batchSize: 1 });
    expect(r1.written).toBe(2);
    appendFileSync(f, '{"id":"c","author":"x","text":"3","createdAt":2}\n{"id":"d","author":"x","text":"4","createdAt":5}\n');
    const r2 = await syncPosts(source, sink, { state: r1.state, batchSize: 1 });
    expect(r2.written).toBe(2);
    expect([...sink.records.keys()]).toEqual(['a', 'b', 'c', 'd']);
  });
  it('a later line with the same key replaces the earlier version', async () => {
    const f = file('jsonl');
    writeFileSync(f, '{"id":"a","author":"x","text":"old","createdAt":1}\n{"id":"a","author":"x","text":"new","createdAt":1,"updatedAt":3}\n');
    const page = await createFileSource(f).fetch({ cursor: null, limit: 10, signal: signal() });
    expect(page.items).toEqual([{ id: 'a', author: 'x', text: 'new', createdAt: 1, updatedAt: 3 }]);
  });
  it('reads CSV with typed cursor columns (gzip too) and leaves empty cells out', async () => {
    const f = file('csv');
    writeFileSync(f, 'id,customerId,at,amount,currency\nt1,c1,2011-12-09 09:15:00,3.5,\nt2,c2,2011-12-09 10:00:00,-1,GBP\n');
    const source = createFileSource(f, { columns: { at: 'date', amount: 'number' }, timeZone: 'Europe/London' });
    const sink = createInMemorySink<Transaction>();
    const r = await syncTransactions(source, sink);
    expect(r.failures).toEqual([]);
    expect(sink.records.get('t1')).toEqual({ id: 't1', customerId: 'c1', at: Date.UTC(2011, 11, 9, 9, 15), amount: 3.5 });
    expect(sink.records.get('t2')?.currency).toBe('GBP');
  });
  it('a malformed line or a missing cursor fails the sync naming the line, or is reported under skip-and-report', async () => {
    const f = file('jsonl');
    writeFileSync(f, '{"id":"a","author":"x","text":"1","createdAt":1}\n{"id":"b",\n{"id":"c","author":"x","text":"3"}\n');
    const e = await syncPosts(createFileSource(f), createInMemorySink()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectorError);
    expect((e as ConnectorError).cause).toBeInstanceOf(InvalidInputError);
    expect(String(((e as ConnectorError).cause as Error).message)).toMatch(/line 2/);
    const source = createFileSource(f, { onError: 'skip-and-report' });
    const r = await syncPosts(source, createInMemorySink());
    expect(r.written).toBe(1);
    expect(source.report.issues).toEqual([{ line: 2, reason: 'not valid JSON' }, { line: 3, reason: expect.stringMatching(/cursor/) }]);
  });
  it('rejects bad arguments with typed errors naming itself', () => {
    expect(() => createFileSource('')).toThrow(InvalidInputError);
    expect(() => createFileSource('x.txt')).toThrow(/format/);
    expect(() => createFileSource('x.jsonl', { delimiter: ';' })).toThrow(InvalidOptionError);
    expect(() => createFileSource('x.jsonl', { cursorOf: 1 as never })).toThrow(/connectors\/createFileSource/);
  });
  it('a missing file is a ConnectorError from fetch', async () => {
    await expect(createFileSource(join(dir, 'none.jsonl')).fetch({ cursor: null, limit: 1, signal: signal() })).rejects.toThrow(ConnectorError);
  });
});

describe('createFileSink(path, options)', () => {
  it('appends new keys, rewrites on replace and delete, each key once in the file', async () => {
    const f = file('jsonl');
    const sink = createFileSink<{ id: string; v: number }>(f);
    await sink.write([{ id: 'a', v: 1 }, { id: 'b', v: 2 }], { signal: signal() });
    await sink.write([{ id: 'c', v: 3 }], { signal: signal() });
    await sink.write([{ id: 'a', v: 9 }], { signal: signal() });
    await sink.delete!(['b'], { signal: signal() });
    expect(readFileSync(f, 'utf8')).toBe('{"id":"a","v":9}\n{"id":"c","v":3}\n');
    expect([...(await createFileSink(f).records()).keys()]).toEqual(['a', 'c']);
  });
  it('cuts a torn last line (a crash during an append) on open and counts it', async () => {
    const f = file('jsonl');
    writeFileSync(f, '{"id":"a","v":1}\n{"id":"b","v');
    const sink = createFileSink(f);
    expect([...(await sink.records()).keys()]).toEqual(['a']);
    expect(sink.recoveredLines).toBe(1);
    expect(readFileSync(f, 'utf8')).toBe('{"id":"a","v":1}\n');
  });
  it('writes CSV with the union of the fields as columns', async () => {
    const f = file('csv');
    const sink = createFileSink<Record<string, unknown>>(f, { columns: { v: 'number' } });
    await sink.write([{ id: 'a', v: 1 }], { signal: signal() });
    await sink.write([{ id: 'b', v: 2, note: 'x, y' }], { signal: signal() });
    expect(readFileSync(f, 'utf8')).toBe('id,v,note\na,1,\nb,2,"x, y"\n');
    expect([...(await createFileSink(f, { columns: { v: 'number' } }).records()).values()]).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 2, note: 'x, y' }]);
  });
  it('rejects records without a key, gzip paths and bad requests with typed errors', async () => {
    const sink = createFileSink(file('jsonl'));
    await expect(sink.write([{ v: 1 }], { signal: signal() })).rejects.toThrow(InvalidInputError);
    await expect(sink.write([{ id: 'a' }], {} as never)).rejects.toThrow(/connectors\/createFileSink/);
    expect(() => createFileSink(join(dir, 'x.jsonl.gz'))).toThrow(InvalidInputError);
  });
});

describe('createFileCustomerStore(path, options)', () => {
  it('round-trips syncCustomers both ways with a file on one side, deletes included', async () => {
    const f = file('jsonl');
    let clock = 0;
    const fileStore = createFileCustomerStore(f, { now: () => ++clock });
    const crm = createInMemoryCustomerStore([{ id: 'c1', email: 'a@x.com' }, { id: 'c2', name: 'Bo' }]);
    const r1 = await syncCustomers(crm, fileStore, { direction: 'both' });
    expect((await createFileCustomerStore(f).list({ cursor: null, limit: 10, signal: signal() })).items.map((c) => c.id)).toEqual(['c1', 'c2']);
    await crm.delete(['c2'], { signal: signal() });
    await syncCustomers(crm, createFileCustomerStore(f, { now: () => ++clock }), { direction: 'both', state: r1.state });
    const after = createFileCustomerStore(f);
    expect(await after.get('c2', { signal: signal() })).toBeNull();
    expect((await after.get('c1', { signal: signal() }))?.email).toBe('a@x.com');
  });
  it('lists in id order with the last id as cursor', async () => {
    const store = createFileCustomerStore(file('csv'), { now: () => 5 });
    await store.upsert([{ id: 'b' }, { id: 'a' }, { id: 'c' }], { signal: signal() });
    const p1 = await store.list({ cursor: null, limit: 2, signal: signal() });
    expect(p1.items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(p1.nextCursor).toBe('b');
    const p2 = await store.list({ cursor: 'b', limit: 2, signal: signal() });
    expect(p2).toEqual({ items: [{ id: 'c', version: 1, updatedAt: 5 }], nextCursor: null });
  });
});
