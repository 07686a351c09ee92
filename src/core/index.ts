/**
 * crmkit's shared core: errors, seeded random numbers, stable numerics, special functions and
 * distributions, sparse matrices, optimization, time buckets, long-work control and the shared
 * record types. Every domain module builds on it; it is re-exported from the package root.
 *
 * @module
 */
export * from './errors.js';
export * from './random.js';
export { logSumExp, meanVariance, sum, type MeanVarianceResult } from './sum.js';
export * from './progress.js';
export type * from './types.js';
export * from './optimize.js';
export * from './special/index.js';
export * from './sparse.js';
export * from './time.js';
export * from './chart.js';
