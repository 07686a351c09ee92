import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { countKeywords, extractEntities, normalizePost, tokenize } from 'crmkit/text';

// Arbitrary UTF-16 (lone surrogates included) mixed with the characters entities are made of.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('#', '@', '$', '{%#', '#%}', '%}', '[', ']', '二哈', 'http://t.co/', 'a@b.com', '👍🏽', '‍', '️', '\uD83D', '\uDC4D', ' ', '，', '周杰伦', 'United', "can't"),
);
const textArb = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

describe('text functions on arbitrary UTF-16', () => {
  test.prop([textArb])('never throw; entity offsets slice back to the entity text and do not overlap', (text) => {
    const r = extractEntities(text);
    let end = 0;
    for (const e of r.entities) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeGreaterThanOrEqual(end);
      end = e.end;
    }
    const tokens = tokenize(text);
    for (const t of tokens) {
      expect(typeof t).toBe('string');
      expect(t.length).toBeGreaterThan(0);
    }
    expect(typeof normalizePost(text, { removeStopWords: true })).toBe('string');
  });

  test.prop([fc.array(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'), { minLength: 1, maxLength: 6 })])(
    'object-prototype names as hashtags are ordinary keys when counted',
    (names) => {
      const posts = names.map((n, i) => ({ text: `#${n} @${n}`, createdAt: i * 3_600_000 }));
      const r = countKeywords(posts, { entities: 'hashtags' });
      const expected = new Map<string, number>();
      for (const n of names) expected.set(`#${n.toLowerCase()}`, (expected.get(`#${n.toLowerCase()}`) ?? 0) + 1);
      expect(new Map(r.series.map((s) => [s.keyword, s.total]))).toEqual(expected);
    },
  );
});
