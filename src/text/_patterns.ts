/**
 * Regular-expression sources and small character helpers shared by the text functions.
 *
 * @internal
 * @module
 */

/** Characters that continue a word (letters, combining marks, digits, underscore). */
const WORD = String.raw`\p{L}\p{M}\p{N}_`;
/** A word character that is not Han: hashtags and mentions may follow Chinese text directly. */
const NOT_HAN_WORD = String.raw`(?:(?!\p{Script=Han})[${WORD}])`;

/**
 * An emoji: a regional-indicator pair (flag), a keycap, or a pictograph with optional variation
 * selector, skin-tone modifier and tag sequence (subdivision flags), joined by ZWJ into a sequence.
 * Pictographs below U+2300 (©, ®, ™, ‼, arrows) count only when followed by U+FE0F (emoji
 * presentation). `u` flag only, so it runs on every engine crmkit supports (no `v` flag needed).
 */
export const EMOJI_SOURCE =
  String.raw`(?:\p{Regional_Indicator}{2})` +
  String.raw`|(?:[0-9#*]\uFE0F?\u20E3)` +
  String.raw`|(?:(?:(?=\p{Extended_Pictographic})[^\u0000-\u22FF]|[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B](?=\uFE0F))` +
  String.raw`(?:\uFE0F|\uFE0E)?\p{Emoji_Modifier}?(?:[\u{E0020}-\u{E007E}]+\u{E007F})?` +
  String.raw`(?:\u200D(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\uFE0E)?\p{Emoji_Modifier}?)*)`;

/** Weibo emoticon names written in ASCII (`[doge]`, `[ok]`, …); other emoticons contain Han characters. */
const ASCII_EMOTICONS = 'doge|good|ok|haha|NO|cp';

/**
 * The combined entity scanner. Alternatives are tried left to right at each position, so earlier
 * kinds win when two could start at the same place; the leftmost match always wins overall. Named
 * groups identify the kind.
 */
export const ENTITY_SOURCE = [
  // Weibo's escaped topic {%#话题#%}, and other {%…%} markup (video titles, places, links).
  String.raw`(?<weiboTopic>\{%#(?<weiboTopicBody>[^#%\n]{1,100})#%\})`,
  String.raw`(?<markup>\{%(?<markupBody>[^%\n]{0,200})%\})`,
  // URLs: scheme or www., then non-space characters that are not CJK or closing punctuation.
  String.raw`(?<url>(?<![${WORD}@.])(?:https?:\/\/|www\.)[^\s\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E"'<>]*[^\s\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E"'<>.,;:!?)\]}])`,
  // E-mail addresses. The local part starts only where the previous character cannot belong to it
  // (the look-behind holds every character of the local-part class, % included), so a long run such
  // as '%%%…' is tried once from its start, not once per character (which was quadratic).
  String.raw`(?<email>(?<![${WORD}.+\-%])[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![${WORD}]))`,
  // Weibo topic #话题#: no newline or # inside, not starting or ending with a space, holds a Han character
  // (looked for within the body's 99 characters only: an unbounded look-ahead rescans long text).
  String.raw`(?<topic>(?<![&#])#(?<topicBody>(?=[^#\n]{0,98}\p{Script=Han})[^#\s][^#\n]{0,98}?(?<!\s))#)`,
  // Hashtag #tag: word characters, at least one of them not a digit.
  String.raw`(?<hashtag>(?<!${NOT_HAN_WORD}|[&#])[#＃](?<hashtagBody>(?=\p{N}*[\p{L}\p{M}_])[${WORD}]+))`,
  // Mention @name / @用户名: letters (any script), digits, _ and inner -.
  String.raw`(?<mention>(?<!${NOT_HAN_WORD}|[@.])[@＠](?<mentionBody>[${WORD}](?:[${WORD}\-]*[${WORD}])?))`,
  // Cashtag $AAPL, $BRK.B.
  String.raw`(?<cashtag>(?<![${WORD}$])\$(?<cashtagBody>[A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?)(?![${WORD}]))`,
  // Weibo emoticon [二哈]: a Han character among the body's at most 10 characters (a bounded look-ahead:
  // the unbounded one rescanned the rest of the text at every '[', quadratic on '[哈[哈…').
  String.raw`(?<emoticon>\[(?<emoticonBody>(?=[\p{Script=Han}A-Za-z0-9]{0,9}\p{Script=Han})[\p{Script=Han}A-Za-z0-9]{1,10}|${ASCII_EMOTICONS})\])`,
  String.raw`(?<emoji>${EMOJI_SOURCE})`,
].join('|');

/** Zero-width and invisible format characters removed by normalization (ZWJ handled separately). */
export const ZERO_WIDTH_SOURCE = String.raw`[\u200B\u200C\u200E\u200F\u2060\u2061-\u2064\uFEFF\u00AD]`;

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space U+3000 to a space.
 * Other characters, including CJK punctuation such as 。and 、, are kept.
 */
export function foldWidth(text: string): string {
  let out: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      if (out === undefined) out = text.slice(0, i);
      out += c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0);
    } else if (out !== undefined) {
      out += text[i];
    }
  }
  return out ?? text;
}

/** Whether the string holds at least one Han (Chinese) character. */
export const HAN_TEST = /\p{Script=Han}/u;

/** Unicode-aware code-point comparison (Python's string order), not UTF-16 code-unit order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (0xD800–0xDFFF) encode code points above 0xFFFF, which sort after all BMP code
    // points; characters 0xE000–0xFFFF must therefore sort before them.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
