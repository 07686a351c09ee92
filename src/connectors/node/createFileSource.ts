import { stat } from 'node:fs/promises';
import { ConnectorError, InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { taskControl } from '../../core/progress.js';
import { options as checkOptions } from '../../core/validate.js';
import type { ReadReport } from '../_columns.js';
import type { CursorValue, FetchRequest, PostSource, SourcePage, TransactionSource } from '../types.js';
import { FILE_READ_KEYS, fileFormat, rowsReader, type FileReadOptions } from './_fileRows.js';

/** Options of {@link createFileSource}. */
export interface FileSourceOptions extends FileReadOptions {
  /** Cursor value of a record. @defaultValue `updatedAt ?? createdAt ?? at` (epoch ms numbers, or strings compared as text) */
  cursorOf?: (record: Record<string, unknown>) => CursorValue;
  /** Key of a record: a later line with the same key replaces an earlier one. @defaultValue `record.id` */
  keyOf?: (record: Record<string, unknown>) => unknown;
}

/** The file {@link PostSource} (also a {@link TransactionSource}) that {@link createFileSource} returns. */
export interface FileSource<R = Record<string, unknown>> extends PostSource<R>, TransactionSource<R> {
  /** The file read. */
  readonly path: string;
  /** What the last read of the file saw: rows, and every skipped line with its reason (under `onError: 'skip-and-report'`). */
  readonly report: ReadReport;
}

function defaultCursorOf(r: Record<string, unknown>): CursorValue {
  const v = r['updatedAt'] ?? r['createdAt'] ?? r['at'];
  return v as CursorValue;
}

const validCursor = (c: unknown): c is CursorValue => typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c));

/**
 * A {@link PostSource} / {@link TransactionSource} over a JSON Lines or CSV file (gzip too), for
 * `syncPosts` and `syncTransactions`: records with cursor value `>= cursor` in (cursor, key) order,
 * `limit` at a time, the contract the syncs rely on to lose nothing.
 *
 * @remarks The file is read (streamed) on the first `fetch` and again whenever its size or
 * modification time changed, so lines appended between runs are picked up; the records are held in
 * memory sorted by cursor (cost O(n log n) per read, then O(log n + limit) per page). A later line with
 * the same key replaces an earlier one (an append-only log of versions). CSV has no types: give
 * the cursor column in `columns` (`{ createdAt: 'date' }`, with `timeZone` for zone-less values) so it
 * sorts as time; empty CSV cells are left out of the record. A malformed line, or a record without a
 * valid cursor value, makes `fetch` throw naming the line (the sync fails with that error as the
 * `ConnectorError`'s cause) unless `onError: 'skip-and-report'`, which lists it in `report` instead;
 * nothing is dropped in silence. Records the sync rejects (missing fields) are in its own report.
 * @throws {@link InvalidInputError} when `path` is not a non-empty string
 * @throws {@link InvalidOptionError} for a bad option (at the call)
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createInMemorySink, syncPosts } from 'crmkit/connectors';
 * import { createFileSource } from 'crmkit/connectors/node';
 * const file = join(mkdtempSync(join(tmpdir(), 'crmkit-')), 'posts.csv');
 * writeFileSync(file, 'id,author,text,createdAt\np1,ann,Loving it,2024-05-01T10:00:00Z\np2,bob,Where is my order?,2024-05-01T11:00:00Z\n');
 * const source = createFileSource(file, { columns: { createdAt: 'date' } });
 * const sink = createInMemorySink();
 * const run = await syncPosts(source, sink);
 * [run.written, run.state.cursor]; // => [2, Date.UTC(2024, 4, 1, 11)]
 * ```
 * @category Sync
 */
