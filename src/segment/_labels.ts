/**
 * Internal: cluster labels → dense codes 0..L−1 (scikit-learn's LabelEncoder step in its metrics).
 *
 * @internal
 * @module
 */
import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';

/** A cluster label: an integer or a string (segment name). */
export type ClusterLabel = number | string;

export interface EncodedLabels {
  codes: Int32Array;
  /** Number of distinct labels. */
  count: number;
  /** Rows per code. */
  sizes: Float64Array;
  /** The label of each code, in first-seen order. */
  values: ClusterLabel[];
}

export function encodeLabels(fn: string, labels: unknown, n: number, minClusters: number, maxClusters: number): EncodedLabels {
  const arr = arrayLike<unknown>(fn, 'labels', labels);
  if (arr.length !== n) throw new DimensionMismatchError(fn, `labels must have one label per row of X (${n})`, arr.length);
  const map = new Map<string, number>();
  const values: ClusterLabel[] = [];
  const codes = new Int32Array(n);
  const plain = Array.isArray(arr);
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    let key: string;
    if (typeof v === 'number' && Number.isInteger(v)) key = `n:${v + 0}`;
    else if (typeof v === 'string') key = `s:${v}`;
    else throw new InvalidInputError(fn, `labels[${i}] must be an integer or a string`, plain && !(i in arr) ? undefined : v);
    let c = map.get(key);
    if (c === undefined) {
      c = values.length;
      map.set(key, c);
      values.push(v as ClusterLabel);
    }
    codes[i] = c;
  }
  const count = values.length;
  if (count < minClusters || count > maxClusters) {
    throw new InvalidInputError(fn, `labels must hold between ${minClusters} and ${maxClusters} distinct values (2 ≤ clusters ≤ n − 1)`, count);
  }
  const sizes = new Float64Array(count);
  for (let i = 0; i < n; i++) sizes[codes[i]!]!++;
  return { codes, count, sizes, values };
}
