import { describe, expect, it, vi } from 'vitest';
import { ConnectorError } from 'crmkit';
import { connectPostgres, openDuckDb } from 'crmkit/connectors/node';

// Simulates a project without the optional peers: importing them fails as when not installed.
vi.mock('@duckdb/node-api', () => {
  throw new Error("Cannot find package '@duckdb/node-api'");
});
vi.mock('pg', () => {
  throw new Error("Cannot find package 'pg'");
});

describe('optional engines not installed', () => {
  it('openDuckDb: ConnectorError naming @duckdb/node-api, the import error as cause', async () => {
    const err = await openDuckDb().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as Error).message).toMatch(/optional peer dependency '@duckdb\/node-api'.*npm i @duckdb\/node-api/);
    expect((err as Error).cause).toBeDefined();
  });
  it('connectPostgres: ConnectorError naming pg', async () => {
    const err = await connectPostgres({ connectionString: 'postgresql://x@127.0.0.1:1/x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as Error).message).toMatch(/optional peer dependency 'pg'/);
  });
});