export function createFileSource<R = Record<string, unknown>>(path: string, options: FileSourceOptions = {}): FileSource<R> {
  const fn = 'connectors/createFileSource';
  const o = checkOptions(fn, options, [...FILE_READ_KEYS, 'cursorOf', 'keyOf']);
  const format = fileFormat(fn, path, o.format);
  for (const f of ['cursorOf', 'keyOf'] as const) if (o[f] !== undefined && typeof o[f] !== 'function') throw new InvalidOptionError(fn, `options.${f} must be a function`, o[f]);
  const cursorOf = o.cursorOf ?? defaultCursorOf;
  const keyOf = o.keyOf ?? ((r: Record<string, unknown>) => r['id']);
  const reader = rowsReader(fn, path, format, o);
  const skip = o.onError === 'skip-and-report';
  let loaded: { size: number; mtimeMs: number; ino: number } | null = null;
  let sorted: { c: CursorValue; k: string; r: Record<string, unknown> }[] = [];
  let report: ReadReport = reader.report;

  const load = async (signal: AbortSignal): Promise<void> => {
    let st;
    try {
      st = await stat(path);
    } catch (e) {
      throw new ConnectorError(fn, `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, e);
    }
    if (loaded !== null && loaded.size === st.size && loaded.mtimeMs === st.mtimeMs && loaded.ino === st.ino) return;
    const task = taskControl(fn, { signal });
    const byKey = new Map<string, { c: CursorValue; k: string; r: Record<string, unknown> }>();
    const keyless: { c: CursorValue; k: string; r: Record<string, unknown> }[] = [];
    for await (const [row, line] of reader.rows(task)) {
      let c: unknown;
      let k: unknown;
      try {
        c = cursorOf(row);
        k = keyOf(row);
      } catch (e) {
        throw new InvalidInputError(fn, `line ${line}: options.cursorOf or options.keyOf threw (${(e as Error)?.message ?? String(e)})`, line);
      }
      if (!validCursor(c)) {
        const issue = { line, reason: 'no valid cursor value (give the cursor column a type in options.columns, or options.cursorOf)' };
        if (!skip) throw new InvalidInputError(fn, `line ${line}: ${issue.reason}`, line);
        reader.report.rowsRead--;
        reader.report.rowsSkipped++;
        reader.report.issues.push(issue);
        continue;
      }
      // Records without a key pass through; the sync reports them.
      if (typeof k === 'string' && k.length > 0) {
        byKey.delete(k); // a later version moves to its new cursor position
        byKey.set(k, { c, k, r: row });
      } else keyless.push({ c, k: '', r: row });
    }
    const all = [...byKey.values(), ...keyless];
    const types = new Set(all.map((x) => typeof x.c));
    if (types.size > 1) throw new InvalidInputError(fn, `${path} mixes number and string cursor values; give the cursor column a type in options.columns`, [...types].join(' and '));
    all.sort((a, b) => (a.c < b.c ? -1 : a.c > b.c ? 1 : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    sorted = all;
    report = reader.report;
    loaded = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  };

  return {
    path,
    get report() {
      return report;
    },
    async fetch(req: FetchRequest): Promise<SourcePage<R>> {
      if (req === null || typeof req !== 'object') throw new InvalidInputError(fn, 'fetch takes { cursor, limit, signal }', req);
      const { cursor, limit, signal } = req;
      if (!(cursor === null || validCursor(cursor))) throw new InvalidInputError(fn, 'request.cursor must be null, a string or a finite number', cursor);
      if (!(Number.isInteger(limit) && limit >= 1)) throw new InvalidInputError(fn, 'request.limit must be an integer >= 1', limit);
      if (!(signal instanceof AbortSignal)) throw new InvalidInputError(fn, 'request.signal must be an AbortSignal', signal);
      await load(signal);
      let lo = 0;
      if (cursor !== null) {
        let hi = sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sorted[mid]!.c < cursor) lo = mid + 1;
          else hi = mid;
        }
      }
      const page = sorted.slice(lo, lo + limit);
      const more = lo + limit < sorted.length;
      return { items: page.map((x) => x.r as R), nextCursor: more ? page[page.length - 1]!.c : null };
    },
  };
}
