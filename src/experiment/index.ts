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
export * from './twoProportionZTest.js';
export * from './sampleRatioMismatchTest.js';
export * from './welchTTest.js';
export * from './chiSquareTest.js';
export * from './fisherExactTest.js';
export * from './bayesianBetaBinomial.js';
export * from './probabilityBetaGreater.js';
export * from './probabilityBest.js';
export * from './bayesianNormal.js';
export * from './adjustPValues.js';
export * from './sampleSizeForProportions.js';
export * from './powerForProportions.js';
export * from './sampleSizeForMeans.js';
export * from './minimumDetectableEffect.js';
export * from './estimateDuration.js';
export * from './relativeLift.js';
export * from './deltaMethodRatio.js';
export * from './cupedAdjust.js';
export * from './mannWhitneyUTest.js';
export * from './bootstrapDifference.js';
export * from './sequentialTest.js';
export * from './groupSequentialBoundaries.js';
export * from './analyzeExperiment.js';
