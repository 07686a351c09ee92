/**
 * `npm run demo` step for crmkit/graph: the mention graph of the airline tweets — who gets
 * mentioned most (PageRank, in-degree), and the communities of the conversation.
 */
import type { Post } from 'crmkit';
import { buildInteractionGraph, graphSummary, louvain, pagerank } from 'crmkit/graph';
import { readDataCsv } from '../../scripts/lib/data.js';

export async function run(): Promise<void> {
  const rows = readDataCsv(['twitter-airline-sentiment', 'Tweets.csv.gz']);
  const posts: Post[] = rows.map((r) => ({ id: r.tweet_id!, author: r.name!, text: r.text!, createdAt: Date.parse(r.tweet_created!.replace(' -0800', '-08:00').replace(' ', 'T')) }));
  const graph = buildInteractionGraph(posts, { weight: 'count' });
  const s = graphSummary(graph, { exactLimit: 2000 });
  console.log(
    `Airline tweets: ${posts.length} tweets → ${s.nodes} accounts, ${s.edges} mention ties ` +
      `(${graph.getAttribute('selfLoopsDropped')} self-mentions left out), ${s.components} weak components`,
  );
  const pr = pagerank(graph).scores;
  const top = Object.keys(pr)
    .sort((a, b) => pr[b]! - pr[a]!)
    .slice(0, 10);
  console.log('Ten most central accounts (PageRank of the mention graph):');
  for (const v of top) console.log(`  @${v.padEnd(16)} ${pr[v]!.toFixed(4)}  mentioned by ${graph.inDegree(v)} accounts`);
  const comm = louvain(graph, { seed: 1 });
  const leaders = new Map<number, string>();
  for (const v of Object.keys(pr).sort((a, b) => pr[b]! - pr[a]!)) if (!leaders.has(comm.communities[v]!)) leaders.set(comm.communities[v]!, v);
  console.log(`Louvain: ${comm.count} communities, modularity ${comm.modularity.toFixed(3)}; the largest six:`);
  for (let c = 0; c < Math.min(6, comm.count); c++) console.log(`  #${c}: ${comm.sizes[c]} accounts around @${leaders.get(c)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
