/**
 * crmkit: typed, fast, reference-checked analytics for CRM and social-media marketing.
 *
 * The root entry exports the shared core (errors, random, numerics, …) and each domain module as a
 * namespace. For smaller bundles import a subpath directly: `crmkit/value`, `crmkit/text`,
 * `crmkit/graph`, `crmkit/segment`, `crmkit/classify`, `crmkit/experiment`, `crmkit/connectors`.
 *
 * @module
 */
export * from './core/index.js';
export * as value from './value/index.js';
export * as text from './text/index.js';
export * as graph from './graph/index.js';
export * as segment from './segment/index.js';
export * as classify from './classify/index.js';
export * as experiment from './experiment/index.js';
export * as connectors from './connectors/index.js';
