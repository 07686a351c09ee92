/**
 * The English scorer: VADER's lexicon and rules (Hutto and Gilbert 2014), written for crmkit.
 *
 * @internal
 * @module
 */
import { EMOJI_SOURCE } from '../_patterns.js';
import { BOOST, CAPS_BOOST, emojiValence, englishLexicon, englishPhrases, NEGATE } from './_lexicon.js';
import type { UnitArrays } from './_score.js';

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
const LOWER_LETTER = /\p{Ll}/u;
const NOT_WORD_CHAR = /[^\p{L}\p{N}']/u;
const HANDLE = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}_]+)/gu;

type Lookup = (w: string) => number | undefined;

/** Whether a word is written in capitals (two or more letters, no lower case). */
function isCaps(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** Whether a UTF-16 code unit is white space as the regex `\s` defines it (chunks are `\S+` runs). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** ASCII letter or digit (the ASCII part of `[\p{L}\p{N}]`). */
function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * The units of a text as parallel arrays: no object per token. `lower` drives the rules, `token` is
 * what the result reports; `caps` marks words in capitals, `clause` the clause a unit belongs to.
 */
class EnUnits {
  n = 0;
  token: string[] = [];
  lower: string[] = [];
  base: Float64Array;
  valence: Float64Array;
  clause: Int32Array;
  caps: Uint8Array;
  /** Whether some unit is in capitals, and whether some unit's token holds a lower-case letter. */
  anyCaps = false;
  anyLower = false;
  /** The first unit whose lower-case form is 'but', or −1. */
  butAt = -1;
  constructor(capacity: number) {
    this.base = new Float64Array(capacity);
    this.valence = new Float64Array(capacity);
    this.clause = new Int32Array(capacity);
    this.caps = new Uint8Array(capacity);
  }
  push(token: string, lower: string, caps: boolean, hasLower: boolean, base: number, clause: number): void {
    const k = this.n;
    if (k === this.base.length) this.grow();
    this.token.push(token);
    this.lower.push(lower);
    this.base[k] = base;
    this.valence[k] = base;
    this.clause[k] = clause;
    this.caps[k] = caps ? 1 : 0;
    if (caps) this.anyCaps = true;
    if (hasLower) this.anyLower = true;
    if (this.butAt < 0 && lower === 'but') this.butAt = k;
    this.n = k + 1;
  }
  private grow(): void {
    const size = this.base.length * 2;
    const f = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.base = f(this.base);
    this.valence = f(this.valence);
    const c = new Int32Array(size);
    c.set(this.clause);
    this.clause = c;
    const u = new Uint8Array(size);
    u.set(this.caps);
    this.caps = u;
  }
}

/**
 * Splits English text into units (words, emoticons, emoji); mentions and URLs are skipped. One pass
 * over the characters: white-space runs delimit chunks (`\S+`); a chunk of ASCII letters, digits,
 * `'` and `-` (nearly every word) is split into words in place, other chunks take the general
 * path (lexicon emoticons such as ":)", HTML entities, emoji, non-ASCII words).
 */
function units(text: string, lex: Lookup): EnUnits {
  const out = new EnUnits(64);
  let clause = 0;
  let handles: Set<string> | undefined;
  if (text.includes('@')) {
    handles = new Set();
    for (const m of text.matchAll(HANDLE)) handles.add(m[1]!.toLowerCase());
    if (handles.size === 0) handles = undefined;
  }
  /** One word of a chunk: `word` as written (’ already folded to '), its flags precomputed by the caller. */
  const pushWord = (word: string, hasUpper: boolean, caps: boolean, hasLower: boolean): void => {
    const lower = hasUpper ? word.toLowerCase() : word;
    const contrast = CONTRAST.has(lower);
    if (contrast) clause++;
    out.push(word, lower, caps, hasLower, handles !== undefined && handles.has(lower) ? 0 : (lex(lower) ?? 0), clause);
    if (contrast) clause++;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // The chunk [i, j): what it holds decides the path.
    let j = i;
    let ascii = true;
    let plain = true; // only ASCII letters, digits and '
    let amp = false;
    let letter = false; // an ASCII letter (/[a-z]/i)
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) break;
      if (c >= 0x80) ascii = false;
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letter = true;
      else if (c === 0x26) {
        amp = true;
        plain = false;
      } else if (!(c >= 0x30 && c <= 0x39) && c !== 0x27) plain = false;
    }
    const start = i;
    i = j;
    // Emoticons written alone (":)", ":-(", "<3", "XD") are lexicon entries of their own; only a
    // chunk with a character outside [\p{L}\p{N}'] can be one.
    let chunk: string | undefined;
    if (!ascii || !plain) {
      chunk = text.slice(start, j);
      if (!ascii ? NOT_WORD_CHAR.test(chunk) : true) {
        const asIs = lex(chunk) ?? (letter ? undefined : lex(chunk.toLowerCase()));
        if (asIs !== undefined) {
          out.push(chunk, chunk.toLowerCase(), false, LOWER_LETTER.test(chunk), asIs, clause);
          continue;
        }
      }
    }
    const c0 = text.charCodeAt(start);
    if (c0 === 0x40) continue; // @mention
    if (j - start >= 4) {
      const c1 = text.charCodeAt(start + 1) | 0x20;
      const c2 = text.charCodeAt(start + 2) | 0x20;
      const c3 = text.charCodeAt(start + 3);
      if ((c0 | 0x20) === 0x68 && c1 === 0x74 && c2 === 0x74 && (c3 | 0x20) === 0x70) continue; // http…
      if ((c0 | 0x20) === 0x77 && c1 === 0x77 && c2 === 0x77 && c3 === 0x2e) continue; // www.
    }
    if (ascii && !amp) {
      // ASCII words in place: [A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*, as the WORD pattern on ASCII.
      let k = start;
      while (k < j) {
        if (!isAlnum(text.charCodeAt(k))) {
          k++;
          continue;
        }
        const w0 = k;
        let upper = false;
        let lowerLetter = false;
        for (;;) {
          let c = text.charCodeAt(k);
          while (k < j && isAlnum(c)) {
            if (c >= 0x41 && c <= 0x5a) upper = true;
            else if (c >= 0x61) lowerLetter = true;
            c = text.charCodeAt(++k);
          }
          if (k + 1 < j && (c === 0x27 || c === 0x2d) && isAlnum(text.charCodeAt(k + 1))) k++;
          else break;
        }
        // One-letter words ("a", "I") are not units (as in VADER): they would only dilute the shares.
        if (k - w0 < 2) continue;
        pushWord(text.slice(w0, k), upper, upper && !lowerLetter, lowerLetter);
      }
    } else {
      chunk ??= text.slice(start, j);
      // HTML entities left in exported tweets (&gt; &amp;) are not words.
      let rest = amp ? chunk.replace(/&[a-z]{2,6};/gi, ' ') : chunk;
      if (!ascii) {
        for (const e of chunk.matchAll(EMOJI)) out.push(e[0], e[0], false, LOWER_LETTER.test(e[0]), emojiValence(e[0]), clause);
        rest = rest.replace(EMOJI, ' ');
      }
      for (const w of rest.matchAll(WORD)) {
        const raw = w[0];
        if (raw.length < 2) continue; // folding ’ to ' keeps the length
        const word = raw.includes('’') ? raw.replace(/’/g, "'") : raw;
        const lower = word.toLowerCase();
        pushWord(word, lower !== word, isCaps(word), LOWER_LETTER.test(word));
      }
    }
    // A chunk ending in . ; ! ? … ends the scope of a negator or intensifier (commas do not: "not
    // smart, handsome, nor funny").
    const last = text.charCodeAt(j - 1);
    if (out.n > 0 && (last === 0x2e || last === 0x3b || last === 0x21 || last === 0x3f || last === 0x2026)) clause++;
  }
  return out;
}

