/**
 * crmkit/connectors
 *
 * @module
 */
export * from '../errors-export.js';
export * from './sql/index.js';
