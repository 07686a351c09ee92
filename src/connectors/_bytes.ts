/**
 * Bytes, hex, base64url and WebCrypto access shared by the privacy functions.
 *
 * @internal
 * @module
 */
import { CrmkitError, InvalidOptionError } from '../core/errors.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

export function utf8(s: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(s) as Uint8Array<ArrayBuffer>;
}

export function toHex(buf: ArrayBuffer | Uint8Array): string {
  const b = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64Url(b: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    s += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  if (i < b.length) {
    const v = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8);
    s += B64[v >> 18]! + B64[(v >> 12) & 63]!;
    if (i + 1 < b.length) s += B64[(v >> 6) & 63]!;
  }
  return s;
}

/** Decodes base64url; null when the text is not base64url. */
export function fromBase64Url(s: string): Uint8Array<ArrayBuffer> | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o) as Uint8Array<ArrayBuffer>;
}

/** The platform's WebCrypto `subtle` (Node 20+, browsers in secure contexts). */
export function subtle(fn: string): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (s === undefined) throw new CrmkitError('CONNECTOR', fn, 'WebCrypto (crypto.subtle) is not available here; browsers expose it only in secure contexts (https)');
  return s;
}

export function isCryptoKey(x: unknown): x is CryptoKey {
  return typeof CryptoKey !== 'undefined' && x instanceof CryptoKey;
}

/** Raw secret bytes from a string (UTF-8) or bytes, at least `min` bytes long. */
export function secretBytes(fn: string, name: string, key: unknown, min: number): Uint8Array<ArrayBuffer> {
  const b = typeof key === 'string' ? utf8(key) : key instanceof Uint8Array ? (new Uint8Array(key) as Uint8Array<ArrayBuffer>) : null;
  if (b === null) throw new InvalidOptionError(fn, `${name} must be a CryptoKey, a Uint8Array or a string`, key);
  if (b.length < min) throw new InvalidOptionError(fn, `${name} must hold at least ${min} bytes of secret (it has ${b.length})`, b.length);
  return b;
}
