/**
 * Internal: shape checks shared by the `parse…Model` functions.
 *
 * @internal
 * @module
 */
import { ModelFormatError } from '../core/errors.js';

export type Obj = Record<string, unknown>;

export function obj(fn: string, name: string, x: unknown): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ModelFormatError(fn, `${name} must be an object`, x);
  return x as Obj;
}

export function header(fn: string, json: unknown, kinds: readonly string[]): Obj {
  const o = obj(fn, 'model', json);
  if (!kinds.includes(o.kind as string)) throw new ModelFormatError(fn, `kind must be ${kinds.map((k) => `'${k}'`).join(' or ')}`, o.kind);
  if (o.formatVersion !== 1) throw new ModelFormatError(fn, 'formatVersion must be 1', o.formatVersion);
  obj(fn, 'params', o.params);
  return o;
}

export function finiteNum(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new ModelFormatError(fn, `${name} must be a finite number`, x);
  return x;
}

export function int(fn: string, name: string, x: unknown, min = 0): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min) throw new ModelFormatError(fn, `${name} must be an integer >= ${min}`, x);
  return x;
}

export function bool(fn: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new ModelFormatError(fn, `${name} must be a boolean`, x);
  return x;
}

export function numArray(fn: string, name: string, x: unknown, length?: number): number[] {
  if (!Array.isArray(x) || (length !== undefined && x.length !== length)) {
    throw new ModelFormatError(fn, `${name} must be an array of ${length ?? 'any number of'} finite numbers`, x);
  }
  for (let i = 0; i < x.length; i++) finiteNum(fn, `${name}[${i}]`, x[i]);
  return x as number[];
}

export function numMatrix(fn: string, name: string, x: unknown, rows: number | undefined, cols: number): number[][] {
  if (!Array.isArray(x) || (rows !== undefined && x.length !== rows)) throw new ModelFormatError(fn, `${name} must be an array of ${rows ?? 'any number of'} rows`, x);
  for (let i = 0; i < x.length; i++) numArray(fn, `${name}[${i}]`, x[i], cols);
  return x as number[][];
}

export function oneOfModel<T extends string>(fn: string, name: string, x: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(x)) throw new ModelFormatError(fn, `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`, x);
  return x as T;
}

const checkedModels = new WeakMap<object, string>();

/**
 * Runs a model's structural check (the same one its `parse…Model` runs) under the calling
 * function's name, once per model object: later calls with the same object skip it. Models are
 * plain readonly data; an object edited after its first use is not re-checked.
 */
export function checkedModel<T>(fn: string, model: unknown, tag: string, check: (fn: string, json: unknown) => T): T {
  if (typeof model === 'object' && model !== null && checkedModels.get(model) === tag) return model as T;
  const m = check(fn, model);
  checkedModels.set(model as object, tag);
  return m;
}
