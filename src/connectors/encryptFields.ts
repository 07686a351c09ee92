import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { fromBase64Url, isCryptoKey, subtle, toBase64Url, utf8 } from './_bytes.js';
import { jsonRecord } from './_record.js';

/** An AES-GCM key with the id written into every envelope, so keys can rotate. */
export interface FieldKey {
  /** Key id stored in the envelope (letters, digits, `_`, `-`, `.`; no `:`). */
  id: string;
  /** A WebCrypto AES-GCM key (`encrypt`/`decrypt` usages) or 16/24/32 raw key bytes. */
  key: CryptoKey | Uint8Array;
}

/** Keys for {@link decryptFields}: by id, or one key. */
export type FieldKeyring = FieldKey | readonly FieldKey[];

const PREFIX = 'crmkit:aesgcm:v1:';
const ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>();

async function aesKey(fn: string, k: FieldKey): Promise<CryptoKey> {
  if (isCryptoKey(k.key)) {
    if (k.key.algorithm.name !== 'AES-GCM') throw new InvalidOptionError(fn, 'key.key must be an AES-GCM CryptoKey', k.key.algorithm.name);
    return k.key;
  }
  if (!(k.key instanceof Uint8Array) || ![16, 24, 32].includes(k.key.length)) throw new InvalidOptionError(fn, 'key.key must be an AES-GCM CryptoKey or 16, 24 or 32 bytes', k.key);
  let p = imported.get(k.key);
  if (p === undefined) {
    p = subtle(fn).importKey('raw', new Uint8Array(k.key), 'AES-GCM', false, ['encrypt', 'decrypt']);
    imported.set(k.key, p);
  }
  return p;
}

function checkKey(fn: string, k: unknown): FieldKey {
  if (k === null || typeof k !== 'object' || typeof (k as FieldKey).id !== 'string' || !ID_RE.test((k as FieldKey).id)) {
    throw new InvalidOptionError(fn, 'key must be { id, key } with an id of 1-64 letters, digits, _ - .', k);
  }
  return k as FieldKey;
}

function checkFields(fn: string, record: unknown, fields: unknown): { rec: Record<string, unknown>; names: string[] } {
  jsonRecord(fn, 'record', record);
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) throw new InvalidInputError(fn, 'fields must be an array of field names', fields);
  return { rec: record as Record<string, unknown>, names: fields as string[] };
}

/**
 * Encrypts the named fields of a record with AES-256-GCM (WebCrypto). Each value is JSON-encoded,
 * encrypted with a fresh random 96-bit IV and the field name as additional data, and replaced by an
 * envelope string `crmkit:aesgcm:v1:<keyId>:<iv>:<ciphertext>` (base64url).
 *
 * @remarks The key id in the envelope lets {@link decryptFields} pick the right key from a keyring,
 * so keys can rotate: new writes use the new key, old envelopes still open. Binding the field name
 * as additional data means an envelope copied into another field fails to decrypt. Fields missing
 * from the record are left missing; `null` is encrypted like any value. Returns a new record; the
 * input is not changed.
 * @throws {@link InvalidInputError} when `record` is not an object, `fields` not an array of names, or
 * a value cannot be JSON-encoded
 * @throws {@link InvalidOptionError} when the key is not `{ id, key }` with an AES key
 * @example
 * ```ts
 * import { decryptFields, encryptFields } from 'crmkit/connectors';
 * const key = { id: 'k2026', key: crypto.getRandomValues(new Uint8Array(32)) };
 * const sealed = await encryptFields({ id: 'c1', email: 'alice@example.com', spend: 120 }, ['email', 'spend'], key);
 * (sealed.email as string).startsWith('crmkit:aesgcm:v1:k2026:'); // => true
 * await decryptFields(sealed, ['email', 'spend'], key); // => { id: 'c1', email: 'alice@example.com', spend: 120 }
 * ```
 * @category Privacy
 */
