import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AbortError, InvalidInputError, InvalidOptionError, summarizeTransactions, summarizeTransactionStream } from 'crmkit/value';

const log = [
  { c: 'x', d: '2024-01-01 09:00:00', v: 10 },
  { c: 'x', d: '2024-01-01 18:30:00', v: 5 },
  { c: 'x', d: '2024-01-04', v: 20 },
  { c: 'x', d: '2024-01-10', v: 40 },
  { c: 'y', d: '20240105', v: 7 },
  { c: 'y', d: Date.UTC(2024, 0, 12), v: 0 },
  { c: 'z', d: '2024-01-11', v: 3 },
];
const base = { customerId: 'c', date: 'd', amount: 'v', observationEnd: '2024-01-14', zeroAmount: 'keep', timeZone: 'UTC' } as const;

async function* asyncBatches<T>(rows: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

describe('summarizeTransactionStream(batches, options)', () => {
  it('equals summarizeTransactions on the concatenated rows, for sync and async batches of any size', async () => {
    const whole = summarizeTransactions(log, { ...base, calibrationEnd: '2024-01-08' });
    for (const size of [1, 2, 3, 7, 100]) {
      expect(await summarizeTransactionStream(asyncBatches(log, size), { ...base, calibrationEnd: '2024-01-08' })).toEqual(whole);
      expect(await summarizeTransactionStream([log.slice(0, size), [], log.slice(size)], { ...base, calibrationEnd: '2024-01-08' })).toEqual(whole);
    }
  });

  it('property: any split of a random log gives the array result (report included)', async () => {
    const row = fc.record({
      c: fc.constantFrom('a', 'b', 'c', 'd', ''),
      d: fc.constantFrom('2024-01-01', '2024-01-02', '2024-01-09', '2024-02-20', 'nope', '2024-03-05'),
      v: fc.constantFrom(0, 5, -3, 12.5, Number.NaN),
    });
    const opts = { ...base, observationEnd: '2024-03-01', missingCustomerId: 'drop', invalidDate: 'drop', invalidAmount: 'drop', negativeAmount: 'keep' } as const;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (rows, size) => {
        let whole: unknown;
        try {
          whole = summarizeTransactions(rows, opts);
        } catch (e) {
          await expect(summarizeTransactionStream(asyncBatches(rows, size), opts)).rejects.toThrow((e as Error).message.replace('summarizeTransactions', 'summarizeTransactionStream'));
          return;
        }
        expect(await summarizeTransactionStream(asyncBatches(rows, size), opts)).toEqual(whole);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('numbers rows across batches in error messages', async () => {
    const dirty = [...log, { c: null, d: '2024-01-02', v: 1 }];
    await expect(summarizeTransactionStream(asyncBatches(dirty, 3), base)).rejects.toThrow(/value\/summarizeTransactionStream: transactions\[7\] has no customer id/);
  });

  it('rejects a non-array batch, a non-iterable source, an empty stream and bad options', async () => {
    await expect(summarizeTransactionStream([log, 'oops' as never], base)).rejects.toThrow(/batches\[1\] must be an array of rows/);
    await expect(summarizeTransactionStream(42 as never, base)).rejects.toThrow(InvalidInputError);
    await expect(summarizeTransactionStream([], base)).rejects.toThrow(/held no transactions .*; received 0$/);
    await expect(summarizeTransactionStream([[], []], base)).rejects.toThrow(/held no transactions .*; received 2$/);
    await expect(summarizeTransactionStream([log], { ...base, period: 'year' as never })).rejects.toThrow(InvalidOptionError);
    await expect(summarizeTransactionStream([log], { ...base, colour: 'red' } as never)).rejects.toThrow(InvalidOptionError);
  });

  it('signal aborts between batches; onProgress sees the rows read', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    async function* stopping(): AsyncGenerator<typeof log> {
      yield log;
      ac.abort();
      yield log;
    }
    await expect(summarizeTransactionStream(stopping(), { ...base, signal: ac.signal })).rejects.toThrow(AbortError);
    await summarizeTransactionStream(asyncBatches(log, 7), { ...base, onProgress: (p) => seen.push(p.completed) });
    expect(seen).toEqual([7]);
  });
});
