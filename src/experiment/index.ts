/**
 * crmkit/experiment
 *
 * @module
 */
export * from '../errors-export.js';
