/**
 * The Monte Carlo loop behind the cascade simulations: runs of the diffusion from a seed set,
 * reach statistics, the per-step activation curve and each node's activation frequency.
 *
 * @internal
 * @module
 */
import { runSteps, type Steps } from '../core/_steps.js';
import { InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions, type Progress } from '../core/progress.js';
import { integerInRange, seed as checkSeed } from '../core/validate.js';
import { coin, spreadWorld, worldKey, type DiffusionGraph } from './_diffusion.js';
import { scoresObject } from './_compile.js';

/** Result of {@link simulateIndependentCascade} and {@link simulateLinearThreshold}. */
export interface SpreadSimulationResult {
  /** Mean number of active nodes when the diffusion stops (seeds included): the expected spread σ(S). */
  mean: number;
  /** Standard error of `mean`: the sample standard deviation of the reach over √runs. */
  standardError: number;
  /** Number of simulated runs. */
  runs: number;
  /**
   * Mean number of active nodes after each step: `curve[0]` is the number of seeds, `curve[t]`
   * the mean count after t rounds of activation attempts (runs that stopped earlier keep their final
   * count). Ends at the last step any run reached.
   */
  curve: number[];
  /** Share of runs in which each node ended active (1 for the seeds), keyed by node. */
  activationProbability: Record<string, number>;
}

/** Options common to both simulations. */
export interface SimulationOptions extends LongRunOptions {
  /**
   * Number of Monte Carlo runs.
   * @defaultValue 1000
   */
  runs?: number;
  /**
   * Seed of the runs: run r uses the live-edge world r of this seed, so a seed set evaluated twice
   * gets the same value.
   * @defaultValue 0
   */
  seed?: number;
  /**
   * Stop each run after this many steps (rounds of activation attempts).
   * @defaultValue no limit
   */
  maxSteps?: number;
}

export function simulationSettings(fn: string, o: SimulationOptions): { runs: number; seed: number; maxSteps: number } {
  if (o.runs !== undefined && o.runs === 0) throw new InvalidOptionError(fn, 'options.runs must be at least 1', 0);
  const runs = o.runs === undefined ? 1000 : integerInRange(fn, 'options.runs', o.runs, { min: 1, max: 1e9 });
  const seed = checkSeed(fn, o.seed);
  const maxSteps = o.maxSteps === undefined ? Infinity : integerInRange(fn, 'options.maxSteps', o.maxSteps, { min: 1 });
  return { runs, seed, maxSteps };
}

/**
 * Runs the diffusion `runs` times from `seeds`. `thresholds` (LT only) switches from live-edge
 * worlds to threshold dynamics: each node's threshold is its entry there when finite, else a
 * uniform draw in (0, 1] per run.
 */
export function simulate(
  fn: string,
  g: DiffusionGraph,
  seeds: Int32Array,
  o: SimulationOptions & { onProgress?: (p: Progress) => void },
  thresholds: Float64Array | null,
): SpreadSimulationResult {
  return runSteps(simulateSteps(fn, g, seeds, o, thresholds));
}

/** {@link simulate} as a kernel: yields every 64 runs and whenever the runs since the last yield reached 16,384 nodes. */
export function* simulateSteps(
  fn: string,
  g: DiffusionGraph,
  seeds: Int32Array,
  o: SimulationOptions & { onProgress?: (p: Progress) => void },
  thresholds: Float64Array | null,
): Steps<SpreadSimulationResult> {
  const { runs, seed, maxSteps } = simulationSettings(fn, o);
  const task = taskControl(fn, o);
  const n = g.n;
  const limit = Math.min(maxSteps, n);
  const mark = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const hits = new Float64Array(n);
  const steps = new Float64Array(limit + 2);
  const acc = thresholds === null ? null : new Float64Array(n);
  const theta = thresholds === null ? null : new Float64Array(n);
  let sum = 0;
  let sumSq = 0;
  let reached = 0;
  for (let r = 0; r < runs; r++) {
    const key = worldKey(seed, r);
    for (let i = 0; i < seeds.length; i++) {
      mark[seeds[i]!] = r;
      queue[i] = seeds[i]!;
    }
    const tail =
      thresholds === null
        ? spreadWorld(g, key, queue, 0, seeds.length, mark, r, steps, limit)
        : thresholdRun(g, key, queue, seeds.length, mark, r, steps, limit, thresholds, acc!, theta!);
    for (let i = 0; i < tail; i++) hits[queue[i]!]!++;
    sum += tail;
    sumSq += tail * tail;
    reached += tail;
    if ((r & 63) === 63) task.checkpoint(r + 1, runs);
    if ((r & 63) === 63 || reached >= 16384) {
      reached = 0;
      yield;
    }
  }
  task.checkpoint(runs, runs);
  const mean = sum / runs;
  const variance = runs > 1 ? Math.max(0, (sumSq - runs * mean * mean) / (runs - 1)) : 0;
  let last = 0;
  for (let t = 1; t < steps.length; t++) if (steps[t]! > 0) last = t;
  const curve: number[] = [seeds.length];
  for (let t = 1; t <= last; t++) curve.push(curve[t - 1]! + steps[t]! / runs);
  for (let i = 0; i < n; i++) hits[i] = hits[i]! / runs;
  return { mean, standardError: Math.sqrt(variance / runs), runs, curve, activationProbability: scoresObject(g.keys, hits) };
}

const TWO32 = 4294967296;

/** One run of linear-threshold dynamics; nodes first touched in the run draw their threshold. */
function thresholdRun(
  g: DiffusionGraph,
  key: number,
  queue: Int32Array,
  tail: number,
  mark: Int32Array,
  stamp: number,
  steps: Float64Array,
  maxSteps: number,
  fixed: Float64Array,
  acc: Float64Array,
  theta: Float64Array,
): number {
  const { outOff, outAdj, outP } = g;
  // touched-but-inactive nodes carry stamp −2 − run in `mark`
  const touched = -2 - stamp;
  let head = 0;
  let level = 0;
  while (head < tail && level < maxSteps) {
    const end = tail;
    level++;
    for (let i = head; i < end; i++) {
      const u = queue[i]!;
      const stop = outOff[u + 1]!;
      for (let j = outOff[u]!; j < stop; j++) {
        const v = outAdj[j]!;
        const mv = mark[v]!;
        if (mv === stamp) continue;
        if (mv !== touched) {
          mark[v] = touched;
          acc[v] = 0;
          const f = fixed[v]!;
          theta[v] = f === f ? f : (coin(key, v) + 1) / TWO32;
        }
        const a = acc[v]! + outP[j]!;
        acc[v] = a;
        // activation is decided at the end of the step (synchronous rounds)
      }
    }
    // second pass: nodes whose accumulated weight reached the threshold
    for (let i = head; i < end; i++) {
      const u = queue[i]!;
      const stop = outOff[u + 1]!;
      for (let j = outOff[u]!; j < stop; j++) {
        const v = outAdj[j]!;
        if (mark[v] === touched && acc[v]! >= theta[v]! - 1e-12) {
          mark[v] = stamp;
          queue[tail++] = v;
        }
      }
    }
    steps[level] = steps[level]! + (tail - end);
    head = end;
  }
  return tail;
}
