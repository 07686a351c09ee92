/**
 * NMF kernels: coordinate descent and multiplicative updates as scikit-learn 1.2.1's
 * `sklearn/decomposition/_nmf.py` (and `_cdnmf_fast.pyx`), the NNDSVD initializations and a
 * truncated SVD by subspace iteration. Matrices are row-major Float64Arrays: X is CSR (n × V),
 * W is n × K, H is K × V.
 *
 * @internal
 * @module
 */
import type { CsrMatrix } from '../core/sparse.js';
import type { Random } from '../core/random.js';
import type { TaskControl } from '../core/progress.js';

/** scikit-learn's EPSILON (float32 machine epsilon). */
export const EPS32 = 1.1920928955078125e-7;
const EPS64 = 2.220446049250313e-16;

export interface Regularization {
  l1W: number;
  l1H: number;
  l2W: number;
  l2H: number;
}

/** X · Hᵀ (n × K) for CSR X and H (K × V). */
function xHt(X: CsrMatrix, H: Float64Array, K: number, out: Float64Array): void {
  const V = X.cols;
  out.fill(0);
  for (let i = 0; i < X.rows; i++) {
    const o = i * K;
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
      const x = X.data[p]!;
      const j = X.indices[p]!;
      for (let k = 0; k < K; k++) out[o + k]! += x * H[k * V + j]!;
    }
  }
}

/** Xᵀ · W (V × K) for CSR X and W (n × K). */
function xtW(X: CsrMatrix, W: Float64Array, K: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < X.rows; i++) {
    const o = i * K;
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
      const x = X.data[p]!;
      const j = X.indices[p]! * K;
      for (let k = 0; k < K; k++) out[j + k]! += x * W[o + k]!;
    }
  }
}

/** Aᵀ·A (K × K) for A rows × K row-major. */
function gram(A: Float64Array, rows: number, K: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    for (let a = 0; a < K; a++) {
      const x = A[o + a]!;
      if (x === 0) continue;
      for (let b = a; b < K; b++) out[a * K + b]! += x * A[o + b]!;
    }
  }
  for (let a = 0; a < K; a++) for (let b = 0; b < a; b++) out[a * K + b] = out[b * K + a]!;
}

/** H·Hᵀ (K × K) for H K × V. */
function hHt(H: Float64Array, K: number, V: number, out: Float64Array): void {
  for (let a = 0; a < K; a++) {
    for (let b = a; b < K; b++) {
      let s = 0;
      for (let v = 0; v < V; v++) s += H[a * V + v]! * H[b * V + v]!;
      out[a * K + b] = s;
      out[b * K + a] = s;
    }
  }
}

/** `_update_cdnmf_fast`: one sweep of coordinate descent over the K columns of W (rows × K). */
function cdSweep(W: Float64Array, rows: number, K: number, HHt: Float64Array, XHt: Float64Array): number {
  let violation = 0;
  for (let t = 0; t < K; t++) {
    const hess = HHt[t * K + t]!;
    for (let i = 0; i < rows; i++) {
      const o = i * K;
      let grad = -XHt[o + t]!;
      for (let r = 0; r < K; r++) grad += HHt[t * K + r]! * W[o + r]!;
      const w = W[o + t]!;
      const pg = w === 0 ? Math.min(0, grad) : grad;
      violation += Math.abs(pg);
      if (hess !== 0) W[o + t] = Math.max(w - grad / hess, 0);
    }
  }
  return violation;
}

/** One `_update_coordinate_descent` of W (rows × K) given the Gram matrix and the cross product. */
function cdUpdate(W: Float64Array, rows: number, K: number, G: Float64Array, C: Float64Array, l1: number, l2: number): number {
  if (l2 !== 0) for (let k = 0; k < K; k++) G[k * K + k]! += l2;
  if (l1 !== 0) for (let i = 0; i < C.length; i++) C[i]! -= l1;
  return cdSweep(W, rows, K, G, C);
}

