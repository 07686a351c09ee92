import { InvalidInputError, ModelFormatError } from '../core/errors.js';
import { integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { conditionalOne } from './conditionalExpectedPurchases.js';
import { averageSpend, spendParams, type SpendModel } from './expectedAverageSpend.js';
import type { ContinuousPurchaseModel } from './models.js';
import { coreErrorsAs, customerColumns, purchaseModel } from './_predict.js';
import { toSpendRows } from './_spend.js';

/** A customer for {@link customerLifetimeValue}: history plus mean repeat spend. */
export interface ClvCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Mean spend of the repeat purchases; required (0 allowed when frequency = 0; a missing value throws). */
  readonly monetaryValue?: number;
}

/** Options of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueOptions {
  /** Horizon in months. @defaultValue 12 */
  months?: number;
  /** Discount rate per month. @defaultValue 0.01 */
  discountRate?: number;
  /**
   * The time unit the purchase model was fitted in (lifetimes' `freq`): one month is 30 days,
   * 4.345 weeks, 1 month or 720 hours, as in lifetimes.
   * @defaultValue 'day'
   */
  timeUnit?: 'day' | 'week' | 'month' | 'hour';
}

/** Model time units per month, as in lifetimes (30 days, 4.345 weeks, 1 month, 720 hours). @internal */
export const UNITS_PER_MONTH = { day: 30, week: 4.345, month: 1, hour: 720 } as const;

/** 1/(1+d)^i for i = 0…months. @internal */
export function discountFactors(months: number, d: number): Float64Array {
  const disc = new Float64Array(months + 1);
  for (let i = 0; i <= months; i++) disc[i] = 1 / Math.pow(1 + d, i);
  return disc;
}

/** lifetimes' monthly-discounted CLV of one customer with expected spend `spend` (no validation); months = disc.length − 1. @internal */
export function clvOne(pm: ContinuousPurchaseModel, spend: number, x: number, tx: number, T: number, u: number, disc: Float64Array): number {
  let prev = 0;
  let v = 0;
  for (let i = 1; i < disc.length; i++) {
    const e = conditionalOne(pm, i * u, x, tx, T);
    v += spend * (e - prev) * disc[i]!;
    prev = e;
  }
  return v;
}

/**
 * Discounted expected value of each customer over the next months: purchase model × spend model.
 *
 * @remarks lifetimes' convention: with u = units per month, CLV = Σ_{i=1..months} E[Z]·(E[Y(i·u)] −
 * E[Y((i−1)·u)]) / (1 + d)^i, where E[Y(t)] is the conditional expected number of purchases (BG/NBD, MBG/NBD or Pareto/NBD) and E[Z]
 * the Gamma-Gamma expected average spend. Monthly purchases are discounted at the end of their
 * month. O(n · months) hypergeometric evaluations.
 * @see lifetimes `GammaGammaFitter.customer_lifetime_value`; Fader, Hardie & Lee (2005), "RFM and CLV".
 * @throws {@link ModelFormatError} when a model is of the wrong kind
 * @throws {@link InvalidInputError} on a malformed customer
 * @throws {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { customerLifetimeValue } from 'crmkit/value';
 * const purchases = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
 * const spend = { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * const clv = customerLifetimeValue(purchases, spend, [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }], { timeUnit: 'week' });
 * clv.map((v) => v.toFixed(2)); // => ['36.29']
 * ```
 * @category Predictions
 */
export function customerLifetimeValue(purchaseModelArg: ContinuousPurchaseModel, spendModel: SpendModel, customers: readonly ClvCustomer[], options?: CustomerLifetimeValueOptions): number[] {
  const fn = 'value/customerLifetimeValue';
  const opts = checkOptions(fn, options, ['months', 'discountRate', 'timeUnit']);
  const months = opts.months === undefined ? 12 : integerInRange(fn, 'options.months', opts.months, { min: 1, max: 1200 });
  const d = opts.discountRate === undefined ? 0.01 : numberInRange(fn, 'options.discountRate', opts.discountRate, { min: -1, minExclusive: true });
  const unit = opts.timeUnit === undefined ? 'day' : oneOf(fn, 'options.timeUnit', opts.timeUnit, ['day', 'week', 'month', 'hour'] as const);
  const u = UNITS_PER_MONTH[unit];
  const pm = purchaseModel(fn, purchaseModelArg);
  if (pm.kind === 'betaGeoBetaBinom') throw new ModelFormatError(fn, 'purchase model must be a continuous-time model (betaGeo, modifiedBetaGeo, paretoNbd)', pm.kind);
  const prm = spendParams(fn, spendModel);
  const { x, tx, T } = customerColumns(fn, customers);
  const { m } = toSpendRows(fn, customers);
  const disc = discountFactors(months, d);
  const out = new Array<number>(x.length);
  coreErrorsAs(fn, () => {
    for (let c = 0; c < x.length; c++) {
      const v = clvOne(pm, averageSpend(prm, x[c]!, m[c]!), x[c]!, tx[c]!, T[c]!, u, disc);
      if (!Number.isFinite(v)) throw new InvalidInputError(fn, `the value of customers[${c}] is not finite for these parameters`, v);
      out[c] = v;
    }
  });
  return out;
}
