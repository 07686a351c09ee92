import { NotConvergedError } from '../core/errors.js';
import { logNbdCoefficient, logPoch, pochSums, sortedValues } from './_poch.js';
import { checkModel, fitContinuousModel, type BtydCustomer, type ContinuousFitOptions, type FitDiagnostics, type LogLikelihoodKernel, type Patterns } from './_btyd.js';

/** Parameters of the Pareto/NBD model. */
export interface ParetoNbdParams {
  /** Gamma shape of purchase rates λ. */
  r: number;
  /** Gamma scale (rate) of λ. */
  alpha: number;
  /** Gamma shape of drop-out rates μ. */
  s: number;
  /** Gamma scale (rate) of μ. */
  beta: number;
}

/** A fitted Pareto/NBD model (JSON-ready). */
export interface ParetoNbdModel {
  kind: 'paretoNbd';
  formatVersion: 1;
  params: ParetoNbdParams;
  /** Absent when the Hessian at the optimum is not positive definite. */
  standardErrors?: ParetoNbdParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  nCustomers: number;
  options: { penalizer: number; maxIterations: number; tolerance: number; penalizerScaling?: 'none' | 'lifetimes' };
  /** What limits how far the fit can be trusted: parameters near a bound, a Hessian that is not positive definite, data without variation (absent only in models saved by older versions). */
  diagnostics?: FitDiagnostics;
}

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * Most series terms one prediction may sum (a likelihood evaluation: this plus 2,000 per pattern). The terms of
 * ₂F₁(a, b; a+1; z) are all positive and the series needs about (b + 40)/(1 − z) of them: z → 1 happens
 * only at degenerate parameters (|α − β| ≈ max(α, β) ≫ t_x), where the old general routine could take
 * minutes (20 million terms per call). Past the budget an evaluation is reported as not finite: the
 * optimizer treats the point as infeasible and steps back; a prediction throws a typed error.
 */
const TERM_BUDGET = 100_000;
/** Extra terms per pattern of a likelihood evaluation (a well-conditioned pattern needs 10–1,000). */
const TERMS_PER_PATTERN = 2_000;
let budget = TERM_BUDGET;

/** ₂F₁(a, b; a+1; z) for 0 ≤ z < 1 by its positive series Σ a/(a+k)·(b)_k/k!·z^k; NaN past the term budget. */
function f21ap1(a: number, b: number, z: number): number {
  if (z === 0) return 1;
  let c = 1; // (b)_k z^k / k!
  let s = 1;
  for (let k = 1; ; k++) {
    if (--budget < 0) return NaN;
    c *= ((b + k - 1) / k) * z;
    const t = (a / (a + k)) * c;
    s += t;
    if (t <= 1e-17 * s) break;
  }
  return s;
}

