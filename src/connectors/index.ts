/**
 * crmkit/connectors
 *
 * @module
 */
export * from '../errors-export.js';
export { parseCsv, type CellValue, type ColumnSpec, type ColumnType, type CsvDialectOptions, type CsvRow, type ParseCsvOptions, type ParseCsvResult, type ReadReport, type RowIssue } from './parseCsv.js';
export { formatCsv, formatJsonl, type FormatCsvOptions, type WritableValue } from './formatCsv.js';
export { parseDateTime, type ParseDateTimeOptions } from './parseDateTime.js';
export type { ColumnReadOptions } from './_columns.js';
export { pseudonymizeId, pseudonymizeIds, type PseudonymKey, type PseudonymizeOptions } from './pseudonymizeId.js';
export { hashForAdPlatform, normalizeForAdPlatform, type AdMatchKind, type AdMatchOptions } from './hashForAdPlatform.js';
export { redactPii, type PiiKind, type RedactPiiOptions, type RedactPiiResult } from './redactPii.js';
export { decryptFields, encryptFields, type FieldKey, type FieldKeyring } from './encryptFields.js';
export { suppressSmallCells, type CellPosition, type SuppressSmallCellsOptions, type SuppressSmallCellsResult } from './suppressSmallCells.js';
export { project, type FieldPolicy } from './project.js';
export type { AdapterError, CursorValue, CustomerPage, CustomerStore, EventSink, FetchRequest, PostSource, SourcePage, StoredCustomer, TransactionSource, WriteRequest } from './types.js';
export type { RetryOptions } from './_retry.js';
export { syncPosts, type SchemaChange, type SyncFailure, type SyncOptions, type SyncPostsOptions, type SyncResult, type SyncState } from './syncPosts.js';
export { syncTransactions, type SyncTransactionsOptions } from './syncTransactions.js';
export { syncCustomers, type ConflictRule, type CustomerSyncState, type SyncCustomersOptions, type SyncCustomersResult } from './syncCustomers.js';
export { createInMemoryCustomerStore, createInMemoryPostSource, createInMemorySink, type InMemoryCustomerStore, type InMemoryPostSource, type InMemorySink, type InMemorySourceOptions, type SourceRecord } from './createInMemoryPostSource.js';
export { exportSnapshot, restoreSnapshot, type RestoreSnapshotResult } from './exportSnapshot.js';
export type { Customer, Interaction, Post, Timestamp, Transaction } from '../core/types.js';
export * from './sql/index.js';
