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
 * Relative rounding noise allowed in sums from a warehouse (Σx, Σx² accumulated in doubles over up
 * to ~1e7 rows): a centred sum of squares below −NOISE·Σx² is impossible data; one within ±NOISE·Σx²
 * has lost the variance to cancellation (the mean is huge next to the spread).
 */
export const SUMS_NOISE = 1e-9;

/**
 * Σ(x − x̄)² from n, Σx and Σx², checked: a clearly negative value is impossible data (typed error);
 * one within the rounding noise of the sums is `lost` (the true value lies in [0, bound]).
 */
export function centredSquares(fn: string, name: string, n: number, sum: number, sumSquares: number): { ss: number; lost: boolean; bound: number } {
  const ss = sumSquares - sum * (sum / n);
  const bound = SUMS_NOISE * sumSquares;
  if (ss < -bound) {
    throw new InvalidInputError(fn, `${name}: sumSquares is smaller than sum²/n (Σ(x − x̄)² = ${ss}), which no data can produce`, sumSquares);
  }
  return { ss: Math.max(ss, 0), lost: bound > 0 && ss < bound, bound };
}

/** The warning put in a result when a variance from sums is lost to cancellation. */
export function cancellationWarning(name: string, bound: number): string {
  return (
    `${name}: the variance from the sums is within their rounding noise (|Σ(x − x̄)²| < ${bound.toPrecision(3)}; the mean is huge next to the spread), ` +
    'so it is lost to cancellation; its upper bound is used and the p-value is conservative. Pass { n, mean, sd } or sums of centred values.'
  );
}

/**
 * Resolves raw values, `{ n, mean, sd }` or `{ n, sum, sumSquares }` to n, mean and sample variance.
 * Raw values use Welford's algorithm (divided by `scale` first when given); sums use the textbook
 * identity, with impossible sums rejected and a variance lost to cancellation replaced by its upper
 * bound and reported in `warnings` (never SE 0 and p 0 from rounding noise).
 */
export function checkMeanInput(fn: string, name: string, x: unknown, minN = 2, warnings?: string[], scale = 1): ArmMoments {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const v = finiteArray(fn, name, x, minN);
    let mean = 0;
    let m2 = 0;
    for (let i = 0; i < v.length; i++) {
      const xi = v[i]! / scale;
      const d = xi - mean;
      mean += d / (i + 1);
      m2 += d * (xi - mean);
    }
    return { n: v.length, mean, variance: v.length > 1 ? m2 / (v.length - 1) : 0 };
  }
  if (!isObject(x)) {
    throw new InvalidInputError(fn, `${name} must be an array of values, { n, mean, sd } or { n, sum, sumSquares }`, x);
  }
  const n = integerInRange(fn, `${name}.n`, x.n, { min: minN, max: Number.MAX_SAFE_INTEGER });
  if ('mean' in x || 'sd' in x) {
    const mean = numberInRange(fn, `${name}.mean`, x.mean, {}) / scale;
    const sd = numberInRange(fn, `${name}.sd`, x.sd, { min: 0 }) / scale;
    return { n, mean, variance: sd * sd };
  }
  if ('sum' in x || 'sumSquares' in x) {
    const sum = numberInRange(fn, `${name}.sum`, x.sum, {});
    const sumSquares = numberInRange(fn, `${name}.sumSquares`, x.sumSquares, { min: 0 });
    const c = centredSquares(fn, name, n, sum, sumSquares);
    let ss = c.ss;
    if (c.lost && n > 1) {
      ss = c.bound;
      warnings?.push(cancellationWarning(name, c.bound));
    }
    return { n, mean: sum / n, variance: n > 1 ? ss / (n - 1) : 0 };
  }
  throw new InvalidInputError(fn, `${name} must be an array of values, { n, mean, sd } or { n, sum, sumSquares }`, x);
}

/**
 * A power of two to divide the values of mean inputs by so that squares and sums of squares neither
 * overflow nor underflow (values beyond ~1e135 or below ~1e-135); 1 for ordinary data. Invalid
 * entries are skipped here and rejected by the validation that follows.
 */
export function magnitudeScale(...xs: unknown[]): number {
  let m = 0;
  for (const x of xs) {
    if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
      const a = x as ArrayLike<unknown>;
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        if (typeof v === 'number' && Number.isFinite(v)) m = Math.max(m, Math.abs(v));
      }
    } else if (isObject(x)) {
      for (const k of ['mean', 'sd'] as const) {
        const v = x[k];
        if (typeof v === 'number' && Number.isFinite(v)) m = Math.max(m, Math.abs(v));
      }
    }
  }
  return powerOfTwoScale(m);
}

/** 1 for a magnitude m in (2^-450, 2^450) (or 0); else the power of two nearest m, to divide by. */
export function powerOfTwoScale(m: number): number {
  if (!(m > 0) || !Number.isFinite(m) || (m < 2 ** 450 && m > 2 ** -450)) return 1;
  return 2 ** Math.round(Math.log2(m));
}

/** The scale of a variable given as sums over n users: its typical magnitude max(|Σ|/n, √(Σ²/n)), as {@link powerOfTwoScale}. */
export function sumsScale(n: unknown, sum: unknown, sumSquares: unknown): number {
  if (typeof n !== 'number' || !(n >= 1) || typeof sum !== 'number' || typeof sumSquares !== 'number') return 1;
  const m = Math.max(Math.abs(sum) / n, Math.sqrt(Math.abs(sumSquares) / n));
  return Number.isFinite(m) ? powerOfTwoScale(m) : 1;
}

/** The input as a validated Float64Array of raw values (for rank and resampling methods). */
export function checkRaw(fn: string, name: string, x: unknown, minN = 1): Float64Array {
  return finiteArray(fn, name, x, minN);
}

/**
 * p-value of a z statistic (treatment − control) for the alternative; ±∞ statistics handled.
 * `degenerate` (the estimate and its standard error are both 0: e.g. both arms at 0% or at 100%)
 * gives p = 1 for every alternative: the data carry no information about the direction, so no
 * alternative gets any evidence (the two-sided p = 1 and the one-sided ones agree).
 */
export function pFromZ(z: number, alternative: Alternative, degenerate = false): number {
  if (degenerate) return 1;
  if (alternative === 'greater') return normalSf(z);
  if (alternative === 'less') return normalCdf(z);
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

/** p-value of a t statistic with `df` degrees of freedom (`degenerate`: p = 1, as {@link pFromZ}). */
export function pFromT(t: number, df: number, alternative: Alternative, degenerate = false): number {
  if (degenerate) return 1;
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

/**
 * Relative lift (treatment − control) / |control| (= treatment / control − 1 for a positive control,
 * as gbstats' `frequentist_diff`): its sign is always the sign of the difference, so −10 → −5 is
 * +50%. ±Infinity when control is 0 and treatment is not, 0 when both are 0.
 */
export function relative(control: number, treatment: number): number {
  if (control > 0) return treatment / control - 1;
  if (control < 0) return (treatment - control) / -control;
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
