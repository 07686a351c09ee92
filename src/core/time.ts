/**
 * Calendar buckets (hour, day, week, month) in UTC or any IANA time zone, their labels and dense
 * ranges for zero-filling, and trailing rolling sums and means over dense series. Time zones come
 * from the platform's `Intl.DateTimeFormat`, so this runs unchanged in Node and in browsers.
 *
 * @module
 */
import { InvalidInputError, InvalidOptionError } from './errors.js';
import type { Timestamp } from './types.js';
import { finiteArray, integerInRange, oneOf, options as checkOptions, string, timestamp } from './validate.js';
import { daysFromCivil } from './_civil.js';

/** A calendar unit for {@link bucketStart}. */
export type TimeUnit = 'hour' | 'day' | 'week' | 'month';

/** Options of {@link bucketStart}, {@link bucketLabel} and {@link bucketRange}. */
export interface BucketOptions {
  /** The bucket size. */
  unit: TimeUnit;
  /**
   * IANA time zone name (`'America/New_York'`, `'Asia/Shanghai'`, `'Europe/London'`) whose wall
   * clock defines the buckets.
   * @defaultValue 'UTC'
   */
  timeZone?: string;
  /**
   * First day of a week bucket: 1 = Monday (ISO 8601, pandas' `W-SUN` periods), 0 = Sunday.
   * @defaultValue 1
   */
  weekStartsOn?: 0 | 1;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the supported instants. */
const UNITS = ['hour', 'day', 'week', 'month'] as const;
const BUCKET_KEYS = ['unit', 'timeZone', 'weekStartsOn'] as const;
interface Zone {
  readonly name: string;
  readonly utc: boolean;
  readonly format: Intl.DateTimeFormat | null;
  /** Offset (ms) per UTC hour index, for hours with a single offset. */
  readonly offsets: Map<number, number>;
  /** First instant of a local calendar day, per local day number. */
  readonly dayStarts: Map<number, number>;
}

const zones = new Map<string, Zone>();
const CACHE_LIMIT = 100_000;

function getZone(fn: string, timeZone: unknown): Zone {
  const name = timeZone === undefined ? 'UTC' : string(fn, 'options.timeZone', timeZone);
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
    });
  } catch {
    throw new InvalidOptionError(fn, "options.timeZone must be an IANA time zone name such as 'UTC' or 'America/New_York'", name);
  }
  const resolved = format.resolvedOptions().timeZone;
  const utc = resolved === 'UTC' || resolved === 'Etc/UTC' || resolved === 'Etc/GMT' || resolved === 'GMT';
  const zone: Zone = { name, utc, format: utc ? null : format, offsets: new Map(), dayStarts: new Map() };
  zones.set(name, zone);
  return zone;
}

/** The date of a day number (Hinnant's civil_from_days): [year, month 1–12, day 1–31]. */
function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** UTC offset (wall − instant, ms) at a whole second, read from Intl. */
function offsetExact(zone: Zone, t: number): number {
  const sec = Math.floor(t / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of zone.format!.formatToParts(sec)) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      default:
        break;
    }
  }
  return daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * 60_000 + s * 1000 - sec;
}

/**
 * UTC offset at instant t. Cached per UTC hour when the offset is the same at the hour's first and
 * last second (zones change offset at most once within an hour).
 */
function offsetAt(zone: Zone, t: number): number {
  if (zone.utc) return 0;
  const key = Math.floor(t / HOUR);
  const hit = zone.offsets.get(key);
  if (hit !== undefined) return hit;
  const a = offsetExact(zone, key * HOUR);
  const b = offsetExact(zone, key * HOUR + HOUR - 1000);
  if (a === b) {
    if (zone.offsets.size >= CACHE_LIMIT) zone.offsets.clear();
    zone.offsets.set(key, a);
    return a;
  }
  return offsetExact(zone, t);
}

