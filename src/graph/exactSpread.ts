/**
 * Exact expected spread by live-edge enumeration (small graphs).
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError } from '../core/errors.js';
import { boolean, oneOf, options as checkOptions } from '../core/validate.js';
import { scoresObject, type EdgeWeight } from './_compile.js';
import { buildDiffusion, nodeList, type CascadeProbability } from './_diffusion.js';

/** Options of {@link exactSpread}. */
export interface ExactSpreadOptions {
  /**
   * `'ic'` (independent cascade) or `'lt'` (linear threshold with uniform thresholds).
   * @defaultValue 'ic'
   */
  model?: 'ic' | 'lt';
  /** IC activation probabilities, as in {@link simulateIndependentCascade}. @defaultValue 'weightedCascade' */
  probability?: CascadeProbability;
  /** Edge weights (weighted cascade, LT influence), as in the simulations. @defaultValue null */
  weight?: EdgeWeight;
  /** LT: normalize incoming weights, as in {@link simulateLinearThreshold}. @defaultValue true */
  normalize?: boolean;
}

/** Result of {@link exactSpread}. */
export interface ExactSpreadResult {
  /** Expected number of active nodes at the end (seeds included). */
  mean: number;
  /** Probability that each node ends active, keyed by node. */
  activationProbability: Record<string, number>;
  /** Number of live-edge worlds of non-zero probability enumerated. */
  worlds: number;
}

const FN = 'graph/exactSpread';
const KEYS = ['model', 'probability', 'weight', 'normalize'];
const MAX_UNCERTAIN = 20;

/**
 * The exact expected spread of a seed set under the independent cascade or linear threshold
 * model, by enumerating every live-edge world: the reference the simulations are tested against.
 *
 * @remarks
 * IC: each arc with 0 < p < 1 is live or not (arcs with p = 1 always, p = 0 never), so a graph
 * with u uncertain arcs has 2^u worlds; at most 20 are allowed. LT: each node keeps at most one
 * incoming arc, arc (x, v) with probability b(x, v) and none with 1 − Σ b (Kempe et al.'s live-edge
 * form of uniform thresholds); at most 2^20 worlds. The spread is Σ_worlds P(world) · |reachable
 * from the seeds|. Parallel edges and self-loops are treated as in the simulations.
 *
 * Cost: O(worlds · (n + m)).
 * @see D. Kempe, J. Kleinberg and É. Tardos, KDD 2003, claims 2.3 and 2.6 (live-edge equivalence).
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph or is empty, a seed is not
 * a node or repeats, an edge probability is outside [0, 1], or the graph has too many uncertain
 * arcs (IC, more than 20) or worlds (LT, more than 2^20)
 * @throws {@link InvalidOptionError} on unknown options or a probability outside [0, 1]
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { exactSpread } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * exactSpread(g, ['a'], { probability: 0.5 }).mean; // => 1.75
 * exactSpread(g, ['a'], { probability: 0.5 }).activationProbability; // => { a: 1, b: 0.5, c: 0.25 }
 * ```
 * @category Diffusion
 */
export function exactSpread(graph: Graph, seeds: readonly string[], options?: ExactSpreadOptions): ExactSpreadResult {
  const o = checkOptions(FN, options, KEYS);
  const model = o.model === undefined ? 'ic' : oneOf(FN, 'options.model', o.model, ['ic', 'lt'] as const);
  const normalize = o.normalize === undefined ? true : boolean(FN, 'options.normalize', o.normalize);
  const g = buildDiffusion(FN, graph, { model, probability: o.probability, weight: o.weight ?? null, normalize });
  const s = nodeList(FN, 'seeds', g, seeds, 1);
  const n = g.n;
  const { outOff, outAdj, outP, inOff, inP } = g;
  const nArcs = outAdj.length;
  // per-world liveness of each out-arc, and the choices to enumerate
  const live = new Uint8Array(nArcs);
  const prob = new Float64Array(n);
  const queue = new Int32Array(n);
  const mark = new Int32Array(n).fill(-1);
  let total = 0;
  let worlds = 0;
  const visit = (p: number): void => {
    if (p === 0) return;
    worlds++;
    for (let i = 0; i < s.length; i++) {
      mark[s[i]!] = worlds;
      queue[i] = s[i]!;
    }
    let tail = s.length;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      for (let j = outOff[u]!; j < outOff[u + 1]!; j++) {
        const v = outAdj[j]!;
        if (live[j] && mark[v] !== worlds) {
          mark[v] = worlds;
          queue[tail++] = v;
        }
      }
    }
    total += p * tail;
    for (let i = 0; i < tail; i++) prob[queue[i]!] = prob[queue[i]!]! + p;
  };
  if (model === 'ic') {
    const uncertain: number[] = [];
    for (let j = 0; j < nArcs; j++) {
      const p = outP[j]!;
      if (p === 1) live[j] = 1;
      else if (p > 0) uncertain.push(j);
    }
    if (uncertain.length > MAX_UNCERTAIN) {
      throw new InvalidInputError(FN, `graph must have at most ${MAX_UNCERTAIN} arcs with a probability strictly between 0 and 1`, uncertain.length);
    }
    const u = uncertain.length;
    for (let mask = 0; mask < 2 ** u; mask++) {
      let p = 1;
      for (let b = 0; b < u; b++) {
        const j = uncertain[b]!;
        const on = (mask >>> b) & 1;
        live[j] = on;
        p *= on ? outP[j]! : 1 - outP[j]!;
      }
      visit(p);
    }
  } else {
    // out-arc index of each in-arc position
    const outOf = new Int32Array(nArcs);
    const fill = inOff.slice(0, n);
    for (let x = 0; x < n; x++) for (let j = outOff[x]!; j < outOff[x + 1]!; j++) outOf[fill[outAdj[j]!]!++] = j;
    // each node with incoming arcs: choices = its arcs (b > 0) plus "none" when Σ b < 1
    const nodes: number[] = [];
    const radix: number[] = [];
    let count = 1;
    for (let v = 0; v < n; v++) {
      let c = 0;
      let sum = 0;
      for (let r = inOff[v]!; r < inOff[v + 1]!; r++) {
        if (inP[r]! > 0) c++;
        sum += inP[r]!;
      }
      if (sum < 1 - 1e-12) c++;
      if (c > 1 || (c === 1 && sum > 0)) {
        nodes.push(v);
        radix.push(c);
        count *= c;
        if (count > 2 ** MAX_UNCERTAIN) {
          throw new InvalidInputError(FN, `graph must have at most 2^${MAX_UNCERTAIN} live-edge worlds under LT`, `more than ${2 ** MAX_UNCERTAIN}`);
        }
      }
    }
    const digit = new Int32Array(nodes.length);
    for (let w = 0; w < count; w++) {
      let p = 1;
      for (let i = 0; i < nodes.length; i++) {
        const v = nodes[i]!;
        let c = 0;
        let sum = 0;
        let chosen = -1;
        for (let r = inOff[v]!; r < inOff[v + 1]!; r++) {
          live[outOf[r]!] = 0;
          sum += inP[r]!;
          if (inP[r]! > 0) {
            if (c === digit[i]) chosen = r;
            c++;
          }
        }
        if (chosen >= 0) {
          live[outOf[chosen]!] = 1;
          p *= inP[chosen]!;
        } else {
          p *= Math.max(0, 1 - sum);
        }
      }
      visit(p);
      for (let i = 0; i < nodes.length; i++) {
        if (++digit[i]! < radix[i]!) break;
        digit[i] = 0;
      }
    }
  }
  return { mean: total, activationProbability: scoresObject(g.keys, prob), worlds };
}
