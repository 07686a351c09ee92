import { integerInRange } from '../core/validate.js';
import { betaGeoExpected } from './fitBetaGeo.js';
import { betaGeoBetaBinomExpected } from './fitBetaGeoBetaBinom.js';
import { modifiedBetaGeoExpected } from './fitModifiedBetaGeo.js';
import { paretoNbdExpected } from './fitParetoNbd.js';
import type { PurchaseModel } from './models.js';
import { coreErrorsAs, finiteResult, horizon, purchaseModel } from './_predict.js';

/**
 * Expected number of purchases of a newly acquired customer in the first t time units (periods for BG/BB).
 *
 * @remarks BG/NBD: (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]; MBG/NBD:
 * b/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]; Pareto/NBD: rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)];
 * BG/BB: α/(α+β)·δ/(γ−1)·[1 − Γ(γ+δ)Γ(1+δ+t)/(Γ(γ+δ+t)Γ(1+δ))] with t an integer number of periods.
 * @see Fader, Hardie & Lee (2005) eq. (9); Batislam et al. (2007); Fader, Hardie & Shang (2010) eq. (10); lifetimes `expected_number_of_purchases_up_to_time`.
 * @throws {@link ModelFormatError} when `model` is not a purchase model
 * @throws {@link InvalidInputError} when t is negative or not finite (or not an integer for BG/BB), or the expectation is not finite for these parameters
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
  if (tt === 0) return 0;
  const v = coreErrorsAs(fn, () => expectedOne(fn, m, tt));
  return finiteResult(fn, v, 'the expectation');
}

function expectedOne(fn: string, m: PurchaseModel, tt: number): number {
  let v: number;
  switch (m.kind) {
    case 'betaGeo':
      v = betaGeoExpected(m.params, tt);
      break;
    case 'modifiedBetaGeo':
      v = modifiedBetaGeoExpected(m.params, tt);
      break;
    case 'paretoNbd':
      v = paretoNbdExpected(m.params, tt);
      break;
    case 'betaGeoBetaBinom':
      v = betaGeoBetaBinomExpected(m.params, integerInRange(fn, 't', tt, { min: 0 }));
      break;
  }
  return v;
}
