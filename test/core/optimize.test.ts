import { describe, expect, it } from 'vitest';
import {
  AbortError,
  DimensionMismatchError,
  InvalidInputError,
  InvalidOptionError,
  NotConvergedError,
  type Progress,
} from '../../src/core/index.js';
import { invertSymmetric, minimize, numericGradient, numericHessian } from '../../src/core/optimize.js';
import { expectClose } from '../helpers/close.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;

describe('minimize(f, x0, options)', () => {
  it('does not mutate x0 or the bounds', () => {
    const x0 = Object.freeze([-1.2, 1]);
    const lower = Object.freeze([-2, -2]);
    const upper = Object.freeze([2, 2]);
    const r = minimize(rosenbrock, x0, { lower, upper });
    expect(r.converged).toBe(true);
    expect(x0).toEqual([-1.2, 1]);
  });

  it('clips x0 into the bounds and never calls f outside them (numeric gradient at a bound)', () => {
    const seen: number[] = [];
    const f = (x: Float64Array): number => {
      seen.push(x[0]!, x[1]!);
      // sqrt is undefined below 0: calling f outside the box would give NaN.
      return Math.sqrt(x[0]!) + (x[1]! - 0.5) ** 2;
    };
    const r = minimize(f, [-3, 4], { lower: [0, 0], upper: [1, 1] });
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(r.x[0]).toBe(0);
    expectClose(r.x[1]!, 0.5, { abs: 1e-6 }, 'x[1]');
    expect(r.converged).toBe(true);
  });

  it('reports gradient, value and evaluations consistent with f', () => {
    let calls = 0;
    const f = (x: Float64Array): number => {
      calls++;
      return (x[0]! - 1) ** 2 + 2 * (x[1]! + 3) ** 2;
    };
    const r = minimize(f, [0, 0]);
    expect(r.evaluations).toBe(calls);
    expect(r.value).toBe(f(Float64Array.from(r.x)));
    expectClose(r.x[0]!, 1, { abs: 1e-7 }, 'x0');
    expectClose(r.x[1]!, -3, { abs: 1e-7 }, 'x1');
    for (const g of r.gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it('backs off from trial points where f overflows to Infinity or NaN', () => {
    // exp overflows for x > 709; the minimum of exp(x) − 2x is at x = log 2.
    const f = (x: Float64Array): number => (x[0]! > 50 ? NaN : Math.exp(x[0]!) - 2 * x[0]!);
    const r = minimize(f, [-30]);
    expect(r.converged).toBe(true);
    expectClose(r.x[0]!, Math.LN2, { abs: 1e-6 }, 'x');
  });

  it('treats a fixed variable (lower = upper) as a constant', () => {
    const r = minimize((x) => (x[0]! - 1) ** 2 + (x[1]! - x[0]!) ** 2, [0, 0], { lower: [-Infinity, 0.25], upper: [Infinity, 0.25] });
    expect(r.x[1]).toBe(0.25);
    expectClose(r.x[0]!, 0.625, { abs: 1e-7 }, 'x0');
  });

  it('maxIterations: 0 evaluates x0 only and reports maxIterations', () => {
    const r = minimize(rosenbrock, [-1.2, 1], { maxIterations: 0 });
    expect(r).toMatchObject({ iterations: 0, converged: false, reason: 'maxIterations', x: [-1.2, 1] });
    expect(r.value).toBe(rosenbrock(Float64Array.from([-1.2, 1])));
  });

  it('strict: true throws NotConvergedError with the iteration count', () => {
    expect(() => minimize(rosenbrock, [-1.2, 1], { maxIterations: 3, strict: true })).toThrowError(NotConvergedError);
    try {
      minimize(rosenbrock, [-1.2, 1], { maxIterations: 3, strict: true });
    } catch (e) {
      expect((e as NotConvergedError).iterations).toBe(3);
      expect((e as NotConvergedError).code).toBe('NOT_CONVERGED');
    }
  });

  it('stops at the rounding floor of f instead of spending line searches on noise', () => {
    // a logistic log-likelihood summed over 2,000 rows: f and ∇f carry tens of ulps of rounding
    const n = 2000;
    const a = Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) * 2);
    const b = Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
    const y = Array.from({ length: n }, (_, i) => (Math.sin(i * 2.1) + 0.3 * a[i]! > 0 ? 1 : 0));
    const f = (x: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const z = a[i]! * x[0]! + b[i]! * x[1]! + x[2]!;
        s += Math.log1p(Math.exp(z)) - y[i]! * z;
      }
      return s / n;
    };
    const g = (x: Float64Array, out: Float64Array): void => {
      out.fill(0);
      for (let i = 0; i < n; i++) {
        const r = 1 / (1 + Math.exp(-(a[i]! * x[0]! + b[i]! * x[1]! + x[2]!))) - y[i]!;
        out[0] = out[0]! + (r * a[i]!) / n;
        out[1] = out[1]! + (r * b[i]!) / n;
        out[2] = out[2]! + r / n;
      }
    };
    const r = minimize(f, [0, 0, 0], { gradient: g, gradientTolerance: 0, valueTolerance: 0 });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('valueTolerance');
    expect(Math.max(...r.gradient.map(Math.abs))).toBeLessThan(1e-8);
    // the last line search used to spend its whole 30-evaluation budget, then a restart (51 in all)
    expect(r.evaluations).toBeLessThan(20);
  });

  it('reports lineSearchFailed when the gradient is wrong', () => {
    const r = minimize((x) => x[0]! ** 2, [1], { gradient: (_x, g) => void (g[0] = -1) });
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('lineSearchFailed');
    expect(() => minimize((x) => x[0]! ** 2, [1], { gradient: (_x, g) => void (g[0] = -1), strict: true })).toThrowError(/lineSearchFailed/);
  });

  it('signal: an aborted signal throws AbortError; onProgress sees iterations', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => minimize(rosenbrock, [-1.2, 1], { signal: ac.signal })).toThrowError(AbortError);
    const seen: Progress[] = [];
    const r = minimize(rosenbrock, [-1.2, 1], { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.fn).toBe('core/minimize');
    expect(seen.at(-1)).toEqual({ fn: 'core/minimize', completed: r.iterations, total: r.iterations, stage: r.reason });
    const ac2 = new AbortController();
    let n = 0;
    const slow = (x: Float64Array): number => {
      if (++n === 50) ac2.abort('stop');
      return rosenbrock(x);
    };
    expect(() => minimize(slow, [-1.2, 1], { signal: ac2.signal })).toThrowError(AbortError);
  });

  it('throws typed errors on bad input', () => {
    const f = (x: Float64Array): number => x[0]! ** 2;
    expect(() => minimize(f, [])).toThrowError(InvalidInputError);
    expect(() => minimize(f, [NaN])).toThrowError(/x0\[0\] must be a finite number; received NaN/);
    expect(() => minimize('f' as never, [1])).toThrowError(InvalidInputError);
    expect(() => minimize(() => NaN, [1])).toThrowError(/f\(x0\) must be a finite number/);
    expect(() => minimize(f, [1], { lower: [2], upper: [1] })).toThrowError(InvalidOptionError);
    expect(() => minimize(f, [1], { lower: [NaN] })).toThrowError(InvalidOptionError);
    expect(() => minimize(f, [1], { lower: [0, 0] })).toThrowError(DimensionMismatchError);
    expect(() => minimize(f, [1], { maxIterations: -1 })).toThrowError(InvalidOptionError);
    expect(() => minimize(f, [1], { maxIterations: 1.5 })).toThrowError(InvalidOptionError);
    expect(() => minimize(f, [1], { memory: 0 })).toThrowError(InvalidOptionError);
    expect(() => minimize(f, [1], { gradientTolerance: -1 })).toThrowError(InvalidOptionError);
    expect(() => minimize(f, [1], { tolerance: 1 } as never)).toThrowError(/unknown option 'tolerance'/);
    expect(() => minimize(f, [1], { gradient: (_x, g) => void (g[0] = NaN) })).toThrowError(/gradient of f is not finite/);
  });
});

