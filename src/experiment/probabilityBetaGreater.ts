import { options as checkOptions } from '../core/validate.js';
import { betaLaw, probabilityGreater } from './_beta.js';
import { checkBeta, type BetaParameters } from './bayesianBetaBinomial.js';

/** Result of {@link probabilityBetaGreater}. @category Experiment */
export interface ProbabilityBetaGreaterResult {
  /** P(Y > X) for X ~ Beta(x.alpha, x.beta), Y ~ Beta(y.alpha, y.beta), independent. */
  probability: number;
  /** Bound on its absolute error. */
  error: number;
}

const FN = 'experiment/probabilityBetaGreater';

/**
 * P(Y > X) for two independent Beta variables with any positive real parameters: the kernel of
 * {@link bayesianBetaBinomial}, exposed for posteriors built elsewhere.
 *
 * @remarks Adaptive Gauss–Kronrod quadrature of ∫ g_Y(t)·F_X(σ(t)) dt in logit space (see
 * {@link bayesianBetaBinomial}); the smaller of P and 1 − P is integrated directly so probabilities
 * near 0 keep their relative accuracy. Cost: a few hundred incomplete-beta evaluations.
 * @see Evan Miller, "Formulas for Bayesian A/B Testing" (the closed form this replaces for non-integer parameters)
 * @throws {@link InvalidInputError} when a parameter is not a positive finite number
 * @example
 * ```ts
 * import { probabilityBetaGreater } from 'crmkit/experiment';
 * probabilityBetaGreater({ alpha: 1, beta: 1 }, { alpha: 1, beta: 1 }).probability.toFixed(12); // => '0.500000000000'
 * probabilityBetaGreater({ alpha: 2, beta: 3 }, { alpha: 4, beta: 5 }).probability.toFixed(10); // => '0.5757575758'
 * ```
 * @category Experiment
 */
export function probabilityBetaGreater(x: BetaParameters, y: BetaParameters, options?: Record<string, never>): ProbabilityBetaGreaterResult {
  checkOptions(FN, options, []);
  const X = checkBeta(FN, 'x', x);
  const Y = checkBeta(FN, 'y', y);
  const r = probabilityGreater(betaLaw(X.alpha, X.beta), betaLaw(Y.alpha, Y.beta));
  return { probability: r.value, error: r.error };
}
