/**
 * The record check shared by the privacy functions: records are stored and exchanged as JSON, so
 * a value JSON cannot carry (NaN, ±Infinity, an invalid Date, a bigint, a function) is an error
 * instead of a silent change (NaN would come back as null).
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';

function problem(v: unknown, depth: number): string | null {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : 'is not a finite number';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'is an invalid Date' : null;
  if (typeof v !== 'object') return `is a ${typeof v}`;
  if (depth > 32) return 'is nested more than 32 levels deep';
  if (v instanceof Map || v instanceof Set || ArrayBuffer.isView(v)) return 'is not a JSON value (a Map, Set or typed array)';
  for (const x of Array.isArray(v) ? v : Object.values(v)) {
    const p = problem(x, depth + 1);
    if (p !== null) return p;
  }
  return null;
}

/** Throws unless `x` is an object whose values JSON can carry. */
export function jsonRecord(fn: string, name: string, x: unknown): Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x) || x instanceof Map || x instanceof Set || ArrayBuffer.isView(x)) throw new InvalidInputError(fn, `${name} must be an object`, x);
  for (const [k, v] of Object.entries(x)) {
    const p = problem(v, 0);
    if (p !== null) throw new InvalidInputError(fn, `${name}.${k.slice(0, 40)} ${p} (records are JSON values)`, v);
  }
  return x as Record<string, unknown>;
}
