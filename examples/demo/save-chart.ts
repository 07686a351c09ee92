/**
 * For the gallery examples: renders a crmkit chart (a Vega-Lite spec) to an SVG file under
 * demo-output/examples/ (or $CRMKIT_DEMO_OUT/examples/) and returns its path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VegaLiteSpec } from 'crmkit';
import { renderSvg } from './render.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function saveChart(spec: VegaLiteSpec, name: string): Promise<string> {
  const dir = join(resolve(process.env.CRMKIT_DEMO_OUT ?? join(root, 'demo-output')), 'examples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.svg`);
  writeFileSync(file, await renderSvg(spec));
  return relative(process.cwd(), file) || file;
}
