/**
 * Internal: Newton polishing of a logistic fit. L-BFGS locates the optimum; near it the objective's
 * differences fall below its rounding level and the line search cannot make progress, while the
 * gradient is still resolvable. A few damped Newton steps on the exact Hessian (the free
 * coefficients only: the support of an L1 fit, with its signs fixed) then drive the gradient to
 * the tolerance. Used when the number of free variables is small enough for a dense Hessian.
 *
 * @internal
 * @module
 */
import { linearPredictor, transposeProduct, type Design } from './_design.js';

export interface NewtonProblem {
  d: Design;
  k: number;
  y01: Float64Array | null;
  codes: Int32Array;
  sw: Float64Array;
  fitIntercept: boolean;
  l1: number;
  l2: number;
}

/** The largest free variables count polished with a dense Hessian. */
export const MAX_NEWTON_VARIABLES = 1200;

/** Row probabilities (k = 1: σ(z); else softmax) into `pr`, residuals s·(p − y) into `r`. */
function residuals(pb: NewtonProblem, z: Float64Array, pr: Float64Array, r: Float64Array): void {
  const { k, sw } = pb;
  const n = pb.d.rows;
  if (k === 1) {
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      const e = Math.exp(-Math.abs(zi));
      const sig = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
      pr[i] = sig;
      r[i] = sw[i]! * (sig - pb.y01![i]!);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const off = i * k;
    let mx = -Infinity;
    for (let c = 0; c < k; c++) if (z[off + c]! > mx) mx = z[off + c]!;
    let se = 0;
    for (let c = 0; c < k; c++) se += pr[off + c] = Math.exp(z[off + c]! - mx);
    const yi = pb.codes[i]!;
    for (let c = 0; c < k; c++) {
      pr[off + c] = pr[off + c]! / se;
      r[off + c] = sw[i]! * (pr[off + c]! - (c === yi ? 1 : 0));
    }
  }
}

