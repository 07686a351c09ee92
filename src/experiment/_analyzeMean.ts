/**
 * Mean metrics of analyzeExperiment (and binomial ones under CUPED): per-arm moments, plain or
 * CUPED-adjusted with one θ pooled over all arms.
 *
 * @internal
 * @module
 */
import type { MetricStats } from './_experimentInput.js';
import type { ArmMoments } from './types.js';

/** Plain moments of the metric in each arm. */
export function meanMoments(arms: readonly MetricStats[]): ArmMoments[] {
  return arms.map((s) => ({ n: s.n, mean: s.mx, variance: s.n > 1 ? s.sxx / (s.n - 1) : 0 }));
}

/** CUPED adjustment of one metric across arms. */
export interface CupedMoments {
  /** Adjusted moments per arm: mean ȳ − θ(x̄ − x̄_all), variance s²_y − 2θ·s_xy + θ²·s²_x. */
  moments: ArmMoments[];
  /** θ = pooled cov(y, x) / pooled var(x), over all arms as one sample (gbstats' joint statistic). */
  theta: number;
}

/**
 * CUPED with θ pooled across arms as gbstats does (`compute_theta`: the covariance and covariate
 * variance of all arms taken as one sample, so between-arm differences in means enter too; with a
 * covariate unaffected by treatment they are noise). θ = 0 when the covariate does not vary.
 * Adjusted means are centred at the covariate's overall mean, so they stay on the metric's scale.
 */
export function cupedMoments(arms: readonly MetricStats[]): CupedMoments {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (const s of arms) {
    n += s.n;
    mx += s.n * s.mx;
    my += s.n * s.my;
  }
  mx /= n;
  my /= n;
  let syy = 0;
  let sxy = 0;
  for (const s of arms) {
    const dx = s.mx - mx;
    const dy = s.my - my;
    syy += s.syy + s.n * dy * dy;
    sxy += s.sxy + s.n * dx * dy;
  }
  const theta = syy > 0 ? sxy / syy : 0;
  const moments = arms.map((s) => {
    const ss = Math.max(0, s.sxx - 2 * theta * s.sxy + theta * theta * s.syy);
    return { n: s.n, mean: s.mx - theta * (s.my - my), variance: s.n > 1 ? ss / (s.n - 1) : 0 };
  });
  return { moments, theta };
}
