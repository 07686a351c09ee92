/**
 * Bounded quasi-Newton minimization (projected L-BFGS), finite-difference derivatives and the
 * symmetric inverse used for standard errors. Built for the small, smooth problems of the value
 * models (a handful of log-parametrized parameters, gradients often numeric).
 *
 * @module
 */
import { runSteps, type Steps } from './_steps.js';
import { DimensionMismatchError, InvalidInputError, InvalidOptionError, NotConvergedError } from './errors.js';
import { taskControl, type LongRunOptions } from './progress.js';
import { arrayLike, finiteArray, func, integerInRange, numberInRange, options as checkOptions, boolean } from './validate.js';

const EPS = 2.220446049250313e-16;
/** ε^(1/3): the central-difference step that balances truncation (h²) and rounding (ε/h). */
const STEP_GRADIENT = 6.055454452393343e-6;
/** ε^(1/6): the Richardson-extrapolated second-difference step (truncation h⁴ vs. rounding ε/h²). */
const STEP_HESSIAN = 2.460783300575925e-3;

/** Options of {@link minimize}. */
export interface MinimizeOptions extends LongRunOptions {
  /**
   * Analytic gradient: writes ∇f(x) into `out` (length n). When omitted the gradient is estimated
   * by central differences (2n evaluations of `f` per gradient; one-sided second-order differences
   * next to a bound so `f` is never called outside the box).
   */
  gradient?: (x: Float64Array, out: Float64Array) => void;
  /**
   * Lower bounds, one per variable (`-Infinity` for none).
   * @defaultValue all `-Infinity`
   */
  lower?: ArrayLike<number>;
  /**
   * Upper bounds, one per variable (`Infinity` for none).
   * @defaultValue all `Infinity`
   */
  upper?: ArrayLike<number>;
  /**
   * Iteration cap (one iteration = one direction and one line search).
   * @defaultValue 1000
   */
  maxIterations?: number;
  /**
   * Stop when the infinity norm of the projected gradient is at most this. With a numeric gradient
   * the effective tolerance is max(gradientTolerance, 10·ε^(2/3)·max(1, |f(x)|)), the level below
   * which central differences cannot resolve the gradient (see remarks of {@link minimize}).
   * @defaultValue 1e-8
   */
  gradientTolerance?: number;
  /**
   * Stop when two consecutive iterations each lower f by at most
   * `valueTolerance · max(|f_old|, |f_new|, 1)` (scipy's `ftol` test, required twice).
   * @defaultValue 1e-14
   */
  valueTolerance?: number;
  /**
   * Number of (s, y) correction pairs kept by L-BFGS.
   * @defaultValue 10
   */
  memory?: number;
  /**
   * Throw {@link NotConvergedError} instead of returning `converged: false`.
   * @defaultValue false
   */
  strict?: boolean;
}

/** Why {@link minimize} stopped. */
export type MinimizeReason =
  /** The projected gradient's infinity norm fell to the (effective) gradient tolerance. */
  | 'gradientTolerance'
  /**
   * The relative decrease of f fell to `valueTolerance` in two consecutive iterations, or the
   * decrease the quasi-Newton model predicts (−½·gᵀd) is below f's rounding level 10ε·max(1, |f|).
   */
  | 'valueTolerance'
  /** `maxIterations` iterations ran without meeting either tolerance. */
  | 'maxIterations'
  /** No step along the steepest-descent direction lowered f (f noisy, or the gradient is wrong). */
  | 'lineSearchFailed';

/** Result of {@link minimize}. */
export interface MinimizeResult {
  /** The minimizer found (inside the bounds). */
  x: number[];
  /** f(x). */
  value: number;
  /** ∇f(x) (analytic or numeric, as used by the solver). */
  gradient: number[];
  /** Iterations run. */
  iterations: number;
  /** Calls of `f` (including those made to estimate gradients numerically). */
  evaluations: number;
  /** Whether a tolerance was met (`reason` is `'gradientTolerance'` or `'valueTolerance'`). */
  converged: boolean;
  /** Why the solver stopped. */
  reason: MinimizeReason;
}

const MINIMIZE_KEYS = [
  'gradient',
  'lower',
  'upper',
  'maxIterations',
  'gradientTolerance',
  'valueTolerance',
  'memory',
  'strict',
  'signal',
  'onProgress',
] as const;