/** In-place Cholesky solve of the SPD system A x = rhs (A m × m row-major, overwritten). False if not SPD. */
function choleskySolve(a: Float64Array, m: number, rhs: Float64Array): boolean {
  for (let j = 0; j < m; j++) {
    let s = a[j * m + j]!;
    for (let t = 0; t < j; t++) s -= a[j * m + t]! * a[j * m + t]!;
    if (!(s > 0)) return false;
    const l = Math.sqrt(s);
    a[j * m + j] = l;
    for (let i = j + 1; i < m; i++) {
      let u = a[i * m + j]!;
      for (let t = 0; t < j; t++) u -= a[i * m + t]! * a[j * m + t]!;
      a[i * m + j] = u / l;
    }
  }
  for (let i = 0; i < m; i++) {
    let s = rhs[i]!;
    for (let t = 0; t < i; t++) s -= a[i * m + t]! * rhs[t]!;
    rhs[i] = s / a[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = rhs[i]!;
    for (let t = i + 1; t < m; t++) s -= a[t * m + i]! * rhs[t]!;
    rhs[i] = s / a[i * m + i]!;
  }
  return true;
}

/**
 * Polishes (w, b) in place. Free variables: coefficients with w ≠ 0 when l1 > 0 (all otherwise)
 * and the intercepts. Stops when the free gradient's infinity norm is ≤ tolerance, when a step
 * does not reduce it, or when an L1 coefficient would change sign. Returns the final norm.
 */
function polishSupport(pb: NewtonProblem, w: Float64Array, b: Float64Array | null, tolerance: number, maxSteps: number, sign: Float64Array | null): number {
  const { d, k, l1, l2 } = pb;
  const n = d.rows;
  const p = d.cols;
  const q = p + 1; // column p stands for the intercept
  const freeVar: number[] = [];
  const varOf = new Int32Array(k * q).fill(-1);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < p; j++) {
      if (sign !== null && sign[c * p + j] === 0) continue;
      varOf[c * q + j] = freeVar.length;
      freeVar.push(c * q + j);
    }
    if (b !== null) {
      varOf[c * q + p] = freeVar.length;
      freeVar.push(c * q + p);
    }
  }
  const m = freeVar.length;
  if (m === 0 || m > MAX_NEWTON_VARIABLES) return Infinity;
  const z = new Float64Array(n * k);
  const pr = new Float64Array(n * k);
  const r = new Float64Array(n * k);
  const gw = new Float64Array(k * p);
  const g = new Float64Array(m);
  const h = new Float64Array(m * m);
  const wOld = new Float64Array(w.length);
  const bOld = new Float64Array(k);
  // Nonzero columns of a row: (feature, value) lists built once.
  const rowIdx: Int32Array[] = [];
  const rowVal: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    if (d.sparse) {
      rowIdx.push(d.indices.subarray(d.indptr[i]!, d.indptr[i + 1]!));
      rowVal.push(d.data.subarray(d.indptr[i]!, d.indptr[i + 1]!));
    } else {
      const row = d.data.subarray(i * p, (i + 1) * p);
      let nz = 0;
      for (let j = 0; j < p; j++) if (row[j] !== 0) nz++;
      const ix = new Int32Array(nz);
      const vx = new Float64Array(nz);
      nz = 0;
      for (let j = 0; j < p; j++) if (row[j] !== 0) { ix[nz] = j; vx[nz++] = row[j]!; }
      rowIdx.push(ix);
      rowVal.push(vx);
    }
  }
  const gradNorm = (): number => {
    linearPredictor(d, w, k, b, z);
    residuals(pb, z, pr, r);
    transposeProduct(d, r, k, gw);
    let mx = 0;
    for (let a = 0; a < m; a++) {
      const v = freeVar[a]!;
      const c = Math.floor(v / q);
      const j = v - c * q;
      let gv: number;
      if (j === p) {
        gv = 0;
        for (let i = 0; i < n; i++) gv += r[i * k + c]!;
      } else {
        const t = c * p + j;
        gv = gw[t]! + l2 * w[t]! + (sign === null ? 0 : l1 * sign[t]!);
      }
      g[a] = gv;
      mx = Math.max(mx, Math.abs(gv));
    }
    return mx;
  };
  let norm = gradNorm();
  const locVars: number[] = [];
  const locVals: number[] = [];
  const locCls: number[] = [];
  for (let step = 0; step < maxSteps && norm > tolerance; step++) {
    // Hessian of the free variables (probabilities in pr from gradNorm).
    h.fill(0);
    for (let i = 0; i < n; i++) {
      const s = pb.sw[i]!;
      if (s === 0) continue;
      locVars.length = 0;
      locVals.length = 0;
      locCls.length = 0;
      const ix = rowIdx[i]!;
      const vx = rowVal[i]!;
      for (let c = 0; c < k; c++) {
        for (let t = 0; t < ix.length; t++) {
          const a = varOf[c * q + ix[t]!]!;
          if (a >= 0) { locVars.push(a); locVals.push(vx[t]!); locCls.push(c); }
        }
        const a = varOf[c * q + p]!;
        if (a >= 0) { locVars.push(a); locVals.push(1); locCls.push(c); }
      }
      const L = locVars.length;
      for (let u = 0; u < L; u++) {
        const au = locVars[u]!;
        const cu = locCls[u]!;
        const xu = locVals[u]!;
        const pu = k === 1 ? pr[i]! : pr[i * k + cu]!;
        for (let t = u; t < L; t++) {
          const at = locVars[t]!;
          const ct = locCls[t]!;
          let aw: number;
          if (k === 1) aw = pu * (1 - pu);
          else aw = (cu === ct ? pu : 0) - pu * pr[i * k + ct]!;
          if (aw === 0) continue;
          const hv = s * aw * xu * locVals[t]!;
          const lo = au < at ? au : at;
          const hi = au < at ? at : au;
          h[hi * m + lo] = h[hi * m + lo]! + hv;
        }
      }
    }
    // Symmetrize (lower → full), add the L2 term and a tiny damping for the softmax's flat directions.
    let trace = 0;
    for (let a = 0; a < m; a++) {
      const v = freeVar[a]!;
      if (v % q !== p) h[a * m + a] = h[a * m + a]! + l2;
      trace += h[a * m + a]!;
    }
    const damp = 1e-12 * (trace / m) + 1e-300;
    for (let a = 0; a < m; a++) {
      h[a * m + a] = h[a * m + a]! + damp;
      for (let c = 0; c < a; c++) h[c * m + a] = h[a * m + c]!;
    }
    const delta = Float64Array.from(g, (x) => -x);
    if (!choleskySolve(h, m, delta)) break;
    wOld.set(w);
    if (b !== null) bOld.set(b);
    // Full Newton step first; halved while the gradient norm does not fall (far from the optimum).
    let accepted = false;
    for (let half = 0, scale = 1; half < 30; half++, scale /= 2) {
      let flipped = false;
      for (let a = 0; a < m; a++) {
        const v = freeVar[a]!;
        const c = Math.floor(v / q);
        const j = v - c * q;
        if (j === p) b![c] = bOld[c]! + scale * delta[a]!;
        else {
          const t = c * p + j;
          const nw = wOld[t]! + scale * delta[a]!;
          if (sign !== null && Math.sign(nw) !== sign[t]) {
            // Crossing zero: an L1 coefficient stops there and the support is revised by the caller.
            flipped = true;
            w[t] = 0;
          } else w[t] = nw;
        }
      }
      if (flipped) return Infinity;
      const next = gradNorm();
      if (next < norm) {
        norm = next;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      w.set(wOld);
      if (b !== null) b.set(bOld);
      norm = gradNorm();
      break;
    }
  }
  return norm;
}

