import { InvalidInputError } from '../core/errors.js';
import { arrayLike, boolean, oneOf, options as checkOptions } from '../core/validate.js';
import { foldWidth, HAN_TEST, ZERO_WIDTH_SOURCE } from './_patterns.js';
import { scanEntities } from './_scan.js';
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopWords.js';
import { type Segmenter, resolveTokenizeOptions, tokenizeWith } from './tokenize.js';

/** Options of {@link normalizePost}. */
export interface NormalizePostOptions {
  /** Remove URLs. @defaultValue true */
  stripUrls?: boolean;
  /**
   * Remove markup: HTML tags, Weibo's `{%…%}` escapes (a topic `{%#话题#%}` becomes `#话题#`, other
   * escapes keep their inner text), and decode the HTML entities `&amp;`, `&lt;`, `&gt;`, `&quot;`,
   * `&#39;`, `&nbsp;`.
   * @defaultValue true
   */
  stripMarkup?: boolean;
  /**
   * Remove zero-width and invisible format characters (U+200B, U+200C, U+200E, U+200F, U+2060–U+2064,
   * U+FEFF, soft hyphen), and U+200D except inside emoji ZWJ sequences (👨‍👩‍👧 stays intact).
   * @defaultValue true
   */
  stripZeroWidth?: boolean;
  /** Lower-case the text. @defaultValue true */
  foldCase?: boolean;
  /** Fold full-width ASCII to ASCII and the ideographic space to a space. @defaultValue true */
  foldWidth?: boolean;
  /**
   * Remove stop words. The text is then tokenized (see {@link tokenize}) and the remaining tokens
   * are joined by single spaces. `true` uses the list for the post's language (`lang`); pass
   * `'english'`, `'chinese'`, `'both'` or your own list to choose.
   * @defaultValue false
   */
  removeStopWords?: boolean | 'english' | 'chinese' | 'both' | readonly string[];
  /** Language for stop-word removal and tokenization, as in {@link tokenize}. @defaultValue 'auto' */
  lang?: 'auto' | 'en' | 'zh';
  /** Chinese segmenter used when stop words are removed, as in {@link tokenize}. */
  segmenter?: Segmenter;
}

const FN = 'text/normalizePost';
const KEYS = ['stripUrls', 'stripMarkup', 'stripZeroWidth', 'foldCase', 'foldWidth', 'removeStopWords', 'lang', 'segmenter'];
const ZERO_WIDTH = new RegExp(ZERO_WIDTH_SOURCE, 'gu');
/** U+200D not joining two emoji parts. */
const LOOSE_ZWJ = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
const HTML_TAG = /<\/?[A-Za-z][^<>]{0,500}>/g;
const HTML_ENTITY = /&(?:amp|lt|gt|quot|#39|apos|nbsp);/g;
const ENTITY_TEXT: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };

let englishSet: ReadonlySet<string> | undefined;
let chineseSet: ReadonlySet<string> | undefined;
let bothSet: ReadonlySet<string> | undefined;

/**
 * Cleans a post for analysis: strips URLs, markup and zero-width characters, folds case and width,
 * collapses whitespace, and optionally removes stop words.
 *
 * @remarks
 * Steps in order: zero-width removal, HTML entity decoding and tag removal, width folding, then one
 * entity scan that drops URLs and unwraps Weibo `{%…%}` escapes, case folding, whitespace collapsing
 * (runs of spaces, tabs and newlines become one space; the ends are trimmed). With
 * `removeStopWords`, the cleaned text is tokenized and stop words removed; note that hashtags and
 * mentions are then in their token form (`#tag`, `@name`). Stop lists: {@link ENGLISH_STOP_WORDS}
 * (scikit-learn's, BSD-3-Clause) and {@link CHINESE_STOP_WORDS} (written for crmkit, MIT). Cost
 * O(length).
 *
 * @throws {@link InvalidInputError} when `text` is not a string
 * @throws {@link InvalidOptionError} on an unknown or ill-typed option
 * @example
 * ```ts
 * import { normalizePost } from 'crmkit/text';
 * normalizePost('RT @Delta: ＧＲＥＡＴ flight!\u200b https://t.co/abc &amp; more');
 * // => 'rt @delta: great flight! & more'
 * normalizePost('今天{%#周杰伦#%}{%北京·三里屯%}真好​');
 * // => '今天#周杰伦#北京·三里屯真好'
 * normalizePost('The flight was late and the crew were rude', { removeStopWords: true });
 * // => 'flight late crew rude'
 * ```
 * @category Normalization
 */
