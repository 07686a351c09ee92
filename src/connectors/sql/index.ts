export * from './types.js';
export * from './rfmSummarySql.js';
export * from './armSumsSql.js';
export * from './termCountsSql.js';
export * from './edgeListSql.js';
export * from './segmentSumsSql.js';
export * from './runSql.js';
