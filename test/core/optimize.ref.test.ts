/**
 * minimize() against scipy 1.10.1 L-BFGS-B (scripts/reference/optimize.py → test/fixtures/optimize.json).
 * Tolerances: x* within 1e-6 (absolute, iterative), f* within 1e-9 (relative to max(1, |f*|)).
 */
import { describe, expect, it } from 'vitest';
import { minimize, type MinimizeOptions } from '../../src/core/optimize.js';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Case {
  name: string;
  x0: number[];
  x: number[];
  value: number;
  lower?: number[];
  upper?: number[];
}
interface Fixture {
  cases: Case[];
  boundedQuadratic: { A: number[][]; b: number[] };
  bgnbdData: { x: number[]; tx: number[]; T: number[] };
}
const fx = loadFixture<Fixture>('optimize');

function rosenbrock(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return s;
}
function rosenbrockGradient(x: Float64Array, g: Float64Array): void {
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const t = x[i + 1]! - x[i]! ** 2;
    g[i] = g[i]! - 400 * t * x[i]! - 2 * (1 - x[i]!);
    g[i + 1] = g[i + 1]! + 200 * t;
  }
}
function beale(v: Float64Array): number {
  const x = v[0]!;
  const y = v[1]!;
  return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2;
}
const { A, b } = fx.boundedQuadratic;
function quadratic(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    let ax = 0;
    for (let j = 0; j < x.length; j++) ax += A[i]![j]! * x[j]!;
    s += 0.5 * x[i]! * ax - b[i]! * x[i]!;
  }
  return s;
}
/** BG/NBD negative log-likelihood (Fader, Hardie & Lee 2005), log-parametrized; integer x lets
 * the log-gamma and log-beta ratios be written as finite sums of logs. */
const data = fx.bgnbdData;
function bgnbd(p: Float64Array): number {
  const r = Math.exp(p[0]!);
  const alpha = Math.exp(p[1]!);
  const a = Math.exp(p[2]!);
  const bb = Math.exp(p[3]!);
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    let a1 = r * Math.log(alpha);
    let a2 = 0;
    for (let k = 0; k < x; k++) {
      a1 += Math.log(r + k);
      a2 += Math.log((bb + k) / (a + bb + k));
    }
    const a3 = -(r + x) * Math.log(alpha + data.T[i]!);
    let mix = a3;
    if (x > 0) {
      const a4 = Math.log(a) - Math.log(bb + x - 1) - (r + x) * Math.log(alpha + data.tx[i]!);
      const m = Math.max(a3, a4);
      mix = m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
    }
    ll += a1 + a2 + mix;
  }
  return -ll;
}

const problems: Record<string, { f: (x: Float64Array) => number; gradient?: MinimizeOptions['gradient'] }> = {
  rosenbrock2: { f: rosenbrock, gradient: rosenbrockGradient },
  rosenbrock10: { f: rosenbrock, gradient: rosenbrockGradient },
  beale: { f: beale },
  boundedQuadratic: { f: quadratic },
  bgnbdLogLikelihood: { f: bgnbd },
  rosenbrockBounded4: { f: rosenbrock, gradient: rosenbrockGradient },
};

describe('minimize(f, x0, options) vs scipy L-BFGS-B', () => {
  for (const c of fx.cases) {
    const p = problems[c.name]!;
    for (const mode of ['numeric', 'analytic'] as const) {
      if (mode === 'analytic' && p.gradient === undefined) continue;
      it(`${c.name} (${mode} gradient): x* at 1e-6, f* at 1e-9`, () => {
        const opts: MinimizeOptions = {};
        if (mode === 'analytic') opts.gradient = p.gradient!;
        if (c.lower) opts.lower = c.lower;
        if (c.upper) opts.upper = c.upper;
        const r = minimize(p.f, c.x0, opts);
        expect(r.converged, `${c.name}: ${r.reason}`).toBe(true);
        for (let i = 0; i < c.x.length; i++) expectClose(r.x[i]!, c.x[i]!, { abs: 1e-6 }, `${c.name} x[${i}]`);
        expectClose(r.value, c.value, { abs: 1e-9 * Math.max(1, Math.abs(c.value)) }, `${c.name} f*`);
        expect(r.evaluations).toBeGreaterThan(r.iterations);
      });
    }
  }

  it.each([
    ['boundedQuadratic', quadratic, 2],
    ['rosenbrockBounded4', rosenbrock, 1],
  ] as const)('%s: the variables scipy puts on a bound are exactly on it', (name, f, minActive) => {
    const c = fx.cases.find((k) => k.name === name)!;
    const r = minimize(f, c.x0, { lower: c.lower!, upper: c.upper! });
    let active = 0;
    for (let i = 0; i < c.x.length; i++) {
      if (c.x[i] === c.lower![i] || c.x[i] === c.upper![i]) {
        active++;
        expect(r.x[i]).toBe(c.x[i]);
      }
    }
    expect(active).toBeGreaterThanOrEqual(minActive);
  });
});