/** Per-pattern pieces of the Pareto/NBD likelihood at p (natural parameters). */
function paretoParts(p: ArrayLike<number>, x: number, tx: number, T: number, lgRatio: number): { head: number; t1: number; t2: number } {
  const r = p[0]!;
  const alpha = p[1]!;
  const s = p[2]!;
  const beta = p[3]!;
  const rsx = r + s + x;
  const big = alpha >= beta ? alpha : beta;
  const c2 = alpha >= beta ? s + 1 : r + x;
  const d = Math.abs(alpha - beta);
  budget = TERM_BUDGET;
  const l1 = Math.log(f21ap1(rsx, c2, d / (big + tx))) - rsx * Math.log(big + tx);
  const l2 = Math.log(f21ap1(rsx, c2, d / (big + T))) - rsx * Math.log(big + T);
  if (Number.isNaN(l1) || Number.isNaN(l2)) {
    // relabelled with the caller's name by coreErrorsAs
    throw new NotConvergedError('value/paretoNbd', `the Pareto/NBD series needs more than ${TERM_BUDGET} terms at these parameters (|α − β| is close to max(α, β) + t_x: degenerate parameters)`, TERM_BUDGET);
  }
  const head = lgRatio + r * Math.log(alpha) + s * Math.log(beta);
  const t1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const t2 = l2 < l1 ? Math.log(s / rsx) + l1 + Math.log1p(-Math.exp(l2 - l1)) : -Infinity;
  return { head, t1, t2 };
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Scratch for {@link lnGWithGradient}: ∂lnG/∂a, ∂lnG/∂b, ∂lnG/∂z, value ln F. */
const SER = new Float64Array(4);

/**
 * ln F and the partial derivatives of ln F for F = ₂F₁(a, b; a+1; z), into SER = [ln F, ∂a, ∂b, ∂z], by
 * the positive series F = Σ tₖ, tₖ = a/(a+k)·(b)ₖ/k!·zᵏ, ∂F/∂a = Σ tₖ·k/(a(a+k)),
 * ∂F/∂b = Σ tₖ·Σ_{j<k} 1/(b+j), ∂F/∂z = Σ k·tₖ/z (all terms positive: no cancellation at any z < 1).
 * Returns false past the term budget.
 */
function lnF(a: number, b: number, z: number): boolean {
  if (z === 0) {
    SER[0] = 0;
    SER[1] = 0;
    SER[2] = 0;
    SER[3] = (a * b) / (a + 1);
    return true;
  }
  let c = 1;
  let f = 1;
  let fa = 0;
  let fb = 0;
  let fz = 0;
  let h = 0;
  for (let k = 1; ; k++) {
    if (--budget < 0) return false;
    h += 1 / (b + k - 1);
    c *= ((b + k - 1) / k) * z;
    const t = (a / (a + k)) * c;
    f += t;
    fa += (t * k) / (a * (a + k));
    fb += t * h;
    fz += k * t;
    if (t <= 1e-17 * f) break;
  }
  SER[0] = Math.log(f);
  SER[1] = fa / f;
  SER[2] = fb / f;
  SER[3] = fz / (z * f);
  return true;
}

/**
 * Pareto/NBD kernel with analytic gradient: ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
 * + ln[(α+T)^−(r+x)(β+T)^−s + s/(r+s+x)·A₀], A₀ = G(t_x) − G(T),
 * G(u) = ₂F₁(r+s+x, c₂; r+s+x+1; |α−β|/(m+u))·(m+u)^−(r+s+x), m = max(α, β), c₂ = s+1 (α ≥ β) or r+x.
 * @internal
 */
export function paretoNbdKernel(d: Patterns): LogLikelihoodKernel {
  const { n, x, tx, T, w } = d;
  const xs = sortedValues(x);
  const xk = Int32Array.from(x, (v) => xs.at.get(v)!);
  const lg = new Float64Array(xs.values.length);
  const dg = new Float64Array(xs.values.length);
  // [ln G, ∂r, ∂α, ∂s, ∂β] of G(t_x) and G(T)
  const g0 = new Float64Array(5);
  const g1 = new Float64Array(5);
  const g2 = new Float64Array(5);
  return (p, grad) => {
    const r = p[0]!;
    const alpha = p[1]!;
    const s = p[2]!;
    const beta = p[3]!;
    budget = TERM_BUDGET + TERMS_PER_PATTERN * n;
    pochSums(r, xs.values, lg, dg);
    const aGeB = alpha >= beta;
    const big = aGeB ? alpha : beta;
    const dd = Math.abs(alpha - beta);
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    const lnS = Math.log(s);
    // fills out = [ln G(u), d/dr, d/dα, d/ds, d/dβ]
    const G = (u: number, a: number, b: number, out: Float64Array): void => {
      const m = big + u;
      const z = dd / m;
      const lnm = Math.log(m);
      if (!lnF(a, b, z)) {
        out[0] = NaN;
        return;
      }
      out[0] = SER[0]! - a * lnm;
      if (!grad) return;
      const da = SER[1]! - lnm; // ∂lnG/∂a
      const db = SER[2]!;
      const dz = SER[3]!;
      const dm = -a / m; // direct ∂lnG/∂m
      // z = d/m: ∂z/∂α, ∂z/∂β
      const sign = aGeB ? 1 : -1; // ∂d/∂α
      let zAlpha = (sign * 1) / m;
      let zBeta = (-sign * 1) / m;
      if (aGeB) zAlpha -= z / m;
      else zBeta -= z / m;
      out[1] = da + (aGeB ? 0 : db); // ∂a/∂r = 1; b = r+x when α < β
      out[3] = da + (aGeB ? db : 0); // ∂a/∂s = 1; b = s+1 when α ≥ β
      out[2] = dz * zAlpha + (aGeB ? dm : 0);
      out[4] = dz * zBeta + (aGeB ? 0 : dm);
    };
    let ll = 0;
    let gr = 0;
    let gal = 0;
    let gs = 0;
    let gbe = 0;
    let g0done = false;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const wi = w[i]!;
      const a = r + s + xi;
      const b = aGeB ? s + 1 : r + xi;
      const lnAT = Math.log(alpha + T[i]!);
      const lnBT = Math.log(beta + T[i]!);
      const head = lg[xk[i]!]! + r * lnAlpha + s * lnBeta;
      const t1 = -(r + xi) * lnAT - s * lnBT;
      if (xi === 0) {
        // every x = 0 pattern has t_x = 0 and the same a, b: G(0) once per evaluation
        if (!g0done) {
          G(0, a, b, g0);
          g0done = true;
        }
        g1.set(g0);
      } else G(tx[i]!, a, b, g1);
      G(T[i]!, a, b, g2);
      if (Number.isNaN(g1[0]!) || Number.isNaN(g2[0]!)) return NaN; // past the term budget: an infeasible point
      const rho = g2[0]! < g1[0]! ? Math.exp(g2[0]! - g1[0]!) : 1;
      const t2 = rho < 1 ? lnS - Math.log(a) + g1[0]! + Math.log1p(-rho) : -Infinity;
      let L: number;
      let w2: number;
      if (t2 === -Infinity) {
        L = t1;
        w2 = 0;
      } else if (t1 > t2) {
        const e = Math.exp(t2 - t1);
        L = t1 + Math.log1p(e);
        w2 = e / (1 + e);
      } else {
        const e = Math.exp(t1 - t2);
        L = t2 + Math.log1p(e);
        w2 = 1 / (1 + e);
      }
      ll += wi * (head + L);
      if (grad) {
        const w1 = 1 - w2;
        // head
        gr += wi * (dg[xk[i]!]! + lnAlpha);
        gal += (wi * r) / alpha;
        gs += wi * lnBeta;
        gbe += (wi * s) / beta;
        // t1
        gr -= wi * w1 * lnAT;
        gal -= (wi * w1 * (r + xi)) / (alpha + T[i]!);
        gs -= wi * w1 * lnBT;
        gbe -= (wi * w1 * s) / (beta + T[i]!);
        if (w2 > 0) {
          const q = 1 / (1 - rho);
          const c = wi * w2;
          gr += c * (-1 / a + (g1[1]! - rho * g2[1]!) * q);
          gal += c * ((g1[2]! - rho * g2[2]!) * q);
          gs += c * (1 / s - 1 / a + (g1[3]! - rho * g2[3]!) * q);
          gbe += c * ((g1[4]! - rho * g2[4]!) * q);
        }
      }
    }
    if (grad) {
      grad[0] = gr;
      grad[1] = gal;
      grad[2] = gs;
      grad[3] = gbe;
    }
    return ll;
  };
}

