import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sentiment } from 'crmkit/text/sentiment';

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('good', 'bad', 'not', 'very', 'GREAT', 'but', '!', '?', ':)', '😡', '👍🏽', '@united', '#fail', ' ', '，', '不', '很', '开心', '太差', '[哈哈]', '[泪', '但是', '\uD83D', '__proto__', "n't"),
);
const textArb = fc.array(piece, { maxLength: 14 }).map((a) => a.join(' '));

describe('sentiment invariants', () => {
  test.prop([textArb, fc.constantFrom('auto', 'en', 'zh' as const)])('compound in [−1, 1], shares sum to 1, label agrees with compound, deterministic', (text, lang) => {
    const r = sentiment(text, { lang });
    expect(r.compound).toBeGreaterThanOrEqual(-1);
    expect(r.compound).toBeLessThanOrEqual(1);
    expect(Math.abs(r.positive + r.negative + r.neutral - 1)).toBeLessThan(2e-4);
    for (const s of [r.positive, r.negative, r.neutral]) expect(s).toBeGreaterThanOrEqual(0);
    expect(r.label).toBe(r.compound >= 0.05 ? 'positive' : r.compound <= -0.05 ? 'negative' : 'neutral');
    expect(sentiment(text, { lang })).toEqual(r);
    if (r.tokens.length === 0) expect(r.compound).toBe(0);
  });
  test.prop([fc.constantFrom('good', 'great', 'happy', 'awful', 'sad', 'love', 'hate')])('"not X" has the opposite sign of "X"', (w) => {
    expect(Math.sign(sentiment(`it is not ${w}`).compound)).toBe(-Math.sign(sentiment(`it is ${w}`).compound));
  });
});
