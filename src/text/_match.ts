/**
 * Keyword matchers shared by countKeywords and the watch lists: case-insensitive, full width
 * folded, with word boundaries at Latin edges and none at Han edges (Chinese has no spaces).
 *
 * @internal
 * @module
 */
import { foldWidth } from './_patterns.js';

/** How a keyword matches text. */
export type MatchMode = 'exact' | 'prefix' | 'phrase';

const LEFT = String.raw`(?<!(?!\p{Script=Han})[\p{L}\p{M}\p{N}_])`;
const RIGHT = String.raw`(?!(?!\p{Script=Han})[\p{L}\p{M}\p{N}_])`;
const WORDCHAR = /^[\p{L}\p{M}\p{N}_]/u;
const HAN = /^\p{Script=Han}/u;

/**
 * Escapes the regex syntax characters of a keyword. Under the `u` flag only syntax characters and
 * `/` may be escaped (`\-` is a SyntaxError), and a `-` outside a character class is literal anyway.
 */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Regex source for one keyword. `exact`: the keyword as whole word(s), spaces matching any run of
 * whitespace; `prefix`: a word starting with the keyword (`delay` matches `delayed`); `phrase`: the
 * keyword's words in order, separated by any whitespace or punctuation (`lost bag` matches
 * `lost-bag`, `lost, bag`).
 */
export function keywordSource(keyword: string, mode: MatchMode): string {
  const k = foldWidth(keyword).trim();
  const words = k.split(/\s+/u);
  const sep = mode === 'phrase' ? String.raw`[\s\p{P}\p{S}]+` : String.raw`\s+`;
  const body = words.map(escape).join(sep);
  const first = k.slice(0, 2);
  const last = k.slice(-2);
  const needLeft = WORDCHAR.test(first) && !HAN.test(first);
  const lastChar = [...last].pop() ?? '';
  const needRight = mode !== 'prefix' && WORDCHAR.test(lastChar) && !HAN.test(lastChar);
  return (needLeft ? LEFT : '') + body + (needRight ? RIGHT : '');
}

/** Compiles keywords (each with its mode) into one global case-insensitive regex per keyword. */
export function compileKeyword(keyword: string, mode: MatchMode): RegExp {
  return new RegExp(keywordSource(keyword, mode), 'giu');
}

/** Text prepared for matching: full width folded (same length as the original, so offsets hold). */
export function prepareText(text: string): string {
  return foldWidth(text);
}
