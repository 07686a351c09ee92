/**
 * crmkit/connectors/node
 *
 * Node-only adapters: file readers and writers, and the lazily loaded database engines. Browser code
 * imports `crmkit/connectors` instead.
 *
 * @module
 */
export * from '../../errors-export.js';
export { readCsv, type ReadCsvOptions, type RowReader } from './readCsv.js';
export { readJsonl, type ReadJsonlOptions } from './readJsonl.js';
export { writeCsv, writeJsonl, type RowInput, type WriteCsvOptions, type WriteJsonlOptions, type WriteResult, type WritableTarget } from './writeCsv.js';
export type { ByteSourceOptions, ReadSource } from './_text.js';
export * from './duckdb.js';
export * from './postgres.js';
export { createFileSource, type FileSource, type FileSourceOptions } from './createFileSource.js';
export { createFileSink, type FileSink, type FileSinkOptions } from './createFileSink.js';
export { createFileCustomerStore, type FileCustomerStore, type FileCustomerStoreOptions } from './createFileCustomerStore.js';
export type { FileFormat, FileReadOptions } from './_fileRows.js';
