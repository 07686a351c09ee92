import { finiteArray, integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { poissonSf } from '../core/special/discrete.js';
import { poissonLogUpperTail } from './_poisson.js';

/** Options of {@link detectSpikes}. */
export interface DetectSpikesOptions {
  /**
   * `'zscore'`: (x − mean) / sd of the trailing window; `'poisson'`: −log10 P(X ≥ x) for X ~
   * Poisson(mean of the trailing window), better for small counts.
   * @defaultValue 'zscore'
   */
  method?: 'zscore' | 'poisson';
  /** How many previous buckets form the baseline (the current bucket is not part of it). @defaultValue 7 */
  window?: number;
  /**
   * Flag a bucket when its score is at least this (and its value exceeds the baseline mean). For
   * `'poisson'`, 3 means P(X ≥ x) ≤ 0.001.
   * @defaultValue 3
   */
  threshold?: number;
  /**
   * Fewest previous buckets needed before a bucket is scored (series start); at least 2 for
   * `'zscore'`, 1 for `'poisson'`.
   * @defaultValue window
   */
  minPeriods?: number;
  /** Floor of the baseline standard deviation for `'zscore'` (a flat baseline would divide by 0). @defaultValue 1 */
  minStd?: number;
  /** Floor of the Poisson mean for `'poisson'` (an all-zero baseline would make any post infinitely unlikely). @defaultValue 1 */
  minExpected?: number;
}

/** A flagged bucket. */
export interface Spike {
  /** Position in the series. */
  index: number;
  value: number;
  /** Mean of the baseline window. */
  expected: number;
  score: number;
}

/** Result of {@link detectSpikes}; arrays are aligned with the input series. */
export interface DetectSpikesResult {
  /** Score per bucket; `null` for the first buckets, which have fewer than `minPeriods` previous values. */
  scores: (number | null)[];
  /** Baseline mean per bucket; `null` where the bucket is not scored. */
  expected: (number | null)[];
  flagged: boolean[];
  spikes: Spike[];
}

const FN = 'text/detectSpikes';
const LN10 = Math.log(10);

/**
 * Flags buckets of a count series that stand out from the preceding window: brand-mention bursts that
 * need attention.
 *
 * @remarks
 * For bucket i the baseline is the `window` values before it (i − window … i − 1; fewer near the
 * start). Buckets with fewer than `minPeriods` previous values are not scored (`scores[i] = null`,
 * never flagged): with the defaults the first `window` buckets are a warm-up. zscore: (x − m) /
 * max(s, minStd) with m the mean and s the sample standard deviation (n − 1) of the baseline. poisson:
 * −log10 P(X ≥ x), X ~ Poisson(max(m, minExpected)), with scores finite far beyond double underflow. A bucket is flagged when its score ≥ threshold and x > m. Cost O(n ×
 * window). The Poisson tail is core's `poissonSf`; where it underflows (p below 1e-290) a private
 * log-space series takes over (checked against mpmath).
 *
 * @see Twitter's AnomalyDetection / the "three-sigma" rule on a trailing window; scipy.stats.poisson.sf
 * @throws {@link InvalidInputError} when series holds a non-finite or negative value
 * @throws {@link InvalidOptionError} on a bad option
 * @example
 * ```ts
 * import { detectSpikes } from 'crmkit/text';
 * const daily = [3, 4, 2, 3, 5, 3, 4, 19, 4];
 * const r = detectSpikes(daily, { window: 7 });
 * r.flagged; // => [false, false, false, false, false, false, false, true, false]
 * r.spikes[0]!.index; // => 7
 * r.scores[0]; // => null
 * detectSpikes(daily, { method: 'poisson', window: 7 }).spikes.length; // => 1
 * ```
 * @category Monitoring
 */
export function detectSpikes(series: ArrayLike<number>, options?: DetectSpikesOptions): DetectSpikesResult {
  const x = finiteArray(FN, 'series', series);
  for (let i = 0; i < x.length; i++) {
    if (x[i]! < 0) throw new InvalidInputError(FN, `series[${i}] must be a count (>= 0)`, x[i]);
  }
  const o = checkOptions(FN, options, ['method', 'window', 'threshold', 'minPeriods', 'minStd', 'minExpected']);
  const method = o.method === undefined ? 'zscore' : oneOf(FN, 'options.method', o.method, ['zscore', 'poisson'] as const);
  const window = o.window === undefined ? 7 : integerInRange(FN, 'options.window', o.window, { min: method === 'zscore' ? 2 : 1 });
  const threshold = o.threshold === undefined ? 3 : numberInRange(FN, 'options.threshold', o.threshold, { min: 0 });
  const minP = method === 'zscore' ? 2 : 1;
  const minPeriods = o.minPeriods === undefined ? window : integerInRange(FN, 'options.minPeriods', o.minPeriods, { min: minP, max: window });
  const minStd = o.minStd === undefined ? 1 : numberInRange(FN, 'options.minStd', o.minStd, { min: 0, minExclusive: true });
  const minExpected = o.minExpected === undefined ? 1 : numberInRange(FN, 'options.minExpected', o.minExpected, { min: 0, minExclusive: true });
  if (method === 'poisson') {
    for (let i = 0; i < x.length; i++) {
      if (!Number.isInteger(x[i])) throw new InvalidOptionError(FN, `method 'poisson' needs integer counts; series[${i}] is not one`, x[i]);
    }
  }
  const scores: (number | null)[] = [];
  const expected: (number | null)[] = [];
  const flagged: boolean[] = [];
  const spikes: Spike[] = [];
  for (let i = 0; i < x.length; i++) {
    const lo = Math.max(0, i - window);
    const n = i - lo;
    if (n < minPeriods) {
      scores.push(null);
      expected.push(null);
      flagged.push(false);
      continue;
    }
    let sum = 0;
    for (let j = lo; j < i; j++) sum += x[j]!;
    const mean = sum / n;
    let score: number;
    if (method === 'zscore') {
      let ss = 0;
      for (let j = lo; j < i; j++) ss += (x[j]! - mean) ** 2;
      const sd = Math.sqrt(ss / (n - 1));
      score = (x[i]! - mean) / Math.max(sd, minStd);
    } else {
      const mu = Math.max(mean, minExpected);
      // core's poissonSf(x − 1, μ) = P(X ≥ x); below ~1e-300 it underflows, so the log-space tail takes over.
      const p = poissonSf(x[i]! - 1, mu);
      score = p > 1e-290 ? -Math.log10(p) : -poissonLogUpperTail(x[i]!, mu) / LN10;
      if (score === 0) score = 0; // -0 → 0
    }
    const flag = score >= threshold && x[i]! > mean;
    scores.push(score);
    expected.push(mean);
    flagged.push(flag);
    if (flag) spikes.push({ index: i, value: x[i]!, expected: mean, score });
  }
  return { scores, expected, flagged, spikes };
}
