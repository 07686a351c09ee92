import { createRandom } from '../core/random.js';
import { arrayLike, integerInRange, oneOf, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { checkProportion } from './_common.js';
import { betaLaw, probabilityBestExact } from './_beta.js';
import { checkBeta, type BetaParameters } from './bayesianBetaBinomial.js';
import type { ProportionSummary } from './types.js';

/** Options of {@link probabilityBest}. @category Experiment */
export interface ProbabilityBestOptions {
  /** Beta prior of every arm. @defaultValue { alpha: 1, beta: 1 } */
  prior?: BetaParameters;
  /** 'exact': one quadrature per arm; 'monte-carlo': seeded joint draws from the posteriors. @defaultValue 'exact' */
  method?: 'exact' | 'monte-carlo';
  /** Monte Carlo draws. @defaultValue 100000 */
  draws?: number;
  /** Monte Carlo seed. @defaultValue 0 */
  seed?: number;
}

/** Result of {@link probabilityBest}. @category Experiment */
export interface ProbabilityBestResult {
  /** P(arm i has the highest conversion rate), in input order. */
  probabilities: number[];
  /**
   * Error of each probability: the quadrature error bound ('exact') or the Monte Carlo standard
   * error √(p(1 − p)/draws) ('monte-carlo').
   */
  errors: number[];
  posteriors: BetaParameters[];
  method: 'exact' | 'monte-carlo';
  /** Draws used (0 for 'exact'). */
  draws: number;
}

const FN = 'experiment/probabilityBest';

/**
 * Multi-arm Bayesian comparison of conversion: the probability that each arm has the highest rate.
 *
 * @remarks Posteriors Beta(α₀ + conversions, β₀ + failures). Exact: P(i best) = ∫ g_i(t) Π_{j≠i}
 * F_j(σ(t)) dt in logit space by adaptive Gauss–Kronrod (k integrals of k − 1 incomplete betas per
 * node). Monte Carlo: `draws` joint samples from `createRandom(seed)`, each arm's share of wins,
 * with standard error √(p(1 − p)/draws). With two arms the exact value equals
 * {@link bayesianBetaBinomial}'s probability.
 * @see Scott, "A modern Bayesian look at the multi-armed bandit" (2010) — the same probabilities drive Thompson sampling
 * @throws {@link InvalidInputError} on fewer than 2 arms or invalid `{ n, conversions }`
 * @throws {@link InvalidOptionError} on an invalid prior, method, draws (< 1000) or seed
 * @example
 * ```ts
 * import { probabilityBest } from 'crmkit/experiment';
 * const r = probabilityBest([{ n: 100, conversions: 10 }, { n: 100, conversions: 10 }]);
 * r.probabilities.map((p) => p.toFixed(9)); // => ['0.500000000', '0.500000000']
 * ```
 * @category Experiment
 */
export function probabilityBest(arms: readonly ProportionSummary[], options?: ProbabilityBestOptions): ProbabilityBestResult {
  const o = checkOptions(FN, options, ['prior', 'method', 'draws', 'seed']);
  const list = arrayLike<unknown>(FN, 'arms', arms, 2);
  const prior = o.prior === undefined ? { alpha: 1, beta: 1 } : checkBeta(FN, 'options.prior', o.prior);
  const method = o.method === undefined ? 'exact' : oneOf(FN, 'options.method', o.method, ['exact', 'monte-carlo'] as const);
  const draws = o.draws === undefined ? 100000 : integerInRange(FN, 'options.draws', o.draws, { min: 1000, max: 1e9 });
  const seed = checkSeed(FN, o.seed);
  const posteriors: BetaParameters[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = checkProportion(FN, `arms[${i}]`, list[i], 0);
    posteriors.push({ alpha: prior.alpha + a.conversions, beta: prior.beta + a.n - a.conversions });
  }
  if (method === 'exact') {
    const r = probabilityBestExact(posteriors.map((p) => betaLaw(p.alpha, p.beta)));
    return { probabilities: r.values, errors: r.errors, posteriors, method, draws: 0 };
  }
  const rng = createRandom(seed);
  const k = posteriors.length;
  const wins = new Float64Array(k);
  for (let d = 0; d < draws; d++) {
    let best = -1;
    let bestVal = -Infinity;
    for (let i = 0; i < k; i++) {
      const v = rng.beta(posteriors[i]!.alpha, posteriors[i]!.beta);
      if (v > bestVal) {
        bestVal = v;
        best = i;
      }
    }
    wins[best] = wins[best]! + 1;
  }
  const probabilities = Array.from(wins, (w) => w / draws);
  return {
    probabilities,
    errors: probabilities.map((p) => Math.sqrt((p * (1 - p)) / draws)),
    posteriors,
    method,
    draws,
  };
}