describe('numericGradient(f, x, options)', () => {
  it('matches the closed-form gradient at 1e-9 relative', () => {
    const f = (x: Float64Array): number => Math.exp(x[0]!) * Math.sin(x[1]!) + x[0]! * x[1]! ** 3;
    const x = [0.7, -1.3];
    const exact = [Math.exp(0.7) * Math.sin(-1.3) + (-1.3) ** 3, Math.exp(0.7) * Math.cos(-1.3) + 3 * 0.7 * 1.3 ** 2];
    const g = numericGradient(f, x);
    for (let i = 0; i < 2; i++) expectClose(g[i]!, exact[i]!, { rel: 1e-9 }, `g[${i}]`);
  });
  it('throws on bad input', () => {
    expect(() => numericGradient((x) => x[0]!, [1], { step: 0 })).toThrowError(InvalidOptionError);
    expect(() => numericGradient((x) => Math.log(x[0]!), [0])).toThrowError(InvalidInputError);
    expect(() => numericGradient((x) => x[0]!, [Infinity])).toThrowError(InvalidInputError);
  });
});

describe('numericHessian(f, x, options)', () => {
  it('matches the closed-form Hessian of a log-likelihood at 1e-6 relative (observed 1e-9)', () => {
    // Gamma(shape = e^p0, rate = e^p1) negative log-likelihood of a small sample, log-parametrized.
    const data = [0.5, 1.2, 2.3, 0.8, 3.1, 1.7, 0.9];
    const n = data.length;
    const sx = data.reduce((a, v) => a + v, 0);
    const slx = data.reduce((a, v) => a + Math.log(v), 0);
    // log Γ and trigamma are not needed: use shape-only terms that have closed forms.
    // f(p) = −Σ log p(x | k, θ) without the log Γ(k) term, plus n·k·log k (a smooth stand-in).
    const f = (p: Float64Array): number => {
      const k = Math.exp(p[0]!);
      const rate = Math.exp(p[1]!);
      return -(n * k * Math.log(rate) + (k - 1) * slx - rate * sx) + n * k * Math.log(k);
    };
    const p = [0.3, -0.2];
    const k = Math.exp(p[0]!);
    const rate = Math.exp(p[1]!);
    // d/dp0 = k·∂/∂k, d/dp1 = rate·∂/∂rate
    const h00 = k * (-(n * Math.log(rate) + slx) + n * Math.log(k) + n) + k * k * (n / k);
    const h01 = -n * k;
    const h11 = rate * sx;
    const exact = [
      [h00, h01],
      [h01, h11],
    ];
    const h = numericHessian(f, p);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expectClose(h[i]![j]!, exact[i]![j]!, { rel: 1e-6 }, `H[${i}][${j}]`);
    expect(h[0]![1]).toBe(h[1]![0]);
  });
  it('matches a 3-variable polynomial Hessian at 1e-9 relative', () => {
    const f = (x: Float64Array): number => x[0]! ** 2 * x[1]! + x[1]! ** 2 * x[2]! ** 2 + 3 * x[0]! * x[2]!;
    const x = [1.5, -2, 0.5];
    const exact = [
      [2 * -2, 2 * 1.5, 3],
      [2 * 1.5, 2 * 0.5 ** 2, 4 * -2 * 0.5],
      [3, 4 * -2 * 0.5, 2 * (-2) ** 2],
    ];
    const h = numericHessian(f, x);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expectClose(h[i]![j]!, exact[i]![j]!, { rel: 1e-9, abs: 1e-9 }, `H[${i}][${j}]`);
  });
  it('throws when f is not finite at a probe point', () => {
    expect(() => numericHessian((x) => Math.log(x[0]!), [0.001])).toThrowError(/f must be finite near x/);
  });
});