export async function encryptFields<R extends Record<string, unknown>>(record: R, fields: readonly (keyof R & string)[], key: FieldKey): Promise<Record<string, unknown>> {
  const fn = 'connectors/encryptFields';
  const { rec, names } = checkFields(fn, record, fields);
  const k = checkKey(fn, key);
  const ck = await aesKey(fn, k);
  const out: Record<string, unknown> = { ...rec };
  for (const f of names) {
    if (!Object.prototype.hasOwnProperty.call(rec, f)) continue;
    const v = rec[f];
    let json: string | undefined;
    try {
      json = JSON.stringify(v);
    } catch {
      json = undefined;
    }
    if (json === undefined || (typeof v === 'number' && !Number.isFinite(v))) throw new InvalidInputError(fn, `record.${f} cannot be JSON-encoded for encryption`, v);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = new Uint8Array(await subtle(fn).encrypt({ name: 'AES-GCM', iv, additionalData: utf8(f) }, ck, utf8(json)));
    out[f] = `${PREFIX}${k.id}:${toBase64Url(iv)}:${toBase64Url(ct)}`;
  }
  return out;
}

/**
 * Opens the envelopes {@link encryptFields} wrote, choosing each field's key by the id in its envelope.
 *
 * @remarks AES-GCM authenticates: a changed byte, a swapped field, or a wrong key is detected and
 * throws, never yields garbage. Values that are not envelopes throw too (a field expected to be
 * encrypted but stored in the clear is worth knowing about). Missing fields are left missing.
 * @throws {@link InvalidInputError} when a field is not an envelope, names a key id not in the keyring,
 * or fails authentication (tampered, moved to another field, or the wrong key)
 * @throws {@link InvalidOptionError} for a malformed keyring
 * @example
 * ```ts
 * import { decryptFields, encryptFields } from 'crmkit/connectors';
 * const old = { id: 'k1', key: crypto.getRandomValues(new Uint8Array(32)) };
 * const sealed = await encryptFields({ phone: '+12125550123' }, ['phone'], old);
 * const tampered = { phone: (sealed.phone as string).slice(0, -2) + 'AA' };
 * await decryptFields(tampered, ['phone'], [old]).catch((e: Error) => e.message.includes('authentication failed')); // => true
 * ```
 * @category Privacy
 */
export async function decryptFields(record: Readonly<Record<string, unknown>>, fields: readonly string[], keys: FieldKeyring): Promise<Record<string, unknown>> {
  const fn = 'connectors/decryptFields';
  const { rec, names } = checkFields(fn, record, fields);
  const ring = new Map<string, FieldKey>();
  for (const k of Array.isArray(keys) ? (keys as readonly FieldKey[]) : [keys as FieldKey]) ring.set(checkKey(fn, k).id, k);
  const out: Record<string, unknown> = { ...rec };
  for (const f of names) {
    if (!Object.prototype.hasOwnProperty.call(rec, f)) continue;
    const env = rec[f];
    if (typeof env !== 'string' || !env.startsWith(PREFIX)) throw new InvalidInputError(fn, `record.${f} is not an encrypted envelope`, env);
    const parts = env.slice(PREFIX.length).split(':');
    const iv = parts.length === 3 ? fromBase64Url(parts[1]!) : null;
    const ct = parts.length === 3 ? fromBase64Url(parts[2]!) : null;
    if (iv === null || ct === null || iv.length !== 12) throw new InvalidInputError(fn, `record.${f} is a malformed envelope`, env);
    const k = ring.get(parts[0]!);
    if (k === undefined) throw new InvalidInputError(fn, `record.${f} was encrypted with key id '${parts[0]}', which is not in the keyring`, parts[0]);
    let plain: ArrayBuffer;
    try {
      plain = await subtle(fn).decrypt({ name: 'AES-GCM', iv, additionalData: utf8(f) }, await aesKey(fn, k), ct);
    } catch {
      throw new InvalidInputError(fn, `record.${f}: authentication failed (the envelope was changed, moved from another field, or the key is wrong)`, parts[0]);
    }
    out[f] = JSON.parse(new TextDecoder().decode(plain)) as unknown;
  }
  return out;
}
