import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionError, parseCsv } from 'crmkit/connectors';

const skip = { onError: 'skip-and-report' } as const;

describe('parseCsv(text) RFC 4180', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const { rows } = parseCsv('a,b,c\n"x, y","he said ""hi""","two\nlines"\n');
    expect(rows).toEqual([{ a: 'x, y', b: 'he said "hi"', c: 'two\nlines' }]);
  });
  it('accepts LF, CRLF and CR line ends, a BOM, and no final line end', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r3,4\n5,6').rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
      { a: '5', b: '6' },
    ]);
  });
  it('keeps empty fields, trailing empty fields and empty quoted fields', () => {
    expect(parseCsv('a,b,c\n,,\n"",x,\n').rows).toEqual([
      { a: '', b: '', c: '' },
      { a: '', b: 'x', c: '' },
    ]);
  });
  it('skips blank lines and counts them', () => {
    const r = parseCsv('a\n1\n\n\r\n2\n');
    expect(r.rows).toEqual([{ a: '1' }, { a: '2' }]);
    expect(r.report.emptyLines).toBe(2);
  });
  it('numbers lines physically, counting line breaks inside quoted fields', () => {
    const r = parseCsv('a,b\n"1\n2\r\n3",x\n1,2,3\n', skip);
    expect(r.report.issues).toEqual([{ line: 5, reason: 'expected 2 fields, found 3' }]);
  });
  it('reports ragged rows, unclosed quotes and text after a closing quote, never dropping them silently', () => {
    const r = parseCsv('a,b\n1\n1,2,3\n"x"y,2\nok,1\n"open,2\n', skip);
    expect(r.rows).toEqual([{ a: 'ok', b: '1' }]);
    expect(r.report).toEqual({
      rowsRead: 1,
      rowsSkipped: 4,
      emptyLines: 0,
      issues: [
        { line: 2, reason: 'expected 2 fields, found 1' },
        { line: 3, reason: 'expected 2 fields, found 3' },
        { line: 4, reason: 'unexpected character after the closing quote of field 1' },
        { line: 6, reason: 'a quoted field is not closed before the end of the input' },
      ],
    });
  });
  it("throws an InvalidInputError naming the line under onError: 'error' (the default)", () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/connectors\/parseCsv: line 3: expected 2 fields, found 1/);
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(InvalidInputError);
  });
  it('keeps a quote inside an unquoted field as a literal character', () => {
    expect(parseCsv('a,b\n5" disk,x\n').rows).toEqual([{ a: '5" disk', b: 'x' }]);
  });
  it('supports other delimiters and quote characters', () => {
    expect(parseCsv("a\tb\n'x\ty'\t2\n", { delimiter: '\t', quote: "'" }).rows).toEqual([{ a: 'x\ty', b: '2' }]);
  });
  it('takes given header names or reads arrays with header: false', () => {
    expect(parseCsv('1,2\n', { header: ['x', 'y'] }).rows).toEqual([{ x: '1', y: '2' }]);
    const r = parseCsv('1,2\n3\n', { header: false, columns: { '0': 'integer' } });
    expect(r.rows).toEqual([[1, '2'], [3]]);
    expect(r.header).toEqual([]);
  });
  it('treats __proto__ and constructor headers as ordinary column names', () => {
    const { rows } = parseCsv('__proto__,constructor\nx,y\n');
    expect(rows[0]!['__proto__']).toBe('x');
    expect(rows[0]!['constructor']).toBe('y');
    expect(Object.keys(rows[0]!)).toEqual(['__proto__', 'constructor']);
  });
  it('rejects a duplicate header name and a columns name missing from the header', () => {
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/names column 'a' twice/);
    expect(() => parseCsv('a\n1\n', { columns: { b: 'number' } })).toThrow(/'b', which is not a column/);
  });
});

describe('parseCsv(text, { columns }) typed coercion', () => {
  const text = 'n,i,b,d\n1.5e3,-42,yes,2024-01-02T03:04:05Z\n,,,\n';
  it('coerces number, integer, boolean and date, with null for an empty cell', () => {
    const { rows } = parseCsv(text, { columns: { n: 'number', i: 'integer', b: 'boolean', d: 'date' } });
    expect(rows).toEqual([
      { n: 1500, i: -42, b: true, d: Date.UTC(2024, 0, 2, 3, 4, 5) },
      { n: null, i: null, b: null, d: null },
    ]);
  });
  it.each([
    ['number', ['1_5', '0x10', 'Infinity', 'NaN', ' 1', '1 ', '1e', '.']],
    ['integer', ['1.0', '1e3', '9007199254740993', '+', '--1']],
    ['boolean', ['maybe', 'truee', '2']],
    ['date', ['2024-02-30', 'yesterday', '2024-01-02 03:04']],
  ] as const)('reports values a %s column rejects, naming the column', (type, values) => {
    const r = parseCsv(`v\n${values.join('\n')}\n`, { columns: { v: type }, ...skip });
    expect(r.rows).toEqual([]);
    expect(r.report.issues.map((x) => [x.line, x.column])).toEqual(values.map((_, k) => [k + 2, 'v']));
  });
  it('a required column turns an empty cell into a malformed row', () => {
    const r = parseCsv('id,amount\na,\n', { columns: { amount: { type: 'number', required: true } }, ...skip });
    expect(r.report.issues).toEqual([{ line: 2, column: 'amount', reason: 'empty cell in a required column' }]);
  });
  it('reads zone-less dates in the column or reader time zone', () => {
    const csv = 'at\n2011-06-09 09:15:00\n';
    expect(parseCsv(csv, { columns: { at: 'date' }, timeZone: 'Europe/London' }).rows[0]!['at']).toBe(Date.UTC(2011, 5, 9, 8, 15));
    expect(parseCsv(csv, { columns: { at: { type: 'date', timeZone: 'Asia/Shanghai' } }, timeZone: 'Europe/London' }).rows[0]!['at']).toBe(Date.UTC(2011, 5, 9, 1, 15));
  });
  it('never prints cell values (they may be personal data) in errors or issues', () => {
    try {
      parseCsv('email\nalice@example.com\n', { columns: { email: 'number' } });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('alice');
    }
  });
});

describe('parseCsv option errors', () => {
  it.each([
    [{ delimiter: ',,' }],
    [{ delimiter: '\n' }],
    [{ quote: ',' }],
    [{ header: 'yes' }],
    [{ onError: 'ignore' }],
    [{ columns: { a: 'float' } }],
    [{ columns: { a: { type: 'date', timeZone: 'Nowhere/Else' } } }],
    [{ timeZone: 'PST8PDT9' }],
    [{ colums: {} }],
  ])('%j throws InvalidOptionError', (o) => {
    expect(() => parseCsv('a\n1\n', o as never)).toThrow(InvalidOptionError);
  });
  it('rejects non-string text', () => {
    expect(() => parseCsv(42 as never)).toThrow(InvalidInputError);
  });
});
