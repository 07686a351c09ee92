import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom } from '../core/random.js';
import { integerInRange, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { checkAlpha, checkRaw, magnitudeScale } from './_common.js';
import { normalCdf, normalQuantile } from './_dist.js';
import type { Interval } from './types.js';

/** Options of {@link bootstrapDifference}. @category Experiment */
export interface BootstrapDifferenceOptions extends LongRunOptions {
  /** Bootstrap resamples. @defaultValue 2000 */
  resamples?: number;
  /** 1 − confidence level (two-sided intervals). @defaultValue 0.05 */
  alpha?: number;
  /** Seed of the generator (`createRandom`). @defaultValue 0 */
  seed?: number;
}

/** Result of {@link bootstrapDifference}. @category Experiment */
export interface BootstrapDifferenceResult {
  /** Observed difference of means, treatment − control. */
  estimate: number;
  /** Standard deviation of the bootstrap distribution. */
  standardError: number;
  /** Percentile interval. */
  percentileInterval: Interval;
  /** Bias-corrected and accelerated interval (Efron 1987), acceleration from the two-sample jackknife. */
  bcaInterval: Interval;
  /** Bias-correction z₀ and acceleration a of the BCa interval. */
  biasCorrection: number;
  acceleration: number;
  resamples: number;
  seed: number;
}

const FN = 'experiment/bootstrapDifference';

/** Quantile with linear interpolation between order statistics (numpy's default, R type 7). */
function quantileSorted(s: Float64Array, q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/**
 * Seeded bootstrap of the difference in means (treatment − control), with percentile and BCa
 * intervals: no normality assumption, for skewed metrics like revenue.
 *
 * @remarks Each resample draws n_C control and n_T treatment values with replacement (stratified by
 * arm) from `createRandom(seed)`. BCa: z₀ = Φ⁻¹(#{θ* < θ̂}/B); a from the jackknife of each arm,
 * a = Σ_arms ΣU³/n³ / (6·(Σ_arms ΣU²/n²)^{3/2}), U = (n − 1)(θ̄₍.₎ − θ₍ⱼ₎), as scipy's
 * `bootstrap(method='BCa')` for several samples; levels Φ(z₀ + (z₀ + z_q)/(1 − a(z₀ + z_q))).
 * Monte Carlo error of the ends shrinks as 1/√resamples. O(resamples·N).
 * @see scipy `scipy.stats.bootstrap((treatment, control), statistic, method='BCa' | 'percentile')`; Efron & Tibshirani (1993) ch. 14
 * @throws {@link InvalidInputError} on arms with fewer than 2 values or non-finite values
 * @throws {@link InvalidOptionError} on resamples < 100, alpha outside (0, 1), or an invalid seed
 * @throws {@link AbortError} when `signal` fires (checked every max(65,536, n_C + n_T) draws)
 * @example
 * ```ts
 * import { bootstrapDifference } from 'crmkit/experiment';
 * const r = bootstrapDifference([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], { seed: 1 });
 * r.estimate; // => 2
 * r.percentileInterval.lower < 2 && r.percentileInterval.upper > 2; // => true
 * ```
 * @category Experiment
 */
export function bootstrapDifference(
  control: readonly number[] | Float64Array,
  treatment: readonly number[] | Float64Array,
  options?: BootstrapDifferenceOptions,
): BootstrapDifferenceResult {
  return runSteps(bootstrapDifferenceSteps(FN, control, treatment, options));
}

/**
 * {@link bootstrapDifference} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (every ~65,000 draws), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link bootstrapDifference} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { bootstrapDifferenceAsync } from 'crmkit/experiment';
 * const r = await bootstrapDifferenceAsync([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], { seed: 1 });
 * r.estimate; // => 2
 * ```
 * @category Experiment
 */
export function bootstrapDifferenceAsync(
  control: readonly number[] | Float64Array,
  treatment: readonly number[] | Float64Array,
  options?: BootstrapDifferenceOptions,
): Promise<BootstrapDifferenceResult> {
  return runStepsAsync(`${FN}Async`, bootstrapDifferenceSteps(`${FN}Async`, control, treatment, options), options);
}

/** The kernel of {@link bootstrapDifference} and {@link bootstrapDifferenceAsync}: yields at checkpoints (core/_steps). */
function* bootstrapDifferenceSteps(FN: string, 
  control: readonly number[] | Float64Array,
  treatment: readonly number[] | Float64Array,
  options?: BootstrapDifferenceOptions,
): Steps<BootstrapDifferenceResult> {
  const o = checkOptions(FN, options, ['resamples', 'alpha', 'seed', 'signal', 'onProgress']);
  // values near ±1e308 are divided by a power of two (exact) so sums cannot overflow; results are scaled back
  const sc = magnitudeScale(control, treatment);
  const c = scaled(checkRaw(FN, 'control', control, 2), sc);
  const t = scaled(checkRaw(FN, 'treatment', treatment, 2), sc);
  const B = o.resamples === undefined ? 2000 : integerInRange(FN, 'options.resamples', o.resamples, { min: 100, max: 1e7 });
  const alpha = checkAlpha(FN, o.alpha);
  const seed = checkSeed(FN, o.seed);
  const task = taskControl(FN, { ...(o.signal !== undefined && { signal: o.signal }), ...(o.onProgress !== undefined && { onProgress: o.onProgress }) });
  const rng = createRandom(seed);
  const nC = c.length;
  const nT = t.length;
  let sC = 0;
  let sT = 0;
  for (let i = 0; i < nC; i++) sC += c[i]!;
  for (let i = 0; i < nT; i++) sT += t[i]!;
  const estimate = sT / nT - sC / nC;
  const boot = new Float64Array(B);
  const every = Math.max(1, Math.floor(65536 / (nC + nT))); // a checkpoint per ~65k draws
  for (let b = 0; b < B; b++) {
    if (b % every === 0) {
      task.checkpoint(b, B);
      yield;
    }
    let a = 0;
    for (let i = 0; i < nT; i++) a += t[rng.int(nT)]!;
    let d = 0;
    for (let i = 0; i < nC; i++) d += c[rng.int(nC)]!;
    boot[b] = a / nT - d / nC;
  }
  task.checkpoint(B, B);
  let mean = 0;
  for (let b = 0; b < B; b++) mean += boot[b]!;
  mean /= B;
  let ss = 0;
  let below = 0;
  for (let b = 0; b < B; b++) {
    ss += (boot[b]! - mean) ** 2;
    if (boot[b]! < estimate) below++;
  }
  const sorted = boot.slice().sort();
  const percentileInterval = { lower: quantileSorted(sorted, alpha / 2), upper: quantileSorted(sorted, 1 - alpha / 2) };

  // jackknife: leaving out one value of an arm changes only that arm's mean
  let num = 0;
  let den = 0;
  for (const [arr, n, s, sign] of [
    [t, nT, sT, 1],
    [c, nC, sC, -1],
  ] as const) {
    let jm = 0;
    const jk = new Float64Array(n);
    const other = sign === 1 ? sC / nC : sT / nT;
    for (let j = 0; j < n; j++) {
      const m = (s - arr[j]!) / (n - 1);
      jk[j] = sign === 1 ? m - other : other - m;
      jm += jk[j]!;
    }
    jm /= n;
    let u2 = 0;
    let u3 = 0;
    for (let j = 0; j < n; j++) {
      const u = (n - 1) * (jm - jk[j]!);
      u2 += u * u;
      u3 += u * u * u;
    }
    num += u3 / (n * n * n);
    den += u2 / (n * n);
  }
  const acceleration = den > 0 ? num / (6 * den ** 1.5) : 0;
  const frac = below / B;
  const z0 = frac <= 0 ? -Infinity : frac >= 1 ? Infinity : normalQuantile(frac);
  const level = (q: number): number => {
    if (!Number.isFinite(z0)) return z0 > 0 ? 1 : 0;
    const zq = normalQuantile(q);
    return normalCdf(z0 + (z0 + zq) / (1 - acceleration * (z0 + zq)));
  };
  const bcaInterval = { lower: quantileSorted(sorted, level(alpha / 2)), upper: quantileSorted(sorted, level(1 - alpha / 2)) };
  const back = (x: Interval): Interval => ({ lower: x.lower * sc, upper: x.upper * sc });
  return {
    estimate: estimate * sc,
    standardError: Math.sqrt(ss / (B - 1)) * sc,
    percentileInterval: back(percentileInterval),
    bcaInterval: back(bcaInterval),
    biasCorrection: z0,
    acceleration,
    resamples: B,
    seed,
  };
}

/** The values divided by `scale` (a power of two, so exact); the array itself when scale is 1. */
function scaled(x: Float64Array, scale: number): Float64Array {
  if (scale === 1) return x;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! / scale;
  return out;
}
