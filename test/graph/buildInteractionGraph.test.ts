import { describe, expect, it } from 'vitest';
import { buildInteractionGraph, InvalidInputError, InvalidOptionError, pagerank } from 'crmkit/graph';
import type { Interaction } from 'crmkit';
import { expectClose } from '../helpers/close.js';
import { describeWithData, readDataText } from '../helpers/data.js';
import { loadFixture } from '../helpers/fixtures.js';

const log: Interaction[] = [
  { source: 'ann', target: 'bob', kind: 'reply', weight: 2, at: '2024-01-01T00:00:00Z' },
  { source: 'ann', target: 'bob', kind: 'mention', weight: 0.5, at: '2024-01-02T00:00:00Z' },
  { source: 'bob', target: 'ann', kind: 'reply', at: '2024-01-03T00:00:00Z' },
  { source: 'cat', target: 'cat', kind: 'mention', at: '2024-01-04T00:00:00Z' },
  { source: 'cat', target: 'ann', kind: 'follow', at: '2024-01-05T00:00:00Z' },
];

describe('buildInteractionGraph(interactions, options)', () => {
  it('aggregates repeated interactions by count (default) and by sum', () => {
    const g = buildInteractionGraph(Object.freeze(log.map((x) => Object.freeze({ ...x }))));
    expect(g.type).toBe('directed');
    expect(g.getEdgeAttribute('ann', 'bob', 'weight')).toBe(2);
    expect(g.getEdgeAttributes('ann', 'bob')).toEqual({ weight: 2, count: 2, reply: 1, mention: 1 });
    expect(buildInteractionGraph(log, { weight: 'sum' }).getEdgeAttribute('ann', 'bob', 'weight')).toBe(2.5);
    const maxW = buildInteractionGraph(log, { weight: (xs) => Math.max(...xs.map((x) => x.weight ?? 1)) });
    expect(maxW.getEdgeAttribute('ann', 'bob', 'weight')).toBe(2);
  });
  it('drops self-loops by default and counts them; keeps them with selfLoops: true', () => {
    const g = buildInteractionGraph(log);
    expect(g.hasEdge('cat', 'cat')).toBe(false);
    expect(g.getAttributes()).toEqual({ interactions: 4, skipped: 0, selfLoopsDropped: 1, unresolved: 0 });
    expect(buildInteractionGraph(log, { selfLoops: true }).hasEdge('cat', 'cat')).toBe(true);
  });
  it('undirected merges both directions into one edge', () => {
    const g = buildInteractionGraph(log, { directed: false });
    expect(g.type).toBe('undirected');
    expect(g.getEdgeAttribute('bob', 'ann', 'count')).toBe(3);
  });
  it('filters by kinds and by the [since, until) window, counting what it skips', () => {
    const g = buildInteractionGraph(log, { kinds: ['reply'], since: '2024-01-02T00:00:00Z', until: new Date('2024-01-04T00:00:00Z') });
    expect(g.edges().map((e) => `${g.source(e)}->${g.target(e)}`)).toEqual(['bob->ann']);
    expect(g.getAttribute('skipped')).toBe(4);
  });
  it('rejects malformed records and options', () => {
    expect(() => buildInteractionGraph([{ source: '', target: 'b', kind: 'reply' }])).toThrow(/records\[0\]\.source must be a non-empty string/);
    expect(() => buildInteractionGraph([{ source: 'a', target: 'b', kind: 'poke' as never }])).toThrow(InvalidInputError);
    expect(() => buildInteractionGraph([{ source: 'a', target: 'b', kind: 'reply', weight: NaN }])).toThrow(/weight must be a finite number/);
    expect(() => buildInteractionGraph([{ source: 'a', target: 'b', kind: 'reply' }], { since: 0 })).toThrow(/needs a timestamp/);
    expect(() => buildInteractionGraph(log, { weight: 'max' as never })).toThrow(InvalidOptionError);
    expect(() => buildInteractionGraph(log, { weight: () => -1 })).toThrow(/options.weight returned/);
    expect(() => buildInteractionGraph(log, { kinds: ['poke' as never] })).toThrow(InvalidOptionError);
    expect(() => buildInteractionGraph('x' as never)).toThrow(InvalidInputError);
  });
});

describe('buildInteractionGraph(posts, options)', () => {
  const posts = [
    { id: 'p1', author: 'Ann', text: '@United lost my bag. cc @bob @BOB mail me at ann@example.com', createdAt: 1 },
    { id: 'p2', author: 'united', text: '@ann sorry! DM us', createdAt: 2, replyTo: 'p1' },
    { id: 'p3', author: 'bob', text: 'RT @ann: lost my bag', createdAt: 3, repostOf: 'p1' },
    { id: 'p4', author: 'zoe', text: '#travel 话题 @小明 hi', createdAt: 4, replyTo: 'unknown' },
  ];
  it('makes reply, repost and @mention edges (case-insensitive, no e-mail addresses)', () => {
    const g = buildInteractionGraph(posts);
    expect(g.getEdgeAttributes('ann', 'united')).toEqual({ weight: 1, count: 1, mention: 1 });
    expect(g.getEdgeAttributes('ann', 'bob')).toEqual({ weight: 1, count: 1, mention: 1 });
    expect(g.getEdgeAttributes('united', 'ann')).toEqual({ weight: 2, count: 2, reply: 1, mention: 1 });
    expect(g.getEdgeAttributes('bob', 'ann')).toEqual({ weight: 2, count: 2, repost: 1, mention: 1 });
    expect(g.hasEdge('zoe', '小明')).toBe(true);
    expect(g.hasNode('example.com')).toBe(false);
    expect(g.getAttribute('unresolved')).toBe(1);
  });
  it('keeps case with lowercase: false', () => {
    expect(buildInteractionGraph(posts, { lowercase: false }).hasEdge('Ann', 'United')).toBe(true);
  });
});

describeWithData('CollegeMsg as interactions', [['snap-collegemsg', 'CollegeMsg.txt']], () => {
  it('buildInteractionGraph(messages) gives networkx’s message-count graph (edges and pagerank, 1e-6)', () => {
    const rows = readDataText('snap-collegemsg', 'CollegeMsg.txt').split('\n').filter(Boolean);
    const msgs: Interaction[] = rows.map((l) => {
      const [s, t, ts] = l.split(' ');
      return { source: s!, target: t!, kind: 'message', at: Number(ts) * 1000 };
    });
    const g = buildInteractionGraph(msgs);
    const fx = loadFixture<{ nodes: string[]; summary: { edges: number }; metrics: { pagerank: number[] } }>('graph-college');
    expect(g.size).toBe(fx.summary.edges);
    expect(g.getAttribute('interactions')).toBe(rows.length);
    const pr = pagerank(g).scores;
    fx.nodes.forEach((v, i) => expectClose(pr[v]!, fx.metrics.pagerank[i]!, { rel: 1e-6, abs: 1e-9 }, v));
  });
});
