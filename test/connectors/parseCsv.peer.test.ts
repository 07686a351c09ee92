import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from 'crmkit/connectors';

// csv-parse 7 (RFC 4180 mode) and Papa Parse 5 as outside references for well-formed CSV.
const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '.', '-'), maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', 'é'), maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
);
const csvText = fc
  .integer({ min: 1, max: 4 })
  .chain((cols) => fc.array(fc.array(field, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 }))
  .chain((rows) => fc.constantFrom('\n', '\r\n').map((nl) => rows.map((r) => r.join(',')).filter((l) => l !== '').join(nl) + nl));

describe('parseCsv agrees with csv-parse and Papa Parse on well-formed CSV', () => {
  test.prop([csvText])('same cells as csv-parse (quoted newlines, doubled quotes, CRLF)', (text) => {
    const ours = parseCsv(text, { header: false }).rows;
    const theirs = parse(text, { relax_column_count: false, skip_empty_lines: true }) as string[][];
    expect(ours).toEqual(theirs);
  });
  test.prop([csvText])('same cells as Papa Parse (which drops a row holding one quoted empty field)', (text) => {
    const ours = parseCsv(text, { header: false }).rows.filter((r) => !(r.length === 1 && r[0] === ''));
    const theirs = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(ours).toEqual(theirs);
  });
  it('ragged rows: csv-parse throws with a line number, Papa Parse passes them through; ours reports each one', () => {
    const text = 'a,b\n1\n2,3,4\n5,6\n';
    expect(() => parse(text, { columns: true })).toThrow(/line 2/);
    expect(Papa.parse(text, { header: true, skipEmptyLines: true }).data.length).toBe(3);
    expect(parseCsv(text, { onError: 'skip-and-report' }).report.issues.map((i) => i.line)).toEqual([2, 3]);
  });
  it('a quoted empty field is a value: Papa Parse skips the row, csv-parse and ours keep it', () => {
    const text = 'note\n""\nx\n';
    expect(Papa.parse(text, { header: true, skipEmptyLines: true }).data).toEqual([{ note: 'x' }]);
    expect(parse(text, { columns: true, skip_empty_lines: true })).toEqual([{ note: '' }, { note: 'x' }]);
    expect(parseCsv(text).rows).toEqual([{ note: '' }, { note: 'x' }]);
  });
});
