/**
 * Where the team's shared datasets are (../shared/data) for tests, benchmarks, examples and the demo.
 * Node-only; never imported from src/. No parsing here: CSV goes through crmkit/connectors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '../../src/connectors/parseCsv.js';

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
 * Reads a CSV from the shared data through crmkit's reader (`parseCsv` of crmkit/connectors, the
 * kernel `readCsv` streams with): rows keyed by the header, cells as strings. Code that can await
 * should call `readCsv` from crmkit/connectors/node directly (streamed, typed `columns`).
 */
export function readDataCsv(file: string[], delimiter = ','): Record<string, string>[] {
  return parseCsv(readDataText(...file), { delimiter }).rows as Record<string, string>[];
}
