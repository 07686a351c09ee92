import type { BtydCustomer } from './_btyd.js';
import { betaGeoAlive } from './fitBetaGeo.js';
import { betaGeoBetaBinomAlive, type DiscreteCustomer } from './fitBetaGeoBetaBinom.js';
import { modifiedBetaGeoAlive } from './fitModifiedBetaGeo.js';
import { paretoNbdAlive } from './fitParetoNbd.js';
import type { ContinuousPurchaseModel, DiscretePurchaseModel, PurchaseModel } from './models.js';
import { coreErrorsAs, customerColumns, discreteColumns, finiteResult, purchaseModel } from './_predict.js';

/**
 * Probability that each customer is still "alive" (has not dropped out) at the end of observation
 * (for BG/BB: alive in period n + 1).
 *
 * @remarks BG/NBD: 1 / (1 + 1{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) — a customer without repeat
 * purchases is alive with probability 1 under BG/NBD (drop-out only happens after a purchase): a known
 * property of the model, not a bug; fit MBG/NBD (`fitModifiedBetaGeo`) when one-time buyers may be gone;
 * MBG/NBD: 1 / (1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)); Pareto/NBD: the no-drop-out term of the likelihood
 * over the likelihood; BG/BB: Fader, Hardie & Shang (2010) eq. (11). O(n).
 * @see Fader, Hardie & Lee (2005) eq. (11); lifetimes `conditional_probability_alive`.
 * @throws {@link ModelFormatError} when `model` is not a purchase model
 * @throws {@link InvalidInputError} on a malformed customer
 * @example
 * ```ts
 * import { probabilityAlive } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * probabilityAlive(model, [{ frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 0, recency: 0, T: 38.86 }]).map((v) => v.toFixed(4)); // => ['0.7266', '1.0000']
 * ```
 * @category Predictions
 */
export function probabilityAlive(model: ContinuousPurchaseModel, customers: readonly BtydCustomer[]): number[];
export function probabilityAlive(model: DiscretePurchaseModel, customers: readonly DiscreteCustomer[]): number[];
export function probabilityAlive(model: PurchaseModel, customers: readonly (BtydCustomer | DiscreteCustomer)[]): number[] {
  const fn = 'value/probabilityAlive';
  const m = purchaseModel(fn, model);
  if (m.kind === 'betaGeoBetaBinom') {
    const d = discreteColumns(fn, customers);
    return Array.from(d.x, (x, i) => finiteResult(fn, betaGeoBetaBinomAlive(m.params, x, d.tx[i]!, d.n[i]!), `P(alive) of customers[${i}]`));
  }
  const { x, tx, T } = customerColumns(fn, customers);
  const out = new Array<number>(x.length);
  coreErrorsAs(fn, () => {
    for (let i = 0; i < x.length; i++) out[i] = finiteResult(fn, aliveOne(m, x[i]!, tx[i]!, T[i]!), `P(alive) of customers[${i}]`);
  });
  return out;
}

/** P(alive | x, t_x, T) of one customer under a continuous-time model (no validation). @internal */
export function aliveOne(m: ContinuousPurchaseModel, x: number, tx: number, T: number): number {
  switch (m.kind) {
    case 'betaGeo':
      return betaGeoAlive(m.params, x, tx, T);
    case 'modifiedBetaGeo':
      return modifiedBetaGeoAlive(m.params, x, tx, T);
    case 'paretoNbd':
      return paretoNbdAlive(m.params, x, tx, T);
  }
}
