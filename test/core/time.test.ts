import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/core/errors.js';
import { bucketLabel, bucketRange, bucketStart, rollingMean, rollingSum } from '../../src/core/time.js';

const H = 3_600_000;
const iso = (t: number): string => new Date(t).toISOString();

describe('bucketStart(t, options)', () => {
  it('a day bucket in America/New_York is 23 hours on 2024-03-10 and 25 hours on 2024-11-03', () => {
    const o = { unit: 'day', timeZone: 'America/New_York' } as const;
    const spring = bucketRange('2024-03-10T12:00:00Z', '2024-03-11T12:00:00Z', o);
    expect(spring.map(iso)).toEqual(['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z']);
    expect((spring[1]! - spring[0]!) / H).toBe(23);
    const fall = bucketRange('2024-11-03T12:00:00Z', '2024-11-04T12:00:00Z', o);
    expect((fall[1]! - fall[0]!) / H).toBe(25);
  });

  it('the repeated 01:00 hour of 2024-11-03 in New York is two hour buckets with the same label', () => {
    const o = { unit: 'hour', timeZone: 'America/New_York' } as const;
    const first = bucketStart('2024-11-03T05:30:00Z', o); // 01:30 EDT
    const second = bucketStart('2024-11-03T06:30:00Z', o); // 01:30 EST
    expect(iso(first)).toBe('2024-11-03T05:00:00.000Z');
    expect(iso(second)).toBe('2024-11-03T06:00:00.000Z');
    expect(bucketLabel(first, o)).toBe('2024-11-03T01');
    expect(bucketLabel(second, o)).toBe('2024-11-03T01');
  });

  it('hour buckets in a half-hour zone start at :30 UTC', () => {
    expect(iso(bucketStart('2024-03-05T06:10:00Z', { unit: 'hour', timeZone: 'Asia/Kolkata' }))).toBe('2024-03-05T05:30:00.000Z');
  });

  it('accepts Date, epoch ms and ISO strings with an offset alike', () => {
    const o = { unit: 'day', timeZone: 'Asia/Shanghai' } as const;
    const want = '2024-03-04T16:00:00.000Z';
    expect(iso(bucketStart(new Date('2024-03-05T01:00:00Z'), o))).toBe(want);
    expect(iso(bucketStart(Date.parse('2024-03-05T01:00:00Z'), o))).toBe(want);
    expect(iso(bucketStart('2024-03-05T09:00:00+08:00', o))).toBe(want);
  });

  it('weeks start on Monday by default and on Sunday with weekStartsOn: 0', () => {
    const sunday = '2024-03-10T12:00:00Z';
    expect(bucketLabel(bucketStart(sunday, { unit: 'week' }), { unit: 'week' })).toBe('2024-03-04');
    expect(bucketLabel(bucketStart(sunday, { unit: 'week', weekStartsOn: 0 }), { unit: 'week', weekStartsOn: 0 })).toBe('2024-03-10');
  });

  it('handles the ends of the supported range and dates before 1970', () => {
    expect(iso(bucketStart('0001-01-01T05:00:00Z', { unit: 'month' }))).toBe('0001-01-01T00:00:00.000Z');
    expect(bucketLabel('9999-12-31T23:59:59Z', { unit: 'hour' })).toBe('9999-12-31T23');
    // 1968–1971 the UK kept GMT+1 all year (British Standard Time): 23:59:59Z is already 1970-01-01.
    expect(iso(bucketStart('1969-12-31T23:59:59Z', { unit: 'day', timeZone: 'Europe/London' }))).toBe('1969-12-31T23:00:00.000Z');
  });

  it('throws typed errors on bad input', () => {
    expect(() => bucketStart(0, { unit: 'day', timeZone: 'Mars/Olympus_Mons' })).toThrowError(InvalidOptionError);
    expect(() => bucketStart(0, { unit: 'day', timeZone: 'Mars/Olympus_Mons' })).toThrowError(/IANA time zone name .*; received 'Mars\/Olympus_Mons'/);
    expect(() => bucketStart(0, { unit: 'fortnight' as never })).toThrowError(/options.unit must be one of 'hour', 'day', 'week', 'month'/);
    expect(() => bucketStart(0, undefined as never)).toThrowError(InvalidOptionError);
    expect(() => bucketStart(0, { unit: 'week', weekStartsOn: 2 as never })).toThrowError(InvalidOptionError);
    expect(() => bucketStart(0, { unit: 'day', tz: 'UTC' } as never)).toThrowError(/unknown option 'tz'/);
    expect(() => bucketStart(new Date('nope'), { unit: 'day' })).toThrowError(InvalidInputError);
    expect(() => bucketStart('not a date', { unit: 'day' })).toThrowError(/t must be a Date, epoch milliseconds or an ISO-8601 string/);
    expect(() => bucketStart(NaN, { unit: 'day' })).toThrowError(InvalidInputError);
    expect(() => bucketStart('2024-03-05T10:00:00', { unit: 'day' })).toThrowError(/with Z or a UTC offset/);
    expect(() => bucketStart('March 5, 2024', { unit: 'day' })).toThrowError(InvalidInputError);
    // Date.parse would roll these over to March 1 / a valid time; they are rejected instead.
    expect(() => bucketStart('2024-02-30T10:00:00Z', { unit: 'day' })).toThrowError(InvalidInputError);
    expect(() => bucketStart('2023-02-29', { unit: 'day' })).toThrowError(InvalidInputError);
    expect(() => bucketStart('2024-04-31', { unit: 'day' })).toThrowError(InvalidInputError);
    expect(() => bucketStart('2024-03-05T24:30:00Z', { unit: 'day' })).toThrowError(InvalidInputError);
    expect(iso(bucketStart('2024-02-29T23:59:59Z', { unit: 'day' }))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(bucketStart('2024-03-05', { unit: 'day' }))).toBe('2024-03-05T00:00:00.000Z');
    expect(iso(bucketStart('2024-03-05T10:00:00.250+0530', { unit: 'hour' }))).toBe('2024-03-05T04:00:00.000Z');
    expect(() => bucketStart(8.64e15, { unit: 'day' })).toThrowError(/years 1 and 9999/);
    expect(() => bucketStart({} as never, { unit: 'day' })).toThrowError(InvalidInputError);
  });
});

