import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';

/** The kinds of personal data {@link redactPii} finds. */
export type PiiKind = 'email' | 'phone' | 'card' | 'chinaId';

/** Options of {@link redactPii}. */
export interface RedactPiiOptions {
  /**
   * Kinds to redact.
   * @defaultValue all: `['email', 'phone', 'card', 'chinaId']`
   */
  kinds?: readonly PiiKind[];
  /**
   * Replacement text per kind.
   * @defaultValue `[EMAIL]`, `[PHONE]`, `[CARD]`, `[CN_ID]`
   */
  replacements?: Partial<Record<PiiKind, string>>;
}

/** Result of {@link redactPii}. */
export interface RedactPiiResult {
  /** The text with every match replaced. */
  text: string;
  /** Matches replaced, per kind. */
  counts: Record<PiiKind, number>;
}

const ALL: readonly PiiKind[] = ['email', 'phone', 'card', 'chinaId'];
const DEFAULTS: Record<PiiKind, string> = { email: '[EMAIL]', phone: '[PHONE]', card: '[CARD]', chinaId: '[CN_ID]' };

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c);
/** Characters of an e-mail local part (RFC 5322 atext commonly seen, plus dots). */
const isLocal = (c: number): boolean => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
const isDomain = (c: number): boolean => isAlnum(c) || c === 46 || c === 45;
const isSep = (c: number): boolean => c === 32 || c === 45 || c === 46 || c === 40 || c === 41;

/** Luhn checksum over digits d[0..len). */
function luhn(d: Uint8Array, len: number): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = len - 1; i >= 0; i--) {
    let v = d[i]!;
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 resident ID: 17 digits, a birth date, and an ISO 7064 MOD 11-2 check character. */
function chinaId(s: Uint8Array, x: boolean): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += s[i]! * ID_WEIGHTS[i]!;
  if (ID_CHECK[sum % 11] !== (x ? 'X' : String(s[17]))) return false;
  const y = s[6]! * 1000 + s[7]! * 100 + s[8]! * 10 + s[9]!;
  const m = s[10]! * 10 + s[11]!;
  const d = s[12]! * 10 + s[13]!;
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const dim = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= dim;
}

/** Phone numbers: +E.164 (8–15 digits), mainland-China mobile (+86 optional), US/NANP (+1 optional). */
function phone(d: Uint8Array, len: number, plus: boolean): boolean {
  if (plus) return len >= 8 && len <= 15 && d[0] !== 0;
  // Mainland-China mobile 1[3-9]x xxxx xxxx, after an optional 86 / 0086.
  let o = len === 15 && d[0] === 0 && d[1] === 0 && d[2] === 8 && d[3] === 6 ? 4 : len === 13 && d[0] === 8 && d[1] === 6 ? 2 : 0;
  if (len - o === 11 && d[o] === 1 && d[o + 1]! >= 3) return true;
  // US / NANP NXX NXX XXXX after an optional 1.
  o = len === 11 && d[0] === 1 ? 1 : 0;
  return len - o === 10 && d[o]! >= 2 && d[o + 3]! >= 2;
}

/** One digit group in a run: [start, end) in the text. */
interface Group {
  start: number;
  end: number;
  /** The group ends with an X/x check character (18-character China ID). */
  x: boolean;
}