/** `_fit_coordinate_descent` (shuffle = false). Returns the iterations made. */
export function fitCd(
  X: CsrMatrix, W: Float64Array, H: Float64Array, K: number, tol: number, maxIter: number, reg: Regularization, updateH: boolean, ctl: TaskControl,
): { iterations: number; converged: boolean } {
  const n = X.rows;
  const V = X.cols;
  const Ht = new Float64Array(V * K);
  for (let k = 0; k < K; k++) for (let v = 0; v < V; v++) Ht[v * K + k] = H[k * V + v]!;
  const G = new Float64Array(K * K);
  const C = new Float64Array(n * K);
  const Ct = new Float64Array(V * K);
  let violationInit = 0;
  let iterations = 0;
  let converged = false;
  for (let it = 1; it <= maxIter; it++) {
    ctl.checkpoint(it - 1, maxIter);
    iterations = it;
    gram(Ht, V, K, G);
    xtWFromHt(X, Ht, K, C);
    let violation = cdUpdate(W, n, K, G, C, reg.l1W, reg.l2W);
    if (updateH) {
      gram(W, n, K, G);
      xtW(X, W, K, Ct);
      violation += cdUpdate(Ht, V, K, G, Ct, reg.l1H, reg.l2H);
    }
    if (it === 1) violationInit = violation;
    if (violationInit === 0) {
      converged = true;
      break;
    }
    if (violation / violationInit <= tol) {
      converged = true;
      break;
    }
  }
  for (let k = 0; k < K; k++) for (let v = 0; v < V; v++) H[k * V + v] = Ht[v * K + k]!;
  return { iterations, converged };
}

/** X · Ht (n × K) for CSR X and Ht (V × K). */
function xtWFromHt(X: CsrMatrix, Ht: Float64Array, K: number, out: Float64Array): void {
  out.fill(0);
  for (let i = 0; i < X.rows; i++) {
    const o = i * K;
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
      const x = X.data[p]!;
      const j = X.indices[p]! * K;
      for (let k = 0; k < K; k++) out[o + k]! += x * Ht[j + k]!;
    }
  }
}

/** (W·H) at the non-zeros of X, with 0 replaced by EPS32, then X / that (the KL ratio), in nnz order. */
function klRatio(X: CsrMatrix, W: Float64Array, H: Float64Array, K: number, out: Float64Array): void {
  const V = X.cols;
  for (let i = 0; i < X.rows; i++) {
    const o = i * K;
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
      const j = X.indices[p]!;
      let s = 0;
      for (let k = 0; k < K; k++) s += W[o + k]! * H[k * V + j]!;
      if (s === 0) s = EPS32;
      out[p] = X.data[p]! / s;
    }
  }
}

function finishDenominator(den: Float64Array, M: Float64Array, l1: number, l2: number): void {
  for (let i = 0; i < den.length; i++) {
    let d = den[i]!;
    if (l1 > 0) d += l1;
    if (l2 > 0) d += l2 * M[i]!;
    den[i] = d === 0 ? EPS32 : d;
  }
}

/** `_multiplicative_update_w` for β ∈ {2, 1}. */
function muW(X: CsrMatrix, W: Float64Array, H: Float64Array, K: number, beta: number, reg: Regularization, num: Float64Array, den: Float64Array, G: Float64Array, R: Float64Array): void {
  const n = X.rows;
  const V = X.cols;
  if (beta === 2) {
    xHt(X, H, K, num);
    hHt(H, K, V, G);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let r = 0; r < K; r++) s += W[i * K + r]! * G[r * K + k]!;
        den[i * K + k] = s;
      }
    }
  } else {
    klRatio(X, W, H, K, R);
    num.fill(0);
    for (let i = 0; i < n; i++) {
      for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
        const r = R[p]!;
        const j = X.indices[p]!;
        for (let k = 0; k < K; k++) num[i * K + k]! += r * H[k * V + j]!;
      }
    }
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let v = 0; v < V; v++) s += H[k * V + v]!;
      for (let i = 0; i < n; i++) den[i * K + k] = s;
    }
  }
  finishDenominator(den, W, reg.l1W, reg.l2W);
  for (let i = 0; i < W.length; i++) W[i]! *= num[i]! / den[i]!;
}