export function normalizePost(text: string, options?: NormalizePostOptions): string {
  if (typeof text !== 'string') throw new InvalidInputError(FN, 'text must be a string', text);
  const o = checkOptions(FN, options, KEYS);
  const flag = (name: keyof NormalizePostOptions, dflt: boolean): boolean =>
    o[name] === undefined ? dflt : boolean(FN, `options.${name}`, o[name]);
  const stripUrls = flag('stripUrls', true);
  const stripMarkup = flag('stripMarkup', true);
  const stripZeroWidth = flag('stripZeroWidth', true);
  const foldCase = flag('foldCase', true);
  const doFoldWidth = flag('foldWidth', true);
  const tok = resolveTokenizeOptions(FN, {
    ...(o.lang === undefined ? {} : { lang: o.lang }),
    ...(o.segmenter === undefined ? {} : { segmenter: o.segmenter }),
  });
  const stop = resolveStopWords(o.removeStopWords);

  let s = text;
  if (stripZeroWidth) s = s.replace(ZERO_WIDTH, '').replace(LOOSE_ZWJ, '');
  if (stripMarkup) s = s.replace(HTML_ENTITY, (e) => ENTITY_TEXT[e] ?? e).replace(HTML_TAG, ' ');
  if (doFoldWidth) s = foldWidth(s);
  if (stripUrls || stripMarkup) {
    let out = '';
    let pos = 0;
    for (const span of scanEntities(s)) {
      if (span.kind === 'url' && stripUrls) {
        out += s.slice(pos, span.start) + ' ';
        pos = span.end;
      } else if (stripMarkup && span.kind === 'hashtag' && s.startsWith('{%', span.start)) {
        out += `${s.slice(pos, span.start)}#${span.body}#`;
        pos = span.end;
      } else if (stripMarkup && span.kind === 'markup') {
        out += s.slice(pos, span.start) + span.body;
        pos = span.end;
      }
    }
    s = pos === 0 ? s : out + s.slice(pos);
  }
  if (foldCase) s = s.toLowerCase();
  s = s.replace(/\s+/gu, ' ').trim();
  if (stop === undefined) return s;
  const cfg = { ...tok, lowercase: foldCase };
  const words = stop === 'lang' ? (cfg.lang === 'zh' || (cfg.lang === 'auto' && HAN_TEST.test(s)) ? 'both' : 'english') : stop;
  const set = stopSet(words);
  const tokens = tokenizeWith(FN, s, cfg);
  const kept: string[] = [];
  for (const t of tokens) if (!set.has(foldCase ? t : t.toLowerCase())) kept.push(t);
  return kept.join(' ');
}

type StopChoice = 'lang' | 'english' | 'chinese' | 'both' | ReadonlySet<string>;

function resolveStopWords(x: unknown): StopChoice | undefined {
  if (x === undefined || x === false) return undefined;
  if (x === true) return 'lang';
  if (typeof x === 'string') return oneOf(FN, 'options.removeStopWords', x, ['english', 'chinese', 'both'] as const);
  if (Array.isArray(x)) {
    const arr = arrayLike<unknown>(FN, 'options.removeStopWords', x);
    const set = new Set<string>();
    for (let i = 0; i < arr.length; i++) {
      const w = arr[i];
      if (typeof w !== 'string') throw new InvalidInputError(FN, `options.removeStopWords[${i}] must be a string`, w);
      set.add(w.toLowerCase());
    }
    return set;
  }
  return oneOf(FN, 'options.removeStopWords', x, [true, false, 'english', 'chinese', 'both'] as const) as never;
}

/** The stop-word set for a choice (cached lists are built once). */
export function stopSet(choice: Exclude<StopChoice, 'lang'>): ReadonlySet<string> {
  if (typeof choice !== 'string') return choice;
  englishSet ??= new Set(ENGLISH_STOP_WORDS);
  chineseSet ??= new Set(CHINESE_STOP_WORDS);
  if (choice === 'english') return englishSet;
  if (choice === 'chinese') return chineseSet;
  bothSet ??= new Set([...englishSet, ...chineseSet]);
  return bothSet;
}
