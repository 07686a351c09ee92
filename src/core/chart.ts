/**
 * Charts as data: the one shape every module's `…Chart` function returns.
 *
 * A chart is a plain Vega-Lite specification (JSON, no functions, no runtime dependency). Any
 * Vega-Lite renderer shows it: `vega-embed` in a web app, JavaScript notebooks, Observable, VS Code
 * notebooks, or `vega` + `vega-lite` on a server to get SVG. crmkit itself never renders.
 *
 * @module
 */
import { InvalidInputError, InvalidOptionError } from './errors.js';
import { finiteNumber, options as checkOptions, string as checkString } from './validate.js';

/**
 * The Vega-Lite schema every crmkit chart declares (`$schema`).
 *
 * @example
 * ```ts
 * import { VEGA_LITE_SCHEMA } from 'crmkit';
 * VEGA_LITE_SCHEMA.endsWith('/vega-lite/v6.json');
 * // => true
 * ```
 * @category Charts
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A Vega-Lite specification as plain JSON. crmkit fills `$schema`, `data.values` (the rows the chart
 * draws, each a copy of a crmkit result row), the marks and encodings; the rest of Vega-Lite's
 * vocabulary may be added by the caller before rendering.
 */
export interface VegaLiteSpec {
  /** Always {@link VEGA_LITE_SCHEMA}. */
  $schema: string;
  /** Chart title, when one was given or the chart has a natural one. */
  title?: string;
  /** Width in pixels, or `'container'`. */
  width?: number | 'container';
  /** Height in pixels, or `'container'`. */
  height?: number | 'container';
  /** The rows drawn, inline (no URL, so the chart is self-contained). */
  data?: { values: Record<string, unknown>[] };
  /** Any other Vega-Lite property (`mark`, `encoding`, `layer`, `hconcat`, `config`, …). */
  [property: string]: unknown;
}

/** Options every `…Chart` function accepts. */
export interface ChartOptions {
  /** Replaces the chart's default title. */
  title?: string;
  /** Width in pixels (positive) or `'container'`. @defaultValue chart-specific */
  width?: number | 'container';
  /** Height in pixels (positive) or `'container'`. @defaultValue chart-specific */
  height?: number | 'container';
}

/**
 * The option names of {@link ChartOptions}, for a chart function's own option check.
 *
 * @example
 * ```ts
 * import { CHART_OPTION_NAMES } from 'crmkit';
 * CHART_OPTION_NAMES;
 * // => ['title', 'width', 'height']
 * ```
 * @category Charts
 */
export const CHART_OPTION_NAMES: readonly string[] = ['title', 'width', 'height'];

function size(fn: string, name: string, x: unknown): number | 'container' {
  if (x === 'container') return x;
  const v = finiteNumber(fn, `options.${name}`, x);
  if (!(v > 0) || v > 1e5) throw new InvalidOptionError(fn, `options.${name} must be a positive number of pixels up to 100000, or 'container'`, x);
  return v;
}

/**
 * Builds a Vega-Lite specification from the chart-specific body and the caller's
 * {@link ChartOptions}: validates the options, sets `$schema`, title and size, and deep-copies the
 * data rows so the spec shares nothing with the result it came from. Module chart functions call it;
 * users can call it to build their own chart in the same house style.
 *
 * @param fn - The calling `module/function`, named in errors.
 * @param body - The chart itself (`mark`/`encoding`/`layer`…, and `data.values`).
 * @param defaults - The chart's own title and size, used where `options` gives none.
 * @param options - The caller's {@link ChartOptions} (extra keys are the caller's own chart options,
 *   already validated by the chart function; pass `extraOptionNames` to allow them).
 * @throws {@link InvalidInputError} (naming `core/chartSpec`) when `fn`, `body`, `defaults` or `extraOptionNames` is malformed
 * @throws {@link InvalidOptionError} for a non-string title or a width/height that is not a positive number or `'container'`
 * @example
 * ```ts
 * import { chartSpec, VEGA_LITE_SCHEMA } from 'crmkit';
 * const spec = chartSpec('demo/barChart', {
 *   data: { values: [{ arm: 'control', rate: 0.1 }, { arm: 'variant', rate: 0.12 }] },
 *   mark: 'bar',
 *   encoding: { x: { field: 'arm', type: 'nominal' }, y: { field: 'rate', type: 'quantitative' } },
 * }, { title: 'Conversion', width: 300, height: 200 }, { height: 150 });
 * [spec.$schema === VEGA_LITE_SCHEMA, spec.title, spec.width, spec.height, spec.data?.values.length];
 * // => [true, 'Conversion', 300, 150, 2]
 * ```
 * @category Charts
 */
export function chartSpec(
  fn: string,
  body: Record<string, unknown>,
  defaults: ChartOptions,
  options: ChartOptions | undefined,
  extraOptionNames: readonly string[] = [],
): VegaLiteSpec {
  const self = 'core/chartSpec';
  if (typeof fn !== 'string' || !/^[A-Za-z0-9_-]{1,40}\/[A-Za-z0-9_]{1,60}$/.test(fn)) throw new InvalidInputError(self, "fn must name the calling function as 'module/function'", fn);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidInputError(self, 'body must be a Vega-Lite view object', body);
  if (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)) throw new InvalidInputError(self, 'defaults must be a ChartOptions object', defaults);
  if (!Array.isArray(extraOptionNames) || extraOptionNames.some((k) => typeof k !== 'string')) throw new InvalidInputError(self, 'extraOptionNames must be an array of strings', extraOptionNames);
  const o = checkOptions(fn, options, [...CHART_OPTION_NAMES, ...extraOptionNames]) as ChartOptions;
  const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA };
  const title = o.title !== undefined ? checkString(fn, 'options.title', o.title) : defaults.title === undefined ? undefined : checkString(self, 'defaults.title', defaults.title);
  if (title !== undefined) spec.title = title;
  const width = o.width !== undefined ? size(fn, 'width', o.width) : defaults.width === undefined ? undefined : size(self, 'width', defaults.width);
  if (width !== undefined) spec.width = width;
  const height = o.height !== undefined ? size(fn, 'height', o.height) : defaults.height === undefined ? undefined : size(self, 'height', defaults.height);
  if (height !== undefined) spec.height = height;
  // A JSON round trip: the spec is plain data and shares no object with the caller's result.
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(copy)) if (k !== '$schema') spec[k] = v;
  return spec;
}
