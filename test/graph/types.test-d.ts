import type Graph from 'graphology';
import { expectTypeOf, test } from 'vitest';
import {
  betweennessCentrality,
  buildInteractionGraph,
  graphSummary,
  leiden,
  pagerank,
  type CommunitiesResult,
  type GraphSummaryResult,
  type IterativeCentralityResult,
} from 'crmkit/graph';

test('public types', () => {
  expectTypeOf(buildInteractionGraph([])).toEqualTypeOf<Graph>();
  expectTypeOf(betweennessCentrality).returns.toEqualTypeOf<Record<string, number>>();
  expectTypeOf(betweennessCentrality.assign).returns.toEqualTypeOf<void>();
  expectTypeOf(pagerank).returns.toEqualTypeOf<IterativeCentralityResult>();
  expectTypeOf(graphSummary).returns.toEqualTypeOf<GraphSummaryResult>();
  expectTypeOf(leiden).returns.toEqualTypeOf<CommunitiesResult>();
  expectTypeOf<GraphSummaryResult['pathLengths']['method']>().toEqualTypeOf<'exact' | 'sampled'>();
  // @ts-expect-error: unknown option names are type errors too
  pagerank({} as Graph, { damping: 0.9 });
});
