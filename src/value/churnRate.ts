import { InvalidInputError } from '../core/errors.js';
import { arrayLike, sameLength } from '../core/validate.js';

/** Customer counts per period for {@link churnRate}. */
export interface ChurnCounts {
  /** Customers active at the start of each period (integers ≥ 0). */
  readonly atStart: ArrayLike<number>;
  /** Of those, customers lost during the period (integers, 0 ≤ lost ≤ atStart). */
  readonly lost: ArrayLike<number>;
}

/** Result of {@link churnRate}. */
export interface ChurnRateResult {
  /** lost / atStart per period. */
  churn: number[];
  /** 1 − churn per period. */
  retention: number[];
  /** Σ lost / Σ atStart over all periods (the customer-weighted average). */
  pooledChurn: number;
  /** 1 − pooledChurn. */
  pooledRetention: number;
}

/**
 * Churn and retention rates per period from customer counts.
 *
 * @remarks churnₜ = lostₜ / atStartₜ, retentionₜ = 1 − churnₜ; the pooled rate weights each period by
 * its customers. New customers acquired during a period are not part of `atStart` and do not enter the
 * rate. O(T).
 * @see Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1).
 * @throws {@link InvalidInputError} when counts are empty, not integers, negative, `atStart` is 0, or `lost` exceeds `atStart`
 * @throws {@link DimensionMismatchError} when the arrays differ in length
 * @example
 * ```ts
 * import { churnRate } from 'crmkit/value';
 * const r = churnRate({ atStart: [1000, 800], lost: [200, 100] });
 * r.churn; // => [0.2, 0.125]
 * r.pooledChurn; // => 0.16666666666666666
 * ```
 * @category Closed-form metrics
 */
export function churnRate(counts: ChurnCounts): ChurnRateResult {
  const fn = 'value/churnRate';
  if (counts === null || typeof counts !== 'object') throw new InvalidInputError(fn, 'counts must be an object { atStart, lost }', counts);
  const start = arrayLike<unknown>(fn, 'atStart', counts.atStart, 1);
  const lost = arrayLike<unknown>(fn, 'lost', counts.lost, 1);
  sameLength(fn, 'atStart', start, 'lost', lost);
  const churn: number[] = [];
  const retention: number[] = [];
  let sumStart = 0;
  let sumLost = 0;
  for (let i = 0; i < start.length; i++) {
    const s = start[i];
    const l = lost[i];
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 1) throw new InvalidInputError(fn, `atStart[${i}] must be an integer ≥ 1`, s);
    if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l > s) throw new InvalidInputError(fn, `lost[${i}] must be an integer in [0, atStart[${i}] = ${s}]`, l);
    churn.push(l / s);
    retention.push(1 - l / s);
    sumStart += s;
    sumLost += l;
  }
  return { churn, retention, pooledChurn: sumLost / sumStart, pooledRetention: 1 - sumLost / sumStart };
}
