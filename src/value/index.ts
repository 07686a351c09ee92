/**
 * crmkit/value
 *
 * @module
 */
export * from '../errors-export.js';