/**
 * Finds and replaces personal data in free text: e-mail addresses, phone numbers (international
 * `+…`, mainland-China mobile, US), card numbers (13–19 digits passing the Luhn check) and
 * mainland-China resident ID numbers (birth date and check character validated), with counts.
 *
 * @remarks Hand-written scanners, no backtracking regular expressions: every character is looked at a
 * bounded number of times, so time is linear in the text (1 MB of adversarial input such as
 * `a@a@a@…` or `1 1 1 1 …` takes milliseconds; tested). Digit runs may use spaces, dashes, dots and
 * parentheses between groups; a match must not touch letters or digits on either side. A number is
 * tried as a China ID, then a card, then a phone. Redaction is idempotent (the replacements contain
 * no digits or `@`). It is a safety net for logs and exports, not a guarantee: names, addresses and
 * numbers in other formats pass through.
 * @throws {@link InvalidInputError} when `text` is not a string
 * @throws {@link InvalidOptionError} for an unknown kind or a replacement that is not a string
 * @example
 * ```ts
 * import { redactPii } from 'crmkit/connectors';
 * const r = redactPii('Mail alice@example.com or call +86 138 0013 8000; card 4111 1111 1111 1111; ID 11010519491231002X.');
 * r.text; // => 'Mail [EMAIL] or call [PHONE]; card [CARD]; ID [CN_ID].'
 * r.counts; // => { email: 1, phone: 1, card: 1, chinaId: 1 }
 * redactPii('call (212) 555-0123', { kinds: ['phone'] }).text; // => 'call [PHONE]'
 * ```
 * @category Privacy
 */
