/**
 * `npm run demo` on a fresh clone: run with CRMKIT_DATA_DIR pointed at an empty folder (so the
 * sample path is checked even where the shared data is present, as in CI), it must succeed, say it
 * is in sample mode, and write a self-contained report whose every chart renders — checked as
 * HTML here and in headless Chromium (no console error, no network request, every chart a
 * non-empty SVG), with a full-page screenshot saved as demo-output/report-sample.png.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/package.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STEPS = ['core', 'text', 'graph', 'value', 'segment', 'experiment', 'classify'];
const SCREENSHOT = join(ROOT, 'demo-output', 'report-sample.png');

let tmp = '';
let stdout = '';
let html = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'crmkit-demo-'));
  mkdirSync(join(tmp, 'empty-data'));
  const run = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'examples', 'demo.ts')], {
    cwd: ROOT,
    env: { ...process.env, CRMKIT_DATA_DIR: join(tmp, 'empty-data'), CRMKIT_DEMO_OUT: join(tmp, 'out') },
    maxBuffer: 16 << 20,
    timeout: 240_000,
  });
  stdout = run.stdout;
  html = readFileSync(join(tmp, 'out', 'report.html'), 'utf8');
}, 300_000);

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('npm run demo with no shared data (a fresh clone)', () => {
  it('says it runs on the samples, runs every step and names the report', () => {
    expect(stdout).toMatch(/^data: SAMPLE mode — samples shipped in examples\/data/m);
    for (const s of STEPS) expect(stdout).toContain(`=== ${s}:`);
    expect(stdout).toMatch(/^Summary: sample data; 6 report sections, \d+ charts;/m);
    expect(stdout).toMatch(/^Report: .*report\.html$/m);
    // The planted spike of the synthetic posts is found.
    expect(stdout).toContain('"cancelled" peaks in');
    expect(stdout).toContain('2025-03-17');
  });

  it('writes one self-contained page: inline SVG charts, no script, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*"(?!#)/i);
    const figures = html.match(/<figure /g)?.length ?? 0;
    const svgs = html.match(/<svg /g)?.length ?? 0;
    expect(figures).toBeGreaterThanOrEqual(12);
    expect(svgs).toBe(figures);
    for (const id of ['text', 'graph', 'value', 'segment', 'experiment', 'classify']) expect(html).toContain(`<section id="${id}">`);
  });
});

const haveChromium = existsSync(CHROMIUM);
const suite = haveChromium || process.env.CI === 'true' ? describe : describe.skip;

suite(`the demo report in headless Chromium${haveChromium || process.env.CI === 'true' ? '' : ` [skipped: ${CHROMIUM} not found]`}`, () => {
  it('renders every chart, logs no error, requests nothing, and screenshots to demo-output/', async () => {
    if (!haveChromium) throw new Error(`Chromium not found at ${CHROMIUM} under CI=true (.ci/run installs it with apt-get)`);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
      });
      await page.goto(`file://${join(tmp, 'out', 'report.html')}`);
      // Each chart: an SVG with a drawn area and marks (paths, rects, lines or symbols) inside.
      const charts = await page.$$eval('figure', (figs) =>
        figs.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { title: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks: svg?.querySelectorAll('path, rect, line').length ?? 0 };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(12);
      for (const c of charts) {
        expect(c.width, String(c.title)).toBeGreaterThan(100);
        expect(c.height, String(c.title)).toBeGreaterThan(50);
        expect(c.marks, String(c.title)).toBeGreaterThan(5);
      }
      mkdirSync(join(ROOT, 'demo-output'), { recursive: true });
      const png = await page.screenshot({ path: SCREENSHOT, fullPage: true });
      // PNG header: width and height at bytes 16–23. The page is a long report, not a blank one.
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      expect(width).toBe(1280);
      expect(height).toBeGreaterThan(4000);
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(200_000);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
