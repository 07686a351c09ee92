import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, integerInRange, options as checkOptions } from '../core/validate.js';

/** One customer's RFM inputs. */
export interface RfmInput {
  readonly customerId: unknown;
  /** Time since the customer's last purchase (smaller is better), ≥ 0. Not the BTYD recency: from a summary row use `T − recency`. */
  readonly recency: number;
  /** Number of purchases (or purchase periods), ≥ 0. */
  readonly frequency: number;
  /** Spend (total or mean), finite. */
  readonly monetary: number;
}

/** A named segment: a customer whose scores fall in every given inclusive range belongs to it. */
export interface RfmSegmentRule {
  readonly name: string;
  readonly recency: readonly [number, number];
  readonly frequency: readonly [number, number];
  /** Optional monetary range; any M score when omitted. */
  readonly monetary?: readonly [number, number];
}

/**
 * The usual 10-segment map on the 5-point R and F scores (first matching rule wins; the rules are
 * disjoint and cover all 25 cells).
 *
 * | segment | R | F |
 * |---|---|---|
 * | Champions | 5 | 4–5 |
 * | Loyal customers | 3–4 | 4–5 |
 * | Potential loyalists | 4–5 | 2–3 |
 * | New customers | 5 | 1 |
 * | Promising | 4 | 1 |
 * | Need attention | 3 | 3 |
 * | About to sleep | 3 | 1–2 |
 * | At risk | 1–2 | 3–4 |
 * | Can't lose them | 1–2 | 5 |
 * | Hibernating | 1–2 | 1–2 |
 * @example
 * ```ts
 * import { RFM_SEGMENTS } from 'crmkit/value';
 * RFM_SEGMENTS.length; // => 10
 * RFM_SEGMENTS[0].name; // => 'Champions'
 * ```
 * @category RFM
 */
export const RFM_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  { name: 'Champions', recency: [5, 5], frequency: [4, 5] },
  { name: 'Loyal customers', recency: [3, 4], frequency: [4, 5] },
  { name: 'Potential loyalists', recency: [4, 5], frequency: [2, 3] },
  { name: 'New customers', recency: [5, 5], frequency: [1, 1] },
  { name: 'Promising', recency: [4, 4], frequency: [1, 1] },
  { name: 'Need attention', recency: [3, 3], frequency: [3, 3] },
  { name: 'About to sleep', recency: [3, 3], frequency: [1, 2] },
  { name: 'At risk', recency: [1, 2], frequency: [3, 4] },
  { name: "Can't lose them", recency: [1, 2], frequency: [5, 5] },
  { name: 'Hibernating', recency: [1, 2], frequency: [1, 2] },
] as const);

/** Options of {@link rfmScores}. */
export interface RfmScoresOptions {
  /** Number of score levels (quantile bins), 2–10. @defaultValue 5 */
  bins?: number;
  /** Segment rules; they must cover every (R, F[, M]) cell. @defaultValue {@link RFM_SEGMENTS} (needs `bins: 5`) */
  segments?: readonly RfmSegmentRule[];
}

/** One customer's scores. */
export interface RfmScore {
  customerId: unknown;
  recency: number;
  frequency: number;
  monetary: number;
  /** R, F, M concatenated, e.g. `'545'`. */
  code: string;
  segment: string;
}

/** Result of {@link rfmScores}. */
export interface RfmScoresResult {
  rows: RfmScore[];
  /** Customers per segment, in rule order (segments with no customer included, count 0). */
  segmentCounts: { segment: string; count: number }[];
}

/**
 * Quantile RFM scores (1 = worst … bins = best), the combined code and a named segment per customer.
 *
 * @remarks Score of value v among n customers: F and M: 1 + ⌊bins · #{values < v} / n⌋; R (smaller
 * time since last purchase is better): 1 + ⌊bins · #{values > v} / n⌋. Ties always share a score (no
 * arbitrary tie-breaking by row order), so heavily tied data (many customers with frequency 0) fill
 * fewer levels. O(n log n).
 * @see Hughes (1994), *Strategic Database Marketing*; the segment map follows the common R×F grid.
 * @throws {@link InvalidInputError} on an empty list or a non-finite / negative value
 * @throws {@link InvalidOptionError} on bad `bins`, or rules that leave a score cell without a segment
 * @example
 * ```ts
 * import { rfmScores } from 'crmkit/value';
 * const r = rfmScores([
 *   { customerId: 'a', recency: 2, frequency: 9, monetary: 300 },
 *   { customerId: 'b', recency: 40, frequency: 1, monetary: 20 },
 *   { customerId: 'c', recency: 10, frequency: 4, monetary: 90 },
 *   { customerId: 'd', recency: 90, frequency: 0, monetary: 0 },
 *   { customerId: 'e', recency: 5, frequency: 6, monetary: 150 },
 * ]);
 * r.rows[0].code; // => '555'
 * r.rows[0].segment; // => 'Champions'
 * r.rows[3].segment; // => 'Hibernating'
 * ```
 * @category RFM
 */