/** P(alive | x, t_x, T) = (α+T)^−(r+x)(β+T)^−s·Γ(r+x)α^rβ^s/Γ(r) / L. @internal */
export function paretoNbdAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const arr = [p.r, p.alpha, p.s, p.beta];
  const { t1, t2 } = paretoParts(arr, x, tx, T, logPoch(p.r, x));
  return Math.exp(t1 - logAddExp(t1, t2));
}

/** E[X(t)] new customer: rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)] (the limit rβ/α·ln(1+t/β) at s = 1). @internal */
export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  if (Math.abs(s - 1) < 1e-12) return ((r * beta) / alpha) * Math.log1p(t / beta);
  return ((r * beta) / (alpha * (s - 1))) * -Math.expm1(-(s - 1) * Math.log1p(t / beta));
}

/** E[Y(t) | x, t_x, T] = P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]. @internal */
export function paretoNbdConditional(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const alive = paretoNbdAlive(p, x, tx, T);
  const scale = (r + x) / (alpha + T);
  if (Math.abs(s - 1) < 1e-12) return alive * scale * (beta + T) * Math.log1p(t / (beta + T));
  return (alive * scale * (beta + T) * -Math.expm1(-(s - 1) * Math.log1p(t / (beta + T)))) / (s - 1);
}

