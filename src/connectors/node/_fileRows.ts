/**
 * Files as record tables for the file adapters: the format from the name, rows with their line
 * numbers, and a keyed table persisted to a JSON Lines or CSV file (appends for new keys in JSON
 * Lines, an atomic rewrite otherwise, a torn last line from a crash recovered on open).
 *
 * @internal
 * @module
 */
import { existsSync, openSync, closeSync, readSync, fstatSync, ftruncateSync, renameSync, rmSync, writeFileSync, appendFileSync, fsyncSync } from 'node:fs';
import { ConnectorError, InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import type { TaskControl } from '../../core/progress.js';
import type { CellValue, ColumnSpec, ColumnType, ReadReport } from '../_columns.js';
import { CsvTokenizer } from '../_csvTokenizer.js';
import { csvWriter, jsonLine } from '../formatCsv.js';
import { CsvRowBuilder, csvDialect, type CsvDialectOptions } from '../parseCsv.js';
import { byteSettings, textChunks, type ByteSourceOptions } from './_text.js';
import { jsonlLines, jsonlRows } from './readJsonl.js';

/** A file format of the file adapters. */
export type FileFormat = 'jsonl' | 'csv';

/** Read options shared by the file adapters. */
export interface FileReadOptions extends ByteSourceOptions {
  /**
   * `'jsonl'` or `'csv'`.
   * @defaultValue from the file name: `.jsonl` / `.ndjson` → `'jsonl'`, `.csv` / `.tsv` → `'csv'` (before an optional `.gz`)
   */
  format?: FileFormat;
  /** Columns to coerce when reading (see `readCsv`); for CSV, give dates and numbers here. */
  columns?: Record<string, ColumnType | ColumnSpec>;
  /** IANA zone for zone-less date values in `columns`. */
  timeZone?: string;
  /**
   * CSV field separator.
   * @defaultValue ',' (`'\t'` for `.tsv`)
   */
  delimiter?: string;
  /**
   * A malformed row: `'error'` throws naming the line; `'skip-and-report'` leaves it out and lists it in the adapter's `report`.
   * @defaultValue 'error'
   */
  onError?: 'error' | 'skip-and-report';
}

export const FILE_READ_KEYS = ['format', 'columns', 'timeZone', 'delimiter', 'onError', 'encoding', 'gzip', 'chunkSize'] as const;

/** The format of `path`, from the option or the name. */
export function fileFormat(fn: string, path: unknown, format: unknown): FileFormat {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidInputError(fn, 'path must be a non-empty file path', path);
  if (format !== undefined) {
    if (format !== 'jsonl' && format !== 'csv') throw new InvalidOptionError(fn, "options.format must be 'jsonl' or 'csv'", format);
    return format;
  }
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  throw new InvalidOptionError(fn, "options.format must be 'jsonl' or 'csv' (the file name does not end in .jsonl, .ndjson, .csv or .tsv)", format);
}

/** A prepared reader of a file's rows with their line numbers. */
export interface RowsReader {
  /** Yields `[row, line]`; a fresh report per call. */
  rows(task: TaskControl): AsyncGenerator<[Record<string, unknown>, number]>;
  /** The report of the last `rows` call. */
  report: ReadReport;
}

/** Validates the read options at the call and returns a reusable reader. */
export function rowsReader(fn: string, path: string, format: FileFormat, o: FileReadOptions): RowsReader {
  const bytes = byteSettings(fn, o);
  const onError = o.onError ?? 'error';
  const common = { ...(o.columns !== undefined && { columns: o.columns }), ...(o.timeZone !== undefined && { timeZone: o.timeZone }), onError };
  if (format === 'jsonl') {
    if (o.delimiter !== undefined) throw new InvalidOptionError(fn, 'options.delimiter applies to CSV files only', o.delimiter);
    jsonlLines(fn, common); // validates the options now
    const r: RowsReader = {
      report: { rowsRead: 0, rowsSkipped: 0, emptyLines: 0, issues: [] },
      async *rows(task) {
        const parse = jsonlLines(fn, common);
        r.report = parse.log.report;
        yield* jsonlRows(fn, path, bytes, task, parse);
      },
    };
    return r;
  }
  const dialectOptions: CsvDialectOptions = { ...common, delimiter: o.delimiter ?? (path.toLowerCase().replace(/\.gz$/, '').endsWith('.tsv') ? '\t' : ',') };
  const d = csvDialect(fn, dialectOptions);
  const r: RowsReader = {
    report: { rowsRead: 0, rowsSkipped: 0, emptyLines: 0, issues: [] },
    async *rows(task) {
      const lines: number[] = [];
      const builder = new (class extends CsvRowBuilder {
        override record(fields: string[], line: number): void {
          const n = this.out.length;
          super.record(fields, line);
          if (this.out.length > n) lines.push(line);
        }
      })(fn, d);
      r.report = builder.log.report;
      const tok = new CsvTokenizer(d.delimiter, d.quote);
      const drain = function* (): Generator<[Record<string, unknown>, number]> {
        const got = builder.take() as Record<string, CellValue>[];
        for (let i = 0; i < got.length; i++) yield [withoutEmpty(got[i]!), lines[i]!];
        lines.length = 0;
      };
      let first = true;
      for await (let text of textChunks(fn, path, bytes, task)) {
        if (first) {
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          first = false;
        }
        tok.feed(text, false, builder);
        yield* drain();
      }
      tok.feed('', true, builder);
      yield* drain();
    },
  };
  return r;
}

/** CSV cannot tell an empty field from a missing one: empty cells (and typed empties, `null`) are left out. */
function withoutEmpty(row: Record<string, CellValue>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.getPrototypeOf(row) === null ? Object.create(null) : {};
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (v !== '' && v !== null) out[k] = v;
  }
  return out;
}

