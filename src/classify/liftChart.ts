import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import type { LiftTableRow } from './liftTable.js';

/**
 * Lift by score group from {@link liftTable}: bars of each group's lift (how many times the overall
 * response rate it converts), best-scored group first, with the no-lift line at 1. `data.values`
 * are the table's rows as they are, each with its `group` number (1 = best scored).
 *
 * @throws {@link InvalidInputError} when `rows` is not a liftTable result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { liftChart, liftTable } from 'crmkit/classify';
 * const y = [1, 1, 0, 1, 0, 0, 0, 0, 0, 0];
 * const score = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
 * liftChart(liftTable(y, score, { nBins: 5 })).data?.values.map((r) => r.lift); // => [3.3333333333333335, 1.6666666666666667, 0, 0, 0]
 * ```
 * @category Charts
 */
export function liftChart(rows: readonly LiftTableRow[], options?: ChartOptions): VegaLiteSpec {
  const fn = 'classify/liftChart';
  if (!Array.isArray(rows) || rows.length === 0) throw new InvalidInputError(fn, 'rows must be a non-empty liftTable result', rows);
  const values = rows.map((r, i) => {
    if (r === null || typeof r !== 'object' || !Number.isFinite(r.lift) || !Number.isFinite(r.responseRate)) throw new InvalidInputError(fn, `rows[${i}] must be a liftTable row with a finite lift`, r);
    return { group: i + 1, ...r };
  });
  return chartSpec(fn, {
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: '#2458b3' },
        encoding: {
          x: { field: 'group', type: 'ordinal', title: `score group (1 = top ${Math.round(100 / rows.length)}%)`, axis: { labelAngle: 0 } },
          y: { field: 'lift', type: 'quantitative', title: 'lift (response rate / overall)' },
          tooltip: [{ field: 'group', type: 'ordinal' }, { field: 'count', type: 'quantitative' }, { field: 'positives', type: 'quantitative' }, { field: 'responseRate', type: 'quantitative', format: '.1%' }, { field: 'lift', type: 'quantitative', format: '.2f' }],
        },
      },
      { data: { values: [{ one: 1 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#333' }, encoding: { y: { field: 'one', type: 'quantitative' } } },
    ],
  }, { title: 'Lift by score group', width: 360, height: 220 }, options);
}

