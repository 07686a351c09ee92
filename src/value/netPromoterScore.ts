import { InvalidInputError } from '../core/errors.js';
import { normalIsf } from '../core/special/index.js';
import { arrayLike, openUnitInterval, options as checkOptions } from '../core/validate.js';

/** Options of {@link netPromoterScore}. */
export interface NetPromoterScoreOptions {
  /** Confidence level of the interval. @defaultValue 0.95 */
  confidence?: number;
}

/** Result of {@link netPromoterScore}. */
export interface NetPromoterScoreResult {
  n: number;
  /** Counts of scores 9–10, 7–8 and 0–6. */
  promoters: number;
  passives: number;
  detractors: number;
  /** NPS = 100·(promoters − detractors)/n, in [−100, 100]. */
  nps: number;
  /** Standard error of the NPS (same scale). */
  standardError: number;
  /** Normal-approximation interval, clipped to [−100, 100]. */
  lower: number;
  upper: number;
}

/**
 * Net Promoter Score from 0–10 "would you recommend us" answers, with a confidence interval.
 *
 * @remarks With shares p₊ (9–10) and p₋ (0–6): NPS = 100(p₊ − p₋); the score of one answer is +1, 0 or
 * −1, so Var = (p₊ + p₋ − (p₊ − p₋)²)/n and the interval is NPS ± z·100·√Var (normal approximation;
 * rough below ~30 answers). O(n).
 * @see Reichheld (2003), "The one number you need to grow", HBR; Rocks (2016) on the NPS variance.
 * @throws {@link InvalidInputError} on an empty list or an answer that is not an integer 0–10
 * @throws {@link InvalidOptionError} when `confidence` is not in (0, 1)
 * @example
 * ```ts
 * import { netPromoterScore } from 'crmkit/value';
 * const r = netPromoterScore([10, 9, 9, 8, 7, 6, 10, 3, 9, 8]);
 * r.nps; // => 30
 * [r.promoters, r.passives, r.detractors]; // => [5, 3, 2]
 * ```
 * @category Closed-form metrics
 */
export function netPromoterScore(scores: ArrayLike<number>, options?: NetPromoterScoreOptions): NetPromoterScoreResult {
  const fn = 'value/netPromoterScore';
  const opts = checkOptions(fn, options, ['confidence']);
  const conf = opts.confidence === undefined ? 0.95 : openUnitInterval(fn, 'options.confidence', opts.confidence);
  const arr = arrayLike<number>(fn, 'scores', scores, 1);
  let pro = 0;
  let pas = 0;
  let det = 0;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) throw new InvalidInputError(fn, `scores[${i}] must be an integer in [0, 10]`, v);
    if (v >= 9) pro++;
    else if (v >= 7) pas++;
    else det++;
  }
  const n = arr.length;
  const pp = pro / n;
  const pd = det / n;
  const diff = pp - pd;
  const se = 100 * Math.sqrt(Math.max(0, pp + pd - diff * diff) / n);
  const z = normalIsf((1 - conf) / 2);
  const nps = 100 * diff;
  return { n, promoters: pro, passives: pas, detractors: det, nps, standardError: se, lower: Math.max(-100, nps - z * se), upper: Math.min(100, nps + z * se) };
}