/** `_multiplicative_update_h` for β ∈ {2, 1}. */
function muH(X: CsrMatrix, W: Float64Array, H: Float64Array, K: number, beta: number, reg: Regularization, num: Float64Array, den: Float64Array, G: Float64Array, R: Float64Array): void {
  const n = X.rows;
  const V = X.cols;
  num.fill(0);
  if (beta === 2) {
    for (let i = 0; i < n; i++) {
      for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
        const x = X.data[p]!;
        const j = X.indices[p]!;
        for (let k = 0; k < K; k++) num[k * V + j]! += W[i * K + k]! * x;
      }
    }
    gram(W, n, K, G);
    for (let k = 0; k < K; k++) {
      for (let v = 0; v < V; v++) {
        let s = 0;
        for (let r = 0; r < K; r++) s += G[k * K + r]! * H[r * V + v]!;
        den[k * V + v] = s;
      }
    }
  } else {
    klRatio(X, W, H, K, R);
    for (let i = 0; i < n; i++) {
      for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
        const r = R[p]!;
        const j = X.indices[p]!;
        for (let k = 0; k < K; k++) num[k * V + j]! += W[i * K + k]! * r;
      }
    }
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += W[i * K + k]!;
      if (s === 0) s = 1;
      for (let v = 0; v < V; v++) den[k * V + v] = s;
    }
  }
  finishDenominator(den, H, reg.l1H, reg.l2H);
  for (let i = 0; i < H.length; i++) H[i]! *= num[i]! / den[i]!;
}

/** `_fit_multiplicative_update` for β ∈ {2 (Frobenius), 1 (Kullback–Leibler)}. */
export function fitMu(
  X: CsrMatrix, W: Float64Array, H: Float64Array, K: number, beta: number, tol: number, maxIter: number, reg: Regularization, updateH: boolean, ctl: TaskControl,
): { iterations: number; converged: boolean } {
  const n = X.rows;
  const V = X.cols;
  const errorAtInit = betaDivergence(X, W, H, K, beta);
  let previous = errorAtInit;
  const numW = new Float64Array(n * K);
  const denW = new Float64Array(n * K);
  const numH = new Float64Array(K * V);
  const denH = new Float64Array(K * V);
  const G = new Float64Array(K * K);
  const R = new Float64Array(X.data.length);
  let iterations = 0;
  let converged = false;
  for (let it = 1; it <= maxIter; it++) {
    ctl.checkpoint(it - 1, maxIter);
    iterations = it;
    muW(X, W, H, K, beta, reg, numW, denW, G, R);
    if (updateH) {
      muH(X, W, H, K, beta, reg, numH, denH, G, R);
      if (beta <= 1) for (let i = 0; i < H.length; i++) if (H[i]! < EPS64) H[i] = 0;
    }
    if (tol > 0 && it % 10 === 0) {
      const error = betaDivergence(X, W, H, K, beta);
      if ((previous - error) / errorAtInit < tol) {
        converged = true;
        break;
      }
      previous = error;
    }
  }
  return { iterations, converged };
}

/**
 * `_beta_divergence(X, W, H, β, square_root=True)` for sparse X: the Frobenius norm of X − WH, or
 * √(2 · generalized KL divergence). The Frobenius form is clamped at 0 against rounding.
 */
export function betaDivergence(X: CsrMatrix, W: Float64Array, H: Float64Array, K: number, beta: number): number {
  const n = X.rows;
  const V = X.cols;
  if (beta === 2) {
    let normX = 0;
    for (let p = 0; p < X.data.length; p++) normX += X.data[p]! * X.data[p]!;
    const G = new Float64Array(K * K);
    gram(W, n, K, G);
    let normWH = 0;
    for (let k = 0; k < K; k++) {
      for (let v = 0; v < V; v++) {
        let s = 0;
        for (let r = 0; r < K; r++) s += G[k * K + r]! * H[r * V + v]!;
        normWH += s * H[k * V + v]!;
      }
    }
    const C = new Float64Array(n * K);
    xHt(X, H, K, C);
    let cross = 0;
    for (let i = 0; i < C.length; i++) cross += C[i]! * W[i]!;
    const res = (normX + normWH - 2 * cross) / 2;
    return Math.sqrt(Math.max(res, 0) * 2);
  }
  const colW = new Float64Array(K);
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) colW[k]! += W[i * K + k]!;
  let sumWH = 0;
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let v = 0; v < V; v++) s += H[k * V + v]!;
    sumWH += colW[k]! * s;
  }
  let res = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    for (let p = X.indptr[i]!; p < X.indptr[i + 1]!; p++) {
      const x = X.data[p]!;
      if (!(x > EPS32)) continue;
      const j = X.indices[p]!;
      let s = 0;
      for (let k = 0; k < K; k++) s += W[i * K + k]! * H[k * V + j]!;
      if (s === 0) s = EPS32;
      res += x * Math.log(x / s);
      sumX += x;
    }
  }
  res += sumWH - sumX;
  return Math.sqrt(2 * Math.max(res, 0));
}

