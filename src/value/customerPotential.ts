import { finiteArray, finiteArrayInRange, sameLength } from '../core/validate.js';

/**
 * Customer potential: revenue divided by the cost of serving (acquiring and keeping) each customer.
 *
 * @remarks potentialᵢ = revenueᵢ / costᵢ. A value above 1 means the customer pays back what they cost.
 * O(n).
 * @see Kumar & Reinartz, *Customer Relationship Management* (2018), ch. 5 (customer profitability).
 * @throws {@link InvalidInputError} when an array is empty, holds a non-finite number, or a cost is ≤ 0
 * @throws {@link DimensionMismatchError} when the two arrays differ in length
 * @example
 * ```ts
 * import { customerPotential } from 'crmkit/value';
 * customerPotential([500, 120], [100, 150]); // => [5, 0.8]
 * ```
 * @category Closed-form metrics
 */
export function customerPotential(revenue: ArrayLike<number>, cost: ArrayLike<number>): number[] {
  const fn = 'value/customerPotential';
  const rev = finiteArray(fn, 'revenue', revenue, 1);
  const c = finiteArrayInRange(fn, 'cost', cost, { min: 0, minExclusive: true }, 1);
  sameLength(fn, 'revenue', rev, 'cost', c);
  const out = new Array<number>(rev.length);
  for (let i = 0; i < rev.length; i++) out[i] = rev[i]! / c[i]!;
  return out;
}
