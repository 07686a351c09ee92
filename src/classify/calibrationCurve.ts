import * as v from '../core/validate.js';
import { binaryTruth, scores } from './_metrics.js';
import type { Label } from './_common.js';

/** Options of {@link calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** Number of bins, at most 1,000,000. @defaultValue 5 */
  nBins?: number;
  /** `uniform`: equal-width bins on [0, 1]; `quantile`: equal-count bins (edges at percentiles). @defaultValue 'uniform' */
  strategy?: 'uniform' | 'quantile';
  /** @defaultValue true for booleans, 1 for numbers (required for strings) */
  posLabel?: Label;
}

/** Result of {@link calibrationCurve}: one entry per non-empty bin. */
export interface CalibrationCurveResult {
  /** Observed share of positives in the bin. */
  probTrue: number[];
  /** Mean predicted probability in the bin. */
  probPred: number[];
  /** Rows in the bin. */
  count: number[];
}

/**
 * Reliability diagram data: do customers scored 30% convert 30% of the time?
 *
 * @remarks O(n log nBins). A probability equal to an inner edge goes to the lower bin (numpy
 * `searchsorted`, side left); empty bins are left out.
 * @see scikit-learn `sklearn.calibration.calibration_curve` (1.2)
 * @throws {@link InvalidInputError} on probabilities outside [0, 1] or more than two labels
 * @example
 * ```ts
 * import { calibrationCurve } from 'crmkit/classify';
 * calibrationCurve([0, 0, 1, 1], [0.1, 0.2, 0.7, 0.9], { nBins: 2 });
 * // => { probTrue: [0, 1], probPred: [0.15000000000000002, 0.8], count: [2, 2] }
 * ```
 * @category Metrics
 */
export function calibrationCurve(yTrue: readonly Label[], yProb: readonly number[] | Float64Array, options?: CalibrationCurveOptions): CalibrationCurveResult {
  const fn = 'classify/calibrationCurve';
  const o = v.options(fn, options, ['nBins', 'strategy', 'posLabel']);
  // Bin edges are allocated: a million bins is far beyond any reliability diagram.
  const nBins = o.nBins === undefined ? 5 : v.integerInRange(fn, 'options.nBins', o.nBins, { min: 1, max: 1e6 });
  const strategy = v.oneOf(fn, 'options.strategy', o.strategy ?? 'uniform', ['uniform', 'quantile'] as const);
  const y = binaryTruth(fn, yTrue, o.posLabel, false);
  const p = scores(fn, 'yProb', yProb, y.length, true);
  const n = y.length;
  const step = 1.0 / nBins;
  const edges = new Float64Array(nBins + 1);
  if (strategy === 'uniform') {
    for (let i = 0; i <= nBins; i++) edges[i] = i * step;
    edges[nBins] = 1.0;
  } else {
    const sorted = Float64Array.from(p).sort();
    for (let i = 0; i <= nBins; i++) {
      const qi = i === nBins ? 1.0 : i * step;
      const virt = (n - 1) * ((qi * 100) / 100);
      let prev = Math.floor(virt);
      if (prev < 0) prev = 0;
      if (prev > n - 1) prev = n - 1;
      const next = Math.min(prev + 1, n - 1);
      const g = virt - prev;
      const a = sorted[prev]!;
      const b = sorted[next]!;
      const diff = b - a;
      edges[i] = g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
    }
  }
  const sums = new Float64Array(nBins + 1);
  const trues = new Float64Array(nBins + 1);
  const totals = new Float64Array(nBins + 1);
  for (let i = 0; i < n; i++) {
    // searchsorted(edges[1:-1], p, side='left'): number of inner edges strictly below p
    let lo = 0;
    let hi = nBins - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid + 1]! < p[i]!) lo = mid + 1;
      else hi = mid;
    }
    sums[lo] = sums[lo]! + p[i]!;
    trues[lo] = trues[lo]! + y[i]!;
    totals[lo] = totals[lo]! + 1;
  }
  const out: CalibrationCurveResult = { probTrue: [], probPred: [], count: [] };
  for (let b = 0; b <= nBins; b++) {
    if (totals[b] === 0) continue;
    out.probTrue.push(trues[b]! / totals[b]!);
    out.probPred.push(sums[b]! / totals[b]!);
    out.count.push(totals[b]!);
  }
  return out;
}