function bounds(fn: string, name: string, b: unknown, n: number, fill: number): Float64Array {
  const out = new Float64Array(n).fill(fill);
  if (b === undefined) return out;
  const arr = arrayLike<unknown>(fn, name, b);
  if (arr.length !== n) throw new DimensionMismatchError(fn, `${name} must have one bound per variable (${n})`, arr.length);
  const plain = Array.isArray(arr);
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || Number.isNaN(v) || (plain && !(i in arr))) {
      throw new InvalidOptionError(fn, `${name}[${i}] must be a number (±Infinity for no bound)`, plain && !(i in arr) ? undefined : v);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Minimizes a smooth function of n variables, optionally inside box bounds, with a projected
 * limited-memory BFGS method and a strong-Wolfe line search.
 *
 * @remarks
 * Algorithm (an active-set variant of L-BFGS-B, Byrd–Lu–Nocedal–Zhu 1995, without the generalized
 * Cauchy point): at each iterate the variables sitting on a bound whose gradient pushes outward are
 * held fixed; the L-BFGS two-loop recursion (memory m, initial scaling sᵀy / yᵀy) is applied to the
 * gradient restricted to the free variables, giving d = −Z H Zᵀ g, which is a descent direction
 * because H is positive definite (pairs with sᵀy ≤ ε·yᵀy are skipped); components that would push a
 * variable already on a bound outward are dropped, and if that leaves no descent the iteration takes
 * a scaled steepest-descent step −(sᵀy / yᵀy)·g on the free variables. The step length is chosen by
 * the Nocedal–Wright strong-Wolfe search (c₁ = 1e-4, c₂ = 0.9, cubic/quadratic interpolation),
 * capped at the first bound the ray meets; a variable that reaches its bound is snapped onto it
 * and joins the active set at the next iteration. The first step is 1/‖d‖₂ (capped at 1), later
 * steps start at 1. If a line search fails the memory is cleared and steepest descent is tried
 * once before stopping with `'lineSearchFailed'`.
 *
 * Stopping: the projected gradient (scipy's `projgr`: g clipped by the distance to the bounds) has
 * infinity norm ≤ `gradientTolerance`, or f drops by ≤ `valueTolerance·max(|f|, 1)` in each of two
 * consecutive iterations (steps cut short by a bound do not count), or a line search fails while the decrease the model predicts (−½·gᵀd) is
 * below f's rounding level 10ε·max(1, |f|) (x is then as precise as f allows). With numeric gradients (central differences, h = ε^(1/3)·max(1, |xᵢ|)) the gradient
 * carries a rounding error near ε^(2/3)·|f|, so the gradient test uses
 * max(gradientTolerance, 10·ε^(2/3)·max(1, |f|)) ≈ max(tol, 3.7e-10·max(1, |f|)).
 *
 * Progress: `onProgress` receives `{ completed: iterations, total: maxIterations }` at most every
 * 50 ms, and a final report `{ completed: iterations, total: iterations, stage: reason }`.
 *
 * Cost per iteration: O(m·n) arithmetic, about 1–2 line-search points, each needing one value and
 * one gradient (2n + 1 calls of f when the gradient is numeric). Trial points where f is NaN or
 * ±Infinity are treated as too long a step (the search backs off), so f may overflow far from the
 * optimum. `f` receives a scratch `Float64Array` it may read but must not keep.
 *
 * @param f - the objective; must be finite at `x0` (after clipping into the bounds)
 * @param x0 - the starting point; coordinates outside the bounds are clipped onto them
 * @see scipy.optimize.minimize(method='L-BFGS-B'), the reference of the tests (scipy 1.10.1)
 * @see Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithms 3.5, 3.6 and 7.4
 * @throws {@link InvalidInputError} when `f` is not a function, `x0` is empty or not finite, f(x0)
 * is not finite, or the gradient (analytic or numeric) is not finite at an accepted point
 * @throws {@link InvalidOptionError} on unknown options, bounds with NaN or lower > upper,
 * `maxIterations` not an integer ≥ 0, tolerances < 0, `memory` not an integer in [1, 100]
 * @throws {@link DimensionMismatchError} when `lower`/`upper` do not have one entry per variable
 * @throws {@link NotConvergedError} with `strict: true` when no tolerance was met
 * @throws {@link AbortError} when `signal` fires (checked once per iteration)
 * @example
 * ```ts
 * import { minimize } from 'crmkit';
 * const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
 * const r = minimize(rosenbrock, [-1.2, 1]);
 * r.converged; // => true
 * r.x.map((v) => Math.round(v * 1e6) / 1e6); // => [1, 1]
 * // With bounds: the minimum of (x - 3)² on [0, 2] is at the bound 2.
 * minimize((x) => (x[0]! - 3) ** 2, [0.5], { lower: [0], upper: [2] }).x; // => [2]
 * ```
 * @category Optimization
 */
export function minimize(f: (x: Float64Array) => number, x0: ArrayLike<number>, options?: MinimizeOptions): MinimizeResult {
  return runSteps(minimizeSteps(f, x0, options));
}

/**
 * The kernel of {@link minimize}: yields once per L-BFGS-B iteration (core/_steps), so fits built
 * on it get awaitable forms. The default export keeps it internal: `export *` in core/index.ts
 * re-exports named exports only.
 */
export default function* minimizeSteps(f: (x: Float64Array) => number, x0: ArrayLike<number>, options?: MinimizeOptions): Steps<MinimizeResult> {
  const fn = 'core/minimize';
  const opts = checkOptions(fn, options, MINIMIZE_KEYS);
  func(fn, 'f', f);
  const x = finiteArray(fn, 'x0', x0, 1);
  const n = x.length;
  const lower = bounds(fn, 'options.lower', opts.lower, n, -Infinity);
  const upper = bounds(fn, 'options.upper', opts.upper, n, Infinity);
  for (let i = 0; i < n; i++) {
    if (!(lower[i]! <= upper[i]!) || lower[i] === Infinity || upper[i] === -Infinity) {
      throw new InvalidOptionError(fn, `options.lower[${i}] must be ≤ options.upper[${i}] (${upper[i]}) and bounds must leave a finite point`, lower[i]);
    }
  }
  const analytic = opts.gradient === undefined ? undefined : func<(x: Float64Array, out: Float64Array) => void>(fn, 'options.gradient', opts.gradient);
  const maxIterations = opts.maxIterations === undefined ? 1000 : integerInRange(fn, 'options.maxIterations', opts.maxIterations, { min: 0 });
  const gtol = opts.gradientTolerance === undefined ? 1e-8 : numberInRange(fn, 'options.gradientTolerance', opts.gradientTolerance, { min: 0 });
  const ftol = opts.valueTolerance === undefined ? 1e-14 : numberInRange(fn, 'options.valueTolerance', opts.valueTolerance, { min: 0 });
  const m = opts.memory === undefined ? 10 : integerInRange(fn, 'options.memory', opts.memory, { min: 1, max: 100 });
  const strict = opts.strict === undefined ? false : boolean(fn, 'options.strict', opts.strict);
  const task = taskControl(fn, { ...(opts.signal !== undefined && { signal: opts.signal }), ...(opts.onProgress !== undefined && { onProgress: opts.onProgress }) });

  for (let i = 0; i < n; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));

  // ---- evaluation helpers (scratch buffer so f never sees our state) ----
  const scratch = new Float64Array(n);
  const probe = new Float64Array(n);
  let evaluations = 0;
  const value = (p: Float64Array): number => {
    scratch.set(p);
    evaluations++;
    const v = f(scratch);
    return typeof v === 'number' ? v : NaN;
  };
  const gradientAt = (p: Float64Array, fp: number, out: Float64Array): void => {
    if (analytic !== undefined) {
      scratch.set(p);
      analytic(scratch, out);
    } else {
      boxedCentralGradient(value, p, fp, lower, upper, out, probe);
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(out[i]!)) {
        throw new InvalidInputError(fn, `the gradient of f is not finite at component ${i} of x = [${Array.from(p).join(', ')}]`, out[i]);
      }
    }
  };

  let fx = value(x);
  if (!Number.isFinite(fx)) throw new InvalidInputError(fn, 'f(x0) must be a finite number', fx);
  const g = new Float64Array(n);
  gradientAt(x, fx, g);

  // ---- L-BFGS memory (ring buffer) ----
  const S = new Float64Array(m * n);
  const Y = new Float64Array(m * n);
  const rho = new Float64Array(m);
  const alphaBuf = new Float64Array(m);
  let count = 0;
  let head = 0; // next slot to write
  let gamma = 1;

  const free = new Uint8Array(n);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const gLo = new Float64Array(n);
  const xLo = new Float64Array(n);

  let iterations = 0;
  let reason: MinimizeReason = 'maxIterations';
  let converged = false;
  let retried = false;
  let smallDecreases = 0;

  // Within a few ulps of a bound counts as on it (a step there could only be a few ulps long).
  const onLower = (i: number): boolean => lower[i] !== -Infinity && x[i]! - lower[i]! <= 4 * EPS * Math.max(1, Math.abs(lower[i]!));
  const onUpper = (i: number): boolean => upper[i] !== Infinity && upper[i]! - x[i]! <= 4 * EPS * Math.max(1, Math.abs(upper[i]!));

  const projectedGradientNorm = (): number => {
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      const pg = gi < 0 ? Math.max(x[i]! - upper[i]!, gi) : Math.min(x[i]! - lower[i]!, gi);
      norm = Math.max(norm, Math.abs(pg));
    }
    return norm;
  };

  for (;;) {
    const gtolEff = analytic === undefined ? Math.max(gtol, 10 * 3.666852862501036e-11 * Math.max(1, Math.abs(fx))) : gtol;
    if (projectedGradientNorm() <= gtolEff) {
      reason = 'gradientTolerance';
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;

    // Free variables: not on a bound with the gradient pushing outward.
    for (let i = 0; i < n; i++) {
      const atLower = onLower(i) && g[i]! > 0;
      const atUpper = onUpper(i) && g[i]! < 0;
      free[i] = atLower || atUpper || lower[i] === upper[i] ? 0 : 1;
    }
    // Two-loop recursion on the masked gradient: d = −Z H Zᵀ g.
    for (let i = 0; i < n; i++) d[i] = free[i] ? g[i]! : 0;
    for (let k = 0; k < count; k++) {
      const slot = (head - 1 - k + m) % m;
      const off = slot * n;
      let a = 0;
      for (let i = 0; i < n; i++) a += S[off + i]! * d[i]!;
      a *= rho[slot]!;
      alphaBuf[slot] = a;
      for (let i = 0; i < n; i++) d[i] = d[i]! - a * Y[off + i]!;
    }
    for (let i = 0; i < n; i++) d[i] = d[i]! * gamma;
    for (let k = count - 1; k >= 0; k--) {
      const slot = (head - 1 - k + m) % m;
      const off = slot * n;
      let b = 0;
      for (let i = 0; i < n; i++) b += Y[off + i]! * d[i]!;
      b *= rho[slot]!;
      const a = alphaBuf[slot]!;
      for (let i = 0; i < n; i++) d[i] = d[i]! + (a - b) * S[off + i]!;
    }
    // d = −(Z H Zᵀ g); a free variable sitting on a bound may not move outward along d (H mixes
    // components), so such components are dropped.
    let gd = 0;
    for (let i = 0; i < n; i++) {
      let di = free[i] ? -d[i]! : 0;
      if ((di < 0 && onLower(i)) || (di > 0 && onUpper(i))) di = 0;
      d[i] = di;
      gd += g[i]! * di;
    }
    if (!(gd < 0)) {
      // Not a descent direction after dropping those components (or H lost positive definiteness
      // numerically): take a scaled steepest-descent step this iteration. On the free variables
      // −g never points out of the box (variables on a bound with an outward gradient are fixed).
      gd = 0;
      for (let i = 0; i < n; i++) {
        const di = free[i] ? -gamma * g[i]! : 0;
        d[i] = di;
        gd += g[i]! * di;
      }
      if (!(gd < 0)) {
        reason = 'gradientTolerance';
        converged = true;
        break;
      }
    }
    // Longest feasible step along d, and the variable that blocks it.
    let alphaMax = Infinity;
    let dNorm2 = 0;
    for (let i = 0; i < n; i++) {
      const di = d[i]!;
      dNorm2 += di * di;
      if (di < 0 && lower[i] !== -Infinity) alphaMax = Math.min(alphaMax, (lower[i]! - x[i]!) / di);
      else if (di > 0 && upper[i] !== Infinity) alphaMax = Math.min(alphaMax, (upper[i]! - x[i]!) / di);
    }
    alphaMax = Math.max(alphaMax, 0);
    let alpha0 = count === 0 ? Math.min(1, 1 / Math.sqrt(dNorm2)) : 1;
    alpha0 = Math.min(alpha0, alphaMax);
    const ls = alphaMax > 0 ? lineSearch(value, gradientAt, x, fx, d, gd, alpha0, alphaMax, lower, upper, xNew, gNew, xLo, gLo) : null;
    if (ls === null || ls === 'noise') {
      // The decrease the local model predicts for this step (or for the shortest step the line
      // search reached) is below the rounding level of f: no line search can resolve it, and x is
      // as good as f's precision allows.
      const predicted = -0.5 * gd * (count === 0 ? alpha0 : 1);
      if (ls === 'noise' || predicted <= 10 * EPS * Math.max(1, Math.abs(fx))) {
        reason = 'valueTolerance';
        converged = true;
        break;
      }
      if (count > 0 && !retried) {
        count = 0;
        gamma = 1;
        retried = true;
        continue;
      }
      reason = 'lineSearchFailed';
      break;
    }
    retried = false;
    // Accept: s = xNew − x, y = gNew − g.
    const off = head * n;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const s = xNew[i]! - x[i]!;
      const y = gNew[i]! - g[i]!;
      S[off + i] = s;
      Y[off + i] = y;
      sy += s * y;
      yy += y * y;
    }
    if (sy > EPS * yy && yy > 0) {
      rho[head] = 1 / sy;
      gamma = sy / yy;
      head = (head + 1) % m;
      if (count < m) count++;
    }
    // A step cut short by a bound is short by construction: it says nothing about convergence.
    let blocked = false;
    for (let i = 0; i < n && !blocked; i++) {
      blocked = (d[i]! < 0 && xNew[i] === lower[i] && x[i] !== lower[i]) || (d[i]! > 0 && xNew[i] === upper[i] && x[i] !== upper[i]);
    }
    const fOld = fx;
    x.set(xNew);
    g.set(gNew);
    fx = ls;
    iterations++;
    task.checkpoint(iterations, maxIterations);
    yield;
    if (blocked) {
      // neither counts toward nor resets the value test
    } else if (fOld - fx <= ftol * Math.max(Math.abs(fOld), Math.abs(fx), 1)) {
      // Required twice in a row: a single tiny decrease on a flat valley floor often comes one or
      // two iterations before the gradient test would pass (measured on a BG/NBD likelihood:
      // x error 5e-7 after one small step, 4e-8 after the next).
      if (++smallDecreases >= 2) {
        reason = 'valueTolerance';
        converged = true;
        break;
      }
    } else {
      smallDecreases = 0;
    }
  }
  task.checkpoint(iterations, iterations, reason);
  if (!converged && strict) {
    throw new NotConvergedError(
      fn,
      `did not converge (${reason}) after ${iterations} iterations; f = ${fx}, projected-gradient norm = ${projectedGradientNorm()}`,
      iterations,
    );
  }
  return { x: Array.from(x), value: fx, gradient: Array.from(g), iterations, evaluations, converged, reason };
}

