import { ModelFormatError } from '../core/errors.js';
import { integerInRange } from '../core/validate.js';
import { betaGeoProbabilityOfPurchases } from './fitBetaGeo.js';
import type { PurchaseModel } from './models.js';
import { horizon, purchaseModel } from './_predict.js';

/**
 * Probability that a newly acquired customer makes exactly n purchases in the first t time units.
 *
 * @remarks BG/NBD (FHL 2005 eq. 8): B(a, b+n)/B(a, b)·NBD(n; r, α, t) + 1{n>0}·B(a+1, b+n−1)/B(a, b)·
 * [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!)·(t/(α+t))^j]. O(n). Only BG/NBD in this version.
 * @see Fader, Hardie & Lee (2005), eq. (8); lifetimes `probability_of_n_purchases_up_to_time`.
 * @throws {@link ModelFormatError} when `model` is not a BG/NBD model
 * @throws {@link InvalidInputError} when t is negative or n is not an integer ≥ 0
 * @example
 * ```ts
 * import { probabilityOfPurchases } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * probabilityOfPurchases(model, 39, 0).toFixed(4); // => '0.5743'
 * ```
 * @category Predictions
 */
export function probabilityOfPurchases(model: PurchaseModel, t: number, n: number): number {
  const fn = 'value/probabilityOfPurchases';
  const m = purchaseModel(fn, model);
  const tt = horizon(fn, 't', t);
  const k = integerInRange(fn, 'n', n, { min: 0 });
  if (m.kind !== 'betaGeo') throw new ModelFormatError(fn, "model.kind must be 'betaGeo' (the only model with this prediction so far)", m.kind);
  if (tt === 0) return k === 0 ? 1 : 0;
  return betaGeoProbabilityOfPurchases(m.params, tt, k);
}
