/**
 * crmkit: typed, fast, reference-checked analytics for CRM and social-media marketing.
 *
 * The root entry exports the shared core: errors, seeded random numbers, stable numerics, special
 * functions and distributions, sparse matrices, optimization, time buckets, long-work control and the
 * shared record types. Each domain module is its own subpath: `crmkit/value`, `crmkit/text`,
 * `crmkit/graph`, `crmkit/segment`, `crmkit/classify`, `crmkit/experiment`, `crmkit/connectors`
 * (see docs/design-choices.md for why they are not re-exported here as namespaces).
 *
 * @module
 */
export * from './core/index.js';
