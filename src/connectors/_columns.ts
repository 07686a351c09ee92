/**
 * Column specs, typed coercion and the malformed-row report shared by the CSV and JSON Lines readers.
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { _parseDateTime, _zone } from './parseDateTime.js';

/** The types a column can be read as. `'date'` yields epoch milliseconds. */
export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

/** How to read one column. */
export interface ColumnSpec {
  /** Target type. */
  type: ColumnType;
  /** IANA zone for zone-less date values in this column (overrides the reader's `timeZone`). */
  timeZone?: string;
  /**
   * An empty cell is a malformed row instead of `null`.
   * @defaultValue false
   */
  required?: boolean;
}

/** A value in a read row: strings for untyped columns, typed values or `null` (empty cell) for typed ones. */
export type CellValue = string | number | boolean | null;

/** One row that could not be read, and why. Values are not repeated here (they may be personal data). */
export interface RowIssue {
  /** Physical line (1-based) where the row starts. */
  line: number;
  /** The column at fault, when one is. */
  column?: string;
  /** What was wrong. */
  reason: string;
}

/** What a reader saw: rows delivered, rows skipped with their reasons, blank lines. */
export interface ReadReport {
  /** Rows delivered to the caller. */
  rowsRead: number;
  /** Rows skipped under `onError: 'skip-and-report'` (each one is in `issues`). */
  rowsSkipped: number;
  /** Blank lines skipped (not rows). */
  emptyLines: number;
  /** Every skipped row, in input order. */
  issues: RowIssue[];
}

/** The read options shared by every reader. */
export interface ColumnReadOptions {
  /** Columns to coerce, by name (`{ Quantity: 'integer', InvoiceDate: { type: 'date', timeZone: 'Europe/London' } }`). Other columns stay strings. */
  columns?: Record<string, ColumnType | ColumnSpec>;
  /** IANA zone for zone-less dates in every date column without its own `timeZone`. */
  timeZone?: string;
  /**
   * What a malformed row does: `'error'` throws {@link InvalidInputError} naming the line;
   * `'skip-and-report'` leaves it out of the rows and lists it in the report.
   * @defaultValue 'error'
   */
  onError?: 'error' | 'skip-and-report';
}

