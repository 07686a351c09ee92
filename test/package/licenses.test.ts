/**
 * docs/licenses.md lists everything crmkit ships: embedded third-party data, the production
 * dependency tree, and the optional peers. This test keeps the list true.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const doc = readFileSync(join(root, 'docs', 'licenses.md'), 'utf8');
const ALLOWED = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD']);

/** Rows of the markdown table under a heading. */
function table(heading: string): string[][] {
  const part = doc.split(/^## /m).find((s) => s.startsWith(heading));
  if (!part) throw new Error(`docs/licenses.md has no section '${heading}'`);
  return part.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !/^\| (file|package) /.test(l))
    .map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim()));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('docs/licenses.md', () => {
  it('lists exactly the production dependency tree of package-lock.json, each under an allowed licence', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; license?: string; dev?: boolean; devOptional?: boolean; peer?: boolean }> };
    const prod = Object.entries(lock.packages)
      .filter(([k, v]) => k !== '' && !v.dev && !v.devOptional && !v.peer)
      .map(([k, v]) => ({ name: k.replace(/^.*node_modules\//, ''), version: v.version, license: v.license }));
    const listed = table('Installed with crmkit').map((r) => ({ name: r[0]!.replace(/`/g, ''), version: r[1], license: r[2] }));
    expect(prod.map((p) => p.name).sort()).toEqual(listed.map((p) => p.name).sort());
    for (const p of prod) {
      const row = listed.find((l) => l.name === p.name)!;
      expect({ name: p.name, version: row.version, license: row.license }).toEqual({ name: p.name, version: p.version, license: p.license });
      expect(ALLOWED.has(p.license ?? ''), `${p.name}: ${p.license}`).toBe(true);
    }
  });

  it('lists the optional peers of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string> };
    const listed = table('Optional peers').map((r) => r[0]!.replace(/`/g, ''));
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual(listed.sort());
    for (const r of table('Optional peers')) expect(ALLOWED.has(r[1]!), r.join(' | ')).toBe(true);
  });

  it('each embedded file exists and names its source licence; every generated data file is listed', () => {
    const rows = table('Embedded in');
    const files = new Set<string>();
    for (const r of rows) {
      const licence = r[3]!.replace(/ \(crmkit\)$/, '');
      expect(ALLOWED.has(licence), r.join(' | ')).toBe(true);
      for (const f of r[0]!.split(',').map((s) => s.trim().replace(/`/g, ''))) {
        const path = f.includes('/') ? f : `${dirname(r[0]!.split(',')[0]!.replace(/`/g, ''))}/${f}`;
        files.add(path);
        const text = readFileSync(join(root, 'src', path), 'utf8');
        if (!r[3]!.endsWith('(crmkit)')) expect(text.includes(licence), `src/${path} should name its licence ${licence}`).toBe(true);
      }
    }
    const generated = walk(join(root, 'src')).filter((p) => p.endsWith('.ts') && readFileSync(p, 'utf8').slice(0, 400).includes('GENERATED')).map((p) => relative(join(root, 'src'), p));
    expect(generated.filter((g) => !files.has(g))).toEqual([]);
  });
});
