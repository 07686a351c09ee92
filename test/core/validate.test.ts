import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from 'crmkit';
import * as v from '../../src/core/validate.js';

const fn = 'test/fn';

describe('validation helpers', () => {
  it('finiteNumber rejects NaN, Infinity and non-numbers, with option vs input error by name', () => {
    expect(v.finiteNumber(fn, 'x', 3)).toBe(3);
    expect(() => v.finiteNumber(fn, 'x', NaN)).toThrow(InvalidInputError);
    expect(() => v.finiteNumber(fn, 'options.tolerance', Infinity)).toThrow(InvalidOptionError);
    expect(() => v.finiteNumber(fn, 'x', '3')).toThrow('test/fn: x must be a finite number; received a string of length 1');
  });

  it('numberInRange and integerInRange check bounds (open and closed)', () => {
    expect(v.numberInRange(fn, 'p', 0.5, { min: 0, max: 1 })).toBe(0.5);
    expect(() => v.numberInRange(fn, 'p', 0, { min: 0, minExclusive: true })).toThrow('p must be a finite number in (0, Infinity)');
    expect(() => v.openUnitInterval(fn, 'options.alpha', 1)).toThrow('options.alpha must be a finite number in (0, 1); received 1');
    expect(v.integerInRange(fn, 'k', 3, { min: 1 })).toBe(3);
    expect(() => v.integerInRange(fn, 'options.k', 0, { min: 1 })).toThrow('options.k must be an integer in [1, Infinity); received 0');
    expect(() => v.integerInRange(fn, 'k', 2.5)).toThrow('k must be an integer; received 2.5');
  });

  it('oneOf names the allowed values', () => {
    expect(v.oneOf(fn, 'options.init', 'random', ['k-means++', 'random'])).toBe('random');
    expect(() => v.oneOf(fn, 'options.init', 'kmeans', ['k-means++', 'random'])).toThrow(
      "options.init must be one of 'k-means++', 'random'; received 'kmeans'",
    );
  });

  it('options rejects unknown keys and non-objects', () => {
    expect(v.options(fn, undefined, ['a'])).toEqual({});
    expect(() => v.options(fn, { a: 1, b: 2 } as object, ['a'])).toThrow("unknown option 'b'; allowed: a");
    expect(() => v.options(fn, [] as unknown as object, ['a'])).toThrow(InvalidOptionError);
  });

  it('finiteArray copies to Float64Array and rejects NaN, Infinity, holes and non-arrays, naming the index', () => {
    expect(v.finiteArray(fn, 'x', [1, 2])).toEqual(new Float64Array([1, 2]));
    expect(() => v.finiteArray(fn, 'x', [1, NaN])).toThrow('x[1] must be a finite number; received NaN');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => v.finiteArray(fn, 'x', [1, , 3])).toThrow('x[1] must be a finite number; received undefined');
    expect(() => v.finiteArray(fn, 'x', new Float64Array([Infinity]))).toThrow('x[0]');
    expect(() => v.finiteArray(fn, 'x', 'abc')).toThrow('x must be an array');
    expect(() => v.finiteArray(fn, 'x', [], 1)).toThrow('x must not be empty');
    expect(() => v.finiteArrayInRange(fn, 'x', [1, -1], { min: 0 })).toThrow('x[1] must be in [0, Infinity); received -1');
  });

  it('sameLength throws DimensionMismatchError', () => {
    expect(() => v.sameLength(fn, 'x', [1, 2], 'y', [1])).toThrow(DimensionMismatchError);
  });

  it('matrix checks rectangular, finite, non-empty', () => {
    const m = v.matrix(fn, 'X', [
      [1, 2],
      [3, 4],
    ]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(2);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
    expect(() => v.matrix(fn, 'X', [[1, 2], [3]])).toThrow(DimensionMismatchError);
    expect(() => v.matrix(fn, 'X', [[1, NaN]])).toThrow('X[0][1] must be a finite number; received NaN');
    expect(() => v.matrix(fn, 'X', [])).toThrow('X must not be empty');
  });

  it('timestamp accepts Date, ISO string, epoch ms; rejects invalid dates', () => {
    expect(v.timestamp(fn, 't', new Date(5))).toBe(5);
    expect(v.timestamp(fn, 't', '1970-01-01T00:00:00.010Z')).toBe(10);
    expect(v.timestamp(fn, 't', 7)).toBe(7);
    expect(() => v.timestamp(fn, 't', 'not a date')).toThrow(InvalidInputError);
    expect(() => v.timestamp(fn, 't', new Date(NaN))).toThrow(InvalidInputError);
  });
});