describe('bucketRange(from, to, options)', () => {
  it('gives one start per bucket, months of 28 to 31 days', () => {
    const starts = bucketRange('2024-01-15T00:00:00Z', '2024-04-02T00:00:00Z', { unit: 'month' });
    expect(starts.map((s) => bucketLabel(s, { unit: 'month' }))).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(starts.slice(1).map((s, i) => (s - starts[i]!) / (24 * H))).toEqual([31, 29, 31]);
  });
  it('is a single bucket when from and to share one', () => {
    expect(bucketRange('2024-01-15T01:00:00Z', '2024-01-15T02:00:00Z', { unit: 'day' })).toEqual([Date.UTC(2024, 0, 15)]);
  });
  it('throws when to precedes from or the range is too long', () => {
    expect(() => bucketRange('2024-01-15T00:00:00Z', '2024-01-14T00:00:00Z', { unit: 'day' })).toThrowError(/earlier bucket/);
    expect(() => bucketRange('0001-01-01T00:00:00Z', '9999-01-01T00:00:00Z', { unit: 'hour' })).toThrowError(/at most 10000000 buckets/);
  });
});

describe('rollingSum(values, options) / rollingMean(values, options)', () => {
  it('documents the series start: partial windows with their counts, firstValid = minPeriods − 1', () => {
    const r = rollingMean([3, 6, 9, 12], { window: 3, minPeriods: 2 });
    expect(Array.from(r.values)).toEqual([3, 4.5, 6, 9]);
    expect(Array.from(r.counts)).toEqual([1, 2, 3, 3]);
    expect(r.firstValid).toBe(1);
  });
  it('never returns NaN; firstValid = length when no window qualifies', () => {
    const r = rollingSum([1, 2], { window: 5 });
    expect(r.firstValid).toBe(2);
    expect(Array.from(r.values)).toEqual([1, 3]);
    expect(rollingSum([], { window: 3 }).values.length).toBe(0);
  });
  it('stays exact over a long series with large and small values (compensated running sum)', () => {
    const x: number[] = [];
    for (let i = 0; i < 10000; i++) x.push(i % 2 === 0 ? 1e16 : 1, i % 2 === 0 ? -1e16 : 1);
    const r = rollingSum(x, { window: 4 });
    // Every full window holds 1e16, −1e16 and two 1s in some order: the exact sum is 2 (a naive
    // left-to-right sum of 1e16 + 1 + 1 − 1e16 gives 0).
    for (let i = 3; i < x.length; i++) expect(r.values[i]).toBe(2);
  });
  it('does not mutate its input', () => {
    const x = Object.freeze([1, 2, 3]);
    rollingMean(x, { window: 2 });
    expect(x).toEqual([1, 2, 3]);
  });
  it('throws typed errors on bad input', () => {
    expect(() => rollingSum([1, 2], { window: 0 })).toThrowError(/options.window must be an integer in \[1, Infinity\); received 0/);
    expect(() => rollingSum([1, 2], { window: 1.5 })).toThrowError(InvalidOptionError);
    expect(() => rollingSum([1, 2], { window: 2, minPeriods: 3 })).toThrowError(InvalidOptionError);
    expect(() => rollingSum([1, 2], { window: 2, minPeriods: -1 })).toThrowError(InvalidOptionError);
    expect(() => rollingSum([1, NaN], { window: 2 })).toThrowError(/values\[1\] must be a finite number/);
    expect(() => rollingMean([1, 2], undefined as never)).toThrowError(InvalidOptionError);
    expect(() => rollingMean([1, 2], { window: 2, min_periods: 1 } as never)).toThrowError(/unknown option/);
  });
});
