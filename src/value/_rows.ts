/**
 * Internal helpers for transaction logs: accessors, fast UTC date parsing and period indexes.
 *
 * @internal
 * @module
 */
import { InvalidOptionError } from '../core/errors.js';
import { daysFromCivil } from '../core/_civil.js';
import type { Timestamp } from '../core/types.js';

/** A field name of the row, or a function reading the value from a row. */
export type Accessor<Row, T> = (keyof Row & string) | ((row: Row, index: number) => T);

/** Turns an {@link Accessor} option into a function; throws when it is neither a string nor a function. */
export function accessor<Row, T>(fn: string, name: string, a: unknown): (row: Row, index: number) => T {
  if (typeof a === 'function') return a as (row: Row, index: number) => T;
  if (typeof a === 'string') return (row: Row) => (row as Record<string, unknown>)[a] as T;
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
