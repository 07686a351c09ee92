import { describe, expect, it } from 'vitest';
import { extractEntities, InvalidInputError, InvalidOptionError } from 'crmkit/text';

const kinds = (text: string): [string, string, string][] =>
  extractEntities(text).entities.map((e) => [e.kind, e.text, e.normalized]);

describe('extractEntities(text)', () => {
  it('finds Twitter hashtags, mentions, URLs, cashtags and e-mails with UTF-16 offsets', () => {
    const text = '@United lost my bag #fail $UAL, mail bags@united.com or see https://t.co/xyz.';
    const r = extractEntities(text);
    for (const e of r.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(kinds(text)).toEqual([
      ['mention', '@United', 'united'],
      ['hashtag', '#fail', 'fail'],
      ['cashtag', '$UAL', 'UAL'],
      ['email', 'bags@united.com', 'bags@united.com'],
      ['url', 'https://t.co/xyz', 'https://t.co/xyz'],
    ]);
    expect(r.mentions).toHaveLength(1);
    expect(r.emails).toHaveLength(1);
  });

  it('finds Weibo topics #话题#, escaped {%#话题#%}, mentions @用户名 and emoticons [二哈]', () => {
    expect(kinds('我爱#周杰伦#，{%#晴天#%}[二哈][doge] //@Dear-迪丽热巴:好')).toEqual([
      ['hashtag', '#周杰伦#', '周杰伦'],
      ['hashtag', '{%#晴天#%}', '晴天'],
      ['emoticon', '[二哈]', '二哈'],
      ['emoticon', '[doge]', 'doge'],
      ['mention', '@Dear-迪丽热巴', 'dear-迪丽热巴'],
    ]);
  });

  it('skips other {%…%} markup whole and keeps Twitter-style #话题 without a closing #', () => {
    expect(kinds('{%围观明星的秒拍视频%} #周杰伦 新歌')).toEqual([['hashtag', '#周杰伦', '周杰伦']]);
  });

  it('keeps emoji ZWJ sequences, flags, keycaps and skin tones whole; normalizes tones and selectors away', () => {
    const r = extractEntities('👨‍👩‍👧‍👦🇨🇳🇺🇸 👍🏽 ❤️ ❤ 1️⃣ 🏴󠁧󠁢󠁥󠁮󠁧󠁿 © ™ x');
    expect(r.emoji.map((e) => e.text)).toEqual(['👨‍👩‍👧‍👦', '🇨🇳', '🇺🇸', '👍🏽', '❤️', '❤', '1️⃣', '🏴󠁧󠁢󠁥󠁮󠁧󠁿']);
    expect(r.emoji.map((e) => e.normalized)).toEqual(['👨‍👩‍👧‍👦', '🇨🇳', '🇺🇸', '👍', '❤', '❤', '1⃣', '🏴󠁧󠁢󠁥󠁮󠁧󠁿']);
    expect(r.emoji[0]!.end - r.emoji[0]!.start).toBe(11);
  });

  it('does not take #1, C#, &#39; or an e-mail local part as hashtags or mentions', () => {
    expect(kinds('#1 C# &#39; a@b.co x@y')).toEqual([['email', 'a@b.co', 'a@b.co']]);
  });

  it('folds full-width ＃ and ＠ and normalizes hashtag case and width', () => {
    expect(kinds('＃ＨＥＬＬＯ ＠用户')).toEqual([
      ['hashtag', '＃ＨＥＬＬＯ', 'hello'],
      ['mention', '＠用户', '用户'],
    ]);
  });

  it('keeps lone surrogates as ordinary characters and never throws on them', () => {
    const r = extractEntities('a\uD800 #tag\uDC00 b\uDBFF');
    expect(r.hashtags.map((e) => [e.start, e.end])).toEqual([[3, 7]]);
  });

  it('filters kinds with options.kinds', () => {
    expect(extractEntities('@a #b', { kinds: ['hashtag'] }).entities.map((e) => e.text)).toEqual(['#b']);
  });

  it('throws typed errors on bad input', () => {
    expect(() => extractEntities(42 as unknown as string)).toThrow(InvalidInputError);
    expect(() => extractEntities('x', { kinds: ['tags' as 'hashtag'] })).toThrow(InvalidOptionError);
    expect(() => extractEntities('x', { nope: 1 } as object)).toThrow(InvalidOptionError);
  });
});
