import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionError, parseDateTime } from 'crmkit/connectors';

// Instants from CPython 3.11.2 datetime/zoneinfo (scripts/reference/connectors_datetime.py).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/connectors-datetime.json', import.meta.url), 'utf8')) as {
  cases: { value: string; timeZone: string | null; epochMs: number }[];
};

describe('parseDateTime(value, { timeZone }) against Python zoneinfo', () => {
  for (const c of fixture.cases) {
    it(`${c.value} in ${c.timeZone ?? 'its own offset'}`, () => {
      expect(parseDateTime(c.value, c.timeZone === null ? {} : { timeZone: c.timeZone })).toBe(c.epochMs);
    });
  }
  it('agrees with Date.parse on ISO strings with an offset', () => {
    for (const s of ['2020-02-29T23:59:59.999Z', '1999-12-31T23:00:00+01:00', '2024-07-01T00:00:00-09:30']) expect(parseDateTime(s)).toBe(Date.parse(s));
  });
});

describe('parseDateTime errors', () => {
  it('refuses a zone-less value without timeZone (never the machine zone)', () => {
    expect(() => parseDateTime('2011-12-09 09:15:00')).toThrow(/no UTC offset and no timeZone/);
  });
  it.each(['2011-02-29', '2011-13-01', '2011-12-09 24:00', '2011-12-09 09:60', '2011-12-09 09:15:00 +2500', '2011-12-09x', '12/9/2011', '', '2011-12-09 09:15:00 PST', '2011-12-09T09:15:00.Z'])('rejects %j with an InvalidInputError', (v) => {
    expect(() => parseDateTime(v, { timeZone: 'UTC' })).toThrow(InvalidInputError);
  });
  it('rejects an unknown zone and a non-string value', () => {
    expect(() => parseDateTime('2011-12-09', { timeZone: 'Mars/Olympus' })).toThrow(InvalidOptionError);
    expect(() => parseDateTime(20111209 as unknown as string)).toThrow(InvalidInputError);
  });
});
