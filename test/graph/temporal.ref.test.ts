/**
 * temporalSnapshots against networkx 2.8.8 on CollegeMsg (test/fixtures/graph-temporal.json from
 * scripts/reference/graph_temporal.py): weekly, monthly and sliding 14-day windows; per-window
 * graph figures at 1e-9 (exact computations), PageRank at 1e-6 (iterative), counts, account churn
 * and first/last times exactly.
 */
import { beforeAll, expect, it } from 'vitest';
import { temporalSnapshots, type TemporalSnapshotsResult } from 'crmkit/graph';
import type { Interaction } from 'crmkit';
import { expectClose } from '../helpers/close.js';
import { describeWithData, readDataText } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';

interface RefWindow {
  start: number;
  end: number;
  label: string;
  interactions: number;
  accounts: number;
  edges: number;
  newAccounts: string[];
  returningAccounts: string[];
  lostAccounts: string[];
  summary?: Record<string, number | null>;
  pagerank?: Record<string, number>;
}
interface Fixture {
  selfLoops: number;
  week: RefWindow[];
  month: RefWindow[];
  sliding14by7: RefWindow[];
  firstSeen: Record<string, number>;
  lastActive: Record<string, number>;
}
const EXACT = { rel: 1e-9, abs: 1e-12 };
const ITERATIVE = { rel: 1e-6, abs: 1e-9 };
const DAY = 86_400_000;

function compare(r: TemporalSnapshotsResult, ref: RefWindow[], what: string): void {
  expect(r.windows.map((w) => w.label)).toEqual(ref.map((w) => w.label));
  ref.forEach((x, i) => {
    const w = r.windows[i]!;
    const at = `${what} ${x.label}`;
    expect([w.start, w.end], at).toEqual([x.start, x.end]);
    expect([w.interactions, w.accounts, w.edges], at).toEqual([x.interactions, x.accounts, x.edges]);
    expect([...w.newAccounts].sort(), `${at} new`).toEqual(x.newAccounts);
    expect([...w.returningAccounts].sort(), `${at} returning`).toEqual(x.returningAccounts);
    expect([...w.lostAccounts].sort(), `${at} lost`).toEqual(x.lostAccounts);
    if (x.summary === undefined) {
      expect(w.summary, at).toBeUndefined();
      return;
    }
    const s = w.summary!;
    const e = x.summary;
    expect([s.nodes, s.edges, s.components, s.largestComponent, s.strongComponents, s.largestStrongComponent], at).toEqual([
      e.nodes,
      e.edges,
      e.components,
      e.largestComponent,
      e.strongComponents,
      e.largestStrongComponent,
    ]);
    for (const k of ['density', 'reciprocity', 'transitivity', 'averageClustering', 'averageShortestPathLength'] as const) {
      expectClose(s[k]!, e[k]!, EXACT, `${at} ${k}`);
    }
    expect(s.diameter, `${at} diameter`).toBe(e.diameter);
    if (e.degreeAssortativity === null) expect(s.degreeAssortativity, at).toBeUndefined();
    else expectClose(s.degreeAssortativity!, e.degreeAssortativity!, EXACT, `${at} degreeAssortativity`);
  });
}

describeWithData('temporalSnapshots vs networkx on CollegeMsg', [['snap-collegemsg', 'CollegeMsg.txt']], () => {
  let msgs: Interaction[];
  let fx: Fixture;
  let weekly: TemporalSnapshotsResult;
  beforeAll(() => {
    fx = loadFixture<Fixture>('graph-temporal');
    msgs = readDataText('snap-collegemsg', 'CollegeMsg.txt')
      .trim()
      .split('\n')
      .map((l) => {
        const [s, t, ts] = l.split(' ');
        return { source: s!, target: t!, kind: 'message', at: Number(ts) * 1000 };
      });
    weekly = temporalSnapshots(msgs, { by: 'week', timeZone: 'UTC' });
  });
  it("by: 'week' — windows, churn, network summaries and PageRank per window", () => {
    expect(weekly.selfLoopsDropped).toBe(fx.selfLoops);
    compare(weekly, fx.week, 'week');
    fx.week.forEach((x, i) => {
      if (x.pagerank === undefined) return;
      const c = weekly.windows[i]!.centrality;
      expect(Object.keys(c).sort()).toEqual(Object.keys(x.pagerank).sort());
      for (const [v, p] of Object.entries(x.pagerank)) expectClose(c[v]!, p, ITERATIVE, `pagerank ${x.label} ${v}`);
    });
  });
  it('accounts: first seen and last active times, windows active, centrality keyed by window label', () => {
    expect(Object.keys(weekly.accounts).sort()).toEqual(Object.keys(fx.firstSeen).sort());
    for (const [v, t] of Object.entries(fx.firstSeen)) {
      const a = weekly.accounts[v]!;
      expect([a.firstSeen, a.lastActive], v).toEqual([t, fx.lastActive[v]]);
      const labels = fx.week.filter((w) => w.pagerank?.[v] !== undefined).map((w) => w.label);
      expect(a.activeWindows, v).toBe(labels.length);
      expect(Object.keys(a.centrality), v).toEqual(labels);
      expect(Object.keys(a.community), v).toEqual(labels);
    }
  });
  it("by: 'month' and sliding { window: 14 days, step: 7 days }", () => {
    compare(temporalSnapshots(msgs, { by: 'month', communities: false, centrality: 'none' }), fx.month, 'month');
    compare(temporalSnapshots(msgs, { by: { window: 14 * DAY, step: 7 * DAY }, communities: false, centrality: 'none' }), fx.sliding14by7, 'sliding');
  });
});
