/**
 * Long work in real headless Chromium (Debian's chromium driven by playwright-core), from the built
 * ESM bundled for the browser with esbuild, as test/package/browser.test.ts does: an awaitable fit
 * runs on the page's main thread while a `setTimeout(0)` ticker keeps time, and a real click on a
 * page button (Playwright's input pipeline, which needs the main thread) or a real `setTimeout`
 * aborts it. A form that did not yield would hold the click until the fit ended. Without Chromium
 * the suite is skipped with a message, except under CI=true where it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/package.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = join(ROOT, 'dist');
const bundles = join(ROOT, '.tmp', 'browser-longwork');
const SUBS = ['segment', 'experiment', 'graph'] as const;

const haveChromium = existsSync(CHROMIUM);
const suite = haveChromium ? describe : process.env.CI === 'true' ? describe : describe.skip;
const title = haveChromium || process.env.CI === 'true' ? 'long work in headless Chromium' : `long work in headless Chromium [skipped: ${CHROMIUM} not found; apt-get install chromium]`;

/** What the page measured around one awaitable call. */
interface PageRun {
  /** `code` and `fn` of the rejection (or 'resolved'). */
  outcome: string;
  fn?: string;
  /** ms from the abort (in the click handler or timer) to the rejection. */
  settleMs: number;
  /** Turns of the page's setTimeout(0) ticker while the work ran. */
  ticks: number;
  /** Largest wall gap between two ticker turns (ms). */
  maxGapMs: number;
}

/** Page script: defines window.__start(kind) and window.__result. `kind` picks the work. */
const PAGE = `
window.__start = async (kind, abortBy) => {
  const ac = new AbortController();
  const btn = document.getElementById('stop');
  let abortedAt = NaN;
  const abort = () => { abortedAt = performance.now(); ac.abort(new Error('stop pressed')); };
  btn.onclick = abort;
  let ticks = 0, maxGap = 0, last = NaN, running = true;
  const tick = () => { if (!running) return; const t = performance.now(); if (ticks > 0) maxGap = Math.max(maxGap, t - last); last = t; ticks++; setTimeout(tick, 0); };
  const seg = await import('/.tmp/browser-longwork/segment.js');
  const exp = await import('/.tmp/browser-longwork/experiment.js');
  let work;
  if (kind === 'kmeans') {
    let s = 1;
    const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const X = Array.from({ length: 60000 }, (_, i) => Array.from({ length: 8 }, () => (i % 5) * 3 + u()));
    work = () => seg.fitKMeansAsync(X, { k: 8, nInit: 50, seed: 1, signal: ac.signal });
  } else {
    let s = 7;
    const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const c = Array.from({ length: 20000 }, () => Math.exp(u()));
    const t = Array.from({ length: 20000 }, () => Math.exp(u() + 0.1));
    work = () => exp.bootstrapDifferenceAsync(c, t, { resamples: 100000, signal: ac.signal });
  }
  setTimeout(tick, 0);
  if (abortBy === 'timer') setTimeout(abort, 300);
  window.__result = (async () => {
    let outcome = 'resolved', fn;
    try { await work(); } catch (e) { outcome = e.code ?? String(e); fn = e.fn; }
    const settleMs = performance.now() - abortedAt;
    running = false;
    return { outcome, fn, settleMs, ticks, maxGapMs: maxGap };
  })();
  return 'started';
};
`;

suite(title, () => {
  let server: Server;
  let base = '';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium not found at ${CHROMIUM} under CI=true (.ci/run installs it with apt-get)`);
    const { build } = await import('esbuild');
    for (const sub of SUBS) {
      await build({ entryPoints: [join(dist, sub, 'index.js')], bundle: true, format: 'esm', platform: 'browser', outfile: join(bundles, `${sub}.js`), logLevel: 'silent' });
    }
    const html = `<!doctype html><html><head></head><body><button id="stop">Stop</button><script>${PAGE}</script></body></html>`;
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
      res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(readFileSync(file));
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

  const check = (r: PageRun, fn: string): void => {
    if (process.env.CRMKIT_LONGWORK_LOG === '1') console.log(fn, JSON.stringify(r));
    expect(r.outcome).toBe('ABORTED');
    expect(r.fn).toBe(fn);
    // the rejection follows the abort within 100 ms, and the page's timers kept running meanwhile
    expect(r.settleMs).toBeLessThan(100);
    expect(r.ticks).toBeGreaterThan(2);
  };

  it('fitKMeansAsync on the page stops when the Stop button is clicked (a real click through the input pipeline)', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e: Error) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.evaluate(`window.__start('kmeans', 'button')`);
    await new Promise((r) => setTimeout(r, 500));
    await page.click('#stop', { timeout: 10_000 });
    const r = (await page.evaluate('window.__result')) as PageRun;
    expect(errors).toEqual([]);
    check(r, 'segment/fitKMeansAsync');
    await page.close();
  });

  it('bootstrapDifferenceAsync on the page stops when a setTimeout fires', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.evaluate(`window.__start('bootstrap', 'timer')`);
    const r = (await page.evaluate('window.__result')) as PageRun;
    check(r, 'experiment/bootstrapDifferenceAsync');
    await page.close();
  });
});
