import { describe, expect, it } from 'vitest';
import { kanoClassify } from 'crmkit/value';

/**
 * A published worked example: the "electric cable reel" of a vacuum cleaner, WMG (University of Warwick),
 * "Kano Analysis", Design for Six Sigma module notes,
 * https://warwick.ac.uk/fac/sci/wmg/ftmsc/modules/modulelist/peuss/sessions/design_for_six_sigma_dfss/dmadv/measure/voc/kano/
 * Percentage of replies: A 53.9, O 28.2, M 7.4, I 8.4, R 0.3, Q 1.8 (total 100), category A; coefficients
 * printed as satisfaction 0.82 and dissatisfaction −0.36.
 * The shares are rebuilt here as 1,000 answer pairs (539, 282, 74, 84, 3, 18) through the evaluation table,
 * so the test exercises the table as well as the arithmetic.
 */
describe('kanoClassify on a published worked example (electric cable reel)', () => {
  // answer codes: 1 like, 2 must-be (expect), 3 neutral, 4 live with, 5 dislike
  const pairs: [number, number, number][] = [
    [1, 3, 539], // like / neutral → attractive
    [1, 5, 282], // like / dislike → one-dimensional
    [2, 5, 74], // expect / dislike → must-be
    [3, 3, 84], // neutral / neutral → indifferent
    [5, 1, 3], // dislike / like → reverse
    [1, 1, 18], // like / like → questionable
  ];
  const rows = pairs.flatMap(([f, d, k]) => Array.from({ length: k }, () => ({ f, d })));
  const [r] = kanoClassify(rows, { features: [{ name: 'cable reel', functional: 'f', dysfunctional: 'd' }] }).features;

  it('counts and shares per category reproduce the published table; the category is A', () => {
    expect(r!.n).toBe(1000);
    expect(r!.counts).toEqual({ attractive: 539, oneDimensional: 282, mustBe: 74, indifferent: 84, reverse: 3, questionable: 18 });
    expect(Object.values(r!.counts).map((c) => ((100 * c) / r!.n).toFixed(1))).toEqual(['53.9', '28.2', '7.4', '8.4', '0.3', '1.8']);
    expect(r!.dominant).toBe('attractive');
    expect(r!.tied).toBe(false);
  });

  it('worse = −(O + M)/(A + O + M + I) = −0.36 as printed; better = (A + O)/(A + O + M + I) = 0.84', () => {
    expect(r!.worse).toBeCloseTo(-356 / 979, 15);
    expect(r!.worse!.toFixed(2)).toBe('-0.36');
    expect(r!.better).toBeCloseTo(821 / 979, 15);
    expect(r!.better!.toFixed(2)).toBe('0.84');
    // The page prints 0.82 for satisfaction: that is (A + O) over all replies, R and Q included
    // (821/1000); over Berger et al.'s A + O + M + I, as crmkit computes, it is 0.84. (Its −0.36 agrees
    // under both denominators: 356/1000 and 356/979 both round to 0.36.)
    expect((821 / 1000).toFixed(2)).toBe('0.82');
  });
});
