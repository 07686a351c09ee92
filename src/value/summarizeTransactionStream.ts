import { InvalidInputError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { transactionAccumulator } from './_summary.js';
import type { SummarizeTransactionsOptions, SummarizeTransactionsResult } from './summarizeTransactions.js';

/** Options of {@link summarizeTransactionStream}: those of `summarizeTransactions`, plus `signal` / `onProgress`. */
export interface SummarizeTransactionStreamOptions<Row> extends SummarizeTransactionsOptions<Row>, LongRunOptions {}

/**
 * {@link summarizeTransactions} over a log that arrives in batches (a file read chunk by chunk, a
 * paged export, a database cursor), so the whole log never has to sit in memory.
 *
 * @remarks `batches` is any iterable or async iterable of row arrays; each batch is folded in as it
 * arrives and may be dropped by the caller afterwards, so memory is O(customers + customer-periods)
 * plus one batch. Rows are numbered across batches (`transactions[i]` in error messages counts from
 * the first row of the first batch), and the result, including `report`, is identical to
 * `summarizeTransactions` on the concatenated rows. Batches rather than single rows keep the cost of
 * `await` per row away and stay unambiguous when a row is itself an array (CSV fields).
 * `onProgress` reports the rows read so far (`total` is unknown); `signal` is checked between batches.
 * @throws {@link InvalidInputError} when a batch is not an array, when there are no rows at all, or as
 * `summarizeTransactions` does for a broken row
 * @throws {@link InvalidOptionError} as `summarizeTransactions` does
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { summarizeTransactionStream } from 'crmkit/value';
 * async function* pages() {
 *   yield [{ id: 'a', at: '2024-01-01', eur: 10 }, { id: 'b', at: '2024-01-05', eur: 7 }];
 *   yield [{ id: 'a', at: '2024-01-08', eur: 30 }];
 * }
 * const s = await summarizeTransactionStream(pages(), { customerId: 'id', date: 'at', amount: 'eur', observationEnd: '2024-01-15', periodsPerUnit: 7 });
 * s.rows[0]; // => { customerId: 'a', frequency: 1, recency: 1, T: 2, monetaryValue: 30 }
 * s.report.rowsIn; // => 3
 * ```
 * @category Transaction logs
 */
export async function summarizeTransactionStream<Row>(
  batches: Iterable<readonly Row[]> | AsyncIterable<readonly Row[]>,
  options: SummarizeTransactionStreamOptions<Row>,
): Promise<SummarizeTransactionsResult> {
  const fn = 'value/summarizeTransactionStream';
  const { signal, onProgress, ...summaryOptions } = (options ?? {}) as SummarizeTransactionStreamOptions<Row>;
  const task = taskControl(fn, { ...(signal !== undefined && { signal }), ...(onProgress !== undefined && { onProgress }) });
  const acc = transactionAccumulator(fn, summaryOptions as SummarizeTransactionsOptions<Row>);
  const isIterable = batches !== null && typeof batches === 'object' && (Symbol.asyncIterator in batches || Symbol.iterator in batches);
  if (!isIterable) throw new InvalidInputError(fn, 'batches must be an iterable or async iterable of row arrays', batches);
  let i = 0;
  let b = 0;
  for await (const batch of batches) {
    task.throwIfAborted();
    if (!Array.isArray(batch)) throw new InvalidInputError(fn, `batches[${b}] must be an array of rows`, batch);
    const n = batch.length;
    for (let k = 0; k < n; k++) acc.add(batch[k] as Row, i++);
    b++;
    task.checkpoint(i);
  }
  if (i === 0) throw new InvalidInputError(fn, 'the stream held no transactions (the value is the number of batches, all empty)', b);
  return acc.finish(i);
}