export function redactPii(text: string, options?: RedactPiiOptions): RedactPiiResult {
  const fn = 'connectors/redactPii';
  const o = checkOptions(fn, options, ['kinds', 'replacements']);
  if (typeof text !== 'string') throw new InvalidInputError(fn, 'text must be a string', text);
  const kinds = o.kinds ?? ALL;
  if (!Array.isArray(kinds) || !kinds.every((k) => (ALL as readonly unknown[]).includes(k))) throw new InvalidOptionError(fn, "options.kinds must be an array of 'email', 'phone', 'card', 'chinaId'", kinds);
  const on = new Set<PiiKind>(kinds);
  const rep: Record<PiiKind, string> = { ...DEFAULTS };
  if (o.replacements !== undefined) {
    if (o.replacements === null || typeof o.replacements !== 'object') throw new InvalidOptionError(fn, 'options.replacements must be an object of strings by kind', o.replacements);
    for (const [k, v] of Object.entries(o.replacements)) {
      if (!(ALL as readonly string[]).includes(k) || typeof v !== 'string') throw new InvalidOptionError(fn, `options.replacements.${k} must be a string for a known kind`, v);
      rep[k as PiiKind] = v;
    }
  }
  const counts: Record<PiiKind, number> = { email: 0, phone: 0, card: 0, chinaId: 0 };
  const n = text.length;
  // Matches as [start, end, kind], found left to right without overlap.
  const spans: [number, number, PiiKind][] = [];

  if (on.has('email')) {
    let searchFrom = 0;
    let lastEnd = 0;
    for (;;) {
      const at = text.indexOf('@', searchFrom);
      if (at < 0) break;
      searchFrom = at + 1;
      let a = at;
      while (a > lastEnd && isLocal(text.charCodeAt(a - 1))) a--;
      while (a < at && text.charCodeAt(a) === 46) a++; // no leading dot
      if (a === at) continue;
      let b = at + 1;
      while (b < n && isDomain(text.charCodeAt(b))) b++;
      while (b > at + 1 && (text.charCodeAt(b - 1) === 46 || text.charCodeAt(b - 1) === 45)) b--; // sentence dot
      // The domain needs a dot and a top-level label of 2+ letters.
      let lastDot = b - 1;
      while (lastDot > at && text.charCodeAt(lastDot) !== 46) lastDot--;
      if (lastDot <= at + 1 || b - lastDot - 1 < 2) continue;
      let tldOk = true;
      for (let p = lastDot + 1; p < b; p++) if (!isAlpha(text.charCodeAt(p))) tldOk = false;
      if (!tldOk || text.charCodeAt(at + 1) === 46) continue;
      spans.push([a, b, 'email']);
      counts.email++;
      lastEnd = b;
      searchFrom = b;
    }
  }

  const digitsOn = on.has('phone') || on.has('card') || on.has('chinaId');
  if (digitsOn) {
    const emailSpans = spans.slice();
    const buf = new Uint8Array(24);
    let e = 0;
    let i = 0;
    while (i < n) {
      if (!isDigit(text.charCodeAt(i))) {
        i++;
        continue;
      }
      // A run of digit groups separated by 1–2 separator characters.
      const groups: Group[] = [];
      let j = i;
      for (;;) {
        const gs = j;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        let x = false;
        if (j - gs === 17 && j < n && (text.charCodeAt(j) === 88 || text.charCodeAt(j) === 120)) {
          x = true;
          j++;
        }
        groups.push({ start: gs, end: j, x });
        if (x) break;
        let k = j;
        while (k < n && k - j < 2 && isSep(text.charCodeAt(k))) k++;
        // Only the first group of a number may be a single digit ("+1 212…", "1-800-…").
        if (k > j && k + 1 < n && isDigit(text.charCodeAt(k)) && isDigit(text.charCodeAt(k + 1))) j = k;
        else break;
      }
      const runEnd = groups[groups.length - 1]!.end;
      // Try windows of groups, earliest start first, longest first; at most 22 digits per window.
      let g = 0;
      while (g < groups.length) {
        const startG = groups[g]!;
        let lead = startG.start;
        let plus = false;
        if (g === 0 || startG.start - groups[g - 1]!.end > 0) {
          // A '+' or '(' right before the first group of a window belongs to it.
          let p = startG.start;
          if (p > 0 && text.charCodeAt(p - 1) === 40) p--;
          if (p > 0 && text.charCodeAt(p - 1) === 43) {
            p--;
            plus = true;
          }
          if (p < startG.start && (g === 0 || p >= groups[g - 1]!.end)) lead = p;
          else plus = false;
        }
        const beforeOk = lead === 0 || !isAlnum(text.charCodeAt(lead - 1));
        // The longest window wins; on a tie the first kind tried (China ID > card > phone) stays.
        let foundEnd = -1;
        let foundKind: PiiKind = 'phone';
        let foundLastG = 0;
        if (beforeOk) {
          let len = 0;
          let onlyCardSeps = true;
          for (let h = g; h < groups.length; h++) {
            const gr = groups[h]!;
            if (h > g) {
              const gap = gr.start - groups[h - 1]!.end;
              const c = text.charCodeAt(groups[h - 1]!.end);
              if (gap > 1 || (c !== 32 && c !== 45)) onlyCardSeps = false;
            }
            const glen = gr.end - gr.start - (gr.x ? 1 : 0);
            if (len + glen > 22) break;
            for (let p = 0; p < glen; p++) buf[len + p] = text.charCodeAt(gr.start + p) - 48;
            len += glen;
            const end = gr.end;
            const afterOk = end >= n || !isAlnum(text.charCodeAt(end));
            if (!afterOk) continue;
            if (end <= foundEnd) continue;
            let kind: PiiKind | null = null;
            if (h === g && (gr.x ? len === 17 : len === 18) && on.has('chinaId') && !plus && chinaId(buf, gr.x)) kind = 'chinaId';
            else if (gr.x) break;
            else if (on.has('card') && !plus && onlyCardSeps && len >= 13 && len <= 19 && luhn(buf, len)) kind = 'card';
            else if (on.has('phone') && len >= 8 && len <= 15 && phone(buf, len, plus)) kind = 'phone';
            if (kind !== null) {
              foundEnd = end;
              foundKind = kind;
              foundLastG = h;
            }
            if (gr.x) break;
          }
        }
        if (foundEnd < 0) {
          g++;
          continue;
        }
        // Skip a match inside an e-mail already redacted.
        while (e < emailSpans.length && emailSpans[e]![1] <= lead) e++;
        const inEmail = e < emailSpans.length && emailSpans[e]![0] < foundEnd;
        if (!inEmail) {
          spans.push([lead, foundEnd, foundKind]);
          counts[foundKind]++;
        }
        g = foundLastG + 1;
      }
      i = runEnd;
    }
    spans.sort((a, b) => a[0] - b[0]);
  }

  if (spans.length === 0) return { text, counts };
  const parts: string[] = [];
  let at = 0;
  for (const [s, t, k] of spans) {
    parts.push(text.slice(at, s), rep[k]);
    at = t;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), counts };
}
