/**
 * Loads the built ESM of every browser subpath in real headless Chromium (Debian's chromium,
 * driven by playwright-core) from a loopback HTTP server, calls a function of each, and compares
 * the result with Node's. A Node built-in pulled into a browser subpath fails to resolve in the
 * browser and fails this test; a static scan of the built chunks reports the offending import.
 * Without Chromium the suite is skipped with a message, except under CI=true where it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_SUBPATHS, pkg, ROOT, SMOKE } from '../helpers/package.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = join(ROOT, 'dist');
const esmEntry = (sub: string) => (sub === '.' ? 'index.js' : `${sub.slice(2)}/index.js`);
const NODE_BUILTINS = /(?:from\s*|import\s*\(\s*|import\s+)['"](node:[^'"]+|fs|path|os|zlib|crypto|child_process|http|https|net|stream|url|util|worker_threads)['"]/g;

/** Every file the ESM entry reaches through relative imports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [join(dist, entry)];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) stack.push(normalize(join(dirname(f), m[1]!)));
  }
  return [...seen];
}

describe('built ESM has no Node built-in imports in browser subpaths', () => {
  for (const sub of BROWSER_SUBPATHS) {
    it(`${sub}`, () => {
      const offenders: string[] = [];
      for (const f of reachable(esmEntry(sub))) {
        for (const m of readFileSync(f, 'utf8').matchAll(NODE_BUILTINS)) offenders.push(`${f.slice(dist.length + 1)} imports '${m[1]}'`);
      }
      expect(offenders).toEqual([]);
    });
  }
});

const haveChromium = existsSync(CHROMIUM);
const suite = haveChromium ? describe : process.env.CI === 'true' ? describe : describe.skip;
const title = haveChromium || process.env.CI === 'true' ? 'in headless Chromium' : `in headless Chromium [skipped: ${CHROMIUM} not found; apt-get install chromium]`;

suite(title, () => {
  let server: Server;
  let base = '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium not found at ${CHROMIUM} under CI=true (.ci/run installs it with apt-get)`);
    const importMap: Record<string, string> = {};
    for (const sub of BROWSER_SUBPATHS) importMap[sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`] = `/dist/${esmEntry(sub)}`;
    // Third-party runtime dependencies are served from node_modules through the import map.
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      const depPkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as { module?: string; exports?: unknown };
      const entry = depPkg.module ?? 'index.js';
      importMap[dep] = `/node_modules/${dep}/${entry.replace(/^\.\//, '')}`;
    }
    const html = `<!doctype html><html><head><script type="importmap">${JSON.stringify({ imports: importMap })}</script></head><body></body></html>`;
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(html);
        return;
      }
      const file = normalize(join(ROOT, url.pathname));
      if (!file.startsWith(ROOT) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const type = extname(file) === '.js' || extname(file) === '.mjs' ? 'text/javascript' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  for (const sub of BROWSER_SUBPATHS) {
    it(`${sub} loads and runs: ${SMOKE[sub]}`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e: Error) => errors.push(e.message));
      await page.goto(`${base}/`);
      const name = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
      // A string, not a function: vitest would rewrite `import()` inside a function body.
      const inBrowser = await page.evaluate(`(async () => { const m = await import(${JSON.stringify(name)}); return JSON.stringify(${SMOKE[sub]}); })()`);
      const m = await import(join(dist, esmEntry(sub)));
      const inNode = JSON.stringify(new Function('m', `return (${SMOKE[sub]});`)(m));
      expect(errors).toEqual([]);
      expect(inBrowser).toBe(inNode);
      await page.close();
    });
  }
});
