import type { BtydCustomer } from './_btyd.js';
import { betaGeoConditional } from './fitBetaGeo.js';
import type { PurchaseModel } from './models.js';
import { customerColumns, finiteResult, horizon, purchaseModel } from './_predict.js';

/**
 * Expected purchases of each customer in the next t time units, given their history (x, t_x, T).
 *
 * @remarks BG/NBD: (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] ·
 * P(alive). O(n) hypergeometric evaluations.
 * @see Fader, Hardie & Lee (2005), eq. (10); lifetimes `conditional_expected_number_of_purchases_up_to_time`.
 * @throws {@link ModelFormatError} when `model` is not a purchase model
 * @throws {@link InvalidInputError} on a malformed customer (same checks as the fits)
 * @throws {@link InvalidOptionError} when t is negative or not finite
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * conditionalExpectedPurchases(model, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39).map((v) => v.toFixed(4)); // => ['1.2259']
 * ```
 * @category Predictions
 */
export function conditionalExpectedPurchases(model: PurchaseModel, customers: readonly BtydCustomer[], t: number): number[] {
  const fn = 'value/conditionalExpectedPurchases';
  const m = purchaseModel(fn, model);
  const tt = horizon(fn, 't', t);
  const { x, tx, T } = customerColumns(fn, customers);
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    switch (m.kind) {
      case 'betaGeo':
        out[i] = finiteResult(fn, betaGeoConditional(m.params, tt, x[i]!, tx[i]!, T[i]!), `the expectation for customers[${i}]`);
        break;
    }
  }
  return out;
}
