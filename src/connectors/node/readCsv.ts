import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl, type LongRunOptions } from '../../core/progress.js';
import { options as checkOptions } from '../../core/validate.js';
import type { CellValue, ReadReport } from '../_columns.js';
import { CsvTokenizer } from '../_csvTokenizer.js';
import { CSV_OPTION_KEYS, CsvRowBuilder, csvDialect, type CsvDialectOptions } from '../parseCsv.js';
import { BYTE_SOURCE_KEYS, byteSettings, checkSource, textChunks, type ByteSourceOptions, type ReadSource } from './_text.js';

/** Options of {@link readCsv}. */
export interface ReadCsvOptions extends CsvDialectOptions, ByteSourceOptions, LongRunOptions {
  /**
   * Rows per yielded batch. Memory while streaming is one batch plus one chunk of text.
   * @defaultValue 10000
   */
  batchSize?: number;
}

/**
 * The async iterable {@link readCsv} returns: batches of rows, plus the report and header filled in
 * as the file is read. Iterate it once.
 */
export interface RowReader<Row> extends AsyncIterable<Row[]> {
  /** Rows read, rows skipped with line and reason, blank lines: complete once iteration ends. */
  readonly report: ReadReport;
  /** Column names (from the first record or `options.header`), known after the first batch. */
  readonly header: string[];
}

/** @internal */
export function batchSizeOption(fn: string, x: unknown): number {
  const b = x ?? 10_000;
  if (typeof b !== 'number' || !Number.isInteger(b) || b < 1) throw new InvalidOptionError(fn, 'options.batchSize must be an integer >= 1', b);
  return b;
}

/**
 * Streams a CSV file (or byte stream) as batches of typed rows: gzip by extension or magic bytes,
 * any delimiter, RFC 4180 quoting, header, byte-order mark, encoding, typed `columns`, progress in
 * bytes, cancellation, and every malformed row reported with its line number.
 *
 * @remarks The batches plug straight into `summarizeTransactionStream` from `crmkit/value` (and any
 * `for await` loop), so a large log never sits in memory whole: memory is one batch plus one chunk.
 * Parsing rules are those of `parseCsv` in `crmkit/connectors` (the same kernel). `onProgress` reports bytes read from
 * the source (compressed bytes for `.gz`) of the file size; `signal` is checked between chunks, and
 * breaking out of the loop closes the file. The returned reader's `report` lists every skipped row
 * under `onError: 'skip-and-report'`. Paths and `file:` URLs are files; anything async-iterable of
 * `Uint8Array` chunks (a `Readable`, a `fetch` body) is read as a stream.
 * @throws {@link InvalidInputError} (while iterating) for a malformed row under `onError: 'error'`,
 * bytes invalid in the encoding, corrupt gzip data
 * @throws {@link ConnectorError} when the file cannot be opened or the stream fails (its error as `cause`)
 * @throws {@link InvalidOptionError} for a bad option (at the call)
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { writeFileSync, mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readCsv } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'orders.csv');
 * writeFileSync(file, 'id,at,amount\na,2011-12-09 09:15:00,3.5\nb,2011-12-09 10:00:00,oops\n');
 * const reader = readCsv(file, {
 *   columns: { at: 'date', amount: 'number' },
 *   timeZone: 'Europe/London',
 *   onError: 'skip-and-report',
 * });
 * const rows = [];
 * for await (const batch of reader) rows.push(...batch);
 * rows; // => [{ id: 'a', at: Date.UTC(2011, 11, 9, 9, 15), amount: 3.5 }]
 * reader.report.issues; // => [{ line: 3, column: 'amount', reason: 'not a number' }]
 * ```
 * @category Reading data
 */
export function readCsv(source: ReadSource, options: ReadCsvOptions = {}): RowReader<Record<string, CellValue>> {
  const fn = 'connectors/readCsv';
  const o = checkOptions(fn, options, [...CSV_OPTION_KEYS, ...BYTE_SOURCE_KEYS, 'batchSize', 'signal', 'onProgress']);
  checkSource(fn, source);
  const bytes = byteSettings(fn, o);
  const d = csvDialect(fn, o);
  const batchSize = batchSizeOption(fn, o.batchSize);
  const builder = new CsvRowBuilder(fn, d);
  const task = taskControl(fn, { ...(o.signal !== undefined && { signal: o.signal }), ...(o.onProgress !== undefined && { onProgress: o.onProgress }) });
  let used = false;
  return {
    report: builder.log.report,
    get header() {
      return builder.header ?? [];
    },
    async *[Symbol.asyncIterator]() {
      if (used) throw new InvalidInputError(fn, 'a reader can be iterated once; call readCsv again', 'a second iteration');
      used = true;
      const tok = new CsvTokenizer(d.delimiter, d.quote);
      let batch: Record<string, CellValue>[] = [];
      let first = true;
      for await (let text of textChunks(fn, source, bytes, task)) {
        if (first) {
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          first = false;
        }
        tok.feed(text, false, builder);
        const rows = builder.take() as Record<string, CellValue>[];
        for (let r = 0; r < rows.length; r++) {
          batch.push(rows[r]!);
          if (batch.length === batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
      tok.feed('', true, builder);
      for (const row of builder.take() as Record<string, CellValue>[]) {
        batch.push(row);
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}
