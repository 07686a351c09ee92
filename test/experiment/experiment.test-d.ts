import { expectTypeOf, test } from 'vitest';
import {
  analyzeExperiment,
  chiSquareTest,
  fisherExactTest,
  probabilityBestNormal,
  twoProportionZTest,
  welchTTest,
  type AnalyzeExperimentResult,
  type ChiSquareTestDefined,
  type ExperimentChanceToBeBest,
  type ProbabilityBestNormalResult,
  type Interval,
  type TwoProportionZTestResult,
} from 'crmkit/experiment';

test('results are plain typed objects; undefined tables must be narrowed before reading the statistic', () => {
  expectTypeOf(twoProportionZTest({ n: 10, conversions: 1 }, { n: 10, conversions: 2 })).toEqualTypeOf<TwoProportionZTestResult>();
  expectTypeOf(welchTTest([1, 2], { n: 5, mean: 1, sd: 1 }).confidenceInterval).toEqualTypeOf<Interval>();
  const r = chiSquareTest([[1, 2], [3, 4]]);
  // @ts-expect-error statistic exists only when defined
  void r.statistic;
  if (r.defined) expectTypeOf(r).toEqualTypeOf<ChiSquareTestDefined>();
  const f = fisherExactTest([[1, 2], [3, 4]]);
  if (!f.defined) expectTypeOf(f.pValue).toEqualTypeOf<1>();
  expectTypeOf(analyzeExperiment).returns.toEqualTypeOf<AnalyzeExperimentResult>();
  // metrics are required
  // @ts-expect-error options.metrics is required
  void (() => analyzeExperiment({ summaries: [] }, {}));
});

test('raw binary arms, best-arm probabilities', () => {
  expectTypeOf(twoProportionZTest([0, 1, true], new Uint8Array([1, 0]))).toEqualTypeOf<TwoProportionZTestResult>();
  // @ts-expect-error strings are not raw outcomes
  void (() => twoProportionZTest(['1', '0'], [0, 1]));
  expectTypeOf(probabilityBestNormal([[1, 2], { n: 3, mean: 1, sd: 1 }])).toEqualTypeOf<ProbabilityBestNormalResult>();
  expectTypeOf<AnalyzeExperimentResult['chanceToBeBest']>().toEqualTypeOf<ExperimentChanceToBeBest[]>();
});
