/**
 * Internal helpers of the metrics: label checks, positive-class encoding and scikit-learn's
 * `_binary_clf_curve`.
 *
 * @internal
 * @module
 */
import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import * as v from '../core/validate.js';
import { compareLabels, type Label } from './_common.js';

export function labelArray(fn: string, name: string, y: unknown): Label[] {
  const arr = v.arrayLike<unknown>(fn, name, y, 1);
  const out: Label[] = [];
  let type: string | null = null;
  for (let i = 0; i < arr.length; i++) {
    const yi = arr[i];
    const t = typeof yi;
    const ok = (t === 'number' && Number.isFinite(yi)) || t === 'string' || t === 'boolean';
    if (!ok || (Array.isArray(arr) && !(i in arr))) throw new InvalidInputError(fn, `${name}[${i}] must be a finite number, a string or a boolean`, yi);
    if (type === null) type = t;
    else if (t !== type) throw new InvalidInputError(fn, `${name}[${i}] must be a ${type} like ${name}[0]`, yi);
    out.push(yi as Label);
  }
  return out;
}

/** yTrue and yPred label arrays of one length and one type. */
export function labelPair(fn: string, yTrue: unknown, yPred: unknown): [Label[], Label[]] {
  const a = labelArray(fn, 'yTrue', yTrue);
  const b = labelArray(fn, 'yPred', yPred);
  if (a.length !== b.length) throw new DimensionMismatchError(fn, `yPred must have the same length as yTrue (${a.length})`, b.length);
  if (typeof a[0] !== typeof b[0]) throw new InvalidInputError(fn, `yPred must hold ${typeof a[0]} labels like yTrue`, b[0]);
  return [a, b];
}

export function sortedUnion(...arrs: Label[][]): Label[] {
  const s = new Set<Label>();
  for (const a of arrs) for (const x of a) s.add(x);
  return [...s].sort(compareLabels);
}

/** The positive label of every binary metric: `options.posLabel`, else `true` for booleans and 1 for numeric labels in {0, 1} or {−1, 1} (other numeric labels and strings need `posLabel`). */
export function positiveLabel(fn: string, y: Label[], posLabel: unknown): Label {
  if (posLabel !== undefined) {
    if (typeof posLabel !== typeof y[0]) throw new InvalidOptionError(fn, `options.posLabel must be a ${typeof y[0]} like the labels`, posLabel);
    return posLabel as Label;
  }
  if (typeof y[0] === 'boolean') return true;
  if (typeof y[0] === 'number') {
    // scikit-learn's rule: 1 is the default positive class only for labels in {0, 1} or {-1, 1};
    // otherwise (e.g. {0, 2}) every row would silently count as negative.
    const distinct = [...new Set(y as number[])].sort((a, b) => a - b);
    const within = (allowed: number[]): boolean => distinct.every((l) => allowed.includes(l));
    if (!within([0, 1]) && !within([-1, 1])) {
      throw new InvalidOptionError(fn, `options.posLabel is required: the labels (${distinct.slice(0, 5).join(', ')}${distinct.length > 5 ? ', …' : ''}) are not {0, 1} or {-1, 1}, so which one is positive is ambiguous`, undefined);
    }
    return 1;
  }
  throw new InvalidOptionError(fn, 'options.posLabel is required for string labels', undefined);
}

/** Binary 0/1 truth from labels (at most two distinct labels). */
export function binaryTruth(fn: string, yTrue: unknown, posLabel: unknown, requireBoth: boolean): Float64Array {
  const y = labelArray(fn, 'yTrue', yTrue);
  const classes = sortedUnion(y);
  if (classes.length > 2) throw new InvalidInputError(fn, 'yTrue must be binary (at most 2 distinct labels)', classes.length);
  const pos = positiveLabel(fn, y, posLabel);
  const out = new Float64Array(y.length);
  let npos = 0;
  for (let i = 0; i < y.length; i++) {
    out[i] = y[i] === pos ? 1 : 0;
    npos += out[i]!;
  }
  if (requireBoth && (npos === 0 || npos === y.length)) {
    throw new InvalidInputError(fn, 'yTrue must contain both the positive and the negative class (the metric is undefined otherwise)', npos);
  }
  return out;
}

export function scores(fn: string, name: string, s: unknown, n: number, unit = false): Float64Array {
  const out = unit ? v.finiteArrayInRange(fn, name, s, { min: 0, max: 1 }) : v.finiteArray(fn, name, s);
  if (out.length !== n) throw new DimensionMismatchError(fn, `${name} must have the same length as yTrue (${n})`, out.length);
  return out;
}

/** numpy's pairwise summation (np.sum / np.add.reduce for float64), so sums match to the last bits. */
export function pairwiseSum(a: ArrayLike<number>, from = 0, to = a.length): number {
  const n = to - from;
  if (n < 8) {
    let s = -0;
    for (let i = from; i < to; i++) s += a[i]!;
    return s;
  }
  if (n <= 128) {
    const r = [a[from]!, a[from + 1]!, a[from + 2]!, a[from + 3]!, a[from + 4]!, a[from + 5]!, a[from + 6]!, a[from + 7]!];
    let i = from + 8;
    for (; i < to - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = r[j]! + a[i + j]!;
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < to; i++) res += a[i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, from, from + n2) + pairwiseSum(a, from + n2, to);
}

export interface ClfCurve {
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/**
 * scikit-learn's `_binary_clf_curve`: scores sorted descending (stable mergesort, reversed), one
 * point per distinct score with cumulative true and false positives.
 */
export function binaryClfCurve(y: Float64Array, s: Float64Array): ClfCurve {
  const n = y.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => s[a]! - s[b]! || a - b); // stable ascending
  idx.reverse();
  const tpsAll: number[] = [];
  const fpsAll: number[] = [];
  const thr: number[] = [];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    tp += y[i]!;
    const last = k === n - 1 || s[idx[k + 1]!]! !== s[i]!;
    if (last) {
      tpsAll.push(tp);
      fpsAll.push(1 + k - tp);
      thr.push(s[i]!);
    }
  }
  return { fps: Float64Array.from(fpsAll), tps: Float64Array.from(tpsAll), thresholds: Float64Array.from(thr) };
}
