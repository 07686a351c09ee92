import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import { oneOf, options as checkOptions } from '../core/validate.js';
import type { ChooseKResult } from './chooseK.js';

/** Options of {@link chooseKChart}. */
export interface ChooseKChartOptions extends ChartOptions {
  /**
   * Which measure to draw against k: `'inertia'` gives the elbow plot, `'silhouette'` the silhouette
   * plot, and so on.
   * @defaultValue the result's criterion (`'inertia'` for `'elbow'`)
   */
  measure?: 'inertia' | 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin';
}

const MEASURES = ['inertia', 'silhouette', 'calinskiHarabasz', 'daviesBouldin'] as const;
const TITLES: Record<(typeof MEASURES)[number], string> = {
  inertia: 'inertia (within-cluster sum of squares)',
  silhouette: 'mean silhouette (higher is better)',
  calinskiHarabasz: 'Calinski–Harabasz (higher is better)',
  daviesBouldin: 'Davies–Bouldin (lower is better)',
};

/**
 * The elbow or silhouette plot of a {@link chooseK} result: one measure against k, with the chosen k
 * marked. `data.values` are the result's `table` rows as they are, each with `chosen: true` on the
 * chosen k.
 *
 * @throws {@link InvalidInputError} when `result` is not a chooseK result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { chooseK, chooseKChart } from 'crmkit/segment';
 * const X = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [20, 0], [20, 1]];
 * const result = chooseK(X, { kRange: [2, 4], seed: 1 });
 * const spec = chooseKChart(result, { measure: 'inertia' });
 * spec.data?.values.length; // => 3
 * spec.data?.values.filter((r) => r.chosen).map((r) => r.k); // => [3]
 * ```
 * @category Charts
 */
export function chooseKChart(result: ChooseKResult, options?: ChooseKChartOptions): VegaLiteSpec {
  const fn = 'segment/chooseKChart';
  if (result === null || typeof result !== 'object' || !Array.isArray(result.table) || typeof result.k !== 'number') {
    throw new InvalidInputError(fn, 'result must be a chooseK result', result);
  }
  const o = (checkOptions(fn, options, ['title', 'width', 'height', 'measure']) ?? {}) as ChooseKChartOptions;
  const measure = o.measure === undefined ? (result.criterion === 'elbow' ? 'inertia' : result.criterion) : oneOf(fn, 'options.measure', o.measure, MEASURES);
  if (!(MEASURES as readonly string[]).includes(measure)) throw new InvalidInputError(fn, 'result.criterion is not a chooseK criterion', result.criterion);
  const rows = result.table.map((r, i) => {
    if (r === null || typeof r !== 'object' || typeof r.k !== 'number' || typeof r[measure] !== 'number' || !Number.isFinite(r[measure])) {
      throw new InvalidInputError(fn, `result.table[${i}].${measure} must be a finite number`, r?.[measure]);
    }
    return { ...r, chosen: r.k === result.k };
  });
  return chartSpec(fn, {
    data: { values: rows },
    encoding: {
      x: { field: 'k', type: 'ordinal', title: 'number of segments (k)', axis: { labelAngle: 0 } },
      y: { field: measure, type: 'quantitative', title: TITLES[measure], scale: { zero: false } },
    },
    layer: [
      { mark: { type: 'line', point: true } },
      { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', filled: true, size: 140, color: '#d62728' }, encoding: { tooltip: [{ field: 'k', type: 'ordinal' }, { field: measure, type: 'quantitative', format: '.4g' }] } },
    ],
  }, { title: `Choosing k: ${TITLES[measure]}`, width: 360, height: 220 }, o, ['measure']);
}
