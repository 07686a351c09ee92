import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AbortError, ConnectorError, InvalidInputError, InvalidOptionError, type Progress } from 'crmkit';
import { readCsv, readJsonl, writeCsv, writeJsonl } from 'crmkit/connectors/node';

const dir = mkdtempSync(join(tmpdir(), 'crmkit-readcsv-'));
const csv = 'id,amount\n' + Array.from({ length: 25 }, (_, i) => `c${i},${i}.5`).join('\n') + '\n';

async function all<T>(reader: AsyncIterable<T[]>): Promise<{ rows: T[]; sizes: number[] }> {
  const rows: T[] = [];
  const sizes: number[] = [];
  for await (const b of reader) {
    sizes.push(b.length);
    rows.push(...b);
  }
  return { rows, sizes };
}

describe('readCsv(path | stream, options)', () => {
  it('yields batches of batchSize rows with typed columns', async () => {
    const file = join(dir, 'a.csv');
    writeFileSync(file, csv);
    const { rows, sizes } = await all(readCsv(file, { batchSize: 10, columns: { amount: 'number' } }));
    expect(sizes).toEqual([10, 10, 5]);
    expect(rows[24]).toEqual({ id: 'c24', amount: 24.5 });
  });
  it('gunzips by extension and by magic bytes (also from a stream)', async () => {
    const gzFile = join(dir, 'a.csv.gz');
    writeFileSync(gzFile, gzipSync(csv));
    const noExt = join(dir, 'a-gz.bin');
    writeFileSync(noExt, gzipSync(csv));
    const plain = (await all(readCsv(join(dir, 'a.csv')))).rows;
    expect((await all(readCsv(gzFile))).rows).toEqual(plain);
    expect((await all(readCsv(noExt))).rows).toEqual(plain);
    expect((await all(readCsv(Readable.from([gzipSync(csv)])))).rows).toEqual(plain);
  });
  it('reports progress in bytes read of the file size, ending at the total', async () => {
    const seen: Progress[] = [];
    await all(readCsv(join(dir, 'a.csv.gz'), { onProgress: (p) => seen.push(p) }));
    const size = readFileSync(join(dir, 'a.csv.gz')).length;
    expect(seen.at(-1)).toEqual({ fn: 'connectors/readCsv', completed: size, total: size, stage: 'bytes' });
  });
  it('stops with an AbortError when the signal fires, and closes the file', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'a\n' + '1\n'.repeat(300_000));
    const ac = new AbortController();
    const reader = readCsv(big, { batchSize: 1000, signal: ac.signal, chunkSize: 4096 });
    await expect(
      (async () => {
        for await (const b of reader) if (b.length > 0) ac.abort('enough');
      })(),
    ).rejects.toThrow(AbortError);
  });
  it('decodes other encodings and refuses bytes invalid in the encoding', async () => {
    const latin = join(dir, 'latin1.csv');
    writeFileSync(latin, Buffer.from('name\nJos\xe9\n', 'latin1'));
    expect((await all(readCsv(latin, { encoding: 'latin1' }))).rows).toEqual([{ name: 'José' }]);
    await expect(all(readCsv(latin))).rejects.toThrow(/not valid utf-8/);
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n中,é\n', 'utf16le')]));
    expect((await all(readCsv(utf16, { encoding: 'utf-16le' }))).rows).toEqual([{ a: '中', b: 'é' }]);
  });
  it('drops a UTF-8 byte-order mark split across chunks', async () => {
    const bytes = Buffer.from('\uFEFFa\n1\n', 'utf8');
    const rows = (await all(readCsv(Readable.from([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)])))).rows;
    expect(rows).toEqual([{ a: '1' }]);
  });
  it('fills report and header, and lists skipped rows with line numbers', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id,n\na,1\nb\nc,x\nd,4\n');
    const reader = readCsv(file, { columns: { n: 'integer' }, onError: 'skip-and-report' });
    const { rows } = await all(reader);
    expect(rows.map((r) => r['id'])).toEqual(['a', 'd']);
    expect(reader.header).toEqual(['id', 'n']);
    expect(reader.report).toEqual({
      rowsRead: 2,
      rowsSkipped: 2,
      emptyLines: 0,
      issues: [
        { line: 3, reason: 'expected 2 fields, found 1' },
        { line: 4, column: 'n', reason: 'not an integer' },
      ],
    });
    await expect(all(readCsv(file, { columns: { n: 'integer' } }))).rejects.toThrow(/line 3: expected 2 fields/);
  });
  it('typed errors: missing file, corrupt gzip, bad source, bad options, second iteration', async () => {
    await expect(all(readCsv(join(dir, 'nope.csv')))).rejects.toThrow(ConnectorError);
    const corrupt = join(dir, 'corrupt.csv.gz');
    writeFileSync(corrupt, Buffer.concat([gzipSync(csv).subarray(0, 30), Buffer.from('garbage')]));
    await expect(all(readCsv(corrupt))).rejects.toThrow(/gzip/);
    expect(() => readCsv(42 as never)).toThrow(InvalidInputError);
    expect(() => readCsv(join(dir, 'a.csv'), { batchSize: 0 })).toThrow(InvalidOptionError);
    expect(() => readCsv(join(dir, 'a.csv'), { encoding: 'klingon' })).toThrow(InvalidOptionError);
    expect(() => readCsv(join(dir, 'a.csv'), { gzip: 'yes' as never })).toThrow(InvalidOptionError);
    expect(() => readJsonl(join(dir, 'a.csv'), { chunkSize: 10 })).toThrow(InvalidOptionError);
    const once = readCsv(join(dir, 'a.csv'));
    await all(once);
    await expect(all(once)).rejects.toThrow(/iterated once/);
  });
});

