import { InvalidInputError } from '../../core/errors.js';
import { taskControl, type LongRunOptions, type TaskControl } from '../../core/progress.js';
import { options as checkOptions } from '../../core/validate.js';
import { IssueLog, namedCoercions, readOptions, Failure, type ColumnReadOptions } from '../_columns.js';
import { BYTE_SOURCE_KEYS, byteSettings, checkSource, textChunks, type ByteSettings, type ByteSourceOptions, type ReadSource } from './_text.js';
import { batchSizeOption, type RowReader } from './readCsv.js';

/** Options of {@link readJsonl}. */
export interface ReadJsonlOptions extends ColumnReadOptions, ByteSourceOptions, LongRunOptions {
  /**
   * Rows per yielded batch.
   * @defaultValue 10000
   */
  batchSize?: number;
}

/** The per-line JSON parser and issue log of the JSON Lines readers. @internal */
export function jsonlLines(fn: string, o: ColumnReadOptions): { log: IssueLog; lineToRow: (text: string, line: number) => Record<string, unknown> | null } {
  const { skip, columns } = readOptions(fn, o);
  const coercions = [...namedCoercions(fn, columns, o.timeZone)];
  const log = new IssueLog(fn, skip);
  const lineToRow = (text: string, line: number): Record<string, unknown> | null => {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      log.bad({ line, reason: 'not valid JSON' });
      return null;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      log.bad({ line, reason: 'not a JSON object' });
      return null;
    }
    const row = v as Record<string, unknown>;
    for (const [name, c] of coercions) {
      const x = Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined;
      if (x === undefined || x === null || x === '') {
        if (c.required) {
          log.bad({ line, column: name, reason: 'missing value in a required field' });
          return null;
        }
        row[name] = null;
        continue;
      }
      const r = typeof x === 'string' ? c.coerce(x) : typeof x === 'number' || typeof x === 'boolean' ? c.coerce(String(x)) : new Failure('not a scalar');
      if (r instanceof Failure) {
        log.bad({ line, column: name, reason: r.reason });
        return null;
      }
      row[name] = r;
    }
    log.report.rowsRead++;
    return row;
  };
  return { log, lineToRow };
}

/** Yields each JSON Lines row with the line it came from. @internal */
export async function* jsonlRows(fn: string, source: ReadSource, bytes: ByteSettings, task: TaskControl, parse: ReturnType<typeof jsonlLines>): AsyncGenerator<[Record<string, unknown>, number]> {
  const { log, lineToRow } = parse;
  let carry = '';
  let line = 1;
  let first = true;
  const lines = function* (text: string, final: boolean): Generator<[Record<string, unknown>, number]> {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end === start) log.report.emptyLines++;
      else {
        const r = lineToRow(text.slice(start, end), line);
        if (r !== null) yield [r, line];
      }
      line++;
      start = nl + 1;
    }
    carry = text.slice(start);
    if (final && carry.length > 0) {
      const t = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
      carry = '';
      if (t.trim().length === 0) log.report.emptyLines++;
      else {
        const r = lineToRow(t, line);
        if (r !== null) yield [r, line];
      }
    }
  };
  for await (let text of textChunks(fn, source, bytes, task)) {
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* lines(carry + text, false);
  }
  yield* lines(carry, true);
}

/**
 * Streams a JSON Lines file (or byte stream) as batches of objects, one per line, with the same
 * gzip, encoding, progress, cancellation, typed `columns` and malformed-row report as {@link readCsv}.
 *
 * @remarks A line that is not valid JSON, or not a JSON object, is malformed (its line number and the
 * reason are reported). `columns` coerce string values of the named fields (`'date'` strings become
 * epoch milliseconds); a value already of the target type passes, `null` or a missing field is
 * `null` unless `required`. Blank lines are skipped and counted; CRLF line ends are accepted.
 * @throws {@link InvalidInputError} (while iterating) for a malformed line under `onError: 'error'`
 * @throws {@link ConnectorError} when the file cannot be opened or the stream fails
 * @throws {@link InvalidOptionError} for a bad option
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { writeFileSync, mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readJsonl } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'posts.jsonl');
 * writeFileSync(file, '{"id":"1","at":"2015-02-24 11:35:52 -0800"}\n{"id":"2",\n');
 * const reader = readJsonl(file, { columns: { at: 'date' }, onError: 'skip-and-report' });
 * const rows = [];
 * for await (const batch of reader) rows.push(...batch);
 * rows; // => [{ id: '1', at: Date.UTC(2015, 1, 24, 19, 35, 52) }]
 * reader.report.issues; // => [{ line: 2, reason: 'not valid JSON' }]
 * ```
 * @category Reading data
 */
export function readJsonl(source: ReadSource, options: ReadJsonlOptions = {}): RowReader<Record<string, unknown>> {
  const fn = 'connectors/readJsonl';
  const o = checkOptions(fn, options, ['columns', 'timeZone', 'onError', ...BYTE_SOURCE_KEYS, 'batchSize', 'signal', 'onProgress']);
  checkSource(fn, source);
  const bytes = byteSettings(fn, o);
  const parse = jsonlLines(fn, o);
  const batchSize = batchSizeOption(fn, o.batchSize);
  const task = taskControl(fn, { ...(o.signal !== undefined && { signal: o.signal }), ...(o.onProgress !== undefined && { onProgress: o.onProgress }) });
  let used = false;
  return {
    report: parse.log.report,
    header: [],
    async *[Symbol.asyncIterator]() {
      if (used) throw new InvalidInputError(fn, 'a reader can be iterated once; call readJsonl again', 'a second iteration');
      used = true;
      let batch: Record<string, unknown>[] = [];
      for await (const [row] of jsonlRows(fn, source, bytes, task, parse)) {
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
