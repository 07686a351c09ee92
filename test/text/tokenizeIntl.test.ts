/**
 * The default (Intl.Segmenter) path of tokenize: one segmenter call per post, and long Han runs cut
 * into 256-character pieces, because Intl.Segmenter's cost grows faster than linearly with the
 * length of the string (tokenize('话'.repeat(87381)) took minutes when the run went in whole).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitTfidf, tokenize } from 'crmkit/text';

afterEach(() => {
  vi.restoreAllMocks();
});

function spySegment(): { lengths: number[] } {
  const rec = { lengths: [] as number[] };
  const orig = Intl.Segmenter.prototype.segment;
  vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
    rec.lengths.push(input.length);
    return orig.call(this, input);
  });
  return rec;
}

describe('tokenize with the default Chinese segmenter', () => {
  it('makes one Intl.Segmenter call for a post with several Han runs, and keeps the token order', () => {
    const post = '今天天气很好#北京#我们去公园玩吧 @小明 真的很开心😀明天见';
    const perRun = tokenize(post, { segmenter: (s) => Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment(s), (x) => x.segment) });
    const rec = spySegment();
    const ours = tokenize(post);
    expect(rec.lengths).toHaveLength(1);
    expect(ours).toEqual(perRun);
    expect(ours).toContain('#北京');
    expect(ours.indexOf('#北京')).toBeLessThan(ours.indexOf('@小明'));
  });
  it('cuts a long Han run into pieces of at most 256 characters and loses no character', () => {
    const rec = spySegment();
    const text = '话'.repeat(87381);
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(Math.max(...rec.lengths)).toBeLessThanOrEqual(256);
    expect(rec.lengths.length).toBe(Math.ceil(87381 / 256));
  });
  it('never splits a surrogate pair at a cut', () => {
    const text = `${'话'.repeat(255)}𠀀${'话'.repeat(10)}`;
    expect(tokenize(text).join('')).toBe(text);
    expect(tokenize(text).some((t) => t.includes('\uFFFD') || /^[\uD800-\uDBFF]$/.test(t))).toBe(false);
  });
  it('gives fitTfidf the same tokens as before for ordinary posts', () => {
    const posts = ['我爱北京天安门', '北京欢迎你 #奥运#', 'hello 世界'];
    const perRun = (s: string): string[] => Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment(s), (x) => x.segment);
    expect(fitTfidf(posts).vocabulary).toEqual(fitTfidf(posts, { tokenize: { segmenter: perRun } }).vocabulary);
  });
});