describe('readJsonl(path, options)', () => {
  it('reads objects, coerces named fields, reports bad lines with their numbers', async () => {
    const file = join(dir, 'p.jsonl.gz');
    writeFileSync(file, gzipSync('{"id":"1","n":"7","at":"2015-02-24 11:35:52 -0800"}\r\n\n[1]\n{"id":"2","n":7.5}\n{"id":"3","n":3}'));
    const reader = readJsonl(file, { columns: { n: 'integer', at: 'date' }, onError: 'skip-and-report' });
    const { rows } = await all(reader);
    expect(rows).toEqual([
      { id: '1', n: 7, at: Date.UTC(2015, 1, 24, 19, 35, 52) },
      { id: '3', n: 3, at: null },
    ]);
    expect(reader.report).toEqual({
      rowsRead: 2,
      rowsSkipped: 2,
      emptyLines: 1,
      issues: [
        { line: 3, reason: 'not a JSON object' },
        { line: 4, column: 'n', reason: 'not an integer' },
      ],
    });
  });
});

describe('writeCsv / writeJsonl round trips', () => {
  const rows = [
    { customerId: 'c1', note: 'a "quoted", multi\nline note', clv: 41.5, vip: true, at: new Date(Date.UTC(2024, 0, 2)) },
    { customerId: 'c2', note: '', clv: -0.125, vip: false, at: null },
  ];
  it('writeCsv then readCsv gives the rows back (gzip too), with the header', async () => {
    for (const name of ['out.csv', 'out.csv.gz']) {
      const file = join(dir, name);
      expect(await writeCsv(file, rows)).toEqual({ rowsWritten: 2 });
      const back = (await all(readCsv(file, { columns: { clv: 'number', vip: 'boolean', at: 'date' } }))).rows;
      expect(back).toEqual(rows.map((r) => ({ ...r, at: r.at === null ? null : r.at.getTime() })));
    }
  });
  it('writeJsonl then readJsonl gives the rows back; writers stream reader batches', async () => {
    const file = join(dir, 'out.jsonl');
    await writeJsonl(file, rows);
    const back = (await all(readJsonl(file))).rows;
    expect(back).toEqual(rows.map((r) => ({ ...r, at: r.at === null ? null : r.at.toISOString() })));
    const copy = join(dir, 'copy.jsonl.gz');
    expect(await writeJsonl(copy, readJsonl(file, { batchSize: 1 }))).toEqual({ rowsWritten: 2 });
    expect((await all(readJsonl(copy))).rows).toEqual(back);
  });
  it('writes to a Node stream', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await writeCsv(out, [{ a: 1 }, { a: 'x,y' }])).toEqual({ rowsWritten: 2 });
    expect(Buffer.concat(chunks).toString('utf8')).toBe('a\n1\n"x,y"\n');
  });
  it('a failed write leaves no file behind and names the row', async () => {
    const file = join(dir, 'fail.csv');
    await expect(writeCsv(file, [{ a: 1 }, { a: NaN }])).rejects.toThrow(/rows\[1\]\.a must be a finite number/);
    expect(() => readFileSync(file)).toThrow();
    await expect(writeJsonl(join(dir, 'x.jsonl'), [{ a: 1n }] as never)).rejects.toThrow(InvalidInputError);
    await expect(writeCsv(join(dir, 'no-such-dir', 'x.csv'), [{ a: 1 }])).rejects.toThrow(ConnectorError);
  });
});
