import { InvalidInputError } from '../core/errors.js';
import { numberInRange } from '../core/validate.js';

/** Inputs of {@link retentionClv}. */
export interface RetentionClvInput {
  /** Margin per customer per period (may be negative). */
  readonly margin: number;
  /** Probability a customer is retained from one period to the next, in [0, 1]. */
  readonly retentionRate: number;
  /** Discount rate per period, > −1. */
  readonly discountRate: number;
}

/**
 * The simple retention-based CLV: an infinite-horizon geometric series of margins.
 *
 * @remarks CLV = m · ρ / (1 + d − ρ), the value of the margins from period 1 onwards of a customer
 * retained each period with probability ρ, discounted at d (margins received at period end;
 * add m for a margin received today). Requires 1 + d − ρ > 0. O(1).
 * @see Gupta & Lehmann (2003), "Customers as assets", J. Interactive Marketing 17(1).
 * @throws {@link InvalidInputError} when a field is non-finite, `retentionRate` is outside [0, 1], or 1 + d − ρ ≤ 0
 * @example
 * ```ts
 * import { retentionClv } from 'crmkit/value';
 * retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }); // => 266.66666666666663
 * ```
 * @category Closed-form metrics
 */
export function retentionClv(input: RetentionClvInput): number {
  const fn = 'value/retentionClv';
  if (input === null || typeof input !== 'object') throw new InvalidInputError(fn, 'input must be an object { margin, retentionRate, discountRate }', input);
  const m = numberInRange(fn, 'margin', input.margin, {});
  const rho = numberInRange(fn, 'retentionRate', input.retentionRate, { min: 0, max: 1 });
  const d = numberInRange(fn, 'discountRate', input.discountRate, { min: -1, minExclusive: true });
  const denom = 1 + d - rho;
  if (!(denom > 0)) throw new InvalidInputError(fn, '1 + discountRate − retentionRate must be > 0', denom);
  return (m * rho) / denom;
}
