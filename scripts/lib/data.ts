/**
 * Reading the team's shared datasets (../shared/data) for tests, benchmarks, examples and the demo.
 * Node-only; never imported from src/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsv as parseCsvRows } from '../../src/connectors/parseCsv.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the shared data folder: $CRMKIT_DATA_DIR, or ../shared/data beside the repo. */
export const DATA_DIR = process.env.CRMKIT_DATA_DIR ?? resolve(here, '../../../shared/data');

/** Path of a file in the shared data folder. */
export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

/** Whether the shared data file (or folder) exists. */
export function hasData(...parts: string[]): boolean {
  return existsSync(dataPath(...parts));
}

/** Reads a shared data file as UTF-8 text, gunzipping `.gz` files. */
export function readDataText(...parts: string[]): string {
  const p = dataPath(...parts);
  const buf = readFileSync(p);
  return (p.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes).
 * Returns rows of strings; the header is the first row. Blank lines are skipped. A thin wrapper over
 * `parseCsv` from crmkit/connectors (kept for the tests, benches and examples that call it).
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  return parseCsvRows(text, { header: false, delimiter }).rows as unknown as string[][];
}

/** Reads a CSV from the shared data as objects keyed by the header row. */
export function readDataCsv(file: string[], delimiter = ','): Record<string, string>[] {
  const rows = parseCsv(readDataText(...file), delimiter);
  const header = rows[0] ?? [];
  const out: Record<string, string>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const rec: Record<string, string> = Object.create(null);
    const row = rows[r]!;
    for (let c = 0; c < header.length; c++) rec[header[c]!] = row[c] ?? '';
    out.push(rec);
  }
  return out;
}
