import { describe, expect, it } from 'vitest';
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS, InvalidInputError, InvalidOptionError, normalizePost } from 'crmkit/text';

describe('normalizePost(text, options)', () => {
  it('strips URLs, markup, zero-width characters; folds case and width; collapses whitespace', () => {
    expect(normalizePost('  <b>ＨＥＬＬＯ</b>\u200b &amp;  World\n http://t.co/x ')).toBe('hello & world');
    expect(normalizePost('好{%#话题#%}{%北京·三里屯%}{%某某的秒拍视频%} ​ ​​​')).toBe('好#话题#北京·三里屯某某的秒拍视频');
  });

  it('keeps ZWJ inside emoji sequences but removes stray ones', () => {
    expect(normalizePost('a\u200db 👨‍👩‍👧')).toBe('ab 👨‍👩‍👧');
  });

  it('each step can be turned off', () => {
    const raw = 'ＡＢ http://x.co <i>c</i>\u200b';
    expect(normalizePost(raw, { stripUrls: false, stripMarkup: false, stripZeroWidth: false, foldCase: false, foldWidth: false })).toBe(raw);
    expect(normalizePost(raw, { foldCase: false })).toBe('AB c');
  });

  it('removes English and Chinese stop words by language, or a custom list', () => {
    expect(normalizePost('The flight was LATE and the crew were rude', { removeStopWords: true })).toBe('flight late crew rude');
    const segmenter = (s: string): string[] => (s === '我们的航班延误了' ? ['我们', '的', '航班', '延误', '了'] : [s]);
    expect(normalizePost('我们的航班延误了', { removeStopWords: true, segmenter })).toBe('航班 延误');
    expect(normalizePost('flight late crew', { removeStopWords: ['late'] })).toBe('flight crew');
    expect(ENGLISH_STOP_WORDS).toContain('the');
    expect(CHINESE_STOP_WORDS).toContain('了');
    expect(new Set(CHINESE_STOP_WORDS).size).toBe(CHINESE_STOP_WORDS.length);
  });

  it('throws typed errors', () => {
    expect(() => normalizePost(5 as unknown as string)).toThrow(InvalidInputError);
    expect(() => normalizePost('x', { removeStopWords: 'french' as 'english' })).toThrow(InvalidOptionError);
    expect(() => normalizePost('x', { foldCase: 1 as unknown as boolean })).toThrow(InvalidOptionError);
  });
});