/** The first instant whose local wall time is at or after local midnight of day `days`. */
function dayStart(zone: Zone, days: number): number {
  const w = days * DAY;
  if (zone.utc) return w;
  const hit = zone.dayStarts.get(days);
  if (hit !== undefined) return hit;
  const oPrev = offsetAt(zone, w - DAY);
  const oNext = offsetAt(zone, w + DAY);
  const tA = w - oPrev;
  const tB = w - oNext;
  const aOk = offsetAt(zone, tA) === oPrev;
  const bOk = offsetAt(zone, tB) === oNext;
  let start: number;
  if (aOk || bOk) {
    // Both valid: midnight happens twice (clocks went back over it); the day starts at the first.
    start = aOk && bOk ? Math.min(tA, tB) : aOk ? tA : tB;
  } else {
    // Midnight was skipped (clocks went forward over it): the day starts at the transition.
    let lo = w - 15 * HOUR;
    while (lo + offsetAt(zone, lo) < w && lo < w + 15 * HOUR) lo += HOUR;
    let hi = lo;
    lo -= HOUR;
    // wall(lo) < w ≤ wall(hi); bisect to the whole second (transitions are on whole seconds).
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (mid + offsetExact(zone, mid) >= w) hi = mid;
      else lo = mid;
    }
    start = hi;
  }
  if (zone.dayStarts.size >= CACHE_LIMIT) zone.dayStarts.clear();
  zone.dayStarts.set(days, start);
  return start;
}

function instant(fn: string, name: string, t: unknown): number {
  return timestamp(fn, name, t);
}

interface Resolved {
  unit: TimeUnit;
  zone: Zone;
  weekStartsOn: 0 | 1;
}

function resolve(fn: string, options: BucketOptions): Resolved {
  if (options === undefined) throw new InvalidOptionError(fn, `options.unit is required (one of ${UNITS.map((u) => `'${u}'`).join(', ')})`, undefined);
  const opts = checkOptions(fn, options, BUCKET_KEYS);
  const unit = oneOf(fn, 'options.unit', opts.unit, UNITS);
  const weekStartsOn = opts.weekStartsOn === undefined ? 1 : oneOf(fn, 'options.weekStartsOn', opts.weekStartsOn, [0, 1] as const);
  return { unit, zone: getZone(fn, opts.timeZone), weekStartsOn };
}

/** Local day number of instant t. */
function localDays(zone: Zone, t: number): number {
  return Math.floor((t + offsetAt(zone, t)) / DAY);
}

function startOf(r: Resolved, t: number): number {
  const { zone } = r;
  switch (r.unit) {
    case 'hour': {
      const wall = t + offsetAt(zone, t);
      return t - (wall - Math.floor(wall / HOUR) * HOUR);
    }
    case 'day':
      return dayStart(zone, localDays(zone, t));
    case 'week': {
      const days = localDays(zone, t);
      const dow = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
      return dayStart(zone, days - ((dow - r.weekStartsOn + 7) % 7));
    }
    case 'month': {
      const [y, m] = civilFromDays(localDays(zone, t));
      return dayStart(zone, daysFromCivil(y, m, 1));
    }
  }
}

/** The start of the bucket after the one starting at `start`. */
function nextStart(r: Resolved, start: number): number {
  const { zone } = r;
  switch (r.unit) {
    case 'hour':
      return startOf(r, start + HOUR);
    case 'day':
      return dayStart(zone, localDays(zone, start) + 1);
    case 'week':
      return dayStart(zone, localDays(zone, start) + 7);
    case 'month': {
      const [y, m] = civilFromDays(localDays(zone, start));
      return dayStart(zone, m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1));
    }
  }
}

const pad = (v: number, w: number): string => String(v).padStart(w, '0');

