import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { normalIsf, normalSf } from '../core/special/index.js';
import { openUnitInterval, options as checkOptions } from '../core/validate.js';
import { wilson } from './conversionRate.js';
import { netPromoterScore, type NetPromoterScoreResult } from './netPromoterScore.js';
import { satisfactionSummary, type SatisfactionSummaryResult } from './satisfactionSummary.js';

/** Options of {@link likertSummary}. */
export interface LikertSummaryOptions {
  /** Lowest and highest score of the integer scale: `[1, 5]`, `[1, 7]`, `[0, 10]` (NPS). Required. */
  scale: readonly [number, number];
  /** Confidence level of every interval. @defaultValue 0.95 */
  confidence?: number;
  /** A second group of scores (same scale) to compare with by the Mann–Whitney U test. */
  compareWith?: ArrayLike<number>;
}

/** Result of {@link likertSummary}. */
export interface LikertSummaryResult extends SatisfactionSummaryResult {
  /** Share of the two lowest levels, with its Wilson interval. */
  bottomBoxShare: number;
  bottomBoxLower: number;
  bottomBoxUpper: number;
  /** CSAT: the top-2-box share in percent (`topBoxShare` × 100). */
  csat: number;
  /** Net Promoter Score with its standard error, only on the 0–10 scale. */
  nps?: NetPromoterScoreResult;
  /** With `compareWith`: the two-sided Mann–Whitney U test of this group against the other. */
  comparison?: MannWhitneyResult;
}

/** Mann–Whitney U test of two groups. */
export interface MannWhitneyResult {
  /** U of the first group (scipy's `statistic`). */
  u: number;
  /** Normal-approximation z with tie and continuity corrections. */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Probability that a random score of the first group beats one of the second, ties counted half (U / (n₁n₂)). */
  commonLanguageEffect: number;
}

/**
 * Likert and satisfaction survey summary: the distribution, the mean with a t interval, top-2-box and
 * bottom-2-box shares with Wilson intervals, CSAT, NPS with its standard error on the 0–10 scale, and an
 * optional two-group comparison by the Mann–Whitney U test.
 *
 * @remarks Everything of `satisfactionSummary` (top box = the two highest levels); bottom box = the two
 * lowest; NPS as `netPromoterScore`. Mann–Whitney: U₁ = R₁ − n₁(n₁+1)/2 with mid-ranks, z = (U₁ −
 * n₁n₂/2 ∓ ½)/σ with σ² = n₁n₂/12·((n+1) − Σ(t³−t)/(n(n−1))) — scipy's `mannwhitneyu(x, y,
 * method='asymptotic')` with its default continuity correction (Likert data are always tied, so the
 * exact distribution does not apply). O(n + levels).
 * @see Mann & Whitney (1947); scipy.stats.mannwhitneyu.
 * @throws {@link InvalidInputError} on an empty group or a score off the scale
 * @throws {@link InvalidOptionError} on a missing or malformed scale
 * @example
 * ```ts
 * import { likertSummary } from 'crmkit/value';
 * const s = likertSummary([5, 4, 4, 3, 5, 2, 4, 5, 1, 4], { scale: [1, 5], compareWith: [3, 2, 4, 3, 2, 1, 3, 2] });
 * [s.csat, s.bottomBoxShare, s.comparison!.u]; // => [70, 0.2, 62.5]
 * s.comparison!.pValue.toFixed(4); // => '0.0453'
 * ```
 * @category Satisfaction
 */
export function likertSummary(responses: ArrayLike<number>, options: LikertSummaryOptions): LikertSummaryResult {
  const fn = 'value/likertSummary';
  const opts = checkOptions(fn, options, ['scale', 'confidence', 'compareWith']);
  if (opts.scale === undefined) throw new InvalidOptionError(fn, 'options.scale ([min, max]) is required', undefined);
  const conf = opts.confidence === undefined ? 0.95 : openUnitInterval(fn, 'options.confidence', opts.confidence);
  const base = relabel(fn, () => satisfactionSummary(responses, { scale: opts.scale!, topBox: 2, confidence: conf }));
  const bottom = base.distribution[0]!.count + (base.distribution[1]?.count ?? 0);
  const [bl, bu] = wilson(bottom, base.n, normalIsf((1 - conf) / 2));
  const out: LikertSummaryResult = { ...base, bottomBoxShare: bottom / base.n, bottomBoxLower: bl, bottomBoxUpper: bu, csat: base.topBoxShare * 100 };
  if (opts.scale[0] === 0 && opts.scale[1] === 10) out.nps = netPromoterScore(responses, { confidence: conf });
  if (opts.compareWith !== undefined) {
    const other = relabel(fn, () => satisfactionSummary(opts.compareWith!, { scale: opts.scale!, topBox: 2, confidence: conf }), 'options.compareWith');
    out.comparison = mannWhitney(base.distribution.map((d) => d.count), other.distribution.map((d) => d.count));
  }
  return out;
}

function relabel<T>(fn: string, body: () => T, name = 'responses'): T {
  try {
    return body();
  } catch (e) {
    const text = (m: string): string => m.replace(/^value\/satisfactionSummary: /, '').replace(/^scores/, name).replace(/; received [\s\S]*$/, '');
    if (e instanceof InvalidInputError) throw new InvalidInputError(fn, text(e.message), e.received);
    if (e instanceof InvalidOptionError) throw new InvalidOptionError(fn, text(e.message), e.received);
    throw e;
  }
}

/** Mann–Whitney U from per-level counts of two groups on the same ordered scale (mid-ranks per level). */
export function mannWhitney(c1: readonly number[], c2: readonly number[]): MannWhitneyResult {
  let n1 = 0;
  let n2 = 0;
  for (let k = 0; k < c1.length; k++) {
    n1 += c1[k]!;
    n2 += c2[k]!;
  }
  const n = n1 + n2;
  let below = 0;
  let r1 = 0;
  let ties = 0;
  for (let k = 0; k < c1.length; k++) {
    const t = c1[k]! + c2[k]!;
    if (t === 0) continue;
    r1 += c1[k]! * (below + (t + 1) / 2);
    ties += t * t * t - t;
    below += t;
  }
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const mu = (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  const d = u - mu;
  const z = sigma > 0 ? (d - 0.5 * Math.sign(d)) / sigma : 0;
  const pValue = sigma > 0 ? Math.min(1, 2 * normalSf(Math.abs(z))) : 1;
  return { u, z, pValue, commonLanguageEffect: u / (n1 * n2) };
}