function isNegator(w: string): boolean {
  return NEGATORS.has(w) || w.endsWith("n't");
}

let phraseIndex: Map<string, Map<string, number>> | undefined;

/** Two-word entries by first word, so only a first word of a phrase costs a second lookup. */
function phrasesByFirst(): Map<string, Map<string, number>> {
  if (phraseIndex === undefined) {
    phraseIndex = new Map();
    for (const [p, v] of englishPhrases()) {
      const sp = p.indexOf(' ');
      if (sp < 0) continue;
      const first = p.slice(0, sp);
      let m = phraseIndex.get(first);
      if (m === undefined) phraseIndex.set(first, (m = new Map()));
      m.set(p.slice(sp + 1), v);
    }
  }
  return phraseIndex;
}

/**
 * Scores English text. Rules, in VADER's order: capitals (+0.733 when the text also has lower case),
 * intensifiers in the three words before (±0.293, scaled 1 / 0.95 / 0.9 by distance), negation in
 * the three words before within the same clause (× −0.74 each), "no" before a lexicon word counts
 * as a negator only, "least" (not "at least") negates, and contrast ("but") halves the clauses
 * before it and raises those after by half.
 *
 * Allocation-light: the units live in parallel typed arrays, a unit's only strings are its token
 * and lower-case form (one string when it has no capital), and rules that cannot change a unit
 * with valence 0 skip it. Cost O(text length).
 */
