import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import type { ClusterLabel } from './_labels.js';

/**
 * The classic silhouette plot: every row's silhouette (from {@link silhouetteSamples}) as a bar,
 * grouped by cluster and sorted within it, with the mean as a dashed rule. Thin clusters and
 * negative bars show rows that sit closer to another cluster. `data.values` hold one row per
 * sample: `{ row, cluster, silhouette, order }` (`order` is the bar's position).
 *
 * @throws {@link InvalidInputError} when `samples` and `labels` differ in length, are empty, or hold a non-finite silhouette; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { silhouetteChart, silhouetteSamples } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [10, 10], [10, 11]];
 * const labels = [0, 0, 1, 1];
 * const spec = silhouetteChart(silhouetteSamples(X, labels), labels);
 * spec.data?.values.length; // => 4
 * ```
 * @category Charts
 */
export function silhouetteChart(samples: ArrayLike<number>, labels: readonly ClusterLabel[], options?: ChartOptions): VegaLiteSpec {
  const fn = 'segment/silhouetteChart';
  if (samples === null || typeof samples !== 'object' || typeof samples.length !== 'number') throw new InvalidInputError(fn, 'samples must be an array of silhouettes', samples);
  if (!Array.isArray(labels)) throw new InvalidInputError(fn, 'labels must be an array', labels);
  if (samples.length !== labels.length) throw new InvalidInputError(fn, `samples (${samples.length}) and labels (${labels.length}) must have the same length`, labels.length);
  if (samples.length === 0) throw new InvalidInputError(fn, 'samples must not be empty', samples.length);
  const rows: { row: number; cluster: string; silhouette: number; order: number }[] = [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (typeof s !== 'number' || !Number.isFinite(s) || s < -1 || s > 1) throw new InvalidInputError(fn, `samples[${i}] must be a silhouette in [-1, 1]`, s);
    const l = labels[i];
    if (typeof l !== 'number' && typeof l !== 'string') throw new InvalidInputError(fn, `labels[${i}] must be a number or a string`, l);
    rows.push({ row: i, cluster: String(l), silhouette: s, order: 0 });
    total += s;
  }
  rows.sort((a, b) => (a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : b.silhouette - a.silhouette || a.row - b.row));
  rows.forEach((r, p) => { r.order = p; });
  const mean = total / rows.length;
  return chartSpec(fn, {
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', orient: 'horizontal' },
        encoding: {
          y: { field: 'order', type: 'ordinal', axis: null, title: null },
          x: { field: 'silhouette', type: 'quantitative', title: 'silhouette', scale: { domain: [Math.min(-0.1, ...rows.map((r) => r.silhouette)), 1] } },
          color: { field: 'cluster', type: 'nominal', title: 'segment' },
          tooltip: [{ field: 'row', type: 'quantitative' }, { field: 'cluster', type: 'nominal' }, { field: 'silhouette', type: 'quantitative', format: '.3f' }],
        },
      },
      { data: { values: [{ mean }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#333' }, encoding: { x: { field: 'mean', type: 'quantitative' } } },
    ],
  }, { title: `Silhouette per row (mean ${mean.toFixed(3)})`, width: 360, height: Math.min(600, Math.max(120, rows.length)) }, options);
}
