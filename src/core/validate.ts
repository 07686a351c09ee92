/**
 * Validation helpers used by every module. Each throws a typed {@link CrmkitError} naming the
 * function, the argument and the value received. NaN, ±Infinity and array holes are always errors,
 * never skipped.
 *
 * @internal
 * @module
 */
import { CrmkitError, DimensionMismatchError, InvalidInputError, InvalidOptionError } from './errors.js';

type ErrorCtor = typeof InvalidInputError | typeof InvalidOptionError;

/** Whether a name refers to an option (`options.k`) rather than data. */
function ctorFor(name: string): ErrorCtor {
  return name.startsWith('options.') ? InvalidOptionError : InvalidInputError;
}

/** Throws unless `x` is a finite number. Returns it typed. */
export function finiteNumber(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new (ctorFor(name))(fn, `${name} must be a finite number`, x);
  }
  return x;
}

/** Bounds for {@link numberInRange}. */
export interface RangeSpec {
  min?: number;
  max?: number;
  /** Exclude `min` itself. */
  minExclusive?: boolean;
  /** Exclude `max` itself. */
  maxExclusive?: boolean;
}

function rangeText(r: RangeSpec): string {
  const lo = r.min === undefined ? '(-Infinity' : `${r.minExclusive ? '(' : '['}${r.min}`;
  const hi = r.max === undefined ? 'Infinity)' : `${r.max}${r.maxExclusive ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

function inRange(x: number, r: RangeSpec): boolean {
  if (r.min !== undefined && (r.minExclusive ? !(x > r.min) : !(x >= r.min))) return false;
  if (r.max !== undefined && (r.maxExclusive ? !(x < r.max) : !(x <= r.max))) return false;
  return true;
}

/** Throws unless `x` is a finite number inside the range. */
export function numberInRange(fn: string, name: string, x: unknown, range: RangeSpec): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || !inRange(x, range)) {
    throw new (ctorFor(name))(fn, `${name} must be a finite number in ${rangeText(range)}`, x);
  }
  return x;
}

/** Throws unless `x` is an integer inside the (inclusive) range. */
export function integerInRange(fn: string, name: string, x: unknown, range: { min?: number; max?: number } = {}): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || !inRange(x, range)) {
    const where = range.min === undefined && range.max === undefined ? '' : ` in ${rangeText(range)}`;
    throw new (ctorFor(name))(fn, `${name} must be an integer${where}`, x);
  }
  return x;
}

/** Throws unless `x` is a probability strictly between 0 and 1 (alpha, power, quantile levels). */
export function openUnitInterval(fn: string, name: string, x: unknown): number {
  return numberInRange(fn, name, x, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
}

/** Throws unless `x` is one of `allowed`; the message lists the allowed values. */
export function oneOf<const T extends string | number | boolean>(fn: string, name: string, x: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(x)) {
    const list = allowed.map((a) => (typeof a === 'string' ? `'${a}'` : String(a))).join(', ');
    throw new (ctorFor(name))(fn, `${name} must be one of ${list}`, x);
  }
  return x as T;
}

/** Throws unless `x` is a boolean. */
export function boolean(fn: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new (ctorFor(name))(fn, `${name} must be a boolean`, x);
  return x;
}

/** Throws unless `x` is a string. */
export function string(fn: string, name: string, x: unknown): string {
  if (typeof x !== 'string') throw new (ctorFor(name))(fn, `${name} must be a string`, x);
  return x;
}

/** Throws unless `x` is a function. */
export function func<F extends (...args: never[]) => unknown>(fn: string, name: string, x: unknown): F {
  if (typeof x !== 'function') throw new (ctorFor(name))(fn, `${name} must be a function`, x);
  return x as F;
}

/**
 * Checks an options object: `undefined` becomes `{}`, anything that is not a plain object throws,
 * and keys outside `allowed` throw (unknown options are never silently accepted).
 */
export function options<T extends object>(fn: string, opts: T | undefined, allowed: readonly string[]): Partial<T> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new InvalidOptionError(fn, 'options must be an object', opts);
  }
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) {
      throw new InvalidOptionError(fn, `unknown option '${key}'; allowed: ${allowed.join(', ')}`, key);
    }
  }
  return opts;
}

/** Throws unless `x` is an array (or typed array) with at least `minLength` items. */
export function arrayLike<T = unknown>(fn: string, name: string, x: unknown, minLength = 0): ArrayLike<T> {
  if (!(Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))) {
    throw new (ctorFor(name))(fn, `${name} must be an array`, x);
  }
  const arr = x as unknown as ArrayLike<T>;
  if (arr.length < minLength) {
    const what = minLength === 1 ? 'must not be empty' : `must have at least ${minLength} items`;
    throw new (ctorFor(name))(fn, `${name} ${what}`, x);
  }
  return arr;
}

/**
 * Checks that every item is a finite number (holes, NaN and ±Infinity throw, naming the index)
 * and returns a fresh `Float64Array` copy.
 */
export function finiteArray(fn: string, name: string, x: unknown, minLength = 0): Float64Array {
  const arr = arrayLike<unknown>(fn, name, x, minLength);
  const out = new Float64Array(arr.length);
  const isPlain = Array.isArray(arr);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || (isPlain && !(i in arr))) {
      const shown = isPlain && !(i in arr) ? undefined : v;
      throw new (ctorFor(name))(fn, `${name}[${i}] must be a finite number`, shown);
    }
    out[i] = v;
  }
  return out;
}

/** Like {@link finiteArray} but each item must also lie in `range`. */
export function finiteArrayInRange(fn: string, name: string, x: unknown, range: RangeSpec, minLength = 0): Float64Array {
  const out = finiteArray(fn, name, x, minLength);
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!inRange(v, range)) throw new (ctorFor(name))(fn, `${name}[${i}] must be in ${rangeText(range)}`, v);
  }
  return out;
}

/** Throws a {@link DimensionMismatchError} unless the two lengths agree. */
export function sameLength(fn: string, nameA: string, a: ArrayLike<unknown>, nameB: string, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new DimensionMismatchError(fn, `${nameB} must have the same length as ${nameA} (${a.length})`, b.length);
  }
}

/** A dense row-major matrix of finite numbers. */
export interface DenseMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Checks a matrix given as an array of rows (number arrays or typed arrays): non-empty, rectangular,
 * every entry finite. Returns a row-major `Float64Array` copy.
 */
export function matrix(fn: string, name: string, x: unknown, opts: { minRows?: number; minCols?: number } = {}): DenseMatrix {
  const rowsArr = arrayLike<unknown>(fn, name, x, opts.minRows ?? 1);
  const rows = rowsArr.length;
  const first = rowsArr[0];
  const firstRow = arrayLike<unknown>(fn, `${name}[0]`, first, opts.minCols ?? 1);
  const cols = firstRow.length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    if (Array.isArray(rowsArr) && !(i in rowsArr)) throw new (ctorFor(name))(fn, `${name}[${i}] must be an array`, undefined);
    const row = arrayLike<unknown>(fn, `${name}[${i}]`, rowsArr[i]);
    if (row.length !== cols) {
      throw new DimensionMismatchError(fn, `${name} must be rectangular: row ${i} must have ${cols} columns like row 0`, row.length);
    }
    const plain = Array.isArray(row);
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v) || (plain && !(j in row))) {
        throw new (ctorFor(name))(fn, `${name}[${i}][${j}] must be a finite number`, plain && !(j in row) ? undefined : v);
      }
      data[i * cols + j] = v;
    }
  }
  return { data, rows, cols };
}

/** Earliest and latest instants accepted: the years 1 to 9999 (UTC). */
const MIN_T = -62_135_596_800_000;
const MAX_T = 253_402_300_799_999;
/**
 * ISO-8601 dates (read as UTC midnight, as JavaScript does) and date-times with `Z` or a UTC offset.
 * A date-time without a zone, or a free-form string such as 'March 5, 2024', would be read in the
 * machine's own zone by `Date.parse`: rejected, so results never depend on where the code runs.
 */
const ISO_WITH_ZONE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** Whether the calendar fields of an ISO match exist (`Date.parse` rolls 2024-02-30 over to March 1). */
function validIsoFields(m: RegExpExecArray): boolean {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (d > dim) return false;
  if (m[4] === undefined) return true;
  return Number(m[5]) <= 23 && Number(m[6]) <= 59 && (m[8] === undefined || Number(m[8]) <= 59);
}

/**
 * Reads a timestamp: a valid `Date`, finite epoch milliseconds, or an ISO-8601 string that is a
 * date (UTC midnight) or a date-time with `Z` or an offset. Zone-less date-times, free-form strings,
 * impossible dates (2024-02-30) and instants outside the years 1–9999 throw. Returns epoch ms.
 */
export function timestamp(fn: string, name: string, x: unknown): number {
  let ms: number;
  if (x instanceof Date) ms = x.getTime();
  else if (typeof x === 'number') ms = x;
  else if (typeof x === 'string') {
    const m = ISO_WITH_ZONE.exec(x);
    if (m === null) {
      throw new (ctorFor(name))(fn, `${name} must be a Date, epoch milliseconds or an ISO-8601 string with Z or a UTC offset (other strings would be read in the machine's own zone)`, x);
    }
    ms = validIsoFields(m) ? Date.parse(x) : NaN;
  } else ms = NaN;
  if (!Number.isFinite(ms)) {
    throw new (ctorFor(name))(fn, `${name} must be a valid Date, ISO-8601 string or finite epoch milliseconds`, x);
  }
  if (ms < MIN_T || ms > MAX_T) throw new (ctorFor(name))(fn, `${name} must lie between the years 1 and 9999`, x);
  return ms;
}

/** Seeds are unsigned 32-bit integers. Returns the seed, or `defaultSeed` when undefined. */
export function seed(fn: string, x: unknown, defaultSeed = 0): number {
  if (x === undefined) return defaultSeed;
  return integerInRange(fn, 'options.seed', x, { min: 0, max: 0xffffffff });
}

/**
 * Re-labels a crmkit error thrown by an inner public function (for example `fitKMeans` called by
 * `elbow`) as the caller's, so the user reads the name of the function they called; other errors
 * pass through unchanged. Use as `try { … } catch (e) { rethrowAs(fn, e); }`.
 */
export function rethrowAs(fn: string, e: unknown): never {
  if (e instanceof CrmkitError && e.fn !== fn) {
    const inner = e.fn;
    Object.defineProperty(e, 'fn', { value: fn, enumerable: true });
    e.message = `${fn}: ${e.message.startsWith(`${inner}: `) ? e.message.slice(inner.length + 2) : e.message}`;
  }
  throw e;
}
