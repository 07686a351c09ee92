/**
 * Internal helpers shared by the experiment functions: option checks, arm validation, p-values.
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { finiteArray, integerInRange, numberInRange, oneOf, openUnitInterval } from '../core/validate.js';
import { normalCdf, normalSf, studentTCdf, studentTIsf, studentTSf } from './_dist.js';
import type { Alternative, ArmMoments, BinaryInput, Interval, ProportionSummary } from './types.js';

export const ALTERNATIVES = ['two-sided', 'greater', 'less'] as const;

export function checkAlternative(fn: string, x: unknown): Alternative {
  return x === undefined ? 'two-sided' : oneOf(fn, 'options.alternative', x, ALTERNATIVES);
}

export function checkAlpha(fn: string, x: unknown, name = 'options.alpha', dflt = 0.05): number {
  return x === undefined ? dflt : openUnitInterval(fn, name, x);
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/** Validates `{ n, conversions }`: integers, 0 ≤ conversions ≤ n, n ≥ minN. */
export function checkProportion(fn: string, name: string, x: unknown, minN = 1): ProportionSummary {
  if (!isObject(x)) throw new InvalidInputError(fn, `${name} must be an object { n, conversions }`, x);
  const n = integerInRange(fn, `${name}.n`, x.n, { min: minN, max: Number.MAX_SAFE_INTEGER });
  const conversions = integerInRange(fn, `${name}.conversions`, x.conversions, { min: 0 });
  if (conversions > n) {
    throw new InvalidInputError(fn, `${name}.conversions must not exceed ${name}.n (${n})`, conversions);
  }
  return { n, conversions };
}

/**
 * Counts a raw per-user 0/1 array (numbers 0/1 or booleans; typed arrays too) into `{ n, conversions }`.
 * Any other entry, NaN or a hole throws an {@link InvalidInputError} naming the index.
 */
export function countBinary(fn: string, name: string, x: ArrayLike<unknown>, minN = 1): ProportionSummary {
  if (x.length < minN) {
    throw new InvalidInputError(fn, `${name} must have at least ${minN} value${minN === 1 ? '' : 's'}`, x.length);
  }
  const isPlain = Array.isArray(x);
  let conversions = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === 1 || v === true) conversions++;
    else if (v !== 0 && v !== false) {
      const hole = isPlain && !(i in x);
      throw new InvalidInputError(fn, `${name}[${i}] must be 0, 1, true or false${hole ? ' (the array has a hole there)' : ''}`, hole ? undefined : v);
    }
  }
  return { n: x.length, conversions };
}

/** Validates a {@link BinaryInput}: a `{ n, conversions }` summary or a raw per-user 0/1 array. */
export function checkBinaryInput(fn: string, name: string, x: unknown, minN = 1): ProportionSummary {
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    return countBinary(fn, name, x as unknown as ArrayLike<unknown>, minN);
  }
  if (!isObject(x)) {
    throw new InvalidInputError(fn, `${name} must be an object { n, conversions } or an array of per-user 0/1 values`, x);
  }
  return checkProportion(fn, name, x, minN);
}

/**
 * Resolves raw values, `{ n, mean, sd }` or `{ n, sum, sumSquares }` to n, mean and sample variance.
 * Raw values use Welford's algorithm; sums use the textbook identity (documented cancellation risk
 * for huge means; prefer mean/sd summaries there).
 */
