/**
 * Internal helpers for transaction logs: accessors, fast UTC date parsing and period indexes.
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { bucketLabel, bucketStart } from '../core/time.js';
import { oneOf, string } from '../core/validate.js';
import { daysFromCivil } from '../core/_civil.js';
import type { Timestamp } from '../core/types.js';

/** A field name of the row, or a function reading the value from a row. */
export type Accessor<Row, T> = (keyof Row & string) | ((row: Row, index: number) => T);

/** Turns an {@link Accessor} option into a function; throws when it is neither a string nor a function. */
export function accessor<Row, T>(fn: string, name: string, a: unknown): (row: Row, index: number) => T {
  if (typeof a === 'function') return a as (row: Row, index: number) => T;
  if (typeof a === 'string') {
    // A field named like a member of Object.prototype ('constructor', 'toString', '__proto__', …) is
    // read only when the row has it as its own property: otherwise every row would "have" the
    // inherited function, and e.g. customerId: 'constructor' would put all rows under one customer.
    if (a in Object.prototype) return (row: Row) => (Object.hasOwn(row as object, a) ? (row as Record<string, unknown>)[a] : undefined) as T;
    return (row: Row) => (row as Record<string, unknown>)[a] as T;
  }
  throw new InvalidOptionError(fn, `${name} must be a field name (string) or a function (row, index) => value`, a);
}

function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * UTC day number (days since 1970-01-01) of a timestamp, or NaN when it cannot be read.
 * Strings `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DDTHH:MM[:SS]` without an offset and
 * `YYYYMMDD` are read as UTC wall-clock dates without allocating (impossible calendar dates such as
 * 2024-02-30 are unreadable, never rolled over); ISO strings with `Z` or an offset are converted to
 * UTC; other strings are unreadable; numbers are epoch milliseconds.
 */
export function utcDay(x: unknown): number {
  if (typeof x === 'string') {
    const n = x.length;
    if (n === 8) {
      const y = digits(x, 0, 4);
      const m = digits(x, 4, 2);
      const d = digits(x, 6, 2);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return daysFromCivil(y, m, d);
      return NaN;
    }
    if (n >= 10 && x.charCodeAt(4) === 45 && x.charCodeAt(7) === 45 && (n === 10 || plainTime(x))) {
      const y = digits(x, 0, 4);
      const m = digits(x, 5, 2);
      const d = digits(x, 8, 2);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return daysFromCivil(y, m, d);
      return NaN;
    }
    // Anything else must be ISO-8601 with an explicit zone (Z or ±hh:mm); free-form strings would be
    // read in the machine's zone by Date.parse, so they count as unreadable.
    if (!ISO_WITH_ZONE.test(x)) return NaN;
    const y = digits(x, 0, 4);
    const m = digits(x, 5, 2);
    const d = digits(x, 8, 2);
    if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return NaN;
    const t = Date.parse(x);
    return Number.isFinite(t) ? Math.floor(t / 86400000) : NaN;
  }
  if (typeof x === 'number') return Number.isFinite(x) ? Math.floor(x / 86400000) : NaN;
  if (x instanceof Date) {
    const t = x.getTime();
    return Number.isFinite(t) ? Math.floor(t / 86400000) : NaN;
  }
  return NaN;
}

/** `YYYY-MM-DD[ T]HH:MM[:SS[.fff]]` with no zone suffix: a wall-clock time we read as UTC. */
function plainTime(x: string): boolean {
  const sep = x.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return false;
  for (let i = 11; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 58 || c === 46)) return false;
  }
  return true;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Period granularity of transaction summaries. */
export type Period = 'day' | 'week' | 'month';

/** Index of the period containing UTC day `day`: the day itself, the ISO week (Monday start), or the month. */
export function periodIndex(day: number, period: Period): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7); // 1969-12-29 (day −3) was a Monday
  // month: civil from days (Hinnant), then y*12 + m − 1
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + (m - 1);
}

