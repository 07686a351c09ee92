/**
 * Reading the team's shared datasets (../shared/data) for tests, benchmarks, examples and the demo.
 * Node-only; never imported from src/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

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
 * Returns rows of strings; the header is the first row. A trailing empty line is ignored.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