export function checkMeanInput(fn: string, name: string, x: unknown, minN = 2): ArmMoments {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const v = finiteArray(fn, name, x, minN);
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < v.length; i++) {
      const d = v[i]! - mean;
      mean += d / (i + 1);
      m2 += d * (v[i]! - mean);
    }
    return { n: v.length, mean, variance: v.length > 1 ? m2 / (v.length - 1) : 0 };
  }
  if (!isObject(x)) {
    throw new InvalidInputError(fn, `${name} must be an array of values, { n, mean, sd } or { n, sum, sumSquares }`, x);
  }
  const n = integerInRange(fn, `${name}.n`, x.n, { min: minN, max: Number.MAX_SAFE_INTEGER });
  if ('mean' in x || 'sd' in x) {
    const mean = numberInRange(fn, `${name}.mean`, x.mean, {});
    const sd = numberInRange(fn, `${name}.sd`, x.sd, { min: 0 });
    return { n, mean, variance: sd * sd };
  }
  if ('sum' in x || 'sumSquares' in x) {
    const sum = numberInRange(fn, `${name}.sum`, x.sum, {});
    const sumSquares = numberInRange(fn, `${name}.sumSquares`, x.sumSquares, { min: 0 });
    const mean = sum / n;
    const ss = sumSquares - sum * mean;
    // tiny negative values are rounding of a zero variance; clearly negative ones are impossible data
    if (ss < -1e-9 * Math.max(sumSquares, 1)) {
      throw new InvalidInputError(fn, `${name}.sumSquares is smaller than sum²/n, which no data can produce`, sumSquares);
    }
    return { n, mean, variance: n > 1 ? Math.max(ss, 0) / (n - 1) : 0 };
  }
  throw new InvalidInputError(fn, `${name} must be an array of values, { n, mean, sd } or { n, sum, sumSquares }`, x);
}

/** The input as a validated Float64Array of raw values (for rank and resampling methods). */
export function checkRaw(fn: string, name: string, x: unknown, minN = 1): Float64Array {
  return finiteArray(fn, name, x, minN);
}

/** p-value of a z statistic (treatment − control) for the alternative; 0/±∞ statistics handled. */
export function pFromZ(z: number, alternative: Alternative): number {
  if (alternative === 'greater') return normalSf(z);
  if (alternative === 'less') return normalCdf(z);
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

/** p-value of a t statistic with `df` degrees of freedom. */
export function pFromT(t: number, df: number, alternative: Alternative): number {
  if (t === Infinity || t === -Infinity) return pFromZ(t, alternative);
  if (alternative === 'greater') return studentTSf(t, df);
  if (alternative === 'less') return studentTCdf(t, df);
  return Math.min(1, 2 * studentTSf(Math.abs(t), df));
}

/** Ratio estimate/se with the documented conventions for se = 0: 0 when the estimate is 0, ±∞ otherwise. */
export function safeRatio(estimate: number, se: number): number {
  if (se > 0) return estimate / se;
  if (estimate === 0) return 0;
  return estimate > 0 ? Infinity : -Infinity;
}

/** Relative lift (treatment / control − 1), or null… never: ±Infinity when control is 0 and treatment is not, 0 when both are 0. */
export function relative(control: number, treatment: number): number {
  if (control !== 0) return treatment / control - 1;
  if (treatment === 0) return 0;
  return treatment > 0 ? Infinity : -Infinity;
}

/** A normal prior `{ mean, variance }` on the difference (variance may be Infinity: flat); absent → flat. */
export function normalPrior(fn: string, prior: unknown): { mean: number; variance: number } {
  if (prior === undefined) return { mean: 0, variance: Infinity };
  if (!isObject(prior)) throw new InvalidOptionError(fn, 'options.prior must be an object { mean, variance }', prior);
  const mean = numberInRange(fn, 'options.prior.mean', prior.mean, {});
  const v = prior.variance;
  return { mean, variance: v === Infinity ? Infinity : numberInRange(fn, 'options.prior.variance', v, { min: 0, minExclusive: true }) };
}

/** Student-t confidence interval of a difference for the alternative (one-sided ones are half-infinite). */
export function tInterval(difference: number, se: number, df: number, alternative: Alternative, alpha: number): Interval {
  if (alternative === 'two-sided') {
    const q = studentTIsf(alpha / 2, df);
    return { lower: difference - q * se, upper: difference + q * se };
  }
  const q = studentTIsf(alpha, df);
  return alternative === 'greater' ? { lower: difference - q * se, upper: Infinity } : { lower: -Infinity, upper: difference + q * se };
}