/**
 * Strong-Wolfe line search on φ(α) = f(x + α d) for α ∈ (0, αmax] (Nocedal & Wright Alg. 3.5/3.6).
 * Returns f at the accepted point (written to xNew, its gradient to gNew), or null if no point with
 * sufficient decrease was found.
 */
function lineSearch(
  value: (p: Float64Array) => number,
  gradientAt: (p: Float64Array, fp: number, out: Float64Array) => void,
  x: Float64Array,
  f0: number,
  d: Float64Array,
  dphi0: number,
  alpha0: number,
  alphaMax: number,
  lower: Float64Array,
  upper: Float64Array,
  xNew: Float64Array,
  gNew: Float64Array,
  xLo: Float64Array,
  gLo: Float64Array,
): number | null | 'noise' {
  const c1 = 1e-4;
  const c2 = 0.9;
  const n = x.length;
  const maxEvaluations = 30;
  let evals = 0;
  let dInf = 0;
  let xInf = 1;
  for (let i = 0; i < n; i++) {
    dInf = Math.max(dInf, Math.abs(d[i]!));
    xInf = Math.max(xInf, Math.abs(x[i]!));
  }
  // Step lengths below this cannot change x in floating point.
  const alphaMin = (EPS * xInf) / dInf;
  // Rounding level of f: a sum of many terms carries ~10–100 ulps of noise (measured ±1.6e-14·|f|
  // on the MBG/NBD likelihood of CDNOW's 1,016 patterns).
  const noise = 10 * EPS * Math.max(1, Math.abs(f0));
  const flat = 100 * EPS * Math.max(1, Math.abs(f0));

  const point = (alpha: number): void => {
    for (let i = 0; i < n; i++) {
      const v = x[i]! + alpha * d[i]!;
      xNew[i] = Math.min(upper[i]!, Math.max(lower[i]!, v));
    }
    if (alpha === alphaMax) {
      // Snap the blocking variable(s) exactly onto their bound.
      for (let i = 0; i < n; i++) {
        const di = d[i]!;
        if (di < 0 && lower[i] !== -Infinity && Math.abs(x[i]! + alphaMax * di - lower[i]!) <= 4 * EPS * Math.max(1, Math.abs(lower[i]!))) xNew[i] = lower[i]!;
        else if (di > 0 && upper[i] !== Infinity && Math.abs(x[i]! + alphaMax * di - upper[i]!) <= 4 * EPS * Math.max(1, Math.abs(upper[i]!))) xNew[i] = upper[i]!;
      }
    }
  };
  let maxRise = -Infinity; // largest f(trial) − f0 seen
  const phi = (alpha: number): number => {
    point(alpha);
    evals++;
    const v = value(xNew);
    const pv = Number.isNaN(v) ? Infinity : v; // NaN / overflow → "too far"
    if (pv - f0 > maxRise) maxRise = pv - f0;
    return pv;
  };
  const slope = (p: number): number => {
    gradientAt(xNew, p, gNew);
    let s = 0;
    for (let i = 0; i < n; i++) s += gNew[i]! * d[i]!;
    return s;
  };
  const keepLo = (): void => {
    xLo.set(xNew);
    gLo.set(gNew);
  };

  // Zoom between lo (satisfies sufficient decrease, gradient known) and hi.
  const zoom = (lo: number, philo: number, dphilo: number, hi: number, phihi: number, dphihi: number | null): number | null | 'noise' => {
    for (;;) {
      if (evals >= maxEvaluations || Math.abs(hi - lo) < alphaMin) break;
      const width = hi - lo;
      let a: number;
      if (!Number.isFinite(phihi)) {
        a = lo + 0.1 * width;
      } else {
        a = dphihi !== null ? cubicMin(lo, philo, dphilo, hi, phihi, dphihi) : quadraticMin(lo, philo, dphilo, hi, phihi);
        const lowEnd = lo + 0.1 * width;
        const highEnd = hi - 0.1 * width;
        const inside = width > 0 ? a >= lowEnd && a <= highEnd : a <= lowEnd && a >= highEnd;
        if (!Number.isFinite(a) || !inside) a = lo + 0.5 * width;
      }
      // On a noise floor (every trial so far within rounding of f0: `flat`) a step whose predicted
      // decrease is also below the rounding level of f cannot be told from noise: stop shrinking
      // and let the caller call it converged. Measured on the BG/NBD likelihood of CDNOW: 57 → 28
      // evaluations, same optimum. (A clear rise keeps the search going: the curvature model may
      // just have overshot, or the gradient is wrong.)
      if (maxRise <= flat && -0.5 * a * dphi0 <= noise) {
        if (lo > 0) break;
        return 'noise';
      }
      const pa = phi(a);
      if (pa > f0 + c1 * a * dphi0 || pa >= philo) {
        hi = a;
        phihi = pa;
        dphihi = null;
      } else {
        const da = slope(pa);
        if (Math.abs(da) <= -c2 * dphi0) return pa;
        if (da * (hi - lo) >= 0) {
          hi = lo;
          phihi = philo;
          dphihi = dphilo;
        }
        lo = a;
        philo = pa;
        dphilo = da;
        keepLo();
      }
    }
    if (lo > 0) {
      xNew.set(xLo);
      gNew.set(gLo);
      return philo;
    }
    return null;
  };

  let prev = 0;
  let phiPrev = f0;
  let dphiPrev = dphi0;
  let alpha = alpha0;
  for (let iter = 0; ; iter++) {
    const pa = phi(alpha);
    if (pa > f0 + c1 * alpha * dphi0 || (iter > 0 && pa >= phiPrev)) {
      return zoom(prev, phiPrev, dphiPrev, alpha, pa, null);
    }
    const da = slope(pa);
    if (Math.abs(da) <= -c2 * dphi0) return pa;
    keepLo();
    if (da >= 0) return zoom(alpha, pa, da, prev, phiPrev, dphiPrev);
    if (alpha >= alphaMax || evals >= maxEvaluations) return pa; // blocked by a bound: sufficient decrease holds
    prev = alpha;
    phiPrev = pa;
    dphiPrev = da;
    alpha = Math.min(alphaMax, 4 * alpha);
  }
}

