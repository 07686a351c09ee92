/**
 * Bundle budget: bundles each browser subpath's built ESM entry with esbuild (minified, browser
 * platform, dependencies included as an app would ship them), gzips it, and reports the sizes.
 * `npm run size` prints the table; test/package/size.test.ts enforces the budget in CI.
 * The budget is 40 KB min+gzip per subpath; a subpath may be raised only with a reason recorded in
 * docs/design-choices.md (BUDGET_OVERRIDES below names it).
 */
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const BUDGET_KB = 40;
/** Subpath → raised budget in KB, each with its reason in docs/design-choices.md. */
export const BUDGET_OVERRIDES: Record<string, number> = {
  // graph (issue 16): diffusion, influence maximization and the measures of part 2, then temporalSnapshots
  // (with core's time-zone buckets), the key escaping / weight scaling of issue 20, and influenceSpreadChart; see docs/design-choices.md
  './graph': 47,
  // text/zh (issue 15): jieba's 349k-word dictionary and HMM for jieba-quality segmentation, an opt-in
  // subpath loaded lazily; crmkit/text stays within 40 KB. See docs/design-choices.md
  './text/zh': 1600,
  // classify (issue 17): uplift, permutation importance, partial dependence and calibration; see docs/design-choices.md
  './classify': 44,
};

export interface SizeRow {
  subpath: string;
  minifiedKB: number;
  gzipKB: number;
  budgetKB: number;
}

export async function measureSizes(subpaths: string[]): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const sub of subpaths) {
    const entry = join(root, 'dist', sub === '.' ? 'index.js' : `${sub.slice(2)}/index.js`);
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    rows.push({
      subpath: sub,
      minifiedKB: code.byteLength / 1024,
      gzipKB: gzipSync(code, { level: 9 }).byteLength / 1024,
      budgetKB: BUDGET_OVERRIDES[sub] ?? BUDGET_KB,
    });
  }
  return rows;
}

export function formatSizes(rows: SizeRow[]): string {
  const lines = ['subpath       | min KB | min+gz KB | budget KB', '--------------|--------|-----------|----------'];
  for (const r of rows) lines.push(`${r.subpath.padEnd(13)} | ${r.minifiedKB.toFixed(1).padStart(6)} | ${r.gzipKB.toFixed(1).padStart(9)} | ${String(r.budgetKB).padStart(9)}`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  // Node-only subpaths (`…/node`) never reach a browser bundle, so they have no browser budget.
  const rows = await measureSizes(Object.keys(pkg.exports).filter((k) => k !== './package.json' && !k.endsWith('/node')));
  console.log(formatSizes(rows));
  if (rows.some((r) => r.gzipKB > r.budgetKB)) process.exit(1);
}
