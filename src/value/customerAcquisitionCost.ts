import { InvalidInputError } from '../core/errors.js';
import { integerInRange, numberInRange } from '../core/validate.js';

/** Inputs of {@link customerAcquisitionCost}. */
export interface AcquisitionSpend {
  /** Marketing and sales spend over the period (≥ 0). */
  readonly spend: number;
  /** New customers acquired over the same period (integer ≥ 1). */
  readonly newCustomers: number;
}

/**
 * Customer acquisition cost (CAC): spend per new customer.
 *
 * @remarks CAC = spend / newCustomers. O(1).
 * @see Kumar & Reinartz, *Customer Relationship Management* (2018), ch. 5.
 * @throws {@link InvalidInputError} when `spend` is negative or non-finite, or `newCustomers` is not an integer ≥ 1
 * @example
 * ```ts
 * import { customerAcquisitionCost } from 'crmkit/value';
 * customerAcquisitionCost({ spend: 12000, newCustomers: 300 }); // => 40
 * ```
 * @category Closed-form metrics
 */
export function customerAcquisitionCost(input: AcquisitionSpend): number {
  const fn = 'value/customerAcquisitionCost';
  if (input === null || typeof input !== 'object') throw new InvalidInputError(fn, 'input must be an object { spend, newCustomers }', input);
  const spend = numberInRange(fn, 'spend', input.spend, { min: 0 });
  const n = integerInRange(fn, 'newCustomers', input.newCustomers, { min: 1 });
  return spend / n;
}
