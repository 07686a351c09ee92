import Graph from 'graphology';
import { selectInfluencers, simulateIndependentCascade } from './src/graph/index.js';
import { readDataCsv, readDataText } from './scripts/lib/data.js';
const g = new Graph({ type: 'undirected' });
for (const r of readDataCsv(['lastfm-asia', 'lastfm_asia_edges.csv'])) { g.mergeNode(r.id_1!); g.mergeNode(r.id_2!); g.mergeEdge(r.id_1!, r.id_2!); }
for (const [method, runs] of [['imm', 1000], ['celf', 200], ['degreeDiscount', 1000], ['pagerank', 1000]] as const) {
  const t = performance.now();
  const r = selectInfluencers(g, 20, { method, runs, seed: 1, epsilon: 0.1 });
  console.log(method, r.spread.toFixed(1), r.standardError.toFixed(2), r.rrSets, r.lowerBound?.toFixed(1), (performance.now()-t).toFixed(0)+'ms');
}
const f = new Graph({ type: 'undirected' });
for (const l of readDataText('snap-ego-facebook', 'facebook_combined.txt').split('\n').filter(Boolean)) { const [a,b]=l.split(' '); f.mergeNode(a!); f.mergeNode(b!); f.mergeEdge(a!,b!); }
const seeds = f.nodes().slice(0, 10);
for (const probability of ['weightedCascade', 0.01] as const) {
const t = performance.now();
const r = simulateIndependentCascade(f, seeds, { runs: 10000, probability });
console.log('fb 10k IC', probability, r.mean, (performance.now()-t).toFixed(0)+'ms');
}
