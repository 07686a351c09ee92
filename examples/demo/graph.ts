/**
 * `npm run demo` step for crmkit/graph: replies and mentions → the interaction graph → central
 * accounts (PageRank) and communities (Louvain), drawn with the communities coloured, and the
 * accounts to seed a campaign with (IMM influence maximization) against the usual shortcuts.
 */
import { DirectedGraph } from 'graphology';
import { buildInteractionGraph, graphSummary, influenceSpreadChart, louvain, pagerank, selectInfluencers } from 'crmkit/graph';
import { communityNetworkChart, rankedBarChart } from './charts.js';
import { defaultContext, topBy, type DemoContext, type ReportSection } from './context.js';
import { forceLayout } from './layout.js';
import { progressBar } from './progress.js';

/** Nodes drawn: the best-connected accounts (the whole graph is too dense to read). */
const DRAWN = 150;

export async function run(ctx: DemoContext = defaultContext()): Promise<ReportSection> {
  const posts = ctx.data.posts().flatMap((s) => s.posts.filter((p) => p.author !== ''));
  const graph = buildInteractionGraph(posts, { weight: 'count' });
  const bar = progressBar('graph summary');
  const s = graphSummary(graph, { exactLimit: 2000, onProgress: bar.onProgress });
  bar.done();
  const head = `${posts.length} posts → ${s.nodes} accounts, ${s.edges} reply/mention ties (${graph.getAttribute('selfLoopsDropped')} self-mentions left out), ${s.components} weak components`;
  console.log(head);
  const pr = pagerank(graph).scores;
  const ranked = Object.keys(pr).sort((a, b) => pr[b]! - pr[a]!);
  const comm = louvain(graph, { seed: 1 });
  const leaders = new Map<number, string>();
  for (const v of ranked) if (!leaders.has(comm.communities[v]!)) leaders.set(comm.communities[v]!, v);
  console.log('Ten most central accounts (PageRank):');
  for (const v of ranked.slice(0, 10)) console.log(`  @${v.padEnd(16)} ${pr[v]!.toFixed(4)}  interacted with by ${graph.inDegree(v)} accounts`);
  console.log(`Louvain: ${comm.count} communities, modularity ${comm.modularity.toFixed(3)}; largest: ${[0, 1, 2, 3].filter((c) => c < comm.count).map((c) => `${comm.sizes[c]} around @${leaders.get(c)}`).join(', ')}`);

  // Influence flows against the reply/mention direction: who is mentioned reaches who mentions them.
  const influence = new DirectedGraph();
  graph.forEachEdge((_e: string, attrs: { weight?: number }, src: string, dst: string) => {
    if (src !== dst) influence.mergeEdge(dst, src, { weight: attrs.weight ?? 1 });
  });
  const K = 10;
  const ibar = progressBar('influencers (IMM)');
  const picks = [
    selectInfluencers(influence, K, { method: 'imm', epsilon: 0.2, runs: 2000, seed: 1, onProgress: ibar.onProgress }),
    selectInfluencers(influence, K, { method: 'pagerank', runs: 2000, seed: 1 }),
    selectInfluencers(influence, K, { method: 'degree', runs: 2000, seed: 1 }),
  ];
  ibar.done();
  const imm = picks[0]!;
  const reachLine = `seeding the ${K} accounts IMM picks reaches ${imm.spread.toFixed(0)} ± ${(1.96 * imm.standardError).toFixed(0)} accounts under the weighted cascade, against ${picks[1]!.spread.toFixed(0)} for the top PageRank and ${picks[2]!.spread.toFixed(0)} for the most-followed; IMM's seeds: ${imm.seeds.slice(0, 5).map((v) => `@${v}`).join(', ')}, …`;
  console.log(`Influencers: ${reachLine}`);

  // The drawing: the DRAWN accounts with the most ties, and the ties among them (accounts left
  // without a tie inside the drawing are dropped).
  const byDegree = graph.nodes().sort((a: string, b: string) => graph.degree(b) - graph.degree(a) || pr[b]! - pr[a]!).slice(0, DRAWN);
  const chosen = new Set(byDegree);
  const tied = new Set<string>();
  graph.forEachEdge((_e: string, _a: unknown, src: string, dst: string) => {
    if (src !== dst && chosen.has(src) && chosen.has(dst)) tied.add(src).add(dst);
  });
  const drawn = byDegree.filter((v: string) => tied.has(v));
  const index = new Map(drawn.map((v: string, i: number) => [v, i]));
  const edges: [number, number][] = [];
  graph.forEachEdge((_e: string, _a: unknown, src: string, dst: string) => {
    const a = index.get(src);
    const b = index.get(dst);
    if (a !== undefined && b !== undefined && a !== b) edges.push([a, b]);
  });
  const { x, y } = forceLayout(drawn.length, edges, { seed: 7 });
  const label = (c: number) => (c < 8 ? `#${c} @${leaders.get(c)}` : 'smaller communities');
  const labelled = new Set(ranked.slice(0, 8));
  const nodes = drawn.map((v: string, i: number) => ({ id: v, x: x[i]!, y: y[i]!, community: label(comm.communities[v]!), size: graph.degree(v), label: labelled.has(v) ? `@${v}` : '' }));
  const lines = edges.map(([a, b]) => ({ x: x[a]!, y: y[a]!, x2: x[b]!, y2: y[b]! }));
  return {
    id: 'graph',
    title: 'Interaction graph: central accounts and communities',
    story: [
      `Who replies to and mentions whom: ${head}.`,
      `Influencers: ${reachLine}. ${imm.guarantee}`,
      `Louvain finds ${comm.count} communities (modularity ${comm.modularity.toFixed(3)}); the largest gather around ${[0, 1, 2].filter((c) => c < comm.count).map((c) => `@${leaders.get(c)} (${comm.sizes[c]} accounts)`).join(', ')}.`,
    ],
    charts: [
      { spec: communityNetworkChart(nodes, lines, `The ${drawn.length} best-connected accounts, coloured by community`), caption: 'Node size: ties; colour: Louvain community (named after its most central account); layout: seeded force-directed.' },
      { spec: rankedBarChart(ranked.slice(0, 12).map((v) => ({ label: `@${v}`, value: pr[v]! })), 'Most central accounts (PageRank)', 'PageRank'), caption: 'PageRank of the reply/mention graph: accounts that attention flows to.' },
      { spec: influenceSpreadChart(picks, { title: `Expected reach of ${K} seed accounts` }), caption: 'Monte Carlo reach (weighted independent cascade, 2,000 runs; bars ± 1.96 standard errors) of the seeds chosen by IMM influence maximization, by top PageRank and by most interactions.' },
    ],
    tables: [
      {
        caption: 'Central accounts',
        header: ['account', 'PageRank', 'interacted with by', 'community'],
        rows: topBy(ranked, (v) => pr[v]!, 10).map((v) => [`@${v}`, Number(pr[v]!.toFixed(4)), graph.inDegree(v), label(comm.communities[v]!)]),
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
