/**
 * Asynchronous label propagation.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { createRandom } from '../core/random.js';
import { boolean, integerInRange, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { checkWeightOption, compile, type EdgeWeight } from './_compile.js';
import { fromCompiled, modularityOf, relabel } from './_community.js';
import { finish, type CommunitiesResult } from './_partition.js';
import { notConverged } from './_iterative.js';

/** Options of {@link labelPropagation}. */
export interface LabelPropagationOptions {
  /**
   * Edge weights used as votes: an attribute name (missing → 1), a function, or `null` for one vote
   * per neighbour (networkx's default).
   * @defaultValue null
   */
  weight?: EdgeWeight;
  /**
   * Seed of the node orders and tie-breaks.
   * @defaultValue 0
   */
  seed?: number;
  /**
   * Cap on sweeps (the process usually stops after a handful).
   * @defaultValue 100
   */
  maxIterations?: number;
  /**
   * Throw {@link NotConvergedError} instead of returning `converged: false`.
   * @defaultValue false
   */
  strict?: boolean;
}

/** Result of {@link labelPropagation}. */
export interface LabelPropagationResult extends CommunitiesResult {
  /** Whether a sweep changed no label before `maxIterations`. */
  converged: boolean;
}

const FN = 'graph/labelPropagation';

/**
 * Communities by asynchronous label propagation: each node, in a seeded random order, adopts the
 * label carried by most of its neighbours (ties broken at random), until no label changes.
 *
 * @remarks
 * networkx's `asyn_lpa_communities` rule (a node keeps its label when it is among the most frequent;
 * a self-loop is a vote for its own label), with crmkit's seeded generator, so partitions differ
 * from networkx's for the same seed. Directed graphs are treated as undirected. Fast (O(m) per
 * sweep) but unstable: it finds lower-modularity partitions than {@link leiden}, and on graphs with
 * dense cores it can sweep almost every node into one label (on email-Eu-core networkx's
 * `asyn_lpa_communities` does the same: a 986-node community, modularity 0.0).
 * @see networkx `community.asyn_lpa_communities(G, weight, seed)`; U. N. Raghavan, R. Albert and S.
 * Kumara, Phys. Rev. E 76, 2007.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty, mixes edge
 * kinds, or a weight is not a finite number ≥ 0
 * @throws {@link NotConvergedError} with `strict: true` when labels still change after `maxIterations`
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { labelPropagation } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * for (const [a, b] of [['a', 'b'], ['b', 'c'], ['c', 'a'], ['x', 'y'], ['y', 'z'], ['z', 'x']]) g.mergeEdge(a, b);
 * const r = labelPropagation(g, { seed: 3 });
 * [r.count, r.converged]; // => [2, true]
 * ```
 * @category Communities
 */
export function labelPropagation(graph: Graph, options?: LabelPropagationOptions): LabelPropagationResult {
  const o = checkOptions(FN, options, ['weight', 'seed', 'maxIterations', 'strict']);
  const weight = o.weight === undefined ? null : checkWeightOption(FN, o.weight);
  const seed = checkSeed(FN, o.seed);
  const maxIterations = o.maxIterations === undefined ? 100 : integerInRange(FN, 'options.maxIterations', o.maxIterations, { min: 1 });
  const strict = o.strict === undefined ? false : boolean(FN, 'options.strict', o.strict);
  const g = compile(FN, graph, { weight, keepLoops: true, undirected: true, nonEmpty: true, scale: true });
  const n = g.n;
  const rng = createRandom(seed);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = i;
  const freq = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const best = new Int32Array(n);
  const { outOffsets: off, outTargets: adj, outWeights: w } = g;
  let converged = false;
  let sweeps = 0;
  while (sweeps < maxIterations) {
    sweeps++;
    let changed = false;
    const order = rng.permutation(n);
    for (let t = 0; t < n; t++) {
      const v = order[t]!;
      if (off[v] === off[v + 1]) continue;
      let nt = 0;
      let max = -Infinity;
      for (let j = off[v]!; j < off[v + 1]!; j++) {
        const l = label[adj[j]!]!;
        if (freq[l] === -1) {
          freq[l] = 0;
          touched[nt++] = l;
        }
        const f = freq[l]! + (weight === null ? 1 : w[j]!);
        freq[l] = f;
        if (f > max) max = f;
      }
      let nb = 0;
      let keep = false;
      for (let u = 0; u < nt; u++) {
        const l = touched[u]!;
        if (freq[l] === max) {
          best[nb++] = l;
          if (l === label[v]) keep = true;
        }
        freq[l] = -1;
      }
      if (!keep) {
        label[v] = best[rng.int(nb)]!;
        changed = true;
      }
    }
    if (!changed) {
      converged = true;
      break;
    }
  }
  if (!converged && strict) notConverged(FN, { maxIterations, tolerance: 0, strict });
  const count = relabel(label);
  const cg = fromCompiled(g);
  return { ...finish(g, label, modularityOf(cg, label, count, 1), sweeps), converged };
}
