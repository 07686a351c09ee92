/**
 * Vitest global setup: builds dist/ once (tsup) before the package, size and browser tests, which
 * exercise the built files exactly as users receive them. Skipped with CRMKIT_SKIP_BUILD=1 when
 * dist/ is known to be fresh.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.CRMKIT_SKIP_BUILD === '1') return;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent'], { cwd: root, stdio: 'inherit' });
}
