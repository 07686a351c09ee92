/**
 * crmkit/text: listening to social media. Tokens, hashtags and mentions, normalization, keyword
 * monitoring and spikes, TF-IDF, keywords and similar posts, for English and Chinese posts.
 *
 * @module
 */
export * from '../errors-export.js';
export { extractEntities } from './extractEntities.js';
export type { Entity, EntityKind, ExtractEntitiesOptions, ExtractEntitiesResult } from './extractEntities.js';
export { tokenize } from './tokenize.js';
export type { Segmenter, TokenizeOptions } from './tokenize.js';
export { normalizePost } from './normalizePost.js';
export type { NormalizePostOptions } from './normalizePost.js';
export { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopWords.js';
export { fitTfidf, parseTfidfModel } from './fitTfidf.js';
export type { DfBound, Document, FitTfidfOptions, TfidfModel, TfidfParams } from './fitTfidf.js';
export { transformTfidf } from './transformTfidf.js';
export type { TransformTfidfOptions } from './transformTfidf.js';
export { cosineSimilarity } from './cosineSimilarity.js';
export type { SparseVector } from './cosineSimilarity.js';
export { topKSimilar } from './topKSimilar.js';
export type { SimilarItems, TopKSimilarOptions } from './topKSimilar.js';
export type { CsrMatrix } from '../core/sparse.js';
export { countKeywords } from './countKeywords.js';
export type { CountKeywordsOptions, CountKeywordsResult, KeywordSeries, TimedText } from './countKeywords.js';
export { rollingMean } from '../core/time.js';
export type { RollingOptions, RollingResult } from '../core/time.js';
export { detectSpikes } from './detectSpikes.js';
export type { DetectSpikesOptions, DetectSpikesResult, Spike } from './detectSpikes.js';
export { createWatchList, matchWatchList } from './watchList.js';
export type { MatchWatchListResult, WatchListState, WatchMatch, WatchPost, WatchTerm, WatchTermTotals } from './watchList.js';
export type { MatchMode } from './_match.js';
export { extractKeywords } from './extractKeywords.js';
export type { ExtractKeywordsOptions, ExtractKeywordsResult, Keyword } from './extractKeywords.js';
export { fitTransformTfidf } from './fitTransformTfidf.js';
export type { FitTransformTfidfResult } from './fitTransformTfidf.js';
export { fitLda, ldaPerplexity, ldaTopTerms, parseLdaModel, transformLda } from './fitLda.js';
export type { FitLdaOptions, LdaModel, LdaParams, TopicTerm } from './fitLda.js';
export { recommendContent } from './recommendContent.js';
export type { ContentPick, CustomerPicks, KeyedRows, RecommendContentOptions } from './recommendContent.js';
export { buildContentProfiles } from './buildContentProfiles.js';
export type { BuildContentProfilesOptions, ContentEvent, ContentProfiles } from './buildContentProfiles.js';
export { keywordSeriesChart, type KeywordSeriesChartOptions, type KeywordSeriesPoint } from './keywordSeriesChart.js';
export { fitLdaAsync } from './fitLda.js';
export { fitTfidfAsync } from './fitTfidf.js';
export { fitNmf, nmfTopTerms, parseNmfModel, transformNmf } from './fitNmf.js';
export type { FitNmfOptions, NmfModel, NmfParams, NmfStart } from './fitNmf.js';
export { topicCoherence } from './topicCoherence.js';
export type { TopicCoherenceOptions, TopicCoherenceResult, Topics } from './topicCoherence.js';
