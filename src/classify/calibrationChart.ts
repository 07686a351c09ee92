import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { parallel } from './_chartInput.js';
import type { CalibrationCurveResult } from './calibrationCurve.js';

/**
 * Reliability diagram of {@link calibrationCurve}: observed share of positives against mean predicted
 * probability per bin, with the perfectly calibrated diagonal; point size is the bin's row count.
 * `data.values` hold one point per bin: `{ probPred, probTrue, count }` as the result gives them.
 *
 * @throws {@link InvalidInputError} when `result` is not a calibrationCurve result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { calibrationChart, calibrationCurve } from 'crmkit/classify';
 * const spec = calibrationChart(calibrationCurve([0, 0, 1, 1, 1], [0.1, 0.3, 0.6, 0.7, 0.9], { nBins: 2 }));
 * spec.data?.values.map((p) => p.count); // => [2, 3]
 * ```
 * @category Charts
 */
export function calibrationChart(result: CalibrationCurveResult, options?: ChartOptions): VegaLiteSpec {
  const fn = 'classify/calibrationChart';
  const n = parallel(fn, 'calibrationCurve', result, ['probPred', 'probTrue', 'count'], ['probPred', 'probTrue']);
  const points = Array.from({ length: n }, (_, i) => ({ probPred: result.probPred[i]!, probTrue: result.probTrue[i]!, count: result.count[i]! }));
  return chartSpec(fn, {
    data: { values: points },
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 3], color: '#9aa5b1' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      {
        mark: { type: 'line', point: true, color: '#2458b3' },
        encoding: {
          x: { field: 'probPred', type: 'quantitative', title: 'mean predicted probability', scale: { domain: [0, 1] } },
          y: { field: 'probTrue', type: 'quantitative', title: 'observed share of positives', scale: { domain: [0, 1] } },
          tooltip: [{ field: 'probPred', type: 'quantitative', format: '.3f' }, { field: 'probTrue', type: 'quantitative', format: '.3f' }, { field: 'count', type: 'quantitative' }],
        },
      },
    ],
  }, { title: 'Calibration (reliability diagram)', width: 300, height: 300 }, options);
}
