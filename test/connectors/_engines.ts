/**
 * Test helpers for the SQL engines: a DuckDB runner over temp CSV files and a PostgreSQL runner on
 * $CRMKIT_PG_URL (started by scripts/pg-test-server.sh), plus loading JS rows into either.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { connectPostgres, openDuckDb, type DuckDbRunner, type PostgresRunner } from 'crmkit/connectors/node';

export const PG_URL = process.env.CRMKIT_PG_URL;

/** `describe` that needs a PostgreSQL server: skipped without CRMKIT_PG_URL, a failure under CI=true. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (PG_URL !== undefined && PG_URL !== '') describe(name, body);
  else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a PostgreSQL server', () => {
        throw new Error('CRMKIT_PG_URL is not set under CI=true (.ci/run starts one with scripts/pg-test-server.sh)');
      });
    });
  } else describe.skip(`${name} [skipped: CRMKIT_PG_URL not set; run: export CRMKIT_PG_URL=$(bash scripts/pg-test-server.sh start $(mktemp -d))]`, body);
}

export type ColType = 'text' | 'float' | 'date' | 'timestamp';
export interface Table {
  name: string;
  columns: [string, ColType][];
  rows: (string | number | null)[][];
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const DUCK_TYPES: Record<ColType, string> = { text: 'VARCHAR', float: 'DOUBLE', date: 'DATE', timestamp: 'TIMESTAMP' };
const PG_TYPES: Record<ColType, string> = { text: 'TEXT', float: 'DOUBLE PRECISION', date: 'DATE', timestamp: 'TIMESTAMP' };

/** Loads a table into DuckDB through a temp CSV with explicit column types (NULL = empty field). */
export async function loadDuck(db: DuckDbRunner, t: Table): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crmkit-duck-'));
  const file = join(dir, `${t.name}.csv`);
  const lines = [t.columns.map(([c]) => csvField(c)).join(',')];
  for (const r of t.rows) lines.push(r.map(csvField).join(','));
  writeFileSync(file, lines.join('\n') + '\n');
  const types = t.columns.map(([c, ty]) => `'${c.replace(/'/g, "''")}': '${DUCK_TYPES[ty]}'`).join(', ');
  await db.query({ text: `CREATE OR REPLACE TABLE "${t.name}" AS SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', columns = {${types}}, nullstr = '')`, params: [], columns: [] });
  rmSync(dir, { recursive: true, force: true });
}

/** Loads a table into PostgreSQL with `INSERT … SELECT FROM unnest($1::type[], …)` in chunks. */
const loadedPg = new WeakMap<PostgresRunner, Set<Table>>();
export async function loadPg(pg: PostgresRunner, t: Table): Promise<void> {
  const done = loadedPg.get(pg) ?? new Set<Table>();
  loadedPg.set(pg, done);
  if (done.has(t)) return;
  done.add(t);
  await pg.execute(`DROP TABLE IF EXISTS "${t.name}"`);
  await pg.execute(`CREATE TABLE "${t.name}" (${t.columns.map(([c, ty]) => `"${c}" ${PG_TYPES[ty]}`).join(', ')})`);
  const chunk = 100_000;
  for (let from = 0; from < t.rows.length; from += chunk) {
    const part = t.rows.slice(from, from + chunk);
    const arrays = t.columns.map((_, j) => part.map((r) => r[j] ?? null));
    const sel = t.columns.map(([, ty], j) => `$${j + 1}::${PG_TYPES[ty]}[]`).join(', ');
    await pg.execute(`INSERT INTO "${t.name}" SELECT * FROM unnest(${sel})`, arrays);
  }
}

export { connectPostgres, openDuckDb };