/** Minimizer of the quadratic through (a, fa) with slope ga and (b, fb). */
function quadraticMin(a: number, fa: number, ga: number, b: number, fb: number): number {
  const h = b - a;
  const c = (fb - fa - ga * h) / (h * h);
  return c > 0 ? a - ga / (2 * c) : NaN;
}

/** Minimizer of the cubic through (a, fa, ga) and (b, fb, gb) (Nocedal & Wright eq. 3.59). */
function cubicMin(a: number, fa: number, ga: number, b: number, fb: number, gb: number): number {
  const d1 = ga + gb - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - ga * gb;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (gb + d2 - d1)) / (gb - ga + 2 * d2);
}

/** Central differences that never leave the box: one-sided second-order formulas at a bound. */
function boxedCentralGradient(
  value: (p: Float64Array) => number,
  x: Float64Array,
  fx: number,
  lower: Float64Array,
  upper: Float64Array,
  out: Float64Array,
  p: Float64Array,
): void {
  const n = x.length;
  p.set(x);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const h = STEP_GRADIENT * Math.max(1, Math.abs(xi));
    const lo = lower[i]!;
    const hi = upper[i]!;
    if (xi - h >= lo && xi + h <= hi) {
      p[i] = xi + h;
      const fp = value(p);
      p[i] = xi - h;
      const fm = value(p);
      out[i] = (fp - fm) / (2 * h);
    } else if (xi + 2 * h <= hi) {
      p[i] = xi + h;
      const f1 = value(p);
      p[i] = xi + 2 * h;
      const f2 = value(p);
      out[i] = (-3 * fx + 4 * f1 - f2) / (2 * h);
    } else if (xi - 2 * h >= lo) {
      p[i] = xi - h;
      const f1 = value(p);
      p[i] = xi - 2 * h;
      const f2 = value(p);
      out[i] = (3 * fx - 4 * f1 + f2) / (2 * h);
    } else if (hi > lo) {
      // The box is narrower than 2h in this coordinate: a secant across it.
      p[i] = hi;
      const fh = value(p);
      p[i] = lo;
      const fl = value(p);
      out[i] = (fh - fl) / (hi - lo);
    } else {
      out[i] = 0; // fixed variable (lower = upper)
    }
    p[i] = xi;
  }
}