export function rfmScores(customers: readonly RfmInput[], options?: RfmScoresOptions): RfmScoresResult {
  return rfmScoresAs('value/rfmScores', customers, options);
}

/** {@link rfmScores} with errors naming `fn`. @internal */
export function rfmScoresAs(fn: string, customers: readonly RfmInput[], options?: RfmScoresOptions): RfmScoresResult {
  const opts = checkOptions(fn, options, ['bins', 'segments']);
  const bins = opts.bins === undefined ? 5 : integerInRange(fn, 'options.bins', opts.bins, { min: 2, max: 10 });
  if (opts.segments === undefined && bins !== 5) throw new InvalidOptionError(fn, 'the default segments are defined on 5 bins; pass options.segments for other bin counts', bins);
  const rules = opts.segments === undefined ? RFM_SEGMENTS : checkRules(fn, opts.segments, bins);
  const arr = arrayLike<RfmInput>(fn, 'customers', customers, 1);
  const n = arr.length;
  const R = new Float64Array(n);
  const F = new Float64Array(n);
  const M = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = arr[i];
    if (c === null || typeof c !== 'object') throw new InvalidInputError(fn, `customers[${i}] must be an object { customerId, recency, frequency, monetary }`, c);
    const id = (c as { customerId?: unknown }).customerId;
    if (typeof id === 'number' && Number.isNaN(id)) throw new InvalidInputError(fn, `customers[${i}].customerId must not be NaN (NaN equals no other id)`, id);
    R[i] = field(fn, i, 'recency', c.recency, true);
    F[i] = field(fn, i, 'frequency', c.frequency, true);
    M[i] = field(fn, i, 'monetary', c.monetary, false);
  }
  const rs = scores(R, bins, true);
  const fs = scores(F, bins, false);
  const ms = scores(M, bins, false);
  const counts = new Array<number>(rules.length).fill(0);
  const rows: RfmScore[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = ruleFor(rules, rs[i]!, fs[i]!, ms[i]!);
    counts[k]!++;
    rows[i] = { customerId: arr[i]!.customerId, recency: rs[i]!, frequency: fs[i]!, monetary: ms[i]!, code: `${rs[i]}${fs[i]}${ms[i]}`, segment: rules[k]!.name };
  }
  return { rows, segmentCounts: rules.map((r, k) => ({ segment: r.name, count: counts[k]! })) };
}

function field(fn: string, i: number, name: string, v: unknown, nonNegative: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (nonNegative && v < 0)) {
    throw new InvalidInputError(fn, `customers[${i}].${name} must be a finite number${nonNegative ? ' ≥ 0' : ''}`, v);
  }
  return v;
}

/** Tie-sharing quantile scores via one sort. */
function scores(v: Float64Array, bins: number, smallerIsBetter: boolean): Int32Array {
  const n = v.length;
  const sorted = Float64Array.from(v).sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // count of values strictly below (or above) v[i] by binary search
    let lo = 0;
    let hi = n;
    if (smallerIsBetter) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! <= v[i]!) lo = mid + 1;
        else hi = mid;
      }
      out[i] = 1 + Math.floor((bins * (n - lo)) / n);
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < v[i]!) lo = mid + 1;
        else hi = mid;
      }
      out[i] = 1 + Math.floor((bins * lo) / n);
    }
  }
  return out;
}

function inside(range: readonly [number, number] | undefined, s: number): boolean {
  return range === undefined || (s >= range[0] && s <= range[1]);
}

function ruleFor(rules: readonly RfmSegmentRule[], r: number, f: number, m: number): number {
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k]!;
    if (inside(rule.recency, r) && inside(rule.frequency, f) && inside(rule.monetary, m)) return k;
  }
  return -1; // unreachable: coverage is checked up front
}

function checkRules(fn: string, segments: unknown, bins: number): readonly RfmSegmentRule[] {
  const rules = arrayLike<RfmSegmentRule>(fn, 'options.segments', segments, 1);
  const range = (k: number, name: string, v: unknown, optional: boolean): void => {
    if (v === undefined && optional) return;
    if (!Array.isArray(v) || v.length !== 2 || !Number.isInteger(v[0]) || !Number.isInteger(v[1]) || v[0] > v[1]) {
      throw new InvalidOptionError(fn, `options.segments[${k}].${name} must be an integer range [lo, hi] with lo ≤ hi`, v);
    }
  };
  const out: RfmSegmentRule[] = [];
  for (let k = 0; k < rules.length; k++) {
    const r = rules[k];
    if (r === null || typeof r !== 'object' || typeof r.name !== 'string') throw new InvalidOptionError(fn, `options.segments[${k}] must be { name: string, recency: [lo, hi], frequency: [lo, hi], monetary?: [lo, hi] }`, r);
    range(k, 'recency', r.recency, false);
    range(k, 'frequency', r.frequency, false);
    range(k, 'monetary', r.monetary, true);
    out.push(r);
  }
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        if (ruleFor(out, r, f, m) < 0) throw new InvalidOptionError(fn, `options.segments leave the score cell R=${r}, F=${f}, M=${m} without a segment`, out.length);
      }
    }
  }
  return out;
}
