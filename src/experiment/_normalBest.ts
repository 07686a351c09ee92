/**
 * Exact P(arm i is the largest) for independent normal laws N(μ_j, σ_j²):
 * P_i = ∫ φ(z) Π_{j≠i} Φ((μ_i + σ_i z − μ_j)/σ_j) dz, one adaptive Gauss–Kronrod integral per arm.
 *
 * The range z ∈ [−38.6, 38.6] holds all the mass (φ falls below e^−745 outside). Breakpoints at
 * every other arm's centre ± 0.5…16 of its scale (in z units) resolve the steep Φ of a much
 * narrower arm. Point masses (σ = 0) are handled in closed form; point masses tied at the same
 * value share their win equally, so the probabilities always sum to 1.
 *
 * @internal
 * @module
 */
import { normalCdf, normalPdf } from './_dist.js';
import { integrate } from './_quadrature.js';

export interface NormalLaw {
  mean: number;
  sd: number;
}

const Z_MAX = 38.6; // φ(38.6) ≈ e^-745
const QUAD = { relTol: 1e-10, absTol: 0, initialPanels: 4, maxPanels: 4000 };
const SCALES = [0.5, 1, 2, 4, 8, 16];

export function probabilityBestNormalExact(laws: readonly NormalLaw[], absTol = 0): { values: number[]; errors: number[] } {
  const k = laws.length;
  const values: number[] = [];
  const errors: number[] = [];
  for (let i = 0; i < k; i++) {
    const L = laws[i]!;
    if (!(L.sd > 0)) {
      // point mass at μ_i: beats every continuous arm below it; ties with other point masses share
      let v = 1;
      let ties = 1;
      for (let j = 0; j < k && v !== 0; j++) {
        if (j === i) continue;
        const M = laws[j]!;
        if (M.sd > 0) v *= normalCdf((L.mean - M.mean) / M.sd);
        else if (M.mean > L.mean) v = 0;
        else if (M.mean === L.mean) ties++;
      }
      values.push(v / ties);
      errors.push(Number.EPSILON * k);
      continue;
    }
    // Φ((μ_i + σ_i z − μ_j)/σ_j) as Φ(a_j + b_j z) with a_j = (μ_i − μ_j)/σ_j: the difference of
    // means is taken first, so nearly equal large means with tiny spreads keep their digits.
    const a = new Float64Array(k);
    const b = new Float64Array(k);
    const step = new Float64Array(k); // point masses: the z above which arm i beats arm j
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const M = laws[j]!;
      if (M.sd > 0) {
        a[j] = (L.mean - M.mean) / M.sd;
        b[j] = L.sd / M.sd;
      } else {
        step[j] = (M.mean - L.mean) / L.sd;
      }
    }
    const f = (z: number): number => {
      let v = normalPdf(z);
      for (let j = 0; j < k && v !== 0; j++) {
        if (j === i) continue;
        if (laws[j]!.sd > 0) v *= normalCdf(a[j]! + b[j]! * z);
        else v *= z > step[j]! ? 1 : z < step[j]! ? 0 : 0.5;
      }
      return v;
    };
    const breaks: number[] = [0, -1, 1, -2, 2, -4, 4, -8, 8];
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      const M = laws[j]!;
      const c = (M.mean - L.mean) / L.sd;
      breaks.push(c);
      if (M.sd > 0) {
        const w = M.sd / L.sd;
        for (const s of SCALES) breaks.push(c - s * w, c + s * w);
      }
    }
    const r = integrate(f, -Z_MAX, Z_MAX, { ...QUAD, absTol, breaks: breaks.filter((b) => Number.isFinite(b)) });
    values.push(Math.min(Math.max(r.value, 0), 1));
    // quadrature estimate + rounding of the panel sum + the truncated tails (2·Φ(−38.6) < 1e-320)
    errors.push(r.error + r.panels * Number.EPSILON * Math.abs(r.value) + 1e-320);
  }
  return { values, errors };
}
