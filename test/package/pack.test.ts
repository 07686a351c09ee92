/**
 * Packs the package as npm would publish it, installs the tarball into a scratch project, and checks
 * that `import` and `require` of every subpath work and that the types resolve under both the
 * ESM (node16 .mts) and CommonJS (node16 .cts) module resolutions.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pkg, ROOT, SMOKE, SUBPATHS } from '../helpers/package.js';

const work = join(ROOT, '.tmp', 'pack');
const consumer = join(work, 'consumer');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const spec = (sub: string) => (sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`);
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  run(npm, ['pack', '--silent', '--pack-destination', work], ROOT);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  run(npm, ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', join(work, tgz)], consumer);
}, 300_000);

describe('the packed tarball', () => {
  it('contains dist/ and package metadata only (no src, tests or data)', () => {
    const files = run('tar', ['-tzf', join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!)], work)
      .trim()
      .split('\n');
    expect(files.every((f) => f.startsWith('package/dist/') || /^package\/(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f))).toBe(true);
    expect(files).toContain('package/dist/index.js');
    expect(files, 'the MIT licence text ships in the tarball').toContain('package/LICENSE');
  });

  it('every subpath can be imported (ESM) and gives the same smoke result as required (CJS)', () => {
    for (const sub of SUBPATHS) {
      const esm = run(process.execPath, ['--input-type=module', '-e', `import * as m from '${spec(sub)}'; console.log(JSON.stringify(${SMOKE[sub]}))`], consumer);
      const cjs = run(process.execPath, ['-e', `const m = require('${spec(sub)}'); console.log(JSON.stringify(${SMOKE[sub]}))`], consumer);
      expect(esm, `ESM ${sub}`).toBe(cjs);
      expect(JSON.parse(esm), sub).not.toBeUndefined();
    }
  });

  it('error classes are shared between subpaths in both formats', () => {
    const subs = SUBPATHS.map(spec);
    const esm = run(process.execPath, ['--input-type=module', '-e', `${subs.map((s, i) => `import * as m${i} from '${s}';`).join('')} console.log(${subs.map((_, i) => `m${i}.CrmkitError === m0.CrmkitError`).join(' && ')})`], consumer);
    const cjs = run(process.execPath, ['-e', `const ms = ${JSON.stringify(subs)}.map((s) => require(s)); console.log(ms.every((m) => m.CrmkitError === ms[0].CrmkitError))`], consumer);
    expect(esm.trim()).toBe('true');
    expect(cjs.trim()).toBe('true');
  });

  it('instanceof works across the ESM and CommonJS builds (a dual-package app loads both)', () => {
    const script = [
      `import { createRequire } from 'node:module';`,
      `import * as esm from '${spec('.')}';`,
      `import * as esmText from '${spec('./text')}';`,
      `const cjs = createRequire(import.meta.url)('${spec('.')}');`,
      `const out = [esm.CrmkitError !== cjs.CrmkitError];`,
      `const e1 = new cjs.InvalidInputError('x/y', 'bad', 1);`,
      `const e2 = new esm.ModelFormatError('x/y', 'bad', 1);`,
      `out.push(e1 instanceof esm.CrmkitError, e1 instanceof esm.InvalidInputError, e1 instanceof esm.ModelFormatError, e1 instanceof Error);`,
      `out.push(e2 instanceof cjs.CrmkitError, e2 instanceof cjs.ModelFormatError, e2 instanceof esmText.ModelFormatError, e2 instanceof cjs.InvalidOptionError);`,
      `class Mine extends esm.InvalidInputError {}`,
      `out.push(e1 instanceof Mine, new Mine('x/y', 'bad', 1) instanceof cjs.InvalidInputError, ({ code: 'INVALID_INPUT' }) instanceof esm.CrmkitError);`,
      `console.log(JSON.stringify(out));`,
    ].join('\n');
    const out = run(process.execPath, ['--input-type=module', '-e', script], consumer);
    expect(JSON.parse(out)).toEqual([true, true, true, false, true, true, true, true, false, false, true, false]);
  });

  it('types resolve for every subpath under node16 ESM and CommonJS resolution', () => {
    const lines = SUBPATHS.map((sub, i) => `import * as m${i} from '${spec(sub)}';\nexport const e${i}: typeof m${i}.CrmkitError = m${i}.CrmkitError;`).join('\n');
    writeFileSync(join(consumer, 'esm.mts'), lines);
    writeFileSync(join(consumer, 'cjs.cts'), lines);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['esm.mts', 'cjs.cts'] }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    let out = '';
    try {
      out = run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(out.trim()).toBe('');
  });
});
