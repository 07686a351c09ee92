import { ModelFormatError } from '../core/errors.js';
import { finiteArray } from '../core/validate.js';
import { betaGeoExpected } from './fitBetaGeo.js';
import { modifiedBetaGeoExpected } from './fitModifiedBetaGeo.js';
import { paretoNbdExpected } from './fitParetoNbd.js';
import type { ContinuousPurchaseModel } from './models.js';
import { purchaseModel } from './_predict.js';

/**
 * Expected cumulative repeat purchases of a cohort on a calendar clock — the tracking plot of
 * Fader, Hardie & Lee (2005), Figure 2 — to draw beside the actual cumulative curve.
 *
 * @remarks curve(t) = Σᵢ E[X(max(0, t − sᵢ))], where sᵢ is customer i's first-purchase time on the same
 * clock and E[X(·)] the new-customer expectation. Customers sharing a first-purchase time are
 * evaluated once: O(distinct sᵢ × times).
 * @see Fader, Hardie & Lee (2005), Figure 2; lifetimes `plot_cumulative_transactions`.
 * @throws {@link ModelFormatError} when the model is not a continuous-time purchase model
 * @throws {@link InvalidInputError} when a first-purchase time or a time is not finite
 * @example
 * ```ts
 * import { expectedRepeatCurve } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * expectedRepeatCurve(model, [0, 0, 1.5], [0, 1, 2]).map((v) => v.toFixed(3)); // => ['0.000', '0.106', '0.233']
 * ```
 * @category Model checks
 */
export function expectedRepeatCurve(model: ContinuousPurchaseModel, firstPurchaseTimes: ArrayLike<number>, times: ArrayLike<number>): number[] {
  const fn = 'value/expectedRepeatCurve';
  const m = purchaseModel(fn, model);
  if (m.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'model must be a continuous-time purchase model', m.kind);
  const s = finiteArray(fn, 'firstPurchaseTimes', firstPurchaseTimes, 1);
  const t = finiteArray(fn, 'times', times);
  const births = new Map<number, number>();
  for (const v of s) births.set(v, (births.get(v) ?? 0) + 1);
  const expected = (u: number): number => {
    if (u <= 0) return 0;
    switch (m.kind) {
      case 'betaGeo':
        return betaGeoExpected(m.params, u);
      case 'modifiedBetaGeo':
        return modifiedBetaGeoExpected(m.params, u);
      case 'paretoNbd':
        return paretoNbdExpected(m.params, u);
    }
  };
  return Array.from(t, (tt) => {
    let sum = 0;
    for (const [b, k] of births) sum += k * expected(tt - b);
    return sum;
  });
}
