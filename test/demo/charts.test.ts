/**
 * The demo's stand-in charts (examples/demo/charts.ts): each is valid Vega-Lite, renders to SVG in
 * Node without a warning, and draws exactly the rows it was given.
 */
import { describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from 'crmkit';
import { communityNetworkChart, heatmapChart, intervalChart, multiLineChart, rankedBarChart, spikeSeriesChart } from '../../examples/demo/charts.js';
import { checkChart } from '../helpers/vega.js';

const cases: [string, VegaLiteSpec, unknown[]][] = (() => {
  const series = [
    { bucket: '2025-03-01', count: 3, expected: 3, spike: false },
    { bucket: '2025-03-02', count: 4, expected: 3.2, spike: false },
    { bucket: '2025-03-03', count: 19, expected: 3.5, spike: true },
  ];
  const bars = [{ label: '#a', value: 5 }, { label: '#b', value: 2 }];
  const nodes = [
    { id: 'a', x: 0.1, y: 0.2, community: '#0 @a', size: 3, label: '@a' },
    { id: 'b', x: 0.5, y: 0.9, community: '#0 @a', size: 1, label: '' },
    { id: 'c', x: 0.8, y: 0.4, community: '#1 @c', size: 2, label: '@c' },
  ];
  const edges = [{ x: 0.1, y: 0.2, x2: 0.5, y2: 0.9 }];
  const cells = [
    { frequency: 0, recency: 0, v: 0.1 },
    { frequency: 1, recency: 1, v: 0.4 },
    { frequency: 2, recency: 1, v: 0.9 },
  ];
  const diverging = cells.map((c) => ({ ...c, v: c.v - 0.5 }));
  const lines = [{ x: 0, y: 0, series: 'a' }, { x: 0.5, y: 0.7, series: 'a' }, { x: 1, y: 1, series: 'a' }];
  const intervals = [{ group: 'visit', item: 'B', estimate: 0.4, lower: 0.2, upper: 0.6 }];
  return [
    ['spikeSeriesChart', spikeSeriesChart(series, 't'), series],
    ['rankedBarChart', rankedBarChart(bars, 't', 'posts'), bars],
    ['communityNetworkChart', communityNetworkChart(nodes, edges, 't'), nodes],
    ['heatmapChart', heatmapChart(cells, { x: 'frequency', y: 'recency', value: 'v', xTitle: 'f', yTitle: 'r', valueTitle: 'v', labelEvery: 5 }, 't'), cells],
    ['heatmapChart (nominal, diverging)', heatmapChart(diverging, { x: 'frequency', y: 'recency', value: 'v', xTitle: 'f', yTitle: null, valueTitle: 'v', xType: 'nominal', scheme: 'redblue', domainMid: 0 }, 't'), diverging],
    ['multiLineChart', multiLineChart(lines, { x: 'x', y: 'y' }, 't', true), lines],
    ['intervalChart', intervalChart(intervals, 'lift', 't'), intervals.map((r) => ({ ...r, label: 'visit: B' }))],
  ];
})();

describe('demo charts', () => {
  for (const [name, spec, rows] of cases) {
    it(`${name}: valid Vega-Lite, renders without warnings, draws the given rows`, async () => {
      const drawn = spec.data?.values ?? (spec.layer as { data?: { values: unknown[] } }[]).find((l) => l.data && l.data.values.length === rows.length)?.data?.values;
      // Read before rendering: vega tags the row objects it renders.
      expect(JSON.parse(JSON.stringify(drawn))).toEqual(rows);
      const svg = await checkChart(spec);
      expect(svg.length).toBeGreaterThan(500);
    });
  }
});
