/**
 * Monte Carlo independent cascade.
 *
 * @module
 */
import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import type { AbstractGraph as Graph } from 'graphology-types';
import { options as checkOptions } from '../core/validate.js';
import type { EdgeWeight } from './_compile.js';
import { buildDiffusion, nodeList, type CascadeProbability } from './_diffusion.js';
import { simulateSteps, type SimulationOptions, type SpreadSimulationResult } from './_simulate.js';

export type { CascadeProbability } from './_diffusion.js';
export type { SimulationOptions, SpreadSimulationResult } from './_simulate.js';

/** Options of {@link simulateIndependentCascade}. */
export interface SimulateIndependentCascadeOptions extends SimulationOptions {
  /**
   * Activation probability of each edge: one number in [0, 1] for every edge; `'weightedCascade'`
   * (p(u → v) = w(u, v) / Σ_x w(x, v), v's incoming weight, with `weight`; 1 / in-degree when
   * unweighted); `'trivalency'` (each arc gets 0.1, 0.01 or 0.001 from a hash of its edge key, the
   * same in every call); the name of an edge attribute holding the probability; or a function
   * `(attributes, source, target) => p`. The two reserved words win over attribute names.
   * @defaultValue 'weightedCascade'
   */
  probability?: CascadeProbability;
  /**
   * Edge weights for `'weightedCascade'`: an attribute name (missing → 1), a function, or `null`.
   * @defaultValue null
   */
  weight?: EdgeWeight;
}

const FN = 'graph/simulateIndependentCascade';
const KEYS = ['probability', 'weight', 'runs', 'seed', 'maxSteps', 'signal', 'onProgress'];

/**
 * Simulates the independent cascade model (Kempe, Kleinberg and Tardos 2003) from a seed set:
 * each newly active node gets one chance to activate each inactive out-neighbour, with the edge's
 * probability.
 *
 * @remarks
 * Directed edges spread from source to target, undirected edges both ways; self-loops are
 * ignored; parallel edges are independent attempts (merged to 1 − Π(1 − pᵢ)), except under
 * `'weightedCascade'`, where their weights add up first. Each run samples a live-edge world from
 * a counter-based hash of (seed, run, arc), so the same seed gives the same worlds for any seed
 * set (common random numbers; differences between seed sets have less noise). Coins compare a
 * uniform 32-bit integer with p·2³², so probabilities resolve to 2⁻³².
 *
 * Cost: O(runs · arcs reached) time, O(n + m) memory; no allocation per run.
 * @see D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence through a social
 * network", KDD 2003; {@link exactSpread} for the exact value on small graphs.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph or is empty, a seed is not
 * a node or repeats, or an edge's probability is not in [0, 1]
 * @throws {@link InvalidOptionError} on unknown options, a probability outside [0, 1], `runs` of 0
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { simulateIndependentCascade } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * const r = simulateIndependentCascade(g, ['a'], { probability: 1, runs: 10 });
 * r.mean; // => 3
 * r.curve; // => [1, 2, 3]
 * r.activationProbability; // => { a: 1, b: 1, c: 1 }
 * ```
 * @category Diffusion
 */
export function simulateIndependentCascade(
  graph: Graph,
  seeds: readonly string[],
  options?: SimulateIndependentCascadeOptions,
): SpreadSimulationResult {
  return runSteps(simulateIndependentCascadeSteps(FN, graph, seeds, options));
}

/**
 * {@link simulateIndependentCascade} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (every 64 runs, and sooner when runs reach many nodes), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link simulateIndependentCascade} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { simulateIndependentCascadeAsync } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * (await simulateIndependentCascadeAsync(g, ['a'], { probability: 1 })).mean; // => 3
 * ```
 * @category Diffusion
 */
export function simulateIndependentCascadeAsync(
  graph: Graph,
  seeds: readonly string[],
  options?: SimulateIndependentCascadeOptions,
): Promise<SpreadSimulationResult> {
  return runStepsAsync(`${FN}Async`, simulateIndependentCascadeSteps(`${FN}Async`, graph, seeds, options), options);
}

/** The kernel of {@link simulateIndependentCascade} and {@link simulateIndependentCascadeAsync}: yields at checkpoints (core/_steps). */
function* simulateIndependentCascadeSteps(FN: string, 
  graph: Graph,
  seeds: readonly string[],
  options?: SimulateIndependentCascadeOptions,
): Steps<SpreadSimulationResult> {
  const o = checkOptions(FN, options, KEYS);
  const g = buildDiffusion(FN, graph, { model: 'ic', probability: o.probability, weight: o.weight ?? null });
  return yield* simulateSteps(FN, g, nodeList(FN, 'seeds', g, seeds, 1), o, null);
}
