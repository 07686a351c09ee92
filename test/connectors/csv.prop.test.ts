import { Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatCsv, parseCsv } from 'crmkit/connectors';
import { readCsv } from 'crmkit/connectors/node';

// Cells drawn from an alphabet heavy in the characters CSV must escape.
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', ';', 'é', '中', '😀'), maxLength: 8 });
const table = fc.integer({ min: 1, max: 5 }).chain((cols) =>
  fc.record({
    header: fc.uniqueArray(fc.string({ unit: fc.constantFrom('x', 'y', 'z', ',', '"', ' '), minLength: 1, maxLength: 4 }), { minLength: cols, maxLength: cols }),
    rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n' as const, '\r\n' as const),
  }),
);

function toObjects(header: string[], rows: string[][]): Record<string, string>[] {
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

async function readChunked(text: string, cuts: number[], delimiter: string): Promise<{ rows: unknown[]; issues: unknown[] }> {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(prev, p));
    prev = p;
  }
  const reader = readCsv(Readable.from(pieces.filter((p) => p.length > 0)), { delimiter, onError: 'skip-and-report', batchSize: 3 });
  const rows: unknown[] = [];
  for await (const b of reader) rows.push(...b);
  return { rows, issues: reader.report.issues };
}

describe('CSV properties', () => {
  test.prop([table])('formatCsv then parseCsv is the identity on string cells', ({ header, rows, delimiter, newline }) => {
    const objects = toObjects(header, rows);
    const text = formatCsv(objects, { columns: header, delimiter, newline });
    const back = parseCsv(text, { delimiter });
    expect(back.header).toEqual(header);
    expect(back.rows).toEqual(objects);
  });

  test.prop([table, fc.array(fc.nat(), { maxLength: 6 })])('readCsv over any split of the bytes into chunks equals parseCsv of the whole text', async ({ header, rows, delimiter, newline }, cuts) => {
    const text = formatCsv(toObjects(header, rows), { columns: header, delimiter, newline });
    const whole = parseCsv(text, { delimiter, onError: 'skip-and-report' });
    const streamed = await readChunked(text, cuts, delimiter);
    expect(streamed.rows).toEqual(whole.rows);
    expect(streamed.issues).toEqual(whole.report.issues);
  });

  test.prop([fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'x'), maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 })])(
    'arbitrary text: never throws under skip-and-report, every record is a row or an issue, and chunking does not change the result',
    async (body, cuts) => {
      const text = `h1,h2\n${body}`;
      const whole = parseCsv(text, { onError: 'skip-and-report' });
      expect(whole.report.rowsRead).toBe(whole.rows.length);
      expect(whole.report.rowsSkipped).toBe(whole.report.issues.length);
      const streamed = await readChunked(text, cuts, ',');
      expect(streamed.rows).toEqual(whole.rows);
      expect(streamed.issues).toEqual(whole.report.issues);
    },
  );
});
