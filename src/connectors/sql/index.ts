/** The SQL statements, readers, merges and runners (the internal `…For` variants stay unexported). */
export * from './types.js';
export { mergeRfmSummary, readRfmSummary, rfmSummaryResult, rfmSummarySql, type ReadRfmSummaryOptions, type RfmCustomerPartial, type RfmReportPartial, type RfmSummaryPartial, type RfmSummarySpec, type RfmSummarySql, type RfmSummarySqlOptions } from './rfmSummarySql.js';
export { armSumsSql, mergeArmSums, mergeRatioSums, ratioSumsSql, readArmSums, readRatioSums, type ArmSql, type ArmSums, type ArmSumsSqlOptions, type RatioSums, type RatioSumsSqlOptions } from './armSumsSql.js';
export { mergeTermCounts, readTermCounts, termCountsSql, type TermCounts, type TermCountsSql, type TermCountsSqlOptions } from './termCountsSql.js';
export { edgeListSql, mergeEdgeList, readEdgeList, type EdgeListSql, type EdgeListSqlOptions, type WeightedEdge } from './edgeListSql.js';
export { mergeSegmentSums, readSegmentSums, segmentSumsSql, type SegmentSums, type SegmentSumsSql, type SegmentSumsSqlOptions } from './segmentSumsSql.js';
export { runArmSums, runEdgeList, runRatioSums, runRfmSummary, runRfmSummaryPartial, runSegmentSums, runTermCounts, type RunSqlOptions } from './runSql.js';
