/**
 * crmkit/text
 *
 * @module
 */
export * from '../errors-export.js';
