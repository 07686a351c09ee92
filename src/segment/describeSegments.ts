import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, integerInRange, oneOf, options as checkOptions, string } from '../core/validate.js';
import { catKey, checkCategory, compareCodePoints } from './_categories.js';
import { encodeLabels, type ClusterLabel } from './_labels.js';
import { medianSorted } from './_stats.js';
import type { DataRecord } from './fitPreprocessor.js';
import type { Category } from './types.js';

/** A column to profile. */
export interface ProfileColumn {
  name: string;
  type: 'numeric' | 'categorical';
}

/** Options of {@link describeSegments}. */
export interface DescribeSegmentsOptions {
  /**
   * Columns to profile.
   * @defaultValue every key of the first record: numbers as numeric, strings as categorical
   */
  columns?: readonly ProfileColumn[];
  /**
   * Most over-represented categories kept per categorical column.
   * @defaultValue 3
   */
  topCategories?: number;
  /**
   * What the rows are, for the description ("12% of customers").
   * @defaultValue 'customers'
   */
  noun?: string;
}

/** Profile of one numeric column within a segment. */
export interface NumericProfile {
  column: string;
  mean: number;
  median: number;
  /** Segment mean / overall mean; null when the overall mean is 0 (the ratio is undefined). */
  ratioToOverall: number | null;
  /** (segment mean − overall mean) / overall population standard deviation; 0 for a constant column. */
  standardizedDifference: number;
}

/** A category's weight within a segment. */
export interface CategoryLift {
  value: Category;
  count: number;
  /** Share of the segment with this value. */
  share: number;
  /** Share of all rows with this value. */
  overallShare: number;
  /** share / overallShare: above 1 means over-represented. */
  lift: number;
}

/** Profile of one segment. */
export interface SegmentProfile {
  label: ClusterLabel;
  size: number;
  /** size / number of rows. */
  share: number;
  numeric: NumericProfile[];
  /** Per categorical column, the most over-represented values (highest lift first). */
  categories: { column: string; top: CategoryLift[] }[];
  /** One plain-English line, e.g. "High Grocery, high Milk, mostly Retail, 32% of customers". */
  description: string;
}

/** Result of {@link describeSegments}. */
export interface DescribeSegmentsResult {
  /** One profile per distinct label (numbers ascending, strings in code-point order). */
  segments: SegmentProfile[];
  /** Overall mean and median of each numeric column. */
  overall: { column: string; mean: number; median: number }[];
}

function pct(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 1) return '<1%';
  return `${Math.round(p)}%`;
}

/**
 * Describes segments for people: size and share, mean and median of each numeric column with its
 * ratio to the overall mean, the most over-represented categories (lift), and a one-line
 * description such as "High Grocery, high Detergents_Paper, low Fresh, mostly Retail, 24% of
 * customers". Takes plain records, so RFM tables or any customer export fit as they are.
 *
 * @remarks O(n·c + n log n) for c columns. The description names up to three numeric columns whose
 * segment mean differs from the overall mean by at least 0.5 overall standard deviations ("very
 * high"/"very low" from 1.5), then each categorical column whose top value covers at least half of
 * the segment and is over-represented by at least 25% (lift ≥ 1.25: "mostly X"), then the share.
 * @throws {@link InvalidInputError} on records that are not objects, a numeric value that is not a
 * finite number, a categorical value that is not a string or finite number, or bad labels
 * @throws {@link DimensionMismatchError} when labels and records differ in length
 * @throws {@link InvalidOptionError} on malformed columns or options
 * @example
 * ```ts
 * import { describeSegments } from 'crmkit/segment';
 * const records = [
 *   { spend: 900, city: 'Lisbon' }, { spend: 1100, city: 'Lisbon' },
 *   { spend: 100, city: 'Oporto' }, { spend: 120, city: 'Lisbon' }, { spend: 80, city: 'Oporto' },
 * ];
 * const { segments } = describeSegments(records, [1, 1, 0, 0, 0]);
 * segments[1].description; // => 'High spend, mostly Lisbon, 40% of customers'
 * segments[1].numeric[0].ratioToOverall; // => 2.1739130434782608
 * ```
 * @category Profiles
 */
