import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, InvalidInputError, InvalidOptionError } from 'crmkit';
import { armSumsSql, edgeListSql, rfmSummarySql, runArmSums, runRfmSummary, segmentSumsSql, termCountsSql } from 'crmkit/connectors';
import { connectPostgres, openDuckDb, type DuckDbRunner } from 'crmkit/connectors/node';
import { summarizeTransactions } from 'crmkit/value';
import { describeWithPostgres, loadDuck, loadPg, PG_URL, type Table } from './_engines.js';

describe('SQL statement text', () => {
  it('quotes identifiers (embedded quotes doubled) and binds values as parameters, never in the text', () => {
    const q = rfmSummarySql({ table: ['sales', 'or"ders'], customerId: 'id"; DROP TABLE x; --', date: 'at', observationEnd: '2024-01-10', calibrationEnd: '2024-01-05' });
    expect(q.customers.text).toContain('FROM "sales"."or""ders"');
    expect(q.customers.text).toContain('CAST("id""; DROP TABLE x; --" AS VARCHAR)');
    expect(q.customers.text).not.toContain('2024');
    expect(q.customers.params).toEqual([19732, 19727, 1]);
    expect(q.report.params).toEqual([19732, 19727]);
  });

  it('PostgreSQL dialect: CAST instead of TRY_CAST, TEXT, DOUBLE PRECISION, COLLATE "C" for undirected edges', () => {
    const q = rfmSummarySql({ table: 't', customerId: 'id', date: 'at', amount: 'eur', observationEnd: '2024-01-10', period: 'week', dialect: 'postgres' });
    expect(q.customers.text).not.toContain('TRY_CAST');
    expect(q.customers.text).toContain('CAST("id" AS TEXT)');
    expect(q.customers.text).toContain('DOUBLE PRECISION');
    expect(edgeListSql({ table: 't', source: 'a', target: 'b', undirected: true, dialect: 'postgres' }).statement.text).toContain('COLLATE "C"');
  });

  it('rejects bad names and options with typed errors naming the option', () => {
    expect(() => rfmSummarySql({ table: '', customerId: 'id', date: 'at', observationEnd: '2024-01-10' })).toThrow(InvalidOptionError);
    expect(() => rfmSummarySql({ table: 't', customerId: 'a\u0000b', date: 'at', observationEnd: '2024-01-10' })).toThrow(/options\.customerId/);
    expect(() => rfmSummarySql({ table: 't', customerId: 'id', date: 'at' } as never)).toThrow(/options\.observationEnd is required/);
    expect(() => rfmSummarySql({ table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-10', calibrationEnd: '2024-02-01' })).toThrow(/calibrationEnd/);
    expect(() => rfmSummarySql({ table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-10', dialect: 'mysql' as never })).toThrow(/dialect/);
    expect(() => rfmSummarySql({ table: 't', customerId: 'id', date: 'at', observationEnd: '2024-01-10', period: 'year' as never })).toThrow(/options\.period/);
    expect(() => armSumsSql({ table: 't', arm: 'arm' } as never)).toThrow(/options\.metric is required/);
    expect(() => segmentSumsSql({ table: 't', segment: 's', features: [] })).toThrow(/options\.features/);
    expect(() => termCountsSql({ table: 't', document: 'd', term: 'w', extra: 1 } as never)).toThrow(/unknown option 'extra'/);
  });

  it('rejects a runner that is not one', async () => {
    await expect(runArmSums({} as never, { table: 't', arm: 'a', metric: 'y' })).rejects.toThrow(/runner must be a SqlRunner/);
  });
});

const BAD: Table = {
  name: 'bad',
  columns: [['id', 'text'], ['at', 'text'], ['eur', 'text']],
  rows: [
    ['a', '2024-01-01', '10'],
    ['a', '2024-01-03', '5'],
    [null, '2024-01-02', '7'],
    ['', '2024-01-02', '7'],
    ['b', '2024-13-45', '3'],
    ['b', '2024-01-04', 'abc'],
    ['b', '2024-01-05', '0'],
    ['c', '2024-01-06', '-4'],
    ['c', '2024-01-06', '2'],
    ['c', '2024-03-01', '2'],
  ],
};
const memRows = BAD.rows.map((r) => ({ id: r[0], at: r[1], eur: r[2] === null || Number.isNaN(Number(r[2])) ? r[2] : Number(r[2]) }));
const base = { customerId: 'id', date: 'at', amount: 'eur', observationEnd: '2024-01-31' } as const;
const lenient = { missingCustomerId: 'drop', invalidDate: 'drop', invalidAmount: 'drop', zeroAmount: 'drop', negativeAmount: 'keep' } as const;

describe('bad input on DuckDB: typed errors naming column and engine; dropped counts equal the in-memory report', () => {
  let db: DuckDbRunner;
  beforeAll(async () => {
    db = await openDuckDb({ threads: 1, memoryLimit: '256MB' });
    await loadDuck(db, BAD);
  });
  afterAll(() => db?.close());

  it('dropped and kept counts equal summarizeTransactions under drop / keep policies', async () => {
    const got = await runRfmSummary(db, { table: 'bad', ...base, ...lenient });
    const want = summarizeTransactions(memRows, { ...base, ...lenient, timeZone: 'UTC' });
    expect(got.report).toEqual(want.report);
    expect(got.report.dropped).toEqual({ missingCustomerId: 2, invalidDate: 1, invalidAmount: 1, zeroAmount: 1, negativeAmount: 0, afterObservationEnd: 1, returns: 0 });
    expect(got.rows).toEqual(want.rows.map((r) => ({ ...r, customerId: String(r.customerId) })).sort((x, y) => String(x.customerId).localeCompare(String(y.customerId))));
  });

  it.each([
    ['missingCustomerId', /rows have no customer id .* in column "id" \(engine: duckdb/],
    ['invalidDate', /rows have a date the engine cannot read in column "at" \(engine: duckdb/],
    ['invalidAmount', /rows have an amount that is not a finite number in column "eur" \(engine: duckdb/],
    ['zeroAmount', /rows have a zero amount in column "eur"/],
    ['negativeAmount', /rows have a negative amount in column "eur"/],
  ] as const)("policy %s: 'error' throws InvalidInputError naming the column", async (policy, re) => {
    const err = await runRfmSummary(db, { table: 'bad', ...base, ...lenient, [policy]: 'error' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(re);
  });

  it('a missing column is an InvalidInputError naming the column and engine', async () => {
    const err = await runRfmSummary(db, { table: 'bad', ...base, customerId: 'customer', ...lenient }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(/"customer".*duckdb/s);
  });

  it('a metric column of text that does not read as numbers is counted and refused, naming the column', async () => {
    await expect(runArmSums(db, { table: 'bad', arm: 'id', metric: 'eur' })).rejects.toThrow(/non-finite value in column "eur" \(engine: duckdb\)/);
  });

  it('signal: an aborted run throws AbortError', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runRfmSummary(db, { table: 'bad', ...base, ...lenient, signal: ac.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('options are checked', async () => {
    await expect(openDuckDb({ memoryLimit: 'lots' })).rejects.toThrow(InvalidOptionError);
    await expect(openDuckDb({ threads: 0 })).rejects.toThrow(/options\.threads/);
  });

  it('a file DuckDB cannot read is a ConnectorError', async () => {
    await expect(db.attachFile('nothing', '/nonexistent/file.csv')).rejects.toThrow(ConnectorError);
  });
});

describe('PostgreSQL connection errors', () => {
  it('a refused connection is a ConnectorError with the driver error as cause', async () => {
    const err = await connectPostgres({ connectionString: 'postgresql://nobody@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as Error).message).toMatch(/could not connect to PostgreSQL/);
    expect((err as Error).cause).toBeInstanceOf(Error);
  });
});

describeWithPostgres('bad input on PostgreSQL', () => {
  it('drop policies give the in-memory counts on typed columns; text dates the server cannot cast name the column', async () => {
    const pg = await connectPostgres({ connectionString: PG_URL! });
    try {
      const typed: Table = { name: 'bad_typed', columns: [['id', 'text'], ['at', 'date'], ['eur', 'float']], rows: BAD.rows.filter((r) => r[1] !== '2024-13-45' && r[2] !== 'abc').concat([['b', null, 3], ['b', '2024-01-04', null]]).map((r) => [r[0]!, r[1]!, r[2] === null ? null : Number(r[2])]) };
      await loadPg(pg, typed);
      const got = await runRfmSummary(pg, { table: 'bad_typed', ...base, ...lenient, dialect: 'postgres' });
      const want = summarizeTransactions(typed.rows.map((r) => ({ id: r[0], at: r[1], eur: r[2] })), { ...base, ...lenient, timeZone: 'UTC' });
      expect(got.report).toEqual(want.report);
      await loadPg(pg, BAD);
      const err = await runRfmSummary(pg, { table: 'bad', ...base, ...lenient, dialect: 'postgres' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as Error).message).toMatch(/column "at" could not be read by the engine \(postgres\)/);
      const missing = await runRfmSummary(pg, { table: 'bad_typed', ...base, amount: 'price', ...lenient, dialect: 'postgres' }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(InvalidInputError);
      expect((missing as Error).message).toMatch(/"price".*postgres/s);
    } finally {
      await pg.close();
    }
  });
});
