import { finiteArray, numberInRange, oneOf, options as checkOptions, sameLength } from '../core/validate.js';
import { InvalidOptionError } from '../core/errors.js';

/** Per-period cash flows of one customer (or one segment). */
export interface CashFlows {
  /** Revenue in each period, period 1 first. */
  readonly revenue: ArrayLike<number>;
  /** Cost to serve in each period (same length as `revenue`); 0 when omitted. */
  readonly cost?: ArrayLike<number>;
}

/** Options of {@link cashFlowClv}. */
export interface CashFlowClvOptions {
  /** Discount rate per period, r > −1 (0.05 = 5 % per period). Required. */
  discountRate: number;
  /**
   * When each period's margin is received. `'end'`: margin t is discounted by (1+r)^t, t = 1..T (the
   * textbook formula). `'begin'`: by (1+r)^(t−1), so the first period is not discounted (what much
   * published sample code computes); the result is (1+r) times the `'end'` value.
   * @defaultValue 'end'
   */
  timing?: 'end' | 'begin';
}

/**
 * Discounted customer lifetime value of known per-period margins.
 *
 * @remarks CLV = Σ_{t=1..T} (R_t − C_t) / (1 + r)^t with `timing: 'end'`, or
 * Σ_{t=1..T} (R_t − C_t) / (1 + r)^(t−1) with `timing: 'begin'`. O(T). Negative margins are allowed
 * (a loss-making period counts against the value).
 * @see Berger & Nasr (1998), "Customer lifetime value: marketing models and applications", J. Interactive Marketing 12(1).
 * @throws {@link InvalidInputError} when `revenue` or `cost` is empty or holds a non-finite number
 * @throws {@link DimensionMismatchError} when `cost` and `revenue` differ in length
 * @throws {@link InvalidOptionError} when `discountRate` is missing, non-finite or ≤ −1, or `timing` is unknown
 * @example
 * ```ts
 * import { cashFlowClv } from 'crmkit/value';
 * const flows = { revenue: [100, 120, 140, 160, 180], cost: [20, 22, 24, 26, 28] };
 * cashFlowClv(flows, { discountRate: 0.05 }); // => 494.6226354343342
 * cashFlowClv(flows, { discountRate: 0.05, timing: 'begin' }); // => 519.3537672060509
 * ```
 * @category Closed-form metrics
 */
export function cashFlowClv(flows: CashFlows, options: CashFlowClvOptions): number {
  const fn = 'value/cashFlowClv';
  if (flows === null || typeof flows !== 'object') throw new InvalidOptionError(fn, 'flows must be an object { revenue, cost? }', flows);
  const opts = checkOptions(fn, options, ['discountRate', 'timing']);
  if (opts.discountRate === undefined) throw new InvalidOptionError(fn, 'options.discountRate is required', undefined);
  const r = numberInRange(fn, 'options.discountRate', opts.discountRate, { min: -1, minExclusive: true });
  const timing = opts.timing === undefined ? 'end' : oneOf(fn, 'options.timing', opts.timing, ['end', 'begin'] as const);
  const revenue = finiteArray(fn, 'revenue', flows.revenue, 1);
  let cost: Float64Array | undefined;
  if (flows.cost !== undefined) {
    cost = finiteArray(fn, 'cost', flows.cost, 1);
    sameLength(fn, 'revenue', revenue, 'cost', cost);
  }
  const shift = timing === 'end' ? 1 : 0;
  let total = 0;
  for (let t = 0; t < revenue.length; t++) {
    const margin = revenue[t]! - (cost === undefined ? 0 : cost[t]!);
    total += margin / Math.pow(1 + r, t + shift);
  }
  return total;
}
