/**
 * Log-Pochhammer sums over the distinct frequencies of a fit: ln Γ(v+x)/Γ(v) = Σ_{j<x} ln(v+j) and
 * its derivative Σ_{j<x} 1/(v+j), for an ascending list of integers x.
 * @internal
 * @module
 */
import { digamma, logGamma } from '../core/special/index.js';

/** Gaps up to this are summed term by term (exactly as a running sum); longer ones by ln Γ / ψ differences. */
const GAP = 1024;

/**
 * out[k] = Σ_{j<values[k]} ln(v + j) and, when `dout` is given, dout[k] = Σ_{j<values[k]} 1/(v + j),
 * for ascending non-negative integers `values`. Cost O(Σ min(gap, 1024)): a customer with 10⁷
 * purchases costs two log-gamma calls, not 10⁷ logarithms per evaluation. Where every gap is short
 * (all real data seen so far) the sums are the plain running sums, term for term.
 */
export function pochSums(v: number, values: ArrayLike<number>, out: Float64Array, dout: Float64Array | undefined): void {
  let s = 0;
  let d = 0;
  let prev = 0;
  for (let k = 0; k < values.length; k++) {
    const to = values[k]!;
    if (to - prev <= GAP) {
      for (let j = prev; j < to; j++) {
        s += Math.log(v + j);
        if (dout) d += 1 / (v + j);
      }
    } else {
      s += logGamma(v + to) - logGamma(v + prev);
      if (dout) d += digamma(v + to) - digamma(v + prev);
    }
    out[k] = s;
    if (dout) dout[k] = d;
    prev = to;
  }
}

/** Sorted distinct values of integer columns, and a lookup from value to its position. */
export function sortedValues(...cols: ArrayLike<number>[]): { values: Float64Array; at: Map<number, number> } {
  const set = new Set<number>();
  for (const c of cols) for (let i = 0; i < c.length; i++) set.add(c[i]!);
  const values = Float64Array.from(set).sort();
  const at = new Map<number, number>();
  values.forEach((v, k) => at.set(v, k));
  return { values, at };
}

/** ln Γ(v+n)/Γ(v) = Σ_{j<n} ln(v + j) for one integer n ≥ 0 (a running sum up to 1024 terms, ln Γ beyond). */
export function logPoch(v: number, n: number): number {
  if (n > GAP) return logGamma(v + n) - logGamma(v);
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.log(v + j);
  return s;
}

/** ln[Γ(v+n)/(Γ(v)·n!)] = Σ_{j<n} ln((v + j)/(j + 1)), the NBD coefficient, for one integer n ≥ 0. */
export function logNbdCoefficient(v: number, n: number): number {
  if (n > GAP) return logGamma(v + n) - logGamma(v) - logGamma(n + 1);
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.log((v + j) / (j + 1));
  return s;
}
