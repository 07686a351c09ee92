/**
 * Monte Carlo linear threshold model.
 *
 * @module
 */
import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidOptionError } from '../core/errors.js';
import { boolean, options as checkOptions } from '../core/validate.js';
import type { EdgeWeight } from './_compile.js';
import { buildDiffusion, nodeList } from './_diffusion.js';
import { simulateSteps, type SimulationOptions, type SpreadSimulationResult } from './_simulate.js';

/** Options of {@link simulateLinearThreshold}. */
export interface SimulateLinearThresholdOptions extends SimulationOptions {
  /**
   * Influence weights: an edge attribute name (missing → 1), a function, or `null` (every edge 1).
   * @defaultValue null
   */
  weight?: EdgeWeight;
  /**
   * Divide each node's incoming weights by their sum, so b(u, v) = w(u, v) / Σ_x w(x, v) (with no
   * weights, 1 / in-degree). With `false` the weights are used as given and each node's incoming
   * weights must sum to at most 1.
   * @defaultValue true
   */
  normalize?: boolean;
  /**
   * Fixed thresholds in [0, 1] for some nodes, keyed by node; the others draw a uniform threshold
   * per run (the model's default).
   */
  thresholds?: Record<string, number>;
}

const FN = 'graph/simulateLinearThreshold';
const KEYS = ['weight', 'normalize', 'thresholds', 'runs', 'seed', 'maxSteps', 'signal', 'onProgress'];

/**
 * Simulates the linear threshold model (Kempe, Kleinberg and Tardos 2003): a node becomes active
 * once the summed influence weight of its active in-neighbours reaches its threshold.
 *
 * @remarks
 * Rounds are synchronous: the nodes whose weight reaches their threshold during step t become
 * active at step t. Thresholds are uniform on (0, 1] per run (from a hash of seed, run and node)
 * unless fixed in `thresholds`. Directed edges influence source → target, undirected both ways;
 * self-loops are ignored; parallel edges add their weights.
 *
 * Cost: O(runs · arcs reached) time, O(n + m) memory.
 * @see D. Kempe, J. Kleinberg and É. Tardos, KDD 2003 (the model and its live-edge equivalence,
 * which {@link exactSpread} enumerates).
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph or is empty, a seed is not
 * a node or repeats, a weight is negative, or (with `normalize: false`) a node's incoming weights
 * sum to more than 1
 * @throws {@link InvalidOptionError} on unknown options, `runs` of 0, a threshold outside [0, 1] or
 * keyed by a node that is not in the graph
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { simulateLinearThreshold } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'c');
 * g.mergeEdge('b', 'c');
 * // c needs both a and b when its threshold is above one half
 * simulateLinearThreshold(g, ['a'], { thresholds: { c: 0.6 } }).mean; // => 1
 * simulateLinearThreshold(g, ['a', 'b'], { thresholds: { c: 0.6 } }).mean; // => 3
 * ```
 * @category Diffusion
 */
export function simulateLinearThreshold(
  graph: Graph,
  seeds: readonly string[],
  options?: SimulateLinearThresholdOptions,
): SpreadSimulationResult {
  return runSteps(simulateLinearThresholdSteps(FN, graph, seeds, options));
}

/**
 * {@link simulateLinearThreshold} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (every 64 runs, and sooner when runs reach many nodes), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link simulateLinearThreshold} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { simulateLinearThresholdAsync } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'c');
 * g.mergeEdge('b', 'c');
 * (await simulateLinearThresholdAsync(g, ['a', 'b'], { thresholds: { c: 0.6 } })).mean; // => 3
 * ```
 * @category Diffusion
 */
export function simulateLinearThresholdAsync(
  graph: Graph,
  seeds: readonly string[],
  options?: SimulateLinearThresholdOptions,
): Promise<SpreadSimulationResult> {
  return runStepsAsync(`${FN}Async`, simulateLinearThresholdSteps(`${FN}Async`, graph, seeds, options), options);
}

/** The kernel of {@link simulateLinearThreshold} and {@link simulateLinearThresholdAsync}: yields at checkpoints (core/_steps). */
function* simulateLinearThresholdSteps(FN: string, 
  graph: Graph,
  seeds: readonly string[],
  options?: SimulateLinearThresholdOptions,
): Steps<SpreadSimulationResult> {
  const o = checkOptions(FN, options, KEYS);
  const normalize = o.normalize === undefined ? true : boolean(FN, 'options.normalize', o.normalize);
  const g = buildDiffusion(FN, graph, { model: 'lt', weight: o.weight ?? null, normalize });
  const theta = new Float64Array(g.n).fill(NaN);
  if (o.thresholds !== undefined) {
    const t = o.thresholds as unknown;
    if (t === null || typeof t !== 'object' || Array.isArray(t)) {
      throw new InvalidOptionError(FN, 'options.thresholds must be an object keyed by node', t);
    }
    for (const [key, value] of Object.entries(t)) {
      const v = g.index.get(key);
      if (v === undefined) throw new InvalidOptionError(FN, `options.thresholds has a key that is not a node (${key})`, key);
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new InvalidOptionError(FN, `options.thresholds.${key} must be a number in [0, 1]`, value);
      }
      theta[v] = value;
    }
  }
  return yield* simulateSteps(FN, g, nodeList(FN, 'seeds', g, seeds, 1), o, theta);
}
