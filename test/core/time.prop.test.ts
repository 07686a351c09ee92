import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketRange, bucketStart, rollingMean, rollingSum, type TimeUnit } from '../../src/core/time.js';

// Includes 30- and 45-minute offsets, a 30-minute DST shift (Lord Howe), skipped midnights (São Paulo)
// and pre-1940 offsets with seconds (Amsterdam's +00:19:32).
const zones = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Shanghai', 'Asia/Kolkata', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Amsterdam', 'America/St_Johns', 'Asia/Kathmandu'];
const units: TimeUnit[] = ['hour', 'day', 'week', 'month'];
// 1900 … 2100, whole seconds.
const instantArb = fc.integer({ min: -2_208_988_800, max: 4_102_444_800 }).map((s) => s * 1000);

describe('bucket properties', () => {
  test.prop([instantArb, fc.constantFrom(...zones), fc.constantFrom(...units), fc.constantFrom(0 as const, 1 as const)])(
    'start ≤ t < next start; start is its own bucket; the next bucket has a different label (days/weeks/months)',
    (t, timeZone, unit, weekStartsOn) => {
      const o = { unit, timeZone, weekStartsOn };
      const s = bucketStart(t, o);
      expect(s).toBeLessThanOrEqual(t);
      expect(bucketStart(s, o)).toBe(s);
      const [first, next] = bucketRange(s, s + 40 * 86_400_000 > 253_402_300_799_999 ? s : s + 40 * 86_400_000, o);
      expect(first).toBe(s);
      if (next !== undefined) {
        expect(next).toBeGreaterThan(t);
        expect(bucketStart(next - 1, o)).toBe(s);
        if (unit !== 'hour') expect(bucketLabel(next, o)).not.toBe(bucketLabel(s, o));
      }
    },
  );

  test.prop([instantArb, fc.constantFrom(...zones)])('a day label is the local calendar date of t (Intl)', (t, timeZone) => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
    expect(bucketLabel(t, { unit: 'day', timeZone })).toBe(parts);
  });
});

describe('rolling properties', () => {
  const seriesArb = fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 60 });
  test.prop([seriesArb, fc.integer({ min: 1, max: 10 })])('rollingSum equals the naive trailing-window sum; mean = sum / count', (x, window) => {
    const s = rollingSum(x, { window });
    const m = rollingMean(x, { window });
    x.forEach((_, i) => {
      const win = x.slice(Math.max(0, i - window + 1), i + 1);
      expect(s.values[i]).toBe(win.reduce((a, v) => a + v, 0));
      expect(s.counts[i]).toBe(win.length);
      expect(m.values[i]).toBe(win.reduce((a, v) => a + v, 0) / win.length);
    });
    expect(s.firstValid).toBe(Math.min(x.length, window - 1));
  });
});

describe('day boundaries, exhaustively, against Intl', () => {
  const ranges: [string, string, string][] = [
    ['America/New_York', '2015-01-01T12:00:00Z', '2024-12-31T12:00:00Z'],
    ['Europe/London', '2015-01-01T12:00:00Z', '2024-12-31T12:00:00Z'],
    ['America/Sao_Paulo', '2010-01-01T12:00:00Z', '2019-12-31T12:00:00Z'],
    ['America/Havana', '2010-01-01T12:00:00Z', '2019-12-31T12:00:00Z'],
    ['Australia/Lord_Howe', '2015-01-01T12:00:00Z', '2020-12-31T12:00:00Z'],
    ['Asia/Shanghai', '1985-01-01T12:00:00Z', '1992-12-31T12:00:00Z'],
    ['Europe/Amsterdam', '1930-01-01T12:00:00Z', '1940-12-31T12:00:00Z'],
  ];
  for (const [timeZone, from, to] of ranges) {
    it(`${timeZone} ${from.slice(0, 4)}–${to.slice(0, 4)}: each day starts at the first instant of its local date`, () => {
      const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      const o = { unit: 'day', timeZone } as const;
      const starts = bucketRange(from, to, o);
      expect(starts.length).toBeGreaterThan(365 * 5);
      for (const s of starts) {
        const label = bucketLabel(s, o);
        expect(date.format(s)).toBe(label);
        expect(date.format(s - 1)).not.toBe(label);
      }
    });
  }
});
