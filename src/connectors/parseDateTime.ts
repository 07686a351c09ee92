import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { daysFromCivil } from '../core/_civil.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Options of {@link parseDateTime}. */
export interface ParseDateTimeOptions {
  /**
   * IANA time zone (`'Europe/London'`, `'America/New_York'`, `'UTC'`) of values written without an
   * offset, such as `2011-12-09 09:15:00`. Values that carry `Z` or an offset ignore it. Without it, a
   * zone-less value is an error: crmkit never guesses the machine's zone.
   */
  timeZone?: string;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

interface Zone {
  format: Intl.DateTimeFormat | null;
  /** Resolved offset (wall − instant, ms) per wall-clock hour without a transition. */
  hours: Map<number, number>;
}
const zones = new Map<string, Zone>();

/** The zone for a name, or null when Intl does not know it. */
export function _zone(name: string): Zone | null {
  const hit = zones.get(name);
  if (hit !== undefined) return hit;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return null;
  }
  const resolved = format.resolvedOptions().timeZone;
  const utc = resolved === 'UTC' || resolved === 'Etc/UTC' || resolved === 'Etc/GMT' || resolved === 'GMT';
  const zone: Zone = { format: utc ? null : format, hours: new Map() };
  zones.set(name, zone);
  return zone;
}

/** Offset (wall − instant, ms) at instant t, from Intl. */
function offsetAt(zone: Zone, t: number): number {
  if (zone.format === null) return 0;
  const sec = Math.floor(t / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of zone.format.formatToParts(sec)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') mo = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
    else if (p.type === 'hour') h = Number(p.value) % 24;
    else if (p.type === 'minute') mi = Number(p.value);
    else if (p.type === 'second') s = Number(p.value);
    else if (p.type === 'era') bc = p.value === 'BC' || p.value === 'B';
  }
  if (bc) y = 1 - y;
  return daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * 60_000 + s * 1000 - sec;
}

/**
 * The instant of a wall-clock time in a zone, resolved like Temporal's `'compatible'`: in an
 * overlap (clocks turned back) the earlier instant, in a gap (clocks turned forward) the wall time
 * pushed forward by the gap.
 */
function resolveWall(zone: Zone, wall: number): number {
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  if (before === after) return wall - before;
  const c1 = wall - before;
  const c2 = wall - after;
  const ok1 = offsetAt(zone, c1) === before;
  const ok2 = offsetAt(zone, c2) === after;
  if (ok1 && ok2) return Math.min(c1, c2);
  if (ok1) return c1;
  if (ok2) return c2;
  return c1;
}

/** Wall time (ms as if UTC) to instant, cached per wall hour with no transition inside it. */
export function _wallToInstant(zone: Zone, wall: number): number {
  if (zone.format === null) return wall;
  const key = Math.floor(wall / HOUR);
  const hit = zone.hours.get(key);
  if (hit !== undefined) return wall - hit;
  const a = key * HOUR;
  const oa = a - resolveWall(zone, a);
  const ob = a + HOUR - 1000 - resolveWall(zone, a + HOUR - 1000);
  if (oa === ob && offsetAt(zone, a - oa) === oa && offsetAt(zone, a + HOUR - 1000 - ob) === ob) {
    if (zone.hours.size > 200_000) zone.hours.clear();
    zone.hours.set(key, oa);
    return wall - oa;
  }
  return resolveWall(zone, wall);
}