export function describeSegments(records: readonly DataRecord[], labels: ArrayLike<ClusterLabel>, options?: DescribeSegmentsOptions): DescribeSegmentsResult {
  const fn = 'segment/describeSegments';
  const o = checkOptions(fn, options, ['columns', 'topCategories', 'noun']);
  const recs = arrayLike<Record<string, unknown>>(fn, 'records', records, 1);
  const n = recs.length;
  for (let i = 0; i < n; i++) {
    if (typeof recs[i] !== 'object' || recs[i] === null) throw new InvalidInputError(fn, `records[${i}] must be an object`, recs[i]);
  }
  const topCategories = o.topCategories === undefined ? 3 : integerInRange(fn, 'options.topCategories', o.topCategories, { min: 1 });
  const noun = o.noun === undefined ? 'customers' : string(fn, 'options.noun', o.noun);
  let columns: ProfileColumn[];
  if (o.columns === undefined) {
    columns = [];
    for (const [name, v] of Object.entries(recs[0]!)) {
      if (typeof v === 'number') columns.push({ name, type: 'numeric' });
      else if (typeof v === 'string') columns.push({ name, type: 'categorical' });
    }
    if (columns.length === 0) throw new InvalidInputError(fn, 'records[0] has no number or string fields to profile', recs[0]);
  } else {
    const arr = arrayLike<unknown>(fn, 'options.columns', o.columns, 1);
    columns = [];
    for (let c = 0; c < arr.length; c++) {
      const s = arr[c] as Record<string, unknown>;
      if (typeof s !== 'object' || s === null) throw new InvalidOptionError(fn, `options.columns[${c}] must be an object`, s);
      columns.push({ name: string(fn, `options.columns[${c}].name`, s.name), type: oneOf(fn, `options.columns[${c}].type`, s.type, ['numeric', 'categorical'] as const) });
    }
  }
  const labelArr = arrayLike<ClusterLabel>(fn, 'labels', labels);
  if (labelArr.length !== n) throw new DimensionMismatchError(fn, `labels must have one label per record (${n})`, labelArr.length);
  const enc = encodeLabels(fn, labelArr, n, 1, n);
  const L = enc.count;
  // segment order: numbers ascending, strings by code point
  const order = Array.from({ length: L }, (_, c) => c).sort((a, b) => {
    const va = enc.values[a]!;
    const vb = enc.values[b]!;
    if (typeof va === 'number' && typeof vb === 'number') return va - vb;
    if (typeof va === 'number') return -1;
    if (typeof vb === 'number') return 1;
    return compareCodePoints(va, vb);
  });
  const numericCols = columns.filter((c) => c.type === 'numeric');
  const catCols = columns.filter((c) => c.type === 'categorical');
  const overall: { column: string; mean: number; median: number }[] = [];
  const numProfiles: NumericProfile[][] = Array.from({ length: L }, () => []);
  for (const col of numericCols) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = recs[i]![col.name];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidInputError(fn, `records[${i}].${col.name} must be a finite number`, x);
      v[i] = x;
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += v[i]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (v[i]! - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    overall.push({ column: col.name, mean, median: medianSorted(Float64Array.from(v).sort()) });
    const groups: number[][] = Array.from({ length: L }, () => []);
    for (let i = 0; i < n; i++) groups[enc.codes[i]!]!.push(v[i]!);
    for (let c = 0; c < L; c++) {
      const g = Float64Array.from(groups[c]!).sort();
      let s = 0;
      for (const x of g) s += x;
      const m = s / g.length;
      numProfiles[c]!.push({
        column: col.name,
        mean: m,
        median: medianSorted(g),
        ratioToOverall: mean === 0 ? null : m / mean,
        standardizedDifference: sd > 0 ? (m - mean) / sd : 0,
      });
    }
  }
  const catProfiles: { column: string; top: CategoryLift[] }[][] = Array.from({ length: L }, () => []);
  const mostly: string[][] = Array.from({ length: L }, () => []);
  for (const col of catCols) {
    const total = new Map<string, { value: Category; count: number }>();
    const per: Map<string, number>[] = Array.from({ length: L }, () => new Map());
    for (let i = 0; i < n; i++) {
      const v = checkCategory(fn, `records[${i}].${col.name}`, recs[i]![col.name]);
      const key = catKey(v);
      const t = total.get(key);
      if (t) t.count++;
      else total.set(key, { value: v, count: 1 });
      const p = per[enc.codes[i]!]!;
      p.set(key, (p.get(key) ?? 0) + 1);
    }
    for (let c = 0; c < L; c++) {
      const size = enc.sizes[c]!;
      const top: CategoryLift[] = [];
      for (const [key, count] of per[c]!) {
        const t = total.get(key)!;
        const share = count / size;
        const overallShare = t.count / n;
        top.push({ value: t.value, count, share, overallShare, lift: share / overallShare });
      }
      top.sort((a, b) => b.lift - a.lift || b.count - a.count || compareCodePoints(String(a.value), String(b.value)));
      catProfiles[c]!.push({ column: col.name, top: top.slice(0, topCategories) });
      // the most common value of the segment, if it covers half of it and is clearly over-represented
      let best: CategoryLift | null = null;
      for (const t of top) if (best === null || t.share > best.share) best = t;
      if (best !== null && best.share >= 0.5 && best.lift >= 1.25) mostly[c]!.push(`mostly ${String(best.value)}`);
    }
  }
  const segments: SegmentProfile[] = order.map((c) => {
    const share = enc.sizes[c]! / n;
    const parts: string[] = [];
    const notable = numProfiles[c]!.filter((p) => Math.abs(p.standardizedDifference) >= 0.5)
      .sort((a, b) => Math.abs(b.standardizedDifference) - Math.abs(a.standardizedDifference))
      .slice(0, 3);
    for (const p of notable) {
      const z = p.standardizedDifference;
      parts.push(`${Math.abs(z) >= 1.5 ? 'very ' : ''}${z > 0 ? 'high' : 'low'} ${p.column}`);
    }
    if (notable.length === 0 && numericCols.length > 0) parts.push('close to average');
    parts.push(...mostly[c]!);
    parts.push(`${pct(share)} of ${noun}`);
    const text = parts.join(', ');
    return {
      label: enc.values[c]!,
      size: enc.sizes[c]!,
      share,
      numeric: numProfiles[c]!,
      categories: catProfiles[c]!,
      description: text.charAt(0).toUpperCase() + text.slice(1),
    };
  });
  return { segments, overall };
}
