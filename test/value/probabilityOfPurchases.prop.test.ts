import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { expectedPurchases, probabilityOfPurchases } from 'crmkit/value';

// P(X(t) = n) over n is a distribution whose mean is E[X(t)], computed independently by
// expectedPurchases (a ₂F₁ closed form, or an elementary one for Pareto/NBD). Truncation: X(t) is at
// most the NBD count N(t), whose tail decays like q^n·n^(r−1), q = t/(α+t) ≤ 0.75 here; summing until
// a term is < 1e-17 past the mode leaves a neglected mass and mean far below the 1e-9 tolerance
// (closed-form tolerance, contributing.md). The probabilities themselves must lie in [0, 1].
const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

function sums(model: Parameters<typeof probabilityOfPurchases>[0], t: number): { total: number; mean: number } {
  let total = 0;
  let mean = 0;
  let prev = Infinity;
  for (let n = 0; n < 2000; n++) {
    const p = probabilityOfPurchases(model, t, n);
    expect(p >= 0 && p <= 1, `P(X(${t}) = ${n}) = ${p}`).toBe(true);
    total += p;
    mean += n * p;
    if (n > 5 && p < 1e-17 && p <= prev) break;
    prev = p;
  }
  return { total, mean };
}

describe('probabilityOfPurchases properties', () => {
  const common = { r: positive(0.1, 5), alpha: positive(0.5, 50), frac: positive(0.01, 3) };

  test.prop({ ...common, a: positive(1.2, 5), b: positive(0.2, 10), modified: fc.boolean() })('BG/NBD and MBG/NBD: sums to 1 and its mean is E[X(t)]', ({ r, alpha, frac, a, b, modified }) => {
    const model = { kind: modified ? 'modifiedBetaGeo' : 'betaGeo', params: { r, alpha, a, b } } as const;
    const t = frac * alpha;
    const { total, mean } = sums(model, t);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
    const e = expectedPurchases(model, t);
    expect(Math.abs(mean - e)).toBeLessThanOrEqual(1e-9 * e);
  });

  test.prop({ ...common, s: positive(0.1, 5), beta: positive(0.5, 50) }, { numRuns: 100 })('Pareto/NBD: sums to 1 and its mean is E[X(t)]', ({ r, alpha, frac, s, beta }) => {
    const model = { kind: 'paretoNbd', params: { r, alpha, s, beta } } as const;
    const t = frac * alpha;
    const { total, mean } = sums(model, t);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
    const e = expectedPurchases(model, t);
    expect(Math.abs(mean - e)).toBeLessThanOrEqual(1e-9 * e);
  });

  // α ≪ β (or ≫) with tiny t: where the hypergeometric closed form cancels or fails
  test.prop({ r: positive(0.1, 5), alpha: positive(0.1, 1), tiny: positive(1e-4, 1e-2), s: positive(0.1, 5), beta: positive(50, 500), swap: fc.boolean() }, { numRuns: 40 })('Pareto/NBD with extreme α/β and tiny t: sums to 1, mean E[X(t)]', ({ r, alpha, tiny, s, beta, swap }) => {
    const model = { kind: 'paretoNbd', params: swap ? { r, alpha: beta, s, beta: alpha } : { r, alpha, s, beta } } as const;
    const t = tiny * model.params.alpha;
    const { total, mean } = sums(model, t);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
    const e = expectedPurchases(model, t);
    expect(Math.abs(mean - e)).toBeLessThanOrEqual(1e-9 * e);
  });
});
