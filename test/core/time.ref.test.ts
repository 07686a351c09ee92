/**
 * Time buckets and rolling windows against pandas 1.5.3 (scripts/reference/time.py →
 * test/fixtures/time.json). Bucket starts and labels are exact; rolling values at 1e-12 relative
 * (closed form; pandas and crmkit both use compensated running sums, the order of operations may
 * differ in the last bits).
 */
import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketRange, bucketStart, rollingMean, rollingSum, type TimeUnit } from '../../src/core/time.js';
import { expectAllClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface BucketCase {
  timeZone: string;
  t: number[];
  hour: number[];
  hourLabel: string[];
  day: number[];
  dayLabel: string[];
  weekMonday: number[];
  weekSunday: number[];
  weekLabel: string[];
  month: number[];
  monthLabel: string[];
}
interface RangeCase {
  timeZone: string;
  unit: 'day' | 'week' | 'weekSunday' | 'month';
  fromLocal: string;
  toLocal: string;
  starts: number[];
}
interface RollingCase {
  name: string;
  values: number[];
  window: number;
  minPeriods: number | null;
  sum: (number | null)[];
  mean: (number | null)[];
  partialSum: number[];
  partialMean: number[];
}
const fx = loadFixture<{ buckets: BucketCase[]; ranges: RangeCase[]; rolling: RollingCase[] }>('time');

const iso = (t: number): string => new Date(t).toISOString();

describe('bucketStart / bucketLabel vs pandas tz_convert + floor / to_period', () => {
  for (const c of fx.buckets) {
    const checks: [TimeUnit, number[], string[] | null, 0 | 1][] = [
      ['hour', c.hour, c.hourLabel, 1],
      ['day', c.day, c.dayLabel, 1],
      ['week', c.weekMonday, c.weekLabel, 1],
      ['week', c.weekSunday, null, 0],
      ['month', c.month, c.monthLabel, 1],
    ];
    for (const [unit, starts, labels, weekStartsOn] of checks) {
      it(`${c.timeZone} ${unit}${unit === 'week' ? ` (weekStartsOn ${weekStartsOn})` : ''}: ${c.t.length} instants`, () => {
        const opts = { unit, timeZone: c.timeZone, weekStartsOn };
        const got = c.t.map((t) => iso(bucketStart(t, opts)));
        expect(got).toEqual(starts.map(iso));
        if (labels) expect(c.t.map((t) => bucketLabel(bucketStart(t, opts), opts))).toEqual(labels);
      });
    }
  }

  it('covers 23- and 25-hour days in America/New_York and Europe/London, and a skipped midnight in America/Sao_Paulo', () => {
    const lengths = (tz: string): number[] => {
      const c = fx.buckets.find((b) => b.timeZone === tz)!;
      const days = [...new Set(c.day)].sort((a, b) => a - b);
      return days.slice(1).map((d, i) => (d - days[i]!) / 3_600_000);
    };
    for (const tz of ['America/New_York', 'Europe/London']) {
      expect(lengths(tz)).toContain(23);
      expect(lengths(tz)).toContain(25);
    }
    const sp = fx.buckets.find((b) => b.timeZone === 'America/Sao_Paulo')!;
    // 2018-11-04 has no 00:00 in São Paulo: the day starts at 01:00 −02 = 03:00Z.
    expect(sp.day.map(iso)).toContain('2018-11-04T03:00:00.000Z');
  });
});

describe('bucketRange vs pandas date_range', () => {
  for (const c of fx.ranges) {
    it(`${c.timeZone} ${c.unit} ${c.fromLocal} … ${c.toLocal}`, () => {
      const unit: TimeUnit = c.unit === 'weekSunday' ? 'week' : c.unit;
      const opts = { unit, timeZone: c.timeZone, weekStartsOn: c.unit === 'weekSunday' ? (0 as const) : (1 as const) };
      // From an instant inside the first bucket to one inside the last.
      const got = bucketRange(c.starts[0]! + 3_600_000, c.starts.at(-1)! + 3_600_000, opts);
      expect(got.map(iso)).toEqual(c.starts.map(iso));
    });
  }
});

describe('rollingSum / rollingMean vs pandas rolling', () => {
  for (const c of fx.rolling) {
    it(`${c.name}: window ${c.window}, minPeriods ${c.minPeriods}`, () => {
      const opts = c.minPeriods === null ? { window: c.window } : { window: c.window, minPeriods: c.minPeriods };
      for (const [fn, ref, partial] of [
        [rollingSum, c.sum, c.partialSum],
        [rollingMean, c.mean, c.partialMean],
      ] as const) {
        const r = fn(c.values, opts);
        // pandas' NaN positions are exactly those before firstValid.
        const firstNonNaN = ref.findIndex((v) => v !== null);
        expect(r.firstValid).toBe(firstNonNaN === -1 ? ref.length : firstNonNaN);
        expect(ref.slice(r.firstValid).every((v) => v !== null)).toBe(true);
        expectAllClose(r.values.subarray(r.firstValid), ref.slice(r.firstValid) as number[], { rel: 1e-12, abs: 1e-12 }, `${fn.name} valid`);
        // Before firstValid: the partial-window statistic (pandas with min_periods=1).
        expectAllClose(r.values, partial, { rel: 1e-12, abs: 1e-12 }, `${fn.name} partial`);
        expect(Array.from(r.counts)).toEqual(c.values.map((_, i) => Math.min(i + 1, c.window)));
      }
    });
  }
});
