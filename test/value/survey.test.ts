import { describe, expect, it } from 'vitest';
import { kanoClassify, likertSummary, netPromoterScore, satisfactionSummary, InvalidInputError, InvalidOptionError } from 'crmkit/value';
import { expectClose } from '../helpers/close.js';
import fx from '../fixtures/value-survey.json';

const ANSWERS = ['like', 'mustBe', 'neutral', 'liveWith', 'dislike'] as const;
describe('kanoClassify(responses, { features })', () => {
  it('maps all 25 answer pairs by the Kano evaluation table (Berger et al. 1993)', () => {
    // rows: functional answer; columns: dysfunctional answer; letters as in the paper's table
    const expected = ['QAAAO', 'RIIIM', 'RIIIM', 'RIIIM', 'RRRRQ'];
    const name = { A: 'attractive', O: 'oneDimensional', M: 'mustBe', I: 'indifferent', R: 'reverse', Q: 'questionable' } as const;
    for (let f = 0; f < 5; f++) {
      for (let d = 0; d < 5; d++) {
        const k = kanoClassify([{ f: f + 1, d: ANSWERS[d] }], { features: [{ name: 'x', functional: 'f', dysfunctional: 'd' }] }).features[0]!;
        expect(k.dominant, `F=${ANSWERS[f]} D=${ANSWERS[d]}`).toBe(name[expected[f]![d] as keyof typeof name]);
      }
    }
  });
  it('counts, better/worse coefficients, the M > O > A > I tie rule, and missing answers', () => {
    // 3 A, 3 O, 2 M, 1 I, 1 R and one skipped answer
    const pairs: [unknown, unknown][] = [[1, 2], [1, 3], [1, 4], [1, 5], [1, 5], [1, 5], [2, 5], [3, 5], [3, 3], [5, 1], [null, 5]];
    const k = kanoClassify(pairs.map(([f, d]) => ({ f, d })), { features: [{ name: 'x', functional: 'f', dysfunctional: 'd' }] }).features[0]!;
    expect(k.counts).toEqual({ attractive: 3, oneDimensional: 3, mustBe: 2, indifferent: 1, reverse: 1, questionable: 0 });
    expect([k.n, k.missing, k.dominant, k.tied]).toEqual([10, 1, 'oneDimensional', true]);
    expect(k.better).toBe(6 / 9);
    expect(k.worse).toBe(-5 / 9);
    const none = kanoClassify([{ f: 5, d: 1 }], { features: [{ name: 'x', functional: 'f', dysfunctional: 'd' }] }).features[0]!;
    expect([none.better, none.worse, none.dominant]).toEqual([null, null, 'reverse']);
  });
  it('rejects bad answers, rows and features', () => {
    const features = [{ name: 'x', functional: 'f', dysfunctional: 'd' }] as const;
    expect(() => kanoClassify([{ f: 6, d: 1 }], { features })).toThrow(/value\/kanoClassify: responses\[0\]: the functional answer for 'x'/);
    expect(() => kanoClassify([null] as never[], { features })).toThrow(InvalidInputError);
    expect(() => kanoClassify([{ f: 1, d: 1 }], { features: [...features, ...features] })).toThrow(InvalidOptionError);
    expect(() => kanoClassify([{ f: 1, d: 1 }], {} as never)).toThrow(InvalidOptionError);
  });
});

describe('likertSummary(responses, { scale })', () => {
  it('extends satisfactionSummary with bottom box, CSAT and NPS on 0-10', () => {
    const r = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 1, 2];
    const s = likertSummary(r, { scale: [1, 5] });
    expect(s.mean).toBe(satisfactionSummary(r).mean);
    expect([s.bottomBoxShare, s.csat]).toEqual([4 / 12, (7 / 12) * 100]);
    expect(s.bottomBoxLower).toBeLessThan(4 / 12);
    expect(s.nps).toBeUndefined();
    const nps = [10, 9, 0, 7, 8, 10, 6, 3, 9, 9];
    expect(likertSummary(nps, { scale: [0, 10] }).nps).toEqual(netPromoterScore(nps));
  });
  it('Mann–Whitney U and two-sided p match scipy.stats.mannwhitneyu (asymptotic, continuity) to 1e-12', () => {
    for (const c of fx.mannWhitney) {
      const s = likertSummary(c.x, { scale: c.scale as [number, number], compareWith: c.y });
      expect(s.comparison!.u).toBe(c.u);
      expectClose(s.comparison!.pValue, c.p, { rel: 1e-12 }, `p ${c.name}`);
    }
  });
  it('rejects off-scale answers naming the right argument', () => {
    expect(() => likertSummary([1, 6], { scale: [1, 5] })).toThrow(/value\/likertSummary: responses\[1\] must be an integer in \[1, 5\]/);
    expect(() => likertSummary([1, 2], { scale: [1, 5], compareWith: [0] })).toThrow(/options.compareWith\[0\]/);
    expect(() => likertSummary([1, 2], {} as never)).toThrow(InvalidOptionError);
  });
});
