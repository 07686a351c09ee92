/**
 * Internal dense least-squares kernels for the inference functions: Householder QR with a rank
 * check (naming the collinear column), the inverse of R, and sandwich covariances.
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';

export interface Qr {
  /** Householder vectors below the diagonal and R on and above it, row-major n × k (a copy). */
  qr: Float64Array;
  /** τ of each reflection. */
  tau: Float64Array;
  n: number;
  k: number;
  /** R⁻¹ (k × k, upper triangular). */
  rInv: Float64Array;
}

/**
 * QR of A (n × k, row-major, copied). Throws when a column is (numerically) a linear combination of
 * the columns before it — |R_jj| ≤ 1e-10 · ‖a_j‖ — naming it with `names`.
 */
export function qrDecompose(fn: string, a: Float64Array, n: number, k: number, names: readonly string[]): Qr {
  if (n < k) throw new InvalidInputError(fn, `X must have at least as many rows as parameters (${k})`, n);
  const qr = Float64Array.from(a);
  const tau = new Float64Array(k);
  const colNorm = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += qr[i * k + j]! * qr[i * k + j]!;
    colNorm[j] = Math.sqrt(s);
  }
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = j; i < n; i++) s += qr[i * k + j]! * qr[i * k + j]!;
    const norm = Math.sqrt(s);
    if (!(norm > 1e-10 * colNorm[j]!) || colNorm[j] === 0) {
      const earlier = names.slice(0, j);
      throw new InvalidInputError(
        fn,
        `X is rank-deficient: column '${names[j]}' is ${colNorm[j] === 0 ? 'all zero' : `a linear combination of ${earlier.length === 1 ? `'${earlier[0]}'` : `earlier columns (${earlier.map((x) => `'${x}'`).join(', ')})`}`}; drop it or one of those (for one-hot encodings, drop one level per category)`,
        names[j],
      );
    }
    const x0 = qr[j * k + j]!;
    const alpha = x0 > 0 ? -norm : norm;
    const v0 = x0 - alpha;
    // v = (x − αe₁) / v0, τ = (α − x0)/α ... stored with v[0] = 1 implicit
    for (let i = j + 1; i < n; i++) qr[i * k + j] = qr[i * k + j]! / v0;
    tau[j] = (alpha - x0) / alpha;
    qr[j * k + j] = alpha;
    for (let c = j + 1; c < k; c++) {
      let d = qr[j * k + c]!;
      for (let i = j + 1; i < n; i++) d += qr[i * k + j]! * qr[i * k + c]!;
      d *= tau[j]!;
      qr[j * k + c] = qr[j * k + c]! - d;
      for (let i = j + 1; i < n; i++) qr[i * k + c] = qr[i * k + c]! - d * qr[i * k + j]!;
    }
  }
  const rInv = new Float64Array(k * k);
  for (let j = k - 1; j >= 0; j--) {
    rInv[j * k + j] = 1 / qr[j * k + j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let t = i + 1; t <= j; t++) s += qr[i * k + t]! * rInv[t * k + j]!;
      rInv[i * k + j] = -s / qr[i * k + i]!;
    }
  }
  return { qr, tau, n, k, rInv };
}

/** Least-squares solution of A β = b (b of length n). */
export function qrSolve(q: Qr, b: Float64Array): Float64Array {
  const { qr, tau, n, k } = q;
  const y = Float64Array.from(b);
  for (let j = 0; j < k; j++) {
    let d = y[j]!;
    for (let i = j + 1; i < n; i++) d += qr[i * k + j]! * y[i]!;
    d *= tau[j]!;
    y[j] = y[j]! - d;
    for (let i = j + 1; i < n; i++) y[i] = y[i]! - d * qr[i * k + j]!;
  }
  const beta = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let t = i; t < k; t++) s += q.rInv[i * k + t]! * y[t]!;
    beta[i] = s;
  }
  return beta;
}

/** (AᵀA)⁻¹ = R⁻¹R⁻ᵀ (k × k). */
export function inverseGram(q: Qr): Float64Array {
  const { k, rInv } = q;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let t = j; t < k; t++) s += rInv[i * k + t]! * rInv[j * k + t]!;
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}

/**
 * Sandwich (AᵀA)⁻¹ (Σ ωᵢ aᵢaᵢᵀ) (AᵀA)⁻¹ for per-row weights ω (e.g. squared residuals), computed
 * as Σ ωᵢ uᵢuᵢᵀ with uᵢ = (AᵀA)⁻¹aᵢ. Also returns the leverages hᵢ = aᵢᵀ(AᵀA)⁻¹aᵢ when asked.
 */
export function sandwich(a: Float64Array, n: number, k: number, inv: Float64Array, omega: (i: number, leverage: number) => number): Float64Array {
  const out = new Float64Array(k * k);
  const u = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let r = 0; r < k; r++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += inv[r * k + t]! * a[i * k + t]!;
      u[r] = s;
      h += s * a[i * k + r]!;
    }
    const w = omega(i, h);
    for (let r = 0; r < k; r++) for (let c = r; c < k; c++) out[r * k + c] = out[r * k + c]! + w * u[r]! * u[c]!;
  }
  for (let r = 0; r < k; r++) for (let c = 0; c < r; c++) out[r * k + c] = out[c * k + r]!;
  return out;
}
