import Graph from 'graphology';
import { selectInfluencers } from './src/graph/index.js';
import { readDataCsv } from './scripts/lib/data.js';
const g = new Graph({ type: 'undirected' });
for (const r of readDataCsv(['github-social', 'musae_git_edges.csv.gz'])) { g.mergeNode(r.id_1!); g.mergeNode(r.id_2!); g.mergeEdge(r.id_1!, r.id_2!); }
console.log(g.order, g.size);
for (const method of ['imm', 'degreeDiscount', 'pagerank'] as const) {
  const t = performance.now(); const c0 = process.cpuUsage();
  const r = selectInfluencers(g, 50, { method, runs: 100, seed: 1, epsilon: 0.1 });
  console.log(method, r.spread.toFixed(1), r.standardError.toFixed(2), r.rrSets, r.lowerBound?.toFixed(1), (performance.now()-t).toFixed(0)+'ms', ((process.cpuUsage(c0).user)/1000).toFixed(0)+'ms cpu', (process.memoryUsage().rss/1e6).toFixed(0)+'MB');
}
