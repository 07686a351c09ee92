import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';
import { IssueLog, planColumns, readOptions, Failure, type CellValue, type ColumnPlan, type ColumnReadOptions, type ColumnSpec, type ColumnType, type ReadReport } from './_columns.js';
import { CsvTokenizer, type CsvRecordSink } from './_csvTokenizer.js';

export type { CellValue, ColumnSpec, ColumnType, ReadReport, RowIssue } from './_columns.js';

/** CSV dialect options shared by {@link parseCsv} and the Node `readCsv`. */
export interface CsvDialectOptions extends ColumnReadOptions {
  /**
   * Field separator: one character (`','`, `';'`, `'\t'`, `'|'`).
   * @defaultValue ','
   */
  delimiter?: string;
  /**
   * Quote character; inside quotes it is escaped by doubling it (RFC 4180).
   * @defaultValue '"'
   */
  quote?: string;
  /**
   * `true`: the first record names the columns and rows are objects keyed by it. An array: those
   * names, and the first record is data. `false`: rows are arrays of cells (`columns` then keys by
   * position, `'0'`, `'1'`, …).
   * @defaultValue true
   */
  header?: boolean | readonly string[];
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions extends CsvDialectOptions {}

/** A row read from CSV: keyed by the header, or an array when `header: false`. */
export type CsvRow = Record<string, CellValue> | CellValue[];

/** Result of {@link parseCsv}. */
export interface ParseCsvResult<Row = Record<string, CellValue>> {
  /** The column names (from the first record or `options.header`); empty when `header: false`. */
  header: string[];
  /** The rows, in input order. */
  rows: Row[];
  /** Rows read and skipped, with the line and reason of every skipped one. */
  report: ReadReport;
}

export const CSV_OPTION_KEYS = ['delimiter', 'quote', 'header', 'columns', 'timeZone', 'onError'] as const;

/** The validated dialect. */
export interface CsvDialect {
  delimiter: string;
  quote: string;
  header: boolean | readonly string[];
  skip: boolean;
  columns: Record<string, ColumnType | ColumnSpec>;
  timeZone: string | undefined;
}

/** Validates the dialect options. @internal */
export function csvDialect(fn: string, o: CsvDialectOptions): CsvDialect {
  const { skip, columns } = readOptions(fn, o);
  const delimiter = o.delimiter ?? ',';
  const quote = o.quote ?? '"';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '\n' || delimiter === '\r') {
    throw new InvalidOptionError(fn, 'options.delimiter must be one character other than a line break', delimiter);
  }
  if (typeof quote !== 'string' || quote.length !== 1 || quote === delimiter || quote === '\n' || quote === '\r') {
    throw new InvalidOptionError(fn, 'options.quote must be one character, not the delimiter or a line break', quote);
  }
  const header = o.header ?? true;
  if (typeof header !== 'boolean' && !(Array.isArray(header) && header.every((h) => typeof h === 'string'))) {
    throw new InvalidOptionError(fn, 'options.header must be a boolean or an array of column names', header);
  }
  return { delimiter, quote, header, skip, columns, timeZone: o.timeZone };
}

/**
 * Turns tokenized records into rows (header, column count, coercion) and collects issues.
 * @internal
 */
export class CsvRowBuilder implements CsvRecordSink {
  readonly log: IssueLog;
  header: string[] | null = null;
  /** Rows built since the last `take()`. */
  out: CsvRow[] = [];
  private plan: ColumnPlan | null = null;
  private nullProto = false;

  constructor(
    private readonly fn: string,
    private readonly d: CsvDialect,
  ) {
    this.log = new IssueLog(fn, d.skip);
    if (Array.isArray(d.header)) this.setHeader([...(d.header as readonly string[])]);
  }

  private setHeader(h: string[]): void {
    const seen = new Set<string>();
    for (const name of h) {
      if (seen.has(name)) throw new InvalidInputError(this.fn, `the header names column '${name.length > 40 ? `${name.slice(0, 40)}…` : name}' twice`, h.length);
      seen.add(name);
    }
    this.header = h;
    this.nullProto = h.some((name) => name === '__proto__' || name === 'constructor' || name === 'prototype');
    this.plan = planColumns(this.fn, h, this.d.columns, this.d.timeZone, true);
  }

