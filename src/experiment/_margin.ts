/**
 * The difference (treatment − control) and its standard error behind the margin tests
 * (equivalenceTest, nonInferiorityTest), for conversion or continuous arms.
 *
 * @internal
 * @module
 */
import { oneOf } from '../core/validate.js';
import { checkBinaryInput, checkMeanInput, isObject, magnitudeScale } from './_common.js';
import type { ArmMoments } from './types.js';
import { tTestFromMoments } from './welchTTest.js';

/** Difference, its SE and degrees of freedom (Infinity: normal), and the moments of each arm. */
export interface MarginEstimate {
  kind: 'proportions' | 'means';
  difference: number;
  standardError: number;
  df: number;
  control: ArmMoments;
  treatment: ArmMoments;
  method: string;
  warnings: string[];
}

const isConversion = (x: unknown): boolean => isObject(x) && 'conversions' in x;

/**
 * Proportions when both arms are `{ n, conversions }`: 'wald' (unpooled SE) or 'agresti-caffo' (one
 * success and one failure added to each arm, statsmodels' default); means otherwise: Welch
 * (Satterthwaite df) or Student (pooled) with `equalVariance`.
 */
export function marginEstimate(fn: string, control: unknown, treatment: unknown, method: unknown, equalVariance: boolean): MarginEstimate {
  if (isConversion(control) || isConversion(treatment)) {
    const m = method === undefined ? 'wald' : oneOf(fn, 'options.method', method, ['wald', 'agresti-caffo'] as const);
    const c = checkBinaryInput(fn, 'control', control);
    const t = checkBinaryInput(fn, 'treatment', treatment);
    const pc = c.conversions / c.n;
    const pt = t.conversions / t.n;
    let se: number;
    let difference = pt - pc;
    if (m === 'wald') se = Math.sqrt((pc * (1 - pc)) / c.n + (pt * (1 - pt)) / t.n);
    else {
      const qc = (c.conversions + 1) / (c.n + 2);
      const qt = (t.conversions + 1) / (t.n + 2);
      difference = qt - qc;
      se = Math.sqrt((qc * (1 - qc)) / (c.n + 2) + (qt * (1 - qt)) / (t.n + 2));
    }
    return {
      kind: 'proportions',
      difference,
      standardError: se,
      df: Infinity,
      control: { n: c.n, mean: pc, variance: pc * (1 - pc) },
      treatment: { n: t.n, mean: pt, variance: pt * (1 - pt) },
      method: m === 'wald' ? 'Wald z (unpooled SE)' : 'Agresti–Caffo z (one success and one failure added per arm)',
      warnings: [],
    };
  }
  const warnings: string[] = [];
  const s = magnitudeScale(control, treatment);
  const c = checkMeanInput(fn, 'control', control, 2, warnings, s);
  const t = checkMeanInput(fn, 'treatment', treatment, 2, warnings, s);
  const { standardError: se, df } = tTestFromMoments(c, t, 'two-sided', 0.05, equalVariance);
  const back = (m: ArmMoments): ArmMoments => ({ n: m.n, mean: m.mean * s, variance: m.variance * s * s });
  return {
    kind: 'means',
    difference: (t.mean - c.mean) * s,
    standardError: se * s,
    df,
    control: back(c),
    treatment: back(t),
    method: equalVariance ? "Student's t (pooled variance)" : "Welch's t",
    warnings,
  };
}