/** Gradient of the smooth part (loss + L2) w.r.t. W (k × p) and b, at (w, b). */
function smoothGradient(pb: NewtonProblem, w: Float64Array, b: Float64Array | null): { gw: Float64Array; gb: Float64Array } {
  const { d, k } = pb;
  const z = new Float64Array(d.rows * k);
  const pr = new Float64Array(d.rows * k);
  const r = new Float64Array(d.rows * k);
  linearPredictor(d, w, k, b, z);
  residuals(pb, z, pr, r);
  const gw = new Float64Array(k * d.cols);
  transposeProduct(d, r, k, gw);
  for (let t = 0; t < gw.length; t++) gw[t] = gw[t]! + pb.l2 * w[t]!;
  const gb = new Float64Array(k);
  for (let i = 0; i < d.rows; i++) for (let c = 0; c < k; c++) gb[c] = gb[c]! + r[i * k + c]!;
  return { gw, gb };
}

/**
 * Polishes (w, b) in place to the optimality tolerance. With an L1 term this is an active-set
 * Newton method: the support is the nonzero coefficients plus the zeros whose gradient exceeds
 * the L1 weight (entering with the sign that lowers the objective); coefficients that would cross
 * zero stop at zero; repeated until the optimality conditions hold or nothing improves.
 * Returns the optimality measure (infinity norm of the free gradient / KKT violation).
 */
export function newtonPolish(pb: NewtonProblem, w: Float64Array, b: Float64Array | null, tolerance: number, maxSteps = 20): number {
  if (pb.l1 === 0) return polishSupport(pb, w, b, tolerance, maxSteps, null);
  const kp = pb.k * pb.d.cols;
  const l1 = pb.l1;
  const kktNorm = (gw: Float64Array, gb: Float64Array): number => {
    let mx = 0;
    for (let t = 0; t < kp; t++) {
      const v = w[t] !== 0 ? Math.abs(gw[t]! + l1 * Math.sign(w[t]!)) : Math.max(Math.abs(gw[t]!) - l1, 0);
      if (v > mx) mx = v;
    }
    if (b !== null) for (let c = 0; c < gb.length; c++) mx = Math.max(mx, Math.abs(gb[c]!));
    return mx;
  };
  let { gw, gb } = smoothGradient(pb, w, b);
  let norm = kktNorm(gw, gb);
  for (let outer = 0; outer < 20 && norm > tolerance; outer++) {
    const sign = new Float64Array(kp);
    for (let t = 0; t < kp; t++) sign[t] = w[t] !== 0 ? Math.sign(w[t]!) : Math.abs(gw[t]!) > l1 ? -Math.sign(gw[t]!) : 0;
    const wBefore = Float64Array.from(w);
    const bBefore = b === null ? null : Float64Array.from(b);
    polishSupport(pb, w, b, tolerance, maxSteps, sign);
    ({ gw, gb } = smoothGradient(pb, w, b));
    const next = kktNorm(gw, gb);
    if (!(next < norm)) {
      // No progress: keep the better point.
      w.set(wBefore);
      if (b !== null) b.set(bBefore!);
      break;
    }
    norm = next;
  }
  return norm;
}
