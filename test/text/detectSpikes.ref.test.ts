/**
 * detectSpikes against pandas 1.5.3 rolling windows and scipy 1.10.1 poisson.sf, and the private
 * Poisson tail against mpmath 50-digit values (scripts/reference/text_spikes.py →
 * test/fixtures/text-spikes.json). Tolerances: 1e-9 relative (closed form; the Poisson tail is a
 * finite series summed to 1e-17 of its value).
 */
import { describe, expect, it } from 'vitest';
import { poissonSf } from 'crmkit';
import { detectSpikes } from 'crmkit/text';
import { poissonLogUpperTail } from '../../src/text/_poisson.js';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Fx {
  series: number[];
  window: number;
  zscore: { scores: (number | null)[]; expected: (number | null)[] };
  poisson: { scores: (number | null)[] };
  tails: { x: number; mu: number; logTail: number }[];
}
const fx = loadFixture<Fx>('text-spikes');

describe('detectSpikes against pandas / scipy', () => {
  it('zscore scores and expected counts, null during the warm-up', () => {
    const r = detectSpikes(fx.series, { method: 'zscore', window: fx.window });
    fx.zscore.scores.forEach((s, i) => {
      if (s === null) expect(r.scores[i], `score ${i}`).toBeNull();
      else expectClose(r.scores[i]!, s, { rel: 1e-9, abs: 1e-12 }, `score ${i}`);
      const e = fx.zscore.expected[i]!;
      if (e === null) expect(r.expected[i]).toBeNull();
      else expectClose(r.expected[i]!, e, { rel: 1e-9 }, `expected ${i}`);
    });
    expect(r.spikes.map((s) => s.index)).toEqual(fx.zscore.scores.flatMap((s, i) => (s !== null && s >= 3 && fx.series[i]! > fx.zscore.expected[i]! ? [i] : [])));
  });

  it('poisson scores', () => {
    const r = detectSpikes(fx.series, { method: 'poisson', window: fx.window });
    fx.poisson.scores.forEach((s, i) => {
      if (s === null) expect(r.scores[i]).toBeNull();
      else expectClose(r.scores[i]!, s, { rel: 1e-9, abs: 1e-12 }, `score ${i}`);
    });
  });

  it('the Poisson log tail matches mpmath, including far past double underflow', () => {
    for (const t of fx.tails) expectClose(poissonLogUpperTail(t.x, t.mu), t.logTail, { rel: 1e-9, abs: 1e-15 }, `x=${t.x} mu=${t.mu}`);
  });

  it("core's poissonSf (the main path) agrees with mpmath where it does not underflow, and extreme spikes stay finite", () => {
    for (const t of fx.tails) {
      if (t.logTail > Math.log(1e-290)) expectClose(Math.log(poissonSf(t.x - 1, t.mu)), t.logTail, { rel: 1e-9, abs: 1e-12 }, `x=${t.x} mu=${t.mu}`);
    }
    const r = detectSpikes([3, 3, 3, 2000], { method: 'poisson', window: 3 });
    const ref = fx.tails.find((t) => t.x === 2000 && t.mu === 3)!;
    expectClose(r.scores[3]!, -ref.logTail / Math.LN10, { rel: 1e-9 }, 'extreme spike score');
  });
});
