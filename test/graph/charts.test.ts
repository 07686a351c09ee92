import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { influenceSpreadChart, selectInfluencers, InvalidInputError } from 'crmkit/graph';
import { checkChart } from '../helpers/vega.js';

const g = new UndirectedGraph();
for (const line of readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'karate_edges.csv'), 'utf8').trim().split('\n').slice(1)) {
  const [a, b] = line.split(',');
  g.mergeEdge(a!, b!);
}

describe('graph charts: schema-valid Vega-Lite, render to SVG without messages, data = the crmkit result', () => {
  it('influenceSpreadChart: one bar per result with its spread and error bar', async () => {
    const results = (['celf', 'pagerank', 'degree'] as const).map((method) => selectInfluencers(g, 3, { method, probability: 0.1, runs: 500, seed: 3 }));
    const spec = influenceSpreadChart(results);
    const rows = spec.data!.values as { method: string; spread: number; standardError: number; lower: number; upper: number; chosen: string }[];
    results.forEach((r, i) => expect(rows[i]).toEqual({ method: r.method, seeds: 3, spread: r.spread, standardError: r.standardError, lower: r.spread - 1.96 * r.standardError, upper: r.spread + 1.96 * r.standardError, chosen: r.seeds.join(', ') }));
    await checkChart(spec);
    expect(() => influenceSpreadChart([])).toThrow(InvalidInputError);
    expect(() => influenceSpreadChart([{ ...results[0]!, spread: NaN }])).toThrow(/graph\/influenceSpreadChart/);
  });
});