function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.charCodeAt(at + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses an ISO-like date-time into epoch milliseconds, or returns a reason string when it cannot.
 * Accepted: `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM`, `:SS`, `.fraction` (up to
 * milliseconds kept), then optionally `Z`, or an offset `±HH`, `±HHMM`, `±HH:MM` (a space before it
 * is allowed: `2015-02-24 11:35:52 -0800`).
 *
 * @internal
 */
export function _parseDateTime(s: string, zone: Zone | null): number | string {
  const n = s.length;
  if (n < 10) return 'not a date (expected YYYY-MM-DD…)';
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return 'not a date (expected YYYY-MM-DD…)';
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'not a calendar date';
  let i = 10;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  if (i < n && (s.charCodeAt(i) === 84 || s.charCodeAt(i) === 116 || (s.charCodeAt(i) === 32 && digits(s, i + 1, 2) >= 0 && s.charCodeAt(i + 3) === 58))) {
    h = digits(s, i + 1, 2);
    mi = digits(s, i + 4, 2);
    if (h < 0 || mi < 0 || s.charCodeAt(i + 3) !== 58) return 'not a time of day (expected HH:MM)';
    i += 6;
    if (i < n && s.charCodeAt(i) === 58) {
      sec = digits(s, i + 1, 2);
      if (sec < 0) return 'not a time of day (expected HH:MM:SS)';
      i += 3;
      if (i < n && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
        let j = i + 1;
        let scale = 100;
        while (j < n) {
          const c = s.charCodeAt(j) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
          j++;
        }
        if (j === i + 1) return 'a fraction of a second needs digits';
        ms = Math.floor(ms);
        i = j;
      }
    }
    if (h > 23 || mi > 59 || sec > 59) return 'time of day out of range';
  }
  const wall = daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * 60_000 + sec * 1000 + ms;
  if (i < n && s.charCodeAt(i) === 32) i++;
  if (i >= n) {
    if (zone === null) return 'the value has no UTC offset and no timeZone was given';
    return _wallToInstant(zone, wall);
  }
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === n) return wall;
  if (c !== 43 && c !== 45) return 'unexpected text after the date';
  const oh = digits(s, i + 1, 2);
  if (oh < 0) return 'not a UTC offset (expected ±HH:MM)';
  let om = 0;
  let end = i + 3;
  if (end < n) {
    const colon = s.charCodeAt(end) === 58 ? 1 : 0;
    om = digits(s, end + colon, 2);
    if (om < 0) return 'not a UTC offset (expected ±HH:MM)';
    end += colon + 2;
  }
  if (end !== n) return 'unexpected text after the UTC offset';
  if (oh > 23 || om > 59) return 'UTC offset out of range';
  const off = (oh * 60 + om) * 60_000 * (c === 45 ? -1 : 1);
  return wall - off;
}

/**
 * Parses a date-time string into epoch milliseconds: ISO 8601 dates and times, with `Z`, an offset
 * (`2015-02-24 11:35:52 -0800`, `+08:00`), or an explicit IANA `timeZone` for wall-clock values
 * (`2011-12-09 09:15:00`).
 *
 * @remarks Unlike `Date.parse`, a value without an offset is never read in the machine's own zone:
 * it needs `options.timeZone`. Wall times that fall in a daylight-saving gap or overlap are resolved
 * as Temporal's `'compatible'` (the earlier instant in an overlap; pushed forward across a gap).
 * Fractions beyond milliseconds are truncated. Linear time, no regular expressions.
 * @throws {@link InvalidInputError} when `value` is not a string or not a valid date-time
 * @throws {@link InvalidOptionError} when `timeZone` is not an IANA zone name
 * @example
 * ```ts
 * import { parseDateTime } from 'crmkit/connectors';
 * new Date(parseDateTime('2011-12-09 09:15:00', { timeZone: 'Europe/London' })).toISOString(); // => '2011-12-09T09:15:00.000Z'
 * new Date(parseDateTime('2011-06-09 09:15:00', { timeZone: 'Europe/London' })).toISOString(); // => '2011-06-09T08:15:00.000Z'
 * new Date(parseDateTime('2015-02-24 11:35:52 -0800')).toISOString(); // => '2015-02-24T19:35:52.000Z'
 * ```
 * @category Reading data
 */
export function parseDateTime(value: string, options: ParseDateTimeOptions = {}): number {
  const fn = 'connectors/parseDateTime';
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new InvalidOptionError(fn, 'options must be an object', options);
  let zone: Zone | null = null;
  if (options.timeZone !== undefined) {
    zone = typeof options.timeZone === 'string' ? _zone(options.timeZone) : null;
    if (zone === null) throw new InvalidOptionError(fn, "options.timeZone must be an IANA time zone name such as 'UTC' or 'Europe/London'", options.timeZone);
  }
  if (typeof value !== 'string') throw new InvalidInputError(fn, 'value must be a string', value);
  const r = _parseDateTime(value, zone);
  if (typeof r === 'string') throw new InvalidInputError(fn, `value is ${r}`, value);
  return r;
}
