/**
 * studentTIsf at large degrees of freedom (1e7 … 1e18) against 50-digit mpmath
 * (scripts/reference/special_tisf_large_df.py): the Cornish–Fisher branch is exact to rounding
 * (closed form, 1e-14 relative here), and fast where inverting the incomplete beta took ~1 s at df = 1e12.
 */
import { describe, expect, it } from 'vitest';
import { studentTIsf, studentTQuantile } from '../../src/core/index.js';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

const fx = loadFixture<{ q: number; df: number; isf: number }[]>('special-tisf-large-df');

describe('studentTIsf(q, df) at df ≥ 1e7', () => {
  it('matches mpmath to 1e-14 relative, from q = 0.4 down to 1e-300', () => {
    expect(fx.length).toBe(20);
    for (const r of fx) {
      expectClose(studentTIsf(r.q, r.df), r.isf, { rel: 1e-14 }, `isf(${r.q}, ${r.df})`);
      expectClose(studentTQuantile(r.q, r.df), -r.isf, { rel: 1e-14 }, `quantile(${r.q}, ${r.df})`);
    }
  });

  it('is continuous across the switch at df = 1e7 and monotone in df', () => {
    const below = studentTIsf(0.025, 1e7 * (1 - 1e-12));
    const at = studentTIsf(0.025, 1e7);
    expect(Math.abs(below - at) / at).toBeLessThan(1e-13);
    let prev = Infinity;
    for (const df of [1e6, 3e6, 1e7, 3e7, 1e9, 1e12, 1e15]) {
      const v = studentTIsf(0.025, df);
      expect(v).toBeLessThanOrEqual(prev);
      prev = v;
    }
  });
});
