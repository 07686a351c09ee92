import { InvalidInputError } from '../core/errors.js';
import { arrayLike, integerInRange, numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { checkAlpha } from './_common.js';
import { normalCdf, normalIsf, normalSf } from './_dist.js';

/** Options of {@link groupSequentialBoundaries}. @category Experiment */
export interface GroupSequentialBoundariesOptions {
  /** Overall type I error. @defaultValue 0.05 */
  alpha?: number;
  /** Lan–DeMets spending function: O'Brien–Fleming-type (spends little early) or Pocock-type (evenly). @defaultValue 'obrien-fleming' */
  spending?: 'obrien-fleming' | 'pocock';
  /** Two-sided (symmetric boundaries, reject on |Z| ≥ b) or one-sided (reject on Z ≥ b). @defaultValue 2 */
  sides?: 1 | 2;
  /** Grid points per unit of the score scale in the recursive integration (100 is converged to ~1e-9 in z). @defaultValue 100 */
  gridDensity?: number;
}

/** Result of {@link groupSequentialBoundaries}. @category Experiment */
export interface GroupSequentialBoundariesResult {
  /** Information fractions t_k of the looks (the last is 1). */
  informationFractions: number[];
  /** Critical z value at each look: stop for efficacy when |Z_k| (or Z_k if one-sided) ≥ boundaries[k]. */
  boundaries: number[];
  /** Nominal p-value thresholds of the boundaries (two-sided when sides = 2). */
  nominalAlpha: number[];
  /** α(t_k) from the spending function. */
  cumulativeAlpha: number[];
  spending: 'obrien-fleming' | 'pocock';
  sides: 1 | 2;
  alpha: number;
}

const FN = 'experiment/groupSequentialBoundaries';

/**
 * Group-sequential efficacy boundaries for planned interim looks, with Lan–DeMets alpha spending
 * (O'Brien–Fleming-type or Pocock-type): how extreme Z must be at each look so that the overall
 * false-positive rate stays at alpha.
 *
 * @remarks Spending (α the total error of the chosen sidedness): OBF-type α(t) = 2 − 2Φ(z_{α/2}/√t);
 * Pocock α(t) = α·ln(1 + (e − 1)t). Boundary k solves P(no earlier crossing, cross at k) = α(t_k) − α(t_{k−1})
 * under H0, where S_k = Z_k√t_k is Brownian motion; the sub-density of S on the continuation region
 * is carried from look to look by numerical convolution (Armitage, McPherson & Rowe 1969) on a
 * Simpson grid, and each boundary is found by bisection. O(K·G²) with G grid points.
 * @see Lan & DeMets, "Discrete sequential boundaries for clinical trials" (Biometrika 1983); Jennison & Turnbull (2000) ch. 7; R `gsDesign`, `ldbounds`
 * @throws {@link InvalidInputError} when looks is not a positive integer or an increasing list of fractions in (0, 1] ending at 1
 * @throws {@link InvalidOptionError} on alpha outside (0, 1), an unknown spending function or sides
 * @example
 * ```ts
 * import { groupSequentialBoundaries } from 'crmkit/experiment';
 * // one-sided 2.5%, three equally spaced looks: gsDesign's sfLDOF table gives 3.7103, 2.5114, 1.9930
 * const r = groupSequentialBoundaries(3, { sides: 1, alpha: 0.025 });
 * r.boundaries.map((b) => b.toFixed(3)); // => ['3.710', '2.511', '1.993']
 * groupSequentialBoundaries(3).boundaries.map((b) => b.toFixed(3)); // => ['3.395', '2.407', '2.015']
 * ```
 * @category Experiment
 */
export function groupSequentialBoundaries(looks: number | readonly number[], options?: GroupSequentialBoundariesOptions): GroupSequentialBoundariesResult {
  const o = checkOptions(FN, options, ['alpha', 'spending', 'sides', 'gridDensity']);
  const alpha = checkAlpha(FN, o.alpha);
  const spending = o.spending === undefined ? 'obrien-fleming' : oneOf(FN, 'options.spending', o.spending, ['obrien-fleming', 'pocock'] as const);
  const sides = o.sides === undefined ? 2 : oneOf(FN, 'options.sides', o.sides, [1, 2] as const);
  const density = o.gridDensity === undefined ? 100 : integerInRange(FN, 'options.gridDensity', o.gridDensity, { min: 20, max: 5000 });
  let t: number[];
  if (typeof looks === 'number') {
    const k = integerInRange(FN, 'looks', looks, { min: 1, max: 50 });
    t = Array.from({ length: k }, (_, i) => (i + 1) / k);
  } else {
    const a = arrayLike<unknown>(FN, 'looks', looks, 1);
    t = [];
    for (let i = 0; i < a.length; i++) {
      const v = numberInRange(FN, `looks[${i}]`, a[i], { min: 0, max: 1, minExclusive: true });
      if (i > 0 && !(v > t[i - 1]!)) throw new InvalidInputError(FN, 'looks must be strictly increasing information fractions', looks);
      t.push(v);
    }
    if (t[t.length - 1] !== 1) throw new InvalidInputError(FN, 'the last look must be at information fraction 1', looks);
  }
  const spend = (x: number): number =>
    spending === 'pocock' ? alpha * Math.log(1 + (Math.E - 1) * x) : 2 * normalSf(normalIsf(alpha / 2) / Math.sqrt(x));
  const cumulativeAlpha = t.map(spend);
  const boundaries: number[] = [];
  // grid state: sub-density f of S = Z·√t at the previous look, on nodes xs with Simpson weights ws
  let xs = new Float64Array(0);
  let fs = new Float64Array(0);
  let ws = new Float64Array(0);
  for (let k = 0; k < t.length; k++) {
    const target = cumulativeAlpha[k]! - (k > 0 ? cumulativeAlpha[k - 1]! : 0);
    const sqt = Math.sqrt(t[k]!);
    let b: number;
    if (k === 0) {
      b = sides === 2 ? normalIsf(target / 2) : normalIsf(target);
    } else {
      const sigma = Math.sqrt(t[k]! - t[k - 1]!);
      const crossProb = (bz: number): number => {
        const c = bz * sqt;
        let p = 0;
        for (let i = 0; i < xs.length; i++) {
          let q = normalSf((c - xs[i]!) / sigma);
          if (sides === 2) q += normalCdf((-c - xs[i]!) / sigma);
          p += ws[i]! * fs[i]! * q;
        }
        return p;
      };
      // crossProb decreases in b: bisection on [0, 40]
      let lo = 0;
      let hi = 40;
      while (hi - lo > 1e-12) {
        const mid = 0.5 * (lo + hi);
        if (crossProb(mid) > target) lo = mid;
        else hi = mid;
      }
      b = 0.5 * (lo + hi);
    }
    boundaries.push(b);
    if (k === t.length - 1) break;
    // propagate the sub-density onto the continuation region of look k
    const c = b * sqt;
    const lower = sides === 2 ? -c : Math.min(-8 * sqt, c - 1); // one-sided: no lower stop; keep the mass down to −8 sd of S
    let m = Math.max(2, Math.ceil((c - lower) * density));
    if (m % 2 === 1) m++;
    const h = (c - lower) / m;
    const nx = new Float64Array(m + 1);
    const nw = new Float64Array(m + 1);
    const nf = new Float64Array(m + 1);
    for (let i = 0; i <= m; i++) {
      nx[i] = lower + i * h;
      nw[i] = (h / 3) * (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2);
    }
    if (k === 0) {
      const sd = Math.sqrt(t[0]!);
      for (let i = 0; i <= m; i++) {
        const z = nx[i]! / sd;
        nf[i] = Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
      }
    } else {
      const sigma = Math.sqrt(t[k]! - t[k - 1]!);
      const norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
      for (let i = 0; i <= m; i++) {
        let s = 0;
        for (let j = 0; j < xs.length; j++) {
          const z = (nx[i]! - xs[j]!) / sigma;
          s += ws[j]! * fs[j]! * Math.exp(-0.5 * z * z);
        }
        nf[i] = s * norm;
      }
    }
    xs = nx;
    ws = nw;
    fs = nf;
  }
  const nominalAlpha = boundaries.map((b) => (sides === 2 ? 2 * normalSf(b) : normalSf(b)));
  return { informationFractions: t, boundaries, nominalAlpha, cumulativeAlpha, spending, sides, alpha };
}
