import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { csrFromTriplets, csrMultiplyVector, csrRow, csrRowNorms, csrToDense, csrTranspose } from '../../src/core/sparse.js';

/** Random shapes and triplets (with many duplicates: indices drawn from a small range). */
const tripletsArb = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      entries: fc.array(
        fc.tuple(fc.integer({ min: 0, max: rows - 1 }), fc.integer({ min: 0, max: cols - 1 }), fc.integer({ min: -4, max: 4 })),
        { maxLength: 40 },
      ),
      x: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: cols, maxLength: cols }),
    }),
  );

function build(t: { rows: number; cols: number; entries: [number, number, number][] }) {
  return csrFromTriplets(
    t.rows,
    t.cols,
    t.entries.map((e) => e[0]),
    t.entries.map((e) => e[1]),
    t.entries.map((e) => e[2]),
  );
}

describe('CSR properties', () => {
  // Integer values keep every sum exact, so the comparisons below are exact equalities.
  test.prop([tripletsArb])('duplicates are summed: the dense form equals a naive accumulation', (t) => {
    const dense = Array.from({ length: t.rows }, () => new Array<number>(t.cols).fill(0));
    for (const [r, c, v] of t.entries) dense[r]![c]! += v;
    expect(csrToDense(build(t))).toEqual(dense);
  });

  test.prop([tripletsArb])('canonical form: columns strictly increasing per row, no stored zeros', (t) => {
    const m = build(t);
    for (let i = 0; i < m.rows; i++) {
      const row = csrRow(m, i);
      for (let p = 1; p < row.indices.length; p++) expect(row.indices[p]!).toBeGreaterThan(row.indices[p - 1]!);
      for (const v of row.data) expect(v).not.toBe(0);
    }
  });

  test.prop([tripletsArb])('transpose twice is the identity', (t) => {
    const m = build(t);
    const tt = csrTranspose(csrTranspose(m));
    expect(tt.rows).toBe(m.rows);
    expect(tt.cols).toBe(m.cols);
    expect(Array.from(tt.indptr)).toEqual(Array.from(m.indptr));
    expect(Array.from(tt.indices)).toEqual(Array.from(m.indices));
    expect(Array.from(tt.data)).toEqual(Array.from(m.data));
  });

  test.prop([tripletsArb])('transpose matches the dense transpose', (t) => {
    const m = build(t);
    const d = csrToDense(m);
    const dt = Array.from({ length: t.cols }, (_, j) => d.map((row) => row[j]!));
    expect(csrToDense(csrTranspose(m))).toEqual(dt);
  });

  test.prop([tripletsArb])('matvec equals the dense matvec; row norms equal the dense norms', (t) => {
    const m = build(t);
    const d = csrToDense(m);
    const y = csrMultiplyVector(m, t.x);
    const norms = csrRowNorms(m);
    d.forEach((row, i) => {
      expect(y[i]).toBe(row.reduce((s, v, j) => s + v * t.x[j]!, 0));
      // Integers: the scaled norm is within 2 ulp of sqrt of the exact sum of squares.
      const exact = Math.sqrt(row.reduce((s, v) => s + v * v, 0));
      expect(Math.abs(norms[i]! - exact)).toBeLessThanOrEqual(4 * Number.EPSILON * exact);
    });
  });

  test.prop([tripletsArb, fc.integer({ min: 0, max: 1000 })])('triplet order does not change the matrix', (t, seed) => {
    const shuffled = [...t.entries];
    let s = seed;
    for (let i = shuffled.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(csrToDense(build({ ...t, entries: shuffled }))).toEqual(csrToDense(build(t)));
  });
});
