import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { ConnectorError, InvalidInputError } from '../../core/errors.js';
import { csvWriter, FORMAT_CSV_KEYS, jsonLine, type FormatCsvOptions, type WritableValue } from '../formatCsv.js';

/**
 * A writable stream, typed structurally (a Node `Writable` fits) so the declarations need no
 * `@types/node`.
 */
export interface WritableTarget {
  /** Writes a chunk; `false` asks the writer to wait for `'drain'` (Node's back-pressure). */
  write(chunk: string): boolean;
  /** Ends the stream after the last chunk. */
  end(): unknown;
  /** Adds an event listener (`'drain'`, `'error'`, `'finish'`). */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Adds a one-time event listener. */
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Removes an event listener. */
  off(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** What the Node writers report. */
export interface WriteResult {
  /** Rows written (not counting the header). */
  rowsWritten: number;
}

/** Rows for a writer: an array of rows, or an (async) iterable of row batches (such as a reader). */
export type RowInput<Row> = readonly Row[] | AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>;

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions extends FormatCsvOptions {
  /**
   * Gzip the output: `'auto'` when the path ends in `.gz`.
   * @defaultValue 'auto'
   */
  gzip?: 'auto' | boolean;
}

/** Options of {@link writeJsonl}. */
export interface WriteJsonlOptions {
  /** @defaultValue 'auto' (gzip when the path ends in `.gz`) */
  gzip?: 'auto' | boolean;
}

/** Writes lines to a path atomically (a temporary file renamed at the end) or to a stream. @internal */
export async function writeLines(fn: string, target: string | WritableTarget, gzip: unknown, produce: (emit: (s: string) => Promise<void>) => Promise<void>): Promise<void> {
  if (gzip !== undefined && gzip !== 'auto' && typeof gzip !== 'boolean') throw new InvalidInputError(fn, "options.gzip must be 'auto', true or false", gzip);
  const isPath = typeof target === 'string';
  if (isPath ? target.length === 0 || target.includes('\u0000') : !(target !== null && typeof target === 'object' && typeof (target as WritableTarget).write === 'function')) {
    throw new InvalidInputError(fn, 'target must be a file path (a non-empty string without NUL) or a writable stream', target);
  }
  const tmp = isPath ? `${target}.${process.pid}.${Date.now()}.tmp` : '';
  const file = isPath ? createWriteStream(tmp) : null;
  const gz = gzip === true || ((gzip ?? 'auto') === 'auto' && isPath && target.endsWith('.gz')) ? createGzip() : null;
  const sink: Writable = file ?? (target as unknown as Writable);
  if (gz) gz.pipe(sink);
  const out: Writable = gz ?? sink;
  let failure: unknown = null;
  const onError = (e: unknown): void => {
    failure ??= e;
  };
  out.on('error', onError);
  sink.on('error', onError);
  let buf = '';
  const emit = async (s: string): Promise<void> => {
    buf += s;
    if (buf.length < 1 << 16) return;
    if (failure) throw failure;
    const ok = out.write(buf);
    buf = '';
    if (!ok) await once(out, 'drain');
  };
  try {
    await produce(emit);
    if (buf.length > 0) out.write(buf);
    if (failure) throw failure;
    if (gz || file) {
      out.end();
      await once(sink, file ? 'close' : 'finish');
    }
    if (failure) throw failure;
    if (isPath) renameSync(tmp, target);
  } catch (e) {
    if (file) {
      // The temporary file may still be opening: wait until the stream is closed, then remove it.
      if (!file.closed) await new Promise<void>((done) => file.once('close', () => done()).destroy());
      rmSync(tmp, { force: true });
    }
    if (e instanceof InvalidInputError) throw e;
    throw new ConnectorError(fn, 'writing failed', e);
  } finally {
    out.off('error', onError);
    sink.off('error', onError);
  }
}

/** Iterates rows from an array or batches from an (async) iterable. @internal */
export async function forEachRow<Row>(fn: string, rows: RowInput<Row>, visit: (row: Row, index: number) => Promise<void>): Promise<number> {
  let i = 0;
  if (Array.isArray(rows)) {
    for (const row of rows as readonly Row[]) await visit(row, i++);
    return i;
  }
  if (rows === null || typeof rows !== 'object' || !(Symbol.asyncIterator in rows || Symbol.iterator in rows)) {
    throw new InvalidInputError(fn, 'rows must be an array of rows or an (async) iterable of row batches', rows);
  }
  let b = 0;
  for await (const batch of rows as AsyncIterable<readonly Row[]>) {
    if (!Array.isArray(batch)) throw new InvalidInputError(fn, `batch ${b} must be an array of rows`, batch);
    for (const row of batch) await visit(row, i++);
    b++;
  }
  return i;
}

/**
 * Writes rows (scores, segments, influencer lists) to a CSV file or stream, with the quoting
 * `parseCsv` / {@link readCsv} read back; gzip when the path ends in `.gz`.
 *
 * @remarks A path is written atomically: to a temporary file beside it, renamed over the target only
 * when everything was written, so a failure never leaves a half file. Rows may be an array or the
 * batches of a reader (streamed: memory stays at one batch). Columns default to the first row's keys.
 * @throws {@link InvalidInputError} for a row that is not an object or a cell CSV cannot carry
 * (see `formatCsv`)
 * @throws {@link ConnectorError} when the file system or stream fails (its error as `cause`)
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { writeCsv } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'scores.csv');
 * (await writeCsv(file, [{ customerId: 'c1', clv: 41.5 }, { customerId: 'c2', clv: 3 }])).rowsWritten; // => 2
 * readFileSync(file, 'utf8'); // => 'customerId,clv\nc1,41.5\nc2,3\n'
 * ```
 * @category Writing data
 */
export async function writeCsv(target: string | WritableTarget, rows: RowInput<Readonly<Record<string, WritableValue>>>, options: WriteCsvOptions = {}): Promise<WriteResult> {
  const fn = 'connectors/writeCsv';
  const { gzip, ...formatOptions } = options ?? {};
  for (const k of Object.keys(formatOptions)) if (!(FORMAT_CSV_KEYS as readonly string[]).includes(k)) throw new InvalidInputError(fn, `unknown option '${k}'`, k);
  const w = csvWriter(fn, formatOptions);
  let n = 0;
  await writeLines(fn, target, gzip, async (emit) => {
    let started = false;
    n = await forEachRow(fn, rows, async (row, i) => {
      if (!started) {
        started = true;
        if (w.columns === undefined) w.columns = row !== null && typeof row === 'object' ? Object.keys(row) : [];
        if (w.header) await emit(w.headerLine(w.columns) + w.newline);
      }
      await emit(w.line(row, i) + w.newline);
    });
    if (!started && w.header && w.columns !== undefined) await emit(w.headerLine(w.columns) + w.newline);
  });
  return { rowsWritten: n };
}

/**
 * Writes rows to a JSON Lines file or stream (one object per line), gzip when the path ends in
 * `.gz`; atomic for paths, streamed for reader batches, like {@link writeCsv}.
 *
 * @throws {@link InvalidInputError} for a row that is not an object or a value JSON cannot carry
 * @throws {@link ConnectorError} when the file system or stream fails
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { writeJsonl } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'segments.jsonl');
 * await writeJsonl(file, [{ customerId: 'c1', segment: 2 }]);
 * readFileSync(file, 'utf8'); // => '{"customerId":"c1","segment":2}\n'
 * ```
 * @category Writing data
 */
export async function writeJsonl(target: string | WritableTarget, rows: RowInput<unknown>, options: WriteJsonlOptions = {}): Promise<WriteResult> {
  const fn = 'connectors/writeJsonl';
  for (const k of Object.keys(options ?? {})) if (k !== 'gzip') throw new InvalidInputError(fn, `unknown option '${k}'`, k);
  let n = 0;
  await writeLines(fn, target, options?.gzip, async (emit) => {
    n = await forEachRow(fn, rows, (row, i) => emit(jsonLine(fn, row, i) + '\n'));
  });
  return { rowsWritten: n };
}
