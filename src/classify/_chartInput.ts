/**
 * @internal Input checks shared by the classify charts.
 * @module
 */
import { InvalidInputError } from '../core/errors.js';

/** @internal Checks a result of parallel arrays (as long as the first field); returns the length. */
export function parallel(fn: string, what: string, result: unknown, fields: readonly string[], range01: readonly string[]): number {
  if (result === null || typeof result !== 'object') throw new InvalidInputError(fn, `result must be a ${what} result`, result);
  const r = result as Record<string, unknown>;
  const n = Array.isArray(r[fields[0]!]) ? (r[fields[0]!] as unknown[]).length : -1;
  for (const f of fields) {
    const a = r[f];
    if (!Array.isArray(a) || a.length !== n) throw new InvalidInputError(fn, `result.${f} must be an array as long as result.${fields[0]}`, Array.isArray(a) ? a.length : a);
    for (let i = 0; i < n; i++) {
      const x = a[i] as unknown;
      if (typeof x !== 'number' || Number.isNaN(x) || (range01.includes(f) && !(x >= 0 && x <= 1))) throw new InvalidInputError(fn, `result.${f}[${i}] must be a number${range01.includes(f) ? ' in [0, 1]' : ''}`, x);
    }
  }
  if (n === 0) throw new InvalidInputError(fn, `result is an empty ${what}`, n);
  return n;
}

