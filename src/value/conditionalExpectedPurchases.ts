import { integerInRange } from '../core/validate.js';
import type { BtydCustomer } from './_btyd.js';
import { betaGeoConditional } from './fitBetaGeo.js';
import { betaGeoBetaBinomConditional, type DiscreteCustomer } from './fitBetaGeoBetaBinom.js';
import { modifiedBetaGeoConditional } from './fitModifiedBetaGeo.js';
import { paretoNbdConditional } from './fitParetoNbd.js';
import type { ContinuousPurchaseModel, DiscretePurchaseModel, PurchaseModel } from './models.js';
import { coreErrorsAs, customerColumns, discreteColumns, finiteResult, horizon, purchaseModel } from './_predict.js';

/**
 * Expected purchases of each customer in the next t time units (periods for BG/BB), given their history.
 *
 * @remarks BG/NBD: (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]·P(alive);
 * MBG/NBD: Batislam et al. (2007) eq. (15); Pareto/NBD: P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 −
 * ((β+T)/(β+T+t))^(s−1)]; BG/BB: Fader, Hardie & Shang (2010) eq. (13). O(n).
 * @see lifetimes `conditional_expected_number_of_purchases_up_to_time`.
 * @throws {@link ModelFormatError} when `model` is not a purchase model
 * @throws {@link InvalidInputError} on a malformed customer (same checks as the fits)
 * @throws {@link InvalidInputError} when t is negative or not finite (or not an integer for BG/BB)
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * conditionalExpectedPurchases(model, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39).map((v) => v.toFixed(4)); // => ['1.2259']
 * ```
 * @category Predictions
 */
export function conditionalExpectedPurchases(model: ContinuousPurchaseModel, customers: readonly BtydCustomer[], t: number): number[];
export function conditionalExpectedPurchases(model: DiscretePurchaseModel, customers: readonly DiscreteCustomer[], t: number): number[];
export function conditionalExpectedPurchases(model: PurchaseModel, customers: readonly (BtydCustomer | DiscreteCustomer)[], t: number): number[] {
  const fn = 'value/conditionalExpectedPurchases';
  const m = purchaseModel(fn, model);
  const tt = horizon(fn, 't', t);
  if (m.kind === 'betaGeoBetaBinom') {
    const ts = integerInRange(fn, 't', tt, { min: 0 });
    const d = discreteColumns(fn, customers);
    return Array.from(d.x, (x, i) => (ts === 0 ? 0 : finiteResult(fn, betaGeoBetaBinomConditional(m.params, ts, x, d.tx[i]!, d.n[i]!), `the expectation for customers[${i}]`)));
  }
  const { x, tx, T } = customerColumns(fn, customers);
  const out = new Array<number>(x.length);
  coreErrorsAs(fn, () => {
    for (let i = 0; i < x.length; i++) out[i] = finiteResult(fn, conditionalOne(m, tt, x[i]!, tx[i]!, T[i]!), `the expectation for customers[${i}]`);
  });
  return out;
}

/** E[Y(t) | x, t_x, T] of one customer under a continuous-time model (no validation). @internal */
export function conditionalOne(m: ContinuousPurchaseModel, t: number, x: number, tx: number, T: number): number {
  switch (m.kind) {
    case 'betaGeo':
      return betaGeoConditional(m.params, t, x, tx, T);
    case 'modifiedBetaGeo':
      return modifiedBetaGeoConditional(m.params, t, x, tx, T);
    case 'paretoNbd':
      return t === 0 ? 0 : paretoNbdConditional(m.params, t, x, tx, T);
  }
}
