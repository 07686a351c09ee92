/**
 * Seeded pseudo-random numbers. Every random choice in crmkit goes through {@link createRandom},
 * so the same `seed` always gives the same result, in Node and in browsers alike.
 *
 * Algorithm: **xoshiro128\*\*** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021), 128 bits of state, period 2^128 − 1, passes BigCrush. The 32-bit
 * seed is expanded into the four state words with **SplitMix32** (a Weyl sequence with step
 * 0x9E3779B9 finished by MurmurHash3's 32-bit mixer), so nearby seeds give unrelated streams.
 * Not cryptographically secure.
 *
 * @module
 */
import { InvalidInputError } from './errors.js';
import { integerInRange, seed as checkSeed } from './validate.js';

/**
 * The seed used when an option's `seed` is omitted: results are deterministic by default.
 *
 * @example
 * ```ts
 * import { createRandom, DEFAULT_SEED } from 'crmkit';
 * DEFAULT_SEED; // => 0
 * createRandom().uniform() === createRandom(DEFAULT_SEED).uniform(); // => true
 * ```
 * @category Random
 */
export const DEFAULT_SEED = 0;

/** The generator's full state: four unsigned 32-bit words (JSON-serializable). */
export type RandomState = readonly [number, number, number, number];

/**
 * A seeded random source. Methods advance the shared state; the sequence of calls determines the
 * numbers returned.
 */
export interface Random {
  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A uniform integer in [0, n), unbiased (rejection sampling); `n` an integer in [1, 2^32]. */
  int(n: number): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** A Gamma(shape, 1) deviate (Marsaglia–Tsang 2000; boosted for shape < 1). */
  gamma(shape: number): number;
  /** A Beta(a, b) deviate, computed through log-gammas so tiny shapes never give 0/0. */
  beta(a: number, b: number): number;
  /** A new array with the items in uniformly random order (Fisher–Yates); the input is untouched. */
  shuffle<T>(items: readonly T[]): T[];
  /** A uniformly random permutation of 0..n−1. */
  permutation(n: number): Int32Array;
  /** `k` distinct indices drawn uniformly from 0..n−1 without replacement, in draw order. O(k). */
  sample(n: number, k: number): Int32Array;
  /** A copy of the current state, to resume later with {@link createRandomFromState}. */
  state(): RandomState;
}

function splitMix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a seeded generator (xoshiro128\*\*, seeded with SplitMix32).
 *
 * @param seed - an unsigned 32-bit integer
 * @throws {@link InvalidOptionError} when the seed is not an integer in [0, 2^32 − 1]
 * @example
 * ```ts
 * import { createRandom } from 'crmkit';
 * const a = createRandom(42);
 * const b = createRandom(42);
 * a.uniform() === b.uniform(); // => true
 * a.int(6) >= 0; // => true
 * ```
 * @category Random
 */
export function createRandom(seed: number = DEFAULT_SEED): Random {
  const s = checkSeed('core/createRandom', seed);
  const state = new Uint32Array(4);
  let w = s;
  for (let i = 0; i < 4; i++) {
    w = (w + 0x9e3779b9) >>> 0;
    state[i] = splitMix32(w);
  }
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return makeRandom(state);
}

/**
 * Resumes a generator from a state returned by `Random.state()`.
 *
 * @throws {@link InvalidInputError} unless the state is four unsigned 32-bit integers, not all zero
 * @example
 * ```ts
 * import { createRandom, createRandomFromState } from 'crmkit';
 * const a = createRandom(7);
 * a.uniform();
 * const b = createRandomFromState(a.state());
 * a.uniform() === b.uniform(); // => true
 * ```
 * @category Random
 */
export function createRandomFromState(state: RandomState): Random {
  const fn = 'core/createRandomFromState';
  if (!Array.isArray(state) || state.length !== 4) {
    throw new InvalidInputError(fn, 'state must be an array of four unsigned 32-bit integers', state);
  }
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = integerInRange(fn, `state[${i}]`, state[i], { min: 0, max: 0xffffffff });
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) throw new InvalidInputError(fn, 'state must not be all zeros', state);
  return makeRandom(s);
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53_INV = 1 / 9007199254740992;

function makeRandom(s: Uint32Array): Random {
  const next = (): number => {
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return r;
  };
  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) * TWO_POW_53_INV;
  const int = (n: number): number => {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_32)) {
      throw new InvalidInputError('core/Random.int', 'n must be an integer in [1, 2^32]', n);
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = next();
      if (x < limit) return x % n;
    }
  };
  const normal = (): number => {
    const u1 = 1 - uniform(); // (0, 1]
    const u2 = uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  // log of a Gamma(shape, 1) deviate; stable for tiny shapes.
  const logGamma = (shape: number): number => {
    if (!(shape > 0 && Number.isFinite(shape))) {
      throw new InvalidInputError('core/Random.gamma', 'shape must be a finite number > 0', shape);
    }
    if (shape < 1) {
      // Gamma(a) = Gamma(a + 1) * U^(1/a)
      return logGamma(shape + 1) + Math.log(1 - uniform()) / shape;
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return Math.log(d * v);
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
    }
  };
  const permutation = (n: number): Int32Array => {
    integerInRange('core/Random.permutation', 'n', n, { min: 0, max: 2 ** 31 - 1 });
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = p[i]!;
      p[i] = p[j]!;
      p[j] = tmp;
    }
    return p;
  };
  return {
    nextUint32: next,
    uniform,
    int,
    normal,
    gamma: (shape) => Math.exp(logGamma(shape)),
    beta: (a, b) => {
      const la = logGamma(a);
      const lb = logGamma(b);
      // a / (a + b) = 1 / (1 + exp(lb - la)), no 0/0 when both underflow
      return 1 / (1 + Math.exp(lb - la));
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    permutation,
    sample: (n, k) => {
      const fn = 'core/Random.sample';
      integerInRange(fn, 'n', n, { min: 0, max: 2 ** 31 - 1 });
      integerInRange(fn, 'k', k, { min: 0, max: n });
      // Partial Fisher–Yates over a virtual identity array; only displaced slots are stored.
      const moved = new Map<number, number>();
      const out = new Int32Array(k);
      for (let i = 0; i < k; i++) {
        const j = i + int(n - i);
        const vj = moved.get(j) ?? j;
        const vi = moved.get(i) ?? i;
        out[i] = vj;
        moved.set(j, vi);
      }
      return out;
    },
    state: () => [s[0]!, s[1]!, s[2]!, s[3]!] as const,
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
