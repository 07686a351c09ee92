/**
 * crmkit/segment
 *
 * @module
 */
export * from '../errors-export.js';