export function scoreEnglish(text: string, extra: ReadonlyMap<string, number> | undefined, domain: 'general' | 'customer-service'): UnitArrays {
  const base = englishLexicon();
  const dom = domain === 'customer-service' ? CUSTOMER_SERVICE : undefined;
  const lex: Lookup =
    extra && dom ? (w) => extra.get(w) ?? dom.get(w) ?? base.get(w) : extra ? (w) => extra.get(w) ?? base.get(w) : dom ? (w) => dom.get(w) ?? base.get(w) : (w) => base.get(w);
  const u = units(text, lex);
  const { n, lower, caps, clause } = u;
  const bs = u.base;
  const val = u.valence;
  const phrases = phrasesByFirst();
  const mixedCase = u.anyCaps && u.anyLower;
  for (let i = 0; i < n; i++) {
    const lw = lower[i]!;
    // Two-word entries ("fed up", "can't stand").
    if (i + 1 < n) {
      const p = phrases.get(lw)?.get(lower[i + 1]!);
      if (p !== undefined) {
        bs[i] = p;
        val[i] = p;
        bs[i + 1] = 0;
        val[i + 1] = 0;
      }
    }
    let v = bs[i]!;
    if (v === 0) continue;
    const hasNext = i + 1 < n;
    if (lw === 'no' && hasNext && bs[i + 1] !== 0) {
      val[i] = 0;
      continue;
    }
    if (lw === 'kind' && hasNext && lower[i + 1] === 'of') {
      val[i] = 0;
      continue;
    }
    if (caps[i] === 1 && mixedCase) v += v > 0 ? CAPS_BOOST : -CAPS_BOOST;
    for (let j = 1; j <= 3 && i - j >= 0; j++) {
      const q = i - j;
      if (clause[q] !== clause[i]) break;
      const pl = lower[q]!;
      // "kind of" / "sort of" dampen like "kinda".
      const b = pl === 'of' && q - 1 >= 0 && (lower[q - 1] === 'kind' || lower[q - 1] === 'sort') ? -BOOST : BOOSTERS.get(pl);
      if (b !== undefined && lexValence(lex, pl) === 0) {
        let s = v > 0 ? b : -b;
        if (caps[q] === 1 && mixedCase) s += s > 0 ? CAPS_BOOST : -CAPS_BOOST;
        v += s * (j === 1 ? 1 : j === 2 ? 0.95 : 0.9);
      }
      if (isNegator(pl) || (pl === 'least' && (q === 0 || (lower[q - 1] !== 'at' && lower[q - 1] !== 'very')))) v *= NEGATE;
    }
    val[i] = v;
  }
  // Zero the valence of words only acting as negators or boosters (a unit at 0 stays 0).
  for (let i = 0; i < n; i++) {
    if (val[i] === 0) continue;
    const lw = lower[i]!;
    if (((isNegator(lw) && lw !== 'no') || BOOSTERS.has(lw)) && lexValence(lex, lw) === 0) val[i] = 0;
  }
  const butAt = u.butAt;
  if (butAt >= 0) for (let i = 0; i < n; i++) if (val[i] !== 0) val[i] = val[i]! * (i < butAt ? 0.5 : i > butAt ? 1.5 : 1);
  return { n, token: u.token, base: bs, valence: val };
}

function lexValence(lex: Lookup, w: string): number {
  return lex(w) ?? 0;
}
