/**
 * From CollegeMsg (who messaged whom, 59,835 messages) to the ten most central accounts, the
 * communities, and a picture: an SVG of the 60 accounts with the highest PageRank, coloured by
 * Leiden community, written to ./out/graph-collegemsg.svg.
 *
 *   npx tsx examples/graph-network.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Interaction } from 'crmkit';
import { betweennessCentrality, buildInteractionGraph, graphSummary, leiden, pagerank } from 'crmkit/graph';
import { readDataText } from '../scripts/lib/data.js';

const messages: Interaction[] = readDataText('snap-collegemsg', 'CollegeMsg.txt')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [source, target, seconds] = line.split(' ');
    return { source: `u${source}`, target: `u${target}`, kind: 'message', at: Number(seconds) * 1000 };
  });

const graph = buildInteractionGraph(messages, { weight: 'count' });
const summary = graphSummary(graph);
console.log(
  `${summary.nodes} accounts, ${summary.edges} directed ties, reciprocity ${summary.reciprocity!.toFixed(3)}, ` +
    `average path ${summary.averageShortestPathLength.toFixed(2)} hops (${summary.pathLengths.method}), diameter ${summary.diameter}`,
);

const pr = pagerank(graph).scores;
const bc = betweennessCentrality(graph, { k: 500, seed: 1 });
const top = Object.keys(pr).sort((a, b) => pr[b]! - pr[a]!);
console.log('\nTen most central accounts (PageRank, weighted by messages):');
for (const v of top.slice(0, 10)) {
  console.log(`  ${v.padEnd(6)} pagerank ${pr[v]!.toFixed(5)}  betweenness≈${bc[v]!.toFixed(4)}  in-degree ${graph.inDegree(v)}`);
}

const comm = leiden(graph, { seed: 1 });
console.log(`\nLeiden: ${comm.count} communities, modularity ${comm.modularity.toFixed(3)}; largest: ${comm.sizes.slice(0, 8).join(', ')}`);

// --- picture: the top 60 accounts, communities on a circle of circles -------------------------
const shown = top.slice(0, 60);
const groups = new Map<number, string[]>();
for (const v of shown) {
  const c = comm.communities[v]!;
  groups.set(c, [...(groups.get(c) ?? []), v]);
}
const W = 800;
const pos = new Map<string, [number, number]>();
const groupList = [...groups.entries()].sort((a, b) => a[0] - b[0]);
groupList.forEach(([, members], gi) => {
  const a = (2 * Math.PI * gi) / groupList.length;
  const cx = W / 2 + 250 * Math.cos(a);
  const cy = W / 2 + 250 * Math.sin(a);
  const r = 20 + 8 * members.length;
  members.forEach((v, i) => {
    const b = (2 * Math.PI * i) / members.length;
    pos.set(v, [cx + r * Math.cos(b), cy + r * Math.sin(b)]);
  });
});
const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const parts: string[] = [];
graph.forEachEdge((_e, attr, s, t) => {
  const p = pos.get(s);
  const q = pos.get(t);
  if (!p || !q) return;
  const w = Math.min(4, 0.4 + Math.log1p(attr.weight as number) / 2);
  parts.push(`<line x1="${p[0].toFixed(1)}" y1="${p[1].toFixed(1)}" x2="${q[0].toFixed(1)}" y2="${q[1].toFixed(1)}" stroke="#999" stroke-opacity="0.5" stroke-width="${w.toFixed(2)}"/>`);
});
const maxPr = pr[top[0]!]!;
for (const v of shown) {
  const [x, y] = pos.get(v)!;
  const r = 4 + 14 * Math.sqrt(pr[v]! / maxPr);
  const colour = palette[comm.communities[v]! % palette.length];
  parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${colour}" stroke="#fff"><title>${v}</title></circle>`);
  if (shown.indexOf(v) < 10) parts.push(`<text x="${(x + r + 2).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="12" font-family="sans-serif">${v}</text>`);
}
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}" viewBox="0 0 ${W} ${W}"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>\n`;
mkdirSync('out', { recursive: true });
writeFileSync('out/graph-collegemsg.svg', svg);
console.log('\nwrote out/graph-collegemsg.svg (top 60 accounts by PageRank, colour = Leiden community, size = PageRank)');