describe('invertSymmetric(m)', () => {
  it('inverts a symmetric positive-definite matrix (A·A⁻¹ = I at 1e-12)', () => {
    const a = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 2],
    ];
    const inv = invertSymmetric(a);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i]![k]! * inv[k]![j]!;
        expectClose(s, i === j ? 1 : 0, { abs: 1e-12 }, `(A·A⁻¹)[${i}][${j}]`);
      }
    }
    expect(inv[0]![2]).toBe(inv[2]![0]);
  });
  it('matches the closed-form 2×2 inverse exactly', () => {
    expect(invertSymmetric([[4, 2], [2, 2]])).toEqual([[0.5, -0.5], [-0.5, 1]]);
  });
  it('throws on singular, indefinite, non-symmetric or non-square input', () => {
    expect(() => invertSymmetric([[1, 2], [2, 4]])).toThrowError(/positive definite/);
    expect(() => invertSymmetric([[1, 0], [0, -1]])).toThrowError(InvalidInputError);
    expect(() => invertSymmetric([[1, 0.5], [0.4, 1]])).toThrowError(/symmetric/);
    expect(() => invertSymmetric([[1, 0]])).toThrowError(DimensionMismatchError);
    expect(() => invertSymmetric([])).toThrowError(InvalidInputError);
    expect(() => invertSymmetric([[NaN]])).toThrowError(InvalidInputError);
  });
});