/**
 * A table of records keyed by a string, persisted to one file. New keys are appended (JSON Lines);
 * anything else rewrites the file atomically (a temporary file renamed over it), so the file always
 * holds each key once. A crash during an append can leave a last line without its line end: it is
 * cut off on open and counted in `recoveredLines` (that write was never acknowledged, so a sync
 * re-sends it).
 */
export class FileTable<T> {
  private map: Map<string, T> | null = null;
  /** Torn last lines cut off on open. */
  recoveredLines = 0;
  private readonly csv: ReturnType<typeof csvWriter> | null;

  constructor(
    private readonly fn: string,
    readonly path: string,
    private readonly format: FileFormat,
    private readonly reader: RowsReader,
    private readonly keyOf: (record: T) => unknown,
    delimiter: string | undefined,
  ) {
    if (path.toLowerCase().endsWith('.gz')) throw new InvalidInputError(fn, 'a file the adapter writes cannot be gzipped (it is appended to and rewritten); use a plain .jsonl or .csv path', path);
    this.csv = format === 'csv' ? csvWriter(fn, { ...(delimiter !== undefined && { delimiter }) }) : null;
  }

  get report(): ReadReport {
    return this.reader.report;
  }

  /** Loads the file once (an absent file is an empty table). */
  async load(task: TaskControl): Promise<Map<string, T>> {
    if (this.map !== null) return this.map;
    const map = new Map<string, T>();
    if (existsSync(this.path)) {
      this.recoverTornLine();
      for await (const [row, line] of this.reader.rows(task)) {
        const k = this.keyOf(row as T);
        if (typeof k !== 'string' || k.length === 0) throw new InvalidInputError(this.fn, `line ${line} of ${this.path}: the stored record has no key`, line);
        map.set(k, row as T);
      }
    }
    this.map = map;
    return map;
  }

  /** Cuts a last line that lacks its line end (a torn append; every line this table writes ends with one). */
  private recoverTornLine(): void {
    let fd: number;
    try {
      fd = openSync(this.path, 'r+');
    } catch (e) {
      throw new ConnectorError(this.fn, `cannot open ${this.path}`, e);
    }
    try {
      const size = fstatSync(fd).size;
      if (size === 0) return;
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] === 0x0a) return;
      if (this.format === 'csv') throw new InvalidInputError(this.fn, `${this.path} does not end with a line break: it was not written by this adapter, or a rewrite was interrupted outside it`, size);
      // Scan back for the previous line end.
      const step = 65536;
      let end = size;
      let cut = 0;
      const buf = Buffer.alloc(step);
      while (end > 0) {
        const start = Math.max(0, end - step);
        readSync(fd, buf, 0, end - start, start);
        const i = buf.subarray(0, end - start).lastIndexOf(0x0a);
        if (i >= 0) {
          cut = start + i + 1;
          break;
        }
        end = start;
      }
      ftruncateSync(fd, cut);
      this.recoveredLines++;
    } finally {
      closeSync(fd);
    }
  }

  private line(record: T, index: number): string {
    if (this.csv === null) return jsonLine(this.fn, record, index) + '\n';
    return this.csv.line(record as Record<string, never>, index) + this.csv.newline;
  }

  /** Upserts records; returns nothing until the file holds them. */
  async upsert(records: readonly T[], task: TaskControl): Promise<void> {
    const map = await this.load(task);
    const keys = records.map((r, i) => {
      const k = this.keyOf(r);
      if (typeof k !== 'string' || k.length === 0) throw new InvalidInputError(this.fn, `records[${i}] has no key`, k);
      return k;
    });
    const fresh = this.csv === null && new Set(keys).size === keys.length && keys.every((k) => !map.has(k));
    if (fresh) {
      let text = '';
      for (let i = 0; i < records.length; i++) text += this.line(records[i]!, i); // validates every record before the file is touched
      try {
        appendFileSync(this.path, text);
      } catch (e) {
        this.map = null; // the file may hold part of the batch: reload next time
        throw new ConnectorError(this.fn, `appending to ${this.path} failed`, e);
      }
      for (let i = 0; i < records.length; i++) map.set(keys[i]!, records[i]!);
      return;
    }
    const next = new Map(map);
    for (let i = 0; i < records.length; i++) next.set(keys[i]!, records[i]!);
    this.rewrite(next);
    this.map = next;
  }

  /** Removes keys (absent ones are ignored). */
  async remove(keys: readonly string[], task: TaskControl): Promise<void> {
    const map = await this.load(task);
    if (!keys.some((k) => map.has(k))) return;
    const next = new Map(map);
    for (const k of keys) next.delete(k);
    this.rewrite(next);
    this.map = next;
  }

  private rewrite(map: Map<string, T>): void {
    let text = '';
    const records = [...map.values()];
    if (this.csv !== null) {
      const cols = new Set<string>();
      for (const r of records) for (const k of Object.keys(r as object)) cols.add(k);
      this.csv.columns = [...cols];
      if (records.length > 0) text += this.csv.headerLine(this.csv.columns) + this.csv.newline;
    }
    for (let i = 0; i < records.length; i++) text += this.line(records[i]!, i);
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    try {
      writeFileSync(tmp, text);
      const fd = openSync(tmp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new ConnectorError(this.fn, `writing ${this.path} failed`, e);
    }
  }
}
