/**
 * Validation of the results a chart builder is given (hand-made or edited results must fail with a
 * typed error, not a TypeError inside the builder or a NaN in the spec).
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';

/** Field name → what it must hold: a finite number, or a string. */
export type RowShape = Record<string, 'number' | 'string'>;

/** Checks that `rows` is a non-empty array of objects holding `shape`'s fields; returns it. */
export function chartRows<T>(fn: string, name: string, rows: unknown, shape: RowShape): readonly T[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new InvalidInputError(fn, `${name} must be a non-empty array`, rows);
  for (let i = 0; i < rows.length; i++) {
    if (!(i in rows)) throw new InvalidInputError(fn, `${name}[${i}] is a hole in the array`, undefined);
    const r = rows[i] as unknown;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new InvalidInputError(fn, `${name}[${i}] must be an object`, r);
    for (const [k, kind] of Object.entries(shape)) {
      const v = (r as Record<string, unknown>)[k];
      const ok = kind === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string';
      if (!ok) throw new InvalidInputError(fn, `${name}[${i}].${k} must be ${kind === 'number' ? 'a finite number' : 'a string'}`, v);
    }
  }
  return rows as readonly T[];
}
