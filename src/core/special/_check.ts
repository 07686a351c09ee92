/**
 * Argument checks shared by the special functions (internal).
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../errors.js';

/** Throws unless `x` is a number that is not NaN (±Infinity allowed). */
export function notNaN(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || Number.isNaN(x)) throw new InvalidInputError(fn, `${name} must be a number (not NaN)`, x);
  return x;
}

/** Throws unless `x` is a finite number. */
export function finite(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidInputError(fn, `${name} must be a finite number`, x);
  return x;
}

/** Throws unless `x` is a finite number > 0. */
export function positive(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x > 0)) {
    throw new InvalidInputError(fn, `${name} must be a finite number > 0`, x);
  }
  return x;
}

/**
 * Largest shape parameter (beta shapes, F degrees of freedom) the incomplete-beta kernels accept.
 * Above it the continued fraction needs more than ~10⁷ steps and loses accuracy (at a = b = 1e15,
 * I_½ is 2e-9 off), and near 1e308 its terms overflow; such shapes are rejected with a typed error.
 */
export const MAX_SHAPE = 1e15;

/** Throws unless `x` is a finite number in (0, {@link MAX_SHAPE}]. */
export function shapeParameter(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x > 0) || x > MAX_SHAPE) {
    throw new InvalidInputError(fn, `${name} must be a finite number > 0 and at most 1e15`, x);
  }
  return x;
}

/** Throws unless `x` is a finite number >= 0. */
export function nonNegative(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x >= 0)) {
    throw new InvalidInputError(fn, `${name} must be a finite number >= 0`, x);
  }
  return x;
}

/** Throws unless `p` is a probability in [0, 1]. */
export function probability(fn: string, name: string, p: unknown): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidInputError(fn, `${name} must be a probability in [0, 1]`, p);
  return p;
}

/** Throws unless `x` is a non-negative integer (finite). */
export function count(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
    throw new InvalidInputError(fn, `${name} must be an integer >= 0`, x);
  }
  return x;
}