/** Orthonormalizes the r columns of A (rows × r, row-major) in place by modified Gram–Schmidt, twice. */
function orthonormalize(A: Float64Array, rows: number, r: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < r; c++) {
      for (let b = 0; b < c; b++) {
        let d = 0;
        for (let i = 0; i < rows; i++) d += A[i * r + b]! * A[i * r + c]!;
        for (let i = 0; i < rows; i++) A[i * r + c]! -= d * A[i * r + b]!;
      }
      let s = 0;
      for (let i = 0; i < rows; i++) s += A[i * r + c]! * A[i * r + c]!;
      const nrm = Math.sqrt(s);
      if (nrm > 0) for (let i = 0; i < rows; i++) A[i * r + c]! /= nrm;
      else for (let i = 0; i < rows; i++) A[i * r + c] = 0;
    }
  }
}

/** Eigen-decomposition of a symmetric r × r matrix by cyclic Jacobi; eigenvalues descending, vectors as columns. */
export function symmetricEigen(S: Float64Array, r: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(S);
  const Vm = new Float64Array(r * r);
  for (let i = 0; i < r; i++) Vm[i * r + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < r; p++) {
      diag += A[p * r + p]! * A[p * r + p]!;
      for (let q = p + 1; q < r; q++) off += A[p * r + q]! * A[p * r + q]!;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < r; p++) {
      for (let q = p + 1; q < r; q++) {
        const apq = A[p * r + q]!;
        if (apq === 0) continue;
        const app = A[p * r + p]!;
        const aqq = A[q * r + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < r; k++) {
          const akp = A[k * r + p]!;
          const akq = A[k * r + q]!;
          A[k * r + p] = c * akp - s * akq;
          A[k * r + q] = s * akp + c * akq;
        }
        for (let k = 0; k < r; k++) {
          const apk = A[p * r + k]!;
          const aqk = A[q * r + k]!;
          A[p * r + k] = c * apk - s * aqk;
          A[q * r + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < r; k++) {
          const vkp = Vm[k * r + p]!;
          const vkq = Vm[k * r + q]!;
          Vm[k * r + p] = c * vkp - s * vkq;
          Vm[k * r + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: r }, (_, i) => i).sort((a, b) => A[b * r + b]! - A[a * r + a]! || a - b);
  const values = new Float64Array(r);
  const vectors = new Float64Array(r * r);
  order.forEach((src, dst) => {
    values[dst] = A[src * r + src]!;
    for (let k = 0; k < r; k++) vectors[k * r + dst] = Vm[k * r + src]!;
  });
  return { values, vectors };
}

/**
 * The leading K singular triplets of CSR X by subspace iteration with K + 10 seeded Gaussian
 * columns, iterated until the leading K singular values stay within 1e-15 for three rounds (at most 100 rounds), then
 * Rayleigh–Ritz. U n × K, Vt K × V (row-major), S descending. The signs are arbitrary.
 */
export function truncatedSvd(X: CsrMatrix, K: number, rng: Random, ctl: TaskControl): { U: Float64Array; S: Float64Array; Vt: Float64Array } {
  const n = X.rows;
  const V = X.cols;
  const r = Math.min(K + 10, n, V);
  const omega = new Float64Array(V * r);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
  const Q = new Float64Array(n * r);
  xtWFromHt(X, omega, r, Q);
  orthonormalize(Q, n, r);
  const Z = new Float64Array(V * r);
  const prev = new Float64Array(K);
  let calm = 0;
  const B = new Float64Array(r * r);
  let eig: { values: Float64Array; vectors: Float64Array } = { values: new Float64Array(r), vectors: new Float64Array(r * r) };
  for (let round = 0; round < 100; round++) {
    ctl.throwIfAborted();
    xtW(X, Q, r, Z); // Z = Xᵀ Q (V × r) = Bᵀ
    gram(Z, V, r, B); // B Bᵀ = Qᵀ X Xᵀ Q
    eig = symmetricEigen(B, r);
    let settled = round > 0;
    for (let k = 0; k < K; k++) {
      const s = Math.sqrt(Math.max(eig.values[k]!, 0));
      if (!(Math.abs(s - prev[k]!) <= 1e-15 * Math.max(s, 1e-300))) settled = false;
      prev[k] = s;
    }
    calm = settled ? calm + 1 : 0;
    if (calm >= 3) break;
    orthonormalize(Z, V, r);
    xtWFromHt(X, Z, r, Q);
    orthonormalize(Q, n, r);
  }
  // Final Ritz vectors from the last Q: U = Q Ub, Vt_k = (Xᵀ Q Ub_k)ᵀ / σ_k.
  xtW(X, Q, r, Z);
  const U = new Float64Array(n * K);
  const Vt = new Float64Array(K * V);
  const S = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const sigma = Math.sqrt(Math.max(eig.values[k]!, 0));
    S[k] = sigma;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < r; c++) s += Q[i * r + c]! * eig.vectors[c * r + k]!;
      U[i * K + k] = s;
    }
    for (let v = 0; v < V; v++) {
      let s = 0;
      for (let c = 0; c < r; c++) s += Z[v * r + c]! * eig.vectors[c * r + k]!;
      Vt[k * V + v] = sigma > 0 ? s / sigma : 0;
    }
  }
  return { U, S, Vt };
}

