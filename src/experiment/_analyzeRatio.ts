/**
 * Ratio metrics of analyzeExperiment (revenue per order, clicks per view): per-arm ratio of means
 * with its delta-method variance, as moments the shared comparison code reads.
 *
 * @internal
 * @module
 */
import type { MetricStats } from './_experimentInput.js';
import type { ArmMoments } from './types.js';

/**
 * R = x̄/ȳ per arm with Var(R) = Σ(x − R·y)² / ((n − 1)·n·ȳ²) (Deng, Knoblich & Lu 2018), returned as
 * moments { n, mean: R, variance: n·Var(R) } so that variance / n is the ratio's sampling variance.
 * A ratio variance lost to cancellation in SQL sums uses its rounding bound.
 */
export function ratioMoments(arms: readonly MetricStats[]): ArmMoments[] {
  return arms.map((s) => {
    const r = s.mx / s.my;
    // from sums: Σx² − 2RΣxy + R²Σy² (no centring); from rows: the centred co-moments
    const residual = s.residual >= 0 ? s.residual : Math.max(0, s.sxx - 2 * r * s.sxy + r * r * s.syy);
    return { n: s.n, mean: r, variance: s.n > 1 ? residual / ((s.n - 1) * s.my * s.my) : 0 };
  });
}
