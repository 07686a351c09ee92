/**
 * Network summary: size, density, reciprocity, components, path lengths, clustering, assortativity.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { createRandom } from '../core/random.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { integerInRange, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { compile, type NodeIndex } from './_compile.js';
import { directedClustering, undirectedClustering, undirectedTriangles } from './_clustering.js';
import { largest, strongComponents, weakComponents } from './_components.js';
import { distanceSums } from './_msbfs.js';

/** Options of {@link graphSummary}. */
export interface GraphSummaryOptions extends LongRunOptions {
  /**
   * Compute average path length and diameter exactly (one BFS per node of the largest component)
   * when that component has at most this many nodes; otherwise estimate them from `samples` BFS
   * sources drawn with `seed`.
   * @defaultValue 5000
   */
  exactLimit?: number;
  /**
   * Number of BFS sources when sampling.
   * @defaultValue 500
   */
  samples?: number;
  /**
   * Seed of the source sample.
   * @defaultValue 0
   */
  seed?: number;
}

/** How the path-length figures were obtained. */
export interface PathLengthInfo {
  /** `'exact'` (every node a source) or `'sampled'`. */
  method: 'exact' | 'sampled';
  /** Number of BFS sources used. */
  sources: number;
  /** The component measured: the largest connected (undirected) or strongly connected (directed) one. */
  component: 'connected' | 'strongly connected';
  /** Its number of nodes. */
  componentSize: number;
  /** Seed of the sample (sampled only). */
  seed?: number;
}

/** Result of {@link graphSummary}. */
export interface GraphSummaryResult {
  directed: boolean;
  nodes: number;
  /** Edges of the graph, self-loops included (networkx's `number_of_edges`). */
  edges: number;
  selfLoops: number;
  /** Mean total degree, 2m / n (in + out on directed graphs). */
  averageDegree: number;
  /** m / (n(n − 1)) directed, 2m / (n(n − 1)) undirected (networkx `density`); 0 for n ≤ 1. */
  density: number;
  /** Share of directed edges whose reverse also exists (networkx `overall_reciprocity`); directed only. */
  reciprocity?: number;
  /** Connected components (weakly connected on directed graphs). */
  components: number;
  /** Size of the largest of them. */
  largestComponent: number;
  /** Strongly connected components (directed only). */
  strongComponents?: number;
  /** Size of the largest strongly connected component (directed only). */
  largestStrongComponent?: number;
  /** Mean shortest-path length (hops) between ordered pairs of the largest (strongly) connected component. */
  averageShortestPathLength: number;
  /** Longest shortest path in that component; a lower bound when sampled. */
  diameter: number;
  /** How the two figures above were obtained. */
  pathLengths: PathLengthInfo;
  /** Mean local clustering coefficient over all nodes (directed: Fagiolo's directed clustering, as networkx). */
  averageClustering: number;
  /** 3 × triangles / connected triples of the undirected view (networkx `transitivity`). */
  transitivity: number;
  /**
   * Pearson correlation of degrees at the two ends of edges (directed: out-degree of the source,
   * in-degree of the target), as networkx `degree_assortativity_coefficient`. Absent when undefined
   * (all edges join nodes of equal degree, or no edges).
   */
  degreeAssortativity?: number;
}

const FN = 'graph/graphSummary';

/**
 * Summarizes a network: the figures a marketer's "network overview" shows.
 *
 * @remarks
 * Everything follows networkx 2.8.8 definitions (see each field). Self-loops count as edges in
 * `edges`, `density` and the degrees, as in networkx, and are ignored by clustering and
 * transitivity. Path lengths are hop counts on the largest connected component (undirected) or
 * largest strongly connected component (directed).
 *
 * Cost: components O(n + m); triangles O(m·√m) undirected, O(Σ d²) directed; path lengths O(c·m)
 * for a component of c nodes (exact) or O(samples·m) (sampled: the mean is unbiased with a standard
 * error ~ σ/√(samples·c), the diameter a lower bound). Memory O(n + m).
 * @see networkx `density`, `overall_reciprocity`, `number_connected_components`,
 * `average_shortest_path_length`, `diameter`, `average_clustering`, `transitivity`,
 * `degree_assortativity_coefficient`
 * @throws {@link InvalidInputError} when `graph` is not a graphology graph, is empty or mixes edge kinds
 * @throws {@link InvalidOptionError} on unknown or ill-typed options
 * @example
 * ```ts
 * import Graph from 'graphology';
 * import { graphSummary } from 'crmkit/graph';
 * const g = new Graph({ type: 'undirected' });
 * g.mergeEdge('a', 'b');
 * g.mergeEdge('b', 'c');
 * g.mergeEdge('c', 'a');
 * g.mergeEdge('c', 'd');
 * const s = graphSummary(g);
 * [s.nodes, s.edges, s.density, s.diameter, s.transitivity]; // => [4, 4, 0.6666666666666666, 2, 0.6]
 * s.pathLengths.method; // => 'exact'
 * ```
 * @category Summary
 */