type Coerce = (s: string) => CellValue | Failure;
/** A coercion failure (a class, so a string cell value can never be mistaken for one). */
export class Failure {
  constructor(readonly reason: string) {}
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;
const TRUE = new Set(['true', 'True', 'TRUE', '1', 'yes', 'Yes', 'YES', 't', 'T', 'y', 'Y']);
const FALSE = new Set(['false', 'False', 'FALSE', '0', 'no', 'No', 'NO', 'f', 'F', 'n', 'N']);

function coercer(fn: string, name: string, spec: ColumnType | ColumnSpec, readerZone: string | undefined): { coerce: Coerce; required: boolean } {
  const s: ColumnSpec = typeof spec === 'string' ? { type: spec } : spec;
  if (s === null || typeof s !== 'object') throw new InvalidOptionError(fn, `options.columns.${name} must be a type name or { type }`, spec);
  const required = s.required === true;
  switch (s.type) {
    case 'string':
      return { coerce: (v) => v, required };
    case 'number':
      return { coerce: (v) => (NUMBER_RE.test(v) ? Number(v) : new Failure('not a number')), required };
    case 'integer':
      return {
        coerce: (v) => {
          if (!INTEGER_RE.test(v)) return new Failure('not an integer');
          const x = Number(v);
          return Number.isSafeInteger(x) ? x : new Failure('integer beyond ±2^53');
        },
        required,
      };
    case 'boolean':
      return { coerce: (v) => (TRUE.has(v) ? true : FALSE.has(v) ? false : new Failure('not a boolean (true/false, 1/0, yes/no)')), required };
    case 'date': {
      const zoneName = s.timeZone ?? readerZone;
      let zone = null;
      if (zoneName !== undefined) {
        zone = typeof zoneName === 'string' ? _zone(zoneName) : null;
        if (zone === null) throw new InvalidOptionError(fn, `options.columns.${name}.timeZone must be an IANA time zone name such as 'UTC' or 'Europe/London'`, zoneName);
      }
      // Logs repeat a time on consecutive rows (the lines of one invoice, a burst of posts): the
      // last text and its value are remembered, which skips most parses (the result is a pure
      // function of the text and the zone).
      let lastText: string | null = null;
      let lastValue: CellValue | Failure = null;
      return {
        coerce: (v) => {
          if (v === lastText) return lastValue;
          const r = _parseDateTime(v, zone);
          lastText = v;
          lastValue = typeof r === 'string' ? new Failure(`not a date-time: ${r}`) : r;
          return lastValue;
        },
        required,
      };
    }
    default:
      throw new InvalidOptionError(fn, `options.columns.${name}.type must be one of 'string', 'number', 'integer', 'boolean', 'date'`, s.type);
  }
}

/** Compiled column coercion for a known header. */
export interface ColumnPlan {
  /** Per header position: a coercion, or null to keep the string. */
  coerce: (Coerce | null)[];
  required: boolean[];
}

/** Validates the shared read options and returns the onError policy and column specs. */
export function readOptions(fn: string, o: ColumnReadOptions): { skip: boolean; columns: Record<string, ColumnType | ColumnSpec> } {
  const policy = o.onError ?? 'error';
  if (policy !== 'error' && policy !== 'skip-and-report') throw new InvalidOptionError(fn, "options.onError must be one of 'error', 'skip-and-report'", policy);
  const columns = o.columns ?? {};
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) throw new InvalidOptionError(fn, 'options.columns must be an object of column types', columns);
  if (o.timeZone !== undefined && (typeof o.timeZone !== 'string' || _zone(o.timeZone) === null)) {
    throw new InvalidOptionError(fn, "options.timeZone must be an IANA time zone name such as 'UTC' or 'Europe/London'", o.timeZone);
  }
  return { skip: policy === 'skip-and-report', columns };
}

/** Compiles the column plan for a header; every named column must exist in it. */
export function planColumns(fn: string, header: readonly string[], columns: Record<string, ColumnType | ColumnSpec>, timeZone: string | undefined, requireAll: boolean): ColumnPlan {
  const coerce: (Coerce | null)[] = header.map(() => null);
  const required: boolean[] = header.map(() => false);
  for (const name of Object.keys(columns)) {
    const at = header.indexOf(name);
    if (at < 0 && requireAll) throw new InvalidInputError(fn, `options.columns names '${name}', which is not a column of the header`, header);
    const c = coercer(fn, name, columns[name]!, timeZone);
    if (at >= 0) {
      coerce[at] = c.coerce;
      required[at] = c.required;
    }
  }
  return { coerce, required };
}

/** Compiles per-name coercions (JSON Lines, where every record names its own fields). */
export function namedCoercions(fn: string, columns: Record<string, ColumnType | ColumnSpec>, timeZone: string | undefined): Map<string, { coerce: Coerce; required: boolean }> {
  const out = new Map<string, { coerce: Coerce; required: boolean }>();
  for (const name of Object.keys(columns)) out.set(name, coercer(fn, name, columns[name]!, timeZone));
  return out;
}

/** Collects issues and applies the onError policy. */
export class IssueLog {
  readonly report: ReadReport = { rowsRead: 0, rowsSkipped: 0, emptyLines: 0, issues: [] };
  constructor(
    private readonly fn: string,
    private readonly skip: boolean,
  ) {}

  /** Records a malformed row: throws under 'error', logs under 'skip-and-report'. */
  bad(issue: RowIssue): void {
    if (!this.skip) {
      const where = issue.column === undefined ? '' : `, column '${issue.column}'`;
      throw new InvalidInputError(this.fn, `line ${issue.line}${where}: ${issue.reason} (pass onError: 'skip-and-report' to skip such rows and list them)`, issue.line);
    }
    this.report.rowsSkipped++;
    this.report.issues.push(issue);
  }
}
