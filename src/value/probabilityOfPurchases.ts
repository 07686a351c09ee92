import { integerInRange } from '../core/validate.js';
import { MAX_FREQUENCY } from './_btyd.js';
import { betaGeoProbabilityOfPurchases } from './fitBetaGeo.js';
import { betaGeoBetaBinomProbabilityOfPurchases, MAX_PERIODS } from './fitBetaGeoBetaBinom.js';
import { modifiedBetaGeoProbabilityOfPurchases } from './fitModifiedBetaGeo.js';
import { paretoNbdProbabilityOfPurchases } from './fitParetoNbd.js';
import type { PurchaseModel } from './models.js';
import { coreErrorsAs, finiteResult, horizon, purchaseModel } from './_predict.js';

/**
 * Probability that a newly acquired customer makes exactly n repeat purchases in the first t time units
 * (BG/BB: in the first t transaction opportunities).
 *
 * @remarks With NBD(j) = Γ(r+j)/(Γ(r) j!)·(α/(α+t))^r·(t/(α+t))^j:
 * - BG/NBD (FHL 2005 eq. 8): B(a, b+n)/B(a, b)·NBD(n) + 1{n>0}·B(a+1, b+n−1)/B(a, b)·[1 − Σ_{j<n} NBD(j)].
 * - MBG/NBD (Batislam et al. 2007; a customer may also drop out at time 0):
 *   B(a, b+n+1)/B(a, b)·NBD(n) + B(a+1, b+n)/B(a, b)·[1 − Σ_{j<n} NBD(j)].
 * - Pareto/NBD: NBD(n)·(β/(β+t))^s (alive at t) plus ∫_0^t NBD(n; r, α, u)·s/β·(β/(β+u))^(s+1) du
 *   (dead before t after exactly n purchases; the lifetime is Lomax-distributed). The integral is
 *   taken by adaptive Gauss–Legendre in w = u/(α+u), where the integrand is positive and smooth, to
 *   1e-13 of the result. It equals the closed form of Fader & Hardie's Pareto/NBD note, a difference
 *   of n + 2 Gauss hypergeometric functions that cancels for t ≪ max(α, β) and cannot be evaluated
 *   for α ≪ β at large n.
 * - BG/BB (Fader, Hardie & Shang 2010, eq. 7; t a whole number of periods):
 *   C(t, n)·B(α+n, β+t−n)/B(α, β)·B(γ, δ+t)/B(γ, δ) + Σ_{i=n}^{t−1} C(i, n)·B(α+n, β+i−n)/B(α, β)·B(γ+1, δ+i)/B(γ, δ)
 *   (alive through all t periods, or dead after i periods alive); 0 when n > t.
 * Cost O(n) (BG/NBD, MBG/NBD; plus one incomplete beta), O(n) plus a few hundred exp/log
 * evaluations (Pareto/NBD), or O(t) log-beta terms (BG/BB).
 * @see Fader, Hardie & Lee (2005), eq. (8); Batislam, Denizel & Filiztekin (2007), IJRM 24(3);
 * Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions" (the
 * closed form; the reference script checks the integral against it at 40 digits);
 * Fader, Hardie & Shang (2010), Marketing Science 29(6); lifetimes `probability_of_n_purchases_up_to_time`.
 * @throws {@link ModelFormatError} when `model` is not a purchase model
 * @throws {@link InvalidInputError} when t is negative (or not an integer for BG/BB) or n is not an integer ≥ 0
 * @example
 * ```ts
 * import { probabilityOfPurchases } from 'crmkit/value';
 * const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * probabilityOfPurchases(model, 39, 0).toFixed(4); // => '0.5743'
 * const pareto = { kind: 'paretoNbd', params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 } } as const;
 * probabilityOfPurchases(pareto, 39, 0).toFixed(4); // => '0.5960'
 * const bgbb = { kind: 'betaGeoBetaBinom', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
 * probabilityOfPurchases(bgbb, 5, 5).toFixed(4); // => '0.1371'
 * ```
 * @category Predictions
 */
export function probabilityOfPurchases(model: PurchaseModel, t: number, n: number): number {
  const fn = 'value/probabilityOfPurchases';
  const m = purchaseModel(fn, model);
  const tt = horizon(fn, 't', t);
  const k = integerInRange(fn, 'n', n, { min: 0, max: MAX_FREQUENCY });
  if (m.kind === 'betaGeoBetaBinom') {
    const periods = integerInRange(fn, 't', tt, { min: 0, max: MAX_PERIODS });
    return finiteResult(fn, coreErrorsAs(fn, () => betaGeoBetaBinomProbabilityOfPurchases(m.params, periods, k)), 'the probability');
  }
  if (tt === 0) return k === 0 ? 1 : 0;
  const v = coreErrorsAs(fn, () => {
    if (m.kind === 'betaGeo') return betaGeoProbabilityOfPurchases(m.params, tt, k);
    if (m.kind === 'modifiedBetaGeo') return modifiedBetaGeoProbabilityOfPurchases(m.params, tt, k);
    return paretoNbdProbabilityOfPurchases(m.params, tt, k);
  });
  return finiteResult(fn, v, 'the probability');
}
