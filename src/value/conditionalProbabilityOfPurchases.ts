import { ModelFormatError } from '../core/errors.js';
import { integerInRange } from '../core/validate.js';
import { MAX_FREQUENCY } from './_btyd.js';
import type { BtydCustomer } from './_btyd.js';
import { betaGeoAlive, betaGeoProbabilityOfPurchases } from './fitBetaGeo.js';
import { modifiedBetaGeoAlive } from './fitModifiedBetaGeo.js';
import { paretoNbdAlive, paretoNbdProbabilityOfPurchases } from './fitParetoNbd.js';
import type { ContinuousPurchaseModel } from './models.js';
import { coreErrorsAs, customerColumns, finiteResult, horizon, purchaseModel } from './_predict.js';

/**
 * Probability that each customer makes exactly n purchases in the next t time units, given their
 * history (frequency, recency, T): BG/NBD, MBG/NBD and Pareto/NBD.
 *
 * @remarks Given alive at T, the posterior of a customer's rates is the prior updated by the history —
 * BG/NBD: λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x); MBG/NBD: the same with p ~ Beta(a, b+x+1) (the coin
 * at time 0 was survived too), after which purchases go as in BG/NBD; Pareto/NBD: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T) —
 * and the future is that of a new customer with those parameters. So P(N = n | history) =
 * (1 − P(alive))·1{n=0} + P(alive)·P_new(N(t) = n) with the updated parameters, where P_new is
 * `probabilityOfPurchases` (FHL 2005 eq. 8 for BG/NBD; the Lomax-lifetime quadrature for Pareto/NBD,
 * accurate where Fader & Hardie's closed form of note 028 cancels). O(n + quadrature) per customer.
 * @see lifetimes `ParetoNBDFitter.conditional_probability_of_n_purchases_up_to_time`; Fader & Hardie,
 * "Deriving the conditional PMF of the Pareto/NBD model" (note 028).
 * @throws {@link ModelFormatError} when the model is not BG/NBD, MBG/NBD or Pareto/NBD
 * @throws {@link InvalidInputError} on a malformed customer, a negative t or a non-integer n
 * @example
 * ```ts
 * import { conditionalProbabilityOfPurchases } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const c = [{ frequency: 2, recency: 30.43, T: 38.86 }];
 * conditionalProbabilityOfPurchases(model, c, 39, 0).map((v) => v.toFixed(4)); // => ['0.4454']
 * ```
 * @category Predictions
 */
export function conditionalProbabilityOfPurchases(model: ContinuousPurchaseModel, customers: readonly BtydCustomer[], t: number, n: number): number[] {
  const fn = 'value/conditionalProbabilityOfPurchases';
  const m = purchaseModel(fn, model);
  if (m.kind !== 'betaGeo' && m.kind !== 'modifiedBetaGeo' && m.kind !== 'paretoNbd') throw new ModelFormatError(fn, "model.kind must be 'betaGeo', 'modifiedBetaGeo' or 'paretoNbd'", m.kind);
  const tt = horizon(fn, 't', t);
  const k = integerInRange(fn, 'n', n, { min: 0, max: MAX_FREQUENCY });
  const { x, tx, T } = customerColumns(fn, customers);
  const out = new Array<number>(x.length);
  coreErrorsAs(fn, () => {
    for (let i = 0; i < x.length; i++) {
      let v: number;
      if (tt === 0) v = k === 0 ? 1 : 0;
      else if (m.kind === 'betaGeo') {
        const { r, alpha, a, b } = m.params;
        const alive = betaGeoAlive(m.params, x[i]!, tx[i]!, T[i]!);
        v = (k === 0 ? 1 - alive : 0) + alive * betaGeoProbabilityOfPurchases({ r: r + x[i]!, alpha: alpha + T[i]!, a, b: b + x[i]! }, tt, k);
      } else if (m.kind === 'modifiedBetaGeo') {
        // alive at T, the time-0 coin already survived: p ~ Beta(a, b + x + 1); from T on the coin is
        // tossed after each purchase, as in BG/NBD
        const { r, alpha, a, b } = m.params;
        const alive = modifiedBetaGeoAlive(m.params, x[i]!, tx[i]!, T[i]!);
        v = (k === 0 ? 1 - alive : 0) + alive * betaGeoProbabilityOfPurchases({ r: r + x[i]!, alpha: alpha + T[i]!, a, b: b + x[i]! + 1 }, tt, k);
      } else {
        const { r, alpha, s, beta } = m.params;
        const alive = paretoNbdAlive(m.params, x[i]!, tx[i]!, T[i]!);
        v = (k === 0 ? 1 - alive : 0) + alive * paretoNbdProbabilityOfPurchases({ r: r + x[i]!, alpha: alpha + T[i]!, s, beta: beta + T[i]! }, tt, k);
      }
      out[i] = finiteResult(fn, v, `the probability for customers[${i}]`);
    }
  });
  return out;
}