/**
 * Fits the Pareto/NBD model (Poisson purchases at rate λ ~ Gamma(r, α) while alive; exponential
 * lifetime at rate μ ~ Gamma(s, β)).
 *
 * @remarks Objective as in {@link fitBetaGeo} (lifetimes' `ParetoNBDFitter`: mean negative
 * log-likelihood plus λ·Σθ²), minimized over log-parameters by L-BFGS with the analytic gradient
 * (derivatives of the hypergeometric series summed alongside it). The likelihood's Gauss hypergeometric functions all have c = a + 1 and are summed
 * directly when their argument is ≤ 0.5. Customers with identical (x, t_x, T) are merged.
 * @see Schmittlein, Morrison & Colombo (1987), Management Science 33(1); Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions"; Fader, Hardie & Lee (2005), Marketing Science 24(2).
 * @throws {@link InvalidInputError} on malformed customers (see {@link fitBetaGeo})
 * @throws {@link InvalidOptionError} on bad options
 * @throws {@link NotConvergedError} with `strict: true` when the optimizer does not converge
 * @example
 * ```ts
 * import { fitParetoNbd } from 'crmkit/value';
 * const m = fitParetoNbd([
 *   { frequency: 0, recency: 0, T: 38, weight: 60 }, { frequency: 0, recency: 0, T: 30, weight: 50 },
 *   { frequency: 1, recency: 10, T: 38, weight: 15 }, { frequency: 1, recency: 30, T: 32, weight: 12 },
 *   { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 3, recency: 5, T: 35, weight: 4 },
 *   { frequency: 4, recency: 33, T: 37, weight: 5 }, { frequency: 7, recency: 30, T: 38, weight: 3 },
 * ]);
 * m.kind; // => 'paretoNbd'
 * m.converged; // => true
 * ```
 * @category Models
 */
export function fitParetoNbd(customers: readonly BtydCustomer[], options?: ContinuousFitOptions): ParetoNbdModel {
  return fitContinuousModel('value/fitParetoNbd', 'paretoNbd', NAMES, paretoNbdKernel, customers, options, (p, t, x, tx, T) => (t === 0 ? 0 : paretoNbdConditional(p, t, x, tx, T)));
}

/**
 * Loads a Pareto/NBD model from parsed JSON, checking its kind, format version and parameters.
 *
 * @throws {@link ModelFormatError} when the object is not a version-1 `paretoNbd` model
 * @example
 * ```ts
 * import { parseParetoNbdModel } from 'crmkit/value';
 * const json = { kind: 'paretoNbd', formatVersion: 1, params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, logLikelihood: -9595, converged: true, iterations: 30 };
 * parseParetoNbdModel(json).params.s; // => 0.61
 * ```
 * @category Models
 */