export function graphSummary(graph: Graph, options?: GraphSummaryOptions): GraphSummaryResult {
  const o = checkOptions(FN, options, ['exactLimit', 'samples', 'seed', 'signal', 'onProgress']);
  const exactLimit = o.exactLimit === undefined ? 5000 : integerInRange(FN, 'options.exactLimit', o.exactLimit, { min: 0 });
  const samples = o.samples === undefined ? 500 : integerInRange(FN, 'options.samples', o.samples, { min: 1 });
  const seed = checkSeed(FN, o.seed);
  const task = taskControl(FN, o);
  const g = compile(FN, graph, { nonEmpty: true });
  const n = g.n;
  const m = g.edgeCount;
  const directed = g.directed;
  const out: Partial<GraphSummaryResult> & Record<string, unknown> = { directed, nodes: n, edges: m, selfLoops: g.loops };
  out.averageDegree = (2 * m) / n;
  out.density = n <= 1 ? 0 : (directed ? m : 2 * m) / (n * (n - 1));
  if (directed) {
    // reciprocity: edges u→v (u ≠ v) whose reverse exists
    let mutual = 0;
    const mark = new Int32Array(n).fill(-1);
    for (let u = 0; u < n; u++) {
      for (let j = g.inOffsets[u]!; j < g.inOffsets[u + 1]!; j++) mark[g.inSources[j]!] = u;
      for (let j = g.outOffsets[u]!; j < g.outOffsets[u + 1]!; j++) if (mark[g.outTargets[j]!] === u) mutual++;
    }
    out.reciprocity = m === 0 ? 0 : mutual / m;
  }
  const weak = weakComponents(g);
  out.components = weak.count;
  out.largestComponent = weak.sizes[largest(weak)]!;
  const comp = directed ? strongComponents(g) : weak;
  if (directed) {
    out.strongComponents = comp.count;
    out.largestStrongComponent = comp.sizes[largest(comp)]!;
  }
  task.checkpoint(0);
  // path lengths on the largest (strong) component
  const big = largest(comp);
  const members: number[] = [];
  for (let v = 0; v < n; v++) if (comp.label[v] === big) members.push(v);
  const c = members.length;
  const exact = c <= exactLimit;
  const sources = exact ? Int32Array.from(members) : createRandom(seed).sample(c, Math.min(samples, c)).map((i) => members[i]!);
  const inBig = new Uint8Array(n);
  for (const v of members) inBig[v] = 1;
  const sums = distanceSums(g, sources, false, inBig, task);
  let total = 0;
  for (let i = 0; i < sources.length; i++) total += sums.sum[i]!;
  const diameter = sums.maxDistance;
  out.averageShortestPathLength = c <= 1 ? 0 : total / (sources.length * (c - 1));
  out.diameter = diameter;
  out.pathLengths = {
    method: exact ? 'exact' : 'sampled',
    sources: sources.length,
    component: directed ? 'strongly connected' : 'connected',
    componentSize: c,
    ...(exact ? {} : { seed }),
  };
  // clustering and transitivity
  const ug = directed ? compile(FN, graph, { undirected: true }) : g;
  const tri = undirectedTriangles(ug);
  let t = 0;
  let triples = 0;
  for (let v = 0; v < n; v++) {
    const d = ug.outOffsets[v + 1]! - ug.outOffsets[v]!;
    t += tri[v]!;
    triples += d * (d - 1);
  }
  out.transitivity = t === 0 ? 0 : (2 * t) / triples;
  const cl = directed ? directedClustering(g) : undirectedClustering(ug, tri);
  let sc = 0;
  for (let v = 0; v < n; v++) sc += cl[v]!;
  out.averageClustering = sc / n;
  const r = assortativity(graph as EdgeSource, g.keyIndex, directed, n);
  if (r !== undefined) out.degreeAssortativity = r;
  return out as unknown as GraphSummaryResult;
}

interface EdgeSource {
  forEachEdge(cb: (e: string, a: unknown, s: string, t: string) => void): void;
}

function assortativity(graph: EdgeSource, index: NodeIndex, directed: boolean, n: number): number | undefined {
  const dOut = new Float64Array(n);
  const dIn = new Float64Array(n);
  const src: number[] = [];
  const dst: number[] = [];
  graph.forEachEdge((_e, _a, s, t) => {
    const i = index.get(s)!;
    const j = index.get(t)!;
    src.push(i);
    dst.push(j);
    dOut[i] = dOut[i]! + 1;
    dIn[j] = dIn[j]! + 1;
  });
  const xs: number[] = [];
  const ys: number[] = [];
  for (let e = 0; e < src.length; e++) {
    const i = src[e]!;
    const j = dst[e]!;
    if (directed) {
      xs.push(dOut[i]!);
      ys.push(dIn[j]!);
    } else {
      const di = dOut[i]! + dIn[i]!;
      const dj = dOut[j]! + dIn[j]!;
      xs.push(di);
      ys.push(dj);
      if (i !== j) {
        xs.push(dj);
        ys.push(di);
      }
    }
  }
  const k = xs.length;
  if (k === 0) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < k; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= k;
  my /= k;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < k; i++) {
    const a = xs[i]! - mx;
    const b = ys[i]! - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (!(sxx > 0 && syy > 0)) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}
