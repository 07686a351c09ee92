import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import type { SelectInfluencersResult } from './selectInfluencers.js';

/** One bar of {@link influenceSpreadChart}. */
export interface InfluenceSpreadRow {
  method: SelectInfluencersResult['method'];
  /** Number of seeds chosen. */
  seeds: number;
  spread: number;
  standardError: number;
  /** spread ± 1.96 standard errors. */
  lower: number;
  upper: number;
  /** The seeds, in the order they were picked. */
  chosen: string;
}

/**
 * Compares seed sets by simulated reach: one bar per {@link selectInfluencers} result (IMM, CELF,
 * PageRank, degree, …) with its expected spread and a 95% error bar (± 1.96 standard errors of the
 * Monte Carlo estimate). `data.values` hold one row per result, in the given order, with its
 * spread and standard error as the result gives them.
 *
 * @throws {@link InvalidInputError} when `results` is empty or holds something that is not a selectInfluencers result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { UndirectedGraph } from 'graphology';
 * import { influenceSpreadChart, selectInfluencers } from 'crmkit/graph';
 * const g = new UndirectedGraph();
 * for (const [a, b] of [['a', 'b'], ['a', 'c'], ['a', 'd'], ['d', 'e'], ['e', 'f']]) g.mergeEdge(a!, b!);
 * const celf = selectInfluencers(g, 2, { method: 'celf', probability: 0.5, runs: 200, seed: 1 });
 * const degree = selectInfluencers(g, 2, { method: 'degree', probability: 0.5, runs: 200, seed: 1 });
 * influenceSpreadChart([celf, degree]).data?.values.map((r) => r.method); // => ['celf', 'degree']
 * ```
 * @category Charts
 */
export function influenceSpreadChart(results: readonly SelectInfluencersResult[], options?: ChartOptions): VegaLiteSpec {
  const fn = 'graph/influenceSpreadChart';
  if (!Array.isArray(results) || results.length === 0) throw new InvalidInputError(fn, 'results must be a non-empty array of selectInfluencers results', results);
  const rows: InfluenceSpreadRow[] = results.map((r, i) => {
    if (r === null || typeof r !== 'object' || !Array.isArray(r.seeds) || typeof r.method !== 'string' || !Number.isFinite(r.spread) || !Number.isFinite(r.standardError) || r.standardError < 0) {
      throw new InvalidInputError(fn, `results[${i}] must be a selectInfluencers result with a finite spread and standard error`, r);
    }
    return { method: r.method, seeds: r.seeds.length, spread: r.spread, standardError: r.standardError, lower: r.spread - 1.96 * r.standardError, upper: r.spread + 1.96 * r.standardError, chosen: r.seeds.join(', ') };
  });
  return chartSpec(fn, {
    data: { values: rows },
    encoding: { y: { field: 'method', type: 'nominal', sort: null, title: null } },
    layer: [
      {
        mark: { type: 'bar', color: '#2458b3' },
        encoding: {
          x: { field: 'spread', type: 'quantitative', title: 'expected reach (accounts, seeds included)' },
          tooltip: [{ field: 'method' }, { field: 'seeds', type: 'quantitative' }, { field: 'spread', type: 'quantitative', format: ',.1f' }, { field: 'standardError', type: 'quantitative', format: '.2f' }, { field: 'chosen' }],
        },
      },
      { mark: { type: 'rule', color: '#222', strokeWidth: 2 }, encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
    ],
  }, { title: 'Expected reach of each seed set (95% error bars)', width: 380, height: Math.max(60, 32 * rows.length) }, options);
}
