import { betaGeoExpected } from './fitBetaGeo.js';
import type { PurchaseModel } from './models.js';
import { finiteResult, horizon, purchaseModel } from './_predict.js';

/**
 * Expected number of purchases of a newly acquired customer in the first t time units.
 *
 * @remarks BG/NBD: (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 * @see Fader, Hardie & Lee (2005), eq. (9); lifetimes `expected_number_of_purchases_up_to_time`.
 * @throws {@link ModelFormatError} when `model` is not a purchase model
 * @throws {@link InvalidOptionError} when t is negative or not finite
 * @example
 * ```ts
 * import { expectedPurchases } from 'crmkit/value';
 * // BG/NBD parameters published for CDNOW (weeks)
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * expectedPurchases(model, 39).toFixed(4); // => '1.1950'
 * ```
 * @category Predictions
 */
export function expectedPurchases(model: PurchaseModel, t: number): number {
  const fn = 'value/expectedPurchases';
  const m = purchaseModel(fn, model);
  const tt = horizon(fn, 't', t);
  switch (m.kind) {
    case 'betaGeo':
      return finiteResult(fn, betaGeoExpected(m.params, tt), 'the expectation');
  }
}
