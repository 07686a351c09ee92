/** @internal @module */
import { InvalidInputError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import { MAX_FREQUENCY } from './_btyd.js';

/** Validates spend rows (all kept): frequency integer ≥ 0, monetaryValue finite and > 0 when frequency > 0. */
export function toSpendRows(fn: string, customers: unknown): { x: Float64Array; m: Float64Array } {
  const arr = arrayLike<{ frequency?: unknown; monetaryValue?: unknown }>(fn, 'customers', customers);
  const x = new Float64Array(arr.length);
  const m = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const c = arr[i];
    if (c === null || typeof c !== 'object') throw new InvalidInputError(fn, `customers[${i}] must be an object { frequency, monetaryValue }`, c);
    const xi = c.frequency;
    const mi = c.monetaryValue;
    if (typeof xi !== 'number' || !Number.isInteger(xi) || xi < 0 || xi > MAX_FREQUENCY) throw new InvalidInputError(fn, `customers[${i}].frequency must be an integer in [0, ${MAX_FREQUENCY}]`, xi);
    if (typeof mi !== 'number' || !Number.isFinite(mi) || (xi > 0 && mi <= 0) || mi < 0) throw new InvalidInputError(fn, `customers[${i}].monetaryValue must be a finite number (> 0 when frequency > 0)`, mi);
    x[i] = xi;
    m[i] = mi;
  }
  return { x, m };
}
