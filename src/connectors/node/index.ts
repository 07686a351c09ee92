/**
 * crmkit/connectors/node
 *
 * Node-only adapters: file readers and writers, and the lazily loaded database engines. Browser code
 * imports `crmkit/connectors` instead.
 *
 * @module
 */
export * from '../../errors-export.js';
export * from './duckdb.js';
export * from './postgres.js';
