/**
 * Internal: category columns (validation, scikit-learn's sorted category order, lookup maps).
 *
 * @internal
 * @module
 */
import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, string } from '../core/validate.js';
import type { Category } from './types.js';

/** Compares strings by Unicode code point (Python's order), not UTF-16 code unit. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

/** A key that keeps 1 and '1' apart in a Map. */
export function catKey(v: Category): string {
  return typeof v === 'number' ? `n:${v + 0}` : `s:${v}`;
}

export function checkCategory(fn: string, name: string, v: unknown): Category {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v + 0;
  throw new InvalidInputError(fn, `${name} must be a string or a finite number`, v);
}

/** Validates a rows × columns table of categories and returns it column-major. */
export function categoryColumns(fn: string, X: unknown, expectedCols?: number): Category[][] {
  const rows = arrayLike<unknown>(fn, 'X', X, 1);
  const first = arrayLike<unknown>(fn, 'X[0]', rows[0], 1);
  const cols = first.length;
  if (expectedCols !== undefined && cols !== expectedCols) {
    throw new DimensionMismatchError(fn, `X must have ${expectedCols} columns like the data the model was fitted on`, cols);
  }
  const out: Category[][] = Array.from({ length: cols }, () => new Array<Category>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const row = arrayLike<unknown>(fn, `X[${i}]`, rows[i]);
    if (row.length !== cols) throw new DimensionMismatchError(fn, `X must be rectangular: row ${i} must have ${cols} columns like row 0`, row.length);
    for (let j = 0; j < cols; j++) out[j]![i] = checkCategory(fn, `X[${i}][${j}]`, row[j]);
  }
  return out;
}

/** Sorted distinct categories (numbers ascending, strings by code point); mixing types throws. */
export function sortedCategories(fn: string, name: string, values: readonly Category[]): Category[] {
  const seen = new Map<string, Category>();
  for (const v of values) seen.set(catKey(v), v);
  const cats = [...seen.values()];
  const nums = cats.filter((c) => typeof c === 'number').length;
  if (nums !== 0 && nums !== cats.length) {
    throw new InvalidInputError(fn, `${name} mixes numbers and strings; convert the column to one type`, cats.slice(0, 5));
  }
  if (nums > 0) (cats as number[]).sort((a, b) => a - b);
  else (cats as string[]).sort(compareCodePoints);
  return cats;
}

/** Column names: given ones (checked) or scikit-learn's defaults x0, x1, … */
export function featureNamesIn(fn: string, given: unknown, cols: number): string[] {
  if (given === undefined) return Array.from({ length: cols }, (_, j) => `x${j}`);
  const arr = arrayLike<unknown>(fn, 'options.featureNames', given);
  if (arr.length !== cols) throw new InvalidOptionError(fn, `options.featureNames must have one name per column (${cols})`, given);
  const names = Array.from({ length: cols }, (_, j) => string(fn, `options.featureNames[${j}]`, arr[j]));
  if (new Set(names).size !== names.length) throw new InvalidOptionError(fn, 'options.featureNames must be distinct', given);
  return names;
}

/** Lookup maps category → index, one per column. */
export function indexMaps(categories: readonly (readonly Category[])[]): Map<string, number>[] {
  return categories.map((cats) => new Map(cats.map((c, i) => [catKey(c), i] as const)));
}
