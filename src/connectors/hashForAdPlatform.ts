import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { options as checkOptions } from '../core/validate.js';
import { subtle, toHex, utf8 } from './_bytes.js';

/** What a value is, which decides its normalization. */
export type AdMatchKind = 'email' | 'phone' | 'name' | 'text';

/** Options of {@link normalizeForAdPlatform} and {@link hashForAdPlatform}. */
export interface AdMatchOptions {
  /**
   * Country calling code (`'1'`, `'44'`, `'86'`) for phone numbers written without `+` or `00`: a
   * leading trunk `0` is dropped and the code prefixed. Without it such numbers are an error.
   */
  defaultCountryCode?: string;
  /**
   * Phone output: E.164 with `+` (Google Customer Match) or the digits alone (Meta Custom Audiences).
   * @defaultValue 'e164'
   */
  phoneFormat?: 'e164' | 'digits';
  /**
   * Drop the dots of the local part of `gmail.com` / `googlemail.com` addresses (Google Customer Match
   * asks for it; Meta does not).
   * @defaultValue false
   */
  removeGmailDots?: boolean;
}

const EDGE = /^[\s\p{P}]$/u;
const KEYS = ['defaultCountryCode', 'phoneFormat', 'removeGmailDots'] as const;

/**
 * The normalized form ad platforms' customer matching hashes: trimmed and lowercased; e-mails checked
 * (one `@`, a dotted domain), phones to E.164, names without spaces and punctuation at the ends.
 *
 * @throws {@link InvalidInputError} when the value cannot be normalized (not an e-mail, a phone number
 * without a country code, too few or too many digits)
 * @throws {@link InvalidOptionError} for an unknown kind or a bad option
 * @example
 * ```ts
 * import { normalizeForAdPlatform } from 'crmkit/connectors';
 * normalizeForAdPlatform('  Alice.Smith@GMail.com ', 'email', { removeGmailDots: true }); // => 'alicesmith@gmail.com'
 * normalizeForAdPlatform('(212) 555-0123', 'phone', { defaultCountryCode: '1' }); // => '+12125550123'
 * normalizeForAdPlatform('0086 138-0013-8000', 'phone', { phoneFormat: 'digits' }); // => '8613800138000'
 * ```
 * @category Privacy
 */
export function normalizeForAdPlatform(value: string, kind: AdMatchKind, options?: AdMatchOptions): string {
  return normalize('connectors/normalizeForAdPlatform', value, kind, options);
}

function normalize(fn: string, value: string, kind: AdMatchKind, options: AdMatchOptions | undefined): string {
  const o = checkOptions(fn, options, KEYS);
  if (typeof value !== 'string') throw new InvalidInputError(fn, 'value must be a string', value);
  const v = value.trim().toLowerCase();
  switch (kind) {
    case 'email': {
      const at = v.indexOf('@');
      if (at <= 0 || at !== v.lastIndexOf('@') || at === v.length - 1) throw new InvalidInputError(fn, 'value is not an e-mail address (one @ with text on both sides)', value);
      let local = v.slice(0, at);
      const domain = v.slice(at + 1);
      if (!domain.includes('.') || domain.startsWith('.') || domain.endsWith('.') || /\s/.test(v)) throw new InvalidInputError(fn, 'value is not an e-mail address (the domain needs a dot and no spaces)', value);
      if (o.removeGmailDots !== undefined && typeof o.removeGmailDots !== 'boolean') throw new InvalidOptionError(fn, 'options.removeGmailDots must be a boolean', o.removeGmailDots);
      if (o.removeGmailDots === true && (domain === 'gmail.com' || domain === 'googlemail.com')) local = local.split('.').join('');
      return `${local}@${domain}`;
    }
    case 'phone': {
      const format = o.phoneFormat ?? 'e164';
      if (format !== 'e164' && format !== 'digits') throw new InvalidOptionError(fn, "options.phoneFormat must be one of 'e164', 'digits'", format);
      const cc = o.defaultCountryCode;
      if (cc !== undefined && !(typeof cc === 'string' && /^[1-9]\d{0,2}$/.test(cc))) throw new InvalidOptionError(fn, "options.defaultCountryCode must be 1-3 digits such as '1', '44' or '86'", cc);
      let digits = '';
      let plus = false;
      for (let i = 0; i < v.length; i++) {
        const c = v[i]!;
        if (c >= '0' && c <= '9') digits += c;
        else if (c === '+' && digits.length === 0 && !plus) plus = true;
        else if (c !== ' ' && c !== '-' && c !== '.' && c !== '(' && c !== ')' && c !== '\u00a0') throw new InvalidInputError(fn, 'value is not a phone number (only digits, spaces, + - . ( ) allowed)', value);
      }
      if (!plus && digits.startsWith('00')) {
        plus = true;
        digits = digits.slice(2);
      }
      if (!plus) {
        if (cc === undefined) throw new InvalidInputError(fn, 'the phone number has no country code (+ or 00); pass options.defaultCountryCode', value);
        digits = cc + (digits.startsWith('0') ? digits.slice(1) : digits);
      }
      if (digits.length < 8 || digits.length > 15 || digits[0] === '0') throw new InvalidInputError(fn, 'the phone number must have 8 to 15 digits with its country code (E.164)', value);
      return format === 'e164' ? `+${digits}` : digits;
    }
    case 'name': {
      // Trim spaces and punctuation at both ends (a loop, not a regex: linear on any input).
      const chars = Array.from(v);
      let a = 0;
      let b = chars.length;
      while (a < b && EDGE.test(chars[a]!)) a++;
      while (b > a && EDGE.test(chars[b - 1]!)) b--;
      return chars.slice(a, b).join('');
    }
    case 'text':
      return v;
    default:
      throw new InvalidOptionError(fn, "kind must be one of 'email', 'phone', 'name', 'text'", kind);
  }
}

/**
 * The hex SHA-256 of {@link normalizeForAdPlatform}'s output: what Google Customer Match and Meta
 * Custom Audiences expect for uploaded e-mails, phone numbers and names. Via WebCrypto.
 *
 * @remarks This is **pseudonymous, not anonymous**: anyone holding a list of e-mails can hash it and
 * match. Use it only to send data to a platform that asks for it, under a lawful basis; for internal
 * pseudonyms use the keyed {@link pseudonymizeId}.
 * @throws as {@link normalizeForAdPlatform}
 * @example
 * ```ts
 * import { hashForAdPlatform } from 'crmkit/connectors';
 * await hashForAdPlatform(' Test@Example.com', 'email'); // => '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b'
 * ```
 * @category Privacy
 */
export async function hashForAdPlatform(value: string, kind: AdMatchKind, options?: AdMatchOptions): Promise<string> {
  const fn = 'connectors/hashForAdPlatform';
  const n = normalize(fn, value, kind, options);
  return toHex(await subtle(fn).digest('SHA-256', utf8(n)));
}
