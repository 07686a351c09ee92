import { describe, expect, it } from 'vitest';
import * as root from 'crmkit';
import {
  AbortError,
  ConnectorError,
  CrmkitError,
  describeValue,
  DimensionMismatchError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  NotConvergedError,
} from 'crmkit';
import * as value from 'crmkit/value';
import * as text from 'crmkit/text';
import * as graph from 'crmkit/graph';
import * as segment from 'crmkit/segment';
import * as classify from 'crmkit/classify';
import * as experiment from 'crmkit/experiment';
import * as connectors from 'crmkit/connectors';

describe('error classes', () => {
  it('each subclass has its code, name, fn and the module/fn: message; received X format', () => {
    const cases: [CrmkitError, string, string][] = [
      [new InvalidInputError('m/f', 'x must be finite', NaN), 'INVALID_INPUT', 'InvalidInputError'],
      [new InvalidOptionError('m/f', 'options.k bad', 0), 'INVALID_OPTION', 'InvalidOptionError'],
      [new DimensionMismatchError('m/f', 'y length', 3), 'DIMENSION_MISMATCH', 'DimensionMismatchError'],
      [new ModelFormatError('m/f', 'kind', 'x'), 'MODEL_FORMAT', 'ModelFormatError'],
      [new NotConvergedError('m/f', 'no', 5), 'NOT_CONVERGED', 'NotConvergedError'],
      [new ConnectorError('m/f', 'host failed', new Error('boom')), 'CONNECTOR', 'ConnectorError'],
      [new AbortError('m/f', 'why'), 'ABORTED', 'AbortError'],
    ];
    for (const [err, code, name] of cases) {
      expect(err).toBeInstanceOf(CrmkitError);
      expect(err).toBeInstanceOf(Error);
      expect(err.code).toBe(code);
      expect(err.name).toBe(name);
      expect(err.fn).toBe('m/f');
      expect(err.message.startsWith('m/f: ')).toBe(true);
    }
    expect(new InvalidInputError('m/f', 'x must be finite', NaN).message).toBe('m/f: x must be finite; received NaN');
    expect((new ConnectorError('m/f', 'p', new Error('boom')).cause as Error).message).toBe('boom');
    expect(new AbortError('m/f', 'why').cause).toBe('why');
  });

  it('data errors never print string contents (personal data); option errors do', () => {
    const e = new InvalidInputError('value/x', 'customerId must be non-empty', 'alice@example.com');
    expect(e.message).not.toContain('alice');
    expect(e.message).toContain('a string of length 17');
    expect(new InvalidOptionError('m/f', 'bad', 'lloyd').message).toContain("'lloyd'");
  });

  it('every subpath re-exports the same error classes as the root', () => {
    for (const mod of [value, text, graph, segment, classify, experiment, connectors]) {
      expect(mod.CrmkitError).toBe(root.CrmkitError);
      expect(mod.InvalidInputError).toBe(root.InvalidInputError);
      expect(mod.AbortError).toBe(root.AbortError);
    }
  });
});

describe('describeValue(value, options)', () => {
  it('summarizes numbers, special values, arrays, typed arrays, objects, dates', () => {
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(-Infinity)).toBe('-Infinity');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue(new Float64Array([1, 2]))).toBe('a Float64Array of length 2 [1, 2]');
    // eslint-disable-next-line no-sparse-arrays
    expect(describeValue([1, , 3])).toBe('an array of length 3 [1, <hole>, 3]');
    expect(describeValue([[1, 2], [3]])).toBe('an array of length 2 [an array of length 2, an array of length 1]');
    expect(describeValue({ a: 1, b: 2 })).toBe('an object with keys a, b');
    expect(describeValue({})).toBe('an empty object');
    expect(describeValue(new Date(NaN))).toBe('an invalid Date');
    expect(describeValue('x'.repeat(50), { revealStrings: true })).toBe(`'${'x'.repeat(40)}…' (length 50)`);
  });
});
