/**
 * segmentChinese (crmkit/text/zh) against Python jieba 0.42.1 (jieba.cut, HMM on) on the 500
 * weibo2018 test posts of test/fixtures/text-jieba.json (scripts/reference/text_jieba.py). The
 * dictionary is jieba's own, never fitted to weibo2018, so all 500 posts are held out. Token F1 on
 * word spans made only of Han characters, crmkit segmenting the Han runs of each post.
 */
import { describe, expect, it } from 'vitest';
import { fitTfidf, InvalidInputError, tokenize } from 'crmkit/text';
import { segmentChinese } from 'crmkit/text/zh';
import { loadFixture } from '../helpers/fixtures.js';

const fx = loadFixture<{ posts: { mid: string; tokens: string[] }[] }>('text-jieba');
const HAN = /^\p{Script=Han}+$/u;

describe('segmentChinese', () => {
  it('agrees with Python jieba: token F1 >= 0.99 on 500 held-out weibo2018 posts', () => {
    let tp = 0;
    let np = 0;
    let nr = 0;
    for (const row of fx.posts) {
      const text = row.tokens.join('');
      const ref = new Set<string>();
      let p = 0;
      for (const t of row.tokens) {
        if (HAN.test(t)) ref.add(`${p}:${p + t.length}`);
        p += t.length;
      }
      for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
        let q = m.index;
        const words = segmentChinese(m[0]);
        expect(words.join('')).toBe(m[0]);
        for (const w of words) {
          if (HAN.test(w)) {
            np++;
            if (ref.has(`${q}:${q + w.length}`)) tp++;
          }
          q += w.length;
        }
      }
      nr += ref.size;
    }
    const P = tp / np;
    const R = tp / nr;
    expect((2 * P * R) / (P + R)).toBeGreaterThanOrEqual(0.99);
  });
  it('is jieba on its README sentences, dictionary words and unknown words (HMM)', () => {
    expect(segmentChinese('我来到北京清华大学')).toEqual(['我', '来到', '北京', '清华大学']);
    expect(segmentChinese('他来到了网易杭研大厦')).toEqual(['他', '来到', '了', '网易', '杭研', '大厦']);
    expect(segmentChinese('小明硕士毕业于中国科学院计算所，后在日本京都大学深造')).toEqual(['小明', '硕士', '毕业', '于', '中国科学院', '计算所', '，', '后', '在', '日本京都大学', '深造']);
  });
  it('keeps ASCII runs whole, drops whitespace, splits other characters, and never loses a character', () => {
    expect(segmentChinese('iPhone15 很好 3.5% 😀')).toEqual(['iPhone15', '很', '好', '3.5%', '😀']);
    expect(segmentChinese('')).toEqual([]);
    const s = '𠀀㐀〇的';
    expect(segmentChinese(s).join('')).toBe(s);
  });
  it('plugs into tokenize and fitTfidf as segmenter', () => {
    expect(tokenize('周杰伦的新歌太好听了[赞] #音乐#', { segmenter: segmentChinese })).toEqual(['周杰伦', '的', '新歌', '太', '好听', '了', '[赞]', '#音乐']);
    expect(fitTfidf(['周杰伦的新歌', '周杰伦的演唱会'], { tokenize: { segmenter: segmentChinese } }).vocabulary).toContain('周杰伦');
  });
  it('is linear on a long run and rejects a non-string', () => {
    expect(segmentChinese('话'.repeat(100_000))).toHaveLength(100_000);
    expect(() => segmentChinese(1 as never)).toThrow(InvalidInputError);
  });
});
