import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, oneOf, options as checkOptions, seed as checkSeed, string as checkString } from '../core/validate.js';
import { checkProportion, isObject } from './_common.js';
import { probabilityBest } from './probabilityBest.js';
import { checkBeta, type BetaParameters } from './bayesianBetaBinomial.js';

/** One arm of {@link banditWeights}: its name and conversions so far. @category Experiment */
export interface BanditArm {
  arm: string;
  /** Users exposed so far. */
  n: number;
  /** Conversions among them. */
  conversions: number;
}

/** Options of {@link banditWeights}. @category Experiment */
export interface BanditWeightsOptions {
  /** Minimum traffic share of every arm (keeps learning about arms that look bad), in [0, 1/arms]. @defaultValue 0.01 */
  floor?: number;
  /** Beta prior of every arm. @defaultValue { alpha: 1, beta: 1 } */
  prior?: BetaParameters;
  /** 'exact' (quadrature, deterministic) or 'monte-carlo' (seeded posterior draws, GrowthBook's way). @defaultValue 'exact' */
  method?: 'exact' | 'monte-carlo';
  /** Monte Carlo draws. @defaultValue 100000 */
  draws?: number;
  /** Seed of the Monte Carlo draws. @defaultValue 0 */
  seed?: number;
}

/** Result of {@link banditWeights}. @category Experiment */
export interface BanditWeightsResult {
  /** Traffic share for the next period, keyed by arm name (each ≥ floor, summing to 1). */
  weights: Record<string, number>;
  /** P(arm has the highest conversion rate) under the Beta posteriors, keyed by arm name (the weights before the floor). */
  probabilityBest: Record<string, number>;
  floor: number;
  method: 'exact' | 'monte-carlo';
}

const FN = 'experiment/banditWeights';

/**
 * Traffic weights for the next period of a multi-arm bandit on a conversion metric: Thompson
 * sampling's allocation, P(arm is best) under Beta–Binomial posteriors, with a floor so that no arm
 * starves.
 *
 * @remarks Thompson sampling sends each user to the arm that is best in one posterior draw, so in
 * expectation the arms get P(best) of the traffic; computing P(best) per period (exactly, or from
 * seeded draws as GrowthBook does) gives the same allocation in batches. The floor: arms below it
 * are set to it and the rest shared in proportion to P(best), repeated until no arm is below.
 * Bandit results are biased estimates of the arms' rates (the allocation depends on the data):
 * use a fixed-split test (analyzeExperiment) to measure effects. O(arms²) quadratures.
 * @see Russo et al., "A Tutorial on Thompson Sampling" (2018); GrowthBook bandits (`gbstats/bayesian/bandits.py`)
 * @throws {@link InvalidInputError} on malformed arms (duplicate names, conversions > n, fewer than 2 arms)
 * @throws {@link InvalidOptionError} when the floor is outside [0, 1/arms] or another option is invalid
 * @example
 * ```ts
 * import { banditWeights } from 'crmkit/experiment';
 * const w = banditWeights([
 *   { arm: 'A', n: 1000, conversions: 50 },
 *   { arm: 'B', n: 1000, conversions: 65 },
 *   { arm: 'C', n: 1000, conversions: 30 },
 * ], { floor: 0.05 });
 * w.weights.B!.toFixed(3); // => '0.878'
 * w.weights.C; // => 0.05
 * ```
 * @category Experiment
 */
export function banditWeights(arms: readonly BanditArm[], options?: BanditWeightsOptions): BanditWeightsResult {
  const o = checkOptions(FN, options, ['floor', 'prior', 'method', 'draws', 'seed']);
  const list = arrayLike<unknown>(FN, 'arms', arms, 2);
  const names: string[] = [];
  const summaries = Array.from(list, (a, i) => {
    if (!isObject(a)) throw new InvalidInputError(FN, `arms[${i}] must be an object { arm, n, conversions }`, a);
    const name = checkString(FN, `arms[${i}].arm`, a.arm);
    if (names.includes(name)) throw new InvalidInputError(FN, `arms has '${name}' twice`, name);
    names.push(name);
    return checkProportion(FN, `arms[${i}]`, a, 0);
  });
  const k = names.length;
  const floor = o.floor === undefined ? Math.min(0.01, 1 / k) : numberInRange(FN, 'options.floor', o.floor, { min: 0, max: 1 / k });
  // validated here so that every error names banditWeights and the user's argument
  const prior = o.prior === undefined ? { alpha: 1, beta: 1 } : checkBeta(FN, 'options.prior', o.prior);
  const method = o.method === undefined ? 'exact' : oneOf(FN, 'options.method', o.method, ['exact', 'monte-carlo'] as const);
  const draws = o.draws === undefined ? 100000 : integerInRange(FN, 'options.draws', o.draws, { min: 1000, max: 1e9 });
  const seed = checkSeed(FN, o.seed);
  const pb = probabilityBest(summaries, { prior, method, draws, seed }).probabilities;
  const w = applyFloor(pb, floor);
  const weights: Record<string, number> = {};
  const probabilityBestOut: Record<string, number> = {};
  names.forEach((n, i) => {
    weights[n] = w[i]!;
    probabilityBestOut[n] = pb[i]!;
  });
  return { weights, probabilityBest: probabilityBestOut, floor, method };
}

/** Shares ≥ floor summing to 1, proportional to p above the floor (equal shares when all of p's mass sits on floored arms). */
export function applyFloor(p: readonly number[], floor: number): number[] {
  const k = p.length;
  const fixed = new Array<boolean>(k).fill(false);
  for (let iter = 0; iter <= k; iter++) {
    let free = 0;
    let nFixed = 0;
    for (let i = 0; i < k; i++) {
      if (fixed[i]) nFixed++;
      else free += p[i]!;
    }
    const left = 1 - nFixed * floor;
    const w = p.map((x, i) => (fixed[i] ? floor : free > 0 ? (left * x) / free : left / (k - nFixed)));
    let changed = false;
    for (let i = 0; i < k; i++) {
      if (!fixed[i] && w[i]! < floor) {
        fixed[i] = true;
        changed = true;
      }
    }
    if (!changed) return w;
  }
  return new Array<number>(k).fill(1 / k);
}
