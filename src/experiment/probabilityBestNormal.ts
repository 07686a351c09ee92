import { arrayLike, options as checkOptions } from '../core/validate.js';
import { checkMeanInput, normalPrior } from './_common.js';
import { probabilityBestNormalExact } from './_normalBest.js';
import type { ArmMoments, MeanInput } from './types.js';

/** Options of {@link probabilityBestNormal}. @category Experiment */
export interface ProbabilityBestNormalOptions {
  /**
   * Gaussian prior on every arm's mean. `variance: Infinity` is the flat (improper) prior, under
   * which each posterior is N(x̄, s²/n).
   * @defaultValue { mean: 0, variance: Infinity }
   */
  prior?: { mean: number; variance: number };
}

/** Normal posterior of one arm's mean. @category Experiment */
export interface NormalPosterior {
  mean: number;
  /** Posterior standard deviation (the standard error s/√n under the flat prior). */
  sd: number;
}

/** Result of {@link probabilityBestNormal}. @category Experiment */
export interface ProbabilityBestNormalResult {
  /** P(arm i has the highest mean), in input order; they sum to 1. */
  probabilities: number[];
  /** Bound on the error of each probability (quadrature error estimate + rounding + truncated tails). */
  errors: number[];
  /** Each arm's data as resolved from the input. */
  arms: ArmMoments[];
  posteriors: NormalPosterior[];
}

const FN = 'experiment/probabilityBestNormal';

/**
 * Multi-arm Bayesian comparison of a continuous metric (revenue per user): the probability that
 * each arm has the highest mean, exactly (by quadrature), under normal posteriors of the arm means.
 *
 * @remarks Each arm's mean has posterior N(m_i, s_i²): m_i = x̄_i, s_i² = sd_i²/n_i under the flat
 * prior, or the conjugate update with a Gaussian `prior` (precision n_i/sd_i² + 1/τ², known
 * variance). Then P(i best) = ∫ φ(z) Π_{j≠i} Φ((m_i + s_i z − m_j)/s_j) dz, one adaptive
 * Gauss–Kronrod integral per arm with breakpoints where each other arm's Φ turns over, accurate to
 * ~1e-12 absolute (the returned `errors` bound it). O(k²·nodes). An arm with zero spread is a point
 * mass, computed in closed form; point masses tied at the same mean share their chance equally.
 * With two arms the value equals Φ((m_B − m_A)/√(s_A² + s_B²)), {@link bayesianNormal}'s
 * chance to win under the flat prior.
 * @see scipy.integrate.quad of the same integral (the reference fixture); Scott (2010) for the multi-armed use
 * @throws {@link InvalidInputError} on fewer than 2 arms or an invalid arm (n < 2, negative sd, non-finite values)
 * @throws {@link InvalidOptionError} on an unknown option or a prior with non-positive variance
 * @example
 * ```ts
 * import { probabilityBestNormal } from 'crmkit/experiment';
 * const r = probabilityBestNormal([
 *   { n: 1000, mean: 10, sd: 4 },
 *   { n: 1000, mean: 10.5, sd: 4 },
 *   { n: 1000, mean: 10.4, sd: 4 },
 * ]);
 * r.probabilities.map((p) => p.toFixed(4)); // => ['0.0006', '0.7116', '0.2879']
 * ```
 * @category Experiment
 */
export function probabilityBestNormal(arms: readonly MeanInput[], options?: ProbabilityBestNormalOptions): ProbabilityBestNormalResult {
  const o = checkOptions(FN, options, ['prior']);
  const list = arrayLike<unknown>(FN, 'arms', arms, 2);
  const { mean: priorMean, variance: priorVar } = normalPrior(FN, o.prior);
  const moments: ArmMoments[] = [];
  const posteriors: NormalPosterior[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = checkMeanInput(FN, `arms[${i}]`, list[i], 2);
    moments.push(m);
    posteriors.push(normalArmPosterior(m, priorMean, priorVar));
  }
  const r = probabilityBestNormalExact(posteriors);
  return { probabilities: r.values, errors: r.errors, arms: moments, posteriors };
}

/** @internal Conjugate posterior of an arm mean (known variance s²/n); a zero-variance arm stays a point mass. */
export function normalArmPosterior(m: ArmMoments, priorMean: number, priorVar: number): NormalPosterior {
  const v = m.variance / m.n;
  if (!(v > 0)) return { mean: m.mean, sd: 0 };
  if (priorVar === Infinity) return { mean: m.mean, sd: Math.sqrt(v) };
  const prec = 1 / v + 1 / priorVar;
  return { mean: (m.mean / v + priorMean / priorVar) / prec, sd: Math.sqrt(1 / prec) };
}
