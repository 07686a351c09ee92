import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import { parallel } from './_chartInput.js';
import type { RocCurveResult } from './rocCurve.js';

/** Options of {@link rocCurveChart}. */
export interface RocCurveChartOptions extends ChartOptions {
  /** The AUC to show in the title (from `rocAucScore`). */
  auc?: number;
}

/**
 * ROC curve of {@link rocCurve}: true against false positive rate, with the chance diagonal. Pass the
 * AUC (`rocAucScore`) to show it in the title. `data.values` hold one point per threshold:
 * `{ fpr, tpr, threshold }` as the result gives them.
 *
 * @throws {@link InvalidInputError} when `result` is not a rocCurve result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { rocCurve, rocCurveChart } from 'crmkit/classify';
 * const spec = rocCurveChart(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]));
 * spec.data?.values.map((p) => [p.fpr, p.tpr]); // => [[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]
 * ```
 * @category Charts
 */
export function rocCurveChart(result: RocCurveResult, options?: RocCurveChartOptions): VegaLiteSpec {
  const fn = 'classify/rocCurveChart';
  const n = parallel(fn, 'rocCurve', result, ['fpr', 'tpr', 'thresholds'], ['fpr', 'tpr']);
  const auc = options?.auc;
  if (auc !== undefined && !(typeof auc === 'number' && auc >= 0 && auc <= 1)) throw new InvalidInputError(fn, 'options.auc must be a number in [0, 1]', auc);
  const points = Array.from({ length: n }, (_, i) => ({ fpr: result.fpr[i]!, tpr: result.tpr[i]!, threshold: Number.isFinite(result.thresholds[i]!) ? result.thresholds[i]! : null }));
  return chartSpec(fn, {
    data: { values: points },
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 3], color: '#9aa5b1' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      {
        mark: { type: 'line', interpolate: 'step-after', color: '#2458b3' },
        encoding: {
          x: { field: 'fpr', type: 'quantitative', title: 'false positive rate', scale: { domain: [0, 1] } },
          y: { field: 'tpr', type: 'quantitative', title: 'true positive rate', scale: { domain: [0, 1] } },
          order: { field: 'fpr', type: 'quantitative' },
          tooltip: [{ field: 'threshold', type: 'quantitative', format: '.3g' }, { field: 'fpr', type: 'quantitative', format: '.3f' }, { field: 'tpr', type: 'quantitative', format: '.3f' }],
        },
      },
    ],
  }, { title: auc === undefined ? 'ROC curve' : `ROC curve (AUC ${auc.toFixed(3)})`, width: 300, height: 300 }, options, ['auc']);
}