const DERIV_KEYS = ['step'] as const;

function derivativeInputs(fn: string, f: unknown, x: unknown, options: { step?: number } | undefined, defaultStep: number): { x: Float64Array; step: number } {
  const opts = checkOptions(fn, options, DERIV_KEYS);
  func(fn, 'f', f);
  const xs = finiteArray(fn, 'x', x, 1);
  const step = opts.step === undefined ? defaultStep : numberInRange(fn, 'options.step', opts.step, { min: 0, max: 1, minExclusive: true });
  return { x: xs, step };
}

function finiteValue(fn: string, f: (x: Float64Array) => number, p: Float64Array, scratch: Float64Array): number {
  scratch.set(p);
  const v = f(scratch);
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new InvalidInputError(fn, `f must be finite near x; f([${Array.from(p).join(', ')}]) is not`, v);
  }
  return v;
}

/**
 * Gradient of `f` at `x` by central differences.
 *
 * @remarks ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (2hᵢ) with hᵢ = step·max(1, |xᵢ|); the default
 * step ε^(1/3) ≈ 6.06e-6 balances truncation error (∝ h²) and rounding error (∝ ε|f|/h), giving
 * about 10 correct digits for smooth, well-scaled f. Cost: 2n calls of f.
 * @param options.step - relative step, in (0, 1]; default ε^(1/3)
 * @see scipy.optimize.approx_fprime (forward differences) / statsmodels.tools.numdiff.approx_fprime(centered=True)
 * @throws {@link InvalidInputError} when `f` is not a function, `x` is empty or not finite, or f is
 * not finite at a probe point
 * @throws {@link InvalidOptionError} on unknown options or a step outside (0, 1]
 * @example
 * ```ts
 * import { numericGradient } from 'crmkit';
 * const g = numericGradient((x) => x[0]! ** 2 + 3 * x[0]! * x[1]!, [1, 2]);
 * g.map((v) => Math.round(v * 1e8) / 1e8); // => [8, 3]
 * ```
 * @category Optimization
 */
