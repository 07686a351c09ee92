import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { isCryptoKey, secretBytes, subtle, toBase64Url, toHex, utf8 } from './_bytes.js';
import { hmacSha256 } from './_sha256.js';

/** A pseudonymization key: a WebCrypto HMAC key, or at least 16 bytes of secret (bytes or a string). */
export type PseudonymKey = CryptoKey | Uint8Array | string;

/** Options of {@link pseudonymizeId} and {@link pseudonymizeIds}. */
export interface PseudonymizeOptions {
  /**
   * Output text: lowercase hex (64 characters) or base64url (43 characters).
   * @defaultValue 'hex'
   */
  encoding?: 'hex' | 'base64url';
}

const keyCache = new WeakMap<object, Promise<CryptoKey>>();
const stringKeys = new Map<string, Promise<CryptoKey>>();

async function hmacKey(fn: string, key: PseudonymKey): Promise<CryptoKey> {
  if (isCryptoKey(key)) {
    if (key.algorithm.name !== 'HMAC' || !key.usages.includes('sign')) throw new InvalidOptionError(fn, "key must be an HMAC CryptoKey with the 'sign' usage", key.algorithm.name);
    return key;
  }
  const cached = typeof key === 'string' ? stringKeys.get(key) : key instanceof Uint8Array ? keyCache.get(key) : undefined;
  if (cached !== undefined) return cached;
  const raw = secretBytes(fn, 'key', key, 16);
  const p = subtle(fn).importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  if (typeof key === 'string') {
    if (stringKeys.size > 64) stringKeys.clear();
    stringKeys.set(key, p);
  } else keyCache.set(key as Uint8Array, p);
  return p;
}

function encodingOf(fn: string, options: PseudonymizeOptions | undefined): 'hex' | 'base64url' {
  const e = options?.encoding ?? 'hex';
  if (e !== 'hex' && e !== 'base64url') throw new InvalidOptionError(fn, "options.encoding must be one of 'hex', 'base64url'", e);
  return e;
}

/**
 * A stable pseudonym for an identifier: HMAC-SHA-256 of its UTF-8 bytes under a secret key, via
 * WebCrypto (Node 20+ and browsers).
 *
 * @remarks The same id and key always give the same pseudonym, so joins and counts still work on
 * pseudonymized data; without the key it can neither be reversed nor recomputed from a guessed id
 * (unlike a plain hash, which anyone can compute over a list of known e-mails or phone numbers).
 * Keep the key outside the data store and rotate it by re-pseudonymizing. The result is
 * pseudonymous, not anonymous, personal data under the GDPR. For many ids use
 * {@link pseudonymizeIds} (one key import, parallel signing).
 * @throws {@link InvalidInputError} when `id` is not a string
 * @throws {@link InvalidOptionError} when the key is shorter than 16 bytes or not an HMAC key
 * @example
 * ```ts
 * import { pseudonymizeId } from 'crmkit/connectors';
 * const a = await pseudonymizeId('customer-17850', 'a long secret key kept in a vault');
 * a; // => 'e006aec7710c6cb751d66b73d4542f49cd5dbb2b21ff8cc90c353b2d2e32027c'
 * (await pseudonymizeId('customer-17850', 'a long secret key kept in a vault')) === a; // => true
 * ```
 * @category Privacy
 */
export async function pseudonymizeId(id: string, key: PseudonymKey, options?: PseudonymizeOptions): Promise<string> {
  const fn = 'connectors/pseudonymizeId';
  const enc = encodingOf(fn, options);
  if (typeof id !== 'string') throw new InvalidInputError(fn, 'id must be a string', id);
  const k = await hmacKey(fn, key);
  const sig = new Uint8Array(await subtle(fn).sign('HMAC', k, utf8(id)));
  return enc === 'hex' ? toHex(sig) : toBase64Url(sig);
}

/**
 * {@link pseudonymizeId} for many ids at once, in input order. With a key given as bytes or a string,
 * a synchronous HMAC-SHA-256 with the key's pads computed once (no promise per id; the digests are
 * identical, checked against Python and Node); with a `CryptoKey`, WebCrypto in parallel batches.
 *
 * @throws {@link InvalidInputError} when `ids` is not an array of strings (naming the index)
 * @throws {@link InvalidOptionError} as {@link pseudonymizeId}
 * @example
 * ```ts
 * import { pseudonymizeId, pseudonymizeIds } from 'crmkit/connectors';
 * const key = 'a long secret key kept in a vault';
 * const [a, b] = await pseudonymizeIds(['c1', 'c2'], key);
 * a === (await pseudonymizeId('c1', key)); // => true
 * a === b; // => false
 * ```
 * @category Privacy
 */
export async function pseudonymizeIds(ids: readonly string[], key: PseudonymKey, options?: PseudonymizeOptions): Promise<string[]> {
  const fn = 'connectors/pseudonymizeIds';
  const enc = encodingOf(fn, options);
  if (!Array.isArray(ids)) throw new InvalidInputError(fn, 'ids must be an array of strings', ids);
  for (let i = 0; i < ids.length; i++) if (typeof ids[i] !== 'string') throw new InvalidInputError(fn, `ids[${i}] must be a string`, ids[i]);
  const out = new Array<string>(ids.length);
  if (!isCryptoKey(key)) {
    // Raw key bytes: a synchronous HMAC with precomputed pads (no promise per id), same digests.
    const mac = hmacSha256(secretBytes(fn, 'key', key, 16));
    for (let i = 0; i < ids.length; i++) {
      const b = mac(utf8(ids[i]!));
      out[i] = enc === 'hex' ? toHex(b) : toBase64Url(b);
    }
    return out;
  }
  const k = await hmacKey(fn, key);
  const s = subtle(fn);
  const BATCH = 4096;
  for (let start = 0; start < ids.length; start += BATCH) {
    const end = Math.min(ids.length, start + BATCH);
    const sigs = await Promise.all(ids.slice(start, end).map((id) => s.sign('HMAC', k, utf8(id))));
    for (let i = 0; i < sigs.length; i++) {
      const b = new Uint8Array(sigs[i]!);
      out[start + i] = enc === 'hex' ? toHex(b) : toBase64Url(b);
    }
  }
  return out;
}
