/**
 * Internal kernels of the uplift functions: treatment checks and the cumulative counts behind
 * scikit-uplift's uplift and Qini curves.
 *
 * @internal
 * @module
 */
import { DimensionMismatchError, InvalidInputError } from '../core/errors.js';
import * as v from '../core/validate.js';
import { binaryTruth, scores } from './_metrics.js';

/** Validates a 0/1 (or boolean) treatment indicator per row; both groups must be present. */
export function treatmentIndicator(fn: string, t: unknown, n: number, name = 'treatment'): Uint8Array {
  const arr = v.arrayLike<unknown>(fn, name, t, 1);
  if (arr.length !== n) throw new DimensionMismatchError(fn, `${name} must have one entry per row (${n})`, arr.length);
  const out = new Uint8Array(n);
  let treated = 0;
  for (let i = 0; i < n; i++) {
    const x = Array.isArray(arr) && !(i in arr) ? undefined : arr[i];
    if (x === 1 || x === true) {
      out[i] = 1;
      treated++;
    } else if (!(x === 0 || x === false)) {
      throw new InvalidInputError(fn, `${name}[${i}] must be 1 (treated) or 0 (control), or a boolean`, x);
    }
  }
  if (treated === 0 || treated === n) throw new InvalidInputError(fn, `${name} must contain both treated (1) and control (0) rows`, treated === 0 ? 'no treated row' : 'no control row');
  return out;
}

/** The three inputs of every uplift metric, validated: binary outcome, finite scores, 0/1 treatment. */
export function upliftInputs(fn: string, yTrue: unknown, uplift: unknown, treatment: unknown, posLabel: unknown): { y: Float64Array; s: Float64Array; t: Uint8Array } {
  const y = binaryTruth(fn, yTrue, posLabel, false);
  const s = scores(fn, 'uplift', uplift, y.length);
  const t = treatmentIndicator(fn, treatment, y.length);
  return { y, s, t };
}

/**
 * Row order by descending score as numpy's `argsort(s, kind='mergesort')[::-1]` (stable ascending,
 * reversed: among equal scores the later row comes first), which scikit-uplift uses.
 */
export function descendingOrder(s: Float64Array): Int32Array {
  const idx = Array.from({ length: s.length }, (_, i) => i);
  idx.sort((a, b) => s[a]! - s[b]! || a - b);
  idx.reverse();
  return Int32Array.from(idx);
}

/** Cumulative counts at each distinct score (descending), scikit-uplift's threshold points. */
export interface UpliftCounts {
  /** Rows targeted (n), treated (nT), control (nC), treated responders (yT), control responders (yC) at each threshold. */
  n: number[];
  nT: number[];
  nC: number[];
  yT: number[];
  yC: number[];
}

export function upliftCounts(y: Float64Array, s: Float64Array, t: Uint8Array): UpliftCounts {
  const order = descendingOrder(s);
  const out: UpliftCounts = { n: [], nT: [], nC: [], yT: [], yC: [] };
  let nT = 0;
  let yT = 0;
  let yC = 0;
  const n = s.length;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (t[i] === 1) {
      nT++;
      yT += y[i]!;
    } else yC += y[i]!;
    if (k === n - 1 || s[order[k + 1]!]! !== s[i]!) {
      out.n.push(k + 1);
      out.nT.push(nT);
      out.nC.push(k + 1 - nT);
      out.yT.push(yT);
      out.yC.push(yC);
    }
  }
  return out;
}

/** Curve points `(x, y)` starting at (0, 0), as scikit-uplift prepends it. */
export interface CurvePoints {
  x: number[];
  y: number[];
}

export function qiniPoints(c: UpliftCounts): CurvePoints {
  const y = c.n.map((_, k) => c.yT[k]! - (c.nC[k]! !== 0 ? (c.yC[k]! * c.nT[k]!) / c.nC[k]! : 0));
  return startAtZero([...c.n], y);
}

export function upliftPoints(c: UpliftCounts): CurvePoints {
  const y = c.n.map((n, k) => ((c.nT[k]! !== 0 ? c.yT[k]! / c.nT[k]! : 0) - (c.nC[k]! !== 0 ? c.yC[k]! / c.nC[k]! : 0)) * n);
  return startAtZero([...c.n], y);
}

function startAtZero(x: number[], y: number[]): CurvePoints {
  if (x.length === 0 || y[0] !== 0 || x[0] !== 0) {
    x.unshift(0);
    y.unshift(0);
  }
  return { x, y };
}

/** Trapezoidal area under a curve with increasing x (scikit-learn's `auc`). */
export function trapezoid(p: CurvePoints): number {
  let a = 0;
  for (let k = 1; k < p.x.length; k++) a += ((p.x[k]! - p.x[k - 1]!) * (p.y[k]! + p.y[k - 1]!)) / 2;
  return a;
}

/** The area between a curve and the straight line from (0, 0) to the perfect curve's end, over the perfect curve's. */
export function normalizedArea(fn: string, actual: CurvePoints, perfect: CurvePoints): number {
  const xEnd = perfect.x[perfect.x.length - 1]!;
  const yEnd = perfect.y[perfect.y.length - 1]!;
  const baseline = (xEnd * yEnd) / 2;
  const denom = trapezoid(perfect) - baseline;
  if (!(Math.abs(denom) > 0)) throw new InvalidInputError(fn, 'yTrue and treatment leave the perfect ranking no better than random (no responders, or no room to rank), so the normalized area is undefined', denom);
  return (trapezoid(actual) - baseline) / denom;
}