export function numericGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, options?: { step?: number }): number[] {
  const fn = 'core/numericGradient';
  const { x: xs, step } = derivativeInputs(fn, f, x, options, STEP_GRADIENT);
  const n = xs.length;
  const scratch = new Float64Array(n);
  const p = new Float64Array(xs);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const xi = xs[i]!;
    const h = step * Math.max(1, Math.abs(xi));
    p[i] = xi + h;
    const hp = p[i]! - xi; // the step actually taken in floating point
    const fp = finiteValue(fn, f, p, scratch);
    p[i] = xi - h;
    const hm = xi - p[i]!;
    const fm = finiteValue(fn, f, p, scratch);
    p[i] = xi;
    out[i] = (fp - fm) / (hp + hm);
  }
  return out;
}

/**
 * Hessian of `f` at `x` by central second differences with one Richardson extrapolation step;
 * the result is exactly symmetric.
 *
 * @remarks With hᵢ = step·max(1, |xᵢ|): Hᵢᵢ(h) = (f(x+hᵢeᵢ) − 2f(x) + f(x−hᵢeᵢ))/hᵢ²,
 * Hᵢⱼ(h) = (f(+hᵢ,+hⱼ) − f(+hᵢ,−hⱼ) − f(−hᵢ,+hⱼ) + f(−hᵢ,−hⱼ))/(4hᵢhⱼ), both with error
 * c₂h² + c₄h⁴ + …; the returned (4·H(h/2) − H(h))/3 cancels the h² term. The default step
 * ε^(1/6) ≈ 2.46e-3 balances the remaining h⁴ truncation against rounding (≈ 23ε|f|/h²), so entries
 * are typically correct to 1e-9 relative for smooth, well-scaled f. Cost: 4n² + 1 calls of f.
 * Intended for standard errors of maximum-likelihood fits: invert with {@link invertSymmetric}.
 * `f` must be finite within ±step·max(1, |xᵢ|) of x.
 * @param options.step - relative step, in (0, 1]; default ε^(1/6)
 * @see statsmodels.tools.numdiff.approx_hess3 / numdifftools.Hessian (Richardson-extrapolated differences)
 * @throws {@link InvalidInputError} when `f` is not a function, `x` is empty or not finite, or f is
 * not finite at a probe point
 * @throws {@link InvalidOptionError} on unknown options or a step outside (0, 1]
 * @example
 * ```ts
 * import { numericHessian } from 'crmkit';
 * const h = numericHessian((x) => x[0]! ** 2 * x[1]! + Math.exp(x[1]!), [1, 0]);
 * h.map((row) => row.map((v) => Math.round(v * 1e8) / 1e8)); // => [[0, 2], [2, 1]]
 * ```
 * @category Optimization
 */
