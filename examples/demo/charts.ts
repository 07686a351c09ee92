/**
 * The demo's charts: small functions that each build one Vega-Lite spec with the core's `chartSpec`.
 * As the modules land their own `…Chart` functions (value, text, graph, segment, classify,
 * experiment), each of these is swapped for the module's one; they take plain rows so that is easy.
 */
import { chartSpec, type VegaLiteSpec } from 'crmkit';

const FN = 'demo/charts';
const Q = 'quantitative' as const;
const N = 'nominal' as const;
const O = 'ordinal' as const;

/** Daily (or hourly) counts of a keyword with the flagged spikes as red points. */
export function spikeSeriesChart(rows: { bucket: string; count: number; expected: number; spike: boolean }[], title: string): VegaLiteSpec {
  return chartSpec(FN, {
    data: { values: rows },
    encoding: { x: { field: 'bucket', type: O, title: null, axis: { labelAngle: -45, labelOverlap: true } } },
    layer: [
      { mark: { type: 'line', color: '#9aa5b1', strokeDash: [4, 3] }, encoding: { y: { field: 'expected', type: Q } } },
      { mark: { type: 'line', color: '#2458b3' }, encoding: { y: { field: 'count', type: Q, title: 'posts' } } },
      { transform: [{ filter: 'datum.spike' }], mark: { type: 'point', filled: true, size: 80, color: '#d62728' }, encoding: { y: { field: 'count', type: Q }, tooltip: [{ field: 'bucket' }, { field: 'count' }, { field: 'expected' }] } },
    ],
  }, { title, width: 520, height: 200 }, undefined);
}

/** Horizontal bars: label → value, largest first. */
export function rankedBarChart(rows: { label: string; value: number }[], title: string, valueTitle: string): VegaLiteSpec {
  return chartSpec(FN, {
    data: { values: rows },
    mark: { type: 'bar', color: '#2458b3' },
    encoding: {
      y: { field: 'label', type: N, sort: '-x', title: null },
      x: { field: 'value', type: Q, title: valueTitle },
    },
  }, { title, width: 320, height: Math.max(80, 18 * rows.length) }, undefined);
}

/** A node-link drawing: edges as rules, nodes as circles coloured by community, sized by a score. */
export function communityNetworkChart(
  nodes: { id: string; x: number; y: number; community: string; size: number; label: string }[],
  edges: { x: number; y: number; x2: number; y2: number }[],
  title: string,
): VegaLiteSpec {
  const axis = { axis: null, scale: { zero: false } };
  return chartSpec(FN, {
    layer: [
      { data: { values: edges }, mark: { type: 'rule', color: '#b8c0cc', opacity: 0.5, strokeWidth: 0.7 }, encoding: { x: { field: 'x', type: Q, ...axis }, y: { field: 'y', type: Q, ...axis }, x2: { field: 'x2' }, y2: { field: 'y2' } } },
      {
        data: { values: nodes },
        mark: { type: 'circle', opacity: 0.9, stroke: '#fff', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'x', type: Q, ...axis },
          y: { field: 'y', type: Q, ...axis },
          color: { field: 'community', type: N, title: 'community', scale: { scheme: 'category10' } },
          size: { field: 'size', type: Q, legend: null, scale: { range: [15, 500] } },
          tooltip: [{ field: 'id' }, { field: 'community' }],
        },
      },
      { data: { values: nodes.filter((n) => n.label !== '') }, mark: { type: 'text', dy: -10, fontSize: 10 }, encoding: { x: { field: 'x', type: Q, ...axis }, y: { field: 'y', type: Q, ...axis }, text: { field: 'label' } } },
    ],
    config: { view: { stroke: null } },
  }, { title, width: 560, height: 420 }, undefined);
}

/** A heat map of a value over two ordered or nominal axes (frequency × recency, segment × feature). */
export function heatmapChart(
  rows: Record<string, string | number>[],
  f: { x: string; y: string; value: string; xTitle: string; yTitle: string | null; valueTitle: string; xType?: 'ordinal' | 'nominal'; scheme?: string; domainMid?: number; labelEvery?: number },
  title: string,
): VegaLiteSpec {
  const scale: Record<string, unknown> = { scheme: f.scheme ?? 'viridis' };
  if (f.domainMid !== undefined) scale.domainMid = f.domainMid;
  // Long ordinal axes: label every n-th value only.
  const every = f.labelEvery === undefined ? {} : { labelExpr: `datum.value % ${f.labelEvery} === 0 ? datum.label : ''`, ticks: false };
  return chartSpec(FN, {
    data: { values: rows },
    mark: 'rect',
    encoding: {
      x: { field: f.x, type: f.xType ?? O, title: f.xTitle, axis: f.xType === 'nominal' ? { labelAngle: -30 } : { labelAngle: 0, ...every } },
      y: { field: f.y, type: f.xType === 'nominal' ? N : O, title: f.yTitle, sort: f.xType === 'nominal' ? null : 'descending', axis: f.xType === 'nominal' ? {} : every },
      color: { field: f.value, type: Q, title: f.valueTitle, scale },
      tooltip: [{ field: f.x }, { field: f.y }, { field: f.value, format: '.3f' }],
    },
  }, { title, width: f.xType === 'nominal' ? 300 : 360, height: 240 }, undefined);
}

/** Two or more lines over a shared x (model vs actual, cumulative curves). */
export function multiLineChart(rows: { x: number; y: number; series: string }[], axes: { x: string; y: string }, title: string, diagonal = false): VegaLiteSpec {
  const unit = diagonal ? { scale: { domain: [0, 1] } } : {};
  const lines = { mark: { type: 'line', point: rows.length < 60 }, encoding: { x: { field: 'x', type: Q, title: axes.x, ...unit }, y: { field: 'y', type: Q, title: axes.y, ...unit }, color: { field: 'series', type: N, title: null } } };
  const layer: unknown[] = [lines];
  if (diagonal) layer.unshift({ data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', color: '#bbb', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: Q }, y: { field: 'y', type: Q } } });
  return chartSpec(FN, { data: { values: rows }, layer }, { title, width: 320, height: 240 }, undefined);
}

/** Estimates with intervals: one row per (group, item), a point and a horizontal rule, zero marked. */
export function intervalChart(rows: { group: string; item: string; estimate: number; lower: number; upper: number }[], axis: string, title: string): VegaLiteSpec {
  const values = rows.map((r) => ({ ...r, label: `${r.group}: ${r.item}` }));
  const y = { field: 'label', type: N, title: null, sort: null, axis: { labelLimit: 260 } };
  return chartSpec(FN, {
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#d62728', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: Q } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'lower', type: Q, title: axis, axis: { format: '%' } }, x2: { field: 'upper' }, color: { field: 'group', type: N, title: 'metric' } } },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { y, x: { field: 'estimate', type: Q }, color: { field: 'group', type: N }, tooltip: [{ field: 'label' }, { field: 'estimate', format: '.1%' }, { field: 'lower', format: '.1%' }, { field: 'upper', format: '.1%' }] } },
    ],
  }, { title, width: 420, height: Math.max(80, 26 * rows.length) }, undefined);
}
