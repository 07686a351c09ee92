/**
 * crmkit/classify
 *
 * @module
 */
export * from '../errors-export.js';