export function numericHessian(f: (x: Float64Array) => number, x: ArrayLike<number>, options?: { step?: number }): number[][] {
  const fn = 'core/numericHessian';
  const { x: xs, step } = derivativeInputs(fn, f, x, options, STEP_HESSIAN);
  const n = xs.length;
  const scratch = new Float64Array(n);
  const p = new Float64Array(xs);
  const f0 = finiteValue(fn, f, xs, scratch);
  const at = (i: number, hi: number, j: number, hj: number): number => {
    p[i] = p[i]! + hi;
    if (j >= 0) p[j] = p[j]! + hj;
    const v = finiteValue(fn, f, p, scratch);
    p[i] = xs[i]!;
    if (j >= 0) p[j] = xs[j]!;
    return v;
  };
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(new Array<number>(n).fill(0));
  const estimate = (scale: number, i: number, j: number): number => {
    const hi = scale * step * Math.max(1, Math.abs(xs[i]!));
    if (i === j) return (at(i, hi, -1, 0) - 2 * f0 + at(i, -hi, -1, 0)) / (hi * hi);
    const hj = scale * step * Math.max(1, Math.abs(xs[j]!));
    return (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const coarse = estimate(1, i, j);
      const fine = estimate(0.5, i, j);
      const v = (4 * fine - coarse) / 3;
      out[i]![j] = v;
      out[j]![i] = v;
    }
  }
  return out;
}

