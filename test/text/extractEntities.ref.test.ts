/**
 * extractEntities on 240 real posts (120 airline tweets, 120 Weibo posts) against expectations made
 * by an independent Python implementation and a hand review of every disagreement
 * (scripts/reference/text_entities.py → test/fixtures/text-entities.json; reviewed posts carry a
 * `review` note). Kind, text, UTF-16 offsets and normalized form must all be identical.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from 'crmkit/text';
import { loadFixture } from '../helpers/fixtures.js';

interface Post {
  source: string;
  id: string;
  text: string;
  expected: { kind: string; text: string; normalized: string; start: number; end: number }[];
  review?: string;
}
const fx = loadFixture<{ posts: Post[] }>('text-entities');

describe('extractEntities on the hand-checked fixture', () => {
  it('has at least 200 posts from both platforms', () => {
    expect(fx.posts.length).toBeGreaterThanOrEqual(200);
    expect(fx.posts.filter((p) => p.source === 'weibo2018').length).toBeGreaterThanOrEqual(100);
    expect(fx.posts.filter((p) => p.source === 'twitter-airline-sentiment').length).toBeGreaterThanOrEqual(100);
  });
  for (const p of fx.posts) {
    it(`${p.source} ${p.id}`, () => {
      expect(extractEntities(p.text).entities).toEqual(p.expected);
    });
  }
});
