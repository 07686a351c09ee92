import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  mergeArmSums,
  mergeEdgeList,
  mergeRatioSums,
  mergeRfmSummary,
  mergeSegmentSums,
  mergeTermCounts,
  rfmSummaryResult,
  runArmSums,
  runEdgeList,
  runRatioSums,
  runRfmSummaryPartial,
  runSegmentSums,
  runTermCounts,
  type RfmSummaryPartial,
  type RfmSummarySqlOptions,
} from 'crmkit/connectors';
import type { DuckDbRunner } from 'crmkit/connectors/node';
import { InvalidInputError } from 'crmkit';
import { summarizeTransactions } from 'crmkit/value';
import { loadDuck, openDuckDb } from './_engines.js';

// Random logs are split into shards; each shard is summarized by the SQL on DuckDB, the summaries
// are merged, and the merge must equal the summary of the whole log (and, for RFM, value's
// summarizeTransactions): counts exactly, sums at 1e-12 (relative to max(1, |sum|)).

function near(a: number, b: number, label: string): void {
  if (!(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)))) expect.fail(`${label}: ${a} vs ${b}`);
}

let db: DuckDbRunner;
beforeAll(async () => {
  db = await openDuckDb({ threads: 1 });
});
afterAll(() => db?.close());

const DAY0 = Date.UTC(2024, 0, 1) / 86_400_000;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

const txn = fc.record({
  c: fc.integer({ min: 0, max: 7 }),
  day: fc.integer({ min: 0, max: 89 }),
  cents: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(0, -500)),
  broken: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'none', 'noId', 'badDate'),
  shard: fc.integer({ min: 0, max: 3 }),
});

function periodOf(day: number, period: 'day' | 'week' | 'month'): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7);
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function samePartials(got: RfmSummaryPartial, want: RfmSummaryPartial): void {
  expect(got.report).toEqual(want.report);
  const w = new Map(want.customers.map((c) => [c.customerId, c]));
  expect(got.customers.length).toBe(want.customers.length);
  for (const c of got.customers) {
    const x = w.get(c.customerId)!;
    expect([c.periods, c.firstPeriod, c.lastPeriod, c.holdoutPeriods, c.minPeriod, c.maxPeriod]).toEqual([x.periods, x.firstPeriod, x.lastPeriod, x.holdoutPeriods, x.minPeriod, x.maxPeriod]);
    near(c.spend, x.spend, 'spend');
    near(c.firstSpend, x.firstSpend, 'firstSpend');
    near(c.holdoutSpend, x.holdoutSpend, 'holdoutSpend');
  }
}

describe('RFM summaries merge across shards', () => {
  test.prop(
    {
      log: fc.array(txn, { minLength: 1, maxLength: 120 }),
      period: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
      how: fc.constantFrom('customer' as const, 'time' as const, 'rows' as const),
      zero: fc.constantFrom('drop' as const, 'keep' as const),
      neg: fc.constantFrom('drop' as const, 'keep' as const),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { maxLength: 3 }),
    },
    { numRuns: 30 },
  )('merge(shards) = summary(all) = summarizeTransactions; overlapping row shards are refused', async ({ log, period, how, zero, neg, cuts }) => {
    const shardOf = (t: (typeof log)[number]): number => {
      if (how === 'customer') return (t.c * 7 + 3) % 4;
      if (how === 'rows') return t.shard;
      // time: whole periods on each side of each cut
      const p = periodOf(DAY0 + t.day, period);
      return cuts.filter((k) => p >= periodOf(DAY0 + k, period)).length;
    };
    const rows = log.map((t) => [t.broken === 'noId' ? null : `c${t.c}`, t.broken === 'badDate' ? 'not a date' : iso(DAY0 + t.day), t.cents / 100, shardOf(t)] as (string | number | null)[]);
    await loadDuck(db, { name: 'log', columns: [['id', 'text'], ['at', 'text'], ['amount', 'float'], ['shard', 'float']], rows });
    const shards = [...new Set(rows.map((r) => r[3] as number))];
    for (const s of shards) await db.query({ text: `CREATE OR REPLACE VIEW "log_${s}" AS SELECT * FROM "log" WHERE shard = ${s}`, params: [], columns: [] });
    const opts = (table: string): RfmSummarySqlOptions => ({ table, customerId: 'id', date: 'at', amount: 'amount', period, observationEnd: iso(DAY0 + 80), calibrationEnd: iso(DAY0 + 45), missingCustomerId: 'drop', invalidDate: 'drop', zeroAmount: zero, negativeAmount: neg });
    const whole = await runRfmSummaryPartial(db, opts('log'));
    const parts: RfmSummaryPartial[] = [];
    for (const s of shards) parts.push(await runRfmSummaryPartial(db, opts(`log_${s}`)));
    let merged: RfmSummaryPartial;
    try {
      merged = parts.reduce((a, b) => mergeRfmSummary(a, b));
    } catch (e) {
      // Only arbitrary row shards may be refused, and only with the typed error.
      expect(how).toBe('rows');
      expect(e).toBeInstanceOf(InvalidInputError);
      return;
    }
    samePartials(merged, whole);
    if (whole.report.rowsUsed === 0) return;
    const mem = summarizeTransactions(
      log.map((t) => ({ id: t.broken === 'noId' ? null : `c${t.c}`, at: t.broken === 'badDate' ? 'not a date' : iso(DAY0 + t.day), amount: t.cents / 100 })),
      { customerId: 'id', date: 'at', amount: 'amount', period, observationEnd: iso(DAY0 + 80), calibrationEnd: iso(DAY0 + 45), missingCustomerId: 'drop', invalidDate: 'drop', zeroAmount: zero, negativeAmount: neg, timeZone: 'UTC' },
    );
    const res = rfmSummaryResult(merged);
    expect(res.report).toEqual(mem.report);
    const m = new Map(mem.rows.map((r) => [r.customerId, r]));
    for (const r of res.rows) {
      const x = m.get(r.customerId)!;
      expect([r.frequency, r.recency, r.T]).toEqual([x.frequency, x.recency, x.T]);
      near(r.monetaryValue!, x.monetaryValue!, 'monetaryValue');
    }
  });
});

