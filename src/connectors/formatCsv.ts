import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';

/** A value a writer accepts: `null`/`undefined` write as an empty cell, a `Date` as ISO 8601 UTC. */
export type WritableValue = string | number | boolean | Date | null | undefined;

/** Options of {@link formatCsv} and the Node `writeCsv`. */
export interface FormatCsvOptions {
  /** Columns, in order. @defaultValue the keys of the first row */
  columns?: readonly string[];
  /** @defaultValue ',' */
  delimiter?: string;
  /** @defaultValue '"' */
  quote?: string;
  /** Write a header line. @defaultValue true */
  header?: boolean;
  /** Line end. @defaultValue '\n' */
  newline?: '\n' | '\r\n';
}

export const FORMAT_CSV_KEYS = ['columns', 'delimiter', 'quote', 'header', 'newline'] as const;

/** Validated writer settings. @internal */
export interface CsvWriter {
  columns: readonly string[] | undefined;
  header: boolean;
  newline: string;
  /** Formats one row (without line end). */
  line(row: Readonly<Record<string, WritableValue>>, index: number): string;
  /** The header line (without line end). */
  headerLine(columns: readonly string[]): string;
}

/** @internal */
export function csvWriter(fn: string, options: FormatCsvOptions | undefined): CsvWriter {
  const o = checkOptions(fn, options, FORMAT_CSV_KEYS);
  const delimiter = o.delimiter ?? ',';
  const quote = o.quote ?? '"';
  const newline = o.newline ?? '\n';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '\n' || delimiter === '\r') throw new InvalidOptionError(fn, 'options.delimiter must be one character other than a line break', delimiter);
  if (typeof quote !== 'string' || quote.length !== 1 || quote === delimiter || quote === '\n' || quote === '\r') throw new InvalidOptionError(fn, 'options.quote must be one character, not the delimiter or a line break', quote);
  if (newline !== '\n' && newline !== '\r\n') throw new InvalidOptionError(fn, "options.newline must be one of '\\n', '\\r\\n'", newline);
  if (o.columns !== undefined && !(Array.isArray(o.columns) && o.columns.every((c) => typeof c === 'string'))) throw new InvalidOptionError(fn, 'options.columns must be an array of column names', o.columns);
  if (o.header !== undefined && typeof o.header !== 'boolean') throw new InvalidOptionError(fn, 'options.header must be a boolean', o.header);
  const doubled = quote + quote;
  const escape = (s: string): string => {
    let needs = s.length > 0 && (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32);
    if (!needs) for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === delimiter || c === quote || c === '\n' || c === '\r') {
        needs = true;
        break;
      }
    }
    return needs ? quote + s.split(quote).join(doubled) + quote : s;
  };
  const cell = (v: unknown, index: number, col: string): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return escape(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new InvalidInputError(fn, `rows[${index}].${col} must be a finite number`, v);
      return String(v);
    }
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) throw new InvalidInputError(fn, `rows[${index}].${col} is an invalid Date`, v);
      return v.toISOString();
    }
    throw new InvalidInputError(fn, `rows[${index}].${col} must be a string, number, boolean, Date or null`, v);
  };
  return {
    columns: o.columns,
    header: o.header ?? true,
    newline,
    headerLine: (cols) => cols.map(escape).join(delimiter),
    line(row, index) {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new InvalidInputError(fn, `rows[${index}] must be an object`, row);
      const cols = this.columns!;
      let out = '';
      for (let c = 0; c < cols.length; c++) {
        const k = cols[c]!;
        if (c > 0) out += delimiter;
        out += cell(Object.prototype.hasOwnProperty.call(row, k) ? row[k] : undefined, index, k);
      }
      // A lone empty cell would be a blank line, which readers skip: quote it.
      return out.length === 0 && cols.length === 1 ? quote + quote : out;
    },
  };
}

/**
 * Formats rows (scores, segments, influencer lists) as CSV text with the quoting {@link parseCsv}
 * reads back: a cell is quoted when it holds the delimiter, the quote, a line break, or leading or
 * trailing spaces, and quotes inside are doubled.
 *
 * @remarks Numbers are written in JavaScript's shortest round-trip form, `Date`s as ISO 8601 UTC,
 * `null`/`undefined` as an empty cell. Columns default to the keys of the first row. Browser-safe;
 * the Node `writeCsv` streams the same format to a file.
 * @throws {@link InvalidInputError} when a row is not an object or a cell is NaN, ±Infinity, an
 * invalid Date, an object or an array
 * @throws {@link InvalidOptionError} for a bad delimiter, quote, newline or columns list
 * @example
 * ```ts
 * import { formatCsv, parseCsv } from 'crmkit/connectors';
 * const text = formatCsv([{ id: 'a', note: 'says "hi", twice', clv: 12.5 }]);
 * text; // => 'id,note,clv\na,"says ""hi"", twice",12.5\n'
 * parseCsv(text, { columns: { clv: 'number' } }).rows; // => [{ id: 'a', note: 'says "hi", twice', clv: 12.5 }]
 * ```
 * @category Writing data
 */
export function formatCsv(rows: readonly Readonly<Record<string, WritableValue>>[], options?: FormatCsvOptions): string {
  const fn = 'connectors/formatCsv';
  const w = csvWriter(fn, options);
  if (!Array.isArray(rows)) throw new InvalidInputError(fn, 'rows must be an array of objects', rows);
  if (w.columns === undefined) {
    const first = rows[0];
    w.columns = first !== null && typeof first === 'object' ? Object.keys(first) : [];
  }
  const parts: string[] = [];
  if (w.header) parts.push(w.headerLine(w.columns));
  for (let i = 0; i < rows.length; i++) parts.push(w.line(rows[i]!, i));
  return parts.length === 0 ? '' : parts.join(w.newline) + w.newline;
}

/**
 * Formats rows as JSON Lines: one JSON object per line, `Date`s as ISO 8601 strings.
 *
 * @throws {@link InvalidInputError} when a row is not a plain object or holds a value JSON cannot
 * carry (NaN, ±Infinity, a bigint, a function)
 * @example
 * ```ts
 * import { formatJsonl } from 'crmkit/connectors';
 * formatJsonl([{ id: 'a', clv: 12.5 }, { id: 'b', clv: null }]); // => '{"id":"a","clv":12.5}\n{"id":"b","clv":null}\n'
 * ```
 * @category Writing data
 */
export function formatJsonl(rows: readonly unknown[]): string {
  const fn = 'connectors/formatJsonl';
  if (!Array.isArray(rows)) throw new InvalidInputError(fn, 'rows must be an array of objects', rows);
  let out = '';
  for (let i = 0; i < rows.length; i++) out += jsonLine(fn, rows[i], i) + '\n';
  return out;
}

/** One JSON Lines record, checked for values JSON would silently change. @internal */
export function jsonLine(fn: string, row: unknown, index: number): string {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new InvalidInputError(fn, `rows[${index}] must be an object`, row);
  return JSON.stringify(row, (key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new InvalidInputError(fn, `rows[${index}].${key} must be a finite number (JSON has no NaN or Infinity)`, v);
    if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') throw new InvalidInputError(fn, `rows[${index}].${key} cannot be written as JSON`, v);
    return v;
  });
}
