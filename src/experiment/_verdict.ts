/**
 * The plain-English verdict of analyzeExperiment: status, recommended arm, headline and caveats.
 *
 * @internal
 * @module
 */
import type { PValueAdjustment } from './adjustPValues.js';
import type { ExperimentChanceToBeBest, ExperimentComparison, ExperimentVerdict } from './analyzeExperiment.js';
import type { MetricSpec } from './_experimentInput.js';

export function pct(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return x > 0 ? '+∞%' : '−∞%';
  const v = (x * 100).toFixed(digits);
  return `${x >= 0 ? '+' : ''}${v}%`;
}

export function chanceText(p: number): string {
  if (p >= 0.99995) return '> 99.99%';
  if (p <= 0.00005) return '< 0.01%';
  return `${(p * 100).toFixed(2)}%`;
}

export function fmtP(p: number): string {
  if (p === 0) return 'p < 1e-300';
  if (p < 1e-4) return `p = ${p.toExponential(1)}`;
  return `p = ${p.toPrecision(2)}`;
}

/** The SRM check the verdict acts on: the fixed χ² test or the sequential (always-valid) one. */
export interface SrmCheck {
  method: 'chi-square' | 'sequential';
  pValue: number;
  mismatch: boolean;
  threshold: number;
  /** χ² statistic (chi-square only). */
  statistic?: number;
}

/** @internal */
export function buildVerdict(
  metrics: readonly MetricSpec[],
  comparisons: ExperimentComparison[],
  srm: SrmCheck,
  srmWarning: number,
  controlName: string,
  alpha: number,
  correction: PValueAdjustment | 'none',
  sequential: boolean,
  arms: readonly { name: string; users: number }[],
  best: ExperimentChanceToBeBest,
): ExperimentVerdict {
  const caveats: string[] = [];
  const chanceToBeBest = best.arms.map((x) => ({ arm: x.arm, probability: x.probability }));
  const level = `${Math.round((1 - alpha) * 1000) / 10}%`;
  const primary = metrics[0]!;
  const split = arms.map((a) => `${a.name} ${a.users}`).join(' / ');
  if (srm.mismatch) {
    return {
      status: 'invalid',
      recommendedArm: controlName,
      headline: `Sample ratio mismatch: the arms received ${split} users, which the planned split explains with ${srm.method === 'sequential' ? 'sequential (always-valid) ' : ''}${fmtP(srm.pValue)} (< ${srm.threshold}). Fix assignment or tracking before reading any effect.`,
      caveats: ['Every effect below is measured on a biased split and may be wrong.'],
      chanceToBeBest,
    };
  }
  if (srm.pValue < srmWarning) {
    caveats.push(
      `Possible sample ratio mismatch: ${split} users (${srm.method === 'sequential' ? 'sequential check' : `χ² = ${srm.statistic!.toFixed(2)}`}, ${fmtP(srm.pValue)}, below ${srmWarning}). Check assignment and tracking before trusting the effects.`,
    );
  }
  const prim = comparisons.filter((c) => c.metric === primary.name);
  const winners = prim.filter((c) => c.outcome === 'better').sort((a, b) => b.relativeLift * (primary.higherIsBetter === false ? -1 : 1) - a.relativeLift * (primary.higherIsBetter === false ? -1 : 1));
  const losers = prim.filter((c) => c.outcome === 'worse');
  const describe = (c: ExperimentComparison): string =>
    `${c.arm} vs ${controlName} on ${c.metric}: ${pct(c.relativeLift)} relative (${level} CI ${pct(c.relativeInterval.lower)} to ${pct(c.relativeInterval.upper)}), ${fmtP(c.pValue)}${correction === 'none' ? '' : ` (${correction}-adjusted ${fmtP(c.adjustedPValue).replace('p = ', '').replace('p < ', '< ')})`}, ${chanceText(c.chanceToBeatControl)} chance to beat control`;
  let status: ExperimentVerdict['status'];
  let recommendedArm = controlName;
  let headline: string;
  if (winners.length > 0) {
    const w = winners[0]!;
    status = 'winner';
    recommendedArm = w.arm;
    headline = `${w.arm} beats ${controlName}. ${describe(w)}.`;
    const failed = comparisons.filter((c) => c.arm === w.arm && c.outcome === 'worse' && metrics.some((m) => m.guardrail && m.name === c.metric));
    if (failed.length > 0) {
      status = 'inconclusive';
      recommendedArm = controlName;
      headline = `${w.arm} wins on ${primary.name} but fails the guardrail ${failed.map((c) => c.metric).join(', ')}: keep ${controlName} until the trade-off is decided. ${describe(w)}.`;
    }
    if (winners.length > 1) caveats.push(`Other arms also beat control on ${primary.name}: ${winners.slice(1).map((x) => x.arm).join(', ')}; ${w.arm} has the largest lift, but compare them directly before choosing.`);
  } else if (losers.length > 0 && losers.length === prim.length) {
    status = 'loser';
    headline = `Keep ${controlName}: every variant is worse on ${primary.name}. ${describe(losers[0]!)}.`;
  } else {
    status = 'inconclusive';
    const best = prim.slice().sort((a, b) => b.chanceToBeatControl - a.chanceToBeatControl)[0]!;
    headline = `No significant difference on ${primary.name} at the ${level} level. Closest: ${describe(best)}. Keep ${controlName} or collect more data.`;
  }
  for (const c of comparisons) {
    if (c.metric !== primary.name && c.outcome === 'worse' && (status !== 'winner' || c.arm === recommendedArm)) {
      caveats.push(`Guardrail: ${c.arm} is significantly worse on ${c.metric} (${pct(c.relativeLift)}, ${fmtP(c.adjustedPValue)} adjusted).`);
    }
    if (c.type === 'binomial') {
      const conv = Math.min(Math.round(c.control.mean * c.control.n), Math.round(c.treatment.mean * c.treatment.n));
      if (conv < 30 && c.metric === primary.name) caveats.push(`Few conversions on ${c.metric} (${conv} in the smaller arm): the normal approximation is rough; confirm with fisherExactTest.`);
    }
  }
  if (arms.length > 2) {
    caveats.push(`Chance to be best on ${primary.name} (Bayesian, all arms): ${chanceToBeBest.map((x) => `${x.arm} ${chanceText(x.probability)}`).join(', ')}.`);
  }
  if (comparisons.length > 1 && correction !== 'none') caveats.push(`${comparisons.length} comparisons (metrics × arms): p-values are ${correction}-adjusted.`);
  if (comparisons.length > 1 && correction === 'none') caveats.push(`${comparisons.length} comparisons without correction: expect about ${(comparisons.length * alpha).toFixed(2)} false positives by chance.`);
  if (!sequential) caveats.push('Fixed-horizon test: valid only if the sample size was fixed in advance and the results were not used to decide when to stop. Use sequentialTuning for results you check repeatedly.');
  return { status, recommendedArm, headline, caveats, chanceToBeBest };
}
