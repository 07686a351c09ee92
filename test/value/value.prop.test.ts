import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { cashFlowClv, conversionRate, probabilityAlive, rfmScores, summarizeTransactions } from 'crmkit/value';

const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86400000).toISOString().slice(0, 10));
const txn = fc.record({ c: fc.constantFrom('a', 'b', 'c', 'd', '__proto__'), d: day, v: fc.integer({ min: 1, max: 500 }) });

describe('value properties', () => {
  test.prop([fc.array(txn, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 1000 })])('summarizeTransactions does not depend on row order', (rows, seed) => {
    const shuffled = [...rows].map((r, i) => ({ r, k: (i * 7919 + seed) % 1009 })).sort((a, b) => a.k - b.k).map((x) => x.r);
    const opts = { customerId: 'c', date: 'd', amount: 'v', observationEnd: '2024-05-01' } as const;
    const byId = (s: ReturnType<typeof summarizeTransactions>) => new Map(s.rows.map((r) => [r.customerId, r]));
    const a = byId(summarizeTransactions(rows, opts));
    const b = byId(summarizeTransactions(shuffled, opts));
    expect(b.size).toBe(a.size);
    for (const [id, r] of a) {
      const o = b.get(id)!;
      expect([o.frequency, o.recency, o.T]).toEqual([r.frequency, r.recency, r.T]);
      expect(Math.abs(o.monetaryValue! - r.monetaryValue!)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.monetaryValue!));
    }
  });

  test.prop([fc.array(txn, { minLength: 1, maxLength: 60 })])('summary rows satisfy 0 ≤ recency ≤ T and integer frequency', (rows) => {
    const s = summarizeTransactions(rows, { customerId: 'c', date: 'd', amount: 'v', observationEnd: '2024-05-01', periodsPerUnit: 7 });
    for (const r of s.rows) {
      expect(Number.isInteger(r.frequency) && r.frequency >= 0).toBe(true);
      expect(r.recency >= 0 && r.recency <= r.T).toBe(true);
      expect(r.frequency === 0 ? r.recency === 0 : true).toBe(true);
    }
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true })])('cashFlowClv begin = (1 + r)·end', (rev, r) => {
    const end = cashFlowClv({ revenue: rev }, { discountRate: r });
    const begin = cashFlowClv({ revenue: rev }, { discountRate: r, timing: 'begin' });
    const scale = rev.reduce((a, v) => a + Math.abs(v), 0) * (1 + r);
    expect(Math.abs(begin - (1 + r) * end)).toBeLessThanOrEqual(1e-12 * Math.max(1, scale));
  });

  test.prop([fc.integer({ min: 1, max: 10000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true })])('Wilson interval contains the rate and stays in [0, 1]', (n, frac, conf) => {
    const k = Math.floor(frac * n);
    const r = conversionRate({ trials: n, conversions: k }, { confidence: conf });
    expect(r.lower).toBeGreaterThanOrEqual(0);
    expect(r.upper).toBeLessThanOrEqual(1);
    expect(r.lower <= r.rate + 1e-15 && r.rate <= r.upper + 1e-15).toBe(true);
  });

  test.prop([fc.array(fc.record({ recency: fc.integer({ min: 0, max: 50 }), frequency: fc.integer({ min: 0, max: 20 }), monetary: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 40 })])('rfmScores: scores in 1..5 and invariant to row order', (rows) => {
    const input = rows.map((r, i) => ({ customerId: i, ...r }));
    const a = rfmScores(input).rows;
    const b = rfmScores([...input].reverse()).rows.reverse();
    expect(b.map((x) => x.code)).toEqual(a.map((x) => x.code));
    for (const x of a) for (const s of [x.recency, x.frequency, x.monetary]) expect(s >= 1 && s <= 5).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })])('P(alive) is a probability and falls as the time since the last purchase grows', (x, frac, T, extra) => {
    const model = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
    const tx = x === 0 ? 0 : frac * T;
    const [p1, p2] = probabilityAlive(model, [{ frequency: x, recency: tx, T }, { frequency: x, recency: tx, T: T + extra }]);
    expect(p1! >= 0 && p1! <= 1).toBe(true);
    expect(p2!).toBeLessThanOrEqual(p1! + 1e-15);
  });
});
