import { describe, expect, it } from 'vitest';
import { AbortError, InvalidInputError, InvalidOptionError, modularity, temporalSnapshots } from 'crmkit/graph';
import type { Interaction } from 'crmkit';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 4); // a Monday

/** Two triangles per week; in week 2 the second triangle gains `dan` and loses `eve`. */
function log(): Interaction[] {
  const out: Interaction[] = [];
  const tri = (a: string, b: string, c: string, t: number): void => {
    out.push({ source: a, target: b, kind: 'reply', at: t }, { source: b, target: c, kind: 'reply', at: t + 1000 }, { source: c, target: a, kind: 'reply', at: t + 2000 });
  };
  tri('ann', 'bob', 'cat', T0 + DAY);
  tri('xia', 'yan', 'eve', T0 + 2 * DAY);
  out.push({ source: 'cat', target: 'xia', kind: 'mention', at: T0 + 3 * DAY });
  tri('ann', 'bob', 'cat', T0 + 8 * DAY);
  tri('xia', 'yan', 'dan', T0 + 9 * DAY);
  out.push({ source: 'cat', target: 'xia', kind: 'mention', at: T0 + 10 * DAY });
  return out;
}

describe('temporalSnapshots(interactions, options)', () => {
  it('matches communities across weeks: a community keeps its id when most of its members stay', () => {
    const r = temporalSnapshots(log(), { summary: false });
    expect(r.windows.map((w) => w.label)).toEqual(['2024-03-04', '2024-03-11']);
    const [w1, w2] = r.windows;
    expect(w1!.communityCount).toBe(2);
    expect(w2!.communities.ann).toBe(w1!.communities.ann);
    expect(w2!.communities.xia).toBe(w1!.communities.xia); // {xia, yan, eve} → {xia, yan, dan}: Jaccard 0.5
    expect(w2!.communities.dan).toBe(w1!.communities.xia);
    expect(r.communityTracks).toBe(2);
    expect(w2!.newAccounts).toEqual(['dan']);
    expect(w2!.lostAccounts).toEqual(['eve']);
    expect(r.accounts.eve!.community).toEqual({ '2024-03-04': w1!.communities.eve });
    // a stricter threshold than that overlap starts a new community id
    const strict = temporalSnapshots(log(), { summary: false, matchThreshold: 0.6 });
    expect(strict.windows[1]!.communities.xia).not.toBe(strict.windows[0]!.communities.xia);
    expect(strict.windows[1]!.communities.ann).toBe(strict.windows[0]!.communities.ann);
    expect(strict.communityTracks).toBe(3);
  });
  it('reports modularity of each window equal to modularity() of its communities (undirected windows)', () => {
    // on directed windows it is Louvain's modularity of the undirected view, as louvain() reports
    const r = temporalSnapshots(log(), { summary: false, keepGraphs: true, directed: false });
    for (const w of r.windows) expect(Math.abs(w.modularity! - modularity(w.graph!, w.communities))).toBeLessThan(1e-12);
  });
  it('keeps empty windows in the series and counts returning accounts', () => {
    const xs: Interaction[] = [
      { source: 'a', target: 'b', kind: 'reply', at: T0 },
      { source: 'a', target: 'b', kind: 'reply', at: T0 + 14 * DAY },
    ];
    const r = temporalSnapshots(xs, { summary: false });
    expect(r.windows.map((w) => [w.label, w.interactions, w.accounts])).toEqual([
      ['2024-03-04', 1, 2],
      ['2024-03-11', 0, 0],
      ['2024-03-18', 1, 2],
    ]);
    expect(r.windows[1]!.lostAccounts).toEqual(['a', 'b']);
    expect(r.windows[2]!.returningAccounts).toEqual(['a', 'b']);
    expect(r.windows[1]!.modularity).toBeUndefined();
    expect(r.accounts.a!.activeWindows).toBe(2);
  });
  it('sliding windows overlap: a record falls in every window that covers it', () => {
    const xs: Interaction[] = [0, 1, 2, 3].map((d) => ({ source: 'a', target: 'b', kind: 'reply', at: T0 + d * DAY + 3_600_000 }));
    const r = temporalSnapshots(xs, { by: { window: 2 * DAY, step: DAY }, summary: false });
    expect(r.windows.map((w) => w.interactions)).toEqual([2, 2, 2, 1]); // [d0, d2), [d1, d3), [d2, d4), [d3, d5)
    expect(r.windows[0]!.label).toBe('2024-03-04T00:00:00.000Z');
    expect(r.outsideWindows).toBe(0);
    // a step longer than the window leaves gaps: records there are counted, not lost silently
    const gaps = temporalSnapshots(xs, { by: { window: DAY / 2, step: 2 * DAY }, summary: false });
    expect(gaps.windows.map((w) => w.interactions)).toEqual([1, 1]);
    expect(gaps.outsideWindows).toBe(2);
  });
  it('calendar windows follow the time zone (and its DST change)', () => {
    const xs: Interaction[] = [
      { source: 'a', target: 'b', kind: 'reply', at: '2024-03-09T12:00:00Z' },
      { source: 'a', target: 'b', kind: 'reply', at: '2024-03-11T03:00:00Z' }, // Sunday 23:00 in New York
    ];
    const r = temporalSnapshots(xs, { by: 'day', timeZone: 'America/New_York', summary: false });
    expect(r.windows.map((w) => [w.label, w.interactions])).toEqual([
      ['2024-03-09', 1],
      ['2024-03-10', 1],
    ]);
    expect((r.windows[1]!.end - r.windows[1]!.start) / 3_600_000).toBe(23);
    expect(temporalSnapshots(xs, { summary: false }).windows.map((w) => w.label)).toEqual(['2024-03-04', '2024-03-11']);
    expect(temporalSnapshots(xs, { summary: false, timeZone: 'America/New_York' }).windows.map((w) => w.label)).toEqual(['2024-03-04']);
  });
  it('accounts named after Object.prototype members are ordinary accounts', () => {
    const xs: Interaction[] = [
      { source: 'constructor', target: '__proto__', kind: 'reply', at: T0 },
      { source: '__proto__', target: 'toString', kind: 'reply', at: T0 + 1 },
    ];
    const r = temporalSnapshots(xs);
    expect(Object.keys(r.accounts).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(r.windows[0]!.centrality).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(r.accounts.__proto__!.interactions).toBe(2);
  });
  it('left-out records are counted: other kinds and self-interactions', () => {
    const xs: Interaction[] = [
      { source: 'a', target: 'b', kind: 'reply', at: T0 },
      { source: 'a', target: 'a', kind: 'reply', at: T0 },
      { source: 'a', target: 'c', kind: 'like', at: T0 },
    ];
    const r = temporalSnapshots(xs, { kinds: ['reply'], centrality: 'degree', summary: false });
    expect([r.skipped, r.selfLoopsDropped, r.windows[0]!.interactions]).toEqual([1, 1, 1]);
    expect(r.windows[0]!.centrality).toEqual({ a: 1, b: 1 });
  });
  it('bad input and options throw typed errors naming temporalSnapshots', () => {
    const ok: Interaction[] = [{ source: 'a', target: 'b', kind: 'reply', at: T0 }];
    const bad: [unknown, unknown, typeof InvalidInputError | typeof InvalidOptionError][] = [
      [[], undefined, InvalidInputError],
      [[{ source: 'a', target: 'b', kind: 'reply' }], undefined, InvalidInputError],
      [[{ source: 'a', target: 'b', kind: 'reply', at: 'yesterday' }], undefined, InvalidInputError],
      [[{ source: '', target: 'b', kind: 'reply', at: T0 }], undefined, InvalidInputError],
      [[{ source: 'a', target: 'b', kind: 'poke', at: T0 }], undefined, InvalidInputError],
      [[{ source: 'a', target: 'b', kind: 'reply', at: T0, weight: Number.NaN }], undefined, InvalidInputError],
      [ok, { by: { window: 0 } }, InvalidOptionError],
      [ok, { by: { window: DAY, step: -1 } }, InvalidOptionError],
      [ok, { by: 'year' }, InvalidOptionError],
      [ok, { timeZone: 'Mars/Olympus' }, InvalidOptionError],
      [ok, { matchThreshold: 0 }, InvalidOptionError],
      [ok, { nope: 1 }, InvalidOptionError],
    ];
    for (const [xs, o, cls] of bad) {
      const call = (): unknown => temporalSnapshots(xs as Interaction[], o as never);
      expect(call).toThrow(cls);
      expect(call).toThrow(/^graph\/temporalSnapshots: /);
    }
    const farApart: Interaction[] = [
      { source: 'a', target: 'b', kind: 'reply', at: '1000-01-01T00:00:00Z' },
      { source: 'a', target: 'b', kind: 'reply', at: '3000-01-01T00:00:00Z' },
    ];
    expect(() => temporalSnapshots(farApart, { by: 'day' })).toThrow(/more than 10000 windows/);
    expect(() => temporalSnapshots(farApart, { by: { window: 1 } })).toThrow(InvalidOptionError);
  });
  it('honours signal', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => temporalSnapshots(log(), { signal: ac.signal })).toThrow(AbortError);
  });
});
