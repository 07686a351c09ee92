import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import { options as checkOptions } from '../../core/validate.js';
import type { ReadReport } from '../_columns.js';
import type { EventSink, WriteRequest } from '../types.js';
import { FILE_READ_KEYS, FileTable, fileFormat, rowsReader, type FileReadOptions } from './_fileRows.js';

/** Options of {@link createFileSink}. */
export interface FileSinkOptions<T> extends FileReadOptions {
  /** Key of a record (the upsert key). @defaultValue `record.id` */
  keyOf?: (record: T) => string;
}

/** The file {@link EventSink} that {@link createFileSink} returns. */
export interface FileSink<T> extends EventSink<T> {
  /** The file written. */
  readonly path: string;
  /** The records the file holds, by key, in file order (reads the file on first use). */
  records(): Promise<ReadonlyMap<string, T>>;
  /** Torn last lines (from a crash during an append) cut off when the file was opened. */
  readonly recoveredLines: number;
  /** What reading the existing file saw. */
  readonly report: ReadReport;
}

/** The `{ signal }` of an adapter call. @internal */
export function checkRequest(fn: string, req: unknown): AbortSignal {
  const signal = (req as WriteRequest | null)?.signal;
  if (!(signal instanceof AbortSignal)) throw new InvalidInputError(fn, 'the request must be { signal: AbortSignal }', req);
  return signal;
}

/**
 * An {@link EventSink} that upserts records by key into a JSON Lines or CSV file, for results
 * written back (scores, segments) and as the target of `syncPosts` / `syncTransactions`.
 *
 * @remarks The file holds each key once at every moment a write has returned. A batch of new keys
 * is appended to a JSON Lines file; a batch that replaces or deletes keys, and every CSV write,
 * rewrites the file atomically (a temporary file, flushed, renamed over it), so a crash leaves the
 * old or the new file, never a mix. A crash during an append can leave a last line without its
 * line end: it is cut off when the file is next opened and counted in `recoveredLines`; that write
 * never returned, so a sync re-sends it from its checkpoint. The file's records are held in memory
 * (read on first use); one writer per file. CSV columns are the union of the records' fields;
 * values read back from CSV are strings unless `columns` types them. Gzip is not supported here
 * (the file is appended to).
 * @throws {@link InvalidInputError} when `path` is not a plain `.jsonl`/`.csv` path; (from `write`)
 * for a record without a key or a value the format cannot carry
 * @throws {@link ConnectorError} (from `write`/`delete`) when the file system fails, its error as `cause`
 * @throws {@link InvalidOptionError} for a bad option
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createFileSink } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'scores.jsonl');
 * const sink = createFileSink<{ id: string; clv: number }>(file);
 * const signal = new AbortController().signal;
 * await sink.write([{ id: 'c1', clv: 10 }, { id: 'c2', clv: 4 }], { signal });
 * await sink.write([{ id: 'c1', clv: 12 }], { signal });
 * readFileSync(file, 'utf8'); // => '{"id":"c1","clv":12}\n{"id":"c2","clv":4}\n'
 * ```
 * @category Sync
 */
export function createFileSink<T = Record<string, unknown>>(path: string, options: FileSinkOptions<T> = {}): FileSink<T> {
  const fn = 'connectors/createFileSink';
  const o = checkOptions(fn, options, [...FILE_READ_KEYS, 'keyOf']);
  const format = fileFormat(fn, path, o.format);
  if (o.keyOf !== undefined && typeof o.keyOf !== 'function') throw new InvalidOptionError(fn, 'options.keyOf must be a function', o.keyOf);
  const keyOf = o.keyOf ?? ((r: T) => (r as { id?: unknown } | null)?.id as string);
  const table = new FileTable<T>(fn, path, format, rowsReader(fn, path, format, o), keyOf, o.delimiter);
  return {
    path,
    get recoveredLines() {
      return table.recoveredLines;
    },
    get report() {
      return table.report;
    },
    async records() {
      return new Map(await table.load(taskControl(fn, {})));
    },
    async write(records, req) {
      const signal = checkRequest(fn, req);
      if (!Array.isArray(records)) throw new InvalidInputError(fn, 'records must be an array', records);
      await table.upsert(records, taskControl(fn, { signal }));
    },
    async delete(keys, req) {
      const signal = checkRequest(fn, req);
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new InvalidInputError(fn, 'keys must be an array of strings', keys);
      await table.remove(keys, taskControl(fn, { signal }));
    },
  };
}
