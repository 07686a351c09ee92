/**
 * crmkit/text/sentiment: sentiment of English and Chinese posts without training (VADER-style
 * rules and lexicons), and sentiment over time. A subpath of its own because VADER's lexicon
 * (7,500 words, about 27 KB gzipped) would not fit in `crmkit/text`'s bundle budget.
 *
 * @module
 */
export * from '../../errors-export.js';
export { sentiment } from './sentiment.js';
export type { SentimentOptions, SentimentResult, SentimentToken } from './sentiment.js';
export { sentimentSeries } from './sentimentSeries.js';
export type { SentimentPost, SentimentSeriesOptions, SentimentSeriesResult } from './sentimentSeries.js';
export { sentimentSeriesChart, type SentimentSeriesPoint } from './sentimentSeriesChart.js';
