/**
 * The English scorer: VADER's lexicon and rules (Hutto and Gilbert 2014), written for crmkit.
 *
 * @internal
 * @module
 */
import { EMOJI_SOURCE } from '../_patterns.js';
import { BOOST, CAPS_BOOST, emojiValence, englishLexicon, englishPhrases, NEGATE } from './_lexicon.js';
import type { Unit } from './_score.js';

/** Negation words (and any word ending in n't). */
const NEGATORS = new Set(
  (
    'not no never none nothing nowhere neither nor nope without cannot cant aint arent couldnt didnt doesnt dont hadnt hasnt havent isnt ' +
    'mightnt mustnt neednt shouldnt wasnt werent wont wouldnt shant oughtnt darent rarely seldom uhuh uh-uh despite'
  ).split(' '),
);

/** Intensifiers (+) and dampeners (−). */
const BOOSTERS = new Map<string, number>();
for (const w of (
  'absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous enormously entirely especially ' +
  'exceptional exceptionally extreme extremely fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin ' +
  'fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely major majorly more most particularly purely quite ' +
  'really remarkably so substantially thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly very super'
).split(' '))
  BOOSTERS.set(w, BOOST);
for (const w of 'almost barely hardly kinda kindof less little marginal marginally occasional occasionally partly scarce scarcely slight slightly somewhat sorta sortof'.split(' '))
  BOOSTERS.set(w, -BOOST);

/**
 * The `'customer-service'` domain: crmkit's adjustments for support and brand-mention text (chosen
 * by meaning, see docs/design-choices.md). Politeness, request and transaction words that VADER
 * scores positive are neutral in a request for help ("please help", "I want a refund", "credit",
 * "number"); service failures VADER lacks or scores mildly are negative.
 */
export const CUSTOMER_SERVICE = new Map<string, number>([
  ...'help please pls plz want like number credit free care sure yes chance support award original giving hope hoping hopefully well friend friends'
    .split(' ')
    .map((w) => [w, 0] as [string, number]),
  ...([
    ['delayed', -1.5], ['delay', -1.5], ['delays', -1.5], ['cancelled', -1.5], ['canceled', -1.5], ['cancellation', -1.5],
    ['stuck', -1.5], ['lost', -1.5], ['stranded', -2], ['missed', -1.2], ['late', -1.2], ['waiting', -1], ['wait', -0.5],
    ['hold', -0.5], ['refund', -0.5], ['rebooked', -0.5],
  ] as [string, number][]),
]);

/** Words that join clauses in contrast: before × 0.5, after × 1.5. */
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet']);

const EMOJI = new RegExp(EMOJI_SOURCE, 'gu');
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Punctuation that ends the scope of a negator or intensifier (commas do not: "not smart, handsome, nor funny"). */
const CLAUSE_END = /[.;!?…]$/u;

type Lookup = (w: string) => number | undefined;

interface EnUnit extends Unit {
  lower: string;
  caps: boolean;
  /** Position of the clause (clauses split at punctuation and contrast words). */
  clause: number;
}

/** Whether a word is written in capitals (two or more letters, no lower case). */
function isCaps(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** Splits English text into units (words, emoticons, emoji); mentions and URLs are skipped. */
function units(text: string, lex: Lookup): EnUnit[] {
  const out: EnUnit[] = [];
  let clause = 0;
  const push = (token: string, lower: string, caps: boolean, base: number): void => {
    out.push({ token, lower, caps, base, valence: base, boundary: false, clause });
  };
  const handles = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_])@([\p{L}\p{N}_]+)/gu)) handles.add(m[1]!.toLowerCase());
  for (const m of text.matchAll(/\S+/g)) {
    const chunk = m[0];
    const lowerChunk = chunk.toLowerCase();
    const asIs = lex(chunk) ?? (/[a-z]/i.test(chunk) ? undefined : lex(lowerChunk));
    // Emoticons written alone (":)", ":-(", "<3", "XD") are lexicon entries of their own.
    if (asIs !== undefined && /[^\p{L}\p{N}']/u.test(chunk)) {
      push(chunk, lowerChunk, false, asIs);
      continue;
    }
    if (chunk[0] === '@' || lowerChunk.startsWith('http') || lowerChunk.startsWith('www.')) continue;
    // HTML entities left in exported tweets (&gt; &amp;) are not words.
    let rest = chunk.includes('&') ? chunk.replace(/&[a-z]{2,6};/gi, ' ') : chunk;
    if (/[^\x00-\x7f]/.test(chunk)) {
      for (const e of chunk.matchAll(EMOJI)) push(e[0], e[0], false, emojiValence(e[0]));
      rest = rest.replace(EMOJI, ' ');
    }
    for (const w of rest.matchAll(WORD)) {
      const word = w[0].replace(/’/g, "'");
      // One-letter words ("a", "I") are not units (as in VADER): they would only dilute the shares.
      if (word.length < 2) continue;
      const lower = word.toLowerCase();
      if (CONTRAST.has(lower)) clause++;
      // A word that is also a handle mentioned in the post is a name (@united … United), not a word.
      push(word, lower, isCaps(word), handles.has(lower) ? 0 : (lex(lower) ?? 0));
      if (CONTRAST.has(lower)) clause++;
    }
    if (CLAUSE_END.test(chunk) && out.length > 0) {
      out[out.length - 1]!.boundary = true;
      clause++;
    }
  }
  return out;
}

