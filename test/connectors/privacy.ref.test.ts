import { createHmac, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashForAdPlatform, normalizeForAdPlatform, pseudonymizeId, pseudonymizeIds, type AdMatchKind, type AdMatchOptions } from 'crmkit/connectors';

// Digests from CPython 3.11.2 hashlib/hmac (scripts/reference/connectors_hashes.py).
const fx = JSON.parse(readFileSync(new URL('../fixtures/connectors-hashes.json', import.meta.url), 'utf8')) as {
  adPlatform: { value: string; kind: AdMatchKind; options: AdMatchOptions; normalized: string; sha256: string }[];
  hmac: { key: string; id: string; hex: string }[];
};

describe('hashForAdPlatform against Python hashlib', () => {
  for (const c of fx.adPlatform) {
    it(`${c.kind} ${JSON.stringify(c.value)} ${JSON.stringify(c.options)}`, async () => {
      expect(normalizeForAdPlatform(c.value, c.kind, c.options)).toBe(c.normalized);
      expect(await hashForAdPlatform(c.value, c.kind, c.options)).toBe(c.sha256);
      expect(c.sha256).toBe(createHash('sha256').update(c.normalized).digest('hex'));
    });
  }
});

describe('pseudonymizeId against Python hmac and Node crypto.createHmac', () => {
  it('matches HMAC-SHA-256 hex for every key and id', async () => {
    for (const c of fx.hmac) {
      expect(await pseudonymizeId(c.id, c.key)).toBe(c.hex);
      expect(createHmac('sha256', c.key).update(c.id).digest('hex')).toBe(c.hex);
    }
  });
  it('pseudonymizeIds equals pseudonymizeId one by one, in order, also as base64url and with a CryptoKey', async () => {
    const key = fx.hmac[0]!.key;
    const ids = fx.hmac.filter((c) => c.key === key).map((c) => c.id);
    expect(await pseudonymizeIds(ids, key)).toEqual(fx.hmac.filter((c) => c.key === key).map((c) => c.hex));
    const b64 = await pseudonymizeIds(ids, key, { encoding: 'base64url' });
    expect(b64.map((s) => Buffer.from(s, 'base64url').toString('hex'))).toEqual(fx.hmac.filter((c) => c.key === key).map((c) => c.hex));
    const ck = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    expect(await pseudonymizeId(ids[0]!, ck)).toBe(fx.hmac[0]!.hex);
    expect(await pseudonymizeId(ids[0]!, new TextEncoder().encode(key))).toBe(fx.hmac[0]!.hex);
    expect(await pseudonymizeIds(ids, ck)).toEqual(fx.hmac.filter((c) => c.key === key).map((c) => c.hex));
  });
  it('the bulk path agrees with crypto.createHmac for keys longer than a block and ids across padding boundaries', async () => {
    const key = 'k'.repeat(100);
    const ids = Array.from({ length: 140 }, (_, n) => 'é'.repeat(n % 70) + 'x'.repeat(n));
    expect(await pseudonymizeIds(ids, key)).toEqual(ids.map((id) => createHmac('sha256', key).update(id).digest('hex')));
  });
});
