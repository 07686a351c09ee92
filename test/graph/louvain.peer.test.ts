/**
 * Louvain quality beside graphology-communities-louvain 2.0.2 (the bench peer, a dev dependency) at
 * both packages' default options, over seeds 1–10 of each (the peer's `rng` seeded with mulberry32):
 * our median modularity, and ours at the default seed, must be at least the peer's median. Both are
 * greedy heuristics, so this compares distributions, not single runs; the margins measured on
 * lastfm-asia are in docs/design-choices.md (Graph section).
 */
import Graph from 'graphology';
import louvainPeer from 'graphology-communities-louvain';
import modularityPeer from 'graphology-metrics/graph/modularity.js';
import { beforeAll, expect, it } from 'vitest';
import { louvain } from 'crmkit/graph';
import { readDataCsv } from '../../scripts/lib/data.js';
import { mulberry32 } from '../../scripts/lib/mulberry32.js';
import { describeWithData } from '../helpers/data.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

describeWithData('louvain vs graphology-communities-louvain on lastfm-asia', [['lastfm-asia', 'lastfm_asia_edges.csv']], () => {
  let g: Graph;
  beforeAll(() => {
    g = new Graph({ type: 'undirected' });
    for (const r of readDataCsv(['lastfm-asia', 'lastfm_asia_edges.csv'])) g.mergeEdge(r.id_1!, r.id_2!);
  });
  it('our median modularity over seeds 1–10, and ours at the default seed, are ≥ the peer’s median', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const peer = seeds.map((s) => {
      const comm = louvainPeer(g, { rng: mulberry32(s) });
      return modularityPeer(g, { getNodeCommunity: (n: string) => comm[n]! });
    });
    const ours = seeds.map((seed) => louvain(g, { seed }).modularity);
    expect(median(ours)).toBeGreaterThanOrEqual(median(peer));
    expect(louvain(g).modularity).toBeGreaterThanOrEqual(median(peer));
  });
});