function isNegator(w: string): boolean {
  return NEGATORS.has(w) || w.endsWith("n't");
}

/**
 * Scores English text. Rules, in VADER's order: capitals (+0.733 when the text also has lower case),
 * intensifiers in the three words before (±0.293, scaled 1 / 0.95 / 0.9 by distance), negation in
 * the three words before within the same clause (× −0.74 each), "no" before a lexicon word counts
 * as a negator only, "least" (not "at least") negates, and contrast ("but") halves the clauses
 * before it and raises those after by half.
 */
export function scoreEnglish(text: string, extra: ReadonlyMap<string, number> | undefined, domain: 'general' | 'customer-service'): { units: Unit[] } {
  const base = englishLexicon();
  const dom = domain === 'customer-service' ? CUSTOMER_SERVICE : undefined;
  const lex: Lookup =
    extra && dom ? (w) => extra.get(w) ?? dom.get(w) ?? base.get(w) : extra ? (w) => extra.get(w) ?? base.get(w) : dom ? (w) => dom.get(w) ?? base.get(w) : (w) => base.get(w);
  const list = units(text, lex);
  const phrases = englishPhrases();
  const mixedCase = list.some((u) => u.caps) && list.some((u) => /\p{Ll}/u.test(u.token));
  let contrastAt = -1;
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.lower === 'but') {
      contrastAt = i;
      break;
    }
  }
  for (let i = 0; i < list.length; i++) {
    const u = list[i]!;
    // Two-word entries ("fed up", "can't stand").
    if (i + 1 < list.length) {
      const p = phrases.get(`${u.lower} ${list[i + 1]!.lower}`);
      if (p !== undefined) {
        u.base = p;
        u.valence = p;
        list[i + 1]!.base = 0;
        list[i + 1]!.valence = 0;
      }
    }
    let v = u.base;
    if (v === 0) continue;
    if (BOOSTERS.has(u.lower) && u.base === 0) continue;
    const next = list[i + 1];
    if (u.lower === 'no' && next && next.base !== 0) {
      u.valence = 0;
      continue;
    }
    if (u.lower === 'kind' && next?.lower === 'of') {
      u.valence = 0;
      continue;
    }
    if (u.caps && mixedCase) v += v > 0 ? CAPS_BOOST : -CAPS_BOOST;
    for (let j = 1; j <= 3 && i - j >= 0; j++) {
      const p = list[i - j]!;
      if (p.clause !== u.clause) break;
      // "kind of" / "sort of" dampen like "kinda".
      const b = p.lower === 'of' && i - j - 1 >= 0 && (list[i - j - 1]!.lower === 'kind' || list[i - j - 1]!.lower === 'sort') ? -BOOST : BOOSTERS.get(p.lower);
      if (b !== undefined && lexValence(lex, p.lower) === 0) {
        let s = v > 0 ? b : -b;
        if (p.caps && mixedCase) s += s > 0 ? CAPS_BOOST : -CAPS_BOOST;
        v += s * (j === 1 ? 1 : j === 2 ? 0.95 : 0.9);
      }
      if (isNegator(p.lower) || (p.lower === 'least' && (i - j === 0 || !['at', 'very'].includes(list[i - j - 1]!.lower)))) v *= NEGATE;
    }
    u.valence = v;
  }
  // Zero the valence of words only acting as negators or boosters.
  for (const u of list) if ((isNegator(u.lower) && u.lower !== 'no') || BOOSTERS.has(u.lower)) if (lexValence(lex, u.lower) === 0) u.valence = 0;
  if (contrastAt >= 0) for (let i = 0; i < list.length; i++) list[i]!.valence *= i < contrastAt ? 0.5 : i > contrastAt ? 1.5 : 1;
  return { units: list };
}

function lexValence(lex: Lookup, w: string): number {
  return lex(w) ?? 0;
}
