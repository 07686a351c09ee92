/**
 * `npm run lint:package`: packs the package and checks the tarball with publint (strict: warnings
 * and suggestions fail too) and @arethetypeswrong/cli (every entry, every resolution mode).
 * Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp', 'lint-package');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const tgz = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
const bin = (p: string) => join(root, 'node_modules', '.bin', p);

let failed = false;
for (const [name, args] of [
  ['publint', [bin('publint'), 'run', tgz, '--strict']],
  ['attw', [bin('attw'), tgz, '--format', 'table-flipped']],
] as const) {
  console.log(`\n$ ${name} ${args.slice(1).join(' ').replace(root + '/', '')}`);
  try {
    execFileSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
