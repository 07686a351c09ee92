/**
 * Lazily expanded lexicons of the sentiment scorers (the generated modules hold them grouped by
 * valence to stay small).
 *
 * @internal
 * @module
 */
import { EMOJI } from './_emoji.js';
import { EN_ALPHABET, EN_CODES, EN_PHRASES, EN_SCALE, EN_WORDS } from './_lexiconEn.js';

/** Decodes the front-coded word list (see scripts/build-sentiment-lexicons.ts). */
function expandFrontCoded(words: string, codes: string, alphabet: string, scale: readonly number[]): Map<string, number> {
  const m = new Map<string, number>();
  let prev = '';
  let i = 0;
  for (const entry of words.split(' ')) {
    const w = prev.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
    m.set(w, scale[alphabet.indexOf(codes[i++]!)]! / 10);
    prev = w;
  }
  return m;
}

let en: Map<string, number> | undefined;
let emoji: Map<string, number> | undefined;
let phrases: Map<string, number> | undefined;

/** English word → VADER valence. */
export function englishLexicon(): Map<string, number> {
  return (en ??= expandFrontCoded(EN_WORDS, EN_CODES, EN_ALPHABET, EN_SCALE));
}

/** English two-word entries ("fed up") → valence. */
export function englishPhrases(): Map<string, number> {
  return (phrases ??= new Map(Object.entries(EN_PHRASES)));
}

/**
 * crmkit's valences for common complaint emoji whose CLDR description holds no VADER word
 * ("pouting face", "face with symbols on mouth", "face with rolling eyes", "face with steam from nose").
 */
const EMOJI_EXTRA: [string, number][] = [
  ['\u{1F621}', -2.5],
  ['\u{1F92C}', -3],
  ['\u{1F644}', -1.2],
  ['\u{1F624}', -1.5],
];

/** Emoji sequence (without U+FE0F) → valence. */
export function emojiLexicon(): Map<string, number> {
  if (!emoji) {
    emoji = new Map();
    for (const k of Object.keys(EMOJI)) for (const e of EMOJI[k]!) emoji.set(e, Number(k) / 10);
    for (const [e, v] of EMOJI_EXTRA) if (!emoji.has(e)) emoji.set(e, v);
  }
  return emoji;
}

/** Valence of an emoji: the full sequence, else its first code point (skin tones, ZWJ variants). */
export function emojiValence(e: string): number {
  const lex = emojiLexicon();
  const key = e.replace(/\uFE0F/g, '');
  const v = lex.get(key);
  if (v !== undefined) return v;
  const first = String.fromCodePoint(key.codePointAt(0)!);
  return lex.get(first) ?? 0;
}

/** VADER's scaling constants (Hutto and Gilbert 2014). */
export const BOOST = 0.293;
export const CAPS_BOOST = 0.733;
export const NEGATE = -0.74;

/** compound = x / sqrt(x² + 15), VADER's normalization (α = 15), clipped to [−1, 1]. */
export function normalizeScore(x: number): number {
  const c = x / Math.sqrt(x * x + 15);
  return c < -1 ? -1 : c > 1 ? 1 : c;
}