/** Label of a period index: `YYYY-MM-DD` (day, week start) or `YYYY-MM` (month). */
export function periodLabel(index: number, period: Period): string {
  if (period === 'month') {
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  const day = period === 'day' ? index : index * 7 - 3;
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** Reads a required timestamp option as a UTC day number. */
export function dayOption(fn: string, name: string, x: Timestamp | undefined): number {
  const d = utcDay(x);
  if (!Number.isFinite(d)) throw new InvalidOptionError(fn, `${name} must be a valid Date, date string or epoch milliseconds`, x);
  return d;
}

/** How numeric dates are read: `'yyyymmdd'` (19970101 is 1 January 1997), epoch milliseconds or epoch seconds. */
export type DateFormat = 'yyyymmdd' | 'epochMs' | 'epochSeconds';

function yyyymmddDay(v: number): number {
  if (!Number.isInteger(v) || v < 0) return NaN;
  const y = Math.floor(v / 10000);
  const m = Math.floor(v / 100) % 100;
  const d = v % 100;
  return y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? daysFromCivil(y, m, d) : NaN;
}

/**
 * The date reader of the transaction-log functions: returns the day number of a row's date (NaN when
 * unreadable, for the `invalidDate` policy) and throws when the log is ambiguous rather than unreadable:
 * an 8-digit integer date without `dateFormat` (it would silently be read as epoch milliseconds in
 * January 1970), or a time of day without a zone and without `timeZone`. With `timeZone`, days are
 * calendar days of that zone: zone-less wall-clock times keep their date, instants (Z / offset strings,
 * Dates, epoch numbers) are converted to the zone's local date.
 */
export function dayReader(fn: string, opts: { dateFormat?: unknown; timeZone?: unknown }, what: string): (raw: unknown, i: number) => number {
  const format = opts.dateFormat === undefined ? undefined : oneOf(fn, 'options.dateFormat', opts.dateFormat, ['yyyymmdd', 'epochMs', 'epochSeconds'] as const);
  const zone = opts.timeZone === undefined ? undefined : string(fn, 'options.timeZone', opts.timeZone);
  if (zone !== undefined) bucketStart(0, { unit: 'day', timeZone: zone }); // validates the zone name (typed error)
  const local = zone !== undefined && zone !== 'UTC';
  const fromInstant = (ms: number): number => {
    if (!Number.isFinite(ms)) return NaN;
    if (!local) return Math.floor(ms / 86400000);
    return utcDay(bucketLabel(bucketStart(ms, { unit: 'day', timeZone: zone }), { unit: 'day', timeZone: zone }));
  };
  return (raw, i) => {
    if (typeof raw === 'number') {
      if (format === 'yyyymmdd') return yyyymmddDay(raw);
      if (format === 'epochSeconds') return fromInstant(raw * 1000);
      if (format === undefined && raw >= 10000101 && raw <= 99991231 && Number.isFinite(yyyymmddDay(raw))) {
        throw new InvalidInputError(fn, `${what}[${i}] has the numeric date ${raw}, which reads as a YYYYMMDD calendar date; set options.dateFormat to 'yyyymmdd' (or to 'epochMs' if these are epoch milliseconds)`, raw);
      }
      return fromInstant(raw);
    }
    if (raw instanceof Date) return fromInstant(raw.getTime());
    if (typeof raw === 'string') {
      if (format === 'yyyymmdd' && raw.length !== 8) return NaN;
      const n = raw.length;
      if (n > 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && plainTime(raw)) {
        if (zone === undefined) {
          throw new InvalidInputError(fn, `${what}[${i}] has a time of day without a zone; set options.timeZone to the zone of the log's clock ('UTC', 'Europe/London', …)`, raw);
        }
        return utcDay(raw.slice(0, 10));
      }
      if (local && n > 10) {
        const d = utcDay(raw);
        return Number.isFinite(d) ? fromInstant(Date.parse(raw)) : NaN;
      }
    }
    return utcDay(raw);
  };
}
