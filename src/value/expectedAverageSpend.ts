import { InvalidInputError, ModelFormatError } from '../core/errors.js';
import type { GammaGammaModel } from './fitGammaGamma.js';
import { toSpendRows } from './_spend.js';
import { finiteResult } from './_predict.js';
import type { SpendCustomer } from './fitGammaGamma.js';

/** A Gamma-Gamma model or just its kind and parameters. */
export type SpendModel = Pick<GammaGammaModel, 'kind' | 'params'>;

/** Checks a spend model and returns its parameters. @internal */
export function spendParams(fn: string, model: unknown): { p: number; q: number; gamma: number } {
  if (model === null || typeof model !== 'object' || (model as { kind?: unknown }).kind !== 'gammaGamma') {
    throw new ModelFormatError(fn, "spend model must be a 'gammaGamma' model", model === null || typeof model !== 'object' ? model : (model as { kind?: unknown }).kind);
  }
  const params = (model as { params?: Record<string, unknown> }).params;
  for (const k of ['p', 'q', 'gamma'] as const) {
    const v = params?.[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ModelFormatError(fn, `model.params.${k} must be a finite number > 0`, v);
  }
  const { p, q, gamma } = params as { p: number; q: number; gamma: number };
  if (!(q > 1)) throw new InvalidInputError(fn, 'the Gamma-Gamma mean spend is infinite when q ≤ 1', q);
  return { p, q, gamma };
}

/**
 * Expected average spend per transaction of each customer (the Gamma-Gamma conditional mean).
 *
 * @remarks E[Z | x, z̄] = w·z̄ + (1 − w)·pγ/(q − 1) with w = px/(px + q − 1): a weighted average of the
 * customer's own mean and the population mean. Customers without repeat purchases get the population
 * mean pγ/(q − 1). Needs q > 1. O(n).
 * @see Fader, Hardie & Lee (2005), "RFM and CLV", eq. (5); lifetimes `conditional_expected_average_profit`.
 * @throws {@link ModelFormatError} when `model` is not a Gamma-Gamma model
 * @throws {@link InvalidInputError} on a malformed customer, or q ≤ 1
 * @example
 * ```ts
 * import { expectedAverageSpend } from 'crmkit/value';
 * const model = { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * expectedAverageSpend(model, [{ frequency: 2, monetaryValue: 22.35 }, { frequency: 0, monetaryValue: 0 }]).map((v) => v.toFixed(2)); // => ['24.66', '35.22']
 * ```
 * @category Predictions
 */
export function expectedAverageSpend(model: SpendModel, customers: readonly SpendCustomer[]): number[] {
  const fn = 'value/expectedAverageSpend';
  const prm = spendParams(fn, model);
  const { x, m } = toSpendRows(fn, customers);
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = finiteResult(fn, averageSpend(prm, x[i]!, m[i]!), `the expected spend of customers[${i}]`);
  return out;
}

/** Gamma-Gamma conditional mean spend. @internal */
export function averageSpend(prm: { p: number; q: number; gamma: number }, x: number, m: number): number {
  const pop = prm.p * (prm.gamma / (prm.q - 1));
  if (x === 0) return pop;
  // w = px/(px + q − 1), written so that huge p or x give w = 1 rather than ∞/∞
  const w = 1 / (1 + (prm.q - 1) / prm.p / x);
  return w === 1 ? m : w * m + (1 - w) * pop;
}
