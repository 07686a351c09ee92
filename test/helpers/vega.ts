/**
 * Checks a crmkit chart the way a user's renderer would see it: valid against the Vega-Lite JSON
 * schema shipped with `vega-lite`, compiles, and renders to SVG in Node (`vega`, no DOM) with no
 * warning or error logged. Every `…Chart` test calls `checkChart`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from '../../src/core/chart.js';

const require = createRequire(import.meta.url);
let validateSchema: ((x: unknown) => boolean) & { errors?: unknown } | undefined;

function schemaValidator(): ((x: unknown) => boolean) & { errors?: unknown } {
  if (validateSchema === undefined) {
    const schema = JSON.parse(readFileSync(join(dirname(require.resolve('vega-lite')), 'vega-lite-schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: false });
    validateSchema = ajv.compile(schema);
  }
  return validateSchema;
}

/** Schema errors of a spec (empty when valid). */
export function schemaErrors(spec: VegaLiteSpec): unknown[] {
  const v = schemaValidator();
  return v(spec) ? [] : ((v.errors as unknown[] | undefined) ?? ['invalid']);
}

/** Renders a Vega-Lite spec to SVG in Node; returns the SVG and every message vega logged. */
export async function renderChart(spec: VegaLiteSpec): Promise<{ svg: string; messages: string[] }> {
  const messages: string[] = [];
  const logger = {
    level() { return logger; },
    error(...a: unknown[]) { messages.push(`error: ${a.join(' ')}`); return logger; },
    warn(...a: unknown[]) { messages.push(`warn: ${a.join(' ')}`); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  const compiled = compile(spec as never, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: logger as never });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, messages };
}

/** Asserts (by throwing) that a chart is schema-valid and renders a non-empty SVG without messages. */
export async function checkChart(spec: VegaLiteSpec): Promise<string> {
  const errs = schemaErrors(spec);
  if (errs.length > 0) throw new Error(`chart is not valid Vega-Lite: ${JSON.stringify(errs).slice(0, 800)}`);
  const { svg, messages } = await renderChart(spec);
  if (messages.length > 0) throw new Error(`vega logged while rendering: ${messages.join('; ')}`);
  if (!svg.startsWith('<svg') || !/<path|<rect|<line|<text/.test(svg)) throw new Error('rendered SVG is empty');
  return svg;
}
