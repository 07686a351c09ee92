import { describe, expect, it } from 'vitest';
import { chartSpec, InvalidOptionError, VEGA_LITE_SCHEMA } from 'crmkit';
import { checkChart, schemaErrors } from '../helpers/vega.js';

const body = () => ({
  data: { values: [{ arm: 'control', rate: 0.1 }, { arm: 'variant', rate: 0.12 }] },
  mark: 'bar',
  encoding: { x: { field: 'arm', type: 'nominal' }, y: { field: 'rate', type: 'quantitative' } },
});

describe('chartSpec(fn, body, defaults, options)', () => {
  it('sets schema, title and size, and renders to SVG without messages', async () => {
    const spec = chartSpec('demo/bar', body(), { title: 'Default', width: 200, height: 100 }, { title: 'Mine' });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.title).toBe('Mine');
    expect([spec.width, spec.height]).toEqual([200, 100]);
    const svg = await checkChart(spec);
    expect(svg).toContain('Mine');
  });

  it('shares no object with the body it was given', () => {
    const b = body();
    const spec = chartSpec('demo/bar', b, {}, undefined);
    b.data.values[0]!.rate = 99;
    expect(spec.data?.values[0]?.rate).toBe(0.1);
  });

  it('a broken spec is caught by the schema check (the helper can fail)', () => {
    const spec = chartSpec('demo/bar', { ...body(), mark: 'not-a-mark' }, {}, undefined);
    expect(schemaErrors(spec).length).toBeGreaterThan(0);
  });

  it('rejects bad options with a typed error naming the caller', () => {
    expect(() => chartSpec('demo/bar', body(), {}, { width: -1 })).toThrow(InvalidOptionError);
    expect(() => chartSpec('demo/bar', body(), {}, { width: Number.NaN })).toThrow(/demo\/bar/);
    expect(() => chartSpec('demo/bar', body(), {}, { title: 3 as unknown as string })).toThrow(InvalidOptionError);
    expect(() => chartSpec('demo/bar', body(), {}, { colour: 'red' } as never)).toThrow(/unknown option 'colour'/);
  });
});
