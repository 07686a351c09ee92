/**
 * crmkit/experiment: did the campaign change really work? Frequentist tests on summaries or raw
 * data, Bayesian chance to beat control, planning (sample size, power, MDE), guards (SRM,
 * multiple comparisons, sequential testing), variance reduction (CUPED) and a one-call analysis
 * with a plain-English verdict.
 *
 * @module
 */
export * from '../errors-export.js';
export type * from './types.js';
export { twoProportionZTest, type TwoProportionZTestOptions, type ProportionArmResult, type TwoProportionZTestResult } from './twoProportionZTest.js';
export { sampleRatioMismatchTest, type SampleRatioMismatchTestOptions, type SampleRatioMismatchTestResult } from './sampleRatioMismatchTest.js';
export { welchTTest, type WelchTTestOptions, type WelchTTestResult } from './welchTTest.js';
export { chiSquareTest, type ChiSquareTestOptions, type ChiSquareTestDefined, type ChiSquareTestUndefined, type ChiSquareTestResult } from './chiSquareTest.js';
export { fisherExactTest, type FisherExactTestOptions, type FisherExactTestDefined, type FisherExactTestUndefined, type FisherExactTestResult } from './fisherExactTest.js';
export { bayesianBetaBinomial, type BetaParameters, type BayesianBetaBinomialOptions, type BetaArmPosterior, type BayesianBetaBinomialResult } from './bayesianBetaBinomial.js';
export { probabilityBetaGreater, type ProbabilityBetaGreaterResult } from './probabilityBetaGreater.js';
export { probabilityBest, type ProbabilityBestOptions, type ProbabilityBestResult } from './probabilityBest.js';
export { probabilityBestNormal, type ProbabilityBestNormalOptions, type NormalPosterior, type ProbabilityBestNormalResult } from './probabilityBestNormal.js';
export { bayesianNormal, type BayesianNormalOptions, type BayesianNormalResult } from './bayesianNormal.js';
export { adjustPValues, type PValueAdjustment, type AdjustPValuesOptions, type AdjustPValuesResult } from './adjustPValues.js';
export { sampleSizeForProportions, type ProportionPlan, type ProportionPlanOptions, type SampleSizeForProportionsResult, type ProportionPowerVariant } from './sampleSizeForProportions.js';
export { powerForProportions, type ProportionPowerInput, type PowerForProportionsResult } from './powerForProportions.js';
export { sampleSizeForMeans, type MeanPlan, type SampleSizeForMeansOptions, type SampleSizeForMeansResult } from './sampleSizeForMeans.js';
export { minimumDetectableEffect, type MdeInput, type MinimumDetectableEffectOptions, type MinimumDetectableEffectResult } from './minimumDetectableEffect.js';
export { estimateDuration, type DurationInput, type EstimateDurationOptions, type EstimateDurationResult } from './estimateDuration.js';
export { relativeLift, type RelativeLiftOptions, type RelativeLiftResult } from './relativeLift.js';
export { deltaMethodRatio, type RatioRaw, type RatioSums, type DeltaMethodRatioOptions, type RatioArm, type DeltaMethodRatioResult } from './deltaMethodRatio.js';
export { cupedAdjust, type CupedArm, type CupedArmSums, type CupedAdjustOptions, type CupedAdjustResult } from './cupedAdjust.js';
export { mannWhitneyUTest, type MannWhitneyUTestOptions, type MannWhitneyUTestResult } from './mannWhitneyUTest.js';
export { bootstrapDifference, type BootstrapDifferenceOptions, type BootstrapDifferenceResult } from './bootstrapDifference.js';
export { sequentialTest, type SequentialTestOptions, type SequentialTestResult } from './sequentialTest.js';
export { groupSequentialBoundaries, type GroupSequentialBoundariesOptions, type GroupSequentialBoundariesResult } from './groupSequentialBoundaries.js';
export { analyzeExperiment, type ExperimentMetric, type ArmSummaryInput, type CupedSums, type ExperimentInput, type AnalyzeExperimentOptions, type ExperimentComparison, type ExperimentVerdict, type ExperimentChanceToBeBest, type AnalyzeExperimentResult } from './analyzeExperiment.js';
export { equivalenceTest, type EquivalenceTestOptions, type OneSidedTest, type EquivalenceTestResult } from './equivalenceTest.js';
export { nonInferiorityTest, type NonInferiorityTestOptions, type NonInferiorityTestResult } from './nonInferiorityTest.js';
export { sequentialSrmTest, type SequentialSrmTestOptions, type SequentialSrmTestResult } from './sequentialSrmTest.js';
export { experimentEffectsChart, type ExperimentEffectRow, type ExperimentEffectsChartOptions } from './experimentEffectsChart.js';
export { ratioMetricSd, type RatioMetricMoments } from './ratioMetricSd.js';
export { banditWeights, type BanditArm, type BanditWeightsOptions, type BanditWeightsResult } from './banditWeights.js';
export { bootstrapDifferenceAsync } from './bootstrapDifference.js';
export type { BreakdownSummaryInput, ExperimentDimension, ExperimentDimensionLevel, ExperimentDimensionResult } from './analyzeExperiment.js';
