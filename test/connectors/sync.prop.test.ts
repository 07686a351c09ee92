import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ConnectorError, createInMemoryPostSource, createInMemorySink, syncPosts, type FetchRequest, type Post, type PostSource, type SourcePage, type SyncState } from 'crmkit/connectors';

type SourceFault = 'ok' | 'retryable' | 'fatal' | 'rate-limit' | 'duplicate-page' | 'hang';
type SinkFault = 'ok' | 'retryable' | 'die-mid-batch' | 'rate-limit';
type Rec = Post & { id: string; updatedAt: number };

const err = (fields: Record<string, unknown>): Error => Object.assign(new Error('injected'), fields);

/** A source that follows a fault schedule call by call, then behaves. */
function faultySource(inner: PostSource<Rec>, schedule: SourceFault[]): PostSource<Rec> {
  let call = 0;
  let last: SourcePage<Rec> | null = null;
  return {
    async fetch(req: FetchRequest) {
      const f = schedule[call++] ?? 'ok';
      if (f === 'retryable') throw err({ retryable: true });
      if (f === 'fatal') throw err({});
      if (f === 'rate-limit') throw err({ retryAfter: 1 });
      if (f === 'hang') return new Promise<never>((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)));
      if (f === 'duplicate-page' && last !== null) return last;
      last = await inner.fetch(req);
      return last;
    },
  };
}

const record = fc.record({
  n: fc.integer({ min: 0, max: 59 }),
  cursor: fc.integer({ min: 0, max: 5 }), // few values: many records share a cursor value
  valid: fc.integer({ min: 0, max: 3 }).map((v) => v > 0), // one in four invalid
});

describe('syncPosts under injected faults', () => {
  test.prop(
    [
      fc.uniqueArray(record, { selector: (r) => r.n, maxLength: 30 }),
      fc.array(fc.constantFrom<SourceFault>('ok', 'ok', 'ok', 'retryable', 'fatal', 'rate-limit', 'duplicate-page', 'hang'), { maxLength: 14 }),
      fc.array(fc.constantFrom<SinkFault>('ok', 'ok', 'retryable', 'die-mid-batch', 'rate-limit'), { maxLength: 10 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 1000 }),
    ],
    { numRuns: 1000 },
  )('after resuming, the sink holds every valid record exactly once and the reports list every invalid one', async (specs, sourceFaults, sinkFaults, batchSize, seed) => {
    const records: Rec[] = specs.map((s) => ({ id: `p${s.n}`, author: s.valid ? `a${s.n % 4}` : '', text: `post ${s.n}`, createdAt: s.cursor, updatedAt: s.cursor }));
    const valid = new Map(records.filter((r) => r.author !== '').map((r) => [r.id, r]));
    const invalid = new Set(records.filter((r) => r.author === '').map((r) => r.id));
    const source = faultySource(createInMemoryPostSource(records), sourceFaults);
    const store = createInMemorySink<Post>();
    let writeCall = 0;
    const sink = {
      async write(rs: readonly Post[], req: { signal: AbortSignal }) {
        const f = sinkFaults[writeCall++] ?? 'ok';
        if (f === 'retryable') throw err({ retryable: true });
        if (f === 'rate-limit') throw err({ retryAfter: 2 });
        if (f === 'die-mid-batch') {
          await store.write(rs.slice(0, Math.floor(rs.length / 2)), req);
          throw err({});
        }
        await store.write(rs, req);
      },
    };
    let saved: SyncState | undefined;
    const reported = new Set<string | null>();
    let done = false;
    for (let run = 0; run < 100 && !done; run++) {
      try {
        const r = await syncPosts(source, sink, {
          ...(saved !== undefined && { state: saved }),
          batchSize,
          retry: { maxAttempts: 2, baseDelayMs: 0, seed },
          timeoutMs: 5,
          onCheckpoint: (s, committed) => {
            saved = JSON.parse(JSON.stringify(s)) as SyncState;
            for (const f of committed.failures) reported.add(f.key);
          },
        });
        for (const f of r.failures) expect(reported.has(f.key)).toBe(true);
        done = r.status === 'complete';
        if (!done) expect(r.retryAfterMs).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(ConnectorError);
        expect((e as ConnectorError).cause).toBeDefined();
      }
    }
    expect(done).toBe(true);
    expect(new Map([...store.records].sort())).toEqual(new Map([...valid].sort()));
    expect(reported).toEqual(invalid);
  });
});