/**
 * The start (epoch milliseconds) of the calendar bucket that contains `t`, on the wall clock of
 * `options.timeZone`.
 *
 * @remarks
 * - `hour`: the instant the local wall clock last showed HH:00 (for whole-hour offsets the same as
 *   flooring in UTC; for India's +05:30 it is :30 UTC).
 * - `day`: the first instant of the local date. On a DST day the bucket is 23 or 25 hours long
 *   (America/New_York 2024-03-10 starts 05:00Z and ends 04:00Z the next day); where a zone skips
 *   midnight the day starts at the transition.
 * - `week`: the day bucket of the most recent Monday (or Sunday with `weekStartsOn: 0`).
 * - `month`: the day bucket of the 1st.
 *
 * Offsets come from `Intl.DateTimeFormat(…).formatToParts` (one formatter per zone, cached) and are
 * memoized per UTC hour, assuming a zone changes offset at most once within an hour (true for
 * every zone in the IANA database since 1970). Cost: O(1) amortized; the first call for a new hour
 * or day of a non-UTC zone costs a few `formatToParts` calls (microseconds). UTC needs no Intl.
 * String timestamps must be ISO-8601 with `Z` or an offset (date-only strings are read as UTC
 * midnight, as JavaScript does); other strings throw.
 * @see pandas `Series.dt.tz_convert(tz).dt.floor('D')` / `.dt.to_period('W' | 'M').dt.start_time` (pandas 1.5.3, the reference of the tests)
 * @throws {@link InvalidInputError} when `t` is not a valid Date, finite epoch ms or ISO-8601 string
 * with an offset, or lies outside the years 1–9999
 * @throws {@link InvalidOptionError} on a missing or unknown `unit`, an unknown time zone, a
 * `weekStartsOn` other than 0 or 1, or unknown options
 * @example
 * ```ts
 * import { bucketStart } from 'crmkit';
 * new Date(bucketStart('2024-03-10T15:30:00Z', { unit: 'day', timeZone: 'America/New_York' })).toISOString();
 * // => '2024-03-10T05:00:00.000Z'
 * new Date(bucketStart(Date.UTC(2024, 2, 6, 12), { unit: 'week' })).toISOString(); // => '2024-03-04T00:00:00.000Z'
 * ```
 * @category Time
 */
export function bucketStart(t: Timestamp, options: BucketOptions): number {
  const fn = 'core/bucketStart';
  const r = resolve(fn, options);
  return startOf(r, instant(fn, 't', t));
}

/**
 * A readable label for the bucket containing `start` (usually a value from {@link bucketStart}):
 * `'2024-03-05T14'` (hour), `'2024-03-05'` (day), `'2024-03-04'` (week: the date it starts),
 * `'2024-03'` (month), in the wall-clock time of `options.timeZone`.
 *
 * @remarks O(1). Labels follow the wall clock, so in a zone with DST the repeated hour when clocks
 * go back (01:00–02:00 twice in America/New_York) gives two buckets with the same hour label; use
 * the start instants as keys and labels for display.
 * @see pandas `Period.strftime` / `Timestamp.strftime('%Y-%m-%d')`
 * @throws {@link InvalidInputError} when `start` is not a valid timestamp in the years 1–9999
 * @throws {@link InvalidOptionError} on bad options (see {@link bucketStart})
 * @example
 * ```ts
 * import { bucketLabel, bucketStart } from 'crmkit';
 * const opts = { unit: 'hour', timeZone: 'Asia/Shanghai' } as const;
 * bucketLabel(bucketStart('2024-03-05T06:45:00Z', opts), opts); // => '2024-03-05T14'
 * bucketLabel(Date.UTC(2024, 2, 5), { unit: 'month' }); // => '2024-03'
 * ```
 * @category Time
 */
export function bucketLabel(start: Timestamp, options: BucketOptions): string {
  const fn = 'core/bucketLabel';
  const r = resolve(fn, options);
  const s = startOf(r, instant(fn, 'start', start));
  const wall = s + offsetAt(r.zone, s);
  const days = Math.floor(wall / DAY);
  const [y, m, d] = civilFromDays(days);
  const ym = `${pad(y, 4)}-${pad(m, 2)}`;
  if (r.unit === 'month') return ym;
  const ymd = `${ym}-${pad(d, 2)}`;
  if (r.unit === 'hour') return `${ymd}T${pad(Math.floor((wall - days * DAY) / HOUR), 2)}`;
  return ymd;
}