  record(fields: string[], line: number): void {
    if (this.d.header === true && this.header === null) {
      this.setHeader(fields.slice());
      return;
    }
    if (this.d.header === false && this.plan === null) {
      this.plan = planColumns(this.fn, fields.map((_, i) => String(i)), this.d.columns, this.d.timeZone, false);
    }
    const plan = this.plan!;
    const h = this.header;
    if (h !== null && fields.length !== h.length) {
      this.log.bad({ line, reason: `expected ${h.length} fields, found ${fields.length}` });
      return;
    }
    const m = fields.length;
    const cells: CellValue[] = h === null ? fields.slice() : fields;
    for (let c = 0; c < m; c++) {
      const f = plan.coerce[c];
      if (f === undefined || f === null) continue;
      const v = fields[c]!;
      if (v.length === 0) {
        if (plan.required[c]) {
          this.log.bad({ line, column: h ? h[c]! : String(c), reason: 'empty cell in a required column' });
          return;
        }
        cells[c] = null;
        continue;
      }
      const r = f(v);
      if (r instanceof Failure) {
        this.log.bad({ line, column: h ? h[c]! : String(c), reason: r.reason });
        return;
      }
      cells[c] = r;
    }
    this.log.report.rowsRead++;
    if (h === null) {
      this.out.push(cells);
      return;
    }
    const row: Record<string, CellValue> = this.nullProto ? Object.create(null) : {};
    for (let c = 0; c < m; c++) row[h[c]!] = cells[c]!;
    this.out.push(row);
  }

  malformed(line: number, reason: string): void {
    this.log.bad({ line, reason });
  }

  empty(): void {
    this.log.report.emptyLines++;
  }

  /** Returns the rows built so far and starts a new list. */
  take(): CsvRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }
}

/**
 * Parses CSV text (RFC 4180) into rows keyed by the header, with typed columns, reporting every
 * malformed row with its line number. Browser-safe; for files and streams use `readCsv` from
 * `crmkit/connectors/node`.
 *
 * @remarks Quoted fields may hold delimiters, doubled quotes and line breaks; LF, CRLF and CR line
 * ends are accepted; a leading byte-order mark is dropped; blank lines are skipped and counted in
 * `report.emptyLines`. A row with a different number of fields than the header, an unclosed quote or
 * text after a closing quote, or a cell its column type rejects is malformed: by default an
 * {@link InvalidInputError} names its line; with `onError: 'skip-and-report'` it is left out and
 * listed in `report.issues` (line, column, reason; never the value itself). Typed columns read an
 * empty cell as `null` (or as malformed with `required: true`); `'date'` gives epoch milliseconds
 * (see {@link parseDateTime}). One pass, linear time.
 * @throws {@link InvalidInputError} for a malformed row under `onError: 'error'`, a duplicate header
 * name, or a `columns` name missing from the header
 * @throws {@link InvalidOptionError} for a bad delimiter, quote, header, column type or time zone
 * @example
 * ```ts
 * import { parseCsv } from 'crmkit/connectors';
 * const csv = 'id,at,amount\na,2024-01-02 10:00:00,1.5\n"b, Jr.",2024-01-03 09:30:00,x\n';
 * const { rows, report } = parseCsv(csv, {
 *   columns: { at: { type: 'date', timeZone: 'UTC' }, amount: 'number' },
 *   onError: 'skip-and-report',
 * });
 * rows; // => [{ id: 'a', at: Date.UTC(2024, 0, 2, 10), amount: 1.5 }]
 * report.issues; // => [{ line: 3, column: 'amount', reason: 'not a number' }]
 * parseCsv('id;amount\na;1.5\n', { delimiter: ';', columns: { amount: 'number' } }).rows; // => [{ id: 'a', amount: 1.5 }]
 * ```
 * @category Reading data
 */
export function parseCsv(text: string, options: ParseCsvOptions & { header: false }): ParseCsvResult<CellValue[]>;
export function parseCsv(text: string, options?: ParseCsvOptions): ParseCsvResult<Record<string, CellValue>>;
export function parseCsv(text: string, options: ParseCsvOptions = {}): ParseCsvResult<Record<string, CellValue>> | ParseCsvResult<CellValue[]> {
  const fn = 'connectors/parseCsv';
  const o = checkOptions(fn, options, CSV_OPTION_KEYS);
  if (typeof text !== 'string') throw new InvalidInputError(fn, 'text must be a string', text);
  const d = csvDialect(fn, o);
  const b = new CsvRowBuilder(fn, d);
  const t = new CsvTokenizer(d.delimiter, d.quote);
  t.feed(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, true, b);
  return { header: b.header ?? [], rows: b.take() as Record<string, CellValue>[], report: b.log.report };
}
