import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decryptFields, encryptFields, pseudonymizeId, redactPii, suppressSmallCells } from 'crmkit/connectors';

// Text rich in the characters the scanners look at.
const piiText = fc.string({ unit: fc.constantFrom('a', 'Z', '@', '.', '-', ' ', '+', '(', ')', '1', '3', '8', '0', '4', 'X', 'x', '中', '😀', 'm', 'c', 'o'), maxLength: 80 });
const seeded = fc.oneof(piiText, fc.constantFrom('alice@example.com', '+86 138 0013 8000', '4111 1111 1111 1111', '11010519491231002X', '(212) 555-0123').chain((pii) => fc.tuple(piiText, piiText).map(([a, b]) => `${a} ${pii} ${b}`)));

describe('privacy properties', () => {
  test.prop([seeded])('redactPii never throws, is idempotent, and counts what it replaced', (text) => {
    const once = redactPii(text);
    const twice = redactPii(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.counts).toEqual({ email: 0, phone: 0, card: 0, chinaId: 0 });
    const markers = (once.text.match(/\[(EMAIL|PHONE|CARD|CN_ID)\]/g) ?? []).length - (text.match(/\[(EMAIL|PHONE|CARD|CN_ID)\]/g) ?? []).length;
    expect(markers).toBe(once.counts.email + once.counts.phone + once.counts.card + once.counts.chinaId);
  });

  const value = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }));
  test.prop([fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), value, { minKeys: 1, maxKeys: 5 }), fc.uint8Array({ minLength: 32, maxLength: 32 })], { numRuns: 60 })('encryptFields then decryptFields is the identity', async (record, keyBytes) => {
    const key = { id: 'k', key: keyBytes };
    const fields = Object.keys(record);
    const sealed = await encryptFields(record, fields, key);
    for (const f of fields) expect(String(sealed[f])).toMatch(/^crmkit:aesgcm:v1:k:/);
    expect(await decryptFields(sealed, fields, key)).toEqual(record);
  });

  test.prop([fc.string(), fc.string(), fc.string({ minLength: 16 }), fc.string({ minLength: 16 })], { numRuns: 60 })('pseudonyms are stable per key, differ across keys and across ids', async (a, b, k1, k2) => {
    const p1 = await pseudonymizeId(a, k1);
    expect(await pseudonymizeId(a, k1)).toBe(p1);
    expect(p1).toMatch(/^[0-9a-f]{64}$/);
    if (new TextEncoder().encode(k1).join() !== new TextEncoder().encode(k2).join()) expect(await pseudonymizeId(a, k2)).not.toBe(p1);
    if (a !== b) expect(await pseudonymizeId(b, k1)).not.toBe(p1);
  });

  const table = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  test.prop([table, fc.integer({ min: 1, max: 10 }), fc.boolean()])('suppressSmallCells: every small cell hidden; no line shows its total with exactly one hidden cell', (t, k, suppressZeros) => {
    const r = suppressSmallCells(t, { k, suppressZeros });
    t.forEach((row, i) => row.forEach((v, j) => {
      if ((v > 0 && v < k) || (suppressZeros && v === 0)) expect(r.cells[i]![j]).toBeNull();
      else if (r.cells[i]![j] !== null) expect(r.cells[i]![j]).toBe(v);
    }));
    r.cells.forEach((row, i) => {
      const hidden = row.filter((v) => v === null).length;
      if (r.rowTotals[i] !== null) expect(hidden).not.toBe(1);
    });
    for (let j = 0; j < t[0]!.length; j++) {
      const hidden = r.cells.filter((row) => row[j] === null).length;
      if (r.columnTotals[j] !== null) expect(hidden).not.toBe(1);
    }
  });
});
