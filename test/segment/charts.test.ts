import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VEGA_LITE_SCHEMA } from 'crmkit';
import { parseCsv } from 'crmkit/connectors';
import {
  chooseK, chooseKChart, describeSegments, fitKMeans, fitPreprocessor, segmentProfileChart, silhouetteChart, silhouetteSamples,
  InvalidInputError, InvalidOptionError,
} from 'crmkit/segment';
import { checkChart } from '../helpers/vega.js';

const SPEND = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen'];
const customers = parseCsv(readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'wholesale_customers_data.csv'), 'utf8'), {
  columns: Object.fromEntries(SPEND.map((c) => [c, 'number' as const])),
}).rows as Record<string, number>[];
const { X } = fitPreprocessor(customers, { columns: SPEND.map((name) => ({ name, type: 'numeric', log1p: true }) as const) });

describe('segment charts: schema-valid Vega-Lite, render to SVG without messages, data = the crmkit result', () => {
  it('chooseKChart draws the table rows as they are and marks the chosen k', async () => {
    const result = chooseK(X, { kRange: [2, 6], seed: 1 });
    for (const measure of ['inertia', 'silhouette', 'calinskiHarabasz', 'daviesBouldin'] as const) {
      const spec = chooseKChart(result, { measure });
      expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
      expect(spec.data!.values).toEqual(result.table.map((r) => ({ ...r, chosen: r.k === result.k })));
      await checkChart(spec);
    }
    expect((chooseKChart(result).layer as { encoding?: { y?: { field: string } } }[] | undefined)).toBeDefined();
    expect(JSON.stringify(chooseKChart(result).encoding)).toContain('"field":"silhouette"');
    expect(() => chooseKChart(result, { measure: 'bogus' as never })).toThrow(InvalidOptionError);
    expect(() => chooseKChart({} as never)).toThrow(InvalidInputError);
    expect(() => chooseKChart({ ...result, table: [{ ...result.table[0]!, silhouette: NaN }] })).toThrow(/segment\/chooseKChart/);
  });

  it('segmentProfileChart: one cell per (segment, numeric column), values from describeSegments', async () => {
    const model = fitKMeans(X, { k: 3, nInit: 4, seed: 1 });
    const profiles = describeSegments(customers, model.labels, { columns: SPEND.map((name) => ({ name, type: 'numeric' }) as const) });
    const spec = segmentProfileChart(profiles);
    const cells = spec.data!.values;
    expect(cells.length).toBe(3 * SPEND.length);
    let k = 0;
    for (const s of profiles.segments) {
      for (const p of s.numeric) {
        expect(cells[k]).toMatchObject({ segment: String(s.label), column: p.column, mean: p.mean, median: p.median, ratioToOverall: p.ratioToOverall, standardizedDifference: p.standardizedDifference });
        k++;
      }
    }
    await checkChart(spec);
    expect(() => segmentProfileChart({ segments: [] } as never)).toThrow(InvalidInputError);
    expect(() => segmentProfileChart(profiles, { height: -1 })).toThrow(InvalidOptionError);
  });

  it('silhouetteChart: one bar per row, grouped by cluster and sorted within it', async () => {
    const model = fitKMeans(X, { k: 3, nInit: 4, seed: 1 });
    const s = silhouetteSamples(X, model.labels);
    const spec = silhouetteChart(s, model.labels);
    const rows = spec.data!.values as { row: number; cluster: string; silhouette: number; order: number }[];
    expect(rows.length).toBe(customers.length);
    for (const r of rows) expect(r.silhouette).toBe(s[r.row]);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(a.cluster < b.cluster || (a.cluster === b.cluster && a.silhouette >= b.silhouette)).toBe(true);
    }
    expect(spec.title).toBe(`Silhouette per row (mean ${(Array.from(s).reduce((x, y) => x + y, 0) / s.length).toFixed(3)})`);
    await checkChart(spec);
    expect(() => silhouetteChart([0.5], [0, 1])).toThrow(InvalidInputError);
    expect(() => silhouetteChart([NaN], [0])).toThrow(/samples\[0\]/);
  });
});
