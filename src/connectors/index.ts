/**
 * crmkit/connectors
 *
 * @module
 */
export * from '../errors-export.js';