/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor (for example the
 * covariance of maximum-likelihood estimates from the Hessian of the negative log-likelihood).
 *
 * @remarks A = LLᵀ, then A⁻¹ = L⁻ᵀL⁻¹. Cost O(n³). The input must be symmetric to 1e-10 relative to
 * its largest entry (it is then symmetrized) and positive definite: a pivot ≤ n·ε·max|Aᵢᵢ| counts as
 * singular. The result is exactly symmetric.
 * @see numpy.linalg.inv / scipy.linalg.cho_solve
 * @throws {@link InvalidInputError} when `m` is not a non-empty square matrix of finite numbers, not
 * symmetric, singular or not positive definite
 * @throws {@link DimensionMismatchError} when a row's length differs from the number of rows
 * @example
 * ```ts
 * import { invertSymmetric } from 'crmkit';
 * invertSymmetric([[4, 2], [2, 2]]); // => [[0.5, -0.5], [-0.5, 1]]
 * ```
 * @category Optimization
 */
export function invertSymmetric(m: number[][]): number[][] {
  const fn = 'core/invertSymmetric';
  const rows = arrayLike<unknown>(fn, 'm', m, 1);
  const n = rows.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = finiteArray(fn, `m[${i}]`, rows[i]);
    if (row.length !== n) throw new DimensionMismatchError(fn, `m must be square: row ${i} must have ${n} entries`, row.length);
    a.set(row, i * n);
  }
  let maxAbs = 0;
  let maxDiag = 0;
  for (let i = 0; i < n * n; i++) maxAbs = Math.max(maxAbs, Math.abs(a[i]!));
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]!));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const u = a[i * n + j]!;
      const v = a[j * n + i]!;
      if (Math.abs(u - v) > 1e-10 * maxAbs) {
        throw new InvalidInputError(fn, `m must be symmetric: m[${i}][${j}] = ${u} but m[${j}][${i}] = ${v}`, u);
      }
      a[i * n + j] = a[j * n + i] = 0.5 * (u + v);
    }
  }
  // Cholesky: lower triangle of L stored in l.
  const l = new Float64Array(n * n);
  const tiny = n * EPS * maxDiag;
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j]!;
    for (let k = 0; k < j; k++) s -= l[j * n + k]! * l[j * n + k]!;
    if (!(s > tiny)) {
      throw new InvalidInputError(fn, `m must be positive definite (pivot ${j} is ${s}); it is singular or indefinite`, s);
    }
    const ljj = Math.sqrt(s);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j]!;
      for (let k = 0; k < j; k++) t -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = t / ljj;
    }
  }
  // W = L⁻¹ (lower triangular), then A⁻¹ = Wᵀ W.
  const w = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    w[j * n + j] = 1 / l[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let t = 0;
      for (let k = j; k < i; k++) t -= l[i * n + k]! * w[k * n + j]!;
      w[i * n + j] = t / l[i * n + i]!;
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let t = 0;
      for (let k = i; k < n; k++) t += w[k * n + i]! * w[k * n + j]!;
      out[i]![j] = t;
      out[j]![i] = t;
    }
  }
  return out;
}