/** Most buckets {@link bucketRange} returns. */
const MAX_BUCKETS = 10_000_000;

/**
 * Every bucket start from the bucket containing `from` to the bucket containing `to`, inclusive:
 * the dense axis to zero-fill counts on (days with no posts still get a 0).
 *
 * @remarks O(number of buckets). Consecutive starts differ by the bucket's real length (23 or 25
 * hours for a DST day, 28–31 days for a month). At most 10,000,000 buckets.
 * @see pandas.date_range(start, end, freq='D' | 'H', tz=…) / pandas.period_range
 * @throws {@link InvalidInputError} when `from`/`to` are invalid, `to` lies in an earlier bucket
 * than `from`, or the range has more than 10,000,000 buckets
 * @throws {@link InvalidOptionError} on bad options (see {@link bucketStart})
 * @example
 * ```ts
 * import { bucketLabel, bucketRange } from 'crmkit';
 * const opts = { unit: 'day', timeZone: 'Europe/London' } as const;
 * const starts = bucketRange('2024-03-30T12:00:00Z', '2024-04-01T08:00:00Z', opts);
 * starts.map((s) => bucketLabel(s, opts)); // => ['2024-03-30', '2024-03-31', '2024-04-01']
 * (starts[2]! - starts[1]!) / 3_600_000; // => 23
 * ```
 * @category Time
 */
export function bucketRange(from: Timestamp, to: Timestamp, options: BucketOptions): number[] {
  const fn = 'core/bucketRange';
  const r = resolve(fn, options);
  const a = startOf(r, instant(fn, 'from', from));
  const b = startOf(r, instant(fn, 'to', to));
  if (b < a) throw new InvalidInputError(fn, 'to must not lie in an earlier bucket than from', to);
  const approx = { hour: HOUR, day: DAY, week: 7 * DAY, month: 28 * DAY }[r.unit];
  if ((b - a) / approx > MAX_BUCKETS + 1) {
    throw new InvalidInputError(fn, `the range must have at most ${MAX_BUCKETS} buckets`, Math.floor((b - a) / approx));
  }
  const out: number[] = [];
  for (let s = a; s <= b; s = nextStart(r, s)) out.push(s);
  return out;
}

/** Options of {@link rollingSum} and {@link rollingMean}. */
export interface RollingOptions {
  /** Window length in positions (a trailing window: position i covers i − window + 1 … i). */
  window: number;
  /**
   * Fewest values a window needs to count as valid (pandas' `min_periods`), in [0, window].
   * @defaultValue `window`
   */
  minPeriods?: number;
}

/** Result of {@link rollingSum} and {@link rollingMean}. */
export interface RollingResult {
  /**
   * The statistic over each trailing window. At the start of the series, where fewer than `window`
   * values exist, it is taken over the `counts[i]` values available (never NaN).
   */
  values: Float64Array;
  /** How many values each window held: min(i + 1, window). */
  counts: Int32Array;
  /**
   * First position whose window holds at least `minPeriods` values (pandas gives NaN before it);
   * equals `values.length` when no window qualifies.
   */
  firstValid: number;
}

const ROLLING_KEYS = ['window', 'minPeriods'] as const;

