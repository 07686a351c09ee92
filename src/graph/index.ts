/**
 * crmkit/graph
 *
 * @module
 */
export * from '../errors-export.js';
