/**
 * banditWeights: the floor rule, exact vs seeded Monte Carlo, typed errors, and the simulated campaign
 * of docs/experiment.md (regret of Thompson-sampling weights vs a fixed equal split).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/index.js';
import { banditWeights, InvalidInputError, InvalidOptionError, probabilityBest } from '../../src/experiment/index.js';
import { applyFloor } from '../../src/experiment/banditWeights.js';

const arms = [
  { arm: 'A', n: 1000, conversions: 50 },
  { arm: 'B', n: 1000, conversions: 65 },
  { arm: 'C', n: 1000, conversions: 30 },
];

/** The campaign of docs/experiment.md: 3 arms with true rates 5%, 6%, 4%; 20 days of 1,500 users. */
function simulateCampaign(policy: 'bandit' | 'fixed', seed: number): { regret: number; conversions: number; shareBest: number } {
  const rates = [0.05, 0.06, 0.04];
  const rng = createRandom(seed);
  const n = [0, 0, 0];
  const conv = [0, 0, 0];
  let regret = 0;
  let users = 0;
  for (let day = 0; day < 20; day++) {
    const w = policy === 'fixed' || day === 0 ? [1 / 3, 1 / 3, 1 / 3] : Object.values(banditWeights(['A', 'B', 'C'].map((arm, i) => ({ arm, n: n[i]!, conversions: conv[i]! })), { floor: 0.05 }).weights);
    for (let u = 0; u < 1500; u++) {
      // allocate each user by the weights (seeded), then convert with the arm's true rate
      const x = rng.uniform();
      const i = x < w[0]! ? 0 : x < w[0]! + w[1]! ? 1 : 2;
      n[i]!++;
      if (rng.uniform() < rates[i]!) conv[i]!++;
      regret += 0.06 - rates[i]!;
      users++;
    }
  }
  return { regret, conversions: conv.reduce((a, b) => a + b, 0), shareBest: n[1]! / users };
}

describe('banditWeights', () => {
  it('is P(best) with a floor, summing to 1', () => {
    const r = banditWeights(arms, { floor: 0.05 });
    const pb = probabilityBest(arms).probabilities;
    expect(r.probabilityBest.B).toBe(pb[1]);
    expect(r.weights.C).toBe(0.05);
    expect(r.weights.A! / r.weights.B!).toBeCloseTo(pb[0]! / pb[1]!, 12);
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const mc = banditWeights(arms, { floor: 0.05, method: 'monte-carlo', seed: 7, draws: 200000 });
    expect(mc.weights.B).toBeCloseTo(r.weights.B!, 2);
    expect(banditWeights(arms, { method: 'monte-carlo', seed: 7 })).toEqual(banditWeights(arms, { method: 'monte-carlo', seed: 7 }));
  });

  it('applyFloor lifts every arm below the floor, in several rounds when needed', () => {
    expect(applyFloor([0.96, 0.03, 0.01], 0.1)).toEqual([0.8, 0.1, 0.1]);
    const w = applyFloor([0.5, 0.45, 0.04, 0.01], 0.2);
    expect(w.every((x) => x >= 0.2 - 1e-15)).toBe(true);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    for (const x of applyFloor([0.2, 0.3, 0.5], 1 / 3)) expect(x).toBeCloseTo(1 / 3, 14);
  });

  it('rejects bad arms and options naming itself', () => {
    expect(() => banditWeights([arms[0]!])).toThrow(InvalidInputError);
    expect(() => banditWeights([arms[0]!, arms[0]!])).toThrow(/twice/);
    expect(() => banditWeights([{ arm: 'A', n: 10, conversions: 50 }, arms[1]!])).toThrow(/experiment\/banditWeights: arms\[0\]\.conversions/);
    expect(() => banditWeights(arms, { floor: 0.5 })).toThrow(InvalidOptionError);
    expect(() => banditWeights(arms, { method: 'ucb' as never })).toThrow(/experiment\/banditWeights: options\.method/);
  });

  it('the docs campaign: bandit regret well below the fixed split, over 5 seeds', () => {
    let b = 0;
    let f = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const rb = simulateCampaign('bandit', seed);
      const rf = simulateCampaign('fixed', seed);
      b += rb.regret;
      f += rf.regret;
    }
    // figures quoted in docs/experiment.md (mean over seeds 1–5)
    console.log(`bandit regret ${(b / 5).toFixed(1)}, fixed split ${(f / 5).toFixed(1)}`);
    expect(b).toBeLessThan(f / 2);
  });
});