describe('additive summaries merge across shards', () => {
  const obs = fc.record({
    arm: fc.constantFrom('A', 'B', 'C'),
    // Multiples of 1/64: the sums are exact in binary floating point, so the test sees the merge logic, not rounding.
    y: fc.integer({ min: -64_000, max: 64_000 }).map((v) => v / 64),
    x: fc.integer({ min: -64_000, max: 64_000 }).map((v) => v / 64),
    doc: fc.integer({ min: 0, max: 9 }),
    term: fc.constantFrom('late', 'flight', 'bag', 'great', 'crew'),
    src: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
    dst: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
    shard: fc.integer({ min: 0, max: 2 }),
  });
  test.prop({ rows: fc.array(obs, { minLength: 1, maxLength: 80 }), byDoc: fc.boolean() }, { numRuns: 20 })(
    'arm sums, ratio sums, term counts, edge lists and segment sums: merge(shards) = summary(all)',
    async ({ rows, byDoc }) => {
      // Term counts need whole documents per shard; the others merge under any split.
      const data = rows.map((r) => [r.arm, r.y, r.x, `d${r.doc}`, r.term, r.src, r.dst, byDoc ? r.doc % 3 : r.shard] as (string | number)[]);
      await loadDuck(db, { name: 'obs', columns: [['arm', 'text'], ['y', 'float'], ['x', 'float'], ['doc', 'text'], ['term', 'text'], ['src', 'text'], ['dst', 'text'], ['shard', 'float']], rows: data });
      const shards = [...new Set(data.map((r) => r[7] as number))];
      for (const s of shards) await db.query({ text: `CREATE OR REPLACE VIEW "obs_${s}" AS SELECT * FROM "obs" WHERE shard = ${s}`, params: [], columns: [] });
      const all = async (table: string) => ({
        arms: await runArmSums(db, { table, arm: 'arm', metric: 'y', covariate: 'x' }),
        ratio: await runRatioSums(db, { table, arm: 'arm', numerator: 'y', denominator: 'x' }),
        terms: await runTermCounts(db, { table, document: 'doc', term: 'term' }),
        edges: await runEdgeList(db, { table, source: 'src', target: 'dst', weight: 'y', undirected: true }),
        segs: await runSegmentSums(db, { table, segment: 'arm', features: ['y', 'x'] }),
      });
      const whole = await all('obs');
      const parts = [];
      for (const s of shards) parts.push(await all(`obs_${s}`));
      const merged = parts.reduce((a, b) => ({
        arms: mergeArmSums(a.arms, b.arms),
        ratio: mergeRatioSums(a.ratio, b.ratio),
        terms: mergeTermCounts(a.terms, b.terms),
        edges: mergeEdgeList(a.edges, b.edges),
        segs: mergeSegmentSums(a.segs, b.segs),
      }));
      for (const [arm, w] of Object.entries(whole.arms)) {
        const g = merged.arms[arm]!;
        expect(g.n).toBe(w.n);
        for (const k of ['sum', 'sumSquares', 'covariateSum', 'covariateSumSquares', 'sumProducts'] as const) near(g[k], w[k], `arm ${k}`);
      }
      expect(Object.keys(merged.ratio).sort()).toEqual(Object.keys(whole.ratio).sort());
      for (const [arm, w] of Object.entries(whole.ratio)) {
        const g = merged.ratio[arm]!;
        expect(g.n).toBe(w.n);
        for (const k of ['sumNumerator', 'sumDenominator', 'sumNumeratorSquares', 'sumDenominatorSquares', 'sumProducts'] as const) near(g[k], w[k], `ratio ${k}`);
      }
      if (byDoc) expect(merged.terms).toEqual(whole.terms);
      expect(merged.edges.map((e) => [e.source, e.target, e.count])).toEqual(whole.edges.map((e) => [e.source, e.target, e.count]));
      merged.edges.forEach((e, i) => near(e.weight, whole.edges[i]!.weight, 'edge weight'));
      for (const [s, w] of Object.entries(whole.segs)) {
        const g = merged.segs[s]!;
        expect(g.n).toBe(w.n);
        w.sums.forEach((v, j) => near(g.sums[j]!, v, 'segment sum'));
        w.sumSquares.forEach((v, j) => near(g.sumSquares[j]!, v, 'segment sum of squares'));
      }
    },
  );
});
