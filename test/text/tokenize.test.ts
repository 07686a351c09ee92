import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionError, tokenize } from 'crmkit/text';

describe('tokenize(text, options)', () => {
  it('keeps contractions, numbers, emoji and entities as tokens', () => {
    expect(tokenize("@VirginAmerica you've got 1,000 reasons & it's 10:30 😂😂 #win http://t.co/a $AAL")).toEqual([
      '@virginamerica', "you've", 'got', '1,000', 'reasons', "it's", '10:30', '😂', '😂', '#win', 'http://t.co/a', '$AAL',
    ]);
  });

  it('drops entity sigils, URLs and e-mails with keepEntities: false; emoji stay', () => {
    expect(tokenize('@united #fail a@b.com http://x.co 👍', { keepEntities: false })).toEqual(['united', 'fail', '👍']);
  });

  it('segments Chinese with the given segmenter, entities first, full-width punctuation dropped', () => {
    const seen: string[] = [];
    const segmenter = (s: string): string[] => {
      seen.push(s);
      return [...s];
    };
    expect(tokenize('好看！{%#周杰伦#%}@用户 新歌，iPhone真棒。[赞]\u200b', { segmenter })).toEqual([
      '好', '看', '#周杰伦', '@用户', '新', '歌', 'iphone', '真', '棒', '[赞]',
    ]);
    expect(seen).toEqual(['好看', '新歌', '真棒']);
  });

  it("lang 'auto' uses the segmenter only for posts with Han characters; 'en' splits Han into characters", () => {
    let calls = 0;
    const segmenter = (s: string): string[] => {
      calls++;
      return [s];
    };
    expect(tokenize('plain English', { segmenter })).toEqual(['plain', 'english']);
    expect(calls).toBe(0);
    expect(tokenize('北京 is big', { segmenter })).toEqual(['北京', 'is', 'big']);
    expect(calls).toBe(1);
    expect(tokenize('北京 is big', { lang: 'en', segmenter })).toEqual(['北', '京', 'is', 'big']);
    expect(calls).toBe(1);
  });

  it('uses Intl.Segmenter by default and keeps every Han character exactly once', () => {
    const text = '周杰伦的新歌真好听我们都很喜欢';
    expect(tokenize(text).join('')).toBe(text);
  });

  it('folds full width and lower-cases unless lowercase: false', () => {
    expect(tokenize('ＧＲＥＡＴ Flight')).toEqual(['great', 'flight']);
    expect(tokenize('ＧＲＥＡＴ Flight', { lowercase: false })).toEqual(['GREAT', 'Flight']);
  });

  it('keeps lone surrogates as one-character tokens', () => {
    expect(tokenize('a\uD800b \uDC00')).toEqual(['a', '\uD800', 'b', '\uDC00']);
  });

  it('treats __proto__, constructor and toString as ordinary words', () => {
    expect(tokenize('__proto__ constructor toString', { lowercase: false })).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('returns [] for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('，。！？ ... \u200b')).toEqual([]);
  });

  it('throws typed errors on bad input and options', () => {
    expect(() => tokenize(null as unknown as string)).toThrow(InvalidInputError);
    expect(() => tokenize('x', { lang: 'fr' as 'en' })).toThrow(InvalidOptionError);
    expect(() => tokenize('x', { segmenter: 'jieba' as unknown as () => string[] })).toThrow(InvalidOptionError);
    expect(() => tokenize('中文', { segmenter: () => 'x' as unknown as string[] })).toThrow(InvalidInputError);
  });
});
