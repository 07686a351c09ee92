import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries } from '../../tsup.config.js';
import { pkg, ROOT, SMOKE, SUBPATHS } from '../helpers/package.js';

describe('package.json exports', () => {
  it('match the tsup entries, each with the nested import/require form (types first)', () => {
    const fromTsup = Object.keys(entries).map((e) => (e === 'index' ? '.' : `./${e.replace(/\/index$/, '')}`));
    expect([...SUBPATHS].sort()).toEqual(fromTsup.sort());
    for (const sub of SUBPATHS) {
      const base = sub === '.' ? './dist/index' : `./dist/${sub.slice(2)}/index`;
      const e = pkg.exports[sub] as Record<string, Record<string, string>>;
      expect(Object.keys(e)).toEqual(['import', 'require']);
      expect(e.import).toEqual({ types: `${base}.d.ts`, default: `${base}.js` });
      expect(e.require).toEqual({ types: `${base}.d.cts`, default: `${base}.cjs` });
      const src = sub === '.' ? 'src/index.ts' : `src/${sub.slice(2)}/index.ts`;
      expect(existsSync(join(ROOT, src)), src).toBe(true);
      expect(SMOKE[sub], `smoke check for ${sub}`).toBeTypeOf('string');
    }
  });

  it('declare the package conventions of the foundation issue', () => {
    const p = pkg as unknown as Record<string, unknown>;
    expect(p.type).toBe('module');
    expect(p.sideEffects).toBe(false);
    expect(p.files).toEqual(['dist']);
    expect((p.engines as Record<string, string>).node).toBe('>=20');
    expect(pkg.exports['./package.json']).toBe('./package.json');
  });
});