/** `_initialize_nmf` for the NNDSVD variants (thresholding at 1e-6, zeros filled by the variant). */
export function nndsvd(X: CsrMatrix, K: number, variant: 'nndsvd' | 'nndsvda' | 'nndsvdar', rng: Random, ctl: TaskControl): { W: Float64Array; H: Float64Array } {
  const n = X.rows;
  const V = X.cols;
  const { U, S, Vt } = truncatedSvd(X, K, rng, ctl);
  const W = new Float64Array(n * K);
  const H = new Float64Array(K * V);
  const s0 = Math.sqrt(S[0]!);
  for (let i = 0; i < n; i++) W[i * K] = s0 * Math.abs(U[i * K]!);
  for (let v = 0; v < V; v++) H[v] = s0 * Math.abs(Vt[v]!);
  for (let j = 1; j < K; j++) {
    let xp = 0;
    let xn = 0;
    let yp = 0;
    let yn = 0;
    for (let i = 0; i < n; i++) {
      const x = U[i * K + j]!;
      if (x > 0) xp += x * x;
      else xn += x * x;
    }
    for (let v = 0; v < V; v++) {
      const y = Vt[j * V + v]!;
      if (y > 0) yp += y * y;
      else yn += y * y;
    }
    xp = Math.sqrt(xp);
    xn = Math.sqrt(xn);
    yp = Math.sqrt(yp);
    yn = Math.sqrt(yn);
    const mp = xp * yp;
    const mn = xn * yn;
    const positive = mp > mn;
    const lbd = Math.sqrt(S[j]! * (positive ? mp : mn));
    const xNorm = positive ? xp : xn;
    const yNorm = positive ? yp : yn;
    if (!(xNorm > 0 && yNorm > 0)) continue;
    for (let i = 0; i < n; i++) {
      const x = U[i * K + j]!;
      W[i * K + j] = (positive ? Math.max(x, 0) : Math.abs(Math.min(x, 0))) / xNorm * lbd;
    }
    for (let v = 0; v < V; v++) {
      const y = Vt[j * V + v]!;
      H[j * V + v] = (positive ? Math.max(y, 0) : Math.abs(Math.min(y, 0))) / yNorm * lbd;
    }
  }
  for (let i = 0; i < W.length; i++) if (!(W[i]! >= 1e-6)) W[i] = 0;
  for (let i = 0; i < H.length; i++) if (!(H[i]! >= 1e-6)) H[i] = 0;
  if (variant !== 'nndsvd') {
    let sum = 0;
    for (let p = 0; p < X.data.length; p++) sum += X.data[p]!;
    const avg = sum / (n * V);
    for (const M of [W, H]) {
      for (let i = 0; i < M.length; i++) {
        if (M[i] === 0) M[i] = variant === 'nndsvda' ? avg : Math.abs((avg * rng.normal()) / 100);
      }
    }
  }
  return { W, H };
}
