import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { normalIsf, studentTIsf } from '../core/special/index.js';
import { arrayLike, integerInRange, openUnitInterval, options as checkOptions } from '../core/validate.js';
import { wilson } from './conversionRate.js';

/** Options of {@link satisfactionSummary}. */
export interface SatisfactionSummaryOptions {
  /** Lowest and highest score of the (integer) scale. @defaultValue [1, 5] */
  scale?: readonly [number, number];
  /** How many of the top levels count as "satisfied" (CSAT top box: 1 = only the top, 2 = top two). @defaultValue 2 */
  topBox?: number;
  /** Confidence level of the intervals. @defaultValue 0.95 */
  confidence?: number;
}

/** Result of {@link satisfactionSummary}. */
export interface SatisfactionSummaryResult {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 when n = 1. */
  standardDeviation: number;
  /** Student-t interval of the mean (equal to the mean when n = 1 or all scores are equal). */
  meanLower: number;
  meanUpper: number;
  /** Share of scores in the top box (CSAT). */
  topBoxShare: number;
  /** Wilson interval of the top-box share. */
  topBoxLower: number;
  topBoxUpper: number;
  /** Count and share of every level of the scale, lowest first (Likert distribution). */
  distribution: { score: number; count: number; share: number }[];
}

/** Widest scale (max − min) the survey summaries accept: a 0–10,000 slider; every level gets a row of the distribution. */
const MAX_SCALE_SPAN = 10000;

/**
 * Summary of satisfaction scores on an integer (Likert / CSAT) scale: mean with a t interval, the
 * top-box share (CSAT) with a Wilson interval, and the distribution over every level.
 *
 * @remarks mean ± t_{1−(1−c)/2, n−1}·s/√n; top box = share of scores ≥ max − topBox + 1. O(n).
 * @see scipy.stats.t.interval; statsmodels `proportion_confint(method='wilson')`.
 * @throws {@link InvalidInputError} on an empty list or a score that is not an integer on the scale
 * @throws {@link InvalidOptionError} on a bad scale, topBox or confidence
 * @example
 * ```ts
 * import { satisfactionSummary } from 'crmkit/value';
 * const s = satisfactionSummary([5, 4, 4, 3, 5, 2, 4, 5, 1, 4]);
 * s.mean; // => 3.7
 * s.topBoxShare; // => 0.7
 * s.distribution.map((d) => d.count); // => [1, 1, 1, 4, 3]
 * ```
 * @category Closed-form metrics
 */
export function satisfactionSummary(scores: ArrayLike<number>, options?: SatisfactionSummaryOptions): SatisfactionSummaryResult {
  const fn = 'value/satisfactionSummary';
  const opts = checkOptions(fn, options, ['scale', 'topBox', 'confidence']);
  const scale: readonly unknown[] = opts.scale === undefined ? [1, 5] : (opts.scale as readonly unknown[]);
  if (!Array.isArray(scale) || scale.length !== 2 || !Number.isInteger(scale[0]) || !Number.isInteger(scale[1]) || !(scale[1] > scale[0])) {
    throw new InvalidOptionError(fn, 'options.scale must be [min, max] with integers min < max', scale);
  }
  const [lo, hi] = scale as [number, number];
  if (hi - lo > MAX_SCALE_SPAN) throw new InvalidOptionError(fn, `options.scale must span at most ${MAX_SCALE_SPAN} points (one count per level is kept)`, scale);
  const levels = hi - lo + 1;
  const topBox = opts.topBox === undefined ? Math.min(2, levels - 1) : integerInRange(fn, 'options.topBox', opts.topBox, { min: 1, max: levels });
  const conf = opts.confidence === undefined ? 0.95 : openUnitInterval(fn, 'options.confidence', opts.confidence);
  const arr = arrayLike<number>(fn, 'scores', scores, 1);
  const counts = new Array<number>(levels).fill(0);
  let total = 0;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new InvalidInputError(fn, `scores[${i}] must be an integer in [${lo}, ${hi}]`, v);
    counts[v - lo]!++;
    total += v;
  }
  // integer scores: the sum is exact; the variance from the level counts (two-pass, no cancellation)
  const n = arr.length;
  const mean = total / n;
  let m2 = 0;
  for (let k = 0; k < levels; k++) m2 += counts[k]! * (lo + k - mean) * (lo + k - mean);
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const half = n > 1 && sd > 0 ? (studentTIsf((1 - conf) / 2, n - 1) * sd) / Math.sqrt(n) : 0;
  let top = 0;
  for (let k = levels - topBox; k < levels; k++) top += counts[k]!;
  const [tl, tu] = wilson(top, n, normalIsf((1 - conf) / 2));
  return {
    n,
    mean,
    standardDeviation: sd,
    meanLower: mean - half,
    meanUpper: mean + half,
    topBoxShare: top / n,
    topBoxLower: tl,
    topBoxUpper: tu,
    distribution: counts.map((c, k) => ({ score: lo + k, count: c, share: c / n })),
  };
}
