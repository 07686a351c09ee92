/**
 * Influence maximization: choose the k seed accounts (within a budget) that reach the most people.
 *
 * @module
 */
import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom } from '../core/random.js';
import { boolean, integerInRange, numberInRange, oneOf, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import type { EdgeWeight } from './_compile.js';
import { buildDiffusion, nodeList, type CascadeProbability, type DiffusionGraph } from './_diffusion.js';
import { degreeDiscount, evaluateSequenceSteps, influenceRank, lazyGreedySteps, nodeSelection, RRSets, type Picked, type Selection } from './_influence.js';

/** Options of {@link selectInfluencers}. */
export interface SelectInfluencersOptions extends LongRunOptions {
  /**
   * Diffusion model: `'ic'` (independent cascade) or `'lt'` (linear threshold).
   * @defaultValue 'ic'
   */
  model?: 'ic' | 'lt';
  /**
   * `'imm'` (reverse-influence sampling, Tang et al. 2015), `'celf'` / `'celf++'` (lazy greedy on
   * Monte Carlo worlds), `'greedy'` (the same objective without laziness: slow, for checking),
   * `'degreeDiscount'` (Chen et al. 2009), `'pagerank'` (top PageRank of the reversed influence
   * graph) or `'degree'` (top out-degree) — the last three are fast baselines without a guarantee.
   * @defaultValue 'imm'
   */
  method?: 'imm' | 'celf' | 'celf++' | 'greedy' | 'degreeDiscount' | 'pagerank' | 'degree';
  /** IC activation probabilities, as in {@link simulateIndependentCascade}. @defaultValue 'weightedCascade' */
  probability?: CascadeProbability;
  /** Edge weights (weighted cascade, LT influence). @defaultValue null */
  weight?: EdgeWeight;
  /** LT: normalize incoming weights, as in {@link simulateLinearThreshold}. @defaultValue true */
  normalize?: boolean;
  /**
   * IMM's accuracy ε in (0, 1): the result is within 1 − 1/e − ε of the optimum with probability
   * at least 1 − 1/n^ℓ.
   * @defaultValue 0.1
   */
  epsilon?: number;
  /**
   * IMM's confidence exponent ℓ (> 0).
   * @defaultValue 1
   */
  ell?: number;
  /**
   * Monte Carlo worlds: the objective of CELF / CELF++ / greedy, and the independent evaluation of
   * every method's seeds (spread, standard error, marginal gains).
   * @defaultValue 1000
   */
  runs?: number;
  /** Seed of the worlds and of IMM's sampling. @defaultValue 0 */
  seed?: number;
  /** Cost of seeding each node (> 0), keyed by node; needs an entry for every node that may be chosen. */
  costs?: Record<string, number>;
  /** Total cost allowed (with `costs`; without, each seed costs 1). @defaultValue Infinity */
  budget?: number;
  /** Only these nodes may be chosen. @defaultValue every node */
  candidates?: readonly string[];
  /** These nodes are never chosen (already-engaged accounts); they still pass influence on. */
  exclude?: readonly string[];
}

/** Result of {@link selectInfluencers}. */
export interface SelectInfluencersResult {
  method: 'imm' | 'celf' | 'celf++' | 'greedy' | 'degreeDiscount' | 'pagerank' | 'degree';
  model: 'ic' | 'lt';
  /** Chosen seeds in the order they were picked. */
  seeds: string[];
  /** Expected number of nodes each seed adds to those before it (independent evaluation). */
  marginalGains: number[];
  /** Expected spread of all the seeds (seeds included), from `runs` independent worlds. */
  spread: number;
  /** Standard error of `spread`. */
  standardError: number;
  /** Worlds used for `spread`. */
  runs: number;
  /** Summed cost of the seeds (their count without `costs`). */
  totalCost: number;
  /** Worst-case ratio to the optimal spread that the method guarantees, or null for none. */
  approximation: number | null;
  /** The guarantee in words, with its conditions. */
  guarantee: string;
  /** IMM: number of random reverse-reachable sets behind the final choice; otherwise null. */
  rrSets: number | null;
  /** IMM: the lower bound on the optimal spread that set the sample size; otherwise null. */
  lowerBound: number | null;
}

const FN = 'graph/selectInfluencers';
const KEYS = [
  'model',
  'method',
  'probability',
  'weight',
  'normalize',
  'epsilon',
  'ell',
  'runs',
  'seed',
  'costs',
  'budget',
  'candidates',
  'exclude',
  'signal',
  'onProgress',
];
const METHODS = ['imm', 'celf', 'celf++', 'greedy', 'degreeDiscount', 'pagerank', 'degree'] as const;
const E1 = 1 - 1 / Math.E;

/**
 * Chooses up to `k` seed nodes that maximize the expected spread under the independent cascade or
 * linear threshold model, optionally within a budget, among candidates, avoiding exclusions.
 *
 * @remarks
 * - `'imm'`: Tang, Shi and Xiao's IMM. Random reverse-reachable (RR) sets are sampled until a
 *   martingale bound on their number holds, then greedy maximum coverage picks the seeds; the
 *   spread is at least (1 − 1/e − ε)·OPT with probability ≥ 1 − 1/n^ℓ. As Chen (2018) advises,
 *   the final selection uses RR sets drawn afresh, independent of the ones that set the lower
 *   bound. Cost O((k + ℓ)(n + m) log n / ε²) expected.
 * - `'celf'`, `'celf++'`, `'greedy'`: greedy hill-climbing on the average reach over `runs` fixed
 *   live-edge worlds (Kempe et al.'s 1 − 1/e on that objective), made lazy by CELF (Leskovec et al.
 *   2007) or CELF++ (Goyal et al. 2011). All three pick exactly the same seeds for the same `seed`
 *   (gains are integer counts, ties go to the earlier node). Cost O(k·n·runs·reach) worst case,
 *   far less with laziness; memory runs·n bits.
 * - `'degreeDiscount'`: Chen, Wang and Yang's DegreeDiscountIC with p the constant probability (or
 *   the mean arc probability). `'pagerank'`: the top PageRank (α = 0.85) of the reversed graph with
 *   arcs weighted by their probability. `'degree'`: the k largest out-degrees (distinct
 *   out-neighbours). All O(k·n + m), no guarantee.
 * - With `costs` and `budget`, greedy methods run both the gain rule and the gain-per-cost rule
 *   under the budget and keep the better (½(1 − 1/e) for CELF, Leskovec et al.); baselines rank by
 *   score per cost. IMM with costs states no guarantee.
 *
 * Every method's seeds are then simulated in `runs` worlds independent of the selection, so the
 * `spread` of different methods can be compared directly (IMM's and CELF's own estimates are biased
 * upward by the choice).
 * @see Y. Tang, Y. Shi and X. Xiao, "Influence maximization in near-linear time: a martingale
 * approach", SIGMOD 2015; W. Chen, "An issue in the martingale analysis of the influence
 * maximization algorithm IMM", 2018; J. Leskovec et al., "Cost-effective outbreak detection in
 * networks", KDD 2007; A. Goyal, W. Lu and L. Lakshmanan, "CELF++", WWW 2011; W. Chen, Y. Wang and
 * S. Yang, "Efficient influence maximization in social networks", KDD 2009.
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph or is empty, `k` is not an
 * integer in [1, number of eligible nodes], or an edge probability is outside [0, 1]
 * @throws {@link InvalidOptionError} on unknown options, a probability outside [0, 1], `runs` of 0,
 * ε outside (0, 1), costs that are not positive or missing for an eligible node, a budget below the
 * cheapest eligible node, candidates or exclusions that are not nodes
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { selectInfluencers } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * for (const leaf of ['b', 'c', 'd']) g.mergeEdge('hub', leaf);
 * g.mergeEdge('x', 'y');
 * const r = selectInfluencers(g, 2, { probability: 1, method: 'celf', runs: 10 });
 * r.seeds; // => ['hub', 'x']
 * r.marginalGains; // => [4, 2]
 * r.spread; // => 6
 * ```
 * @category Diffusion
 */
export function selectInfluencers(graph: Graph, k: number, options?: SelectInfluencersOptions): SelectInfluencersResult {
  return runSteps(selectInfluencersSteps(FN, graph, k, options));
}

/**
 * {@link selectInfluencers} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (every 256 RR sets, greedy gain evaluation or 64 evaluation worlds), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link selectInfluencers} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { selectInfluencersAsync } from 'crmkit/graph';
 * const g = new Graph({ type: 'directed' });
 * for (const t of ['b', 'c', 'd']) g.mergeEdge('a', t);
 * g.mergeEdge('x', 'y');
 * (await selectInfluencersAsync(g, 1, { probability: 1, method: 'celf', runs: 10 })).seeds; // => ['a']
 * ```
 * @category Diffusion
 */
export function selectInfluencersAsync(graph: Graph, k: number, options?: SelectInfluencersOptions): Promise<SelectInfluencersResult> {
  return runStepsAsync(`${FN}Async`, selectInfluencersSteps(`${FN}Async`, graph, k, options), options);
}

/** The kernel of {@link selectInfluencers} and {@link selectInfluencersAsync}: yields at checkpoints (core/_steps). */
function* selectInfluencersSteps(FN: string, graph: Graph, k: number, options?: SelectInfluencersOptions): Steps<SelectInfluencersResult> {
  const o = checkOptions(FN, options, KEYS);
  const model = o.model === undefined ? 'ic' : oneOf(FN, 'options.model', o.model, ['ic', 'lt'] as const);
  const method = o.method === undefined ? 'imm' : oneOf(FN, 'options.method', o.method, METHODS);
  const normalize = o.normalize === undefined ? true : boolean(FN, 'options.normalize', o.normalize);
  const epsilon = o.epsilon === undefined ? 0.1 : numberInRange(FN, 'options.epsilon', o.epsilon, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  const ell = o.ell === undefined ? 1 : numberInRange(FN, 'options.ell', o.ell, { min: 0, minExclusive: true, max: 100 });
  if (o.runs === 0) throw new InvalidOptionError(FN, 'options.runs must be at least 1', 0);
  const runs = o.runs === undefined ? 1000 : integerInRange(FN, 'options.runs', o.runs, { min: 1, max: 1e7 });
  const seed = checkSeed(FN, o.seed);
  const task = taskControl(FN, o);
  const g = buildDiffusion(FN, graph, { model, probability: o.probability, weight: o.weight ?? null, normalize });
  const sel = selection(FN, g, k, o);
  let picked: Picked;
  let rrSets: number | null = null;
  let lowerBound: number | null = null;
  if (method === 'imm') {
    const r = yield* imm(g, sel, epsilon, ell, seed, task);
    picked = r;
    rrSets = r.rrSets;
    lowerBound = r.lowerBound;
  } else if (method === 'celf' || method === 'celf++' || method === 'greedy') {
    if (runs * Math.ceil(g.n / 32) > 2 ** 26) {
      throw new InvalidOptionError(FN, `options.runs × nodes must stay under 2^31 bits of coverage state for ${method} (${g.n} nodes)`, runs);
    }
    picked = yield* lazyGreedySteps(g, runs, seed, sel, method, task);
  } else if (method === 'degreeDiscount') {
    let p = typeof o.probability === 'number' ? o.probability : 0;
    if (typeof o.probability !== 'number') {
      for (let j = 0; j < g.outP.length; j++) p += g.outP[j]!;
      p = g.outP.length > 0 ? p / g.outP.length : 0;
    }
    picked = degreeDiscount(g, sel, p);
  } else if (method === 'pagerank') {
    picked = topByScore(influenceRank(g), sel);
  } else {
    const deg = new Float64Array(g.n);
    for (let v = 0; v < g.n; v++) deg[v] = g.outOff[v + 1]! - g.outOff[v]!;
    picked = topByScore(deg, sel);
  }
  const ev = yield* evaluateSequenceSteps(g, picked.nodes, runs, (seed ^ 0x51ed270b) >>> 0, task);
  task.checkpoint(1, 1);
  let totalCost = 0;
  for (const v of picked.nodes) totalCost += sel.cost[v]!;
  const { approximation, guarantee } = statement(method, sel.costAware, epsilon, ell, g.n, runs);
  return {
    method,
    model,
    seeds: picked.nodes.map((v) => g.keys[v]!),
    marginalGains: ev.gains,
    spread: ev.mean,
    standardError: ev.standardError,
    runs,
    totalCost,
    approximation,
    guarantee,
    rrSets,
    lowerBound,
  };
}

function statement(method: string, costAware: boolean, epsilon: number, ell: number, n: number, runs: number): { approximation: number | null; guarantee: string } {
  if (method === 'imm') {
    if (costAware) return { approximation: null, guarantee: 'IMM with costs: no approximation guarantee is stated' };
    return {
      approximation: E1 - epsilon,
      guarantee: `spread ≥ (1 − 1/e − ε)·OPT = ${(E1 - epsilon).toFixed(4)}·OPT with probability ≥ 1 − 1/n^ℓ (ε = ${epsilon}, ℓ = ${ell}, n = ${n})`,
    };
  }
  if (method === 'celf' || method === 'celf++' || method === 'greedy') {
    if (costAware) return { approximation: E1 / 2, guarantee: `½(1 − 1/e)·OPT under the budget, on the average over ${runs} sampled worlds` };
    return { approximation: E1, guarantee: `(1 − 1/e)·OPT on the average over ${runs} sampled worlds (the sampled objective, not the exact spread)` };
  }
  return { approximation: null, guarantee: 'heuristic baseline: no guarantee' };
}

function selection(FN: string, g: DiffusionGraph, kIn: unknown, o: SelectInfluencersOptions): Selection {
  const n = g.n;
  const allowed = new Uint8Array(n);
  if (o.candidates !== undefined) for (const v of nodeList(FN, 'options.candidates', g, o.candidates)) allowed[v] = 1;
  else allowed.fill(1);
  if (o.exclude !== undefined) for (const v of nodeList(FN, 'options.exclude', g, o.exclude)) allowed[v] = 0;
  let eligible = 0;
  for (let v = 0; v < n; v++) eligible += allowed[v]!;
  if (eligible === 0) throw new InvalidOptionError(FN, 'no node is eligible after options.candidates and options.exclude', 0);
  if (typeof kIn !== 'number' || !Number.isInteger(kIn) || kIn < 1 || kIn > eligible) {
    throw new InvalidInputError(FN, `k must be an integer in [1, ${eligible}] (the eligible nodes)`, kIn);
  }
  const cost = new Float64Array(n).fill(1);
  const costAware = o.costs !== undefined;
  if (costAware) {
    const c = o.costs as unknown;
    if (c === null || typeof c !== 'object' || Array.isArray(c)) throw new InvalidOptionError(FN, 'options.costs must be an object keyed by node', c);
    const rec = c as Record<string, unknown>;
    for (const key of Object.keys(rec)) {
      if (g.index.get(key) === undefined) throw new InvalidOptionError(FN, `options.costs has a key that is not a node (${key})`, key);
    }
    for (let v = 0; v < n; v++) {
      if (!allowed[v]) continue;
      const x = rec[g.keys[v]!];
      if (typeof x !== 'number' || !(x > 0) || x === Infinity) {
        throw new InvalidOptionError(FN, `options.costs.${g.keys[v]} must be a finite number > 0 (every eligible node needs a cost)`, x);
      }
      cost[v] = x;
    }
  }
  let budget = Infinity;
  if (o.budget !== undefined) {
    budget = numberInRange(FN, 'options.budget', o.budget, { min: 0, minExclusive: true });
    let cheapest = Infinity;
    for (let v = 0; v < n; v++) if (allowed[v] && cost[v]! < cheapest) cheapest = cost[v]!;
    if (budget < cheapest) throw new InvalidOptionError(FN, `options.budget is below the cheapest eligible node's cost (${cheapest})`, budget);
  }
  return { k: kIn, allowed, cost, budget, costAware };
}

function topByScore(score: Float64Array, sel: Selection): Picked {
  const order = Array.from({ length: score.length }, (_, i) => i)
    .filter((v) => sel.allowed[v])
    .sort((a, b) => (sel.costAware ? score[b]! / sel.cost[b]! - score[a]! / sel.cost[a]! : score[b]! - score[a]!) || a - b);
  const nodes: number[] = [];
  const gains: number[] = [];
  let spent = 0;
  for (const v of order) {
    if (nodes.length >= sel.k) break;
    if (spent + sel.cost[v]! > sel.budget) continue;
    spent += sel.cost[v]!;
    nodes.push(v);
    gains.push(score[v]!);
  }
  return { nodes, gains };
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log((n - i) / (i + 1));
  return s;
}

/** IMM (Tang, Shi and Xiao 2015, Algorithms 1–3), with fresh RR sets for the final selection. */
function* imm(
  g: DiffusionGraph,
  sel: Selection,
  epsilon: number,
  ellIn: number,
  seed: number,
  task: ReturnType<typeof taskControl>,
): Steps<Picked & { rrSets: number; lowerBound: number }> {
  const n = g.n;
  let eligible = 0;
  for (let v = 0; v < n; v++) eligible += sel.allowed[v]!;
  const k = sel.k;
  if (n === 1) {
    return { nodes: [0], gains: [1], rrSets: 0, lowerBound: 1 };
  }
  const logN = Math.log(n);
  const ell = ellIn * (1 + Math.log(2) / logN);
  const lc = logChoose(eligible, Math.min(k, eligible));
  const epsP = Math.SQRT2 * epsilon;
  const lambdaP = ((2 + (2 * epsP) / 3) * (lc + ell * logN + Math.log(Math.max(Math.log2(n), 1))) * n) / (epsP * epsP);
  const rng = createRandom(seed);
  const rr = new RRSets(g);
  let lb = 1;
  const rounds = Math.max(1, Math.ceil(Math.log2(n)) - 1);
  for (let i = 1; i <= rounds; i++) {
    const x = n / 2 ** i;
    const theta = Math.ceil(lambdaP / x);
    yield* rr.extendSteps(theta, rng, task);
    const s = nodeSelection(rr, n, sel);
    yield;
    const est = (n * s.covered) / rr.count;
    if (est >= (1 + epsP) * x) {
      lb = est / (1 + epsP);
      break;
    }
  }
  const alpha = Math.sqrt(ell * logN + Math.log(2));
  const beta = Math.sqrt(E1 * (lc + ell * logN + Math.log(2)));
  const lambdaStar = (2 * n * (E1 * alpha + beta) ** 2) / (epsilon * epsilon);
  const theta = Math.ceil(lambdaStar / lb);
  rr.clear();
  yield* rr.extendSteps(theta, rng, task);
  const s = nodeSelection(rr, n, sel);
  return { nodes: s.nodes, gains: s.gains.map((c) => (n * c) / rr.count), rrSets: rr.count, lowerBound: lb };
}