export function parseParetoNbdModel(json: unknown): ParetoNbdModel {
  checkModel('value/parseParetoNbdModel', json, 'paretoNbd', NAMES);
  return json as ParetoNbdModel;
}

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on the three-term recurrence), computed once. */
function gaussLegendre(m: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= m; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (m * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) <= 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

let GL: { x: Float64Array; w: Float64Array } | undefined;

/** ∫_a^b f by 20-point Gauss–Legendre. */
function gl20(f: (w: number) => number, a: number, b: number): number {
  GL ??= gaussLegendre(20);
  const h = 0.5 * (b - a);
  const c = 0.5 * (a + b);
  let s = 0;
  for (let i = 0; i < 20; i++) s += GL.w[i]! * f(c + h * GL.x[i]!);
  return s * h;
}

/** Adaptive bisection: accepts a panel when its two halves agree with the whole within `tol`. */
function adaptive(f: (w: number) => number, a: number, b: number, whole: number, tol: number, depth: number): number {
  const m = 0.5 * (a + b);
  const left = gl20(f, a, m);
  const right = gl20(f, m, b);
  const both = left + right;
  if (Math.abs(both - whole) <= tol || depth >= 24) return both;
  return adaptive(f, a, m, left, tol / 2, depth + 1) + adaptive(f, m, b, right, tol / 2, depth + 1);
}

/**
 * P(X(t) = n) for a new Pareto/NBD customer. λ and μ are independent, so with the lifetime τ
 * Lomax-distributed (density s/β·(β/(β+u))^(s+1)):
 * P = NBD(n; r, α, t)·(β/(β+t))^s + ∫_0^t NBD(n; r, α, u)·s/β·(β/(β+u))^(s+1) du.
 * With w = u/(α+u) the integral becomes Γ(r+n)/(Γ(r) n!)·s·(α/β)·∫_0^{t/(α+t)} w^n (1−w)^(r+s−1)
 * (1 − (1−α/β)w)^−(s+1) dw: a positive integrand (no cancellation) whose only singularities lie at
 * w = 1 and, for α < β, at w = β/(β−α) > 1. Integrated by adaptive 20-point Gauss–Legendre on panels
 * graded towards w = 1, to 1e-13 of the result. This equals the closed form of Fader & Hardie's
 * Pareto/NBD note (a difference of n + 2 Gauss hypergeometric functions), which cancels badly for
 * t ≪ max(α, β) and cannot be evaluated for α ≪ β at large n. @internal
 */
export function paretoNbdProbabilityOfPurchases(p: ParetoNbdParams, t: number, n: number): number {
  const { r, alpha, s, beta } = p;
  const lnCoef = logNbdCoefficient(r, n);
  const alive = Math.exp(lnCoef + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t)));
  const q = t / (alpha + t);
  const k = 1 - alpha / beta;
  const lnLead = lnCoef + Math.log(s) + Math.log(alpha / beta);
  const rs1 = r + s - 1;
  const f = (w: number): number => (w <= 0 ? (n === 0 ? Math.exp(lnLead) : 0) : Math.exp(lnLead + n * Math.log(w) + rs1 * Math.log1p(-w) - (s + 1) * Math.log1p(-k * w)));
  // panels [0, 1/2], [1/2, 3/4], … up to q: each no longer than its distance to w = 1
  const edges = [0];
  for (let e = 0.5; e < q && edges.length < 60; e = 0.5 * (1 + e)) edges.push(e);
  edges.push(q);
  const first: number[] = [];
  let rough = alive;
  for (let i = 0; i + 1 < edges.length; i++) {
    const v = gl20(f, edges[i]!, edges[i + 1]!);
    first.push(v);
    rough += v;
  }
  // 1e-13 of the result: well above the rounding noise of a panel sum (so bisection stops), and the
  // halves-vs-whole difference overstates the error of the halves by orders of magnitude
  const tol = 1e-13 * rough;
  let dead = 0;
  for (let i = 0; i + 1 < edges.length; i++) dead += adaptive(f, edges[i]!, edges[i + 1]!, first[i]!, tol / (edges.length - 1), 0);
  return alive + dead;
}
