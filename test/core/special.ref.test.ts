/**
 * Reference tests of src/core/special against test/fixtures/special.json, written by
 * scripts/reference/special.py (truth: mpmath 1.2.1 at 50 digits; scipy 1.10.1 recorded beside it).
 *
 * Tolerance: 1e-12 relative for every function and point, the bar the issue sets "where double
 * precision allows". The only exceptions are stated in LOOSER below with the reason.
 */
import { describe, expect, it } from 'vitest';
import * as special from '../../src/core/special/index.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Case {
  fn: string;
  args: number[];
  expected: number | 'Infinity' | '-Infinity' | null;
  scipy: number | 'Infinity' | '-Infinity' | null;
}
const fixture = loadFixture<{ cases: Case[] }>('special');

const DEFAULT_REL = 1e-12;

/**
 * Per-point exceptions, each with its reason. Key: `fn(args)`.
 */
const LOOSER: Record<string, { rel: number; why: string }> = {};

function num(v: Case['expected']): number {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === null) return NaN;
  return v;
}

function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

const byFn = new Map<string, Case[]>();
for (const c of fixture.cases) {
  const list = byFn.get(c.fn) ?? [];
  list.push(c);
  byFn.set(c.fn, list);
}

describe('special functions vs 50-digit mpmath', () => {
  it('the fixture covers every function of the contract', () => {
    const exported = Object.keys(special).sort();
    const covered = [...byFn.keys()].sort();
    expect(covered).toEqual(exported);
  });

  for (const [fn, cases] of byFn) {
    it(`${fn} within ${DEFAULT_REL} relative at ${cases.length} points`, () => {
      const f = (special as unknown as Record<string, (...a: number[]) => number>)[fn];
      expect(typeof f, fn).toBe('function');
      const failures: string[] = [];
      for (const c of cases) {
        const key = `${fn}(${c.args.join(', ')})`;
        const tol = LOOSER[key]?.rel ?? DEFAULT_REL;
        const expected = num(c.expected);
        let actual: number;
        try {
          actual = f!(...c.args);
        } catch (e) {
          failures.push(`${key}: threw ${(e as Error).message}`);
          continue;
        }
        const err = relErr(actual, expected);
        if (!(err <= tol)) failures.push(`${key}: expected ${expected}, got ${actual}, rel error ${err.toExponential(2)} > ${tol}`);
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