function rolling(fn: string, values: ArrayLike<number>, options: RollingOptions, mean: boolean): RollingResult {
  if (options === undefined) throw new InvalidOptionError(fn, 'options.window is required (an integer ≥ 1)', undefined);
  const opts = checkOptions(fn, options, ROLLING_KEYS);
  const x = finiteArray(fn, 'values', values);
  const window = integerInRange(fn, 'options.window', opts.window, { min: 1 });
  const minPeriods = opts.minPeriods === undefined ? window : integerInRange(fn, 'options.minPeriods', opts.minPeriods, { min: 0, max: window });
  const n = x.length;
  const out = new Float64Array(n);
  const counts = new Int32Array(n);
  // Values so large that a window's running sum could overflow are summed scaled by an exact power
  // of two (no rounding is added) and scaled back: means stay finite, and a sum that truly exceeds
  // the double range is a typed error, never Infinity − Infinity = NaN.
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(x[i]!));
  let scale = 1;
  if (maxAbs * Math.min(window, n) * 4 > Number.MAX_VALUE || !Number.isFinite(maxAbs * Math.min(window, n) * 4)) {
    scale = 2 ** Math.min(1023, Math.ceil(Math.log2(maxAbs)));
    for (let i = 0; i < n; i++) x[i] = x[i]! / scale;
  }
  // Running Neumaier-compensated sum: add the entering value, subtract the leaving one.
  let s = 0;
  let c = 0;
  const add = (v: number): void => {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  };
  for (let i = 0; i < n; i++) {
    add(x[i]!);
    if (i >= window) add(-x[i - window]!);
    const k = i + 1 < window ? i + 1 : window;
    counts[i] = k;
    const v = mean ? ((s + c) / k) * scale : (s + c) * scale;
    if (!Number.isFinite(v)) throw new InvalidInputError(fn, `the sum of the window ending at values[${i}] exceeds the double range (±1.8e308)`, v);
    out[i] = v;
  }
  return { values: out, counts, firstValid: Math.min(n, Math.max(0, minPeriods - 1)) };
}

/**
 * Trailing rolling sum over a dense series (for example daily counts zero-filled with
 * {@link bucketRange}).
 *
 * @remarks O(n): a running sum with Neumaier compensation (the entering value is added, the leaving
 * one subtracted), so long series do not drift. Positions i ≥ `firstValid` equal pandas'
 * `Series.rolling(window, min_periods).sum()`; before it pandas gives NaN, crmkit gives the sum of
 * the `counts[i]` values available (so a chart can still show the partial start) and callers who
 * want pandas' behaviour skip to `firstValid`.
 * @see pandas.Series.rolling(window, min_periods).sum() (pandas 1.5.3, the reference of the tests)
 * @throws {@link InvalidInputError} when `values` is not an array of finite numbers
 * @throws {@link InvalidOptionError} when `window` is not an integer ≥ 1, `minPeriods` is not an
 * integer in [0, window], or options are missing or unknown
 * @example
 * ```ts
 * import { rollingSum } from 'crmkit';
 * const r = rollingSum([1, 2, 3, 4], { window: 3 });
 * Array.from(r.values); // => [1, 3, 6, 9]
 * Array.from(r.counts); // => [1, 2, 3, 3]
 * r.firstValid; // => 2
 * ```
 * @category Time
 */
export function rollingSum(values: ArrayLike<number>, options: RollingOptions): RollingResult {
  return rolling('core/rollingSum', values, options, false);
}

/**
 * Trailing rolling mean over a dense series (the "7-day average" of a trend chart).
 *
 * @remarks O(n), from the compensated running sum divided by `counts[i]`. Positions i ≥
 * `firstValid` equal pandas' `Series.rolling(window, min_periods).mean()`; earlier positions hold
 * the mean of the `counts[i]` values available (pandas: NaN).
 * @see pandas.Series.rolling(window, min_periods).mean() (pandas 1.5.3, the reference of the tests)
 * @throws {@link InvalidInputError} when `values` is not an array of finite numbers
 * @throws {@link InvalidOptionError} when `window` is not an integer ≥ 1, `minPeriods` is not an
 * integer in [0, window], or options are missing or unknown
 * @example
 * ```ts
 * import { rollingMean } from 'crmkit';
 * const r = rollingMean([2, 4, 6, 8], { window: 2, minPeriods: 1 });
 * Array.from(r.values); // => [2, 3, 5, 7]
 * r.firstValid; // => 0
 * ```
 * @category Time
 */
export function rollingMean(values: ArrayLike<number>, options: RollingOptions): RollingResult {
  return rolling('core/rollingMean', values, options, true);
}
