/**
 * The value checks used by the docs code-block test (test/docs/markdown.test.ts).
 */
import { expect } from 'vitest';

/** `expr; // => literal`: deep equality, as the `@example` checks. */
export function __exact(actual: unknown, expected: unknown, what: string): void {
  expect(actual, what).toEqual(expected);
}

/** Half a unit in the last printed digit (`'0.744'` → 5e-4, `'11756'` → 0.5, `'1.2e-5'` → 5e-7, `'0.290'` → 5e-4). */
function halfUlpPrinted(x: number, printed?: string): number {
  const s = printed ?? String(x);
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return 0;
  const decimals = (m[1]?.length ?? 0) - Number(m[2] ?? 0);
  return 0.5 * 10 ** -decimals * (1 + 1e-9);
}

function approx(actual: unknown, expected: unknown, path: string, errors: string[], printed: string[]): void {
  if (typeof expected === 'number') {
    const a = typeof actual === 'bigint' ? Number(actual) : actual;
    const text = printed.shift();
    const tol = halfUlpPrinted(expected, text !== undefined && Number(text) === expected ? text : undefined);
    if (typeof a !== 'number' || !(Math.abs(a - expected) <= tol || (Number.isNaN(a) && Number.isNaN(expected)))) {
      errors.push(`${path}: printed ${expected}, got ${String(actual)}`);
    }
  } else if (Array.isArray(expected)) {
    const arr = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<number>) : actual;
    if (!Array.isArray(arr) || arr.length !== expected.length) {
      errors.push(`${path}: printed an array of ${expected.length}, got ${Array.isArray(arr) ? `an array of ${arr.length}` : String(actual)}`);
      return;
    }
    expected.forEach((e, i) => approx(arr[i], e, `${path}[${i}]`, errors, printed));
  } else if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) {
      errors.push(`${path}: printed an object, got ${String(actual)}`);
      return;
    }
    for (const [k, v] of Object.entries(expected)) approx((actual as Record<string, unknown>)[k], v, `${path}.${k}`, errors, printed);
  } else if (actual !== expected) {
    errors.push(`${path}: printed ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** `expr; // ≈ literal`: numbers equal the value rounded to the printed digits (as written in `literal`); objects on the keys shown. */
export function __approx(actual: unknown, expected: unknown, what: string, literal = ''): void {
  const errors: string[] = [];
  // the numbers as printed, in order, so that '0.290' is read to three decimals
  const printed = (literal.replace(/'[^']*'|"[^"]*"/g, '').match(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi) ?? []).slice();
  approx(actual, expected, what, errors, printed);
  expect(errors).toEqual([]);
}
